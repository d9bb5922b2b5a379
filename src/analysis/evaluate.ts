/**
 * One way to evaluate any Evaluable: a batch model computes its points itself (through the
 * runner, possibly on worker threads); a plain function is called point by point. The sampling
 * methods build their whole design first and evaluate it in one batch.
 */
import seedrandom from 'seedrandom';
import type { AnalysisOptions, BatchModel, Evaluable, Input, OutputRef, PointFunction, ProgressListener } from './types.js';

export const isBatchModel = (m: Evaluable): m is BatchModel => typeof m !== 'function';

/** The inputs a method works on: given in the options, else the batch model's. */
export function inputsOf(model: Evaluable, options: AnalysisOptions): readonly Input[] {
  const inputs = options.inputs ?? (isBatchModel(model) ? model.inputs : undefined);
  if (!inputs || inputs.length === 0) throw new RangeError('no inputs: pass options.inputs (id, min, max for each coordinate of the point)');
  inputs.forEach((input, i) => {
    if (!(Number.isFinite(input.min) && Number.isFinite(input.max) && input.min <= input.max)) {
      throw new RangeError(`input ${i} (${input.id}) has range [${input.min}, ${input.max}] — expected finite min ≤ max`);
    }
  });
  return inputs;
}

/** Results of a batch: row-major `count × outputs.length` values. */
export interface Evaluated {
  readonly values: Float64Array;
  readonly outputs: readonly OutputRef[];
}

const defaultOutputs = (m: number): OutputRef[] => (m === 1 ? [{ id: 'y' }] : Array.from({ length: m }, (_, j) => ({ id: `y${j + 1}` })));

/** Evaluates `count` points (row-major, `count × dimension`). */
export async function evaluatePoints(
  model: Evaluable,
  points: Float64Array,
  count: number,
  dimension: number,
  options: Pick<AnalysisOptions, 'outputs' | 'onProgress'> = {},
): Promise<Evaluated> {
  if (isBatchModel(model)) {
    const values = await model.evaluate(points, count, options.onProgress);
    const outputs = options.outputs ?? model.outputs;
    if (values.length !== count * outputs.length) throw new RangeError(`the batch model returned ${values.length} values for ${count} points × ${outputs.length} outputs`);
    return { values, outputs };
  }
  return evaluateFunction(model, points, count, dimension, options.outputs, options.onProgress);
}

async function evaluateFunction(
  f: PointFunction,
  points: Float64Array,
  count: number,
  dimension: number,
  names: readonly OutputRef[] | undefined,
  onProgress: ProgressListener | undefined,
): Promise<Evaluated> {
  let values: Float64Array | null = null;
  let m = 0;
  const every = Math.max(1, Math.floor(count / 100));
  for (let r = 0; r < count; r++) {
    const y = f(points.subarray(r * dimension, (r + 1) * dimension));
    const row = typeof y === 'number' ? [y] : y;
    if (values === null) {
      m = row.length;
      if (m === 0) throw new RangeError('the function returned no outputs');
      values = new Float64Array(count * m);
    } else if (row.length !== m) {
      throw new RangeError(`the function returned ${row.length} outputs at point ${r}, ${m} at point 0`);
    }
    for (let j = 0; j < m; j++) values[r * m + j] = row[j] ?? NaN;
    if (onProgress && ((r + 1) % every === 0 || r + 1 === count)) {
      onProgress(r + 1, count);
      // Let a progress bar repaint.
      if ((r + 1) % (every * 10) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  const outputs = names ?? defaultOutputs(m);
  if (outputs.length !== m) throw new RangeError(`${outputs.length} output names given for ${m} outputs`);
  return { values: values ?? new Float64Array(0), outputs };
}

/** A unit coordinate u ∈ [0, 1] as a value of the input (rounded for integer inputs). */
export function fromUnit(input: Input, u: number): number {
  const x = input.min + u * (input.max - input.min);
  return input.integer ? Math.min(input.max, Math.max(input.min, Math.round(x))) : x;
}

/** Row-major unit points (`count × inputs.length`) as input values. */
export function scalePoints(unit: Float64Array, inputs: readonly Input[]): Float64Array {
  const k = inputs.length;
  const out = new Float64Array(unit.length);
  for (let i = 0; i < unit.length; i++) out[i] = fromUnit(inputs[i % k] as Input, unit[i] as number);
  return out;
}

/** The reference point: the batch model's (which may hold NaN for "the model's own value"), else each input's reference or mid-range. */
export function referencePoint(model: Evaluable, inputs: readonly Input[]): Float64Array {
  const own = isBatchModel(model) && model.reference && model.reference.length === inputs.length ? model.reference : null;
  return own ? Float64Array.from(own) : Float64Array.from(inputs, (i) => i.reference ?? fromUnit(i, 0.5));
}

/**
 * A seeded uniform stream for one purpose of one analysis. Keys differ from the Monte Carlo run
 * streams (`hzsim:<seed>:<run>`), so an analysis never replays a run's draws by accident.
 */
export function analysisStream(seed: number, purpose: string): () => number {
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const prng = seedrandom(`hzsim-analysis:${purpose}:${seed}`);
  return () => prng.double();
}

/** Output i's column of row-major `values` (n rows × m outputs). */
export function column(values: Float64Array, m: number, j: number, rows = values.length / m): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = values[r * m + j] ?? NaN;
  return out;
}

/** A comparator: larger `value` first, NaN last, ties by `id`. */
export function byDescending<T>(value: (t: T) => number, id: (t: T) => string): (a: T, b: T) => number {
  const key = (t: T): number => {
    const v = value(t);
    return Number.isNaN(v) ? -Infinity : v;
  };
  return (a, b) => key(b) - key(a) || id(a).localeCompare(id(b));
}
