/**
 * `hzsim run <scenario-file...> [--runs N] [--seed S] [--out DIR] [--until YEAR] [--threads N]`:
 * runs each scenario (deterministic unless --runs > 1 or the scenario declares `montecarlo`),
 * prints an attainment summary and, with --out, writes results.csv, results.json, attainment.csv
 * and manifest.json (INTERFACES.md). All input is checked and every result computed before any
 * file is written.
 */
import type { Command } from 'commander';
import { isLang, parseFormats } from '../../charts/index.js';
import { InputError } from '../../errors.js';
import type { ScenarioResult } from '../../runner/index.js';
import { loadScenarios } from '../../scenario/index.js';
import { formatNumber } from '../../util/csv.js';
import { quote } from '../../util/quote.js';
import { chartFiles, executeScenarios, resultFiles } from '../execute.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';
import { checkOut, inFolder, parseNumbers, writeOut } from './run-options.js';

interface RunCliOptions {
  runs?: string;
  seed?: string;
  out?: string;
  until?: string;
  threads?: string;
  stepsPerYear?: string;
  method?: string;
  charts?: boolean;
  lang?: string;
}

export function register(program: Command, io: CliIO): Command {
  return program
    .command('run')
    .description('run scenarios (deterministic or Monte Carlo) and judge the targets · 运行情景')
    .argument('<files...>', 'scenario files (.yaml, .yml or .json)')
    .option('--runs <n>', 'Monte Carlo runs (> 1 switches Monte Carlo on; default: the scenario’s montecarlo.runs, else one deterministic run)')
    .option('--seed <s>', 'Monte Carlo seed, a non-negative integer (default: the scenario’s, else 2011)')
    .option('--out <dir>', 'write results.csv, results.json, attainment.csv and manifest.json here')
    .option('--until <year>', 'last simulated year (default 2015)')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: the cores available when a scenario has ≥ 20,000 runs, else 1; results are identical for any number)')
    .option('--steps-per-year <n>', 'time steps per simulated year (default 12: monthly)')
    .option('--method <method>', 'integration method: euler (default, as Vensim) or rk4')
    .option('--charts', 'also write the standard charts (SVG, PNG, HTML) to <out>/charts')
    .option('--lang <lang>', 'chart language: zh or en (default zh)', 'zh')
    .action(async (files: string[], opts: RunCliOptions) => {
      const flags = parseNumbers(opts);
      const lang = opts.lang ?? 'zh';
      if (!isLang(lang)) throw new InputError([{ file: '<cli>', path: '--lang', message: `got ${quote(lang)} — expected zh or en` }]);
      if (opts.charts && opts.out === undefined) throw new InputError([{ file: '<cli>', path: '--charts', message: 'needs --out DIR to write the charts into' }]);
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(flags.until === undefined ? {} : { until: flags.until }) });
      checkOut(io.cwd, opts.out);
      const execution = await executeScenarios(scenarios, flags, io);
      io.stdout(attainmentSummary(execution.results));
      if (opts.out === undefined) return;
      // Everything is prepared in memory first: a failure leaves no partial output.
      const results = resultFiles(execution, scenarios, flags, io.cwd);
      const charts = opts.charts ? await chartFiles(execution.results, [lang], parseFormats('svg,png,html')) : null;
      const written = await writeOut(io.cwd, opts.out, new Map([...results, ...(charts ? inFolder('charts', charts.files) : [])]));
      io.stdout(`wrote ${written.length} files to ${opts.out}\n`);
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
    return `${r.scenario.id} · ${r.scenario.title.zh} (${mode}) — ${r.attainment.length} targets: ${countLine || 'none in horizon'}\n${renderTable(rows[0] ?? [], rows.slice(1))}`;
  });
  return blocks.join('\n');
}
