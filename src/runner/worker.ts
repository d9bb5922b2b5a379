/**
 * A worker thread of the pool (src/runner/worker-pool.ts). It receives a job as plain data — the
 * main thread's compiled model (generated source), the job's lever table, what to draw, and the
 * shared result buffers — so it never imports the model, the catalog or mathjs, and starts fast.
 * It executes blocks of runs exactly as the single-thread runner does (runBlock). With exact
 * quantiles it writes each run into its own slots of the shared buffers and summarises cell
 * ranges once all runs are in; with sketched quantiles it runs whole chunks into its own sketches
 * and returns each chunk's sums. Target hits are counted as the runs go, and collected at the end.
 */
import { parentPort } from 'node:worker_threads';
import { createPreparedRun, instantiate, type PortableModel } from '../engine/runtime.js';
import { BLOCK_RUNS, type DrawPlan, type DrawSpec, planFrom, runBlock } from './montecarlo.js';
import { type PointsPlan, pointsPlan, type PointsSpec, runPointBlock } from './points.js';
import { type CellSummary, RunMatrix, summarise } from './stats.js';
import { CellSketches, type PlainSketch, type QuantileMethod, type TargetJob, TargetCounter } from './streaming.js';

/** Sets up a job in this worker (sent to every worker before the job's blocks). */
export interface JobRequest {
  readonly kind: 'job';
  readonly jobId: number;
  readonly seed: number;
  readonly runs: number;
  readonly model: PortableModel;
  /** The job's lever table (compiled.leverTable(job.parameters)). */
  readonly table: Float64Array;
  readonly draw: DrawSpec;
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  readonly judge: TargetJob;
  readonly quantiles: QuantileMethod;
  /** Exact quantiles: cell-major results (cells × runs) and run-major draws, shared with the main thread. */
  readonly matrix?: SharedArrayBuffer;
  readonly draws?: SharedArrayBuffer;
}
/** Exact quantiles: execute runs [firstRun, firstRun + count) and write them into the shared buffers. */
export interface BlockRequest {
  readonly kind: 'block';
  readonly jobId: number;
  readonly firstRun: number;
  readonly count: number;
}
/** Sketched quantiles: execute the chunk of runs [firstRun, firstRun + count) into this worker's sketches. */
export interface ChunkRequest {
  readonly kind: 'chunk';
  readonly jobId: number;
  readonly firstRun: number;
  readonly count: number;
}
/** Summarise cells [from, to) of the shared results (after every block is done). */
export interface SummariseRequest {
  readonly kind: 'summarise';
  readonly jobId: number;
  readonly from: number;
  readonly to: number;
}
/** Hand over what this worker accumulated: target hits, lever counts, sketches (once per job). */
export interface CollectRequest {
  readonly kind: 'collect';
  readonly jobId: number;
}
/** Sets up a points job (src/runner/points.ts): points in, chosen cells out, both shared. */
export interface PointsJobRequest {
  readonly kind: 'points-job';
  readonly jobId: number;
  readonly model: PortableModel;
  readonly table: Float64Array;
  readonly spec: PointsSpec;
  /** `count × dimension` points and `count × cells` results. */
  readonly points: SharedArrayBuffer;
  readonly values: SharedArrayBuffer;
}
/** Execute points [first, first + count) of the points job. */
export interface PointsBlockRequest {
  readonly kind: 'points-block';
  readonly jobId: number;
  readonly firstRun: number;
  readonly count: number;
}
export type WorkerRequest = JobRequest | BlockRequest | ChunkRequest | SummariseRequest | CollectRequest | PointsJobRequest | PointsBlockRequest;

type Failure = { readonly ok: false; readonly message: string };
/** The block's results are already in the shared buffers; the reply only says which runs are done. */
export type BlockReply = { readonly ok: true; readonly firstRun: number; readonly count: number } | Failure;
/** A chunk's per-cell sums of finite values, in run order (the main thread adds chunks in order). */
export type ChunkReply = { readonly ok: true; readonly firstRun: number; readonly count: number; readonly sums: Float64Array } | Failure;
export type SummariseReply = { readonly ok: true; readonly from: number; readonly summaries: readonly (CellSummary | null)[] } | Failure;
export type CollectReply =
  | {
      readonly ok: true;
      readonly hits: Float64Array;
      readonly leverCounts: Map<string, Map<number, number>>;
      readonly sketches: readonly PlainSketch[] | null;
      readonly n: Float64Array | null;
    }
  | Failure;
export type WorkerReply = BlockReply | ChunkReply | SummariseReply | CollectReply;

interface Job {
  readonly id: number;
  readonly seed: number;
  readonly plan: DrawPlan;
  readonly counter: TargetCounter;
  readonly matrix: RunMatrix | null;
  readonly draws: Float64Array | null;
  readonly sketches: CellSketches | null;
  readonly buffers: { readonly outputs: Float64Array; readonly draws: Float64Array };
}

/** Compiled sources are reused across jobs (the same model serves every scenario of a run). */
const instances = new Map<string, ReturnType<typeof instantiate>>();
let current: Job | null = null;

let currentPoints: { readonly id: number; readonly plan: PointsPlan; readonly points: Float64Array; readonly values: Float64Array } | null = null;

function setUpPoints(req: PointsJobRequest): void {
  let generated = instances.get(req.model.source);
  if (!generated) {
    generated = instantiate(req.model.source);
    instances.set(req.model.source, generated);
  }
  const plan = pointsPlan(req.spec, createPreparedRun(generated, req.table, req.model));
  currentPoints = { id: req.jobId, plan, points: new Float64Array(req.points), values: new Float64Array(req.values) };
}

function runPoints(req: PointsBlockRequest): WorkerReply {
  const job = currentPoints;
  if (job?.id !== req.jobId) throw new Error(`points job ${req.jobId} was not set up in this worker`);
  runPointBlock(job.plan, job.points, req.firstRun, req.count, job.values);
  return { ok: true, firstRun: req.firstRun, count: req.count };
}

function setUp(req: JobRequest): void {
  let generated = instances.get(req.model.source);
  if (!generated) {
    generated = instantiate(req.model.source);
    instances.set(req.model.source, generated);
  }
  const plan = planFrom(req.draw, createPreparedRun(generated, req.table, req.model));
  const exact = req.quantiles === 'exact' && req.matrix !== undefined && req.draws !== undefined;
  current = {
    id: req.jobId,
    seed: req.seed,
    plan,
    counter: new TargetCounter(req.judge, req.outputIds, req.years, req.draw.levers),
    matrix: exact && req.matrix ? new RunMatrix(req.draw.cells, req.runs, req.matrix) : null,
    draws: exact && req.draws ? new Float64Array(req.draws) : null,
    sketches: exact ? null : new CellSketches(req.draw.cells),
    buffers: { outputs: new Float64Array(BLOCK_RUNS * req.draw.cells), draws: new Float64Array(BLOCK_RUNS * req.draw.levers.length) },
  };
}

function handle(req: Exclude<WorkerRequest, JobRequest | PointsJobRequest | PointsBlockRequest>): WorkerReply {
  const job = current;
  if (job?.id !== req.jobId) throw new Error(`job ${req.jobId} was not set up in this worker`);
  switch (req.kind) {
    case 'summarise': {
      if (!job.matrix) throw new Error('summarise: this job keeps no values');
      const scratch = new Float64Array(job.matrix.runs);
      const summaries: (CellSummary | null)[] = [];
      for (let c = req.from; c < req.to; c++) summaries.push(summarise(job.matrix.cell(c), scratch));
      return { ok: true, from: req.from, summaries };
    }
    case 'block': {
      if (!job.matrix || !job.draws) throw new Error('block: this job keeps no values (send chunks)');
      const block = runBlock(job.seed, job.plan, req.firstRun, req.count, job.buffers);
      job.counter.add(block);
      job.matrix.setRuns(block.firstRun, block.count, block.outputs);
      job.draws.set(block.draws, block.firstRun * job.plan.levers.length);
      return { ok: true, firstRun: block.firstRun, count: block.count };
    }
    case 'chunk': {
      const sketches = job.sketches;
      if (!sketches) throw new Error('chunk: this job keeps every value (send blocks)');
      for (let first = req.firstRun; first < req.firstRun + req.count; first += BLOCK_RUNS) {
        const block = runBlock(job.seed, job.plan, first, Math.min(BLOCK_RUNS, req.firstRun + req.count - first), job.buffers);
        job.counter.add(block);
        sketches.add(block);
      }
      return { ok: true, firstRun: req.firstRun, count: req.count, sums: sketches.closeChunk() };
    }
    case 'collect':
      return {
        ok: true,
        hits: job.counter.hits,
        leverCounts: job.counter.leverCounts,
        sketches: job.sketches?.toPlain() ?? null,
        n: job.sketches?.n ?? null,
      };
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    if (req.kind === 'job') setUp(req);
    else if (req.kind === 'points-job') setUpPoints(req);
    else if (req.kind === 'points-block') parentPort?.postMessage(runPoints(req));
    else parentPort?.postMessage(handle(req));
  } catch (err) {
    parentPort?.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
  }
});
