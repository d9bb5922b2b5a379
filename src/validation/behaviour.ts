/**
 * Behaviour reproduction: the backtest of a scenario against the published figures
 * (data/observed/hangzhou.csv), fitted years (≤ 2013) and out-of-sample years (2014 on) apart.
 * The as-happened scenario is scored when it is bundled (it describes what was done), else the plan.
 */
import { backtest, type BacktestMetrics } from '../analysis/backtest.js';
import { LAST_FITTED_YEAR, observations, readObserved } from '../data/observed.js';
import { CompiledModelCache } from '../runner/context.js';
import { createRunnerContext } from '../runner/hangzhou.js';
import { runScenario } from '../runner/run.js';
import { bundledScenarios } from '../scenario/bundled.js';
import { DEFAULT_UNTIL } from '../scenario/context.js';
import { loadScenario } from '../scenario/index.js';

/** A series fits poorly when its MAPE exceeds this (percent) … */
export const POOR_FIT_MAPE = 10;
/** … or it does no better than the naive forecast (Theil's U ≥ 1) with errors that are not negligible (MAPE above this, percent). */
export const NEGLIGIBLE_MAPE = 1;
/** The scenario scored, in order of preference. */
export const BACKTEST_SCENARIOS = ['as-happened', 'plan'] as const;

export interface SeriesFit {
  readonly id: string;
  readonly unit: string;
  readonly fitted: BacktestMetrics | null;
  readonly outOfSample: BacktestMetrics | null;
  /** Why the series fits poorly (empty: it does not). */
  readonly poor: readonly string[];
}

export interface BehaviourResult {
  readonly scenario: string;
  readonly fittedUntil: number;
  readonly until: number;
  readonly observations: number;
  readonly scored: number;
  /** Observations the backtest could not score, with the reason and the projection where there is one. */
  readonly unmatched: readonly UnscoredObservation[];
  readonly series: readonly SeriesFit[];
  /**
   * Series the backtest skips whole because they have no base-year value for the naive forecast
   * ("in the year" series): their MAPE computed here, with the same percentage error.
   */
  readonly skipped: readonly SkippedSeries[];
}

export interface SkippedSeries {
  readonly id: string;
  readonly fittedMape: number | null;
  readonly outOfSampleMape: number | null;
  readonly poor: boolean;
}

export type UnscoredReason = 'before the base year' | 'not a model output' | 'no base-year value for the naive forecast';

export interface UnscoredObservation {
  readonly id: string;
  readonly year: number;
  readonly observed: number;
  readonly projected: number | null;
  readonly reason: UnscoredReason;
}

/** Why a series fits poorly in one split (empty: it does not, or it has no observations there). */
export function poorFitReasons(m: BacktestMetrics | null, split: string): string[] {
  if (!m) return [];
  const reasons: string[] = [];
  if (m.mape > POOR_FIT_MAPE) reasons.push(`${split} MAPE ${m.mape.toFixed(1)} %`);
  if (m.theilU !== null && m.theilU >= 1 && m.mape > NEGLIGIBLE_MAPE) reasons.push(`${split} Theil's U ${m.theilU.toFixed(2)} ≥ 1`);
  return reasons;
}

export function behaviourReproduction(): BehaviourResult {
  const bundled = BACKTEST_SCENARIOS.map((id) => bundledScenarios.find((s) => s.id === id)).find((s) => s !== undefined);
  if (!bundled) throw new Error(`none of the scenarios ${BACKTEST_SCENARIOS.join(', ')} is bundled`);
  const scenario = loadScenario(bundled.file);
  const observed = observations(readObserved());
  const context = createRunnerContext();
  const until = Math.max(DEFAULT_UNTIL, ...observed.map((o) => o.year));
  const projection = runScenario(scenario, { context, cache: new CompiledModelCache(context), until });
  const result = backtest(projection, observed, { fittedUntil: LAST_FITTED_YEAR });
  const metric = (id: string, split: 'fitted' | 'out-of-sample'): BacktestMetrics | null => result.metrics.find((m) => m.id === id && m.split === split) ?? null;
  const ids = [...new Set(result.rows.map((r) => r.id))];
  const unmatched = result.unmatched.map((o): UnscoredObservation => {
    const projected = projection.rows.find((r) => r.output === o.id && r.year === o.year)?.value ?? null;
    const reported = projection.rows.some((r) => r.output === o.id);
    const reason: UnscoredReason = o.year < result.baseYear ? 'before the base year' : reported ? 'no base-year value for the naive forecast' : 'not a model output';
    return { id: o.id, year: o.year, observed: o.value, projected, reason };
  });
  const naiveMissing = unmatched.filter((u) => u.reason === 'no base-year value for the naive forecast' && u.projected !== null);
  const mape = (rows: readonly UnscoredObservation[]): number | null =>
    rows.length === 0 ? null : rows.reduce((a, u) => a + Math.abs((100 * ((u.projected as number) - u.observed)) / u.observed), 0) / rows.length;
  const skipped = [...new Set(naiveMissing.map((u) => u.id))].map((id): SkippedSeries => {
    const own = naiveMissing.filter((u) => u.id === id);
    const fittedMape = mape(own.filter((u) => u.year <= result.fittedUntil));
    const outOfSampleMape = mape(own.filter((u) => u.year > result.fittedUntil));
    return { id, fittedMape, outOfSampleMape, poor: [fittedMape, outOfSampleMape].some((m) => m !== null && m > POOR_FIT_MAPE) };
  });
  return {
    scenario: scenario.id,
    fittedUntil: result.fittedUntil,
    until,
    observations: observed.length,
    scored: result.rows.filter((r) => r.split !== 'base').length,
    unmatched,
    skipped,
    series: ids.map((id): SeriesFit => {
      const fitted = metric(id, 'fitted');
      const outOfSample = metric(id, 'out-of-sample');
      return { id, unit: context.describeOutput(id)?.unit ?? '', fitted, outOfSample, poor: [...poorFitReasons(fitted, 'fitted'), ...poorFitReasons(outOfSample, 'out-of-sample')] };
    }),
  };
}
