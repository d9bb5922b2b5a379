/**
 * Resolution of lever values (constants or schedules by year) to the value for a calendar year,
 * per the time convention: a schedule gives, for year y, the value at the largest key ≤ y
 * ('step'), or interpolates linearly between the surrounding keys ('linear'); before the first
 * key the first value holds, after the last key the last value.
 */
import { ModelError } from '../errors.js';
import { messages } from './messages.js';
import type { Interpolation, LeverValue } from './types.js';

export type { Interpolation };

/** A schedule as sorted parallel arrays; a constant is one key. */
export interface ResolvedSchedule {
  readonly years: readonly number[];
  readonly values: readonly number[];
}

/** Validates a lever value and sorts its keys; throws ModelError naming the lever. */
export function toSchedule(param: string, value: LeverValue): ResolvedSchedule {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ModelError(messages.badParamValue(param, value));
    return { years: [Number.NEGATIVE_INFINITY], values: [value] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelError(messages.badParamValue(param, value));
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [Number(k), v] as const);
  if (entries.length === 0) throw new ModelError(messages.badParamValue(param, value));
  for (const [k, v] of entries) {
    if (!Number.isFinite(k) || typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ModelError(messages.badParamValue(param, value));
    }
  }
  entries.sort((a, b) => a[0] - b[0]);
  return { years: entries.map((e) => e[0]), values: entries.map((e) => e[1] as number) };
}

/** The schedule's value for calendar year `year`. */
export function valueForYear(s: ResolvedSchedule, year: number, interpolation: Interpolation): number {
  const { years, values } = s;
  const n = years.length;
  if (year < (years[0] as number)) return values[0] as number;
  let i = n - 1;
  while ((years[i] as number) > year) i--;
  const v = values[i] as number;
  if (interpolation === 'step' || i === n - 1) return v;
  const y0 = years[i] as number;
  const y1 = years[i + 1] as number;
  const v1 = values[i + 1] as number;
  return v + ((v1 - v) * (year - y0)) / (y1 - y0);
}

/**
 * A lever value (constant or schedule) for calendar year `year`: the one reading of the time
 * convention that the engine, the scenario merge and the runner's attainment all use.
 */
export const leverValueForYear = (value: LeverValue, year: number, interpolation: Interpolation = 'step', param = 'lever'): number =>
  valueForYear(toSchedule(param, value), year, interpolation);
