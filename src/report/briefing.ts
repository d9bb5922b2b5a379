/**
 * The briefing: a short document (Markdown and self-contained-enough HTML) that puts the
 * scenarios' headline projections and the target-attainment table beside the charts.
 * Pure: takes results and labels, returns text; the caller writes the files.
 */
import type { ScenarioResult, Statistic } from '../runner/types.js';
import { attainmentClassLabels } from '../charts/i18n.js';
import { briefingStrings, fill, type Lang } from './strings.js';

export interface BriefingLabels {
  name(outputId: string, lang: Lang): string;
  unit(outputId: string, lang: Lang): string;
}

export interface BriefingOptions {
  readonly lang: Lang;
  readonly results: readonly ScenarioResult[];
  readonly labels: BriefingLabels;
  /** Indicators shown in the headline table, in order. */
  readonly headline: readonly string[];
  /** Chart files to show, relative to where the briefing is written. */
  readonly charts: readonly { readonly file: string; readonly caption: string }[];
  readonly version: string;
}

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Formats a number for a table: up to 2 decimals, no trailing zeros, thin grouping for thousands. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 100) / 100;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const centralStatistic = (r: ScenarioResult): Statistic => (r.mode === 'montecarlo' ? 'p50' : 'value');

function valueAt(result: ScenarioResult, output: string, year: number): number | null {
  const stat = centralStatistic(result);
  const row = result.rows.find((r) => r.output === output && r.year === year && r.statistic === stat);
  return row ? row.value : null;
}

function scenarioTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  return {
    header: [s.scenario, 'id', s.mode],
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
    header: [s.indicator, s.unit, s.baseline, ...o.results.map((r) => `${r.scenario.title[o.lang]} ${end}`)],
    rows: o.headline.map((id) => [
      o.labels.name(id, o.lang),
      o.labels.unit(id, o.lang),
      formatNumber(first ? valueAt(first, id, start) : null),
      ...o.results.map((r) => formatNumber(valueAt(r, id, end))),
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
  return { header: [s.target, s.scenario, s.projected, s.required, s.gap, s.yearReached, s.klass, s.probability], rows };
}

const mdCell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function markdownTable(t: Table): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(t.header), line(t.header.map(() => '---')), ...t.rows.map(line)].join('\n');
}

const esc = (t: string): string =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function htmlTable(t: Table): string {
  const head = `<tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function sections(o: BriefingOptions): { heading: string; table?: Table; text?: string }[] {
  const s = briefingStrings[o.lang];
  const until = o.results[0]?.years.at(-1) ?? 2015;
  return [
    { heading: s.title, text: fill(s.intro, { until }) + ` (v${o.version})` },
    { heading: s.scenarios, table: scenarioTable(o) },
    { heading: s.headline, table: headlineTable(o) },
    { heading: s.attainment, table: attainmentMatrix(o), text: s.method },
    { heading: s.numericTargets, table: numericTargetTable(o) },
  ];
}

export function briefingMarkdown(o: BriefingOptions): string {
  const s = briefingStrings[o.lang];
  const parts: string[] = [];
  sections(o).forEach((sec, i) => {
    parts.push(`${i === 0 ? '#' : '##'} ${sec.heading}`);
    if (sec.text && i === 0) parts.push(sec.text);
    if (sec.table) parts.push(markdownTable(sec.table));
    if (sec.text && i > 0) parts.push(sec.text);
  });
  if (o.charts.length > 0) {
    parts.push(`## ${s.charts}`);
    for (const c of o.charts) parts.push(`![${mdCell(c.caption)}](${c.file})`);
  }
  parts.push(`---\n${s.provenance}`);
  return parts.join('\n\n') + '\n';
}

export function briefingHtml(o: BriefingOptions): string {
  const s = briefingStrings[o.lang];
  const body: string[] = [];
  sections(o).forEach((sec, i) => {
    body.push(i === 0 ? `<h1>${esc(sec.heading)}</h1>` : `<h2>${esc(sec.heading)}</h2>`);
    if (sec.text && i === 0) body.push(`<p>${esc(sec.text)}</p>`);
    if (sec.table) body.push(htmlTable(sec.table));
    if (sec.text && i > 0) body.push(`<p class="note">${esc(sec.text)}</p>`);
  });
  if (o.charts.length > 0) {
    body.push(`<h2>${esc(s.charts)}</h2>`);
    for (const c of o.charts) body.push(`<figure><img src="${esc(c.file)}" alt="${esc(c.caption)}"><figcaption>${esc(c.caption)}</figcaption></figure>`);
  }
  body.push(`<footer>${esc(s.provenance)}</footer>`);
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(s.title)}</title>
<style>
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.5; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }
td:not(:first-child) { font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; } img { max-width: 100%; }
.note, footer { color: #555; font-size: 0.85rem; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
