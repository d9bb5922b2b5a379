/**
 * `hzsim backtest <scenario> [--observed FILE.csv] [--fitted-until YEAR] [--runs N] [--seed S]
 * [--threads N] [--json] [--out DIR] [--lang zh|en]`: the scenario's projection against observed
 * values — error, percentage error, MAPE, RMSE, bias and Theil's U against "the 2010 value held
 * constant", split into the fitted years (up to --fitted-until, default 2013) and out-of-sample
 * years. The observations are the bundled data/observed/hangzhou.csv unless --observed names a
 * file in the same format; primary rows only (one value per indicator and year), observables
 * marked not comparable left out (src/analysis/observed-model.ts). Deterministic unless --runs > 1 or the scenario declares `montecarlo` (then the median is
 * scored and the 90 % band shown). With --out: backtest.csv, backtest-metrics.csv, backtest.json
 * and one chart per indicator.
 */
import type { Command } from 'commander';
import { backtest as backtestAnalysis, type BacktestResult } from '../../analysis/backtest.js';
import { scorableIds, withDerivedOutputs } from '../../analysis/observed-model.js';
import { committedCalibration } from '../../params/calibration.js';
import type { Observation } from '../../analysis/types.js';
import type { Lang } from '../../charts/i18n.js';
import { InputError } from '../../errors.js';
import { runMonteCarlo, runScenario, type ScenarioResult } from '../../runner/index.js';
import { DEFAULT_UNTIL } from '../../scenario/index.js';
import { type CsvField, formatNumber, toCsv } from '../../util/csv.js';
import { didYouMean } from '../../util/suggest.js';
import { runPlan } from '../execute.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson, status } from '../kit.js';
import { renderTable } from '../table.js';
import { chartFiles, fileSafe, jsonText, loadOne, machinery, type Machinery, observedOption, OptionChecks, progressBar, runnerFor, seedAndThreads } from './analysis-options.js';
import { checkOut, writeOut } from './run-options.js';

export const BACKTEST_CSV_HEADER = ['scenario', 'output', 'year', 'split', 'observed', 'projected', 'low', 'high', 'error', 'percent_error', 'naive', 'within_band'] as const;
export const BACKTEST_METRICS_CSV_HEADER = ['scenario', 'output', 'split', 'n', 'mape', 'rmse', 'mean_error', 'theil_u'] as const;

interface BacktestCliOptions {
  observed?: string;
  fittedUntil?: string;
  runs?: string;
  seed?: string;
  threads?: string;
  json?: boolean;
  out?: string;
  lang?: string;
  quiet?: boolean;
}

/** Observations split into those the model reports and those it has no output for (with a suggestion). */
export function matchObservations(observations: readonly Observation[], outputIds: readonly string[]): { matched: Observation[]; skipped: string[] } {
  const known = new Set(outputIds);
  const matched = observations.filter((o) => known.has(o.id));
  const missing = [...new Set(observations.filter((o) => !known.has(o.id)).map((o) => o.id))];
  const skipped = missing.map((id) => `${id} (${observations.filter((o) => o.id === id).length} values)${didYouMean(id, outputIds)}`);
  return { matched, skipped };
}

/** Runs a scenario for scoring: deterministic, or Monte Carlo when asked or declared; derived observables added. */
export async function projection(
  scenario: Parameters<typeof runScenario>[0],
  m: Machinery,
  flags: { runs: number | undefined; seed: number | undefined; threads: number | undefined; until: number; quiet: boolean },
  io: CliIO,
): Promise<ScenarioResult> {
  const plan = runPlan(scenario, flags);
  if (plan.mode === 'deterministic') return withDerivedOutputs(runScenario(scenario, { context: m.context, cache: m.cache, until: flags.until }));
  const runner = runnerFor(m, flags.threads, plan.runs);
  const bar = await progressBar(io, flags.quiet, `backtest ${scenario.id}`, 'runs');
  try {
    return withDerivedOutputs(await runMonteCarlo(scenario, { context: m.context, cache: m.cache, runner, runs: plan.runs, seed: plan.seed, until: flags.until, onProgress: bar.update }));
  } finally {
    bar.stop();
    await runner.terminate();
  }
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('backtest')
    .argument('<scenario>', 'scenario file or bundled id')
    .option('--observed <file>', 'observed data in the format of data/observed/hangzhou.csv (default: that bundled file)')
    .option('--fitted-until <year>', 'last year the model was fitted to; later years are out of sample (default 2013)')
    .option('--runs <n>', 'Monte Carlo runs (> 1 switches Monte Carlo on; default: the scenario’s montecarlo block)')
    .option('--seed <s>', 'Monte Carlo seed (default: the scenario’s, else 2011)')
    .option('--threads <n>', 'worker threads for Monte Carlo (results are identical)')
    .option('--out <dir>', 'write backtest.csv, backtest-metrics.csv, backtest.json and the charts here');
  return outputOptions(cmd, { json: 'the scores', lang: 'the charts' })
    .addHelpText('after', '\nExamples:\n  hzsim backtest scenarios/as-happened.yaml --json\n  hzsim backtest plan --out out/backtest --lang en\n')
    .action(async (file: string, opts: BacktestCliOptions) => {
      const checks = new OptionChecks();
      checks.attempt(() => checkOut(io.cwd, opts.out));
      const { runs, seed, threads } = seedAndThreads(opts, checks);
      const fittedUntil = checks.year('--fitted-until', opts.fittedUntil) ?? 2013;
      const lang = checks.lang(opts.lang);
      const { file: observedFile, observations } = observedOption(opts.observed, io, checks);
      const until = Math.max(DEFAULT_UNTIL, ...observations.map((o) => o.year));
      const loaded = loadOne(file, io, until, checks);
      checks.done();
      const scenario = loaded as NonNullable<typeof loaded>;
      const m = machinery();
      const compiled = m.cache.get({ until });
      const { matched, skipped } = matchObservations(observations, scorableIds(compiled.outputIds));
      if (matched.length === 0) {
        throw new InputError([{ file: observedFile, path: 'id', message: `no observation is of a model output: ${skipped.join('; ')} — expected ids as the model reports them (e.g. population.resident)` }]);
      }
      if (skipped.length > 0) io.stderr(`hzsim: not scored (the model has no such output): ${skipped.join('; ')}\n`);
      const quiet = opts.quiet === true;
      const result = backtestAnalysis(await projection(scenario, m, { runs, seed, threads, until, quiet }, io), matched, { fittedUntil });
      const json = { command: 'backtest', scenario: { id: scenario.id, file: scenario.file }, observed: observedFile, skipped, result };
      if (opts.json) printJson(io, json);
      else io.stdout(backtestText(result));
      if (opts.out === undefined) return;
      const files = new Map<string, string | Uint8Array>([...backtestFiles(result), ['backtest.json', jsonText(json)]]);
      for (const [name, content] of await backtestCharts(result, lang)) files.set(name, content);
      const written = await writeOut(io.cwd, opts.out, files);
      status(io, { quiet }, `wrote ${written.length} files to ${opts.out}`);
    });
}

const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(Number(v.toPrecision(7))));
/** A model-made number (projection, error, metric) to four significant figures, whole above 10,000: the table states no more precision than the model has; the CSV and JSON keep it all. */
const est = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(Math.abs(v) >= 1e4 ? Math.round(v) : Number(v.toPrecision(4)));
const pct = (v: number): string => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(2)}%` : '—');

/** Per indicator: the scored years, then the metrics by split; which series the lever defaults were fitted to. */
export function backtestText(r: BacktestResult, fitted: ReadonlyMap<string, readonly string[]> = calibratedSeries()): string {
  const mode = r.mode === 'montecarlo' ? `Monte Carlo median, ${r.runs} runs, seed ${r.seed}` : 'deterministic';
  const head =
    `${r.scenario.id} (${mode}) against ${r.rows.length} observations; 'fitted' = years up to ${r.fittedUntil} (the calibration window), out of sample after.\n` +
    `Lever defaults were fitted to the series marked [calibrated] (data/calibration/hangzhou.json); the other series' early years are in-sample but not fitted.\n`;
  const blocks = [...new Set(r.rows.map((x) => x.id))].map((id) => {
    const rows = r.rows.filter((x) => x.id === id);
    const band = r.mode === 'montecarlo';
    const table = renderTable(
      ['year', 'split', 'observed', 'projected', 'error', '% error', ...(band ? ['in 90% band'] : [])],
      rows.map((x) => [String(x.year), x.split, num(x.observed), est(x.projected), est(x.error), pct(x.percentError), ...(band ? [x.withinBand === null ? '—' : x.withinBand ? 'yes' : 'no'] : [])]),
      new Set([2, 3, 4, 5]),
    );
    const metrics = renderTable(
      ['split', 'n', 'MAPE', 'RMSE', 'bias', "Theil's U"],
      r.metrics.filter((x) => x.id === id).map((x) => [x.split, String(x.n), Number.isFinite(x.mape) ? `${x.mape.toFixed(2)}%` : '—', est(x.rmse), est(x.meanError), est(x.theilU)]),
      new Set([1, 2, 3, 4, 5]),
    );
    const levers = fitted.get(id);
    return `${id}${levers ? ` [calibrated: ${levers.join(', ')}]` : ''}\n${table}${metrics}`;
  });
  const unmatched = r.unmatched.length > 0 ? `not scored (no projection in that year): ${r.unmatched.map((o) => `${o.id} ${o.year}`).join(', ')}\n` : '';
  return `${head}\n${blocks.join('\n')}${unmatched}Theil's U < 1: the projection beats holding the ${r.baseYear} value constant.\n`;
}

/** backtest.csv and backtest-metrics.csv. */
export function backtestFiles(r: BacktestResult): Map<string, string> {
  const n = (v: number | null): CsvField => (v === null || !Number.isFinite(v) ? null : v);
  const rows: CsvField[][] = r.rows.map((x) => [r.scenario.id, x.id, x.year, x.split, x.observed, n(x.projected), n(x.low), n(x.high), n(x.error), n(x.percentError), n(x.naive), x.withinBand === null ? null : String(x.withinBand)]);
  const metrics: CsvField[][] = r.metrics.map((x) => [r.scenario.id, x.id, x.split, x.n, n(x.mape), n(x.rmse), n(x.meanError), n(x.theilU)]);
  return new Map([
    ['backtest.csv', toCsv(BACKTEST_CSV_HEADER, rows)],
    ['backtest-metrics.csv', toCsv(BACKTEST_METRICS_CSV_HEADER, metrics)],
  ]);
}

/** Series the committed calibration fitted lever defaults to (data/calibration/hangzhou.json), by id: the levers. */
export function calibratedSeries(): Map<string, string[]> {
  const bySeries = new Map<string, string[]>();
  const file = committedCalibration();
  for (const g of file?.groups ?? []) {
    const levers = g.levers.filter((id) => file?.levers.some((l) => l.lever === id && l.identified));
    if (levers.length > 0) for (const id of g.series) bySeries.set(id, [...(bySeries.get(id) ?? []), ...levers]);
  }
  return bySeries;
}

const SUBTITLE = {
  zh: {
    fitted: (scenario: string, until: number) => `${scenario}；默认参数按${until}年及以前的这些实际值校准，此后为样本外检验；实际值：data/observed/hangzhou.csv`,
    notFitted: (scenario: string, until: number) => `${scenario}；未按这些实际值校准（${until}年为校准可用的最后一年）；实际值：data/observed/hangzhou.csv`,
  },
  en: {
    fitted: (scenario: string, until: number) => `${scenario}; defaults fitted to these values up to ${until}, out of sample after; observed: data/observed/hangzhou.csv`,
    notFitted: (scenario: string, until: number) => `${scenario}; not fitted to these values (${until}: the last year calibration may use); observed: data/observed/hangzhou.csv`,
  },
} as const;

/**
 * One chart per indicator scored: backtest-<id>.<lang>.svg / .png. The subtitle says whether the
 * lever defaults were fitted to the series (`fitted` years are otherwise just the calibration window).
 */
export async function backtestCharts(r: BacktestResult, lang: Lang): Promise<Map<string, string | Uint8Array>> {
  const { backtest: backtestChart } = await import('../../charts/builders/backtest.js');
  const fitted = calibratedSeries();
  const scenario = r.scenario.title[lang] || r.scenario.id;
  const subtitle = (id: string): string => (fitted.has(id) ? SUBTITLE[lang].fitted : SUBTITLE[lang].notFitted)(scenario, r.fittedUntil);
  return chartFiles(r.series.map((s) => ({ name: `backtest-${fileSafe(s.id)}`, spec: backtestChart(r, { indicator: s.id, lang, subtitle: subtitle(s.id) }) })), lang);
}
