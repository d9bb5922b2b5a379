/**
 * Comparing scenarios: per output and year, each scenario minus the first; and "what did we
 * change": the levers whose value (or distribution) differs between the scenarios.
 */
import type { ParamRecord } from '../params/types.js';
import type { DistributionSpec, ResolvedScenario } from '../scenario/types.js';
import { formatParamValue } from '../params/format.js';
import { formatNumber } from '../util/csv.js';
import type { ScenarioMeta, ScenarioResult, Statistic } from './types.js';

export interface DifferenceRow {
  readonly scenario: string;
  /** The first scenario, compared against. */
  readonly baseline: string;
  readonly output: string;
  readonly year: number;
  /** 'value' for deterministic results; for Monte Carlo the statistic compared (default 'mean'). */
  readonly statistic: Statistic;
  readonly value: number;
  readonly baselineValue: number;
  readonly difference: number;
}

export interface LeverDifference {
  readonly param: string;
  /** Per scenario (in order): the lever's value shown compactly, with its distribution if uncertain. */
  readonly values: readonly string[];
  /** Per scenario: whether the scenario sets the lever (false: the default holds). */
  readonly overridden: readonly boolean[];
}

export interface Comparison {
  readonly scenarios: readonly ScenarioMeta[];
  readonly baseline: string;
  readonly levers: readonly LeverDifference[];
  readonly differences: readonly DifferenceRow[];
}

export { formatParamValue };

/** A distribution as `triangular(0.05, 0.08, 0.1)`. */
export function formatDistribution(d: DistributionSpec): string {
  const f = formatNumber;
  switch (d.dist) {
    case 'uniform':
      return `uniform(${f(d.min)}, ${f(d.max)})`;
    case 'triangular':
      return `triangular(${f(d.min)}, ${f(d.mode)}, ${f(d.max)})`;
    case 'normal':
      return `normal(${f(d.mean)}, ${f(d.sd)}${d.min === undefined && d.max === undefined ? '' : `; ${d.min === undefined ? '' : f(d.min)}…${d.max === undefined ? '' : f(d.max)}`})`;
    case 'beta':
      return `beta(${f(d.alpha)}, ${f(d.beta)}; ${f(d.min)}…${f(d.max)})`;
    case 'discrete':
      return `discrete{${d.values.map((v, i) => (d.weights ? `${f(v)}:${f(d.weights[i] ?? NaN)}` : f(v))).join(', ')}}`;
  }
}

export interface CompareOptions {
  /** The Monte Carlo statistic compared (default 'mean'); deterministic results always give 'value'. */
  readonly statistic?: Exclude<Statistic, 'value'>;
}

/** The statistic of `r` that is compared: its value, or the chosen Monte Carlo statistic. */
export const comparedStatistic = (r: Pick<ScenarioResult, 'mode'>, options: CompareOptions = {}): Statistic =>
  r.mode === 'montecarlo' ? (options.statistic ?? 'mean') : 'value';

/** Compares `results` (same order as `resolved`) against the first. */
export function compareScenarios(
  results: readonly ScenarioResult[],
  resolved: readonly ResolvedScenario[],
  params: readonly ParamRecord[],
  options: CompareOptions = {},
): Comparison {
  const first = results[0];
  if (!first) throw new RangeError('compareScenarios needs at least one result');
  const key = (output: string, year: number): string => `${output}\u0000${year}`;
  const central = (r: ScenarioResult): Statistic => comparedStatistic(r, options);
  const baseStat = central(first);
  const baseValues = new Map(first.rows.filter((r) => r.statistic === baseStat).map((r) => [key(r.output, r.year), r.value]));
  const differences: DifferenceRow[] = [];
  for (const result of results.slice(1)) {
    const stat = central(result);
    for (const row of result.rows) {
      if (row.statistic !== stat) continue;
      const baselineValue = baseValues.get(key(row.output, row.year));
      if (baselineValue === undefined) continue;
      differences.push({
        scenario: result.scenario.id,
        baseline: first.scenario.id,
        output: row.output,
        year: row.year,
        statistic: stat,
        value: row.value,
        baselineValue,
        difference: row.value - baselineValue,
      });
    }
  }
  return { scenarios: results.map((r) => r.scenario), baseline: first.scenario.id, levers: leverDifferences(resolved, params), differences };
}

/** Levers set or drawn differently in at least one scenario, in lever id order. */
export function leverDifferences(resolved: readonly ResolvedScenario[], params: readonly ParamRecord[]): LeverDifference[] {
  const defaults = new Map(params.map((p) => [p.id, p.default]));
  const ids = [...new Set(resolved.flatMap((s) => [...Object.keys(s.parameters), ...Object.keys(s.uncertainty)]))].sort();
  const out: LeverDifference[] = [];
  for (const param of ids) {
    const values = resolved.map((s) => {
      const value = s.parameters[param] ?? defaults.get(param);
      const shown = value === undefined ? '—' : formatParamValue(value);
      const dist = s.uncertainty[param];
      return dist ? `${shown} ~ ${formatDistribution(dist)}` : shown;
    });
    if (new Set(values).size > 1) out.push({ param, values, overridden: resolved.map((s) => Object.hasOwn(s.parameters, param) || Object.hasOwn(s.uncertainty, param)) });
  }
  return out;
}

/** The largest absolute differences (ties broken by output, scenario, year for a stable order). */
export function largestDifferences(comparison: Comparison, count: number): DifferenceRow[] {
  return [...comparison.differences]
    .filter((d) => d.difference !== 0 && Number.isFinite(d.difference))
    .sort((a, b) => relativeSize(b) - relativeSize(a) || (a.output < b.output ? -1 : a.output > b.output ? 1 : 0) || (a.scenario < b.scenario ? -1 : 1) || a.year - b.year)
    .slice(0, count);
}

/** Differences are in different units; rank them by size relative to the baseline value. */
const relativeSize = (d: DifferenceRow): number => Math.abs(d.difference) / Math.max(Math.abs(d.baselineValue), 1e-9);
