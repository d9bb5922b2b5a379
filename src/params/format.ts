/**
 * How a lever value is written for people — in `hzsim params`, the model reference and
 * `hzsim compare`: a constant as its number, a schedule as `0.02 (2011) → 0.05 (2013)`.
 */
import { formatNumber } from '../util/csv.js';
import type { ParamValue } from './types.js';

export function formatParamValue(value: ParamValue): string {
  if (typeof value === 'number') return formatNumber(value);
  return Object.keys(value)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => `${formatNumber(value[year] ?? NaN)} (${year})`)
    .join(' → ');
}
