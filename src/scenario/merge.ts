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
 */
import { leverValueForYear, type Interpolation } from '../engine/inputs.js';
import type { ParamValue, Schedule } from '../params/types.js';

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

/**
 * The value of a lever after applying `override` on top of `inherited`.
 * @param start the base year (2010): the first year the engine reads levers for.
 */
export function mergeOverride(
  inherited: ParamValue,
  override: ParamValue,
  interpolation: Interpolation = 'step',
  start: number,
): ParamValue {
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
