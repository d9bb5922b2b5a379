/**
 * `hzsim run <scenario...> [--runs N] [--seed S] [--out DIR] [--until YEAR] [--threads N]
 * [--charts] [--json] [--lang zh|en] [--quiet]`: runs each scenario (deterministic unless
 * --runs > 1 or the scenario declares `montecarlo`), prints an attainment summary per scenario
 * (or, with --json, the results.json document) and, with --out, writes results.csv,
 * results.json, attainment.csv and manifest.json. All input is checked and every result computed
 * before any file is written.
 */
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import { InputError } from '../../errors.js';
import type { ScenarioResult } from '../../runner/types.js';
import { isUncertaintyMode, UNCERTAINTY_MODES, type UncertaintyMode } from '../../runner/uncertainty.js';
import { attainmentHeadline, classLabel, VERSUS_TREND_LABELS } from '../../runner/vocabulary.js';
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
  uncertainty?: string;
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
    .option('--uncertainty <what>', 'what a Monte Carlo draws: scenario (its own delivery distributions, default) or all (also every assumed lever default, from its documented range)')
    .option('--charts', 'also write the standard charts (SVG, PNG, HTML) in --lang to <out>/charts');
  return outputOptions(cmd, { json: 'the results (the results.json document)', lang: 'the summary tables and charts' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim run plan\n  hzsim run scenarios/trend.yaml scenarios/plan.yaml --out out/cmp --lang en\n' +
        '  hzsim run plan --runs 5000 --seed 7 --json | jq \'.scenarios[0].attainment[] | {target, probability}\'\n' +
        '  hzsim run plan --runs 1000 --seed 1 --uncertainty all\n',
    )
    .action(async (files: string[], opts: RunCliOptions) => {
      const flags = { ...parseNumbers(opts), uncertainty: parseUncertainty(opts.uncertainty) };
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

/** --uncertainty: scenario (default) or all. */
export function parseUncertainty(value: string | undefined): UncertaintyMode | undefined {
  if (value === undefined) return undefined;
  if (isUncertaintyMode(value)) return value;
  throw new InputError([{ file: '<cli>', path: '--uncertainty', message: `got '${value}' — expected ${UNCERTAINTY_MODES.join(' or ')}` }]);
}

const TEXT = {
  zh: {
    header: ['目标', '年份', '预测值', '要求值', '判定', '如期完成', '进展顺利概率', '达标概率', '与趋势比', '说明'],
    deterministic: '确定性运行',
    monteCarlo: (runs: number, seed: number | null) => `蒙特卡洛 ${runs} 次，种子 ${seed ?? '—'}`,
    allUncertain: '，含全部假设参数的不确定性',
    none: '规划期内无目标',
    yes: '是',
    no: '否',
  },
  en: {
    header: ['target', 'year', 'projected', 'required', 'class', 'met', 'P(on track)', 'P(met)', 'vs trend', 'label'],
    deterministic: 'deterministic',
    monteCarlo: (runs: number, seed: number | null) => `Monte Carlo, ${runs} runs, seed ${seed ?? '—'}`,
    allUncertain: ', every assumption uncertain',
    none: 'no target within the horizon',
    yes: 'yes',
    no: 'no',
  },
} as const;

const significant = (v: number | null): string => (v === null ? '—' : formatNumber(Number(v.toPrecision(4))));
const percent = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`);

/**
 * One block per scenario — the headline, then per target: year, projected, required, class, met,
 * (P(on track), P(met) under Monte Carlo), how it compares with trend, label — in `lang`, in the
 * words of src/runner/vocabulary.ts.
 */
export function attainmentSummary(results: readonly ScenarioResult[], lang: Lang = 'zh'): string {
  const text = TEXT[lang];
  const blocks = results.map((r) => {
    const mc = r.mode === 'montecarlo';
    const mode = mc ? `${text.monteCarlo(r.runs, r.seed)}${r.uncertainty?.mode === 'all' ? text.allUncertain : ''}` : text.deterministic;
    const header = text.header.filter((_, i) => mc || (i !== 6 && i !== 7));
    const rows = r.attainment.map((a) => [
      a.target,
      String(a.year),
      significant(a.projected),
      significant(a.required),
      classLabel(a.class, lang),
      a.met === undefined ? '—' : a.met ? text.yes : text.no,
      ...(mc ? [percent(a.probabilityOnTrack), percent(a.probability)] : []),
      a.versusTrend ? VERSUS_TREND_LABELS[a.versusTrend][lang] : '—',
      a.label[lang],
    ]);
    const right = new Set(mc ? [1, 2, 3, 6, 7] : [1, 2, 3]);
    const headline = r.attainment.length > 0 ? attainmentHeadline(r.attainment, lang) : text.none;
    return `${r.scenario.id} · ${r.scenario.title[lang]} (${mode}) — ${headline}\n${renderTable(header, rows, right)}`;
  });
  return blocks.join('\n');
}
