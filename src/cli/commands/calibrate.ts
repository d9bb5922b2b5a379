/**
 * `hzsim calibrate <scenario> [--observed FILE.csv] --levers a,b,c [--until YEAR] [--write FILE]
 * [--starts N] [--seed S] [--residual relative|absolute] [--json] [--out DIR] [--lang zh|en]`:
 * fits the levers to the observations up to --until (default and latest allowed 2013; later ones
 * are kept for the backtest, never fitted) by bounded least squares from several seeded starts.
 * The observations are the bundled data/observed/hangzhou.csv unless --observed names a file in
 * the same format (primary rows of comparable observables only: src/analysis/observed-model.ts). Prints each fitted
 * value with an approximate standard error and 95 % interval, whether it sits on its range's end,
 * and the fit per indicator (RMSE, MAPE). --write saves a scenario that extends the input with the
 * fitted values; --out writes calibration.json, the residuals and levers as CSV, and a backtest
 * chart of the calibrated scenario per indicator.
 */
import type { Command } from 'commander';
import { backtest as backtestAnalysis } from '../../analysis/backtest.js';
import { calibrate, type CalibrationResult } from '../../analysis/calibrate.js';
import { scenarioModel, selectionProblems } from '../../analysis/model.js';
import { derivedObservables, fitObservations, LAST_FITTED_YEAR } from '../../analysis/observed-model.js';
import { InputError } from '../../errors.js';
import type { DistributionSpec } from '../../scenario/index.js';
import { DEFAULT_UNTIL } from '../../scenario/index.js';
import { type CsvField, formatNumber, toCsv } from '../../util/csv.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson, status } from '../kit.js';
import { renderTable } from '../table.js';
import { jsonText, loadOne, machinery, observedOption, OptionChecks, progressBar, seedAndThreads, writeDerivedScenario } from './analysis-options.js';
import { backtestCharts, backtestFiles, matchObservations, projection } from './backtest.js';
import { checkOut, writeOut } from './run-options.js';

export const CALIBRATION_LEVERS_CSV_HEADER = ['lever', 'name_zh', 'name_en', 'before', 'fitted', 'standard_error', 'interval_low', 'interval_high', 'at_bound', 'min', 'max'] as const;
export const CALIBRATION_RESIDUALS_CSV_HEADER = ['output', 'year', 'observed', 'fitted', 'error', 'percent_error', 'weight'] as const;

interface CalibrateCliOptions {
  observed?: string;
  levers?: string;
  until?: string;
  write?: string;
  starts?: string;
  seed?: string;
  residual?: string;
  json?: boolean;
  out?: string;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('calibrate')
    .argument('<scenario>', 'scenario file or bundled id whose levers are fitted')
    .option('--observed <file>', 'observed data in the format of data/observed/hangzhou.csv (default: that bundled file)')
    .requiredOption('--levers <ids>', 'levers to fit, comma-separated (continuous levers; years cannot be fitted)')
    .option('--until <year>', `fit observations up to this year only, at most ${LAST_FITTED_YEAR}; later ones are out of sample (default ${LAST_FITTED_YEAR})`)
    .option('--write <file>', 'write a scenario that extends the input with the fitted values')
    .option('--starts <n>', 'optimiser starts: the scenario’s values, then seeded random points (default 4)')
    .option('--seed <s>', 'seed of the random starts (default 2011)')
    .option('--residual <kind>', 'relative (default: shares of the observed value, so indicators weigh alike) or absolute')
    .option('--out <dir>', 'write calibration.json, calibration-levers.csv, calibration-residuals.csv and backtest charts here');
  return outputOptions(cmd, { json: 'the fit', lang: 'names and charts' })
    .addHelpText('after', '\nExamples:\n  hzsim calibrate plan --levers migrant_arrivals,rd_share_growth --write calibrated.yaml\n')
    .action(async (file: string, opts: CalibrateCliOptions) => {
      const checks = new OptionChecks();
      checks.attempt(() => checkOut(io.cwd, opts.out));
      const { seed } = seedAndThreads(opts, checks);
      const fitUntil = checks.year('--until', opts.until) ?? LAST_FITTED_YEAR;
      if (fitUntil > LAST_FITTED_YEAR) checks.fail('--until', `got ${fitUntil} — calibration may use data up to ${LAST_FITTED_YEAR} only; 2014 and later are out of sample (hzsim backtest scores them)`);
      const starts = checks.integer('--starts', opts.starts, 'a whole number from 1 to 100, e.g. 4', (n) => n >= 1 && n <= 100) ?? 4;
      const residual = checks.choice('--residual', opts.residual, ['relative', 'absolute'] as const, 'relative');
      const lang = checks.lang(opts.lang);
      const levers = checks.list(opts.levers) ?? [];
      const { file: observedFile, observations } = observedOption(opts.observed, io, checks);
      const until = Math.max(DEFAULT_UNTIL, fitUntil, ...observations.map((o) => o.year));
      const loaded = loadOne(file, io, until, checks);
      const m = machinery();
      const compiled = m.cache.get({ until });
      selectionProblems(m.context, compiled.outputIds, compiled.years, { levers, outputs: [] }, { file: '<cli>', levers: '--levers', output: () => '--observed', year: () => '--observed' }).forEach((p) =>
        checks.fail(p.path, p.message),
      );
      const years = levers.filter((id) => m.context.params.find((p) => p.id === id)?.integer);
      if (years.length > 0) checks.fail('--levers', `${years.join(', ')} ${years.length > 1 ? 'are years' : 'is a year'}: least squares cannot fit a whole-number lever — fix it in the scenario and fit the others`);
      checks.done();
      const scenario = loaded as NonNullable<typeof loaded>;

      // Derived observables (a growth rate from the residents) are scored by the backtest, not fitted.
      const derived = new Set(derivedObservables.map((d) => d.id));
      const inWindow = (o: { year: number }): boolean => o.year > (compiled.years[0] ?? -Infinity) && o.year <= fitUntil;
      const derivedInWindow = [...new Set(observations.filter((o) => derived.has(o.id) && inWindow(o)).map((o) => o.id))];
      if (derivedInWindow.length > 0) io.stderr(`hzsim: not fitted (computed from another output; hzsim backtest scores it): ${derivedInWindow.join(', ')}\n`);
      const { matched, skipped } = matchObservations(observations.filter((o) => !derived.has(o.id)), compiled.outputIds);
      // Years before the model's start (2010) have no projection; 2014 and later are never fitted.
      const fitted = fitObservations(matched.filter((o) => o.year > compiled.years[0]! && o.year <= fitUntil), observedFile);
      if (fitted.length === 0) {
        throw new InputError([{ file: observedFile, path: '', message: `no observation of a model output in ${fitUntil} or earlier to fit${skipped.length > 0 ? ` (not model outputs: ${skipped.join('; ')})` : ''}` }]);
      }
      if (skipped.length > 0) io.stderr(`hzsim: not fitted (the model has no such output): ${skipped.join('; ')}\n`);
      const model = scenarioModel(scenario, { context: m.context, cache: m.cache, levers, outputs: fitted, until });
      const quiet = opts.quiet === true;
      const bar = await progressBar(io, quiet, `calibrate ${scenario.id}`, 'starts');
      let result: CalibrationResult;
      try {
        result = await calibrate(model, { observations: fitted, starts, seed: seed ?? 2011, residual, onProgress: bar.update });
      } finally {
        bar.stop();
      }

      const parameters = Object.fromEntries(result.fitted.map((f) => [f.input, f.value]));
      const title = { zh: `${scenario.title.zh}（校准至${fitUntil}年）`, en: `${scenario.title.en} (calibrated to ${fitUntil})` };
      const pinned: Record<string, DistributionSpec> = Object.fromEntries(
        result.fitted.filter((f) => scenario.uncertainty[f.input] !== undefined).map((f) => [f.input, { dist: 'discrete', values: [f.value] } satisfies DistributionSpec]),
      );
      const json = { command: 'calibrate', scenario: { id: scenario.id, file: scenario.file }, observed: observedFile, until: fitUntil, fitted: fitted.length, skipped, result };
      let written: string | null = null;
      if (opts.write !== undefined) {
        written = writeDerivedScenario(
          io,
          opts.write,
          scenario,
          {
            title,
            description: {
              zh: `${levers.join('、')} 按 ${observedFile} 中${fitUntil}年及以前的 ${fitted.length} 个观测值拟合（最小二乘），平均绝对百分比误差 ${result.mape.toFixed(2)}%。`,
              en: `${levers.join(', ')} fitted by least squares to ${fitted.length} observations up to ${fitUntil} in ${observedFile}; MAPE ${result.mape.toFixed(2)}%.`,
            },
            parameters,
            uncertainty: pinned,
            comment: [
              `Written by hzsim calibrate from ${scenario.id}: ${levers.join(', ')} fitted to ${fitted.length} observations up to ${fitUntil}`,
              `(${observedFile}; ${residual} residuals, ${starts} starts, seed ${seed ?? 2011}).`,
              ...result.fitted.map((f) => `${f.input}: ${formatNumber(f.value)}${f.standardError === null ? '' : ` ± ${formatNumber(Number(f.standardError.toPrecision(3)))} (SE)`}${f.atBound ? ` — at its ${f.atBound}imum: the data pull it beyond the range` : ''}`),
              ...(Object.keys(pinned).length > 0 ? [`Drawn in ${scenario.id}, pinned here to the fitted value: ${Object.keys(pinned).join(', ')}.`] : []),
            ],
          },
          until,
        );
      }
      if (opts.json) printJson(io, { ...json, written });
      else io.stdout(calibrationText(result, scenario.id, fitUntil, lang));
      if (written !== null) status(io, { quiet }, `wrote ${written}`);
      if (opts.out === undefined) return;
      const files = new Map<string, string | Uint8Array>([['calibration.json', jsonText({ ...json, written })], ...calibrationFiles(result)]);
      // How the calibrated scenario meets every observation, fitted and out of sample.
      const calibrated = { ...scenario, title, parameters: { ...scenario.parameters, ...parameters } };
      const check = backtestAnalysis(await projection(calibrated, m, { runs: 1, seed: undefined, threads: undefined, until, quiet }, io), matched, { fittedUntil: fitUntil });
      for (const [name, content] of backtestFiles(check)) files.set(name, content);
      for (const [name, content] of await backtestCharts(check, lang)) files.set(name, content);
      const out = await writeOut(io.cwd, opts.out, files);
      status(io, { quiet }, `wrote ${out.length} files to ${opts.out}`);
    });
}

const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(Number(v.toPrecision(5))));

export function calibrationText(r: CalibrationResult, scenario: string, until: number, lang: 'zh' | 'en'): string {
  const before = new Map(r.inputs.map((i) => [i.id, i.reference]));
  const levers = renderTable(
    ['lever', 'name', 'before', 'fitted', 'SE', '95% interval', 'range', 'bound'],
    r.fitted.map((f) => [
      f.input,
      f.label?.[lang] ?? f.input,
      num(before.get(f.input)),
      num(f.value),
      num(f.standardError),
      f.interval ? `${num(f.interval[0])} – ${num(f.interval[1])}` : '—',
      `${num(f.min)} – ${num(f.max)}`,
      f.atBound ? `at ${f.atBound}` : '',
    ]),
    new Set([2, 3, 4]),
  );
  const fit = renderTable(
    ['output', 'n', 'RMSE', 'MAPE'],
    r.byOutput.map((b) => [b.id ?? '—', String(b.n), num(b.rmse), Number.isFinite(b.mape) ? `${b.mape.toFixed(2)}%` : '—']),
    new Set([1, 2, 3]),
  );
  const best = r.starts.reduce((a, s) => (s.objective < a.objective ? s : a));
  const warning = r.boundHit ? 'A fitted lever sits on the end of its range: the data pull it beyond what the range allows; the standard error then understates the uncertainty.\n' : '';
  return (
    `${scenario}: ${r.fitted.length} lever(s) fitted to ${r.residuals.length} observations up to ${until} (${r.residual} residuals, ${r.starts.length} starts, ${r.evaluations} runs)\n` +
    `${levers}\n${fit}MAPE over all: ${r.mape.toFixed(2)}%; minimised sum of squares ${num(best.objective)}\n${warning}`
  );
}

/** calibration-levers.csv and calibration-residuals.csv. */
export function calibrationFiles(r: CalibrationResult): Map<string, string> {
  const n = (v: number | null | undefined): CsvField => (v === null || v === undefined || !Number.isFinite(v) ? null : v);
  const before = new Map(r.inputs.map((i) => [i.id, i.reference]));
  const levers: CsvField[][] = r.fitted.map((f) => [f.input, f.label?.zh ?? '', f.label?.en ?? '', n(before.get(f.input)), f.value, n(f.standardError), n(f.interval?.[0]), n(f.interval?.[1]), f.atBound, f.min, f.max]);
  const residuals: CsvField[][] = r.residuals.map((x) => [x.id, x.year, x.observed, x.fitted, x.error, n(x.percentError), x.weight]);
  return new Map([
    ['calibration-levers.csv', toCsv(CALIBRATION_LEVERS_CSV_HEADER, levers)],
    ['calibration-residuals.csv', toCsv(CALIBRATION_RESIDUALS_CSV_HEADER, residuals)],
  ]);
}
