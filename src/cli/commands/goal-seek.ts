/**
 * `hzsim goal-seek <scenario> --lever ID --indicator ID --target V [--year 2015] [--from YEAR]
 * [--mode set|scale] [--comparator '>=' | '<='] [--probability P --runs N] [--seed S]
 * [--threads N] [--write FILE] [--json] [--out DIR] [--lang zh|en]`: the lever value that makes an
 * indicator reach a target, or — with --probability — the value at which that share of Monte Carlo
 * runs meets it (the same draws at every candidate value). When no value in the lever's range
 * reaches it, says so and shows the best reachable value. --write saves a scenario that extends the
 * input and sets the value found; `hzsim run` on it reproduces the answer.
 */
import type { Command } from 'commander';
import { goalSeek, type GoalComparator, type GoalSeekResult } from '../../analysis/goal-seek.js';
import { leverGoal, type LeverGoal, selectionProblems } from '../../analysis/model.js';
import { findIndicator } from '../../catalog/index.js';
import { InputError } from '../../errors.js';
import { DEFAULT_UNTIL } from '../../scenario/index.js';
import { type CsvField, formatNumber, toCsv } from '../../util/csv.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson, status } from '../kit.js';
import { jsonText, loadOne, machinery, OptionChecks, progressBar, runnerFor, seedAndThreads, writeDerivedScenario } from './analysis-options.js';
import { checkOut, writeOut } from './run-options.js';

export const GOAL_SEEK_CSV_HEADER = ['lever', 'value', 'achieved', 'kind'] as const;

interface GoalSeekCliOptions {
  lever?: string;
  indicator?: string;
  target?: string;
  year?: string;
  from?: string;
  mode?: string;
  comparator?: string;
  probability?: string;
  runs?: string;
  seed?: string;
  threads?: string;
  write?: string;
  json?: boolean;
  out?: string;
  lang?: string;
  quiet?: boolean;
}

/** Which side of the target meets it, by default: the indicator's direction (lower is better → ≤). */
export const defaultComparator = (indicator: string): GoalComparator => (findIndicator(indicator)?.direction === 'lower' ? '<=' : '>=');

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('goal-seek')
    .argument('<scenario>', 'scenario file or bundled id')
    .requiredOption('--lever <id>', 'lever to search over')
    .requiredOption('--indicator <id>', 'indicator or model series id the target is on')
    .requiredOption('--target <value>', 'target value, in the indicator’s unit')
    .option('--year <year>', 'year of the target (default 2015)')
    .option('--from <year>', 'first year the lever takes the new value (default: every year)')
    .option('--mode <mode>', "set (default): the lever at the value; scale: the scenario's value × the factor")
    .option('--comparator <cmp>', "which side meets the target: '>=' or '<=' (default: from the indicator's direction)")
    .option('--probability <p>', 'seek the value at which this share of Monte Carlo runs meets the target')
    .option('--runs <n>', "Monte Carlo runs with --probability (default: the scenario's montecarlo.runs, else 1000)")
    .option('--seed <s>', "Monte Carlo seed (default: the scenario's, else 2011)")
    .option('--threads <n>', 'worker threads for the Monte Carlo runs (results are identical)')
    .option('--write <file>', 'write a scenario that extends the input with the value found')
    .option('--out <dir>', 'write goal-seek.json and goal-seek.csv (the values tried) here');
  return outputOptions(cmd, { json: 'the value found', lang: 'names' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim goal-seek plan --lever approval_reduction_rate --indicator administration.approval-items --target 80\n' +
        '  hzsim goal-seek plan --lever hukou_conv_rate_migrant --indicator urbanisation.hukou-gap --target 15 --probability 0.8 --runs 500 --write faster.yaml\n',
    )
    .action(async (file: string, opts: GoalSeekCliOptions) => {
      const checks = new OptionChecks();
      checks.attempt(() => checkOut(io.cwd, opts.out));
      const { seed, threads, runs: runsFlag } = seedAndThreads(opts, checks);
      const target = checks.number('--target', opts.target, 'a number in the indicator’s unit, e.g. 80');
      const year = checks.year('--year', opts.year) ?? DEFAULT_UNTIL;
      const from = checks.year('--from', opts.from);
      if (from !== undefined && from > year) checks.fail('--from', `got ${from} — expected a year no later than the target year ${year}`);
      const mode = checks.choice('--mode', opts.mode, ['set', 'scale'] as const, 'set');
      const comparatorFlag = opts.comparator === undefined ? undefined : checks.choice('--comparator', opts.comparator, ['>=', '<='] as const, '>=');
      const probability = checks.number('--probability', opts.probability, 'a probability in (0, 1], e.g. 0.8', (p) => p > 0 && p <= 1);
      if (opts.runs !== undefined && probability === undefined) checks.fail('--runs', 'applies only with --probability');
      const lang = checks.lang(opts.lang);

      const until = Math.max(DEFAULT_UNTIL, year);
      const loaded = loadOne(file, io, until, checks);
      const m = machinery();
      const compiled = m.cache.get({ until });
      const lever = opts.lever ?? '';
      const indicator = opts.indicator ?? '';
      selectionProblems(m.context, compiled.outputIds, compiled.years, { levers: [lever], outputs: [{ id: indicator, year }] }, {
        file: '<cli>',
        levers: '--lever',
        output: () => '--indicator',
        year: () => '--year',
      }).forEach((p) => checks.fail(p.path, p.message));
      checks.done();
      const scenario = loaded as NonNullable<typeof loaded>;

      const runs = probability === undefined ? null : (runsFlag ?? scenario.montecarlo?.runs ?? 1000);
      const comparator = comparatorFlag ?? defaultComparator(indicator);
      const runner = runs === null ? null : runnerFor(m, threads, runs);
      let goal: LeverGoal;
      let result: GoalSeekResult;
      const quiet = opts.quiet === true;
      const bar = await progressBar(io, quiet, `goal-seek ${scenario.id}`, 'candidates');
      try {
        goal = leverGoal(scenario, {
          context: m.context,
          cache: m.cache,
          ...(runner ? { runner } : {}),
          lever,
          output: { id: indicator, year },
          mode,
          comparator,
          ...(from === undefined ? {} : { from }),
          ...(runs === null ? {} : { runs, seed: seed ?? scenario.montecarlo?.seed ?? 2011 }),
        });
        result = await goalSeek(goal, {
          target: target ?? NaN,
          comparator,
          ...(probability === undefined ? {} : { probability }),
          onEvaluation: (n) => bar.update(n, Math.max(n, 40)),
        });
      } catch (err) {
        // leverGoal reports option problems with option names; show them as the flags the user typed.
        if (err instanceof InputError) throw new InputError(err.problems.map((p) => ({ ...p, file: '<cli>', path: `--${p.path}` })));
        throw err;
      } finally {
        bar.stop();
        await runner?.terminate();
      }

      const json = {
        command: 'goal-seek',
        scenario: { id: scenario.id, file: scenario.file },
        lever,
        indicator,
        year,
        mode,
        from: from ?? null,
        runs,
        seed: goal.seed,
        result,
        leverValue: goal.valueFor(result.value),
      };
      let written: string | null = null;
      if (opts.write !== undefined && result.status === 'found') {
        const overrides = goal.overridesFor(result.value);
        const meaning = mode === 'scale' ? `${formatNumber(result.value)} × the ${scenario.id} value` : formatNumber(result.value);
        const meaningZh = mode === 'scale' ? `${scenario.id} 取值的 ${formatNumber(result.value)} 倍` : formatNumber(result.value);
        written = writeDerivedScenario(
          io,
          opts.write,
          scenario,
          {
            title: { zh: `${scenario.title.zh}（目标求解：${lever}）`, en: `${scenario.title.en} (goal seek: ${lever})` },
            description: {
              zh: `${lever} 取 ${meaningZh}${from === undefined ? '' : `（自${from}年起）`}，使 ${indicator} 在${year}年达到 ${formatNumber(target ?? NaN)}${probability === undefined ? '' : `（概率 ${probability}）`}。`,
              en: `${lever} at ${meaning}${from === undefined ? '' : ` from ${from}`} brings ${indicator} to ${formatNumber(target ?? NaN)} in ${year}${probability === undefined ? '' : ` with probability ${probability}`}.`,
            },
            parameters: overrides.parameters,
            uncertainty: overrides.uncertainty,
            comment: [
              `Written by hzsim goal-seek from ${scenario.id}: ${lever} = ${meaning}${from === undefined ? '' : ` from ${from}`}`,
              `so that ${indicator} ${comparator} ${formatNumber(target ?? NaN)} in ${year}${probability === undefined ? '' : `, P = ${probability} over ${runs} runs (seed ${goal.seed})`}.`,
              ...(Object.keys(overrides.uncertainty).length > 0 ? [`${lever} is drawn in ${scenario.id}: pinned here to the value found.`] : []),
            ],
          },
          until,
        );
      }
      if (opts.json) printJson(io, { ...json, written });
      else io.stdout(goalSeekText(result, { lever, indicator, year, mode, from, runs, seed: goal.seed, lang, name: findIndicator(indicator)?.name[lang] ?? indicator }));
      if (opts.write !== undefined && result.status !== 'found') io.stderr(`hzsim: nothing written to ${opts.write}: no value of ${lever} reaches the target\n`);
      else if (written !== null) status(io, { quiet }, `wrote ${written}`);
      if (opts.out === undefined) return;
      const tried: CsvField[][] = result.tried.map((p) => [lever, p.value, p.achieved, 'tried']);
      tried.push([lever, result.value, result.achieved, result.status === 'found' ? 'found' : 'best-reachable']);
      const files = new Map<string, string>([
        ['goal-seek.json', jsonText({ ...json, written })],
        ['goal-seek.csv', toCsv(GOAL_SEEK_CSV_HEADER, tried)],
      ]);
      const out = await writeOut(io.cwd, opts.out, files);
      status(io, { quiet }, `wrote ${out.length} files to ${opts.out}`);
    });
}

const show = (v: number): string => formatNumber(Number(v.toPrecision(8)));

export function goalSeekText(
  r: GoalSeekResult,
  c: { lever: string; indicator: string; year: number; mode: string; from: number | undefined; runs: number | null; seed: number | null; lang: 'zh' | 'en'; name: string },
): string {
  const setting = `${c.lever} ${c.mode === 'scale' ? '× ' : '= '}${show(r.value)}${c.from === undefined ? '' : ` from ${c.from}`}`;
  const goal = `${c.indicator} (${c.name}) ${r.comparator} ${show(r.target)} in ${c.year}`;
  const range = `searched ${c.mode === 'scale' ? 'factors' : 'values'} ${show(r.min)}–${show(r.max)}, ${r.evaluations} ${c.runs === null ? 'runs' : `candidates × ${c.runs} runs (seed ${c.seed})`}`;
  if (r.probability === null) {
    return r.status === 'found'
      ? `${setting} brings ${c.indicator} to ${show(r.achieved)} in ${c.year} (target ${show(r.target)}).\n${range}\n`
      : `No value of ${c.lever} in its range reaches ${goal}.\nBest reachable: ${setting} gives ${show(r.achieved)}.\n${range}\n`;
  }
  const p = (x: number): string => `${formatNumber(Math.round(x * 1000) / 10)} %`;
  return r.status === 'found'
    ? `${setting}: P(${goal}) = ${p(r.achieved)} (asked ${p(r.probability)}).\n${range}\n`
    : `No value of ${c.lever} in its range gives P(${goal}) = ${p(r.probability)}.\nBest reachable: ${setting} gives ${p(r.achieved)}.\n${range}\n`;
}
