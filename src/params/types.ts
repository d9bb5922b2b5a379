/**
 * Types of the model's levers (parameters). Each lever is data with the plan line it implements
 * and the provenance of its default.
 */
import type { Domain, Provenance, Text } from '../catalog/types.js';

export type { Provenance };

/** A value by year: `{2011: 0.02, 2013: 0.05}`. Before the first year the first value holds. */
export type Schedule = Readonly<Record<number, number>>;
export type ParamValue = number | Schedule;


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
}
