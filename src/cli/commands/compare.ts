/**
 * `hzsim compare <scenario...> [--runs N] [--seed S] [--statistic S] [--top N] [--out DIR]
 * [--until YEAR] [--threads N] [--json] [--lang zh|en] [--quiet]`: runs each scenario as `hzsim
 * run` would (Monte Carlo where the scenario declares it or --runs > 1) and shows what differs
 * from the first: the levers changed, then the N largest differences in outputs. Under Monte
 * Carlo the compared statistic (default the mean; --statistic p50 for the median) is named in the
 * output. With --out, writes compare.csv (every output × year difference).
 */
import { displayUnit } from '../../charts/i18n.js';
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import { InputError, type InputProblem } from '../../errors.js';
import { type Comparison, type CompareOptions, compareScenarios, comparedStatistic, largestDifferences } from '../../runner/compare.js';
import type { OutputInfo } from '../../runner/context.js';
import { MonteCarloStatistics, type ScenarioResult, type Statistic } from '../../runner/types.js';
import { loadScenarios } from '../../scenario/index.js';
import { type CsvField, formatNumber, roundNumber, toCsv } from '../../util/csv.js';
import { quote } from '../../util/quote.js';
import { didYouMean } from '../../util/suggest.js';
import { executeScenarios } from '../execute.js';
import type { CliIO } from '../io.js';
import { outputOptions, parseOutputOptions, printJson, status } from '../kit.js';
import { renderTable } from '../table.js';
import { checkOut, parseNumbers, writeOut } from './run-options.js';

export const COMPARE_CSV_HEADER = ['scenario', 'baseline', 'output', 'name_zh', 'name_en', 'unit', 'year', 'statistic', 'value', 'baseline_value', 'difference'] as const;
export const DEFAULT_TOP = 12;

type McStatistic = Exclude<Statistic, 'value'>;

interface CompareCliOptions {
  out?: string;
  until?: string;
  runs?: string;
  seed?: string;
  threads?: string;
  statistic?: string;
  top?: string;
  json?: boolean;
  lang?: string;
  quiet?: boolean;
}

/** --statistic and --top, checked together. */
export function parseCompareOptions(opts: Pick<CompareCliOptions, 'statistic' | 'top'>): { statistic: McStatistic; top: number } {
  const problems: InputProblem[] = [];
  const statistic = opts.statistic ?? 'mean';
  if (!(MonteCarloStatistics as readonly string[]).includes(statistic)) {
    problems.push({ file: '<cli>', path: '--statistic', message: `got ${quote(statistic)} — expected one of ${MonteCarloStatistics.join(', ')}${didYouMean(statistic, MonteCarloStatistics)}` });
  }
  const top = opts.top === undefined ? DEFAULT_TOP : Number(opts.top);
  if (opts.top !== undefined && !(/^\d+$/.test(opts.top.trim()) && Number.isSafeInteger(top) && top >= 1)) {
    problems.push({ file: '<cli>', path: '--top', message: `got ${quote(opts.top)} — expected a positive integer number of rows, e.g. 20` });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { statistic: statistic as McStatistic, top };
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('compare')
    .argument('<scenarios...>', 'scenario files or bundled ids; the first is the baseline')
    .option('--runs <n>', 'Monte Carlo runs for every scenario (> 1 switches Monte Carlo on; default: each scenario’s montecarlo block)')
    .option('--seed <s>', 'Monte Carlo seed, a non-negative integer (default: the scenario’s, else 2011)')
    .option('--statistic <s>', `Monte Carlo statistic compared: ${MonteCarloStatistics.join(', ')} (default mean)`)
    .option('--top <n>', `largest differences shown (default ${DEFAULT_TOP})`)
    .option('--threads <n>', 'worker threads for Monte Carlo (results are identical for any number)')
    .option('--out <dir>', 'write compare.csv (every difference) here')
    .option('--until <year>', 'last simulated year (default 2015)');
  return outputOptions(cmd, { json: 'the comparison', lang: 'names in the tables' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim compare trend plan hukou-first --lang en\n  hzsim compare plan accelerated --runs 2000 --statistic p50 --top 20\n' +
        "  hzsim compare trend plan --json | jq -r '.differences[] | [.output, .year, .difference] | @tsv'\n",
    )
    .action(async (files: string[], opts: CompareCliOptions) => {
      const flags = parseNumbers(opts);
      const output = parseOutputOptions(opts);
      const { statistic, top } = parseCompareOptions(opts);
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(flags.until === undefined ? {} : { until: flags.until }) });
      checkOut(io.cwd, opts.out);
      const { results, context } = await executeScenarios(scenarios, { ...flags, quiet: output.quiet }, io);
      const options: CompareOptions = { statistic };
      const comparison = compareScenarios(results, scenarios, context.params, options);
      if (output.json) printJson(io, comparisonJson(comparison, results, options, top, context.describeOutput));
      else io.stdout(formatComparison(comparison, context.describeOutput, { lang: output.lang, top, results, options }));
      if (opts.out !== undefined) {
        const written = await writeOut(io.cwd, opts.out, new Map([['compare.csv', compareCsv(comparison, context.describeOutput)]]));
        status(io, output, `wrote ${written.length} file to ${opts.out}`);
      }
    });
}

/** "mean of 2,000 Monte Carlo runs" / "value of the deterministic run", per scenario. */
function describeStatistic(r: ScenarioResult, options: CompareOptions, lang: Lang): string {
  const stat = comparedStatistic(r, options);
  if (r.mode !== 'montecarlo') return lang === 'zh' ? '确定性运行的值' : 'the deterministic value';
  const name = { mean: { zh: '均值', en: 'mean' }, p05: { zh: '第5百分位数', en: '5th percentile' }, p25: { zh: '第25百分位数', en: '25th percentile' }, p50: { zh: '中位数', en: 'median' }, p75: { zh: '第75百分位数', en: '75th percentile' }, p95: { zh: '第95百分位数', en: '95th percentile' } }[stat as McStatistic];
  return lang === 'zh' ? `${r.runs} 次蒙特卡洛运行的${name.zh}（${stat}）` : `the ${name.en} (${stat}) of ${r.runs.toLocaleString('en')} Monte Carlo runs`;
}

const TEXT = {
  zh: {
    compared: '比较的统计量',
    noLever: '各情景的杠杆没有差异。\n',
    levers: (b: string) => `改变了什么（杠杆；基准 ${b}）：`,
    largest: (n: number, b: string) => `最大的 ${n} 项差异（相对于 ${b}）：`,
    noOutput: '输出没有差异。\n',
    leverHeader: '杠杆',
    header: (b: string) => ['情景', '输出', '年份', b, '数值', '差异', '单位', '名称'],
  },
  en: {
    compared: 'Compared',
    noLever: 'No lever differs between the scenarios.\n',
    levers: (b: string) => `What changed (levers; baseline ${b}):`,
    largest: (n: number, b: string) => `Largest ${n} differences (relative to ${b}):`,
    noOutput: 'No output differs.\n',
    leverHeader: 'lever',
    header: (b: string) => ['scenario', 'output', 'year', b, 'value', 'difference', 'unit', 'name'],
  },
} as const;

export interface FormatComparisonOptions {
  readonly lang?: Lang;
  readonly top?: number;
  /** The results compared, to say which statistic each contributes. */
  readonly results?: readonly ScenarioResult[];
  readonly options?: CompareOptions;
}

export function formatComparison(c: Comparison, describe: (id: string) => OutputInfo | undefined, o: FormatComparisonOptions = {}): string {
  const lang = o.lang ?? 'zh';
  const text = TEXT[lang];
  const ids = c.scenarios.map((s) => s.id);
  const levers = c.levers.length === 0 ? text.noLever : renderTable([text.leverHeader, ...ids], c.levers.map((l) => [l.param, ...l.values]));
  const top = largestDifferences(c, o.top ?? DEFAULT_TOP);
  const diffs =
    top.length === 0
      ? text.noOutput
      : renderTable(
          text.header(c.baseline),
          top.map((d) => [d.scenario, d.output, String(d.year), fmt(d.baselineValue), fmt(d.value), signed(d.difference), displayUnit(describe(d.output)?.unit ?? '', lang), describe(d.output)?.name[lang] ?? '']),
          new Set([2, 3, 4, 5]),
        );
  const compared = o.results ? `${text.compared}: ${o.results.map((r) => `${r.scenario.id} — ${describeStatistic(r, o.options ?? {}, lang)}`).join('; ')}\n\n` : '';
  return `${compared}${text.levers(c.baseline)}\n${levers}\n${text.largest(top.length, c.baseline)}\n${diffs}`;
}

const fmt = (v: number): string => formatNumber(Number(v.toPrecision(5)));
const signed = (v: number): string => (v > 0 ? `+${fmt(v)}` : fmt(v));

/** The --json document: scenarios with the statistic each contributes, levers, the top differences. */
export function comparisonJson(c: Comparison, results: readonly ScenarioResult[], options: CompareOptions, top: number, describe: (id: string) => OutputInfo | undefined): unknown {
  return {
    baseline: c.baseline,
    scenarios: results.map((r) => ({
      id: r.scenario.id,
      title: { zh: r.scenario.title.zh, en: r.scenario.title.en },
      mode: r.mode,
      runs: r.runs,
      seed: r.seed,
      statistic: comparedStatistic(r, options),
    })),
    levers: c.levers.map((l) => ({ param: l.param, values: l.values, overridden: l.overridden })),
    differences: largestDifferences(c, top).map((d) => {
      const info = describe(d.output);
      return {
        scenario: d.scenario,
        output: d.output,
        name: info ? { zh: info.name.zh, en: info.name.en } : null,
        unit: info?.unit ?? null,
        year: d.year,
        statistic: d.statistic,
        baselineValue: roundNumber(d.baselineValue),
        value: roundNumber(d.value),
        difference: roundNumber(d.difference),
      };
    }),
  };
}

export function compareCsv(c: Comparison, describe: (id: string) => OutputInfo | undefined): string {
  const rows: CsvField[][] = c.differences.map((d) => {
    const info = describe(d.output);
    return [d.scenario, d.baseline, d.output, info?.name.zh ?? '', info?.name.en ?? '', info?.unit ?? '', d.year, d.statistic, d.value, d.baselineValue, d.difference];
  });
  return toCsv(COMPARE_CSV_HEADER, rows);
}
