/**
 * The pipeline behind `hzsim run` and `hzsim demo`: run resolved scenarios (deterministic or Monte
 * Carlo), then prepare every output file in memory (results, charts, briefing) so that nothing is
 * written until everything has succeeded.
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import { defaultLabels, type Lang } from '../charts/index.js';
import { renderFormats, standardChartSpecs, HEADLINE_INDICATORS } from '../charts/standard.js';
import { renderHtmlGallery, specTitle, type ChartFormat } from '../charts/render.js';
import {
  CompiledModelCache, createRunnerContext, createSingleThreadRunner, createWorkerPoolRunner, DEFAULT_THRESHOLDS,
  type ModelRunner, prepareRunOutputs, type RunnerContext, runMonteCarlo, runScenario, type ScenarioResult,
} from '../runner/index.js';
import type { CompiledModel, IntegrationMethod, SimOptions } from '../engine/types.js';
import { checkMonteCarloSize, LIMITS } from '../limits.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { briefingHtml, briefingMarkdown } from '../report/briefing.js';
import { PACKAGE_VERSION } from '../version.js';
import type { CliIO } from './io.js';
import { DEFAULT_SEED } from './commands/run-options.js';

export interface RunFlags {
  readonly runs: number | undefined;
  readonly seed: number | undefined;
  readonly until: number | undefined;
  readonly threads: number | undefined;
  readonly stepsPerYear?: number | undefined;
  readonly method?: IntegrationMethod | undefined;
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

/** Runs every scenario in order, with a progress bar on a terminal only. */
export async function executeScenarios(scenarios: readonly ResolvedScenario[], flags: RunFlags, io: CliIO): Promise<Execution> {
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const simOptions = simOptionsOf(flags);
  const plans = scenarios.map((s) => runPlan(s, flags));
  checkMonteCarloSizes(scenarios, plans, flags, cache.get(simOptions), io.cwd);
  const threads = flags.threads ?? defaultThreads(plans);
  const runner: ModelRunner = threads > 1 ? createWorkerPoolRunner(context, threads, cache) : createSingleThreadRunner(context, cache);
  const results: ScenarioResult[] = [];
  try {
    for (const s of scenarios) {
      const plan = runPlan(s, flags);
      if (plan.mode === 'deterministic') {
        results.push(runScenario(s, { context, cache, ...simOptions }));
        continue;
      }
      const bar = io.isTTY ? new SingleBar({ format: `${s.id} [{bar}] {value}/{total} runs`, hideCursor: true, clearOnComplete: true }) : null;
      bar?.start(plan.runs, 0);
      try {
        results.push(
          await runMonteCarlo(s, { context, cache, runner, runs: plan.runs, seed: plan.seed, ...simOptions, ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}) }),
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
  const cells = compiled.outputIds.length * compiled.years.length;
  scenarios.forEach((s, i) => {
    const plan = plans[i];
    if (plan?.mode !== 'montecarlo') return;
    const where = flags.runs !== undefined ? { file: '<cli>', path: '--runs' } : { file: relative(cwd, s.file) || s.file, path: 'montecarlo.runs' };
    checkMonteCarloSize(plan.runs, cells, Object.keys(s.uncertainty).length, where);
  });
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

export interface ChartFiles {
  /** File name (relative to the charts folder) → contents. */
  readonly files: Map<string, string | Uint8Array>;
  readonly skipped: readonly string[];
  /** The SVG of each chart, for the briefing. */
  readonly svgNames: readonly string[];
}

/**
 * Fan charts for one Monte Carlo scenario only — the plan if it is one — so a briefing gets the
 * uncertainty picture without a fan per scenario and indicator.
 */
export function fanScenario(results: readonly ScenarioResult[]): string | null {
  const mc = results.filter((r) => r.mode === 'montecarlo');
  return (mc.find((r) => r.scenario.id === 'plan') ?? mc[0])?.scenario.id ?? null;
}

/**
 * The standard chart set rendered in memory, in each language: `<name>.<lang>.svg` / `.png` per
 * chart, and one interactive page `charts.<lang>.html` holding every chart of that language.
 */
export async function chartFiles(results: readonly ScenarioResult[], langs: readonly Lang[], formats: readonly ChartFormat[]): Promise<ChartFiles> {
  const files = new Map<string, string | Uint8Array>();
  const skipped = new Set<string>();
  const svgNames: string[] = [];
  const fans = fanScenario(results);
  const perChart = formats.filter((f) => f !== 'html');
  for (const lang of langs) {
    const { specs, skipped: s } = standardChartSpecs(results, { lang, fanScenarios: fans ? [fans] : [] });
    s.forEach((x) => skipped.add(x));
    for (const { name, spec } of specs) {
      const rendered = await renderFormats(spec, perChart);
      for (const [format, content] of rendered) {
        const file = `${name}.${lang}.${format}`;
        files.set(file, content);
        if (format === 'svg') svgNames.push(file);
      }
    }
    if (formats.includes('html')) {
      const title = lang === 'zh' ? '杭州市“十二五”综合配套改革 — 情景图表' : 'Hangzhou 12th Five-Year reform plan — scenario charts';
      files.set(`charts.${lang}.html`, renderHtmlGallery(specs.map(({ spec }) => ({ spec, title: specTitle(spec) })), title, lang));
    }
  }
  return { files, skipped: [...skipped], svgNames };
}

/** briefing.<lang>.md and briefing.<lang>.html, linking the charts in `chartsDir` (relative). */
export function briefingFiles(results: readonly ScenarioResult[], langs: readonly Lang[], chartsDir: string, svgNames: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const labels = defaultLabels();
  for (const lang of langs) {
    const charts = svgNames
      .filter((f) => f.endsWith(`.${lang}.svg`) && !f.startsWith('fan-'))
      .map((f) => ({ file: `${chartsDir}/${f}`, caption: f.replace(`.${lang}.svg`, '') }));
    const options = {
      lang,
      results,
      labels, // a chart LabelSource is already what the briefing needs
      headline: HEADLINE_INDICATORS,
      charts,
      version: PACKAGE_VERSION,
    };
    files.set(`briefing.${lang}.md`, briefingMarkdown(options));
    files.set(`briefing.${lang}.html`, briefingHtml(options));
  }
  return files;
}
