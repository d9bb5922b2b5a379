/**
 * Cross-check against an independent engine: SDEverywhere (the compiler behind En-ROADS) reads
 * the models hzsim exports and generates its own JavaScript; run at 16 steps a year (times exact
 * in binary: SDEverywhere accumulates time, which drifts off whole years at dt = 1/12), every
 * output must equal this engine's. Prints max |diff| per model and format; exit code 1 if any
 * output differs.
 *
 *   npx tsx scripts/sdeverywhere/cross-check.ts [--stocks 1000]
 *
 * Development tooling: SDEverywhere and its dependencies live in this folder's own package.json
 * (installed here on first use, never by the project's npm ci), with its CDN-only `xlsx`
 * dependency replaced by the registry's (see xlsx-shim).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileModel, type CompiledModel, type ModelSpec } from '../../src/engine/index.js';
import { exportModel, exportPlan, type Format } from '../../src/interchange/index.js';
import { hangzhouModel } from '../../src/models/index.js';
import { params } from '../../src/params/index.js';
import { featureModel, syntheticModel } from '../bench/synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const build = join(root, '.cache', 'sdeverywhere');

if (!existsSync(join(here, 'node_modules', '@sdeverywhere', 'compile'))) {
  console.log('installing SDEverywhere into scripts/sdeverywhere (development tooling) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}

interface SdeCompile {
  parseAndGenerate(input: string, kind: Format, spec: object, operations: string[], modelDir: string, name: string, buildDir: string): Promise<unknown>;
  resetState(): void;
}
interface SdeSeries {
  readonly points: readonly { readonly x: number; readonly y: number }[];
}
interface SdeRunner {
  createOutputs(): { getSeriesForVar(varId: string): SdeSeries | undefined; readonly varIds: readonly string[] };
  runModelSync(inputs: readonly unknown[], outputs: ReturnType<SdeRunner['createOutputs']>): ReturnType<SdeRunner['createOutputs']>;
}
interface SdeRuntime {
  createSynchronousModelRunner(generated: unknown): SdeRunner;
}
const load = async <T>(pkg: string, file: string): Promise<T> => (await import(pathToFileURL(join(here, 'node_modules', pkg, file)).href)) as T;
const sde = await load<SdeCompile>('@sdeverywhere/compile', 'src/index.js');
const runtime = await load<SdeRuntime>('@sdeverywhere/runtime', 'dist/index.js');

/** SDEverywhere's values of `names` at each whole year, from its generated JavaScript run by its own runner. */
async function runSde(text: string, format: Format, name: string, names: readonly string[]): Promise<Float64Array[]> {
  mkdirSync(build, { recursive: true });
  sde.resetState();
  // SDEverywhere warns about names with underscores while listing them (harmless): counted, not shown.
  const error = console.error;
  let warnings = 0;
  console.error = () => void warnings++;
  try {
    await sde.parseAndGenerate(text, format, { inputVarNames: [], outputVarNames: [...names] }, ['generateJS'], build, name, build);
  } finally {
    console.error = error;
  }
  if (warnings > 0) console.log(`  (SDEverywhere printed ${warnings} warnings while naming outputs)`);
  const module = (await import(`${pathToFileURL(join(build, `${name}.js`)).href}?${Date.now()}`)) as { default: () => Promise<{ outputVarIds: readonly string[] }> };
  const generated = await module.default();
  const runner = runtime.createSynchronousModelRunner(generated);
  const outputs = runner.runModelSync([], runner.createOutputs());
  // Whole years only (an XMILE model saves every step).
  return generated.outputVarIds.map((id) => Float64Array.from((outputs.getSeriesForVar(id)?.points ?? []).filter((p) => Number.isInteger(p.x)), (p) => p.y));
}

/** Largest |engine − SDEverywhere| over every output and year (NaN only where both are NaN). */
async function compare(label: string, compiled: CompiledModel & { spec: ModelSpec }, format: Format): Promise<number> {
  const text = exportModel(compiled, format);
  const plan = exportPlan({ spec: compiled.spec, levers: compiled.levers, options: compiled.options }, format);
  const reported = compiled.spec.outputs.map((o) => plan.copies.get(o.variable) ?? o.variable);
  const series = await runSde(text, format, `${compiled.spec.name ?? 'model'}-${format}`, [...new Set(reported)]);
  const byName = new Map([...new Set(reported)].map((n, i) => [n, series[i] as Float64Array]));
  const ours = compiled.simulate();
  let maxDiff = 0;
  let maxRel = 0;
  compiled.spec.outputs.forEach((o, i) => {
    const theirs = Float64Array.from(byName.get(reported[i] as string) ?? []);
    if (o.report === 'annual-increase') {
      for (let y = theirs.length - 1; y > 0; y--) theirs[y] = (theirs[y] as number) - (theirs[y - 1] as number);
      theirs[0] = NaN;
    }
    const mine = ours.series(o.id);
    mine.forEach((v, y) => {
      const w = theirs[y] as number;
      if (Number.isNaN(v) && Number.isNaN(w)) return;
      const d = Math.abs(v - w);
      maxDiff = Math.max(maxDiff, Number.isNaN(d) ? Infinity : d);
      if (v !== 0) maxRel = Math.max(maxRel, d / Math.abs(v));
    });
  });
  console.log(`${label.padEnd(34)} ${format.padEnd(7)} ${compiled.outputIds.length} outputs × ${compiled.years.length} years: max |diff| ${maxDiff}  (relative ${maxRel.toExponential(2)})`);
  return maxDiff;
}

const stocks = Number(process.argv[process.argv.indexOf('--stocks') + 1] ?? NaN);
const options = { dt: 1 / 16 };
type WithSpec = CompiledModel & { spec: ModelSpec };
const compile = (spec: ModelSpec, levers: Parameters<typeof compileModel>[1]): WithSpec => ({ ...compileModel(spec, levers, options), spec });
const ring = (n: number): WithSpec => {
  const { spec, inputs } = syntheticModel(n);
  return compile({ ...(spec as ModelSpec), name: `ring${n}` }, inputs);
};
const features = featureModel();
const models: [string, WithSpec][] = [
  ['every feature of the language', compile({ ...(features.spec as ModelSpec), name: 'features' }, features.inputs)],
  ['Hangzhou model', compile({ ...hangzhouModel, name: hangzhouModel.name ?? 'hangzhou' }, params)],
  ['ring of 100 stocks', ring(100)],
  ...(Number.isInteger(stocks) && stocks > 1 ? ([[`ring of ${stocks} stocks`, ring(stocks)]] as [string, WithSpec][]) : []),
];
let worst = 0;
const unread: string[] = [];
for (const [label, compiled] of models) {
  for (const format of ['vensim', 'xmile'] as const) {
    try {
      worst = Math.max(worst, await compare(label, compiled, format));
    } catch (err) {
      console.log(`${label.padEnd(34)} ${format.padEnd(7)} SDEverywhere failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      // Its Vensim reader is the reference: failing there is a failure; its XMILE reader is partial.
      if (format === 'vensim') worst = Infinity;
      else unread.push(`${label} (${format})`);
    }
  }
}
writeFileSync(join(build, 'result.json'), `${JSON.stringify({ maxAbsDiff: worst, unread }, null, 2)}\n`);
console.log(worst === 0 ? 'Every output SDEverywhere computed equals this engine’s: max |diff| 0.' : `outputs differ: max |diff| ${worst}`);
if (unread.length > 0) console.log(`SDEverywhere 0.7.28 could not read: ${unread.join(', ')}.`);
process.exitCode = worst === 0 ? 0 : 1;
