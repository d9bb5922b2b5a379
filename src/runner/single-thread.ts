/** The single-thread ModelRunner: blocks of runs in order on the calling thread. */
import { CompiledModelCache, type RunnerContext, type RunnerLever } from './context.js';
import { BLOCK_RUNS, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, planDraws, type ProgressListener, runBlock, TERMINATED_MESSAGE } from './montecarlo.js';
import { RunMatrix } from './stats.js';

export function createSingleThreadRunner(context: RunnerContext<RunnerLever>, cache: CompiledModelCache = new CompiledModelCache(context)): ModelRunner {
  let terminated = false;
  return {
    threads: 1,
    async runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput> {
      if (terminated) throw new Error(TERMINATED_MESSAGE);
      const compiled = cache.get(job.options);
      const plan = planDraws(job, context.params, compiled);
      const cells = compiled.outputIds.length * compiled.years.length;
      const matrix = new RunMatrix(cells, job.runs);
      const draws = new Float64Array(job.runs * plan.levers.length);
      const buffers = { outputs: new Float64Array(BLOCK_RUNS * cells), draws: new Float64Array(BLOCK_RUNS * plan.levers.length) };
      for (let first = 0; first < job.runs; first += BLOCK_RUNS) {
        const block = runBlock(job.seed, plan, first, Math.min(BLOCK_RUNS, job.runs - first), buffers);
        matrix.setRuns(block.firstRun, block.count, block.outputs);
        draws.set(block.draws, block.firstRun * plan.levers.length);
        if (onProgress) {
          onProgress(first + block.count, job.runs);
          // Let a progress bar repaint between blocks.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      return { years: compiled.years, outputIds: compiled.outputIds, matrix, levers: plan.levers, draws };
    },
    async terminate(): Promise<void> {
      terminated = true;
    },
  };
}
