/**
 * `hzsim compare <scenario-file...> [--out DIR] [--until YEAR]`: runs each scenario
 * deterministically (central projections; Monte Carlo declarations are not used here) and shows
 * what differs from the first: the levers changed, then the largest differences in outputs.
 * With --out, writes compare.csv (every output × year difference).
 */
import type { Command } from 'commander';
import {
  CompiledModelCache, compareScenarios, createRunnerContext, largestDifferences, runScenario, type Comparison, type OutputInfo,
} from '../../runner/index.js';
import { loadScenarios } from '../../scenario/index.js';
import { type CsvField, formatNumber, toCsv } from '../../util/csv.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';
import { checkOut, parseNumbers, writeOut } from './run-options.js';

export const COMPARE_CSV_HEADER = ['scenario', 'baseline', 'output', 'name_zh', 'name_en', 'unit', 'year', 'statistic', 'value', 'baseline_value', 'difference'] as const;
const TOP = 12;

export function register(program: Command, io: CliIO): Command {
  return program
    .command('compare')
    .description('differences of scenarios against the first: levers changed, largest output differences · 情景比较')
    .argument('<files...>', 'scenario files; the first is the baseline')
    .option('--out <dir>', 'write compare.csv here')
    .option('--until <year>', 'last simulated year (default 2015)')
    .action(async (files: string[], opts: { out?: string; until?: string }) => {
      const flags = parseNumbers(opts);
      const scenarios = loadScenarios(files, { cwd: io.cwd, ...(flags.until === undefined ? {} : { until: flags.until }) });
      checkOut(io.cwd, opts.out);
      const context = createRunnerContext();
      const cache = new CompiledModelCache(context);
      const results = scenarios.map((s) => runScenario(s, { context, cache, ...(flags.until === undefined ? {} : { until: flags.until }) }));
      const comparison = compareScenarios(results, scenarios, context.params);
      io.stdout(formatComparison(comparison, context.describeOutput));
      if (opts.out !== undefined) {
        const written = await writeOut(io.cwd, opts.out, new Map([['compare.csv', compareCsv(comparison, context.describeOutput)]]));
        io.stdout(`wrote ${written.length} file to ${opts.out}\n`);
      }
    });
}

export function formatComparison(c: Comparison, describe: (id: string) => OutputInfo | undefined): string {
  const ids = c.scenarios.map((s) => s.id);
  const levers =
    c.levers.length === 0
      ? 'No lever differs between the scenarios.\n'
      : renderTable(['lever', ...ids], c.levers.map((l) => [l.param, ...l.values]));
  const top = largestDifferences(c, TOP);
  const diffs =
    top.length === 0
      ? 'No output differs.\n'
      : renderTable(
          ['scenario', 'output', 'year', c.baseline, 'value', 'difference', 'unit', 'name'],
          top.map((d) => [d.scenario, d.output, String(d.year), fmt(d.baselineValue), fmt(d.value), signed(d.difference), describe(d.output)?.unit ?? '', describe(d.output)?.name.zh ?? '']),
          new Set([3, 4, 5]),
        );
  return `What changed (levers; baseline ${c.baseline}):\n${levers}\nLargest differences (relative to ${c.baseline}):\n${diffs}`;
}

const fmt = (v: number): string => formatNumber(Number(v.toPrecision(5)));
const signed = (v: number): string => (v > 0 ? `+${fmt(v)}` : fmt(v));

export function compareCsv(c: Comparison, describe: (id: string) => OutputInfo | undefined): string {
  const rows: CsvField[][] = c.differences.map((d) => {
    const info = describe(d.output);
    return [d.scenario, d.baseline, d.output, info?.name.zh ?? '', info?.name.en ?? '', info?.unit ?? '', d.year, d.statistic, d.value, d.baselineValue, d.difference];
  });
  return toCsv(COMPARE_CSV_HEADER, rows);
}
