/**
 * `npm run bench`: performance of the full coupled Hangzhou model (monthly step, 2010–2015) and of
 * chart rendering, measured on the built package (dist/: what `npx hzsim` and importers run) under
 * plain node — the script builds first and compiles this file to .cache/bench/ (under tsx's loader the
 * main thread ran the same code about 60 % slower, which skewed every single-thread figure).
 * Prints a table and writes out/bench.json (hzsim demo, which replaces out/ whole, recognises it).
 * Never part of `npm test`.
 *
 * Figures (issue "Performance"): single-run latency (median of many); Monte Carlo throughput at
 * 1k / 10k / 100k runs; cost per equation evaluation against a flat Float64Array reference loop
 * doing the same number of multiply-adds, measured in this process (the headline ratio); peak
 * memory at 100k runs; growth with runs and with steps; worker-pool speed-up; charts per second.
 *
 *   npm run bench              all figures
 *   npm run bench -- --quick   skip the 100k-run Monte Carlo, the chart rendering, the demo and the
 *                              million-run memory figure
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderFormats, standardChartSpecs } from '../../dist/charts/standard.js';
import { compileModel, inspectModel } from '../../dist/engine/index.js';
import { hangzhouModel } from '../../dist/models/index.js';
import { params } from '../../dist/params/index.js';
import {
  CompiledModelCache, createRunnerContext, createSingleThreadRunner, createWorkerPoolRunner, runMonteCarlo, runScenario,
  type ScenarioResult,
} from '../../dist/runner/index.js';
import { loadScenarios } from '../../dist/scenario/index.js';
import { bundledScenarioFiles } from '../../dist/cli/commands/demo.js';
import { PACKAGE_VERSION } from '../../dist/version.js';
import { analysisFigures } from './analysis.js';
import { cliFigures } from './cli.js';

const quick = process.argv.includes('--quick');
const rows: [string, string, string][] = [];
const report: Record<string, unknown> = { version: PACKAGE_VERSION, node: process.version, cores: availableParallelism(), quick };
const record = (key: string, label: string, value: number, unit: string, digits = 1): void => {
  report[key] = value;
  rows.push([label, value.toFixed(digits), unit]);
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
/** Median wall time (ms) of `reps` repetitions after one warm-up. */
async function timeIt(body: () => unknown, reps = 5): Promise<number> {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await body();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// ── The model ─────────────────────────────────────────────────────────────────────────────
const t0 = performance.now();
const compiled = compileModel(hangzhouModel, params);
record('compileMs', 'compile the model', performance.now() - t0, 'ms');
const inspection = inspectModel(hangzhouModel);
const nStocks = inspection.stocks.length;
const nEvaluated = inspection.evaluationOrder.length; // auxiliaries and flows, once per step
const stepsPerRun = (compiled.years.length - 1) / compiled.options.dt;
const evalsPerRun = (nEvaluated + nStocks) * stepsPerRun;
report.model = { variables: inspection.variables.length, stocks: nStocks, auxAndFlows: nEvaluated, steps: stepsPerRun, evaluationsPerRun: evalsPerRun };
rows.push(['model', `${inspection.variables.length} variables, ${nStocks} stocks, ${stepsPerRun} steps`, '']);

// ── Single-run latency ────────────────────────────────────────────────────────────────────
const out = new Float64Array(compiled.outputIds.length * compiled.years.length);
const latencies: number[] = [];
for (let i = 0; i < 300; i++) {
  const a = performance.now();
  compiled.run(undefined, out);
  latencies.push(performance.now() - a);
}
record('singleRunMs', 'single run (run(), median of 300)', median(latencies.slice(50)), 'ms', 3);

// ── Engine inner loop vs flat reference ───────────────────────────────────────────────────
const prepared = compiled.prepare();
const leverIdx = Int32Array.of(compiled.paramIds.indexOf('hukou_conv_rate_migrant'), compiled.paramIds.indexOf('homestead_reclaim_rate'));
const leverVals = new Float64Array(leverIdx.length);
const base = leverIdx[0]! >= 0 && leverIdx[1]! >= 0 ? [0.03, 0.004] : null;
const ENGINE_RUNS = 10_000;
let checksum = 0;
const engineMs = await timeIt(() => {
  for (let k = 0; k < ENGINE_RUNS; k++) {
    if (base) {
      leverVals[0] = base[0]! * (1 + (k % 7) * 0.01);
      leverVals[1] = base[1]! * (1 + (k % 5) * 0.01);
    }
    prepared.runWith(base ? leverIdx : new Int32Array(0), leverVals, out);
    checksum += out[out.length - 1]!;
  }
});
const evals = ENGINE_RUNS * evalsPerRun;
const engineNs = (engineMs * 1e6) / evals;

/**
 * The same number of multiply-adds over one Float64Array the size of the model's state. Each
 * multiply-add is independent of the previous one within a step (no serial dependency chain that
 * would make the loop latency-bound and flatter the engine).
 */
const width = nEvaluated + nStocks;
const state = new Float64Array(width);
const coef = Float64Array.from({ length: width }, (_, i) => 1e-3 * ((i % 7) + 1));
const referenceMs = await timeIt(() => {
  for (let k = 0; k < ENGINE_RUNS; k++) {
    state.fill(1 + k * 1e-9);
    for (let s = 0; s < stepsPerRun; s++) {
      for (let i = 0; i < width; i++) state[i] = state[i]! * 0.999 + coef[i]!;
    }
    checksum += state[width - 1]!;
  }
});
const referenceNs = (referenceMs * 1e6) / evals;
record('engineRunsPerSecond', `engine only, ${ENGINE_RUNS} runs (prepare/runWith)`, (ENGINE_RUNS / engineMs) * 1000, 'runs/s', 0);
record('engineNsPerEvaluation', 'cost per equation evaluation (engine)', engineNs, 'ns', 2);
record('referenceNsPerMultiplyAdd', 'cost per multiply-add (flat Float64Array loop)', referenceNs, 'ns', 2);
record('engineReferenceRatio', 'ratio engine / reference (headline)', engineNs / referenceNs, '×', 2);

// ── Monte Carlo, end to end (draws, runs, quantiles, attainment) ──────────────────────────
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
// ── Worker pool (measured before the 100k run, whose 360 MB matrix would tax the GC) ───────────────────────────────────────────────────────────────────────────
const threads = Math.max(2, availableParallelism());
const pool = createWorkerPoolRunner(context, threads, cache);
record('poolColdMs', `worker pool start + first 2,000 runs (${threads} threads)`, await mc(2_000, pool), 'ms', 0);
const singleMs = await timeIt(() => mc(10_000), 3);
const poolMs = await timeIt(() => mc(10_000, pool), 3);
await pool.terminate();
record('pool10kMs', `Monte Carlo 10,000 runs, ${threads} worker threads`, poolMs, 'ms', 0);
record('poolSpeedup', '  speed-up over one thread (both measured back to back)', singleMs / poolMs, '×', 2);

const mcCounts = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const mcTimes: Record<number, number> = {};
for (const n of mcCounts) {
  const ms = n >= 100_000 ? await mc(n) : await timeIt(() => mc(n), 3);
  mcTimes[n] = ms;
  record(`monteCarlo${n}Ms`, `Monte Carlo ${n.toLocaleString('en')} runs (plan, ${Object.keys(plan.uncertainty).length} uncertain levers), one thread`, ms, 'ms', 0);
  record(`monteCarlo${n}RunsPerSecond`, `  throughput`, (n / ms) * 1000, 'runs/s', 0);
}
record('peakRssMiB', `peak memory (max RSS, after ${mcCounts.at(-1)!.toLocaleString('en')} runs)`, process.resourceUsage().maxRSS / 1024, 'MiB', 0);
const perRun = mcCounts.map((n) => (mcTimes[n] ?? NaN) / n);
record('runsScaling', `time per run, ${mcCounts.at(-1)!.toLocaleString('en')} vs 1,000 runs (1 = linear)`, perRun.at(-1)! / perRun[0]!, '×', 2);

// Growth with steps: the same 2,000 runs at dt = 1/12, 1/24, 1/48.
const stepTimes: number[] = [];
for (const perYear of [12, 24, 48]) {
  const m = compileModel(hangzhouModel, params, { dt: 1 / perYear }).prepare();
  const o = new Float64Array(out.length);
  stepTimes.push(await timeIt(() => { for (let k = 0; k < 2_000; k++) m.runWith(new Int32Array(0), new Float64Array(0), o); }, 3));
}
report.stepScaling = { stepsPerYear: [12, 24, 48], ms: stepTimes };
record('stepsScaling', 'time ×(steps ×4): dt 1/48 vs 1/12 (4 = linear)', stepTimes[2]! / stepTimes[0]!, '×', 2);

// ── Charts ────────────────────────────────────────────────────────────────────────────────
if (!quick) {
  // The demo's mix: Monte Carlo for the plan (its fan charts), deterministic runs for the rest.
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    results.push(s.id === plan.id ? await runMonteCarlo(s, { context, cache, runs: 200, seed: 1 }) : runScenario(s, { context, cache }));
  }
  const a = performance.now();
  const { specs } = standardChartSpecs(results, { lang: 'zh' });
  const specMs = performance.now() - a;
  const b = performance.now();
  const svgs: string[] = [];
  for (const { spec } of specs) svgs.push((await renderFormats(spec, ['svg'])).get('svg') as string);
  const svgMs = performance.now() - b;
  const c = performance.now();
  for (const { spec } of specs) await renderFormats(spec, ['png']);
  const pngMs = performance.now() - c - svgMs; // PNG includes its SVG; count the rasterising alone
  record('chartCount', 'standard chart set (zh)', specs.length, 'charts', 0);
  record('specsPerSecond', '  Vega-Lite specs', (specs.length / specMs) * 1000, 'specs/s', 0);
  record('svgSetMs', '  SVG for the whole set', svgMs, 'ms', 0);
  record('svgPerSecond', '  SVG', (specs.length / svgMs) * 1000, 'charts/s', 1);
  record('pngPerSecond', '  PNG (2×, rasterising only)', (specs.length / Math.max(pngMs, 1)) * 1000, 'charts/s', 1);
}

// ── Start-up, demo and million-run memory (scripts/bench/cli.ts) ────────────────────────────
cliFigures(record, quick);

// ── Analysis commands (scripts/bench/analysis.ts) ───────────────────────────────────────────
await analysisFigures(record, quick);

report.checksum = checksum;
const w = Math.max(...rows.map((r) => r[0].length));
console.log(rows.map(([k, v, u]) => `${k.padEnd(w)}  ${v.padStart(12)} ${u}`).join('\n'));
mkdirSync('out', { recursive: true });
writeFileSync(join('out', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('wrote out/bench.json');
