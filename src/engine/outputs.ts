/**
 * Typed access to a run's outputs. A run writes one Float64Array, output-major (all years of the
 * first output, then the next); the layout is the one place that knows it, so callers ask for
 * `series(id)` or `at(id, year)` — or a cell index for per-cell statistics — instead of computing
 * offsets.
 */
import { messages } from './messages.js';
import { suggestIds } from '../util/suggest.js';

/** One run's outputs. */
export interface RunOutputs {
  readonly ids: readonly string[];
  readonly years: readonly number[];
  /** The underlying vector (ids.length × years.length, output-major). */
  readonly values: Float64Array;
  /** Every year of output `id` (a view into `values`, not a copy). Throws RangeError for an unknown id. */
  series(id: string): Float64Array;
  /** Output `id` in `year`. Throws RangeError for an unknown id or a year not reported. */
  at(id: string, year: number): number;
}

/** Where outputs sit in a run's vector. */
export interface OutputLayout {
  readonly ids: readonly string[];
  readonly years: readonly number[];
  /** Values per run: ids.length × years.length. */
  readonly size: number;
  /** Index of output `id` in `ids`, or −1. */
  indexOf(id: string): number;
  /** Index of (id, year) in a run's vector (also the cell of Monte Carlo statistics), or −1. */
  cell(id: string, year: number): number;
  /** A typed view of one run's vector (at least `size` long). */
  view(values: Float64Array): RunOutputs;
}

export function outputLayout(ids: readonly string[], years: readonly number[]): OutputLayout {
  const index = new Map(ids.map((id, o) => [id, o]));
  const NY = years.length;
  const first = years[0] ?? 0;
  const size = ids.length * NY;
  const yearIndex = (year: number): number => {
    const y = year - first;
    return Number.isInteger(y) && y >= 0 && y < NY ? y : -1;
  };
  const known = (id: string): number => {
    const o = index.get(id);
    if (o === undefined) {
      throw new RangeError(messages.unknownOutput(id, suggestIds(id, [...ids])));
    }
    return o;
  };
  const layout: OutputLayout = {
    ids,
    years,
    size,
    indexOf: (id) => index.get(id) ?? -1,
    cell: (id, year) => {
      const o = index.get(id);
      const y = yearIndex(year);
      return o === undefined || y < 0 ? -1 : o * NY + y;
    },
    view(values) {
      if (values.length < size) throw new RangeError(messages.outTooShort(values.length, size));
      return {
        ids,
        years,
        values,
        series: (id) => {
          const o = known(id);
          return values.subarray(o * NY, o * NY + NY);
        },
        at: (id, year) => {
          const o = known(id);
          const y = yearIndex(year);
          if (y < 0) throw new RangeError(messages.yearNotReported(year, first, years[NY - 1] ?? first));
          return values[o * NY + y] as number;
        },
      };
    },
  };
  return layout;
}
