/**
 * Backtesting: a projection against what was observed, per indicator and year, split into the
 * years the model was fitted to and the out-of-sample years after them.
 *
 * Per observation: error = projected − observed, percentage error = 100 × error / observed, and
 * whether the observed value lies in the projection's 90 % band (Monte Carlo only). Per indicator
 * and split: MAPE (mean |percentage error|), RMSE, mean error (bias) and Theil's U against the
 * naive forecast "the base-year value held constant":
 *   U = √Σ(projected − observed)² / √Σ(naive − observed)²
 * (U < 1: the model beats the naive forecast; null when the naive forecast is exact). The naive
 * value is the observed base-year value when the observations include it, else the projection's
 * own base-year value (the model starts from the baseline); a series with neither (an annual
 * increase is undefined in the base year) is still scored, with Theil's U null. The central
 * projection is the deterministic value, or the Monte Carlo median.
 */
import type { ResultRow, ScenarioResult, Statistic } from '../runner/types.js';
import type { BacktestMetrics, BacktestResult, BacktestRow, BacktestSeries, BacktestSplit } from './results.js';
import type { Observation } from './types.js';

export type { BacktestMetrics, BacktestResult, BacktestRow, BacktestSeries, BacktestSplit };

export interface BacktestOptions {
  /** Last year the model was fitted to; later observations are out-of-sample (default 2013). */
  readonly fittedUntil?: number;
}

/**
 * Scores a projection against observations.
 *
 * @example
 *   import { backtest } from 'hangzhou-reform-sim';
 *   const rows = [[2010, 100], [2011, 110], [2012, 120]].map(([year, value]) => ({ scenario: 's', output: 'x', year, statistic: 'value', value }));
 *   const projection = { scenario: { id: 's', title: { zh: 's', en: 's' } }, mode: 'deterministic', runs: 1, seed: null, years: [2010, 2011, 2012], rows, attainment: [] };
 *   const observed = [{ id: 'x', year: 2011, value: 100 }, { id: 'x', year: 2012, value: 125 }];
 *   const r = backtest(projection, observed, { fittedUntil: 2011 });
 *   console.log(r.metrics.map((m) => `${m.split} MAPE ${m.mape.toFixed(1)}`).join(', ')); // fitted MAPE 10.0, out-of-sample MAPE 4.0, all MAPE 7.0
 */
export function backtest(projection: ScenarioResult, observations: readonly Observation[], options: BacktestOptions = {}): BacktestResult {
  const fittedUntil = options.fittedUntil ?? 2013;
  const baseYear = projection.years[0] ?? NaN;
  const monteCarlo = projection.mode === 'montecarlo';
  const central: Statistic = monteCarlo ? 'p50' : 'value';
  const lookup = new Map<string, number>();
  for (const r of projection.rows) lookup.set(key(r.output, r.year, r.statistic), r.value);
  const at = (id: string, year: number, s: Statistic): number | null => lookup.get(key(id, year, s)) ?? null;
  const centralAt = (id: string, year: number): number | null => at(id, year, central) ?? (monteCarlo ? at(id, year, 'mean') : null);

  const observedBase = new Map<string, number>();
  for (const o of observations) if (o.year === baseYear) observedBase.set(o.id, o.value);

  const rows: BacktestRow[] = [];
  const unmatched: Observation[] = [];
  for (const o of [...observations].sort((a, b) => a.id.localeCompare(b.id) || a.year - b.year)) {
    const projected = centralAt(o.id, o.year);
    const projectedBase = centralAt(o.id, baseYear);
    const naive = observedBase.get(o.id) ?? (projectedBase !== null && Number.isFinite(projectedBase) ? projectedBase : null);
    if (projected === null || !Number.isFinite(projected)) {
      unmatched.push(o);
      continue;
    }
    const low = monteCarlo ? at(o.id, o.year, 'p05') : null;
    const high = monteCarlo ? at(o.id, o.year, 'p95') : null;
    const error = projected - o.value;
    rows.push({
      id: o.id,
      year: o.year,
      observed: o.value,
      projected,
      low,
      high,
      error,
      percentError: (100 * error) / o.value,
      naive,
      split: o.year === baseYear ? 'base' : o.year <= fittedUntil ? 'fitted' : 'out-of-sample',
      withinBand: low !== null && high !== null ? o.value >= low && o.value <= high : null,
    });
  }

  const metrics: BacktestMetrics[] = [];
  for (const id of [...new Set(rows.map((r) => r.id))]) {
    const scored = rows.filter((r) => r.id === id && r.split !== 'base');
    for (const split of ['fitted', 'out-of-sample', 'all'] as const) {
      const group = split === 'all' ? scored : scored.filter((r) => r.split === split);
      if (group.length > 0) metrics.push(scoreGroup(id, split, group));
    }
  }

  const series = [...new Set(rows.map((r) => r.id))].map((id): BacktestSeries => ({
    id,
    points: projection.years.flatMap((year) => {
      const c = centralAt(id, year);
      return c === null || !Number.isFinite(c) ? [] : [{ year, central: c, low: monteCarlo ? at(id, year, 'p05') : null, high: monteCarlo ? at(id, year, 'p95') : null }];
    }),
  }));
  return {
    method: 'backtest',
    scenario: projection.scenario,
    mode: projection.mode,
    runs: projection.runs,
    seed: projection.seed,
    baseYear,
    fittedUntil,
    rows,
    metrics,
    series,
    unmatched,
  };
}

const key = (id: string, year: number, statistic: ResultRow['statistic']): string => `${id}\u0000${year}\u0000${statistic}`;

function scoreGroup(id: string, split: BacktestSplit | 'all', group: readonly BacktestRow[]): BacktestMetrics {
  const n = group.length;
  const sq = (xs: readonly number[]): number => xs.reduce((a, v) => a + v * v, 0);
  const modelSq = sq(group.map((r) => r.error));
  const naiveSq = group.every((r) => r.naive !== null) ? sq(group.map((r) => (r.naive as number) - r.observed)) : 0;
  const pct = group.map((r) => Math.abs(r.percentError)).filter((v) => Number.isFinite(v));
  return {
    id,
    split,
    n,
    mape: pct.length === 0 ? NaN : pct.reduce((a, v) => a + v, 0) / pct.length,
    rmse: Math.sqrt(modelSq / n),
    meanError: group.reduce((a, r) => a + r.error, 0) / n,
    theilU: naiveSq > 0 ? Math.sqrt(modelSq) / Math.sqrt(naiveSq) : null,
  };
}
