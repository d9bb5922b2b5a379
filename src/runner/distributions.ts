/**
 * Samplers for every DistributionSpec of a scenario's `uncertainty`. Each takes its random source
 * (a seeded stream, never the global generator) and consumes a fixed, documented number of
 * uniforms per draw except the gamma (beta) sampler, whose rejection step accepts with
 * probability > 0.95 per attempt.
 *
 * Truncation to the lever's range: the normal is truncated exactly (inverse CDF on the truncated
 * interval [min, max] ∩ range); the other families are clamped into the range (a scenario's
 * min/max normally lie inside it already — src/scenario checks that). Integer levers (milestone
 * years, pilot years) are rounded to the nearest integer after the draw.
 */
import type { DistributionSpec } from '../scenario/types.js';
import { normalCdf, normalQuantile, normalUpperTail } from './normal.js';
import { type RandomSource, uniformOpen } from './random.js';

/** The lever's allowed range and whether it takes integer values (from its ParamRecord). */
export interface LeverBounds {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** A prepared sampler: parameters checked and constants (Φ at the bounds…) computed once. */
export type Sampler = (random: RandomSource) => number;

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** U(min, max): one uniform. */
export function uniformSampler(min: number, max: number): Sampler {
  requireOrdered('uniform', min, max);
  if (!Number.isFinite(max - min)) return rescaled(uniformSampler(min * SMALL, max * SMALL));
  return (random) => min + random() * (max - min);
}

/**
 * For parameters so large (near ±1e308) that a width or a product of them overflows: the same
 * distribution on the parameters times 2^−600, its draws times 2^600. Scaling by a power of two
 * is exact, and the draws lie within the (finite) bounds.
 */
const SMALL = 2 ** -600;
const rescaled = (small: Sampler): Sampler => (random) => small(random) / SMALL;

/** Triangular(min, mode, max) by its inverse CDF: one uniform. */
export function triangularSampler(min: number, mode: number, max: number): Sampler {
  if (!(min <= mode && mode <= max)) throw new RangeError(`triangular: need min ≤ mode ≤ max, got ${min}, ${mode}, ${max}`);
  const width = max - min;
  if (!Number.isFinite(width * (mode - min)) || !Number.isFinite(width * (max - mode))) {
    return rescaled(triangularSampler(min * SMALL, mode * SMALL, max * SMALL));
  }
  if (width === 0) return () => min;
  const split = (mode - min) / width;
  return (random) => {
    const u = random();
    return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
  };
}

/**
 * Standard normal truncated to [a, b] by inverse CDF: x = Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))). The
 * interval is reflected to keep it in the lower tail where Φ has full relative precision, so a
 * truncation far from the mean still samples correctly. One uniform per draw; no rejection.
 */
export function truncatedStandardNormalSampler(a: number, b: number): Sampler {
  if (!(a <= b)) throw new RangeError(`truncated normal: empty interval [${a}, ${b}]`);
  if (a === b) return () => a;
  if (b - a < 1e-7) {
    // Too narrow for Φ(b) − Φ(a) to be resolved; the density is flat across it to ~1e-7·|x|.
    return (random) => clamp(a + random() * (b - a), a, b);
  }
  if (a >= 0) {
    const mirrored = truncatedStandardNormalSampler(-b, -a);
    return (random) => -mirrored(random);
  }
  // a < 0: Φ(a) is precise; the part above the median is drawn through the upper tail Q.
  const pa = normalCdf(a);
  const qb = normalUpperTail(b);
  const mass = 1 - pa - qb;
  if (!(mass > 0)) {
    // Both bounds beyond ~38 sd below the mean: the density on [a, b] is exponential to machine
    // precision, rate |b| from b downwards.
    const rate = -b;
    const floor = Math.exp(-rate * (b - a));
    return (random) => {
      const u = uniformOpen(random);
      return clamp(b + Math.log(u + (1 - u) * floor) / rate, a, b);
    };
  }
  return (random) => {
    const u = uniformOpen(random);
    const p = pa + u * mass;
    const x = p <= 0.5 ? normalQuantile(p) : -normalQuantile(qb + (1 - u) * mass);
    return clamp(x, a, b);
  };
}

/** Normal(mean, sd) truncated to [lo, hi] (either may be infinite). sd = 0 → the clamped mean. */
export function truncatedNormalSampler(mean: number, sd: number, lo: number, hi: number): Sampler {
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be ≥ 0, got ${sd}`);
  if (!(lo <= hi)) throw new RangeError(`normal: empty truncation interval [${lo}, ${hi}]`);
  if (sd === 0) {
    const v = clamp(mean, lo, hi);
    return () => v;
  }
  // In standard units; where x − mean overflows (bounds and mean near ±1e308) each is scaled first.
  const standardise = (x: number): number => (Number.isFinite(x - mean) || !Number.isFinite(x) ? (x - mean) / sd : x / sd - mean / sd);
  const std = truncatedStandardNormalSampler(standardise(lo), standardise(hi));
  return (random) => {
    const z = std(random);
    const x = mean + sd * z;
    return clamp(Number.isFinite(x) ? x : 2 * (mean / 2 + (sd / 2) * z), lo, hi);
  };
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (ACM TOMS 26(3), 2000). Normal draws by inverse CDF from
 * the same stream. Shape < 1 uses Gamma(shape + 1) · U^(1/shape). Acceptance ≥ 0.95 per attempt.
 */
export function gammaDraw(shape: number, random: RandomSource): number {
  if (!(shape > 0)) throw new RangeError(`gamma: shape must be > 0, got ${shape}`);
  if (shape < 1) return gammaDraw(shape + 1, random) * Math.pow(uniformOpen(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(uniformOpen(random));
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniformOpen(random);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A Gamma(shape, 1) draw as gammaDraw makes it (the same uniforms, the same value) together with
 * its logarithm, which stays finite where the value under- or overflows: for shape ≪ 1 the factor
 * U^(1/shape) underflows to 0 although log X = log G + log(U)/shape is an ordinary number.
 */
function gammaDrawWithLog(shape: number, random: RandomSource): { value: number; log: number } {
  if (!(shape > 0)) throw new RangeError(`gamma: shape must be > 0, got ${shape}`);
  if (shape >= 1) {
    const value = gammaDraw(shape, random);
    return { value, log: Math.log(value) };
  }
  const g = gammaDraw(shape + 1, random);
  const u = uniformOpen(random);
  return { value: g * Math.pow(u, 1 / shape), log: Math.log(g) + Math.log(u) / shape };
}

/**
 * Beta(alpha, beta) scaled to [min, max]: X/(X+Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). Where
 * X + Y is 0 or overflows (shapes near 0 or near the largest double) the ratio is taken from the
 * logarithms, 1/(1 + e^(log Y − log X)), so extreme shapes behave as the distribution says (mass
 * at the ends for tiny shapes, at the mean for huge ones) instead of giving NaN or an end point.
 */
export function betaSampler(alpha: number, beta: number, min: number, max: number): Sampler {
  if (!(alpha > 0 && beta > 0)) throw new RangeError(`beta: alpha and beta must be > 0, got ${alpha}, ${beta}`);
  requireOrdered('beta', min, max);
  if (!Number.isFinite(max - min)) return rescaled(betaSampler(alpha, beta, min * SMALL, max * SMALL));
  return (random) => {
    const x = gammaDrawWithLog(alpha, random);
    const y = gammaDrawWithLog(beta, random);
    const sum = x.value + y.value;
    const ratio = sum > 0 && Number.isFinite(sum) ? x.value / sum : 1 / (1 + Math.exp(y.log - x.log));
    return min + ratio * (max - min);
  };
}

/**
 * One of `values` with probabilities ∝ `weights` (default equal): one uniform. The weights are
 * first scaled by a power of two that brings the largest into [1, 2): exact, so ordinary weights
 * give the very same draws, while weights near the largest double (whose sum would overflow to
 * Infinity) or near the smallest (whose products would round to a few subnormal steps) keep
 * their proportions.
 */
export function discreteSampler(values: readonly number[], weights?: readonly number[]): Sampler {
  if (values.length === 0) throw new RangeError('discrete: values must not be empty');
  const raw = weights ?? values.map(() => 1);
  if (raw.length !== values.length) throw new RangeError(`discrete: ${values.length} values but ${raw.length} weights`);
  if (raw.some((x) => !(x >= 0 && Number.isFinite(x)))) throw new RangeError('discrete: weights must be finite and ≥ 0');
  const w = scaleToUnit(raw);
  const cumulative = new Float64Array(w.length);
  let total = 0;
  w.forEach((x, i) => {
    total += x;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError('discrete: weights must not all be 0');
  const last = values.length - 1;
  return (random) => {
    const target = random() * total;
    for (let i = 0; i < last; i++) if (target < (cumulative[i] ?? 0)) return values[i] ?? NaN;
    return values[last] ?? NaN;
  };
}

/**
 * `xs` multiplied by 2^−e, e the binary exponent of the largest: multiplying by a power of two is
 * exact (short of underflow), so sums and comparisons of the scaled weights round exactly as the
 * originals would have, had they not overflowed. The factor is applied in two halves, each a
 * finite power of two, since 2^−e alone overflows for the smallest weights.
 */
function scaleToUnit(xs: readonly number[]): number[] {
  const largest = xs.reduce((a, b) => (b > a ? b : a), 0);
  if (!(largest > 0)) return [...xs];
  let e = Math.floor(Math.log2(largest)); // Math.log2 may be one off near powers of two
  const scaled = (x: number, exp: number): number => x * 2 ** -Math.trunc(exp / 2) * 2 ** -(exp - Math.trunc(exp / 2));
  if (scaled(largest, e) >= 2) e++;
  else if (scaled(largest, e) < 1) e--;
  return xs.map((x) => scaled(x, e));
}

/**
 * The sampler for a scenario's DistributionSpec over a lever with `bounds`. Draws always lie in
 * the lever's range and are integers for integer levers.
 */
export function createSampler(spec: DistributionSpec, bounds: LeverBounds = { min: -Infinity, max: Infinity }): Sampler {
  const base = familySampler(spec, bounds);
  const { min, max } = bounds;
  if (bounds.integer) {
    // Round, then keep inside the integer part of the range.
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    return (random) => clamp(Math.round(base(random)), lo, hi);
  }
  return (random) => clamp(base(random), min, max);
}

function familySampler(spec: DistributionSpec, bounds: LeverBounds): Sampler {
  switch (spec.dist) {
    case 'uniform':
      return uniformSampler(spec.min, spec.max);
    case 'triangular':
      return triangularSampler(spec.min, spec.mode, spec.max);
    case 'normal':
      return truncatedNormalSampler(
        spec.mean,
        spec.sd,
        Math.max(spec.min ?? -Infinity, bounds.min),
        Math.min(spec.max ?? Infinity, bounds.max),
      );
    case 'beta':
      return betaSampler(spec.alpha, spec.beta, spec.min, spec.max);
    case 'discrete':
      return discreteSampler(spec.values, spec.weights);
  }
}

/** One draw (convenience; prefer createSampler once and call it per run). */
export const sample = (spec: DistributionSpec, random: RandomSource, bounds?: LeverBounds): number =>
  createSampler(spec, bounds)(random);

function requireOrdered(name: string, min: number, max: number): void {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError(`${name}: need finite min ≤ max, got ${min}, ${max}`);
  }
}
