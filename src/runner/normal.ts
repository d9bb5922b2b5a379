/**
 * The standard normal distribution to (near) machine precision: CDF, upper tail and quantile.
 * simple-statistics' `cumulativeStdNormalProbability` is a 4-digit table and its
 * `inverseErrorFunction` a closed-form approximation (≈1e-3), too coarse for inverse-CDF sampling
 * of a truncated normal, so these are computed here:
 * - Φ(x) for |x| ≤ 2: Marsaglia's Taylor series (J. Stat. Softw. 11(4), 2004), absolute error ≈1e-16;
 * - Q(x) = 1 − Φ(x) for x > 2: Laplace's continued fraction for the Mills ratio, evaluated
 *   backwards with a fixed number of terms (relative error ≈1e-15, no loop that can hang);
 * - Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step.
 */

const LOG_SQRT_2PI = 0.9189385332046728; // ln √(2π)
const SQRT_2PI = 2.5066282746310002;
const TAIL_FROM = 2;
const MILLS_TERMS = 120;

/** The standard normal density. */
export const normalDensity = (x: number): number => Math.exp(-0.5 * x * x - LOG_SQRT_2PI);

/** Upper tail Q(z) = P(Z > z) for z ≥ TAIL_FROM, by the Mills-ratio continued fraction. */
function upperTailFar(z: number): number {
  let f = z;
  for (let k = MILLS_TERMS; k >= 1; k--) f = z + k / f;
  return normalDensity(z) / f;
}

/** Φ(x) by Marsaglia's series, for |x| ≤ TAIL_FROM (at most ~40 terms there). */
function cdfSeries(x: number): number {
  const q = x * x;
  let s = x;
  let t = 0;
  let term = x;
  for (let i = 1; s !== t && i < 400; ) {
    t = s;
    i += 2;
    term *= q / i;
    s = t + term;
  }
  return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

/** Φ(x) = P(Z ≤ x), relative precision kept in the lower tail. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < -TAIL_FROM) return upperTailFar(-x);
  if (x > TAIL_FROM) return 1 - upperTailFar(x);
  return cdfSeries(x);
}

/** Q(x) = P(Z > x) = Φ(−x), relative precision kept in the upper tail. */
export const normalUpperTail = (x: number): number => normalCdf(-x);

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Φ⁻¹(p) for p in (0, 1); −∞ at 0 and +∞ at 1. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const x = acklam(p);
  // One Halley step on Φ(x) − p (written with the upper tail above the median, for precision).
  const e = p <= 0.5 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
  const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** Φ⁻¹ of an upper-tail probability q = 1 − p, precise for tiny q: the x with Q(x) = q. */
export const normalQuantileUpper = (q: number): number => -normalQuantile(q);
