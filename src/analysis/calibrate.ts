/**
 * Calibration: the input values that make a model's outputs fit observations, by bounded
 * least squares.
 *
 * Objective: Σ wᵢ · ((fᵢ(x) − yᵢ) / sᵢ)², with sᵢ = |yᵢ| for relative residuals (the default: unit-
 * free, so observations of different indicators weigh alike) or 1 for absolute ones. Minimised by
 * Levenberg–Marquardt (`ml-levenberg-marquardt`, which keeps parameters within bounds; `ml-matrix`
 * for the covariance) in unit coordinates (each input scaled to [0, 1], so one finite-difference
 * step suits every input), from several starts: each input's reference value (a scenario's own), then seeded uniform
 * points; the best fit wins.
 *
 * Uncertainty: approximate standard errors from the Jacobian at the fit, cov = s²(JᵀWJ)⁻¹ with
 * s² = objective / (n − k), and a ±1.96 SE interval clipped to the range — a local, linearised
 * statement (no standard error when n ≤ k or JᵀJ is singular: the data do not identify the input).
 * A fitted value within 1e-6 of the range (in unit terms) is reported as a bound hit: the data
 * pull the input beyond what the range allows.
 */
import type { Text } from '../catalog/types.js';
import { analysisStream, inputsOf, isBatchModel, referencePoint } from './evaluate.js';
import type { Evaluable, Input } from './types.js';

/** One value to fit: an Observation, or just a value (aligned with the model's outputs by position). */
export interface FitTarget {
  readonly value: number;
  readonly weight?: number;
  readonly id?: string;
  readonly year?: number;
}

export interface CalibrationOptions {
  /** Observations, aligned with the model's outputs by position. */
  readonly observations: readonly FitTarget[];
  readonly inputs?: readonly Input[];
  /** 'relative' (default): residuals as shares of the observed value; 'absolute': in the output's unit. */
  readonly residual?: 'relative' | 'absolute';
  /** Starts of the optimiser (default 4: the reference point, then seeded uniform points). */
  readonly starts?: number;
  readonly seed?: number;
  /** Levenberg–Marquardt iterations per start (default 100). */
  readonly maxIterations?: number;
  readonly onProgress?: (startsDone: number, startsTotal: number) => void;
}

export interface FittedInput {
  readonly input: string;
  readonly label: Text | null;
  readonly value: number;
  readonly standardError: number | null;
  /** value ± 1.96 SE, clipped to the range. */
  readonly interval: readonly [number, number] | null;
  /** The fit lies on the range's end: the data pull the input beyond it. */
  readonly atBound: 'min' | 'max' | null;
  readonly min: number;
  readonly max: number;
}

export interface FitResidual {
  readonly id: string | null;
  readonly year: number | null;
  readonly observed: number;
  readonly fitted: number;
  /** fitted − observed. */
  readonly error: number;
  /** 100 × error / observed (NaN when observed is 0). */
  readonly percentError: number;
  readonly weight: number;
}

export interface FitSummary {
  readonly id: string | null;
  readonly n: number;
  readonly rmse: number;
  readonly mape: number;
}

export interface CalibrationResult {
  readonly method: 'calibrate';
  readonly inputs: readonly Input[];
  readonly fitted: readonly FittedInput[];
  readonly residuals: readonly FitResidual[];
  /** Per output id (one row when the observations carry no ids). */
  readonly byOutput: readonly FitSummary[];
  /** Over all observations: RMSE in the outputs' unit (meaningful when they share one), MAPE in %. */
  readonly rmse: number;
  readonly mape: number;
  /** The minimised Σ wᵢ rᵢ². */
  readonly objective: number;
  readonly residual: 'relative' | 'absolute';
  readonly boundHit: boolean;
  readonly starts: readonly { readonly start: readonly number[]; readonly objective: number; readonly iterations: number }[];
  readonly evaluations: number;
}

const BOUND_EPSILON = 1e-6;
const GRADIENT_STEP = 1e-5;

/**
 * Fits the inputs to the observations.
 *
 * @example
 *   import { calibrate } from 'hangzhou-reform-sim';
 *   // y = a · 1.1^t observed for t = 1…5 with a = 2: recover a on [0, 10]
 *   const t = [1, 2, 3, 4, 5];
 *   const observations = t.map((ti) => ({ value: 2 * 1.1 ** ti }));
 *   const r = await calibrate((x) => Float64Array.from(t, (ti) => x[0] * 1.1 ** ti), { inputs: [{ id: 'a', min: 0, max: 10 }], observations });
 *   console.log(r.fitted[0].value.toFixed(4), r.boundHit); // 2.0000 false
 */
export async function calibrate(model: Evaluable, options: CalibrationOptions): Promise<CalibrationResult> {
  const inputs = inputsOf(model, options);
  const integer = inputs.filter((i) => i.integer);
  if (integer.length > 0) throw new RangeError(`integer inputs cannot be fitted by least squares: ${integer.map((i) => i.id).join(', ')}`);
  const evaluateOne = syncEvaluator(model);
  const obs = options.observations;
  const n = obs.length;
  if (n === 0) throw new RangeError('no observations to fit');
  const residualKind = options.residual ?? 'relative';
  const scale = obs.map((o, i) => {
    if (!Number.isFinite(o.value)) throw new RangeError(`observation ${i} has value ${o.value} — expected a finite number`);
    if (residualKind === 'relative' && o.value === 0) throw new RangeError(`observation ${i} is 0: a relative residual is undefined — use residual 'absolute'`);
    return residualKind === 'relative' ? Math.abs(o.value) : 1;
  });
  const weight = obs.map((o) => o.weight ?? 1);
  if (weight.some((w) => !(w >= 0 && Number.isFinite(w)))) throw new RangeError('weights must be finite and ≥ 0');
  const rootWeight = weight.map(Math.sqrt);
  // The optimiser needs two points at least; one observation is an equation, not a fit.
  if (n < 2) throw new RangeError(`calibrate needs at least 2 observations, got ${n}`);

  let evaluations = 0;
  const toInputs = (u: readonly number[]): Float64Array => Float64Array.from(inputs, (input, j) => input.min + (u[j] ?? 0) * (input.max - input.min));
  const predict = (x: Float64Array): Float64Array => {
    evaluations++;
    const y = evaluateOne(x);
    if (y.length !== n) throw new RangeError(`the model returned ${y.length} outputs for ${n} observations`);
    return y;
  };
  /** Weighted, scaled residuals at input values x. */
  const residuals = (x: Float64Array): Float64Array => {
    const y = predict(x);
    return Float64Array.from(obs, (o, i) => ((rootWeight[i] as number) * ((y[i] as number) - o.value)) / (scale[i] as number));
  };
  const objectiveOf = (r: Float64Array): number => r.reduce((a, v) => a + v * v, 0);

  const data = { x: Array.from({ length: n }, (_, i) => i), y: obs.map((o, i) => ((rootWeight[i] as number) * o.value) / (scale[i] as number)) };
  const fitted = (u: number[]) => {
    const y = predict(toInputs(u));
    return (i: number): number => ((rootWeight[i] as number) * (y[i] as number)) / (scale[i] as number);
  };

  // The optimiser and its matrix library load on first use: importing the package stays light.
  const [{ levenbergMarquardt }, { inverse, Matrix }] = await Promise.all([import('ml-levenberg-marquardt'), import('ml-matrix')]);
  const invert = (m: number[][]): number[][] => inverse(new Matrix(m)).to2DArray();
  const startCount = options.starts ?? 4;
  if (!Number.isInteger(startCount) || startCount < 1) throw new RangeError(`starts must be a positive integer, got ${startCount}`);
  const random = analysisStream(options.seed ?? 2011, 'calibrate-starts');
  const reference = referencePoint(model, inputs);
  const startPoints = Array.from({ length: startCount }, (_, s) =>
    inputs.map((input, j) => {
      if (s > 0) return random();
      // The scenario's own value (the batch model's reference point may say only "the model's own").
      const r = input.reference ?? reference[j] ?? NaN;
      const range = input.max - input.min;
      return Number.isFinite(r) && range > 0 ? Math.min(1, Math.max(0, (r - input.min) / range)) : 0.5;
    }),
  );
  const starts: { start: number[]; objective: number; iterations: number; unit: number[] }[] = [];
  for (const [s, start] of startPoints.entries()) {
    const fit = levenbergMarquardt(data, fitted, {
      initialValues: start,
      minValues: inputs.map(() => 0),
      maxValues: inputs.map(() => 1),
      gradientDifference: GRADIENT_STEP,
      centralDifference: true,
      damping: 1e-2,
      maxIterations: options.maxIterations ?? 100,
      errorTolerance: 1e-20,
    });
    const unit = fit.parameterValues.map((u) => Math.min(1, Math.max(0, u)));
    starts.push({ start: [...toInputs(start)], objective: objectiveOf(residuals(toInputs(unit))), iterations: fit.iterations, unit });
    options.onProgress?.(s + 1, startCount);
  }
  const best = [...starts].sort((a, b) => a.objective - b.objective)[0] as (typeof starts)[number];
  const xBest = toInputs(best.unit);
  const y = predict(xBest);
  const objective = best.objective;

  const se = standardErrors(residuals, xBest, inputs, objective, n, invert);
  const fittedInputs = inputs.map((input, j): FittedInput => {
    const value = xBest[j] as number;
    const u = best.unit[j] as number;
    const s = se?.[j] ?? null;
    const atBound = input.max > input.min ? (u <= BOUND_EPSILON ? 'min' : u >= 1 - BOUND_EPSILON ? 'max' : null) : null;
    return {
      input: input.id,
      label: input.label ?? null,
      value,
      standardError: s,
      interval: s === null ? null : [Math.max(input.min, value - 1.96 * s), Math.min(input.max, value + 1.96 * s)],
      atBound,
      min: input.min,
      max: input.max,
    };
  });
  const rows = obs.map((o, i): FitResidual => {
    const f = y[i] as number;
    return { id: o.id ?? null, year: o.year ?? null, observed: o.value, fitted: f, error: f - o.value, percentError: (100 * (f - o.value)) / o.value, weight: weight[i] as number };
  });
  return {
    method: 'calibrate',
    inputs,
    fitted: fittedInputs,
    residuals: rows,
    byOutput: summariseErrors(rows),
    rmse: rms(rows.map((r) => r.error)),
    mape: meanAbs(rows.map((r) => r.percentError)),
    objective,
    residual: residualKind,
    boundHit: fittedInputs.some((f) => f.atBound !== null),
    starts: starts.map(({ start, objective: o, iterations }) => ({ start, objective: o, iterations })),
    evaluations,
  };
}

function syncEvaluator(model: Evaluable): (x: Float64Array) => Float64Array {
  if (!isBatchModel(model)) {
    return (x) => {
      const y = model(x);
      return typeof y === 'number' ? Float64Array.of(y) : y;
    };
  }
  const one = model.evaluateOne?.bind(model);
  if (!one) throw new RangeError('calibrate needs a model that evaluates one point on the calling thread (evaluateOne)');
  return one;
}

/** Standard errors from the central-difference Jacobian of the residuals (one-sided at a bound). */
function standardErrors(
  residuals: (x: Float64Array) => Float64Array,
  x: Float64Array,
  inputs: readonly Input[],
  objective: number,
  n: number,
  invert: (m: number[][]) => number[][],
): number[] | null {
  const k = inputs.length;
  if (n <= k) return null;
  const jacobian: number[][] = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  inputs.forEach((input, j) => {
    const h = 1e-4 * (input.max - input.min || Math.abs(x[j] as number) || 1);
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[j] = Math.min(input.max, (x[j] as number) + h);
    down[j] = Math.max(input.min, (x[j] as number) - h);
    const ru = residuals(up);
    const rd = residuals(down);
    const width = (up[j] as number) - (down[j] as number);
    for (let i = 0; i < n; i++) (jacobian[i] as number[])[j] = width > 0 ? ((ru[i] as number) - (rd[i] as number)) / width : 0;
  });
  const jtj = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => jacobian.reduce((acc, row) => acc + (row[a] as number) * (row[b] as number), 0)));
  let inverse: number[][];
  try {
    inverse = invert(jtj);
  } catch {
    return null; // singular: the data do not identify every input
  }
  const s2 = objective / (n - k);
  const out = inverse.map((row, j) => Math.sqrt(Math.max(0, s2 * (row[j] as number))));
  return out.every((v) => Number.isFinite(v)) ? out : null;
}

const rms = (xs: readonly number[]): number => Math.sqrt(xs.reduce((a, v) => a + v * v, 0) / xs.length);
const meanAbs = (xs: readonly number[]): number => {
  const finite = xs.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? NaN : finite.reduce((a, v) => a + Math.abs(v), 0) / finite.length;
};

/** RMSE and MAPE per output id, in first-appearance order. */
export function summariseErrors(rows: readonly Pick<FitResidual, 'id' | 'error' | 'percentError'>[]): FitSummary[] {
  const groups = new Map<string | null, { error: number; percentError: number }[]>();
  for (const r of rows) groups.set(r.id, [...(groups.get(r.id) ?? []), r]);
  return [...groups].map(([id, g]) => ({ id, n: g.length, rmse: rms(g.map((r) => r.error)), mape: meanAbs(g.map((r) => r.percentError)) }));
}

