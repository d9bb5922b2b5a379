/**
 * Goal seeking: the input value at which an output reaches a target.
 *
 * Deterministic: a root of f(x) − target in [min, max] by Brent's method. When the ends do not
 * bracket the target, a few interior points are tried (a non-monotone response may still cross
 * it); when nothing crosses, the result says so and returns the best reachable value (the point
 * tried closest to the target).
 *
 * Probabilistic: the value at which the share of Monte Carlo runs meeting the target reaches
 * `probability`. `evaluate(x)` returns every run's output at x, and must use the same draws at
 * every x (common random numbers) — then the share is a monotone step function of x whenever each
 * run is monotone, and the search (bisection on the step function) is exact and reproducible.
 */
import { bisectBoundary, brent } from './roots.js';

export type GoalComparator = '>=' | '<=';

/** What a goal seek searches over. */
export interface GoalProblem {
  /** Deterministic: the output at x. Probabilistic: every run's output at x, the same runs at every x. */
  evaluate(x: number): number | Float64Array | Promise<number | Float64Array>;
  readonly min: number;
  readonly max: number;
  /** Which side of the target meets it (default '>='). */
  readonly comparator?: GoalComparator;
}

export interface GoalSeekOptions {
  readonly target: number;
  /** Search range; default the problem's (required for a plain function). */
  readonly min?: number;
  readonly max?: number;
  /** Seek the value at which P(output meets target) = probability (evaluate must return run outputs). */
  readonly probability?: number;
  /** Overrides the problem's comparator. */
  readonly comparator?: GoalComparator;
  /** Tolerance on x (default 1e-10 × range, deterministic; 1e-6 × range, probabilistic). */
  readonly tolerance?: number;
  /** Interior points tried when the range ends do not bracket the target (default 8). */
  readonly scan?: number;
  /** Called after each evaluation (evaluations so far). */
  readonly onEvaluation?: (evaluations: number) => void;
}

export interface GoalPoint {
  readonly value: number;
  /** The output (deterministic) or the share of runs meeting the target (probabilistic). */
  readonly achieved: number;
}

export interface GoalSeekResult {
  /** 'found': the target is reached within the range; 'unreachable': no value in the range reaches it. */
  readonly status: 'found' | 'unreachable';
  /** The value found, or the best reachable one. */
  readonly value: number;
  readonly achieved: number;
  readonly target: number;
  readonly probability: number | null;
  readonly comparator: GoalComparator;
  readonly min: number;
  readonly max: number;
  /** The bracket searched (null when unreachable). */
  readonly bracket: readonly [number, number] | null;
  /** The range ends and any interior points tried before the search. */
  readonly tried: readonly GoalPoint[];
  readonly evaluations: number;
}

type Evaluate = GoalProblem['evaluate'];

/**
 * The input value that makes an output reach a target.
 *
 * @example
 *   import { goalSeek } from 'hangzhou-reform-sim';
 *   // Monthly abolition at a yearly rate r for five years: 100·(1 − r/12)^60 = 80
 *   const r = await goalSeek((rate) => 100 * (1 - rate / 12) ** 60, { target: 80, min: 0, max: 0.2 });
 *   console.log(r.status, r.value.toFixed(6)); // found 0.044546
 */
export async function goalSeek(problem: GoalProblem | ((x: number) => number | Promise<number>), options: GoalSeekOptions): Promise<GoalSeekResult> {
  const evaluateRaw: Evaluate = typeof problem === 'function' ? problem : (x) => problem.evaluate(x);
  const min = options.min ?? (typeof problem === 'function' ? undefined : problem.min);
  const max = options.max ?? (typeof problem === 'function' ? undefined : problem.max);
  if (min === undefined || max === undefined || !(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new RangeError(`goal seek needs a range min < max, got [${min}, ${max}]`);
  }
  const comparator = options.comparator ?? (typeof problem === 'function' ? undefined : problem.comparator) ?? '>=';
  const { target } = options;
  if (!Number.isFinite(target)) throw new RangeError(`target must be a finite number, got ${target}`);
  const probability = options.probability ?? null;
  if (probability !== null && !(probability > 0 && probability <= 1)) throw new RangeError(`probability must be in (0, 1], got ${probability}`);
  const scan = options.scan ?? 8;

  let evaluations = 0;
  const cache = new Map<number, number>();
  /** Deterministic: f(x) − target; probabilistic: P(x) − p. */
  const gap = async (x: number): Promise<number> => {
    const known = cache.get(x);
    if (known !== undefined) return known;
    const y = await evaluateRaw(x);
    evaluations++;
    options.onEvaluation?.(evaluations);
    let g: number;
    if (probability === null) {
      if (typeof y !== 'number') throw new RangeError('evaluate(x) returned the outputs of several runs: pass `probability` to seek P(target met) = p');
      g = y - target;
    } else {
      const runs = typeof y === 'number' ? Float64Array.of(y) : y;
      g = shareMeeting(runs, target, comparator) - probability;
    }
    cache.set(x, g);
    return g;
  };
  const achievedAt = (x: number): number => (cache.get(x) ?? NaN) + (probability ?? target);
  const meets = (g: number): boolean => g >= 0;

  // The ends, then evenly spaced interior points until a bracket shows.
  const tried: number[] = [min, max];
  await gap(min);
  await gap(max);
  const crosses = (a: number, b: number): boolean => {
    const ga = cache.get(a) ?? NaN;
    const gb = cache.get(b) ?? NaN;
    return probability === null ? Math.sign(ga) !== Math.sign(gb) || ga === 0 || gb === 0 : meets(ga) !== meets(gb);
  };
  let bracket: [number, number] | null = crosses(min, max) ? [min, max] : null;
  for (let s = 1; bracket === null && s <= scan; s++) {
    const x = min + ((max - min) * s) / (scan + 1);
    tried.splice(tried.length - 1, 0, x);
    await gap(x);
    const previous = tried[tried.length - 3] as number;
    if (crosses(previous, x)) bracket = [previous, x];
    else if (s === scan && crosses(x, max)) bracket = [x, max];
  }
  const points = [...tried].sort((a, b) => a - b).map((x): GoalPoint => ({ value: x, achieved: achievedAt(x) }));
  const base = { target, probability, comparator, min, max, tried: points };

  if (bracket === null) {
    // Unreachable: the point tried closest to the target (probabilistic: to the probability).
    const best = [...tried].sort((a, b) => Math.abs(cache.get(a) ?? Infinity) - Math.abs(cache.get(b) ?? Infinity) || a - b)[0] as number;
    return { ...base, status: 'unreachable', value: best, achieved: achievedAt(best), bracket: null, evaluations };
  }
  const [a, b] = bracket;
  const range = max - min;
  if (probability === null) {
    const root = await brent(gap, a, b, { tolerance: options.tolerance ?? 1e-10 * range, fa: cache.get(a) ?? NaN, fb: cache.get(b) ?? NaN });
    return { ...base, status: 'found', value: root.x, achieved: root.fx + target, bracket, evaluations };
  }
  const good = meets(cache.get(a) ?? NaN) ? a : b;
  const bad = good === a ? b : a;
  const boundary = await bisectBoundary(async (x) => meets(await gap(x)), good, bad, { tolerance: options.tolerance ?? 1e-6 * range });
  return { ...base, status: 'found', value: boundary.x, achieved: achievedAt(boundary.x), bracket, evaluations };
}

/** Share of values meeting the target (NaN runs count as not meeting it). */
export function shareMeeting(values: Float64Array, target: number, comparator: GoalComparator): number {
  if (values.length === 0) return NaN;
  let met = 0;
  for (const v of values) if (comparator === '>=' ? v >= target : v <= target) met++;
  return met / values.length;
}
