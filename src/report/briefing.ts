/**
 * The briefing: what the scenarios project and how the plan's targets fare, as a report document
 * (document.ts renders it as Markdown and as one self-contained HTML file). Pure: takes results,
 * labels and the rendered charts, returns text; the caller writes the files.
 *
 * Sections are built one function each, so a new section (a summary, additionality, sensitivity,
 * caveats) is one more function in `briefingSections`.
 */
import type { ScenarioResult, Statistic } from '../runner/types.js';
import { attainmentClassLabels } from '../charts/i18n.js';
import { type Block, type Cell, type Figure, type ReportDocument, renderHtml, renderMarkdown, type Section, type Table } from './document.js';
import { briefingStrings, fill, type Lang } from './strings.js';

export type { Figure };

export interface BriefingLabels {
  name(outputId: string, lang: Lang): string;
  unit(outputId: string, lang: Lang): string;
}

/** What a briefing is made of: results, labels, the headline indicators and the rendered charts. */
export interface BriefingOptions {
  readonly lang: Lang;
  readonly results: readonly ScenarioResult[];
  readonly labels: BriefingLabels;
  /** Indicators shown in the headline table, in order. */
  readonly headline: readonly string[];
  /** Charts to show, in order, each with its caption, SVG (inlined in HTML) and PNG (linked from Markdown). */
  readonly charts: readonly Figure[];
  readonly version: string;
}

/** Formats a number for a table: up to 2 decimals, no trailing zeros, thin grouping for thousands. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 100) / 100;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function statisticAt(result: ScenarioResult, output: string, year: number, stat: Statistic): number | null {
  const row = result.rows.find((r) => r.output === output && r.year === year && r.statistic === stat);
  return row ? row.value : null;
}

/** The value a table shows: the value, or under Monte Carlo the median with its 90 % range. */
function centralCell(result: ScenarioResult, output: string, year: number): Cell {
  if (result.mode !== 'montecarlo') return formatNumber(statisticAt(result, output, year, 'value'));
  const median = statisticAt(result, output, year, 'p50');
  const [p05, p95] = [statisticAt(result, output, year, 'p05'), statisticAt(result, output, year, 'p95')];
  const [lo, hi] = [formatNumber(p05), formatNumber(p95)];
  // A range too narrow to show at table precision is left out.
  if (p05 === null || p95 === null || lo === hi) return formatNumber(median);
  return { value: formatNumber(median), range: `${lo}–${hi}` };
}

function scenarioTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  return {
    header: [s.scenario, 'id', s.mode],
    numeric: [],
    rows: o.results.map((r) => [
      r.scenario.title[o.lang],
      r.scenario.id,
      r.mode === 'montecarlo' ? fill(s.montecarlo, { runs: r.runs, seed: r.seed ?? '' }) : s.deterministic,
    ]),
  };
}

function headlineTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const first = o.results[0];
  const start = first?.years[0] ?? 2010;
  const end = first?.years[first.years.length - 1] ?? 2015;
  return {
    header: [s.indicator, s.unit, fill(s.baseline, { year: start }), ...o.results.map((r) => r.scenario.title[o.lang])],
    numeric: [2, ...o.results.map((_, i) => i + 3)],
    rows: o.headline.map((id) => [
      o.labels.name(id, o.lang),
      o.labels.unit(id, o.lang),
      formatNumber(first ? statisticAt(first, id, start, first.mode === 'montecarlo' ? 'p50' : 'value') : null),
      ...o.results.map((r) => centralCell(r, id, end)),
    ]),
  };
}

/** Targets × scenarios: the class of each (with the probability of meeting it under Monte Carlo). */
function attainmentMatrix(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const targets = new Map<string, string>();
  for (const r of o.results) for (const a of r.attainment) if (!targets.has(a.target)) targets.set(a.target, a.label[o.lang]);
  return {
    header: [s.target, ...o.results.map((r) => r.scenario.title[o.lang])],
    numeric: [],
    rows: [...targets].map(([id, label]) => [
      label,
      ...o.results.map((r) => {
        const a = r.attainment.find((x) => x.target === id);
        if (!a) return s.none;
        const klass = attainmentClassLabels[a.class][o.lang];
        return a.probability === null ? klass : `${klass} ${Math.round(a.probability * 100)}%`;
      }),
    ]),
  };
}

/** The numeric (level and change) targets in detail: projected, required, gap, year reached. */
function numericTargetTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const rows: string[][] = [];
  for (const r of o.results) {
    for (const a of r.attainment) {
      if (a.kind !== 'level' && a.kind !== 'change') continue;
      rows.push([
        a.label[o.lang],
        r.scenario.title[o.lang],
        formatNumber(a.projected),
        formatNumber(a.required),
        formatNumber(a.gap),
        a.yearReached === null ? s.none : String(a.yearReached),
        attainmentClassLabels[a.class][o.lang],
        a.probability === null ? s.none : `${Math.round(a.probability * 100)}%`,
      ]);
    }
  }
  return { header: [s.target, s.scenario, s.projected, s.required, s.gap, s.yearReached, s.klass, s.probability], numeric: [2, 3, 4, 5, 7], rows };
}

const table = (t: Table): Block => ({ kind: 'table', table: t });

/** The briefing's sections, in reading order. */
export function briefingSections(o: BriefingOptions): Section[] {
  const s = briefingStrings[o.lang];
  const anyMonteCarlo = o.results.some((r) => r.mode === 'montecarlo');
  const end = o.results[0]?.years.at(-1) ?? 2015;
  const headlineNote = [fill(s.valuesIn, { year: end }), anyMonteCarlo ? s.medianNote : ''].filter((t) => t !== '').join(o.lang === 'zh' ? '' : ' ');
  const sections: Section[] = [
    { id: 'scenarios', heading: s.scenarios, blocks: [table(scenarioTable(o))] },
    {
      id: 'headline',
      heading: s.headline,
      blocks: [table(headlineTable(o)), { kind: 'note', text: headlineNote }],
    },
    { id: 'attainment', heading: s.attainment, blocks: [table(attainmentMatrix(o)), { kind: 'note', text: s.method }] },
    { id: 'numeric-targets', heading: s.numericTargets, blocks: [table(numericTargetTable(o))] },
  ];
  if (o.charts.length > 0) sections.push({ id: 'charts', heading: s.charts, blocks: o.charts.map((figure) => ({ kind: 'figure', figure })) });
  return sections;
}

/** The briefing as a report document (render it with renderMarkdown / renderHtml). */
export function briefingDocument(o: BriefingOptions): ReportDocument {
  const s = briefingStrings[o.lang];
  const until = o.results[0]?.years.at(-1) ?? 2015;
  return {
    lang: o.lang,
    title: s.title,
    lead: [{ kind: 'paragraph', text: `${fill(s.intro, { until })} (v${o.version})` }],
    sections: briefingSections(o),
    footer: s.provenance,
  };
}

/** The briefing in Markdown, charts as PNG files beside it. */
export const briefingMarkdown = (o: BriefingOptions): string => renderMarkdown(briefingDocument(o));

/** The briefing as one self-contained HTML file, charts inlined, printable to A4. */
export const briefingHtml = (o: BriefingOptions): string => renderHtml(briefingDocument(o));
