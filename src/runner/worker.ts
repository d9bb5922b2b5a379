/**
 * A worker thread of the pool (src/runner/worker-pool.ts). It receives a job as plain data — the
 * main thread's compiled model (generated source), the job's lever table, what to draw, and the
 * shared result buffers — so it never imports the model, the catalog or mathjs, and starts fast.
 * It executes blocks of runs exactly as the single-thread runner does (runBlock), writing each run
 * into its own slots of the shared buffers, and summarises cell ranges once all runs are in.
 */
import { parentPort } from 'node:worker_threads';
import { createPreparedRun, instantiate, type PortableModel } from '../engine/runtime.js';
import { BLOCK_RUNS, type DrawPlan, type DrawSpec, planFrom, runBlock } from './montecarlo.js';
import { type CellSummary, RunMatrix, summarise } from './stats.js';

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
  /** Cell-major results (cells × runs) and run-major draws, shared with the main thread. */
  readonly matrix: SharedArrayBuffer;
  readonly draws: SharedArrayBuffer;
}
/** Execute runs [firstRun, firstRun + count) and write them into the shared buffers. */
export interface BlockRequest {
  readonly kind: 'block';
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
export type WorkerRequest = JobRequest | BlockRequest | SummariseRequest;

type Failure = { readonly ok: false; readonly message: string };
/** The block's results are already in the shared buffers; the reply only says which runs are done. */
export type BlockReply = { readonly ok: true; readonly firstRun: number; readonly count: number } | Failure;
export type SummariseReply = { readonly ok: true; readonly from: number; readonly summaries: readonly (CellSummary | null)[] } | Failure;
export type WorkerReply = BlockReply | SummariseReply;

interface Job {
  readonly id: number;
  readonly seed: number;
  readonly plan: DrawPlan;
  readonly matrix: RunMatrix;
  readonly draws: Float64Array;
  readonly buffers: { readonly outputs: Float64Array; readonly draws: Float64Array };
}

/** Compiled sources are reused across jobs (the same model serves every scenario of a run). */
const instances = new Map<string, ReturnType<typeof instantiate>>();
let current: Job | null = null;

function setUp(req: JobRequest): void {
  let generated = instances.get(req.model.source);
  if (!generated) {
    generated = instantiate(req.model.source);
    instances.set(req.model.source, generated);
  }
  const plan = planFrom(req.draw, createPreparedRun(generated, req.table, req.model));
  current = {
    id: req.jobId,
    seed: req.seed,
    plan,
    matrix: new RunMatrix(req.draw.cells, req.runs, req.matrix),
    draws: new Float64Array(req.draws),
    buffers: { outputs: new Float64Array(BLOCK_RUNS * req.draw.cells), draws: new Float64Array(BLOCK_RUNS * req.draw.levers.length) },
  };
}

function handle(req: BlockRequest | SummariseRequest): WorkerReply {
  const job = current;
  if (job?.id !== req.jobId) throw new Error(`job ${req.jobId} was not set up in this worker`);
  if (req.kind === 'summarise') {
    const scratch = new Float64Array(job.matrix.runs);
    const summaries: (CellSummary | null)[] = [];
    for (let c = req.from; c < req.to; c++) summaries.push(summarise(job.matrix.cell(c), scratch));
    return { ok: true, from: req.from, summaries };
  }
  const block = runBlock(job.seed, job.plan, req.firstRun, req.count, job.buffers);
  job.matrix.setRuns(block.firstRun, block.count, block.outputs);
  job.draws.set(block.draws, block.firstRun * job.plan.levers.length);
  return { ok: true, firstRun: block.firstRun, count: block.count };
}

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    if (req.kind === 'job') setUp(req);
    else parentPort?.postMessage(handle(req));
  } catch (err) {
    parentPort?.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
  }
});
