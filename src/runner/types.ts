/**
 * Results of runs: the tidy rows every output format (CSV, JSON, charts) is built from.
 */
import type { TargetKind, Text } from '../catalog/types.js';

export type Statistic = 'value' | 'mean' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95';
export const MonteCarloStatistics = ['mean', 'p05', 'p25', 'p50', 'p75', 'p95'] as const satisfies readonly Statistic[];

/** One number: scenario × output (indicator or model series) × year × statistic. */
export interface ResultRow {
  readonly scenario: string;
  readonly output: string;
  readonly year: number;
  readonly statistic: Statistic;
  readonly value: number;
}

export type AttainmentClass =
  | 'on-track'
  | 'moderate'
  | 'insufficient'
  | 'moving-away'
  | 'met'
  | 'not-met';

export interface AttainmentRow {
  readonly scenario: string;
  readonly target: string;
  readonly kind: TargetKind;
  /** 'plan' for the plan's own targets, 'scenario' for a planner's target in the scenario file. */
  readonly origin: 'plan' | 'scenario';
  readonly indicator: string | null;
  readonly year: number;
  readonly label: Text;
  /** Projected value at the target year (median under Monte Carlo); null for milestones. */
  readonly projected: number | null;
  /** The value that meets the target (level, or base × (1 + change)); null for direction/milestone. */
  readonly required: number | null;
  /** projected − required, in the indicator's unit (sign: positive = beyond the target). */
  readonly gap: number | null;
  /** First reporting year in which the target condition holds; null if never within the horizon. */
  readonly yearReached: number | null;
  readonly class: AttainmentClass;
  /** Share of Monte Carlo runs meeting the target; null for a deterministic run. */
  readonly probability: number | null;
}

export interface ScenarioMeta {
  readonly id: string;
  readonly title: Text;
}

export interface ScenarioResult {
  readonly scenario: ScenarioMeta;
  readonly mode: 'deterministic' | 'montecarlo';
  readonly runs: number;
  readonly seed: number | null;
  readonly years: readonly number[];
  readonly rows: readonly ResultRow[];
  readonly attainment: readonly AttainmentRow[];
}
