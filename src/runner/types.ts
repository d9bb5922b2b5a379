/**
 * Results of runs: the tidy rows every output format (CSV, JSON, charts) is built from.
 */
import type { TargetKind, Text } from '../catalog/types.js';
import type { UncertaintyMode } from './uncertainty.js';

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

/**
 * Where a target's required value comes from: the plan's (or the scenario's) own number, a
 * reference pace for a direction target (observed 2006–2010, or Eurostat's 1 % a year, 1.5 % for
 * 加快 / 加大 / 大力), or a milestone's year.
 */
export type RequirementBasis = 'stated' | 'observed-pace' | 'eurostat-pace' | 'eurostat-pace-stronger' | 'milestone';

/**
 * A scenario's progress on a target against the `trend` scenario's (additionality), in the
 * target's desired direction: better, worse, or — under Monte Carlo, when the interval of the
 * difference covers zero — indistinguishable from trend; `reference` for trend itself.
 */
export type VersusTrend = 'better' | 'worse' | 'indistinguishable' | 'reference';

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
  /** The value that meets the target (stated, or from the reference pace); null for milestones. */
  readonly required: number | null;
  /** projected − required, in the indicator's unit (sign: positive = beyond the target). */
  readonly gap: number | null;
  /** First reporting year in which the target condition holds; null if never within the horizon. */
  readonly yearReached: number | null;
  readonly class: AttainmentClass;
  /** Share of Monte Carlo runs meeting the target by its year (P(met)); null for a deterministic run. */
  readonly probability: number | null;
  // The fields below are always set by the runner (optional only so rows built by hand elsewhere
  // stay valid).
  /** Whether the required value is reached (a milestone done) by the target year, on the judged trajectory. */
  readonly met?: boolean;
  /** Share of Monte Carlo runs judged on-track (or met); null for a deterministic run. */
  readonly probabilityOnTrack?: number | null;
  readonly basis?: RequirementBasis;
  /** Annual reference pace of a direction target (0.01 = 1 % a year); null otherwise. */
  readonly referencePace?: number | null;
  /**
   * Change of the indicator from the base year to the target year, minus the same change under
   * `trend` (median of paired runs under Monte Carlo); null for milestones or without a trend run.
   */
  readonly additionality?: number | null;
  /** 5th and 95th percentiles of the additionality over paired Monte Carlo runs; null otherwise. */
  readonly additionalityLow?: number | null;
  readonly additionalityHigh?: number | null;
  readonly versusTrend?: VersusTrend | null;
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
  /**
   * Under Monte Carlo: which uncertainty was drawn — the scenario's own (delivery) or also every
   * assumed lever default (`all`) — and the levers drawn. Absent for a deterministic run.
   */
  readonly uncertainty?: { readonly mode: UncertaintyMode; readonly levers: readonly string[] };
}
