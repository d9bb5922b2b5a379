/**
 * The pipeline behind `hzsim run`, `compare`, `chart` and `demo`: run resolved scenarios
 * (deterministic or Monte Carlo), then prepare the result files in memory so that nothing is
 * written until everything has succeeded. Charts and the briefing are in chart-files.ts (loaded
 * only when charts are asked for).
 */
import { availableParallelism } from 'node:os';
import type { SingleBar } from 'cli-progress';
import { CompiledModelCache } from '../runner/context.js';
import { createRunnerContext } from '../runner/hangzhou.js';
import type { ModelRunner } from '../runner/montecarlo.js';
import { DEFAULT_THRESHOLDS } from '../runner/attainment.js';
import { prepareRunOutputs } from '../runner/outputs.js';
import { runMonteCarlo, runScenario } from '../runner/run.js';
import { createSingleThreadRunner } from '../runner/single-thread.js';
import type { RunnerContext } from '../runner/context.js';
import type { ScenarioResult } from '../runner/types.js';
import type { IntegrationMethod, SimOptions } from '../engine/types.js';
import { loadScenarios } from '../scenario/index.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { relative } from 'node:path';
import type { CompiledModel } from '../engine/types.js';
import { checkMonteCarloSize, LIMITS } from '../limits.js';
import { quantileMethod } from '../runner/streaming.js';
import { drawnUncertainty, type UncertaintyMode } from '../runner/uncertainty.js';
import type { CliIO } from './io.js';
import { showsProgress } from './kit.js';
import { DEFAULT_SEED } from './commands/run-options.js';

export interface RunFlags {
  readonly runs: number | undefined;
  readonly seed: number | undefined;
  readonly until: number | undefined;
  readonly threads: number | undefined;
  readonly stepsPerYear?: number | undefined;
  readonly method?: IntegrationMethod | undefined;
  /** No progress bar (--quiet). */
  readonly quiet?: boolean;
  /** Monte Carlo draws: the scenarios' own distributions (default) or also every assumed lever. */
  readonly uncertainty?: UncertaintyMode | undefined;
}

/** The simulation options the flags ask for (horizon, time step, integration method). */
export const simOptionsOf = (flags: Pick<RunFlags, 'until' | 'stepsPerYear' | 'method'>): SimOptions => ({
  ...(flags.until === undefined ? {} : { until: flags.until }),
  ...(flags.stepsPerYear === undefined ? {} : { dt: 1 / flags.stepsPerYear }),
  ...(flags.method === undefined ? {} : { method: flags.method }),
});

/** How one scenario is run: flags win over the scenario's own `montecarlo` block. */
export function runPlan(s: ResolvedScenario, flags: Pick<RunFlags, 'runs' | 'seed'>): { mode: 'deterministic' } | { mode: 'montecarlo'; runs: number; seed: number } {
  const runs = flags.runs ?? s.montecarlo?.runs;
  const monteCarlo = flags.runs !== undefined ? flags.runs > 1 : s.montecarlo !== null;
  if (!monteCarlo || runs === undefined) return { mode: 'deterministic' };
  return { mode: 'montecarlo', runs, seed: flags.seed ?? s.montecarlo?.seed ?? DEFAULT_SEED };
}

/**
 * Below this many Monte Carlo runs a worker pool's start-up (~0.3 s) outweighs what it saves on
 * two cores (measured with npm run bench and `hzsim run --threads`), so the default stays on one
 * thread; an explicit --threads is always honoured.
 */
export const AUTO_POOL_MIN_RUNS = 20_000;

/** --threads when not given: the cores available for large Monte Carlo jobs, else one. */
export function defaultThreads(plans: readonly ReturnType<typeof runPlan>[]): number {
  const largest = Math.max(0, ...plans.map((p) => (p.mode === 'montecarlo' ? p.runs : 0)));
  return largest >= AUTO_POOL_MIN_RUNS ? Math.min(availableParallelism(), LIMITS.threads.value) : 1;
}

export interface Execution {
  readonly results: ScenarioResult[];
  readonly context: RunnerContext;
  readonly cache: CompiledModelCache;
}

/** A progress bar on stderr when one may be drawn (a terminal, not CI, not --quiet), else null. */
export async function progressBar(io: CliIO, flags: { readonly quiet?: boolean }, format: string): Promise<SingleBar | null> {
  if (!showsProgress(io, { quiet: flags.quiet === true })) return null;
  const { SingleBar } = await import('cli-progress');
  return new SingleBar({ format, hideCursor: true, clearOnComplete: true });
}

/** Runs every scenario in order, with a progress bar on a terminal only. */
export async function executeScenarios(scenarios: readonly ResolvedScenario[], flags: RunFlags, io: CliIO): Promise<Execution> {
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const simOptions = simOptionsOf(flags);
  const plans = scenarios.map((s) => runPlan(s, flags));
  checkMonteCarloSizes(scenarios, plans, flags, cache.get(simOptions), io.cwd);
  const threads = flags.threads ?? defaultThreads(plans);
  // The worker pool (worker_threads) is loaded only when more than one thread is used.
  const runner: ModelRunner =
    threads > 1 ? (await import('../runner/worker-pool.js')).createWorkerPoolRunner(context, threads, cache) : createSingleThreadRunner(context, cache);
  const results: ScenarioResult[] = [];
  const reference = trendReference(scenarios, flags);
  const common = { context, cache, ...simOptions, ...(reference ? { reference } : {}) };
  try {
    for (const s of scenarios) {
      const plan = runPlan(s, flags);
      if (plan.mode === 'deterministic') {
        results.push(runScenario(s, common));
        continue;
      }
      const bar = await progressBar(io, flags, `${s.id} [{bar}] {value}/{total} runs`);
      bar?.start(plan.runs, 0);
      try {
        results.push(
          await runMonteCarlo(s, {
            ...common,
            runner,
            runs: plan.runs,
            seed: plan.seed,
            uncertainty: flags.uncertainty ?? 'scenario',
            ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
          }),
        );
      } finally {
        bar?.stop();
      }
    }
  } finally {
    await runner.terminate();
  }
  return { results, context, cache };
}

/** Refuses, before any run starts, a Monte Carlo beyond the limits (runs, memory), naming where its runs were set. */
function checkMonteCarloSizes(scenarios: readonly ResolvedScenario[], plans: readonly ReturnType<typeof runPlan>[], flags: RunFlags, compiled: CompiledModel, cwd: string): void {
  const cells = compiled.layout.size;
  scenarios.forEach((s, i) => {
    const plan = plans[i];
    if (plan?.mode !== 'montecarlo') return;
    const where = flags.runs !== undefined ? { file: '<cli>', path: '--runs' } : { file: relative(cwd, s.file) || s.file, path: 'montecarlo.runs' };
    const drawn = Object.keys(drawnUncertainty(s, createRunnerContext().params, flags.uncertainty ?? 'scenario')).length;
    checkMonteCarloSize(plan.runs, cells, drawn, where, quantileMethod(undefined, plan.runs, cells) === 'exact');
  });
}

/**
 * The scenario additionality is measured against: a `trend` scenario among those run, else the
 * bundled one (none if it cannot be read, e.g. for a horizon it does not allow).
 */
export function trendReference(scenarios: readonly ResolvedScenario[], flags: Pick<RunFlags, 'until'>): ResolvedScenario | null {
  const own = scenarios.find((s) => s.id === 'trend');
  if (own) return own;
  try {
    return loadScenarios(['trend'], flags.until === undefined ? {} : { until: flags.until })[0] ?? null;
  } catch {
    return null;
  }
}

/** results.csv, results.json, attainment.csv, manifest.json — in memory. */
export function resultFiles(execution: Execution, scenarios: readonly ResolvedScenario[], flags: RunFlags, cwd: string): Map<string, string> {
  const compiled = execution.cache.get(simOptionsOf(flags));
  return prepareRunOutputs(execution.results, {
    scenarios,
    params: execution.context.params,
    describeOutput: execution.context.describeOutput,
    simOptions: compiled.options,
    thresholds: DEFAULT_THRESHOLDS,
    cwd,
  });
}

