/**
 * Variance-based sensitivity: Sobol' first-order (S1) and total (ST) indices.
 *
 * Sampling (Saltelli 2002; Saltelli et al. 2010): matrices A and B of N points each are the first
 * and last k coordinates of a 2k-dimensional Sobol' low-discrepancy sequence (Joe–Kuo direction
 * numbers, from the `sobol` package; the all-zero first point is skipped); AB⁽ⁱ⁾ is A with column i
 * taken from B. N(k + 2) evaluations in all.
 *
 * Estimators (Saltelli et al. 2010, table 2): with V the variance of f over A and B together,
 *   S1ᵢ = mean_j[ f(B)ⱼ (f(AB⁽ⁱ⁾)ⱼ − f(A)ⱼ) ] / V            (Saltelli 2010)
 *   STᵢ = mean_j[ (f(A)ⱼ − f(AB⁽ⁱ⁾)ⱼ)² ] / (2V)                 (Jansen 1999)
 * Confidence intervals: percentile bootstrap over the N rows (seeded), resampling the rows of A,
 * B and every AB⁽ⁱ⁾ together.
 */
import { createRequire } from 'node:module';
import { analysisStream, byDescending, evaluatePoints, fromUnit, inputsOf } from './evaluate.js';
import type { SobolIndex, SobolOutput, SobolResult } from './results.js';
import type { AnalysisOptions, Evaluable, Input } from './types.js';

export type { SobolIndex, SobolOutput, SobolResult };

export interface SobolOptions extends AnalysisOptions {
  /** Base sample size N (default 1024; a power of two keeps the sequence's balance). */
  readonly samples?: number;
  /** Bootstrap resamples for the confidence intervals (default 200; 0 for none). */
  readonly resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
  /** Seed of the bootstrap (default 2011). */
  readonly seed?: number;
}

/**
 * The package's generator keeps 20 bits per coordinate (its shifts are 32-bit), which is exact for
 * the first 2^20 points; larger samples are refused rather than silently degraded.
 */
export const MAX_SOBOL_SAMPLES = 2 ** 20 - 1;

/** The `sobol` package's generator (CommonJS, untyped: its one class is typed here). */
type SobolGenerator = new (dimension: number) => { nextVector(): number[] };
let Generator: SobolGenerator | null = null;
const generatorClass = (): SobolGenerator =>
  (Generator ??= (createRequire(import.meta.url)('sobol') as { SobolSequenceGenerator: SobolGenerator }).SobolSequenceGenerator);

/** The first `n` points (after the all-zero one) of the `dimension`-dimensional Sobol' sequence, row-major. */
export function sobolSequence(n: number, dimension: number): Float64Array {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SOBOL_SAMPLES) throw new RangeError(`samples must be an integer from 1 to ${MAX_SOBOL_SAMPLES}, got ${n}`);
  const generator = new (generatorClass())(dimension);
  generator.nextVector();
  const out = new Float64Array(n * dimension);
  for (let j = 0; j < n; j++) out.set(generator.nextVector(), j * dimension);
  return out;
}

/** Saltelli's design in unit coordinates: blocks A, B, AB⁽¹⁾ … AB⁽ᵏ⁾ of N rows each. */
export function saltelliDesign(n: number, k: number): Float64Array {
  const seq = sobolSequence(n, 2 * k);
  const out = new Float64Array(n * (k + 2) * k);
  for (let j = 0; j < n; j++) {
    const a = seq.subarray(j * 2 * k, j * 2 * k + k);
    const b = seq.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    out.set(a, j * k);
    out.set(b, (n + j) * k);
    for (let i = 0; i < k; i++) {
      const row = ((2 + i) * n + j) * k;
      out.set(a, row);
      out[row + i] = b[i] as number;
    }
  }
  return out;
}

interface Estimates {
  readonly variance: number;
  readonly first: Float64Array;
  readonly total: Float64Array;
}

/** S1 and ST of every input from the rows `rows` (indices into 0..N−1) of the evaluated blocks. */
function estimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], rows: Int32Array | null, n: number): Estimates {
  const k = fAB.length;
  const row = (j: number): number => (rows ? (rows[j] as number) : j);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += (fA[row(j)] as number) + (fB[row(j)] as number);
  const mean = sum / (2 * n);
  let squares = 0;
  for (let j = 0; j < n; j++) squares += ((fA[row(j)] as number) - mean) ** 2 + ((fB[row(j)] as number) - mean) ** 2;
  const variance = squares / (2 * n);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ab = fAB[i] as Float64Array;
    let s1 = 0;
    let st = 0;
    for (let j = 0; j < n; j++) {
      const r = row(j);
      const a = fA[r] as number;
      const d = (ab[r] as number) - a;
      s1 += (fB[r] as number) * d;
      st += d * d;
    }
    first[i] = variance > 0 ? s1 / n / variance : NaN;
    total[i] = variance > 0 ? st / (2 * n) / variance : NaN;
  }
  return { variance, first, total };
}

/** The (α/2, 1 − α/2) percentile interval of `values` (NaN dropped); null when none is finite. */
function percentileInterval(values: Float64Array, confidence: number): readonly [number, number] | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort();
  if (finite.length === 0) return null;
  const at = (p: number): number => {
    const idx = (finite.length - 1) * p;
    const lo = Math.floor(idx);
    const a = finite[lo] as number;
    const b = finite[Math.min(finite.length - 1, lo + 1)] as number;
    return a + (idx - lo) * (b - a);
  };
  const alpha = 1 - confidence;
  return [at(alpha / 2), at(1 - alpha / 2)];
}

/**
 * First-order and total Sobol' indices of every input on every output.
 *
 * @example
 *   import { sobol } from 'hangzhou-reform-sim';
 *   // Ishigami function: S1 ≈ (0.314, 0.442, 0), ST ≈ (0.558, 0.442, 0.244)
 *   const inputs = ['x1', 'x2', 'x3'].map((id) => ({ id, min: -Math.PI, max: Math.PI }));
 *   const ishigami = (x) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
 *   const r = await sobol(ishigami, { inputs, samples: 8192, resamples: 0 });
 *   const byInput = [...r.outputs[0].indices].sort((a, b) => a.input.localeCompare(b.input));
 *   console.log(byInput.map((s) => s.first.toFixed(2)).join(' ')); // 0.31 0.44 0.00
 *   console.log(byInput.map((s) => s.total.toFixed(2)).join(' ')); // 0.56 0.44 0.24
 */
export async function sobol(model: Evaluable, options: SobolOptions = {}): Promise<SobolResult> {
  const inputs = inputsOf(model, options);
  const k = inputs.length;
  const n = options.samples ?? 1024;
  const resamples = options.resamples ?? 200;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 2011;
  if (n < 2) throw new RangeError(`samples must be at least 2, got ${n}`);
  if (!Number.isInteger(resamples) || resamples < 0) throw new RangeError(`resamples must be a non-negative integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const unit = saltelliDesign(n, k);
  const count = n * (k + 2);
  const points = new Float64Array(unit.length);
  for (let p = 0; p < count; p++) for (let i = 0; i < k; i++) points[p * k + i] = fromUnit(inputs[i] as Input, unit[p * k + i] as number);
  const { values, outputs } = await evaluatePoints(model, points, count, k, options);
  const m = outputs.length;
  const block = (b: number, j: number): Float64Array => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = values[(b * n + r) * m + j] as number;
    return out;
  };
  // Every output's bootstrap draws the same rows: the intervals of different outputs are comparable.
  const random = analysisStream(seed, 'sobol-bootstrap');
  const resampledRows = Array.from({ length: resamples }, () => Int32Array.from({ length: n }, () => Math.floor(random() * n)));

  const results = outputs.map((output, j): SobolOutput => {
    // Centred on the sample mean: the estimators' expectations do not change, their rounding error
    // and variance fall (outputs such as a population are large numbers that vary little).
    const raw = [block(0, j), block(1, j)];
    const mean = raw.reduce((acc, b) => acc + b.reduce((x, y) => x + y, 0), 0) / (2 * n);
    const centred = (b: Float64Array): Float64Array => b.map((v) => v - mean);
    const fA = centred(raw[0] as Float64Array);
    const fB = centred(raw[1] as Float64Array);
    const fAB = inputs.map((_, i) => centred(block(2 + i, j)));
    const point = estimate(fA, fB, fAB, null, n);
    const boot = resampledRows.map((rows) => estimate(fA, fB, fAB, rows, n));
    const indices = inputs.map((input, i): SobolIndex => ({
      input: input.id,
      label: input.label ?? null,
      first: point.first[i] as number,
      firstInterval: resamples > 0 ? percentileInterval(Float64Array.from(boot, (b) => b.first[i] as number), confidence) : null,
      total: point.total[i] as number,
      totalInterval: resamples > 0 ? percentileInterval(Float64Array.from(boot, (b) => b.total[i] as number), confidence) : null,
    }));
    indices.sort(byDescending((s) => s.total, (s) => s.input));
    return { output, mean, variance: point.variance, indices };
  });
  return { method: 'sobol', inputs, outputs: results, samples: n, resamples, confidence, seed, evaluations: count };
}
