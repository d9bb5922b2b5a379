/**
 * `hzsim run <scenario-file...> [--runs N] [--seed S] [--out DIR] [--until YEAR] [--threads N]`:
 * runs each scenario (deterministic unless --runs > 1 or the scenario declares `montecarlo`),
 * prints an attainment summary and, with --out, writes results.csv, results.json, attainment.csv
 * and manifest.json (INTERFACES.md). All input is checked and every result computed before any
 * file is written.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  CompiledModelCache, createRunnerContext, createSingleThreadRunner, createWorkerPoolRunner, DEFAULT_THRESHOLDS,
  type ModelRunner, prepareRunOutputs, runMonteCarlo, runScenario, type ScenarioResult,
} from '../../runner/index.js';
import { loadScenarios, type ResolvedScenario } from '../../scenario/index.js';
import { formatNumber } from '../../util/csv.js';
import type { CliIO } from '../io.js';
import { DEFAULT_SEED, parseNumbers, table, writeOut } from './run-options.js';

interface RunCliOptions {
  runs?: string;
  seed?: string;
  out?: string;
  until?: string;
  threads?: string;
}

/** How one scenario is run: flags win over the scenario's own `montecarlo` block. */
export function runPlan(s: ResolvedScenario, flags: { runs: number | undefined; seed: number | undefined }): { mode: 'deterministic' } | { mode: 'montecarlo'; runs: number; seed: number } {
  const runs = flags.runs ?? s.montecarlo?.runs;
  const monteCarlo = flags.runs !== undefined ? flags.runs > 1 : s.montecarlo !== null;
  if (!monteCarlo || runs === undefined) return { mode: 'deterministic' };
  return { mode: 'montecarlo', runs, seed: flags.seed ?? s.montecarlo?.seed ?? DEFAULT_SEED };
}

export function register(program: Command, io: CliIO): Command {
  return program
    .command('run')
    .description('run scenarios (deterministic or Monte Carlo) and judge the targets · 运行情景')
    .argument('<files...>', 'scenario files (.yaml, .yml or .json)')
    .option('--runs <n>', 'Monte Carlo runs (> 1 switches Monte Carlo on; default: the scenario’s montecarlo.runs, else one deterministic run)')
    .option('--seed <s>', `Monte Carlo seed, a non-negative integer (default: the scenario’s, else ${DEFAULT_SEED})`)
    .option('--out <dir>', 'write results.csv, results.json, attainment.csv and manifest.json here')
    .option('--until <year>', 'last simulated year (default 2015)')
    .option('--threads <n>', 'worker threads for Monte Carlo (default 1; results are identical for any number)')
    .action(async (files: string[], opts: RunCliOptions) => {
      const flags = parseNumbers(opts);
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(flags.until === undefined ? {} : { until: flags.until }) });
      const context = createRunnerContext();
      const cache = new CompiledModelCache(context);
      const simOptions = flags.until === undefined ? {} : { until: flags.until };
      const threads = flags.threads ?? 1;
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
      io.stdout(attainmentSummary(results));
      if (opts.out !== undefined) {
        const compiled = cache.get(simOptions);
        const files = prepareRunOutputs(results, {
          scenarios,
          params: context.params,
          describeOutput: context.describeOutput,
          simOptions: compiled.options,
          thresholds: DEFAULT_THRESHOLDS,
          cwd: io.cwd,
        });
        const written = writeOut(io.cwd, opts.out, files);
        io.stdout(`wrote ${written.length} files to ${opts.out}\n`);
      }
    });
}

/** One block per scenario: target, year, projected, required, class, probability. */
export function attainmentSummary(results: readonly ScenarioResult[]): string {
  const blocks = results.map((r) => {
    const mode = r.mode === 'montecarlo' ? `Monte Carlo, ${r.runs} runs, seed ${r.seed}` : 'deterministic';
    const counts = new Map<string, number>();
    for (const a of r.attainment) counts.set(a.class, (counts.get(a.class) ?? 0) + 1);
    const countLine = [...counts].map(([c, n]) => `${n} ${c}`).join(', ');
    const rows = [
      ['target', 'year', 'projected', 'required', 'class', ...(r.mode === 'montecarlo' ? ['P(met)'] : []), 'label'],
      ...r.attainment.map((a) => [
        a.target,
        String(a.year),
        a.projected === null ? '—' : formatNumber(Number(a.projected.toPrecision(4))),
        a.required === null ? '—' : formatNumber(Number(a.required.toPrecision(4))),
        a.class,
        ...(r.mode === 'montecarlo' ? [a.probability === null ? '—' : `${Math.round(a.probability * 100)}%`] : []),
        a.label.zh,
      ]),
    ];
    return `${r.scenario.id} · ${r.scenario.title.zh} (${mode}) — ${r.attainment.length} targets: ${countLine || 'none in horizon'}\n${table(rows)}`;
  });
  return blocks.join('\n');
}
