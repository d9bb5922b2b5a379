/**
 * The engine's run-time half: turning generated source into a runnable model and running it with
 * lever overrides. It imports nothing heavy (no mathjs), so worker threads can run a model the
 * main thread compiled from plain data — the source and the lever table — without parsing,
 * ordering or unit-checking it again.
 */
import { messages } from './messages.js';
import type { PreparedRun } from './types.js';

/** What a generated module returns (see generate.ts): its slot array and its entry point. */
export interface Generated {
  /** The slot array (read by trace's recorder). */
  readonly v: Float64Array;
  /** Runs the model with lever table `T` (levers × years) into `out`. */
  readonly run: (T: Float64Array, out: Float64Array) => void;
  /** The trace module's entry: calls `record(k)` with every variable in its slot at point k. */
  readonly trace?: (T: Float64Array, record: (k: number) => void) => void;
}

/** A compiled model as plain, structured-clone-safe data: enough to run it in another thread. */
export interface PortableModel {
  /** The generated JavaScript (a function body returning `Generated`). */
  readonly source: string;
  /** Levers (rows of the lever table) and calendar years (its columns). */
  readonly levers: number;
  readonly columns: number;
  /** Length of one run's output vector (outputs × years). */
  readonly outLength: number;
}

export const instantiate = (source: string): Generated => new Function(source)() as Generated;

/**
 * The Monte Carlo fast path: `base` is the lever table (levers × years); each call overrides
 * whole rows with constants, runs, and restores only the rows it changed. No allocation when
 * `out` is given.
 */
export function createPreparedRun(generated: Generated, base: Float64Array, model: Omit<PortableModel, 'source'>): PreparedRun {
  const { levers: P, columns: R, outLength } = model;
  const work = Float64Array.from(base);
  const dirty = new Int32Array(P);
  let dirtyCount = 0;
  return {
    runWith(overrideIdx: Int32Array, overrideValues: Float64Array, out?: Float64Array): Float64Array {
      if (overrideIdx.length !== overrideValues.length) {
        throw new RangeError(messages.overrideLengths(overrideIdx.length, overrideValues.length));
      }
      for (let i = 0; i < overrideIdx.length; i++) {
        const p = overrideIdx[i] as number;
        if (!(p >= 0 && p < P)) throw new RangeError(messages.overrideIndex(i, p, P));
      }
      const result = out ?? new Float64Array(outLength);
      if (result.length < outLength) throw new RangeError(messages.outTooShort(result.length, outLength));
      for (let d = 0; d < dirtyCount; d++) {
        const from = (dirty[d] as number) * R;
        for (let c = from; c < from + R; c++) work[c] = base[c] as number;
      }
      dirtyCount = 0;
      for (let i = 0; i < overrideIdx.length; i++) {
        const p = overrideIdx[i] as number;
        work.fill(overrideValues[i] as number, p * R, p * R + R);
        if (dirtyCount < P) dirty[dirtyCount++] = p;
      }
      generated.run(work, result);
      return result;
    },
  };
}
