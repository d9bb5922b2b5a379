/**
 * The worker-pool ModelRunner (worker_threads). Each worker gets the main thread's compiled model
 * as plain data (generated source and lever table: no re-compiling). With exact quantiles, runs
 * are cut into blocks of BLOCK_RUNS; idle workers take the next block and write its outputs
 * straight into a SharedArrayBuffer, each run into its own slots, then summarise disjoint cell
 * ranges. With sketched quantiles (jobs too large to keep), idle workers take the next chunk of
 * CHUNK_RUNS runs into their own sketches and return the chunk's sums, which are added in chunk
 * order; the sketches (integer counts) are merged at the end. Because run i always draws from
 * streamFor(seed, i) and executes the same generated code, and every reduction is exact or in a
 * fixed order, the results are byte-identical to the single-thread runner's for any number of
 * threads.
 */
import { Worker } from 'node:worker_threads';
import { LIMITS } from '../limits.js';
import { CompiledModelCache, type RunnerContext, type RunnerLever } from './context.js';
import { BLOCK_RUNS, drawSpec, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, type ProgressListener, TERMINATED_MESSAGE } from './montecarlo.js';
import { type PointsJob, type PointsOutput, pointsSpec } from './points.js';
import { type CellSummary, RunMatrix } from './stats.js';
import { CellSketches, CHUNK_RUNS, NO_TARGETS, quantileMethod, TargetCounter, totalOfChunks } from './streaming.js';
import type { BlockReply, ChunkReply, CollectReply, JobRequest, PointsJobRequest, SummariseReply, WorkerReply, WorkerRequest } from './worker.js';

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

export function createWorkerPoolRunner(context: RunnerContext<RunnerLever>, threads: number, cache: CompiledModelCache = new CompiledModelCache(context)): ModelRunner {
  if (!Number.isInteger(threads) || threads < 1 || threads > LIMITS.threads.value) {
    throw new RangeError(`threads must be an integer from 1 to ${LIMITS.threads.value}, got ${threads}`);
  }
  const start = workerStart();
  let workers: Worker[] | null = null;
  let terminated = false;
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

  /** Sends `request` to every worker once and gathers their answers (in worker order). */
  const broadcast = <T>(request: WorkerRequest): Promise<T[]> =>
    Promise.all(
      pool().map(
        (w) =>
          new Promise<T>((resolve, reject) => {
            const onMessage = (reply: WorkerReply): void => {
              cleanup();
              if (!reply.ok) reject(new Error(`worker failed: ${reply.message}`));
              else resolve(reply as T);
            };
            const onError = (err: Error): void => {
              cleanup();
              reject(err);
            };
            const cleanup = (): void => {
              w.off('message', onMessage);
              w.off('error', onError);
            };
            w.on('message', onMessage);
            w.on('error', onError);
            w.postMessage(request);
          }),
      ),
    );

  return {
    threads,
    async runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput> {
      if (terminated) throw new Error(TERMINATED_MESSAGE);
      const jobId = nextJobId++;
      const compiled = cache.get(job.options);
      const draw = drawSpec(job, context.params, compiled);
      const { cells, levers } = draw;
      const quantiles = quantileMethod(job.quantiles, job.runs, cells);
      const judge = job.judge ?? NO_TARGETS;
      // Exact: results go straight from the workers into shared memory, each run in its own slots.
      const matrix = quantiles === 'exact' ? new SharedArrayBuffer(cells * job.runs * Float64Array.BYTES_PER_ELEMENT) : undefined;
      const draws = quantiles === 'exact' ? new SharedArrayBuffer(job.runs * levers.length * Float64Array.BYTES_PER_ELEMENT) : undefined;
      const setUp: JobRequest = {
        kind: 'job', jobId, seed: job.seed, runs: job.runs, model: compiled.portable, table: compiled.leverTable(job.parameters), draw,
        years: compiled.years, outputIds: compiled.outputIds, judge, quantiles, ...(matrix && draws ? { matrix, draws } : {}),
      };
      // Messages to one worker arrive in order: the job is set up before its first block.
      for (const w of pool()) w.postMessage(setUp);

      const unit = quantiles === 'exact' ? BLOCK_RUNS : CHUNK_RUNS;
      const tasks: WorkerRequest[] = [];
      for (let first = 0; first < job.runs; first += unit) {
        tasks.push({ kind: quantiles === 'exact' ? 'block' : 'chunk', jobId, firstRun: first, count: Math.min(unit, job.runs - first) });
      }
      let done = 0;
      const chunkSums: Float64Array[] = new Array(tasks.length);
      await dispatch<(BlockReply | ChunkReply) & { ok: true }>(tasks, (reply) => {
        done += reply.count;
        if ('sums' in reply) chunkSums[reply.firstRun / CHUNK_RUNS] = reply.sums;
        onProgress?.(done, job.runs);
      });

      const collected = await broadcast<CollectReply & { ok: true }>({ kind: 'collect', jobId });
      const counter = new TargetCounter(judge, compiled.outputIds, compiled.years, levers);
      for (const c of collected) counter.merge(c);
      const common = { years: compiled.years, outputIds: compiled.outputIds, levers, quantiles, targetHits: [...counter.hits], leverMedians: counter.leverMedians() };

      if (quantiles === 'sketch') {
        const sketches = new CellSketches(cells);
        for (const c of collected) if (c.sketches && c.n) sketches.mergePlain(c.sketches, c.n);
        return { ...common, summaries: sketches.summarise(totalOfChunks(chunkSums, cells)) };
      }
      // Quantiles of disjoint cell ranges, computed where the data already is.
      const chunk = Math.ceil(cells / (threads * 4));
      const ranges: WorkerRequest[] = [];
      for (let from = 0; from < cells; from += chunk) ranges.push({ kind: 'summarise', jobId, from, to: Math.min(cells, from + chunk) });
      const summaries: (CellSummary | null)[] = new Array(cells).fill(null);
      await dispatch<SummariseReply & { ok: true }>(ranges, (reply) => {
        reply.summaries.forEach((s, i) => (summaries[reply.from + i] = s));
      });
      return {
        ...common,
        summaries,
        ...(matrix && draws ? { matrix: new RunMatrix(cells, job.runs, matrix), draws: new Float64Array(draws) } : {}),
      };
    },
    async runPoints(job: PointsJob, onProgress?: ProgressListener): Promise<PointsOutput> {
      if (terminated) throw new Error(TERMINATED_MESSAGE);
      const jobId = nextJobId++;
      const compiled = cache.get(job.options);
      const spec = pointsSpec(job, context.params, compiled);
      const points = new SharedArrayBuffer(job.points.length * Float64Array.BYTES_PER_ELEMENT);
      new Float64Array(points).set(job.points);
      const values = new SharedArrayBuffer(job.count * spec.cells.length * Float64Array.BYTES_PER_ELEMENT);
      const setUp: PointsJobRequest = { kind: 'points-job', jobId, model: compiled.portable, table: compiled.leverTable(job.parameters), spec, points, values };
      for (const w of pool()) w.postMessage(setUp);
      const blocks: WorkerRequest[] = [];
      for (let first = 0; first < job.count; first += BLOCK_RUNS) {
        blocks.push({ kind: 'points-block', jobId, firstRun: first, count: Math.min(BLOCK_RUNS, job.count - first) });
      }
      let done = 0;
      await dispatch<BlockReply & { ok: true }>(blocks, (reply) => {
        done += reply.count;
        onProgress?.(done, job.count);
      });
      return { values: new Float64Array(values) };
    },
    async terminate(): Promise<void> {
      terminated = true;
      const ws = workers ?? [];
      workers = null;
      await Promise.all(ws.map((w) => w.terminate()));
    },
  };
}
