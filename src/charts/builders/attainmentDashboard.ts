/**
 * Targets (rows) × scenarios (columns): each cell coloured by attainment class and labelled with
 * the class in words (grey-scale safe), plus the probability of meeting the target under Monte Carlo.
 *
 * Every text is measured in the chart face and the layout chosen to fit it: cell texts on one line
 * when the columns can be that wide, else class and probability on two lines; row labels wrapped
 * onto up to three balanced lines (abbreviated beyond, the full text in the tooltip); when even
 * that leaves the row labels too little room, the chart is given more width than its nominal size.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AttainmentClass, AttainmentRow, ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, sentence, type CommonChartOptions } from '../compose.js';
import { requireResults, scenarioName } from '../data.js';
import { attainmentClassLabels, attainmentClassShort, t, type Lang } from '../i18n.js';
import { attainmentColours, attainmentOrder, attainmentTextColour, fontSizes, textColour } from '../theme.js';
import { fitLines, widestLine, wrapBalanced } from '../text-width.js';
import { multiLineTextLayers } from './shared.js';

/** Options of {@link attainmentDashboard}. */
export interface AttainmentDashboardOptions extends CommonChartOptions {
  /** Only these target ids, in this order; default all targets in order of first appearance. */
  readonly targets?: readonly string[];
}

/** Line height of every text in the grid (label font 10 px). */
const LINE = 12;
/** Vertical room around the text of a row. */
const ROW_PADDING = 10;
/** Room either side of a cell's text, and the narrowest column. */
const CELL_PADDING = 5;
const MIN_CELL = 44;
/** Gap between row labels and the grid. */
const LABEL_GAP = 6;
/** Row labels get at least this share of the width, and this many px (or their full width if less). */
const MIN_LABEL_SHARE = 0.25;
const MIN_LABEL_WIDTH = 140;
const MAX_LABEL_LINES = 3;
/** The chart's padding (theme config) either side. */
const PADDING = 8;

interface Row {
  readonly key: string;
  readonly label: string;
}

interface Cell {
  readonly row: string;
  readonly scenario: string;
  readonly cls: string;
  readonly target: string;
  /** The cell text on one line and split onto two (class / probability). */
  readonly one: readonly string[];
  readonly two: readonly string[];
  readonly ink: string;
}

/** Text layers for items whose `lines` hold 1…n lines, each block centred on its row. */
const centredTextLayers = (n: number, mark: Record<string, unknown>, encoding: Record<string, unknown>): Record<string, unknown>[] =>
  multiLineTextLayers(n, { ...mark, baseline: 'middle', lineHeight: LINE }, encoding, (lines) => -((lines - 1) * LINE) / 2);

const rowLabel = (a: AttainmentRow, lang: Lang, withYear: boolean): string =>
  withYear ? `${a.label[lang]}${lang === 'zh' ? `（${a.year}）` : ` (${a.year})`}` : a.label[lang];

/**
 * The plan's targets (rows) × scenarios (columns), each cell coloured by attainment class and
 * labelled with it in words, with the share of Monte Carlo runs meeting the target.
 */
export function attainmentDashboard(results: readonly ScenarioResult[], options: AttainmentDashboardOptions = {}): TopLevelSpec {
  requireResults(results);
  const { lang, size, labels } = resolveCommon(options);
  const names = results.map((r) => scenarioName(r, lang));
  const wanted = options.targets ? new Set(options.targets) : undefined;
  const judged = results.flatMap((r) => r.attainment.filter((a) => !wanted || wanted.has(a.target)));
  // When every target is for the same year, the year goes into the subtitle, not into every row.
  const years = [...new Set(judged.map((a) => a.year))];
  const oneYear = years.length === 1 ? years[0] : undefined;

  const rows: (Row & { targetId: string })[] = [];
  const seen = new Set<string>();
  const cells: Cell[] = [];
  results.forEach((r, i) => {
    for (const a of r.attainment) {
      if (wanted && !wanted.has(a.target)) continue;
      const key = `${a.target}|${a.year}`;
      if (!seen.has(key)) {
        seen.add(key);
        rows.push({ key, targetId: a.target, label: rowLabel(a, lang, oneYear === undefined) });
      }
      const short = attainmentClassShort[a.class][lang];
      const p = a.probability === null ? null : `${Math.round(a.probability * 100)}%`;
      cells.push({
        row: key,
        scenario: names[i] ?? r.scenario.id,
        cls: attainmentClassLabels[a.class][lang],
        target: rowLabel(a, lang, true),
        one: [p === null ? short : `${short} ${p}`],
        two: p === null ? [short] : [short, p],
        ink: attainmentTextColour(a.class),
      });
    }
  });
  const requested = options.targets ?? [];
  if (wanted) rows.sort((a, b) => requested.indexOf(a.targetId) - requested.indexOf(b.targetId));

  // Layout: the widest cell text decides the column width; one-line cells if that leaves the row
  // labels their room, else two-line cells; the labels wrap into what is left.
  const size10 = fontSizes.label;
  const room = size.width - 2 * PADDING;
  const columns = Math.max(1, names.length);
  const widestLabel = widestLine(rows.map((r) => r.label), size10);
  const labelFloor = Math.min(widestLabel, Math.max(MIN_LABEL_WIDTH, room * MIN_LABEL_SHARE));
  const columnWidth = (lines: (c: Cell) => readonly string[]): number =>
    Math.max(MIN_CELL, Math.ceil(widestLine(cells.flatMap(lines), size10)) + 2 * CELL_PADDING);
  const oneLine = columnWidth((c) => c.one);
  const twoLine = columnWidth((c) => c.two);
  const useOneLine = room - columns * oneLine - LABEL_GAP >= labelFloor;
  const cellWidth = useOneLine ? oneLine : twoLine;
  // Row labels take the room left beside the grid, but no more than the widest label needs.
  const labelWidth = Math.max(labelFloor, Math.min(Math.ceil(widestLabel) + 1, room - columns * cellWidth - LABEL_GAP));

  const fitted = rows.map((r) => ({ ...r, ...fitLines(r.label, size10, labelWidth, MAX_LABEL_LINES) }));
  const cellLines = (c: Cell): readonly string[] => (useOneLine ? c.one : c.two);
  const rowLines = Math.max(1, ...fitted.map((r) => r.lines.length), ...cells.map((c) => cellLines(c).length));
  const rowHeight = rowLines * LINE + ROW_PADDING;

  // Column headers: scenario names wrapped (balanced) to the column, bottom-aligned above the grid.
  // (Vega writes line 2… below line 1 whatever the baseline, so shorter headers are padded with
  // empty lines at the top and all are hung from the same y.)
  const wrapped = names.map((n) => wrapBalanced(n, size10, cellWidth - 6));
  const headerLines = Math.max(1, ...wrapped.map((w) => w.length));
  const headers = names.map((n, i) => {
    const lines = wrapped[i] ?? [n];
    return { scenario: n, lines: [...Array<string>(headerLines - lines.length).fill(''), ...lines] };
  });

  const present = new Set(judged.map((a) => a.class));
  const classes: AttainmentClass[] = attainmentOrder.filter((c) => present.has(c));
  const anyProbability = judged.some((a) => a.probability !== null);

  const x = { field: 'scenario', type: 'nominal', sort: names, title: null, axis: null };
  const y = { field: 'row', type: 'nominal', sort: rows.map((r) => r.key), title: null, axis: null };
  const tooltip = [
    { field: 'target', type: 'nominal', title: t('targetAxis', lang) },
    { field: 'scenario', type: 'nominal', title: t('scenario', lang) },
    { field: 'cls', type: 'nominal', title: t('attainmentClass', lang) },
  ];
  const body = {
    width: { step: cellWidth },
    height: { step: rowHeight },
    data: { values: cells.map((c) => ({ ...c, lines: cellLines(c) })) },
    layer: [
      {
        mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 2 },
        encoding: {
          x,
          y,
          fill: {
            field: 'cls',
            type: 'nominal',
            scale: { domain: classes.map((c) => attainmentClassLabels[c][lang]), range: classes.map((c) => attainmentColours[c]) },
            legend: { title: t('attainmentClass', lang), orient: 'bottom', direction: 'horizontal', symbolType: 'square', symbolSize: 140, columns: 3, labelLimit: 0 },
          },
          tooltip,
        },
      },
      ...centredTextLayers(2, { type: 'text', fontSize: size10 }, { x, y, color: { field: 'ink', type: 'nominal', scale: null }, tooltip }),
      // Row labels: a text layer right-aligned left of the grid (axis labels cannot wrap or centre
      // a multi-line block), the full label in the tooltip.
      {
        data: { values: fitted.map((r) => ({ row: r.key, lines: r.lines, full: r.label })) },
        layer: centredTextLayers(MAX_LABEL_LINES, { type: 'text', fontSize: size10, align: 'right', x: -LABEL_GAP, color: textColour }, { y, tooltip: { field: 'full', type: 'nominal' } }),
      },
      {
        data: { values: headers },
        mark: { type: 'text', fontSize: size10, baseline: 'top', lineHeight: LINE + 1, y: -6 - (LINE + 1) * headerLines, color: textColour },
        encoding: { x, text: { field: 'lines' } },
      },
    ],
  };
  const subtitleParts = [oneYear === undefined ? '' : t('targetsFor', lang, { year: oneYear }), anyProbability ? t('probabilityNote', lang) : ''].filter((s) => s !== '');
  return finish({
    body,
    title: options.title ?? t('attainment', lang),
    ...(options.subtitle !== undefined || subtitleParts.length > 0 ? { subtitle: options.subtitle ?? sentence(subtitleParts.join(t('clauseSeparator', lang))) } : {}),
    footnote: footnoteText({ results, ids: [], labels, lang }),
    footnoteWidth: Math.max(size.width - 20, labelWidth + LABEL_GAP + cellWidth * columns),
    footnoteIndent: labelWidth + LABEL_GAP,
    description: `${t('attainment', lang)}: ${names.join(', ')}`,
  });
}
