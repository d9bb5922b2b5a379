/**
 * The worker-pool ModelRunner (worker_threads). Runs are cut into blocks of BLOCK_RUNS; idle
 * workers take the next block; each block's outputs are placed by run index. Because run i always
 * draws from streamFor(seed, i) and executes the same compiled code, the results are
 * byte-identical to the single-thread runner's for any number of threads.
 */
import { Worker } from 'node:worker_threads';
import { CompiledModelCache, type RunnerContext } from './context.js';
import { BLOCK_RUNS, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, type ProgressListener } from './montecarlo.js';
import { RunMatrix } from './stats.js';
import type { BlockReply, BlockRequest } from './worker.js';

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
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const contextModule = context.workerModule;
  if (!contextModule) throw new Error('this runner context cannot be rebuilt in a worker (no workerModule)');
  const start = workerStart();
  let workers: Worker[] | null = null;
  const pool = (): Worker[] => (workers ??= Array.from({ length: threads }, () => new Worker(start.script, { eval: start.eval })));

  return {
    threads,
    runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput> {
      const jobId = nextJobId++;
      const blocks: { firstRun: number; count: number }[] = [];
      for (let first = 0; first < job.runs; first += BLOCK_RUNS) blocks.push({ firstRun: first, count: Math.min(BLOCK_RUNS, job.runs - first) });
      let matrix: RunMatrix | null = null;
      let draws: Float64Array | null = null;
      let levers = 0;
      let done = 0;
      let next = 0;
      return new Promise<MonteCarloOutput>((resolve, reject) => {
        let failed = false;
        let pending = 0;
        const cleanups: (() => void)[] = [];
        const finish = (err: Error | null): void => {
          if (failed) return;
          for (const c of cleanups) c();
          if (err) {
            failed = true;
            reject(err);
          }
        };
        const send = (w: Worker): void => {
          const block = blocks[next++];
          if (!block) return;
          pending++;
          const req: BlockRequest = { contextModule, jobId, job, firstRun: block.firstRun, count: block.count };
          w.postMessage(req);
        };
        for (const w of pool()) {
          const onMessage = (reply: BlockReply): void => {
            if (failed) return;
            pending--;
            if (!reply.ok) return finish(new Error(`worker failed: ${reply.message}`));
            const cells = reply.count > 0 ? reply.outputs.length / reply.count : 0;
            levers = reply.count > 0 ? reply.draws.length / reply.count : 0;
            matrix ??= new RunMatrix(cells, job.runs);
            draws ??= new Float64Array(job.runs * levers);
            matrix.setRuns(reply.firstRun, reply.count, reply.outputs);
            draws.set(reply.draws, reply.firstRun * levers);
            done += reply.count;
            onProgress?.(done, job.runs);
            if (next < blocks.length) send(w);
            else if (pending === 0) {
              finish(null);
              // Years and output ids from the main thread's compiled model (cached); levers in draw order.
              const compiled = cache.get(job.options);
              resolve({ years: compiled.years, outputIds: compiled.outputIds, matrix, levers: Object.keys(job.uncertainty).sort(), draws });
            }
          };
          const onError = (err: Error): void => finish(err);
          w.on('message', onMessage);
          w.on('error', onError);
          cleanups.push(() => {
            w.off('message', onMessage);
            w.off('error', onError);
          });
        }
        // Two blocks in flight per worker: a worker starts its next block while the main thread
        // stores the previous one, instead of idling for a message round trip.
        for (let k = 0; k < BLOCKS_IN_FLIGHT; k++) for (const w of pool()) send(w);
      });
    },
    async terminate(): Promise<void> {
      const ws = workers ?? [];
      workers = null;
      await Promise.all(ws.map((w) => w.terminate()));
    },
  };
}
