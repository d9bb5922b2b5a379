/**
 * `npm run bench`: performance measured on the built package (dist/: what `npx hzsim` and importers
 * run) under plain node — the script builds first and compiles this folder to .cache/bench/. Each
 * section adds its figures to one report, printed as a table and written to out/bench.json (hzsim
 * demo, which replaces out/ whole, recognises it). Never part of `npm test`.
 *
 *   npm run bench              all figures
 *   npm run bench -- --quick   fewer samples; skip the 100k-run Monte Carlo, the chart rendering, the
 *                              demo and the million-run memory figure
 *   npm run bench -- --engine  the engine figures only
 */
import { availableParallelism } from 'node:os';
import { PACKAGE_VERSION } from '../../dist/version.js';
import { analysisFigures } from './analysis.js';
import { cliFigures } from './cli.js';
import { engineFigures } from './engine.js';
import { BenchReport } from './report.js';
import { runnerFigures } from './runner.js';

const quick = process.argv.includes('--quick');
const engineOnly = process.argv.includes('--engine');
const report = new BenchReport({ version: PACKAGE_VERSION, node: process.version, cores: availableParallelism(), quick });

engineFigures(report, { quick });
if (!engineOnly) {
  await runnerFigures(report, { quick });
  // Start-up, demo and million-run memory (scripts/bench/cli.ts).
  const record = (key: string | null, label: string, value: number, unit: string, digits?: number): void => report.record(key, label, value, unit, digits);
  cliFigures(record, quick);
  // Analysis commands (scripts/bench/analysis.ts).
  await analysisFigures(record, quick);
}

report.print();
console.log(`wrote ${report.write()}`);
