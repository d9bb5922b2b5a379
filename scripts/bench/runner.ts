/**
 * Runner figures: Monte Carlo throughput at 1k / 10k / 100k runs (draws, runs, quantiles,
 * attainment), the worker pool's speed-up, peak memory, growth with runs, and chart rendering.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderFormats, standardChartSpecs } from '../../dist/charts/standard.js';
import { bundledScenarioFiles } from '../../dist/cli/commands/demo.js';
import {
  CompiledModelCache, createRunnerContext, createSingleThreadRunner, createWorkerPoolRunner, runMonteCarlo, runScenario,
  type ScenarioResult,
} from '../../dist/runner/index.js';
import { loadScenarios } from '../../dist/scenario/index.js';
import { type BenchReport, timeIt } from './report.js';

export async function runnerFigures(report: BenchReport, { quick = false }: { quick?: boolean } = {}): Promise<void> {
  const scenarios = loadScenarios(bundledScenarioFiles());
  const plan = scenarios.find((s) => s.id === 'plan') ?? scenarios[0]!;
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const single = createSingleThreadRunner(context, cache);
  const mc = async (runs: number, runner = single): Promise<number> => {
    const a = performance.now();
    await runMonteCarlo(plan, { context, cache, runner, runs, seed: 1 });
    return performance.now() - a;
  };
  await mc(500); // warm-up
  // Worker pool (measured before the 100k run, whose 360 MB matrix would tax the GC).
  const threads = Math.max(2, availableParallelism());
  const pool = createWorkerPoolRunner(context, threads, cache);
  report.record('poolColdMs', `worker pool start + first 2,000 runs (${threads} threads)`, await mc(2_000, pool), 'ms', 0);
  const singleMs = await timeIt(() => mc(10_000), 3);
  const poolMs = await timeIt(() => mc(10_000, pool), 3);
  await pool.terminate();
  report.record('pool10kMs', `Monte Carlo 10,000 runs, ${threads} worker threads`, poolMs, 'ms', 0);
  report.record('poolSpeedup', '  speed-up over one thread (both measured back to back)', singleMs / poolMs, '×', 2);

  const mcCounts = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const mcTimes: Record<number, number> = {};
  for (const n of mcCounts) {
    const ms = n >= 100_000 ? await mc(n) : await timeIt(() => mc(n), 3);
    mcTimes[n] = ms;
    report.record(`monteCarlo${n}Ms`, `Monte Carlo ${n.toLocaleString('en')} runs (plan, ${Object.keys(plan.uncertainty).length} uncertain levers), one thread`, ms, 'ms', 0);
    report.record(`monteCarlo${n}RunsPerSecond`, `  throughput`, (n / ms) * 1000, 'runs/s', 0);
  }
  report.record('peakRssMiB', `peak memory (max RSS, after ${mcCounts.at(-1)!.toLocaleString('en')} runs)`, process.resourceUsage().maxRSS / 1024, 'MiB', 0);
  const perRun = mcCounts.map((n) => (mcTimes[n] ?? NaN) / n);
  report.record('runsScaling', `time per run, ${mcCounts.at(-1)!.toLocaleString('en')} vs 1,000 runs (1 = linear)`, perRun.at(-1)! / perRun[0]!, '×', 2);

  if (quick) return;
  // The demo's mix: Monte Carlo for the plan (its fan charts), deterministic runs for the rest.
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    results.push(s.id === plan.id ? await runMonteCarlo(s, { context, cache, runs: 200, seed: 1 }) : runScenario(s, { context, cache }));
  }
  const a = performance.now();
  const { specs } = standardChartSpecs(results, { lang: 'zh' });
  const specMs = performance.now() - a;
  const b = performance.now();
  for (const { spec } of specs) await renderFormats(spec, ['svg']);
  const svgMs = performance.now() - b;
  const c = performance.now();
  for (const { spec } of specs) await renderFormats(spec, ['png']);
  const pngMs = performance.now() - c - svgMs; // PNG includes its SVG; count the rasterising alone
  report.record('chartCount', 'standard chart set (zh)', specs.length, 'charts', 0);
  report.record('specsPerSecond', '  Vega-Lite specs', (specs.length / specMs) * 1000, 'specs/s', 0);
  report.record('svgSetMs', '  SVG for the whole set', svgMs, 'ms', 0);
  report.record('svgPerSecond', '  SVG', (specs.length / svgMs) * 1000, 'charts/s', 1);
  report.record('pngPerSecond', '  PNG (2×, rasterising only)', (specs.length / Math.max(pngMs, 1)) * 1000, 'charts/s', 1);
}
