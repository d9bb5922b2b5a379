/**
 * What the analysis methods return, as plain data: the charts and the CLI read these shapes (they
 * import nothing else from the analysis layer).
 */
import type { Text } from '../catalog/types.js';
import type { ScenarioResult } from '../runner/types.js';
import type { Input, Observation, OutputRef } from './types.js';

// ── OAT ──────────────────────────────────────────────────────────────────────────────────────

export interface OatSwing {
  readonly input: string;
  readonly label: Text | null;
  /** The input's reference value (null when the model keeps its own, e.g. a lever schedule). */
  readonly reference: number | null;
  readonly low: { readonly value: number; readonly result: number };
  readonly high: { readonly value: number; readonly result: number };
  /** |high.result − low.result|. */
  readonly swing: number;
}

export interface OatOutput {
  readonly output: OutputRef;
  /** The output at the base point. */
  readonly base: number;
  /** Widest swing first (ties by input id). */
  readonly swings: readonly OatSwing[];
}

export interface OatResult {
  readonly method: 'oat';
  readonly inputs: readonly Input[];
  readonly outputs: readonly OatOutput[];
  readonly evaluations: number;
}

// ── Morris ───────────────────────────────────────────────────────────────────────────────────

export interface MorrisEffect {
  readonly input: string;
  readonly label: Text | null;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
  /** Elementary effects behind the statistics (r unless rounding collapsed a step). */
  readonly n: number;
}

export interface MorrisOutput {
  readonly output: OutputRef;
  /** Largest μ* first. */
  readonly effects: readonly MorrisEffect[];
}

export interface MorrisResult {
  readonly method: 'morris';
  readonly inputs: readonly Input[];
  readonly outputs: readonly MorrisOutput[];
  readonly trajectories: number;
  readonly levels: number;
  readonly seed: number;
  readonly evaluations: number;
}

// ── Sobol ────────────────────────────────────────────────────────────────────────────────────

export interface SobolIndex {
  readonly input: string;
  readonly label: Text | null;
  readonly first: number;
  readonly firstInterval: readonly [number, number] | null;
  readonly total: number;
  readonly totalInterval: readonly [number, number] | null;
}

export interface SobolOutput {
  readonly output: OutputRef;
  readonly mean: number;
  /** Variance of the output over the sample; indices are NaN when it is 0 (nothing moves it). */
  readonly variance: number;
  /** Largest total index first. */
  readonly indices: readonly SobolIndex[];
}

export interface SobolResult {
  readonly method: 'sobol';
  readonly inputs: readonly Input[];
  readonly outputs: readonly SobolOutput[];
  readonly samples: number;
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
  readonly evaluations: number;
}

// ── Backtest ─────────────────────────────────────────────────────────────────────────────────

export type BacktestSplit = 'fitted' | 'out-of-sample';

export interface BacktestRow {
  readonly id: string;
  readonly year: number;
  readonly observed: number;
  readonly projected: number;
  /** The 90 % band (p05–p95) under Monte Carlo; null for a deterministic run. */
  readonly low: number | null;
  readonly high: number | null;
  readonly error: number;
  readonly percentError: number;
  /**
   * The naive forecast: the base-year value held constant (observed, else the projection's); null
   * when neither exists (a year-on-year increase has no base-year value), and Theil's U is then null.
   */
  readonly naive: number | null;
  /** 'base': the base year itself (not scored). */
  readonly split: BacktestSplit | 'base';
  readonly withinBand: boolean | null;
}

export interface BacktestMetrics {
  readonly id: string;
  readonly split: BacktestSplit | 'all';
  readonly n: number;
  readonly mape: number;
  readonly rmse: number;
  readonly meanError: number;
  readonly theilU: number | null;
}

/** The projection of one indicator, for charts. */
export interface BacktestSeries {
  readonly id: string;
  readonly points: readonly { readonly year: number; readonly central: number; readonly low: number | null; readonly high: number | null }[];
}

export interface BacktestResult {
  readonly method: 'backtest';
  readonly scenario: ScenarioResult['scenario'];
  readonly mode: ScenarioResult['mode'];
  readonly runs: number;
  readonly seed: number | null;
  readonly baseYear: number;
  readonly fittedUntil: number;
  readonly rows: readonly BacktestRow[];
  /** Per indicator: fitted, out-of-sample and all scored years. */
  readonly metrics: readonly BacktestMetrics[];
  readonly series: readonly BacktestSeries[];
  /** Observations the projection has no value for (unknown id or year outside the run). */
  readonly unmatched: readonly Observation[];
}
