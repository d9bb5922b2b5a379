/**
 * `hzsim sensitivity <scenario> --indicator ID[,ID…] [--year 2015] [--method oat|morris|sobol]
 * [--levers a,b,c | --domain D] [--samples N] [--seed S] [--threads N] [--top N] [--json]
 * [--out DIR] [--lang zh|en]`: which levers move an indicator most, around a scenario. OAT swings
 * each lever over its range alone (a tornado); Morris screens all levers (μ*, σ); Sobol splits the
 * output's variance (S1, ST with bootstrap intervals). With --out: sensitivity.csv,
 * sensitivity.json and one chart per indicator (SVG and PNG).
 */
import type { Command } from 'commander';
import type { TopLevelSpec } from 'vega-lite';
import { morris as morrisAnalysis, type MorrisResult } from '../../analysis/morris.js';
import { oat as oatAnalysis, type OatResult } from '../../analysis/oat.js';
import { scenarioModel, selectionProblems } from '../../analysis/model.js';
import { MAX_SOBOL_SAMPLES, sobol as sobolAnalysis, type SobolResult } from '../../analysis/sobol.js';
import { Domains, isDomain } from '../../catalog/types.js';
import type { Lang } from '../../charts/i18n.js';
import { DEFAULT_UNTIL } from '../../scenario/index.js';
import { type CsvField, formatNumber, toCsv } from '../../util/csv.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson, status } from '../kit.js';
import { renderTable } from '../table.js';
import { chartFiles, fileSafe, jsonText, loadOne, machinery, OptionChecks, progressBar, runnerFor, seedAndThreads } from './analysis-options.js';
import { checkOut, writeOut } from './run-options.js';

export const SENSITIVITY_METHODS = ['oat', 'morris', 'sobol'] as const;
type Method = (typeof SENSITIVITY_METHODS)[number];
type Result = OatResult | MorrisResult | SobolResult;

/** Morris trajectories and Sobol base samples when --samples is not given. */
export const DEFAULT_SAMPLES = { morris: 20, sobol: 1024 } as const;

export const SENSITIVITY_CSV_HEADERS = {
  oat: ['method', 'output', 'year', 'rank', 'lever', 'name_zh', 'name_en', 'reference', 'low_value', 'high_value', 'low_result', 'high_result', 'swing', 'base_result'],
  morris: ['method', 'output', 'year', 'rank', 'lever', 'name_zh', 'name_en', 'reference', 'mu_star', 'mu', 'sigma', 'effects'],
  sobol: ['method', 'output', 'year', 'rank', 'lever', 'name_zh', 'name_en', 'reference', 's1', 's1_low', 's1_high', 'st', 'st_low', 'st_high'],
} as const satisfies Record<Method, readonly string[]>;

interface SensitivityCliOptions {
  indicator?: string;
  year?: string;
  method?: string;
  levers?: string;
  domain?: string;
  samples?: string;
  seed?: string;
  threads?: string;
  top?: string;
  json?: boolean;
  out?: string;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('sensitivity')
    .argument('<scenario>', 'scenario file or bundled id the levers are varied around')
    .requiredOption('--indicator <ids>', 'indicator or model series id(s), comma-separated')
    .option('--year <year>', 'year the indicator is read in (default 2015)')
    .option('--method <method>', 'oat, morris or sobol (default oat)')
    .option('--levers <ids>', 'levers to vary, comma-separated (default: every lever the model reads)')
    .option('--domain <domain>', `only the levers of one domain: ${Object.keys(Domains).join(', ')}`)
    .option('--samples <n>', `Morris trajectories (default ${DEFAULT_SAMPLES.morris}) or Sobol base samples N (default ${DEFAULT_SAMPLES.sobol}; runs = N × (levers + 2))`)
    .option('--seed <s>', 'seed of the Morris design or the Sobol bootstrap (default 2011)')
    .option('--threads <n>', 'worker threads (default: the cores available for 20,000 runs or more, else 1; results are identical)')
    .option('--top <n>', 'levers shown in the table and charts (default 15)')
    .option('--out <dir>', 'write sensitivity.csv, sensitivity.json and the charts here');
  return outputOptions(cmd, { json: 'the ranking', lang: 'names and charts' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim sensitivity plan --indicator urbanisation.hukou-gap\n' +
        '  hzsim sensitivity plan --indicator urbanisation.hukou-gap,integration.level --method sobol --samples 512 --out out/sobol\n',
    )
    .action(async (file: string, opts: SensitivityCliOptions) => {
      const checks = new OptionChecks();
      checks.attempt(() => checkOut(io.cwd, opts.out));
      const { seed, threads } = seedAndThreads(opts, checks);
      const method = checks.choice('--method', opts.method, SENSITIVITY_METHODS, 'oat');
      const year = checks.year('--year', opts.year) ?? DEFAULT_UNTIL;
      const indicators = checks.list(opts.indicator) ?? [];
      if (indicators.length === 0) checks.fail('--indicator', 'is empty — expected one or more output ids, e.g. urbanisation.hukou-gap');
      const maxSamples = method === 'sobol' ? MAX_SOBOL_SAMPLES : 100_000;
      const samples = checks.integer('--samples', opts.samples, `a whole number from 2 to ${formatNumber(maxSamples)}`, (n) => n >= 2 && n <= maxSamples);
      if (method === 'oat' && (opts.method ?? 'oat') === 'oat' && opts.samples !== undefined) checks.fail('--samples', 'does not apply to --method oat (two runs per lever: its low and high end)');
      const top = checks.integer('--top', opts.top, 'a positive whole number, e.g. 10', (n) => n >= 1) ?? 15;
      const lang = checks.lang(opts.lang);
      if (opts.levers !== undefined && opts.domain !== undefined) checks.fail('--domain', 'cannot be combined with --levers — give one or the other');
      if (opts.domain !== undefined && !isDomain(opts.domain)) checks.fail('--domain', `unknown domain '${opts.domain}'${didYouMean(opts.domain, Object.keys(Domains))} — expected one of: ${Object.keys(Domains).join(', ')}`);
      const loaded = loadOne(file, io, Math.max(DEFAULT_UNTIL, year), checks);
      const outputs = indicators.map((id) => ({ id, year }));
      const m = machinery();
      const compiled = m.cache.get({ until: Math.max(DEFAULT_UNTIL, year) });
      const domainOk = opts.domain !== undefined && isDomain(opts.domain);
      const levers = opts.levers !== undefined ? (checks.list(opts.levers) ?? []) : domainOk ? compiled.paramIds.filter((id) => m.context.params.find((p) => p.id === id)?.domain === opts.domain) : undefined;
      const problems = selectionProblems(m.context, compiled.outputIds, compiled.years, { ...(levers ? { levers } : {}), outputs }, {
        file: '<cli>',
        levers: opts.levers !== undefined ? '--levers' : '--domain',
        output: () => '--indicator',
        year: () => '--year',
      });
      problems.forEach((p) => checks.fail(p.path, p.message));
      checks.done();
      const scenario = loaded as NonNullable<typeof loaded>;

      const k = levers?.length ?? compiled.paramIds.length;
      const n = samples ?? (method === 'oat' ? 0 : DEFAULT_SAMPLES[method]);
      const runs = method === 'oat' ? 1 + 2 * k : method === 'morris' ? n * (k + 1) : n * (k + 2);
      const runner = runnerFor(m, threads, runs);
      const quiet = opts.quiet === true;
      const bar = await progressBar(io, quiet, `${method} ${scenario.id}`, 'runs');
      let result: Result;
      try {
        const model = scenarioModel(scenario, { context: m.context, cache: m.cache, runner, outputs, ...(levers ? { levers } : {}) });
        const onProgress = bar.update;
        result =
          method === 'oat'
            ? await oatAnalysis(model, { onProgress })
            : method === 'morris'
              ? await morrisAnalysis(model, { trajectories: n, seed: seed ?? 2011, onProgress })
              : await sobolAnalysis(model, { samples: n, seed: seed ?? 2011, onProgress });
      } finally {
        bar.stop();
        await runner.terminate();
      }

      const json = { command: 'sensitivity', scenario: { id: scenario.id, file: scenario.file }, method, year, runs: result.evaluations, result };
      if (opts.json) printJson(io, json);
      else io.stdout(sensitivityText(result, scenario.id, lang, top));
      if (opts.out === undefined) return;
      const files = new Map<string, string | Uint8Array>([
        ['sensitivity.csv', sensitivityCsv(result)],
        ['sensitivity.json', jsonText(json)],
      ]);
      const specs = [];
      for (const [i, o] of result.outputs.entries()) {
        specs.push({ name: `${method === 'oat' ? 'tornado' : method}-${fileSafe(o.output.id)}-${o.output.year}`, spec: await chartOf(result, i, lang, top, { id: scenario.id, title: scenario.title }) });
      }
      for (const [name, content] of await chartFiles(specs, lang)) files.set(name, content);
      const written = await writeOut(io.cwd, opts.out, files);
      status(io, { quiet }, `wrote ${written.length} files to ${opts.out}`);
    });
}

/** The chart of one output (builders load only for --out). */
async function chartOf(result: Result, output: number, lang: Lang, top: number, scenario: { id: string; title: { zh: string; en: string } }): Promise<TopLevelSpec> {
  if (result.method === 'oat') return (await import('../../charts/builders/tornado.js')).tornadoFromOat(result, { output, lang, top, runs: [{ scenario, mode: 'deterministic', runs: 1, seed: null }] });
  if (result.method === 'morris') return (await import('../../charts/builders/morris.js')).morris(result, { output, lang, top: Math.min(top, 12), scenario });
  return (await import('../../charts/builders/sobol.js')).sobol(result, { output, lang, top, scenario });
}

const num = (v: number | null | undefined, digits = 4): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : formatNumber(Number(v.toPrecision(digits))));

/** The ranking as text tables, one per output. */
export function sensitivityText(result: Result, scenario: string, lang: Lang, top: number): string {
  const name = (row: { input: string; label: { zh: string; en: string } | null }): string => row.label?.[lang] ?? row.input;
  const reference = new Map(result.inputs.map((i) => [i.id, i.reference]));
  return result.outputs
    .map((o) => {
      const head = `${o.output.id} ${o.output.year ?? ''} · ${scenario} · ${describe(result)}`;
      let rows: string[][];
      let header: string[];
      let shown: number;
      if (result.method === 'oat') {
        const out = o as OatResult['outputs'][number];
        header = ['#', 'lever', 'name', 'now', 'low → result', 'high → result', 'swing'];
        rows = out.swings.slice(0, top).map((s, i) => [String(i + 1), s.input, name(s), num(s.reference), `${num(s.low.value)} → ${num(s.low.result)}`, `${num(s.high.value)} → ${num(s.high.result)}`, num(s.swing)]);
        shown = out.swings.length;
        return `${head}; reference ${num(out.base)}\n${renderTable(header, rows, new Set([0, 3, 6]))}${more(shown, top)}`;
      }
      if (result.method === 'morris') {
        const out = o as MorrisResult['outputs'][number];
        header = ['#', 'lever', 'name', 'now', 'μ*', 'μ', 'σ'];
        rows = out.effects.slice(0, top).map((e, i) => [String(i + 1), e.input, name(e), num(reference.get(e.input)), num(e.muStar), num(e.mu), num(e.sigma)]);
        shown = out.effects.length;
      } else {
        const out = o as SobolResult['outputs'][number];
        const ci = (v: readonly [number, number] | null): string => (v ? `[${num(v[0], 2)}, ${num(v[1], 2)}]` : '');
        header = ['#', 'lever', 'name', 'now', 'S1', 'S1 95%', 'ST', 'ST 95%'];
        rows = out.indices.slice(0, top).map((s, i) => [String(i + 1), s.input, name(s), num(reference.get(s.input)), num(s.first, 3), ci(s.firstInterval), num(s.total, 3), ci(s.totalInterval)]);
        shown = out.indices.length;
      }
      return `${head}\n${renderTable(header, rows, new Set([0, 3, 4, 5, 6, 7]))}${more(shown, top)}`;
    })
    .join('\n');
}

const more = (count: number, top: number): string => (count > top ? `… ${count - top} more levers (all of them in --json and --out)\n` : '');

function describe(result: Result): string {
  if (result.method === 'oat') return `OAT, ${result.evaluations} runs`;
  if (result.method === 'morris') return `Morris, ${result.trajectories} trajectories × ${result.inputs.length + 1} = ${result.evaluations.toLocaleString('en')} runs, seed ${result.seed}`;
  return `Sobol, N = ${result.samples} × (${result.inputs.length} + 2) = ${result.evaluations.toLocaleString('en')} runs, bootstrap ${result.resamples} × seed ${result.seed}`;
}

/** One row per output × lever, ranked; the columns depend on the method (SENSITIVITY_CSV_HEADERS). */
export function sensitivityCsv(result: Result): string {
  const reference = new Map(result.inputs.map((i) => [i.id, i.reference ?? null]));
  const rows: CsvField[][] = [];
  for (const o of result.outputs) {
    const lead = (rank: number, row: { input: string; label: { zh: string; en: string } | null }): CsvField[] => [
      result.method,
      o.output.id,
      o.output.year ?? null,
      rank,
      row.input,
      row.label?.zh ?? '',
      row.label?.en ?? '',
      reference.get(row.input) ?? null,
    ];
    const n = (v: number | null | undefined): CsvField => (v === null || v === undefined || !Number.isFinite(v) ? null : v);
    if (result.method === 'oat') {
      const out = o as OatResult['outputs'][number];
      out.swings.forEach((s, i) => rows.push([...lead(i + 1, s), s.low.value, s.high.value, n(s.low.result), n(s.high.result), n(s.swing), n(out.base)]));
    } else if (result.method === 'morris') {
      (o as MorrisResult['outputs'][number]).effects.forEach((e, i) => rows.push([...lead(i + 1, e), n(e.muStar), n(e.mu), n(e.sigma), e.n]));
    } else {
      (o as SobolResult['outputs'][number]).indices.forEach((s, i) =>
        rows.push([...lead(i + 1, s), n(s.first), n(s.firstInterval?.[0]), n(s.firstInterval?.[1]), n(s.total), n(s.totalInterval?.[0]), n(s.totalInterval?.[1])]),
      );
    }
  }
  return toCsv(SENSITIVITY_CSV_HEADERS[result.method], rows);
}
