/**
 * The lever values a goal seek tries: "x from year Y on" (set) or "the scenario's value × s from
 * year Y on" (scale), written as the lever values a scenario file holds — so a found value can be
 * saved as a scenario that `extends` the input and reproduces the search's runs exactly.
 */
import { leverValueForYear, type Interpolation } from '../engine/inputs.js';
import type { ParamValue } from '../params/types.js';
import { mergeOverride, scheduleEntries } from '../scenario/merge.js';

export type GoalMode = 'set' | 'scale';

export interface LeverChange {
  readonly mode: GoalMode;
  /** First calendar year the change applies to; undefined: every year. */
  readonly from?: number;
}

/**
 * The lever value after the change, as the scenario loader would resolve it. `set` from a year is
 * exactly the loader's merge of `{from: x}` over the inherited value.
 */
export function changedValue(base: ParamValue, x: number, change: LeverChange, interpolation: Interpolation, start: number): ParamValue {
  if (change.mode === 'set') return change.from === undefined || change.from <= start ? x : mergeOverride(base, { [change.from]: x }, interpolation, start);
  if (change.from === undefined || change.from <= start) {
    return typeof base === 'number' ? x * base : Object.fromEntries(scheduleEntries(base).map(([y, v]) => [y, x * v]));
  }
  const from = change.from;
  const at = (year: number): number => leverValueForYear(base, year, interpolation);
  const entries = new Map<number, number>([[start, at(start)]]);
  if (typeof base !== 'number') for (const [y, v] of scheduleEntries(base)) if (y > start) entries.set(y, y >= from ? x * v : v);
  // The year before the change keeps its value under linear interpolation; the change year is scaled.
  if (interpolation === 'linear' && from - 1 > start && !entries.has(from - 1)) entries.set(from - 1, at(from - 1));
  entries.set(from, x * at(from));
  return Object.fromEntries([...entries].sort((a, b) => a[0] - b[0]));
}

/**
 * The scale factors s ≥ 0 that keep the lever within [min, max] in every year the change
 * applies to, or null when the lever is 0 there (scaling cannot move it).
 */
export function scaleRange(base: ParamValue, range: { readonly min: number; readonly max: number }, from: number | undefined, interpolation: Interpolation, years: readonly number[]): { min: number; max: number } | null {
  let lo = 0;
  let hi = Infinity;
  let moves = false;
  for (const year of years) {
    if (from !== undefined && year < from) continue;
    const v = leverValueForYear(base, year, interpolation);
    if (v === 0) continue;
    moves = true;
    const [a, b] = v > 0 ? [range.min / v, range.max / v] : [range.max / v, range.min / v];
    lo = Math.max(lo, a);
    hi = Math.min(hi, b);
  }
  return moves && lo <= hi ? { min: lo, max: hi } : null;
}
