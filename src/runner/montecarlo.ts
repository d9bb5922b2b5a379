/**
 * The Monte Carlo core shared by every ModelRunner: which levers are drawn, in which order, and
 * how one block of runs is executed. Run i always draws from streamFor(seed, i), levers in id
 * order, so a run's numbers do not depend on which thread runs it or in which order.
 */
import type { CompiledModel, PreparedRun, SimOptions } from '../engine/types.js';
import type { ParamValue } from '../params/types.js';
import type { RunnerLever } from './context.js';
import type { DistributionSpec } from '../scenario/types.js';
import { createSampler, type Sampler } from './distributions.js';
import { streamFor } from './random.js';
import type { PointsJob, PointsOutput } from './points.js';
import type { CellSummary, RunMatrix } from './stats.js';
import type { QuantileChoice, QuantileMethod, TargetJob } from './streaming.js';

/** Everything a worker needs to execute runs: plain data, structured-clone safe. */
export interface MonteCarloJob {
  readonly parameters: Readonly<Record<string, ParamValue>>;
  readonly uncertainty: Readonly<Record<string, DistributionSpec>>;
  readonly seed: number;
  readonly runs: number;
  readonly options: SimOptions;
  /** Targets judged in every run as the runs stream past (their hits are in the output). */
  readonly judge?: TargetJob;
  /** Exact quantiles (every value kept), sketched ones (bounded memory), or 'auto' (default). */
  readonly quantiles?: QuantileChoice;
}

/** Which levers a job draws and from what: plain data, so it can be sent to worker threads. */
export interface DrawSpec {
  /** Uncertain lever ids, sorted (the draw order within a run). */
  readonly levers: readonly string[];
  /** Each lever's distribution with the lever's range (draws are truncated to it). */
  readonly distributions: readonly { readonly spec: DistributionSpec; readonly min: number; readonly max: number; readonly integer: boolean }[];
  /** For each lever, its index in compiled.paramIds, or −1 when the model does not read it (milestones). */
  readonly modelIndex: Int32Array;
  /** Values per run: outputs × years. */
  readonly cells: number;
}

export function drawSpec(job: MonteCarloJob, params: readonly RunnerLever[], compiled: CompiledModel): DrawSpec {
  const byId = new Map(params.map((p) => [p.id, p]));
  const levers = Object.keys(job.uncertainty).sort();
  const distributions = levers.map((id) => {
    const record = byId.get(id);
    if (!record) throw new Error(`uncertainty names an unknown lever: ${id}`);
    const spec = job.uncertainty[id];
    if (!spec) throw new Error(`no distribution for ${id}`);
    return { spec, min: record.range.min, max: record.range.max, integer: record.integer === true };
  });
  const modelIndex = Int32Array.from(levers, (id) => compiled.paramIds.indexOf(id));
  return { levers, distributions, modelIndex, cells: compiled.layout.size };
}

/** A DrawSpec made runnable: samplers built, and the job's fixed levers prepared in the model. */
export interface DrawPlan extends DrawSpec {
  readonly samplers: readonly Sampler[];
  /** The job's fixed levers resolved once into the model's per-step table (reused by every block). */
  readonly prepared: PreparedRun;
}

export const planFrom = (spec: DrawSpec, prepared: PreparedRun): DrawPlan => ({
  ...spec,
  samplers: spec.distributions.map((d) => createSampler(d.spec, { min: d.min, max: d.max, integer: d.integer })),
  prepared,
});

export const planDraws = (job: MonteCarloJob, params: readonly RunnerLever[], compiled: CompiledModel): DrawPlan =>
  planFrom(drawSpec(job, params, compiled), compiled.prepare(job.parameters));

/** Results of runs [firstRun, firstRun + count): outputs run-major, draws run-major. */
export interface RunBlock {
  readonly firstRun: number;
  readonly count: number;
  readonly outputs: Float64Array;
  readonly draws: Float64Array;
}

/**
 * Executes runs [firstRun, firstRun + count) of a job: run i draws from streamFor(seed, i).
 * `buffers` (at least count × cells and count × levers long) are reused when given.
 */
export function runBlock(
  seed: number,
  plan: DrawPlan,
  firstRun: number,
  count: number,
  buffers?: { readonly outputs: Float64Array; readonly draws: Float64Array },
): RunBlock {
  const { cells, prepared } = plan;
  const nLevers = plan.levers.length;
  const outputs = buffers ? buffers.outputs.subarray(0, count * cells) : new Float64Array(count * cells);
  const draws = buffers ? buffers.draws.subarray(0, count * nLevers) : new Float64Array(count * nLevers);
  const inModel = [...plan.modelIndex].flatMap((idx, k) => (idx >= 0 ? [k] : []));
  const overrideIdx = Int32Array.from(inModel, (k) => plan.modelIndex[k] ?? -1);
  const overrideValues = new Float64Array(inModel.length);
  for (let r = 0; r < count; r++) {
    const random = streamFor(seed, firstRun + r);
    for (let k = 0; k < nLevers; k++) draws[r * nLevers + k] = plan.samplers[k]?.(random) ?? NaN;
    for (let j = 0; j < inModel.length; j++) overrideValues[j] = draws[r * nLevers + (inModel[j] ?? 0)] ?? NaN;
    prepared.runWith(overrideIdx, overrideValues, outputs.subarray(r * cells, (r + 1) * cells));
  }
  return { firstRun, count, outputs, draws };
}

/**
 * What a job leaves: each cell's summary (cell = output × year, output-major), the runs meeting
 * each judged target, and — when quantiles were exact — every run's outputs and draws.
 */
export interface MonteCarloOutput {
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  readonly levers: readonly string[];
  readonly summaries: readonly (CellSummary | null)[];
  readonly quantiles: QuantileMethod;
  /** Per target of `job.judge`, the runs in which it holds; then, per target, the runs judged on track. */
  readonly targetHits: readonly number[];
  /** The lower median of each drawn lever a judged milestone reads. */
  readonly leverMedians: Readonly<Record<string, number>>;
  /** Exact quantiles only: outputs by cell over runs. */
  readonly matrix?: RunMatrix;
  /** Exact quantiles only, run-major: draws[run * levers.length + k]. */
  readonly draws?: Float64Array;
}

export type ProgressListener = (runsDone: number, runsTotal: number) => void;

/**
 * Runs Monte Carlo jobs. A single-thread and a worker-pool implementation satisfy it and give
 * byte-identical results (SDEverywhere's ModelRunner shape: run, then terminate).
 */
export interface ModelRunner {
  readonly threads: number;
  /** Rejects once the runner is terminated. */
  runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput>;
  /** Runs given lever vectors (src/runner/points.ts), e.g. a sensitivity design; progress in points. Rejects once terminated. */
  runPoints(job: PointsJob, onProgress?: ProgressListener): Promise<PointsOutput>;
  /** Releases the runner's threads; later calls of runMonteCarlo and runPoints are refused. */
  terminate(): Promise<void>;
}

/** What a terminated runner says when it is asked to run. */
export const TERMINATED_MESSAGE = 'this model runner was terminated; create a new runner to run more';

/** Runs per block: small enough for a responsive progress bar, large enough to amortise overhead. */
export const BLOCK_RUNS = 250;
