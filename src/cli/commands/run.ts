/**
 * `hzsim run <scenario...> [--runs N] [--seed S] [--out DIR] [--until YEAR] [--threads N]
 * [--charts] [--json] [--lang zh|en] [--quiet]`: runs each scenario (deterministic unless
 * --runs > 1 or the scenario declares `montecarlo`), prints an attainment summary per scenario
 * (or, with --json, the results.json document) and, with --out, writes results.csv,
 * results.json, attainment.csv and manifest.json. All input is checked and every result computed
 * before any file is written.
 */
import type { Command } from 'commander';
import { attainmentClassLabels } from '../../charts/i18n.js';
import type { Lang } from '../../catalog/types.js';
import { InputError } from '../../errors.js';
import type { AttainmentClass, ScenarioResult } from '../../runner/types.js';
import { loadScenarios } from '../../scenario/index.js';
import { formatNumber } from '../../util/csv.js';
import { executeScenarios, resultFiles } from '../execute.js';
import type { CliIO } from '../io.js';
import { outputOptions, parseOutputOptions, status } from '../kit.js';
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
  json?: boolean;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('run')
    .argument('<scenarios...>', 'scenario files (.yaml, .yml or .json) or bundled scenario ids (plan, trend, …)')
    .option('--runs <n>', 'Monte Carlo runs (> 1 switches Monte Carlo on; default: the scenario’s montecarlo.runs, else one deterministic run)')
    .option('--seed <s>', 'Monte Carlo seed, a non-negative integer (default: the scenario’s, else 2011)')
    .option('--out <dir>', 'write results.csv, results.json, attainment.csv and manifest.json here')
    .option('--until <year>', 'last simulated year (default 2015)')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: the cores available when a scenario has ≥ 20,000 runs, else 1; results are identical for any number)')
    .option('--steps-per-year <n>', 'time steps per simulated year (default 12: monthly)')
    .option('--method <method>', 'integration method: euler (default, as Vensim) or rk4')
    .option('--charts', 'also write the standard charts (SVG, PNG, HTML) in --lang to <out>/charts');
  return outputOptions(cmd, { json: 'the results (the results.json document)', lang: 'the summary tables and charts' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim run plan\n  hzsim run scenarios/trend.yaml scenarios/plan.yaml --out out/cmp --lang en\n' +
        '  hzsim run plan --runs 5000 --seed 7 --json | jq \'.scenarios[0].attainment[] | {target, probability}\'\n',
    )
    .action(async (files: string[], opts: RunCliOptions) => {
      const flags = parseNumbers(opts);
      const output = parseOutputOptions(opts);
      if (opts.charts && opts.out === undefined) throw new InputError([{ file: '<cli>', path: '--charts', message: 'needs --out DIR to write the charts into' }]);
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(flags.until === undefined ? {} : { until: flags.until }) });
      checkOut(io.cwd, opts.out);
      const execution = await executeScenarios(scenarios, { ...flags, quiet: output.quiet }, io);
      // Everything is prepared in memory first: a failure leaves no partial output.
      const results = output.json || opts.out !== undefined ? resultFiles(execution, scenarios, flags, io.cwd) : new Map<string, string>();
      if (output.json) io.stdout(results.get('results.json') ?? '');
      else io.stdout(attainmentSummary(execution.results, output.lang));
      if (opts.out === undefined) return;
      let charts: ReadonlyMap<string, string | Uint8Array> | null = null;
      if (opts.charts) {
        const { chartFiles } = await import('../chart-files.js');
        charts = (await chartFiles(execution.results, [output.lang], ['svg', 'png', 'html'])).files;
      }
      const written = await writeOut(io.cwd, opts.out, new Map([...results, ...(charts ? inFolder('charts', charts) : [])]));
      status(io, output, `wrote ${written.length} files to ${opts.out}`);
    });
}

const TEXT = {
  zh: {
    header: ['目标', '年份', '预测值', '要求值', '判定', '达标概率', '说明'],
    deterministic: '确定性运行',
    monteCarlo: (runs: number, seed: number | null) => `蒙特卡洛 ${runs} 次，种子 ${seed ?? '—'}`,
    targets: (n: number) => `${n} 个目标`,
    none: '规划期内无目标',
    separator: '：',
  },
  en: {
    header: ['target', 'year', 'projected', 'required', 'class', 'P(met)', 'label'],
    deterministic: 'deterministic',
    monteCarlo: (runs: number, seed: number | null) => `Monte Carlo, ${runs} runs, seed ${seed ?? '—'}`,
    targets: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
    none: 'none in horizon',
    separator: ': ',
  },
} as const;

/** The class as scripts know it in English (`on-track`), in Chinese as the charts label it. */
const className = (c: AttainmentClass, lang: Lang): string => (lang === 'en' ? c : attainmentClassLabels[c].zh);

const significant = (v: number | null): string => (v === null ? '—' : formatNumber(Number(v.toPrecision(4))));

/** One block per scenario: target, year, projected, required, class, probability, label — in `lang`. */
export function attainmentSummary(results: readonly ScenarioResult[], lang: Lang = 'zh'): string {
  const text = TEXT[lang];
  const blocks = results.map((r) => {
    const mc = r.mode === 'montecarlo';
    const mode = mc ? text.monteCarlo(r.runs, r.seed) : text.deterministic;
    const counts = new Map<AttainmentClass, number>();
    for (const a of r.attainment) counts.set(a.class, (counts.get(a.class) ?? 0) + 1);
    const countLine = [...counts].map(([c, n]) => `${n} ${className(c, lang)}`).join(lang === 'zh' ? '，' : ', ');
    const header = text.header.filter((_, i) => mc || i !== 5);
    const rows = r.attainment.map((a) => [
      a.target,
      String(a.year),
      significant(a.projected),
      significant(a.required),
      className(a.class, lang),
      ...(mc ? [a.probability === null ? '—' : `${Math.round(a.probability * 100)}%`] : []),
      a.label[lang],
    ]);
    const right = new Set(mc ? [1, 2, 3, 5] : [1, 2, 3]);
    return `${r.scenario.id} · ${r.scenario.title[lang]} (${mode}) — ${text.targets(r.attainment.length)}${text.separator}${countLine || text.none}\n${renderTable(header, rows, right)}`;
  });
  return blocks.join('\n');
}
