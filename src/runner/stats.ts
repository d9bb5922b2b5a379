/**
 * Monte Carlo summaries computed from typed arrays, never from per-run objects: a run's outputs
 * are stored into one cell-major Float64Array (cell = output × year, `runs` values per cell), so
 * memory is exactly cells × runs × 8 bytes (100k runs × 500 cells ≈ 400 MB worst case, ~40 MB
 * at 10k) and each cell's values are contiguous for sorting.
 */
import { quickselect } from 'simple-statistics';
import type { Statistic } from './types.js';

/** The reported quantiles and their probabilities. */
export const QuantileLevels = { p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;
export type QuantileStatistic = keyof typeof QuantileLevels;

/**
 * The p-quantile of ascending `sorted` values: linear interpolation between order statistics at
 * index (n − 1)·p (Hyndman & Fan type 7, R's default and numpy's 'linear'). Same definition as
 * simple-statistics `quantileSorted`.
 *
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 * @throws RangeError on an empty sample or p outside [0, 1]
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const idx = (n - 1) * p;
  const lower = Math.floor(idx);
  const lo = sorted[lower] ?? NaN;
  if (lower === idx) return lo;
  const hi = sorted[lower + 1] ?? NaN;
  return lo + (idx - lower) * (hi - lo);
}

/** Summary of one cell: the number of finite values, their mean and the reported quantiles. */
export interface CellSummary {
  readonly n: number;
  readonly mean: number;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/**
 * Summarises `values` (ignoring NaN), sorting a copy in `scratch` (reused between cells to avoid
 * allocation). Null when no value is finite (e.g. an annual increase in the start year).
 */
export function summarise(values: Float64Array, scratch: Float64Array = new Float64Array(values.length)): CellSummary | null {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isNaN(v)) continue;
    scratch[n++] = v;
    sum += v; // summed in run order: the same for any number of threads
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return null;
  // Outputs no uncertain lever reaches are the same in every run: nothing to select.
  if (min === max) return { n, mean: sum / n, p05: min, p25: min, p50: min, p75: min, p95: min };
  const q = orderQuantiles(scratch.subarray(0, n));
  return { n, mean: sum / n, p05: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p95: q[4]! };
}

const LEVELS = [QuantileLevels.p05, QuantileLevels.p25, QuantileLevels.p50, QuantileLevels.p75, QuantileLevels.p95];

/**
 * The reported quantiles of `values` (rearranged in place), with exactly the values
 * `quantileSorted` gives on the sorted sample: only the order statistics they need are selected
 * (simple-statistics' Floyd–Rivest quickselect, each search starting right of the previous one),
 * which is several times faster than sorting every cell of a large Monte Carlo.
 */
export function orderQuantiles(values: Float64Array): Float64Array {
  const n = values.length;
  const ranks: number[] = [];
  for (const p of LEVELS) {
    const idx = (n - 1) * p;
    const lower = Math.floor(idx);
    ranks.push(lower);
    if (lower < idx) ranks.push(lower + 1);
  }
  const unique = [...new Set(ranks)].sort((a, b) => a - b);
  const at = new Map<number, number>();
  let left = 0;
  const arr = values as unknown as number[]; // quickselect indexes and swaps; a typed array does that too
  for (const r of unique) {
    if (left < n - 1) quickselect(arr, r, left, n - 1); // r ≥ left: search only right of the last rank
    at.set(r, values[r]!);
    left = r + 1;
  }
  const out = new Float64Array(LEVELS.length);
  LEVELS.forEach((p, i) => {
    const idx = (n - 1) * p;
    const lower = Math.floor(idx);
    const lo = at.get(lower)!;
    out[i] = lower === idx ? lo : lo + (idx - lower) * (at.get(lower + 1)! - lo);
  });
  return out;
}

/** The value of `statistic` in a summary ('value' is not a Monte Carlo statistic). */
export function statisticOf(summary: CellSummary, statistic: Exclude<Statistic, 'value'>): number {
  return summary[statistic];
}

/**
 * All runs' outputs: `cells` values per run (the engine's output-major layout), stored cell-major
 * so that `cell(c)` is the contiguous vector of that cell over runs.
 */
export class RunMatrix {
  readonly data: Float64Array;
  /**
   * `buffer`: memory to use, e.g. a SharedArrayBuffer that worker threads write their runs into
   * directly (each run owns its own slots, so no two threads ever write the same element).
   */
  constructor(
    readonly cells: number,
    readonly runs: number,
    buffer?: ArrayBufferLike,
  ) {
    this.data = buffer ? new Float64Array(buffer, 0, cells * runs) : new Float64Array(cells * runs);
  }

  /** Stores run `run`'s output vector (length `cells`). */
  setRun(run: number, out: ArrayLike<number>): void {
    const { cells, runs, data } = this;
    for (let c = 0; c < cells; c++) data[c * runs + run] = out[c] ?? NaN;
  }

  /** Stores a block of consecutive runs starting at `firstRun` from a run-major buffer. */
  setRuns(firstRun: number, count: number, runMajor: Float64Array): void {
    const { cells, runs, data } = this;
    // Cell-outer: each cell's values for the block are written contiguously.
    for (let c = 0; c < cells; c++) {
      const base = c * runs + firstRun;
      for (let k = 0; k < count; k++) data[base + k] = runMajor[k * cells + c]!;
    }
  }

  /** The values of cell `c` over all runs (a view, not a copy). */
  cell(c: number): Float64Array {
    return this.data.subarray(c * this.runs, (c + 1) * this.runs);
  }

  /** Summaries of every cell (null where no run gave a finite value). */
  summarise(): (CellSummary | null)[] {
    const scratch = new Float64Array(this.runs);
    const result: (CellSummary | null)[] = [];
    for (let c = 0; c < this.cells; c++) result.push(summarise(this.cell(c), scratch));
    return result;
  }
}
