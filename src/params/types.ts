/**
 * Types of the model's levers (parameters). Each lever is data with the plan line it implements,
 * the provenance of its default and, when the default is an assumption, how uncertain it is.
 */
import type { Domain, Provenance, Text } from '../catalog/types.js';

export type { Provenance };

/** A value by year: `{2011: 0.02, 2013: 0.05}`. Before the first year the first value holds. */
export type Schedule = Readonly<Record<number, number>>;
export type ParamValue = number | Schedule;

/** A probability distribution over one lever; draws are truncated to the lever's range. */
export type DistributionSpec =
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  /** Normal, truncated to [min, max] when given and always to the lever's range. */
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  /** Beta(alpha, beta) scaled to [min, max]. */
  | { dist: 'beta'; alpha: number; beta: number; min: number; max: number }
  /** One of `values`, with optional `weights` (default equal). */
  | { dist: 'discrete'; values: number[]; weights?: number[] };
export type DistributionKind = DistributionSpec['dist'];

/**
 * How uncertain an assumed default is: the distribution `--uncertainty all` draws it from (its
 * support is the plausible range) and why that range. Distinct from a scenario's own
 * `uncertainty`, which describes how a policy is delivered.
 */
export interface LeverUncertainty {
  readonly distribution: DistributionSpec;
  readonly reason: string;
}

export interface ParamRecord {
  readonly id: string;
  readonly name: Text;
  /** Unit as a mathjs unit expression (see src/engine/units.ts), e.g. '1/year', 'person', 'percent'. */
  readonly unit: string;
  readonly domain: Domain;
  readonly default: ParamValue;
  readonly range: { readonly min: number; readonly max: number };
  /** Plan line the lever implements (with a short quote), or null for purely technical levers. */
  readonly source: { readonly line: number; readonly quote: string } | null;
  readonly provenance: Provenance;
  /** What the lever does, for planners (shown in `hzsim params` and the generated docs). */
  readonly description: Text;
  /** How a schedule is read between its years: hold the last value (step, default) or interpolate. */
  readonly interpolation?: 'step' | 'linear';
  /** Levers that are years (pilot roll-out, milestone completion) are integers. */
  readonly integer?: boolean;
  /** Set on every lever whose default is an assumption: its plausible range as a distribution. */
  readonly uncertainty?: LeverUncertainty;
  /**
   * Why an assumed default is not drawn under `--uncertainty all` (instead of `uncertainty`): it is
   * tied to a value the plan states, so drawing it alone would change that value.
   */
  readonly fixedBy?: string;
  /**
   * A policy-effort lever: how hard the city pushes a reform measure (0 = the measure is not
   * pursued). The "no effort" test scenario sets every one of them to its range minimum.
   */
  readonly effort?: boolean;
}
