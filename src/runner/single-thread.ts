/** The single-thread ModelRunner: blocks of runs in order on the calling thread. */
import { CompiledModelCache, type RunnerContext, type RunnerLever } from './context.js';
import { BLOCK_RUNS, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, planDraws, type ProgressListener, runBlock, TERMINATED_MESSAGE } from './montecarlo.js';
import { type PointsJob, type PointsOutput, pointsPlan, pointsSpec, runPointBlock } from './points.js';
import { RunMatrix } from './stats.js';
import { CellSketches, CHUNK_RUNS, NO_TARGETS, quantileMethod, TargetCounter, totalOfChunks } from './streaming.js';

export function createSingleThreadRunner(context: RunnerContext<RunnerLever>, cache: CompiledModelCache = new CompiledModelCache(context)): ModelRunner {
  let terminated = false;
  return {
    threads: 1,
    async runMonteCarlo(job: MonteCarloJob, onProgress?: ProgressListener): Promise<MonteCarloOutput> {
      if (terminated) throw new Error(TERMINATED_MESSAGE);
      const compiled = cache.get(job.options);
      const plan = planDraws(job, context.params, compiled);
      const cells = compiled.layout.size;
      const quantiles = quantileMethod(job.quantiles, job.runs, cells);
      const counter = new TargetCounter(job.judge ?? NO_TARGETS, compiled.outputIds, compiled.years, plan.levers);
      // Exact: every value kept. Sketched: bounded memory, sums closed every CHUNK_RUNS runs.
      const matrix = quantiles === 'exact' ? new RunMatrix(cells, job.runs) : null;
      const draws = quantiles === 'exact' ? new Float64Array(job.runs * plan.levers.length) : null;
      const sketches = quantiles === 'sketch' ? new CellSketches(cells) : null;
      const chunkSums: Float64Array[] = [];
      const buffers = { outputs: new Float64Array(BLOCK_RUNS * cells), draws: new Float64Array(BLOCK_RUNS * plan.levers.length) };
      for (let first = 0; first < job.runs; first += BLOCK_RUNS) {
        const block = runBlock(job.seed, plan, first, Math.min(BLOCK_RUNS, job.runs - first), buffers);
        const end = block.firstRun + block.count;
        counter.add(block);
        matrix?.setRuns(block.firstRun, block.count, block.outputs);
        draws?.set(block.draws, block.firstRun * plan.levers.length);
        if (sketches) {
          sketches.add(block);
          if (end % CHUNK_RUNS === 0 || end === job.runs) chunkSums.push(sketches.closeChunk());
        }
        if (onProgress) {
          onProgress(end, job.runs);
          // Let a progress bar repaint between blocks.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      const common = { years: compiled.years, outputIds: compiled.outputIds, levers: plan.levers, quantiles, targetHits: [...counter.hits], leverMedians: counter.leverMedians() };
      if (matrix && draws) return { ...common, summaries: matrix.summarise(), matrix, draws };
      return { ...common, summaries: (sketches as CellSketches).summarise(totalOfChunks(chunkSums, cells)) };
    },
    async runPoints(job: PointsJob, onProgress?: ProgressListener): Promise<PointsOutput> {
      if (terminated) throw new Error(TERMINATED_MESSAGE);
      const compiled = cache.get(job.options);
      const plan = pointsPlan(pointsSpec(job, context.params, compiled), compiled.prepare(job.parameters));
      const values = new Float64Array(job.count * job.outputs.length);
      for (let first = 0; first < job.count; first += BLOCK_RUNS) {
        const count = Math.min(BLOCK_RUNS, job.count - first);
        runPointBlock(plan, job.points, first, count, values);
        if (onProgress) {
          onProgress(first + count, job.count);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      return { values };
    },
    async terminate(): Promise<void> {
      terminated = true;
    },
  };
}
