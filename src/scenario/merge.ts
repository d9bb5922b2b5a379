/**
 * Merging a scenario's lever override onto the value it inherits (the parent scenario's, or the
 * lever's default).
 *
 * A constant replaces the inherited value. A schedule `{2013: 0.05}` means "from 2013 on": before
 * its first year the inherited value still holds. The engine reads a schedule as "before the first
 * key, the first value", so the merge writes the inherited value out explicitly as leading keys
 * from the base year, and the result reads the same in the engine for every year.
 *
 * Example (step lever, inherited constant 0.02, override {2013: 0.05}):
 *   → {2010: 0.02, 2013: 0.05} — 2010–2012 read 0.02, 2013 on 0.05.
 * For a lever read with linear interpolation, the inherited value at the year before the first key
 * is written too, so the years before it are not pulled toward the override:
 *   inherited 0.02, override {2013: 0.05} → {2010: 0.02, 2012: 0.02, 2013: 0.05}.
 *
 * A relative override `{scale: k}` multiplies the inherited value — every year of a schedule — by k:
 *   inherited 0.04, {scale: 1.5} → 0.06;  inherited {2010: 0.02, 2013: 0.05}, {scale: 2} → {2010: 0.04, 2013: 0.1}.
 */
import { leverValueForYear, type Interpolation } from '../engine/inputs.js';
import type { ParamValue, Schedule } from '../params/types.js';
import type { DistributionSpec, LeverOverride, RelativeOverride } from './types.js';

export type { Interpolation };

/** Schedule entries as sorted [year, value] pairs. */
export function scheduleEntries(schedule: Schedule): [number, number][] {
  return Object.entries(schedule)
    .map(([k, v]): [number, number] => [Number(k), v])
    .sort((a, b) => a[0] - b[0]);
}

/** The value a lever takes in calendar year `year` — the engine's own reading of a schedule. */
export const valueInYear = (value: ParamValue, year: number, interpolation: Interpolation = 'step'): number =>
  leverValueForYear(value, year, interpolation);

export const isRelativeOverride = (v: LeverOverride): v is RelativeOverride =>
  typeof v === 'object' && Object.keys(v).length === 1 && Object.hasOwn(v, 'scale');

/** A schedule read from YAML/JSON (string keys) with numeric, sorted years; constants unchanged. */
export function normaliseValue(value: ParamValue): ParamValue {
  if (typeof value === 'number') return value;
  return Object.fromEntries(scheduleEntries(value));
}

/** `inherited` × `factor`, every year of a schedule. */
export function scaleValue(inherited: ParamValue, factor: number): ParamValue {
  if (typeof inherited === 'number') return inherited * factor;
  return Object.fromEntries(scheduleEntries(inherited).map(([y, v]) => [y, v * factor]));
}

/** A distribution over k × the lever (an inherited spread moved with a relative override). */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  switch (spec.dist) {
    case 'uniform':
      return { dist: 'uniform', min: spec.min * factor, max: spec.max * factor };
    case 'triangular':
      return { dist: 'triangular', min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor };
    case 'normal':
      return {
        dist: 'normal',
        mean: spec.mean * factor,
        sd: spec.sd * factor,
        ...(spec.min === undefined ? {} : { min: spec.min * factor }),
        ...(spec.max === undefined ? {} : { max: spec.max * factor }),
      };
    case 'beta':
      return { dist: 'beta', alpha: spec.alpha, beta: spec.beta, min: spec.min * factor, max: spec.max * factor };
    case 'discrete':
      return { dist: 'discrete', values: spec.values.map((v) => v * factor), ...(spec.weights ? { weights: [...spec.weights] } : {}) };
  }
}

/** Smallest and largest value a distribution can draw (before truncation to a lever's range). */
export function distributionSupport(spec: DistributionSpec): { min: number; max: number } {
  switch (spec.dist) {
    case 'normal':
      return { min: spec.min ?? -Infinity, max: spec.max ?? Infinity };
    case 'discrete':
      return { min: Math.min(...spec.values), max: Math.max(...spec.values) };
    default:
      return { min: spec.min, max: spec.max };
  }
}

/**
 * The value of a lever after applying `override` (as written in a file) on top of `inherited`.
 * @param start the base year (2010): the first year the engine reads levers for.
 */
export function mergeOverride(
  inherited: ParamValue,
  written: LeverOverride,
  interpolation: Interpolation = 'step',
  start: number,
): ParamValue {
  if (isRelativeOverride(written)) return scaleValue(inherited, written.scale);
  const override = normaliseValue(written);
  if (typeof override === 'number') return override;
  const own = scheduleEntries(override);
  const firstOwn = own[0];
  if (!firstOwn) return inherited;
  const firstYear = firstOwn[0];
  const merged = new Map<number, number>();
  if (firstYear > start) {
    if (typeof inherited === 'number') merged.set(start, inherited);
    else for (const [y, v] of scheduleEntries(inherited)) if (y < firstYear) merged.set(y, v);
    if (merged.size === 0) merged.set(start, valueInYear(inherited, start, interpolation));
    const lastInherited = Math.max(...merged.keys());
    if (interpolation === 'linear' && lastInherited < firstYear - 1)
      merged.set(firstYear - 1, valueInYear(inherited, firstYear - 1, interpolation));
  }
  for (const [y, v] of own) merged.set(y, v);
  return Object.fromEntries([...merged.entries()].sort((a, b) => a[0] - b[0]));
}
