/**
 * Bracketing root finders. Brent's method (Brent 1973, "Algorithms for minimization without
 * derivatives", ch. 4, procedure `zero`): inverse quadratic interpolation or the secant step when
 * they stay well inside the bracket, bisection otherwise — never slower than bisection by more than
 * a small factor, superlinear on smooth functions. Written here because no maintained npm package
 * offers it (the published ones are unmaintained single-file ports without types); it is short and
 * tested against closed forms. `f` may be asynchronous (a model run through the worker pool).
 */

export type ScalarFunction = (x: number) => number | Promise<number>;

export interface RootResult {
  readonly x: number;
  readonly fx: number;
  readonly evaluations: number;
}

const EPSILON = Number.EPSILON;

/**
 * A zero of `f` in [a, b] (f(a), f(b) of opposite signs or one of them 0), to within
 * 4·ε·|x| + 2·tolerance. `fa`, `fb` may be passed when already known.
 *
 * @throws RangeError when f(a) and f(b) have the same sign
 */
export async function brent(f: ScalarFunction, a: number, b: number, options: { tolerance?: number; maxEvaluations?: number; fa?: number; fb?: number } = {}): Promise<RootResult> {
  const t = options.tolerance ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 200;
  let evaluations = 0;
  const call = async (x: number): Promise<number> => {
    evaluations++;
    return f(x);
  };
  let fa = options.fa ?? (await call(a));
  let fb = options.fb ?? (await call(b));
  if (fa === 0) return { x: a, fx: fa, evaluations };
  if (fb === 0) return { x: b, fx: fb, evaluations };
  if (Math.sign(fa) === Math.sign(fb)) throw new RangeError(`f(${a}) = ${fa} and f(${b}) = ${fb} have the same sign: [${a}, ${b}] brackets no root`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (;;) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPSILON * Math.abs(b) + t;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0 || evaluations >= maxEvaluations) return { x: b, fx: fb, evaluations };
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = m;
    } else {
      let s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        // Secant step.
        p = 2 * m * s;
        q = 1 - s;
      } else {
        // Inverse quadratic interpolation through (a, fa), (b, fb), (c, fc).
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      s = e;
      e = d;
      // Accept the interpolated step only if it falls well inside the bracket and shrinks fast enough.
      if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * s * q)) {
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = await call(b);
  }
}

/**
 * The boundary of a yes/no property that holds at `good` and not at `bad`: halves the bracket until
 * it is shorter than `tolerance` and returns its end on the side where the property holds. For step
 * functions (a share of Monte Carlo runs), where interpolating root finders gain nothing.
 */
export async function bisectBoundary(
  meets: (x: number) => Promise<boolean>,
  good: number,
  bad: number,
  options: { tolerance: number; maxEvaluations?: number },
): Promise<{ x: number; evaluations: number }> {
  let evaluations = 0;
  const maxEvaluations = options.maxEvaluations ?? 200;
  while (Math.abs(good - bad) > options.tolerance && evaluations < maxEvaluations) {
    const mid = 0.5 * (good + bad);
    if (await meets(mid)) good = mid;
    else bad = mid;
    evaluations++;
  }
  return { x: good, evaluations };
}
