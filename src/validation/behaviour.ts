/**
 * Behaviour reproduction: the backtest of a scenario against the published figures
 * (data/observed/hangzhou.csv), fitted years (≤ 2013) and out-of-sample years (2014 on) apart.
 * The as-happened scenario is scored when it is bundled (it describes what was done), else the plan.
 * The observations and the derived outputs are those `hzsim backtest` scores, so the report and the
 * command agree.
 */
import { backtest, type BacktestMetrics } from '../analysis/backtest.js';
import { comparableObservations, withDerivedOutputs } from '../analysis/observed-model.js';
import { LAST_FITTED_YEAR, readObserved } from '../data/observed.js';
import { findObservable } from '../data/observables.js';
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
}

export type UnscoredReason = 'before the base year' | 'not a model output';

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
  const observed = comparableObservations(readObserved());
  const context = createRunnerContext();
  const until = Math.max(DEFAULT_UNTIL, ...observed.map((o) => o.year));
  const projection = withDerivedOutputs(runScenario(scenario, { context, cache: new CompiledModelCache(context), until }));
  const result = backtest(projection, observed, { fittedUntil: LAST_FITTED_YEAR });
  const metric = (id: string, split: 'fitted' | 'out-of-sample'): BacktestMetrics | null => result.metrics.find((m) => m.id === id && m.split === split) ?? null;
  const ids = [...new Set(result.rows.map((r) => r.id))];
  const unmatched = result.unmatched.map((o): UnscoredObservation => {
    const projected = projection.rows.find((r) => r.output === o.id && r.year === o.year)?.value ?? null;
    const reason: UnscoredReason = o.year < result.baseYear ? 'before the base year' : 'not a model output';
    return { id: o.id, year: o.year, observed: o.value, projected, reason };
  });
  return {
    scenario: scenario.id,
    fittedUntil: result.fittedUntil,
    until,
    observations: observed.length,
    scored: result.rows.filter((r) => r.split !== 'base').length,
    unmatched,
    series: ids.map((id): SeriesFit => {
      const fitted = metric(id, 'fitted');
      const outOfSample = metric(id, 'out-of-sample');
      return { id, unit: context.describeOutput(id)?.unit ?? findObservable(id)?.unit ?? '', fitted, outOfSample, poor: [...poorFitReasons(fitted, 'fitted'), ...poorFitReasons(outOfSample, 'out-of-sample')] };
    }),
  };
}
