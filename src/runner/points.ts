/**
 * Running given lever vectors ("points") instead of random draws: the batch path of the analysis
 * toolkit (sensitivity designs, goal seeking under uncertainty). Each point sets some levers to
 * constants over the whole run, on top of a job's base parameters, and returns only the output
 * cells asked for (a Sobol design can have millions of points; all 450 cells of each would not fit).
 *
 * With `draws`, point p is also Monte Carlo run `firstRun + p` of the given uncertainty: its
 * uncertain levers are drawn from streamFor(seed, firstRun + p) exactly as runBlock draws them,
 * then the point's own values override — common random numbers across jobs that differ only in
 * the point values. Both runners execute blocks with runPointBlock, so results are identical for
 * any number of threads.
 */
import type { CompiledModel, PreparedRun, SimOptions } from '../engine/types.js';
import type { ParamValue } from '../params/types.js';
import type { RunnerLever } from './context.js';
import type { DistributionSpec } from '../scenario/types.js';
import { type DrawSpec, drawSpec } from './montecarlo.js';
import { createSampler, type Sampler } from './distributions.js';
import { streamFor } from './random.js';

/** An output cell: an output id in a reporting year. */
export interface PointOutput {
  readonly id: string;
  readonly year: number;
}

export interface PointsJob {
  /** Base lever values (a scenario's parameters); levers not given take their defaults. */
  readonly parameters: Readonly<Record<string, ParamValue>>;
  /** The lever of each coordinate of a point. */
  readonly levers: readonly string[];
  /** `count × levers.length`, row-major. NaN keeps the lever's base value (or its draw). */
  readonly points: Float64Array;
  readonly count: number;
  /** The cells returned for each point. */
  readonly outputs: readonly PointOutput[];
  readonly options: SimOptions;
  /** Draw these levers per point as Monte Carlo run `firstRun + p` (default firstRun 0). */
  readonly draws?: { readonly uncertainty: Readonly<Record<string, DistributionSpec>>; readonly seed: number; readonly firstRun?: number };
}

/** `count × outputs.length` values, row-major. */
export interface PointsOutput {
  readonly values: Float64Array;
}

/** What a thread needs to run a points job's blocks: plain data, structured-clone safe. */
export interface PointsSpec {
  readonly dimension: number;
  /** Per coordinate: its index in compiled.paramIds, or −1 when the model does not read the lever. */
  readonly coordinateIndex: Int32Array;
  /** Per returned output: its index into one run's output vector. */
  readonly cells: Int32Array;
  readonly levers: number;
  readonly outLength: number;
  readonly draw: (DrawSpec & { readonly seed: number; readonly firstRun: number }) | null;
}

/** The cell index of output `id` in `year`, or −1. */
export function cellOf(compiled: Pick<CompiledModel, 'layout'>, id: string, year: number): number {
  return compiled.layout.cell(id, year);
}

/** Checks a job against the compiled model and the levers; throws RangeError naming what is wrong. */
export function pointsSpec(job: PointsJob, params: readonly RunnerLever[], compiled: CompiledModel): PointsSpec {
  const known = new Set(params.map((p) => p.id));
  const unknown = job.levers.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RangeError(`points job names unknown levers: ${unknown.join(', ')}`);
  if (!Number.isInteger(job.count) || job.count < 0) throw new RangeError(`count must be a non-negative integer, got ${job.count}`);
  if (job.points.length !== job.count * job.levers.length) {
    throw new RangeError(`points has ${job.points.length} values; expected count × levers = ${job.count} × ${job.levers.length}`);
  }
  const cells = Int32Array.from(job.outputs, (o) => {
    const c = cellOf(compiled, o.id, o.year);
    if (c < 0) throw new RangeError(`no output ${o.id} in ${o.year} (outputs: ${compiled.outputIds.length}, years ${compiled.years[0]}–${compiled.years[compiled.years.length - 1]})`);
    return c;
  });
  const draw = job.draws
    ? { ...drawSpec({ parameters: job.parameters, uncertainty: job.draws.uncertainty, seed: job.draws.seed, runs: job.count, options: job.options }, params, compiled), seed: job.draws.seed, firstRun: job.draws.firstRun ?? 0 }
    : null;
  return {
    dimension: job.levers.length,
    coordinateIndex: Int32Array.from(job.levers, (id) => compiled.paramIds.indexOf(id)),
    cells,
    levers: compiled.paramIds.length,
    outLength: compiled.layout.size,
    draw,
  };
}

/** A PointsSpec made runnable on one thread: the base prepared, samplers built, scratch buffers. */
export interface PointsPlan extends PointsSpec {
  readonly prepared: PreparedRun;
  readonly samplers: readonly Sampler[];
  readonly scratch: { readonly out: Float64Array; readonly idx: Int32Array; readonly val: Float64Array; readonly slot: Int32Array };
}

export function pointsPlan(spec: PointsSpec, prepared: PreparedRun): PointsPlan {
  const samplers = spec.draw ? spec.draw.distributions.map((d) => createSampler(d.spec, { min: d.min, max: d.max, integer: d.integer })) : [];
  const overrides = spec.levers;
  return {
    ...spec,
    prepared,
    samplers,
    scratch: { out: new Float64Array(spec.outLength), idx: new Int32Array(overrides), val: new Float64Array(overrides), slot: new Int32Array(overrides).fill(-1) },
  };
}

/**
 * Runs points [first, first + count) of `points` and writes their cells into `values`
 * (row-major, `points × cells`). Each lever row is overridden at most once per point.
 */
export function runPointBlock(plan: PointsPlan, points: Float64Array, first: number, count: number, values: Float64Array): void {
  const { dimension, coordinateIndex, cells, draw, samplers, prepared } = plan;
  const { out, idx, val, slot } = plan.scratch;
  const nCells = cells.length;
  for (let p = first; p < first + count; p++) {
    let n = 0;
    const set = (row: number, value: number): void => {
      const at = slot[row] as number;
      if (at >= 0) val[at] = value;
      else {
        slot[row] = n;
        idx[n] = row;
        val[n++] = value;
      }
    };
    if (draw) {
      const random = streamFor(draw.seed, draw.firstRun + p);
      for (let k = 0; k < samplers.length; k++) {
        const value = (samplers[k] as Sampler)(random);
        const row = draw.modelIndex[k] as number;
        if (row >= 0) set(row, value);
      }
    }
    for (let i = 0; i < dimension; i++) {
      const value = points[p * dimension + i] as number;
      const row = coordinateIndex[i] as number;
      if (row >= 0 && !Number.isNaN(value)) set(row, value);
    }
    prepared.runWith(idx.subarray(0, n), val.subarray(0, n), out);
    for (let j = 0; j < n; j++) slot[idx[j] as number] = -1;
    for (let c = 0; c < nCells; c++) values[p * nCells + c] = out[cells[c] as number] as number;
  }
}
