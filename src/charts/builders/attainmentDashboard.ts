/**
 * Targets (rows) × scenarios (columns): each cell coloured by attainment class and labelled with
 * the class in words (grey-scale safe), plus the probability of meeting the target under Monte Carlo.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AttainmentClass, ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { requireResults, scenarioName } from '../data.js';
import { attainmentClassLabels, attainmentClassShort, t } from '../i18n.js';
import { attainmentColours, attainmentOrder, attainmentTextColour, fontSizes, textColour } from '../theme.js';
import { textWidth, wrapText } from '../text-width.js';

export interface AttainmentDashboardOptions extends CommonChartOptions {
  /** Only these target ids, in this order; default all targets in order of first appearance. */
  readonly targets?: readonly string[];
}

const ROW_HEIGHT = 26;
const HEADER_LINE = 13;
const MAX_ROW_LABEL = 300;

export function attainmentDashboard(results: readonly ScenarioResult[], options: AttainmentDashboardOptions = {}): TopLevelSpec {
  requireResults(results);
  const { lang, size, labels } = resolveCommon(options);
  const names = results.map((r) => scenarioName(r, lang));
  const wanted = options.targets ? new Set(options.targets) : undefined;

  const rows: { targetId: string; label: string }[] = [];
  const rowOf = new Map<string, string>();
  const cells: Record<string, unknown>[] = [];
  results.forEach((r, i) => {
    for (const a of r.attainment) {
      if (wanted && !wanted.has(a.target)) continue;
      const key = `${a.target}|${a.year}`;
      let row = rowOf.get(key);
      if (row === undefined) {
        row = `${a.label[lang]}${lang === 'zh' ? `（${a.year}）` : ` (${a.year})`}`;
        rowOf.set(key, row);
        rows.push({ targetId: a.target, label: row });
      }
      const short = attainmentClassShort[a.class][lang];
      cells.push({
        target: row,
        scenario: names[i],
        cls: attainmentClassLabels[a.class][lang],
        text: a.probability === null ? short : `${short} ${Math.round(a.probability * 100)}%`,
        ink: attainmentTextColour(a.class),
      });
    }
  });
  const requested = options.targets ?? [];
  if (wanted) rows.sort((a, b) => requested.indexOf(a.targetId) - requested.indexOf(b.targetId));
  const rowLabels = rows.map((r) => r.label);

  const present = new Set(results.flatMap((r) => r.attainment.map((a) => a.class)));
  const classes: AttainmentClass[] = attainmentOrder.filter((c) => present.has(c));
  const anyProbability = results.some((r) => r.attainment.some((a) => a.probability !== null));

  const labelWidth = Math.min(MAX_ROW_LABEL, Math.ceil(Math.max(40, ...rowLabels.map((l) => textWidth(l, fontSizes.label)))) + 8);
  const cellWidth = Math.max(56, Math.min(120, Math.floor((size.width - labelWidth - 30) / Math.max(1, names.length))));
  // Column headers are a text layer, not axis labels: long scenario names wrap onto several
  // lines bottom-aligned above the grid (multi-line axis labels would overlap the first row).
  // (Vega writes line 2… below line 1 whatever the baseline, so shorter headers are padded with
  // empty lines at the top and all are hung from the same y.)
  const wrapped = names.map((n) => wrapText(n, fontSizes.label, cellWidth - 6));
  const headerLines = Math.max(1, ...wrapped.map((w) => w.length));
  const headers = names.map((n, i) => {
    const lines = wrapped[i] ?? [n];
    return { scenario: n, lines: [...Array<string>(headerLines - lines.length).fill(''), ...lines] };
  });
  const x = { field: 'scenario', type: 'nominal', sort: names, title: null, axis: null };
  const y = { field: 'target', type: 'nominal', sort: rowLabels, title: null, axis: { labelLimit: labelWidth, domain: false, ticks: false, labelPadding: 6 } };
  const body = {
    width: { step: cellWidth },
    height: { step: ROW_HEIGHT },
    data: { values: cells },
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
            legend: { title: t('attainmentClass', lang), orient: 'bottom', direction: 'horizontal', symbolType: 'square', symbolSize: 140, columns: 3, labelLimit: 200 },
          },
          tooltip: [
            { field: 'target', type: 'nominal', title: t('targetAxis', lang) },
            { field: 'scenario', type: 'nominal', title: t('scenario', lang) },
            { field: 'cls', type: 'nominal', title: t('attainmentClass', lang) },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: fontSizes.label },
        encoding: { x, y, text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
      {
        data: { values: headers },
        mark: { type: 'text', fontSize: fontSizes.label, baseline: 'top', lineHeight: HEADER_LINE, y: -6 - HEADER_LINE * headerLines, color: textColour },
        encoding: { x, text: { field: 'lines' } },
      },
    ],
  };
  const subtitleParts = [anyProbability ? t('probabilityNote', lang) : ''].filter((s) => s !== '');
  return finish({
    body,
    title: options.title ?? t('attainment', lang),
    ...(options.subtitle !== undefined || subtitleParts.length > 0 ? { subtitle: options.subtitle ?? subtitleParts.join(' ') } : {}),
    footnote: footnoteText({ results, ids: [], labels, lang }),
    footnoteWidth: Math.max(size.width - 20, labelWidth + cellWidth * names.length),
    footnoteIndent: labelWidth + 6,
    description: `${t('attainment', lang)}: ${names.join(', ')}`,
  });
}
