/**
 * `npm run bench`: performance measured on the built package (dist/: what `npx hzsim` and importers
 * run) under plain node — the script builds first and compiles this folder to .cache/bench/. Each
 * section adds its figures to one report, printed as a table and written to out/bench.json. Never
 * part of `npm test`.
 *
 *   npm run bench              all figures
 *   npm run bench -- --quick   fewer samples; skip the 100k-run Monte Carlo and the chart rendering
 *   npm run bench -- --engine  the engine figures only
 */
import { availableParallelism } from 'node:os';
import { PACKAGE_VERSION } from '../../dist/version.js';
import { engineFigures } from './engine.js';
import { BenchReport } from './report.js';
import { runnerFigures } from './runner.js';

const quick = process.argv.includes('--quick');
const engineOnly = process.argv.includes('--engine');
const report = new BenchReport({ version: PACKAGE_VERSION, node: process.version, cores: availableParallelism(), quick });

engineFigures(report, { quick });
if (!engineOnly) await runnerFigures(report, { quick });

report.print();
console.log(`wrote ${report.write()}`);
