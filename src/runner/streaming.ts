/**
 * What a Monte Carlo keeps while its runs stream past, block by block, so that memory does not
 * grow with the number of runs: per target the number of runs meeting it, per drawn milestone
 * lever the count of each drawn value (its median), and — for jobs too large to keep every value —
 * per cell (output × year) a quantile sketch, the count of finite values and their sum.
 *
 * Quantiles are exact (every value kept, src/runner/stats.ts) while runs × cells stays within
 * EXACT_QUANTILE_VALUES; beyond it they come from a DDSketch (@datadog/sketches-js: Masson, Rim &
 * Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
 * VLDB 2019). Its guarantee is on values, not ranks: each reported quantile lies within
 * SKETCH_RELATIVE_ACCURACY (relative) of an order statistic next to the exact quantile's position.
 * Sketches merge by adding integer bucket counts, which is exact and independent of order, so
 * results stay byte-identical for any number of threads; the sums behind the mean are added
 * chunk by chunk in run order (CHUNK_RUNS), whichever thread ran the chunk.
 */
import { DDSketch } from '@datadog/sketches-js';
import type { Target } from '../catalog/types.js';
import { outputLayout, type OutputLayout } from '../engine/outputs.js';
import { type AttainmentSettings, type AttainmentThresholds, judgeTarget, type ObservedPace, targetHolds, type ValueAt } from './attainment.js';
import { type CellSummary, QuantileLevels } from './stats.js';

/** Up to this many values (runs × cells; 256 MiB of doubles) quantiles are exact. */
export const EXACT_QUANTILE_VALUES = 2 ** 25;
/** Relative accuracy of sketched quantiles: within 0.01 % of an adjacent order statistic. */
export const SKETCH_RELATIVE_ACCURACY = 1e-4;
/** Runs summed together before the chunk's sums join the total (a multiple of BLOCK_RUNS). */
export const CHUNK_RUNS = 10_000;

export type QuantileMethod = 'exact' | 'sketch';
/** 'auto': exact when the job fits EXACT_QUANTILE_VALUES, else sketched. */
export type QuantileChoice = QuantileMethod | 'auto';

export function quantileMethod(choice: QuantileChoice | undefined, runs: number, cells: number): QuantileMethod {
  if (choice === 'exact' || choice === 'sketch') return choice;
  return runs * cells <= EXACT_QUANTILE_VALUES ? 'exact' : 'sketch';
}

/** The targets a job judges in every run, with what they read: plain data (sent to workers). */
export interface TargetJob {
  readonly targets: readonly Target[];
  /** Levers the targets read that are not drawn: their value in the last reporting year. */
  readonly fixedLevers: Readonly<Record<string, number>>;
  /** How targets are judged: thresholds, the bounds of the targets' indicators (reference paces are capped at them), observed paces. */
  readonly settings?: {
    readonly thresholds?: AttainmentThresholds;
    readonly bounds?: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
    readonly observedPaces?: Readonly<Record<string, ObservedPace>>;
  };
}

/** A job judging no target. */
export const NO_TARGETS: TargetJob = { targets: [], fixedLevers: {} };

/** Outputs of runs [first, first + count): run-major, `cells` values each; draws run-major too. */
export interface BlockView {
  readonly count: number;
  readonly outputs: Float64Array;
  readonly draws: Float64Array;
}

/**
 * Counts, per target, the runs meeting it and the runs judged on track, and per drawn lever a
 * milestone target reads, how often each value was drawn. All are integer counts: merging is
 * exact in any order.
 */
export class TargetCounter {
  /** hits[i]: runs meeting target i; hits[n + i]: runs on track (on-track or met) for it (n targets). */
  readonly hits: Float64Array;
  /** Drawn lever id → value → runs. */
  readonly leverCounts = new Map<string, Map<number, number>>();
  private readonly layout: OutputLayout;
  private readonly counted: readonly { readonly id: string; readonly k: number }[];
  private readonly settings: AttainmentSettings;

  constructor(
    private readonly job: TargetJob,
    outputIds: readonly string[],
    private readonly years: readonly number[],
    private readonly levers: readonly string[],
  ) {
    this.hits = new Float64Array(2 * job.targets.length);
    const bounds = job.settings?.bounds ?? {};
    this.settings = {
      ...(job.settings?.thresholds ? { thresholds: job.settings.thresholds } : {}),
      ...(job.settings?.observedPaces ? { observedPaces: job.settings.observedPaces } : {}),
      boundsOf: (indicator) => bounds[indicator],
    };
    this.layout = outputLayout(outputIds, years);
    const milestoneLevers = new Set(job.targets.flatMap((t) => (t.kind === 'milestone' ? [t.completionParam] : [])));
    this.counted = levers.flatMap((id, k) => (milestoneLevers.has(id) ? [{ id, k }] : []));
    for (const { id } of this.counted) this.leverCounts.set(id, new Map());
  }

  add(block: BlockView): void {
    const { years, levers, job, layout } = this;
    const first = years[0] ?? 0;
    const cells = layout.size;
    const nLevers = levers.length;
    let base = 0;
    let drawBase = 0;
    const valueAt: ValueAt = (indicator, year) => {
      const cell = layout.cell(indicator, year);
      return cell < 0 ? NaN : (block.outputs[base + cell] ?? NaN);
    };
    const leverIndex = new Map(levers.map((id, k) => [id, k]));
    const leverAt = (param: string): number => {
      const k = leverIndex.get(param);
      return k === undefined ? (job.fixedLevers[param] ?? NaN) : (block.draws[drawBase + k] ?? NaN);
    };
    for (let r = 0; r < block.count; r++) {
      base = r * cells;
      drawBase = r * nLevers;
      const n = job.targets.length;
      job.targets.forEach((target, i) => {
        if (targetHolds(target, valueAt, leverAt, first, this.settings)) this.hits[i] = (this.hits[i] ?? 0) + 1;
        const cls = judgeTarget(target, valueAt, leverAt, years, this.settings).class;
        if (cls === 'on-track' || cls === 'met') this.hits[n + i] = (this.hits[n + i] ?? 0) + 1;
      });
      for (const { id, k } of this.counted) {
        const counts = this.leverCounts.get(id) as Map<number, number>;
        const v = block.draws[drawBase + k] ?? NaN;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    }
  }

  merge(other: Pick<TargetCounter, 'hits' | 'leverCounts'>): void {
    other.hits.forEach((h, i) => (this.hits[i] = (this.hits[i] ?? 0) + h));
    for (const [id, counts] of other.leverCounts) {
      const mine = this.leverCounts.get(id) ?? new Map<number, number>();
      for (const [v, n] of counts) mine.set(v, (mine.get(v) ?? 0) + n);
      this.leverCounts.set(id, mine);
    }
  }

  /** The lower median of each counted lever (a year: never interpolated). */
  leverMedians(): Record<string, number> {
    const medians: Record<string, number> = {};
    for (const [id, counts] of this.leverCounts) {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const rank = Math.floor((total - 1) / 2);
      let seen = 0;
      for (const v of [...counts.keys()].sort((a, b) => a - b)) {
        seen += counts.get(v) ?? 0;
        if (seen > rank) {
          medians[id] = v;
          break;
        }
      }
    }
    return medians;
  }
}

/** A sketch as plain data: bucket keys and counts of each store (structured-clone safe). */
export interface PlainSketch {
  readonly positive: readonly [Float64Array, Float64Array];
  readonly negative: readonly [Float64Array, Float64Array];
  readonly zeroCount: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

type Store = DDSketch['store'];
const storeToPlain = (store: Store): [Float64Array, Float64Array] => {
  const keys: number[] = [];
  const counts: number[] = [];
  store.bins.forEach((n, i) => {
    if (n > 0) {
      keys.push(store.offset + i);
      counts.push(n);
    }
  });
  return [Float64Array.from(keys), Float64Array.from(counts)];
};
const addPlain = (store: Store, [keys, counts]: readonly [Float64Array, Float64Array]): void => {
  const last = keys.length - 1;
  if (last < 0) return;
  // The highest key first, then upwards from the lowest: the store grows to the whole range once
  // rather than bucket by bucket.
  store.add(keys[last] as number, counts[last]);
  for (let i = 0; i < last; i++) store.add(keys[i] as number, counts[i]);
};

/** Per cell: a quantile sketch, the number of finite values and — per chunk — their sum. */
export class CellSketches {
  readonly sketches: DDSketch[];
  readonly n: Float64Array;
  /** Sums of the chunk being filled; `closeChunk` hands them over. */
  private chunkSums: Float64Array;

  constructor(readonly cells: number) {
    this.sketches = Array.from({ length: cells }, () => new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY }));
    this.n = new Float64Array(cells);
    this.chunkSums = new Float64Array(cells);
  }

  add(block: BlockView): void {
    const { cells, sketches, n, chunkSums } = this;
    for (let r = 0; r < block.count; r++) {
      const base = r * cells;
      for (let c = 0; c < cells; c++) {
        const v = block.outputs[base + c] as number;
        if (Number.isNaN(v)) continue;
        (sketches[c] as DDSketch).accept(v);
        n[c] = (n[c] as number) + 1;
        chunkSums[c] = (chunkSums[c] as number) + v; // in run order within the chunk
      }
    }
  }

  /** The finished chunk's sums (a new accumulator starts for the next chunk). */
  closeChunk(): Float64Array {
    const sums = this.chunkSums;
    this.chunkSums = new Float64Array(this.cells);
    return sums;
  }

  toPlain(): PlainSketch[] {
    return this.sketches.map((s) => ({
      positive: storeToPlain(s.store),
      negative: storeToPlain(s.negativeStore),
      zeroCount: s.zeroCount,
      count: s.count,
      min: s.min,
      max: s.max,
    }));
  }

  /** Adds another accumulator's sketches and counts (chunk sums are reduced separately, in order). */
  mergePlain(plain: readonly PlainSketch[], n: Float64Array): void {
    plain.forEach((p, c) => {
      const s = this.sketches[c] as DDSketch;
      addPlain(s.store, p.positive);
      addPlain(s.negativeStore, p.negative);
      s.zeroCount += p.zeroCount;
      s.count += p.count;
      if (p.min < s.min) s.min = p.min;
      if (p.max > s.max) s.max = p.max;
    });
    n.forEach((k, c) => (this.n[c] = (this.n[c] as number) + k));
  }

  /** Summaries from the sketches and the total sums (chunk sums added in chunk order). */
  summarise(totalSums: Float64Array): (CellSummary | null)[] {
    return this.sketches.map((s, c) => {
      const n = this.n[c] as number;
      if (n === 0) return null;
      const mean = (totalSums[c] as number) / n;
      if (s.min === s.max) return { n, mean, p05: s.min, p25: s.min, p50: s.min, p75: s.min, p95: s.min };
      // A bucket's representative value can lie just outside the values seen: clamp to them.
      const q = (p: number): number => Math.min(s.max, Math.max(s.min, s.getValueAtQuantile(p)));
      const L = QuantileLevels;
      return { n, mean, p05: q(L.p05), p25: q(L.p25), p50: q(L.p50), p75: q(L.p75), p95: q(L.p95) };
    });
  }
}

/** Adds chunk sums in chunk order. */
export function totalOfChunks(chunkSums: readonly Float64Array[], cells: number): Float64Array {
  const total = new Float64Array(cells);
  for (const sums of chunkSums) for (let c = 0; c < cells; c++) total[c] = (total[c] as number) + (sums[c] as number);
  return total;
}
