/**
 * The worker-pool ModelRunner (worker_threads). Each worker gets the main thread's compiled model
 * as plain data (generated source and lever table: no re-compiling). Runs are cut into blocks of
 * BLOCK_RUNS; idle workers take the next block and write its outputs straight into a
 * SharedArrayBuffer, each run into its own slots, then summarise disjoint cell ranges. Because run
 * i always draws from streamFor(seed, i) and executes the same generated code, the results are
 * byte-identical to the single-thread runner's for any number of threads.
 */
import { Worker } from 'node:worker_threads';
import { LIMITS } from '../limits.js';
import { CompiledModelCache, type RunnerContext } from './context.js';
import { BLOCK_RUNS, drawSpec, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, type ProgressListener } from './montecarlo.js';
import { type CellSummary, RunMatrix } from './stats.js';
import type { BlockReply, JobRequest, SummariseReply, WorkerReply, WorkerRequest } from './worker.js';

/**
 * How to start a worker: the built worker.js directly, or — running from TypeScript sources under
 * tsx/vitest — a bootstrap that registers tsx's loader first (Node 20 ignores `--import` in a
 * worker's execArgv for the entry module).
 */
function workerStart(): { script: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { script: new URL('./worker.js', here), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  return { script: `import(${api}).then((tsx) => { tsx.register(); return import(${entry}); });`, eval: true };
}

let nextJobId = 1;
const BLOCKS_IN_FLIGHT = 2;

export function createWorkerPoolRunner(context: RunnerContext, threads: number, cache: CompiledModelCache = new CompiledModelCache(context)): ModelRunner {
  if (!Number.isInteger(threads) || threads < 1 || threads > LIMITS.threads.value) {
    throw new RangeError(`threads must be an integer from 1 to ${LIMITS.threads.value}, got ${threads}`);
  }
  const start = workerStart();
  let workers: Worker[] | null = null;
  const pool = (): Worker[] => (workers ??= Array.from({ length: threads }, () => new Worker(start.script, { eval: start.eval })));

  /**
   * Runs `tasks` on the workers, `BLOCKS_IN_FLIGHT` at a time per worker (a worker starts its next
   * task while the main thread reads the previous reply), calling `onReply` for each answer.
   */
  const dispatch = <T>(tasks: readonly WorkerRequest[], onReply: (reply: T) => void): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      let failed = false;
      const cleanups: (() => void)[] = [];
      const stop = (err: Error | null): void => {
        for (const c of cleanups) c();
        if (err) {
          failed = true;
          reject(err);
        } else resolve();
      };
      const send = (w: Worker): void => {
        const task = tasks[next++];
        if (!task) return;
        pending++;
        w.postMessage(task);
      };
      if (tasks.length === 0) return resolve();
      for (const w of pool()) {
        const onMessage = (reply: WorkerReply): void => {
          if (failed) return;
          pending--;
          if (!reply.ok) return stop(new Error(`worker failed: ${reply.message}`));
          onReply(reply as T);
          if (next < tasks.length) send(w);
          else if (pending === 0) stop(null);
        };
        const onError = (err: Error): void => {
          if (!failed) stop(err);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
        });
      }
      for (let k = 0; k < BLOCKS_IN_FLIGHT; k++) for (const w of pool()) send(w);
    });

  return {
    threads,
    async runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput> {
      const jobId = nextJobId++;
      // Results go straight from the workers into shared memory: each run owns its own slots.
      const compiled = cache.get(job.options);
      const draw = drawSpec(job, context.params, compiled);
      const matrix = new SharedArrayBuffer(draw.cells * job.runs * Float64Array.BYTES_PER_ELEMENT);
      const draws = new SharedArrayBuffer(job.runs * draw.levers.length * Float64Array.BYTES_PER_ELEMENT);
      const setUp: JobRequest = {
        kind: 'job', jobId, seed: job.seed, runs: job.runs, model: compiled.portable, table: compiled.leverTable(job.parameters), draw, matrix, draws,
      };
      // Messages to one worker arrive in order: the job is set up before its first block.
      for (const w of pool()) w.postMessage(setUp);

      const blocks: WorkerRequest[] = [];
      for (let first = 0; first < job.runs; first += BLOCK_RUNS) {
        blocks.push({ kind: 'block', jobId, firstRun: first, count: Math.min(BLOCK_RUNS, job.runs - first) });
      }
      let done = 0;
      await dispatch<BlockReply & { ok: true }>(blocks, (reply) => {
        done += reply.count;
        onProgress?.(done, job.runs);
      });

      // Quantiles of disjoint cell ranges, computed where the data already is.
      const { cells, levers } = draw;
      const chunk = Math.ceil(cells / (threads * 4));
      const ranges: WorkerRequest[] = [];
      for (let from = 0; from < cells; from += chunk) ranges.push({ kind: 'summarise', jobId, from, to: Math.min(cells, from + chunk) });
      const summaries: (CellSummary | null)[] = new Array(cells).fill(null);
      await dispatch<SummariseReply & { ok: true }>(ranges, (reply) => {
        reply.summaries.forEach((s, i) => (summaries[reply.from + i] = s));
      });

      return {
        years: compiled.years,
        outputIds: compiled.outputIds,
        matrix: new RunMatrix(cells, job.runs, matrix),
        levers,
        draws: new Float64Array(draws),
        summaries,
      };
    },
    async terminate(): Promise<void> {
      const ws = workers ?? [];
      workers = null;
      await Promise.all(ws.map((w) => w.terminate()));
    },
  };
}
