/**
 * A worker thread of the pool (src/runner/worker-pool.ts). It rebuilds the runner context from
 * its module (functions cannot cross threads), compiles the model once per simulation options,
 * and executes blocks of runs exactly as the single-thread runner does (runBlock), so results are
 * byte-identical whatever the number of threads.
 */
import { parentPort } from 'node:worker_threads';
import { CompiledModelCache, type RunnerContext } from './context.js';
import { type DrawPlan, type MonteCarloJob, planDraws, runBlock } from './montecarlo.js';

export interface BlockRequest {
  readonly contextModule: string;
  readonly jobId: number;
  readonly job: MonteCarloJob;
  readonly firstRun: number;
  readonly count: number;
}

export type BlockReply =
  | { readonly ok: true; readonly firstRun: number; readonly count: number; readonly outputs: Float64Array; readonly draws: Float64Array }
  | { readonly ok: false; readonly message: string };

const contexts = new Map<string, { context: RunnerContext; cache: CompiledModelCache }>();
let currentJob: { id: number; plan: DrawPlan } | null = null;

async function handle(req: BlockRequest): Promise<BlockReply> {
  let entry = contexts.get(req.contextModule);
  if (!entry) {
    const mod = (await import(req.contextModule)) as { createRunnerContext?: () => RunnerContext };
    if (typeof mod.createRunnerContext !== 'function') throw new Error(`${req.contextModule} does not export createRunnerContext()`);
    const context = mod.createRunnerContext();
    entry = { context, cache: new CompiledModelCache(context) };
    contexts.set(req.contextModule, entry);
  }
  const compiled = entry.cache.get(req.job.options);
  if (currentJob?.id !== req.jobId) currentJob = { id: req.jobId, plan: planDraws(req.job, entry.context.params, compiled) };
  const block = runBlock(compiled, req.job, currentJob.plan, req.firstRun, req.count);
  return { ok: true, ...block };
}

parentPort?.on('message', (req: BlockRequest) => {
  handle(req).then(
    (reply) => {
      const transfer = reply.ok ? [reply.outputs.buffer as ArrayBuffer, reply.draws.buffer as ArrayBuffer] : [];
      parentPort?.postMessage(reply, transfer);
    },
    (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies BlockReply),
  );
});
