/**
 * `hzsim chart <kind> <scenario...> [--indicator ID] [--domain D] [--scenario ID] [--runs N]
 * [--seed S] [--until YEAR] [--format vl.json,svg,png,html] [--lang zh|en] [--size half|full]
 * [--out DIR] [--json] [--quiet]`: runs the scenarios and writes briefing charts, named
 * `<chart>.<lang>.<format>` so the Chinese and English versions sit side by side. Every option is
 * checked before anything runs; bad input writes nothing (exit 2). Two charts of one call never
 * share a file name.
 */
import type { Command } from 'commander';
import { catalog, indicatorsInDomain } from '../../catalog/index.js';
import { Domains, isDomain } from '../../catalog/types.js';
import {
  attainmentDashboard, coverage, fan, hukouChannels, type NamedSpec, parseFormats, quotaLedger, scenarioComparison,
  smallMultiples, standardChartSpecs,
} from '../../charts/index.js';
import { renderCharts } from '../../charts/standard.js';
import { isLang, type Lang } from '../../charts/i18n.js';
import { sizes, type SizeName } from '../../charts/theme.js';
import { InputError, type InputProblem } from '../../errors.js';
import { modelSeries } from '../../models/index.js';
import type { ScenarioResult } from '../../runner/index.js';
import { loadScenarios, type ResolvedScenario } from '../../scenario/index.js';
import { quote } from '../../util/quote.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';
import { langProblem, outputOptions, parseOutputOptions, printJson } from '../kit.js';
import { checkOut, parseNumbers, writeOut } from './run-options.js';
import { executeScenarios, runPlan } from '../execute.js';

export const ChartKinds = ['comparison', 'fan', 'attainment', 'quota-ledger', 'hukou-channels', 'coverage', 'small-multiples', 'standard'] as const;
export type ChartKind = (typeof ChartKinds)[number];
const isChartKind = (s: string): s is ChartKind => (ChartKinds as readonly string[]).includes(s);

interface ChartCliOptions {
  indicator?: string;
  domain?: string;
  scenario?: string;
  runs?: string;
  seed?: string;
  until?: string;
  format: string;
  lang: string;
  size: string;
  out: string;
  json?: boolean;
  quiet?: boolean;
}

const messages = {
  kind: (k: string) => `got ${quote(k)} — expected one of ${ChartKinds.join(', ')}${didYouMean(k, ChartKinds)}`,
  size: (s: string) => `got ${quote(s)} — expected one of ${Object.keys(sizes).join(', ')}`,
  needsIndicator: (k: string) => `the ${k} chart needs --indicator ID (an indicator id, e.g. urbanisation.rate, or a model series id)`,
  unknownId: (id: string, ids: readonly string[]) => `got ${quote(id)} — not an indicator or model series id${didYouMean(id, ids)}; see hzsim catalog`,
  domain: (d: string) => `got ${quote(d)} — expected one of ${Object.keys(Domains).join(', ')}${didYouMean(d, Object.keys(Domains))}`,
  smallMultiples: () => 'the small-multiples chart needs --domain D or --indicator ID1,ID2,…',
  unknownScenario: (id: string, known: readonly string[]) => `got ${quote(id)} — not among the scenarios given (${known.join(', ')})${didYouMean(id, known)}`,
  fanNeedsMonteCarlo: (ids: readonly string[]) =>
    `the fan chart needs Monte Carlo results, but ${ids.join(', ')} would run deterministically; add --runs N (N > 1) or a montecarlo block to the scenario`,
};

interface ParsedChartOptions {
  readonly kind: ChartKind;
  readonly lang: Lang;
  readonly size: SizeName;
  readonly formats: ReturnType<typeof parseFormats>;
  readonly indicators: readonly string[];
  readonly numbers: ReturnType<typeof parseNumbers>;
}

/** Checks every option at once (InputError listing all problems). */
export function parseChartOptions(kindArg: string, opts: ChartCliOptions): ParsedChartOptions {
  const problems: InputProblem[] = [];
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };
  const numbers = guard(() => parseNumbers(opts));
  const formats = guard(() => parseFormats(opts.format));
  if (!isChartKind(kindArg)) problems.push({ file: '<cli>', path: '<kind>', message: messages.kind(kindArg) });
  const lang = langProblem(opts.lang);
  if (lang) problems.push(lang);
  if (!Object.hasOwn(sizes, opts.size)) problems.push({ file: '<cli>', path: '--size', message: messages.size(opts.size) });
  const knownIds = [...catalog.map((i) => i.id), ...modelSeries.map((s) => s.id)];
  const indicators = [...new Set((opts.indicator ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  for (const id of indicators) if (!knownIds.includes(id)) problems.push({ file: '<cli>', path: '--indicator', message: messages.unknownId(id, knownIds) });
  if ((kindArg === 'comparison' || kindArg === 'fan') && indicators.length === 0) problems.push({ file: '<cli>', path: '--indicator', message: messages.needsIndicator(kindArg) });
  let panels = indicators;
  if (opts.domain !== undefined) {
    if (!isDomain(opts.domain)) problems.push({ file: '<cli>', path: '--domain', message: messages.domain(opts.domain) });
    else if (kindArg === 'small-multiples' && indicators.length === 0) panels = indicatorsInDomain(opts.domain).map((i) => i.id);
  }
  if (kindArg === 'small-multiples' && opts.domain === undefined && indicators.length === 0) problems.push({ file: '<cli>', path: '--domain', message: messages.smallMultiples() });
  if (problems.length > 0 || !numbers || !formats || !isChartKind(kindArg) || !isLang(opts.lang)) throw new InputError(problems);
  return { kind: kindArg, lang: opts.lang, size: opts.size as SizeName, formats, indicators: panels, numbers };
}

const slug = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** The specs one `hzsim chart` call draws. */
export function chartSpecs(kind: ChartKind, results: readonly ScenarioResult[], o: { lang: Lang; size: SizeName; indicators: readonly string[]; domain?: string }): NamedSpec[] {
  const common = { lang: o.lang, size: o.size };
  const perScenario = (name: string, build: (scenario: string) => NamedSpec['spec']): NamedSpec[] =>
    results.map((r) => ({ name: `${name}-${slug(r.scenario.id)}`, spec: build(r.scenario.id) }));
  switch (kind) {
    case 'comparison':
      return o.indicators.map((id) => ({ name: `comparison-${slug(id)}`, spec: scenarioComparison(results, { ...common, indicator: id }) }));
    case 'fan':
      return results.flatMap((r) => o.indicators.map((id) => ({ name: `fan-${slug(r.scenario.id)}-${slug(id)}`, spec: fan(results, { ...common, scenario: r.scenario.id, indicator: id }) })));
    case 'attainment':
      return [{ name: 'attainment', spec: attainmentDashboard(results, common) }];
    case 'quota-ledger':
      return perScenario('quota-ledger', (scenario) => quotaLedger(results, { ...common, scenario }));
    case 'hukou-channels':
      return perScenario('hukou-channels', (scenario) => hukouChannels(results, { ...common, scenario }));
    case 'coverage':
      return perScenario('coverage', (scenario) => coverage(results, { ...common, scenario }));
    case 'small-multiples': {
      const domain = o.domain !== undefined && isDomain(o.domain) ? o.domain : undefined;
      return [{ name: `small-multiples-${slug(domain ?? o.indicators.join('+'))}`, spec: smallMultiples(results, { ...common, indicators: o.indicators, ...(domain ? { domain } : {}) }) }];
    }
    case 'standard':
      return standardChartSpecs(results, { ...common, ...(o.indicators.length > 0 ? { indicators: o.indicators } : {}) }).specs;
  }
}

/**
 * File stems `<name>.<lang>`; a name two specs share would make one file overwrite the other, so
 * it is refused (a programming error: names come from validated, distinct ids).
 */
export function fileStems(specs: readonly NamedSpec[], lang: Lang): NamedSpec[] {
  const seen = new Set<string>();
  return specs.map(({ name, spec }) => {
    const stem = `${name}.${lang}`;
    if (seen.has(stem)) throw new Error(`two charts of one call would both be written as ${stem}.*`);
    seen.add(stem);
    return { name: stem, spec };
  });
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('chart')
    .argument('<kind>', ChartKinds.join(' | '))
    .argument('<scenarios...>', 'scenario files (.yaml, .yml or .json) or bundled ids')
    .option('--indicator <ids>', 'indicator or model-series id(s), comma-separated (comparison, fan, small-multiples)')
    .option('--domain <domain>', `small-multiples: every indicator of a domain (${Object.keys(Domains).join(', ')})`)
    .option('--scenario <id>', 'only this scenario, for per-scenario charts (fan, quota-ledger, hukou-channels, coverage)')
    .option('--runs <n>', 'Monte Carlo runs (> 1 switches Monte Carlo on; fan charts need it)')
    .option('--seed <s>', 'Monte Carlo seed, a non-negative integer')
    .option('--until <year>', 'last simulated year (default 2015)')
    .option('--format <list>', 'output formats, comma-separated: vl.json, svg, png, html', 'svg,png')
    .option('--size <size>', 'half (480×300, A4 half page) or full (680×360)', 'full')
    .option('--out <dir>', 'output folder', 'charts');
  return outputOptions(cmd, { json: 'the files written', lang: 'titles and labels (and the file names: <chart>.<lang>.<format>)' })
    .action(async (kindArg: string, files: string[], opts: ChartCliOptions) => {
      const o = parseChartOptions(kindArg, opts);
      const output = parseOutputOptions(opts);
      const { numbers } = o;
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(numbers.until === undefined ? {} : { until: numbers.until }) });
      checkOut(io.cwd, opts.out);
      let chosen: ResolvedScenario[] = scenarios;
      const perScenario = ['fan', 'quota-ledger', 'hukou-channels', 'coverage'].includes(o.kind);
      if (opts.scenario !== undefined) {
        const ids = scenarios.map((s) => s.id);
        if (!ids.includes(opts.scenario)) throw new InputError([{ file: '<cli>', path: '--scenario', message: messages.unknownScenario(opts.scenario, ids) }]);
        if (perScenario) chosen = scenarios.filter((s) => s.id === opts.scenario);
      }
      if (o.kind === 'fan') {
        const deterministic = chosen.filter((s) => runPlan(s, numbers).mode === 'deterministic').map((s) => s.id);
        if (deterministic.length > 0) throw new InputError([{ file: '<cli>', path: '--runs', message: messages.fanNeedsMonteCarlo(deterministic) }]);
      }
      const { results } = await executeScenarios(chosen, { ...numbers, quiet: output.quiet }, io);
      const specs = chartSpecs(o.kind, results, { lang: o.lang, size: o.size, indicators: o.indicators, ...(opts.domain === undefined ? {} : { domain: opts.domain }) });
      const written = await writeOut(io.cwd, opts.out, await renderCharts(fileStems(specs, o.lang), o.formats));
      if (output.json) printJson(io, { out: opts.out, lang: o.lang, files: written });
      else io.stdout(`wrote ${written.length} files to ${opts.out}:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
    });
}
