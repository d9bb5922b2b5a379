/**
 * The shapes the analysis toolkit works on. Every method (OAT, Morris, Sobol, goal seek,
 * calibration) runs on a plain function of a point, or on a batch evaluator that computes many
 * points at once — which is how a scenario and the compiled model are analysed (see ./model.ts):
 * levers in, chosen outputs (an indicator in a year) out, runs batched through the runner.
 */
import type { Text } from '../catalog/types.js';

/**
 * A value observed in the real world, to fit the model to (calibrate) or to test it against
 * (backtest). `id` is a model output id (a catalog indicator or a model series) and `value` is in
 * that output's model unit. The observed-data loader produces objects of this shape.
 */
export interface Observation {
  readonly id: string;
  readonly year: number;
  readonly value: number;
  /** Relative weight in a fit (default 1); the squared residual is multiplied by it. */
  readonly weight?: number;
}

/** One output of a model: an output id, and the year it is read in (absent for plain functions). */
export interface OutputRef {
  readonly id: string;
  readonly year?: number;
}

/** One input of a model: its id and the range it is analysed over. */
export interface Input {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** Integer inputs (years) are rounded after scaling into [min, max]. */
  readonly integer?: boolean;
  /** Display name (charts, tables); default: the id. */
  readonly label?: Text;
  /**
   * The input's value in the reference case (the scenario's value in the analysis year): where
   * OAT swings start from and what tables show as the current setting.
   */
  readonly reference?: number;
}

/** A model as a function of one point (the input values in `inputs` order). */
export type PointFunction = (x: Float64Array) => number | Float64Array;

/** Called as batches finish: points evaluated so far of the total. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * A model that evaluates many points at once (e.g. through a worker pool). Points are row-major,
 * `count × inputs.length`; the result is row-major, `count × outputs.length`.
 */
export interface BatchModel {
  readonly inputs: readonly Input[];
  readonly outputs: readonly OutputRef[];
  /**
   * The point that reproduces the reference case. A coordinate may be NaN: "the model's own value"
   * (a scenario's lever schedule, say, which no single number reproduces).
   */
  readonly reference?: Float64Array;
  evaluate(points: Float64Array, count: number, onProgress?: ProgressListener): Promise<Float64Array>;
  /** One point on the calling thread (calibration and goal seeking call this many times in sequence). */
  evaluateOne?(x: Float64Array): Float64Array;
}

/** What every method accepts: a function of a point or a batch model. */
export type Evaluable = PointFunction | BatchModel;

/** Options shared by the sampling methods. */
export interface AnalysisOptions {
  /** Inputs and their ranges; default: the batch model's. Required for a plain function. */
  readonly inputs?: readonly Input[];
  /** Output names for a plain function (default y, or y1 … ym for a vector). */
  readonly outputs?: readonly OutputRef[];
  readonly onProgress?: ProgressListener;
}
