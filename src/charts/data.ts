/**
 * Reading ScenarioResult[] for charts: central values, percentiles, targets, scenario names.
 */
import type { AttainmentRow, ResultRow, ScenarioResult, Statistic } from '../runner/types.js';
import { InputError } from '../errors.js';
import { chartErrors, t, type Lang } from './i18n.js';

const problem = (message: string): InputError => new InputError([{ file: '<chart>', path: '', message }]);

export function requireResults(results: readonly ScenarioResult[]): void {
  if (results.length === 0) throw problem(chartErrors.noScenarios());
}

/** The scenario with `id`, or the first one when `id` is absent. */
export function pickScenario(results: readonly ScenarioResult[], id?: string): ScenarioResult {
  requireResults(results);
  const found = id === undefined ? results[0] : results.find((r) => r.scenario.id === id);
  if (!found) throw problem(chartErrors.unknownScenario(id ?? '', results.map((r) => r.scenario.id)));
  return found;
}

export const scenarioName = (r: ScenarioResult, lang: Lang): string => r.scenario.title[lang] || r.scenario.id;

/** The statistic a chart draws as "the" projection: the value, or the median under Monte Carlo. */
export const centralStatistic = (r: ScenarioResult): Statistic => (r.mode === 'montecarlo' ? 'p50' : 'value');

/**
 * What the drawn values of these results are, in words, when any is a Monte Carlo median: "median
 * of 200 Monte Carlo runs" (all), "medians of 200 Monte Carlo runs; Trend: deterministic" (mixed,
 * naming the smaller group); '' when every result is deterministic.
 */
export function centralNote(results: readonly ScenarioResult[], lang: Lang): string {
  const mc = results.filter((r) => r.mode === 'montecarlo');
  if (mc.length === 0) return '';
  const runs = [...new Set(mc.map((r) => r.runs))].join('/');
  const deterministic = results.filter((r) => r.mode !== 'montecarlo');
  if (deterministic.length === 0) return t('medianAll', lang, { runs });
  // Name whichever group is smaller.
  const names = (rs: readonly ScenarioResult[]): string => rs.map((r) => scenarioName(r, lang)).join(t('listSeparator', lang));
  return deterministic.length <= mc.length ? t('medianExcept', lang, { runs, names: names(deterministic) }) : t('medianOnly', lang, { runs, names: names(mc) });
}

/** Subtitle of a one-scenario chart: its name, and what the values are under Monte Carlo. */
export const scenarioSubtitle = (r: ScenarioResult, lang: Lang): string =>
  [scenarioName(r, lang), centralNote([r], lang)].filter((p) => p !== '').join(t('clauseSeparator', lang));

/** Central value per year of one output in one scenario, in year order. */
export function centralSeries(r: ScenarioResult, output: string): { year: number; value: number }[] {
  const stat = centralStatistic(r);
  let rows = r.rows.filter((row) => row.output === output && row.statistic === stat);
  // A Monte Carlo result without a median (only means) still charts.
  if (rows.length === 0 && stat === 'p50') rows = r.rows.filter((row) => row.output === output && row.statistic === 'mean');
  return rows.map((row) => ({ year: row.year, value: row.value })).sort((a, b) => a.year - b.year);
}

/** Central series that must exist (a chart of nothing is a user error: wrong id or scenario). */
export function requireCentralSeries(r: ScenarioResult, output: string): { year: number; value: number }[] {
  const s = centralSeries(r, output);
  if (s.length === 0) throw problem(chartErrors.noData(output, [r.scenario.id]));
  return s;
}

export interface PercentileRow {
  readonly year: number;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** Percentile rows per year; empty when the result has no percentiles (deterministic run). */
export function percentileSeries(r: ScenarioResult, output: string): PercentileRow[] {
  const byYear = new Map<number, Partial<Record<Statistic, number>>>();
  for (const row of r.rows) {
    if (row.output !== output) continue;
    const entry = byYear.get(row.year) ?? {};
    entry[row.statistic] = row.value;
    byYear.set(row.year, entry);
  }
  const out: PercentileRow[] = [];
  for (const [year, s] of [...byYear].sort((a, b) => a[0] - b[0])) {
    if (s.p05 === undefined || s.p25 === undefined || s.p50 === undefined || s.p75 === undefined || s.p95 === undefined) continue;
    out.push({ year, p05: s.p05, p25: s.p25, p50: s.p50, p75: s.p75, p95: s.p95 });
  }
  return out;
}

/**
 * Whether the runs visibly differ: the widest 90 % range is at least 1 % of the span the fan
 * covers (below that the bands are hairlines under the median).
 */
export function hasVisibleSpread(rows: readonly PercentileRow[]): boolean {
  if (rows.length === 0) return false;
  const widest = Math.max(...rows.map((r) => r.p95 - r.p05));
  const span = Math.max(...rows.map((r) => r.p95)) - Math.min(...rows.map((r) => r.p05));
  return span > 0 && widest >= 0.01 * span;
}

/** Numeric targets on `indicator` across the results, one per target id and required value. */
export function numericTargets(results: readonly ScenarioResult[], indicator: string): AttainmentRow[] {
  const seen = new Set<string>();
  const out: AttainmentRow[] = [];
  for (const r of results) {
    for (const a of r.attainment) {
      if (a.indicator !== indicator || a.required === null) continue;
      const key = `${a.target}|${a.year}|${a.required}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  }
  return out;
}

/** Years covered by the results (union, sorted). */
export const allYears = (results: readonly ScenarioResult[]): number[] =>
  [...new Set(results.flatMap((r) => r.years))].sort((a, b) => a - b);

/** Outputs present in a result (for picking model series that exist). */
export const outputsOf = (r: ScenarioResult): Set<string> => new Set(r.rows.map((row: ResultRow) => row.output));

/**
 * Numbers in labels: integers part kept, 1–2 decimals for small values, 2 significant digits
 * below 1 (0.002 stays 0.002); thousands separators only from 10 000 (years stay 2014).
 */
export function formatNumber(v: number, lang: Lang): string {
  const abs = Math.abs(v);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const useGrouping = abs >= 10_000;
  if (abs > 0 && abs < 1) return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2, useGrouping }).format(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping }).format(v);
}
