/**
 * Engine figures: time per run of the compiled model against the flat reference generated from the
 * same model (flat.ts), for the Hangzhou model and synthetic rings of 100, 1,000 and 5,000 stocks;
 * compile times; `run(params)` against the prepared path; growth with steps and with model size.
 * `limitRatio` is the median over interleaved samples of engine / flat time per run (1 = as fast as
 * the model written out by hand).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { flatModelFunction } from '../../dist/engine/flat.js';
import { compileModel } from '../../dist/engine/index.js';
import type { CompiledModel, LeverDef, ModelSpec, SimOptions } from '../../dist/engine/types.js';
import { hangzhouModel } from '../../dist/models/index.js';
import { params } from '../../dist/params/index.js';
import { type BenchReport, median, pairedRatio } from './report.js';
import { syntheticModel } from './synthetic.js';

interface BenchModel {
  readonly key: 'hangzhou' | 'stocks100' | 'stocks1000' | 'stocks5000';
  readonly label: string;
  readonly spec: ModelSpec;
  readonly levers: readonly LeverDef[];
}

const compile = (m: BenchModel, options?: SimOptions): CompiledModel => compileModel(m.spec, m.levers, options);

function models(): BenchModel[] {
  const ring = (n: number, key: BenchModel['key']): BenchModel => {
    const { spec, inputs } = syntheticModel(n);
    return { key, label: `ring of ${n.toLocaleString('en')} stocks`, spec: spec as ModelSpec, levers: inputs };
  };
  return [
    { key: 'hangzhou', label: 'Hangzhou model', spec: hangzhouModel, levers: params },
    ring(100, 'stocks100'),
    ring(1000, 'stocks1000'),
    ring(5000, 'stocks5000'),
  ];
}

/*
 * A flat function of a large model exceeds V8's size limit for optimisation (61,440 bytes of
 * bytecode, about 350 stocks of the ring) and would run interpreted: a reference that slow would
 * flatter the engine. So the limit is raised while the reference warms up, until V8 reports it
 * optimised by TurboFan (about 20 s for 5,000 stocks on 2 cores), then set back to V8's default,
 * under which the engine is measured — as users run it.
 */
setFlagsFromString('--allow-natives-syntax');
const optimisationStatus = new Function('f', 'return %GetOptimizationStatus(f);') as (f: unknown) => number;
const TURBOFANNED = 1 << 6;
const V8_DEFAULT_MAX_OPTIMIZED_BYTECODE = 61_440;

function warmUntilOptimised(fn: unknown, run: () => void, label: string, timeoutMs = 180_000): void {
  setFlagsFromString('--max-optimized-bytecode-size=100000000');
  try {
    const t0 = performance.now();
    while ((optimisationStatus(fn) & TURBOFANNED) === 0) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`${label}: V8 did not optimise the flat reference within ${timeoutMs / 1000} s`);
      for (let i = 0; i < 10; i++) run();
    }
  } finally {
    setFlagsFromString(`--max-optimized-bytecode-size=${V8_DEFAULT_MAX_OPTIMIZED_BYTECODE}`);
  }
}

const variableCount = (spec: ModelSpec): number => spec.subsystems.reduce((n, s) => n + s.vars.length, 0);

/** Equal element by element (NaN equals NaN): the flat reference computes exactly what the engine does. */
function sameOutputs(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

export function engineFigures(report: BenchReport, { quick = false }: { quick?: boolean } = {}): void {
  const limitRatio: Record<string, number> = {};
  const compileMs: Record<string, number> = {};
  const perRunMs: Record<string, { engine: number; flat: number }> = {};
  report.line('engine / flat reference (the same model written out as one flat function), median of interleaved samples');
  for (const m of models()) {
    const compileTimes: number[] = [];
    let compiled: CompiledModel | null = null;
    for (let i = 0; i < (m.key === 'hangzhou' ? 5 : 3); i++) {
      const t0 = performance.now();
      compiled = compile(m);
      compileTimes.push(performance.now() - t0);
    }
    if (!compiled) throw new Error('no compile');
    compileMs[m.key] = median(compileTimes);
    const flat = flatModelFunction(m.spec);
    const table = compiled.leverTable();
    const prepared = compiled.prepare();
    const none = new Int32Array(0);
    const noValues = new Float64Array(0);
    const out = new Float64Array(compiled.layout.size);
    const flatOut = new Float64Array(compiled.layout.size);
    prepared.runWith(none, noValues, out);
    flat.run(table, flatOut);
    if (!sameOutputs(out, flatOut)) throw new Error(`${m.label}: the flat reference and the engine disagree; not timing`);
    warmUntilOptimised(flat.run, () => flat.run(table, flatOut), m.label);
    const { ratio, aMs, bMs } = pairedRatio(() => prepared.runWith(none, noValues, out), () => flat.run(table, flatOut), quick ? { pairs: 5 } : {});
    limitRatio[m.key] = ratio;
    perRunMs[m.key] = { engine: aMs, flat: bMs };
    report.record(null, `  ${m.label} (${variableCount(m.spec).toLocaleString('en')} variables): engine / flat`, ratio, '×', 2);
    report.record(null, `    per run: engine ${aMs.toPrecision(3)} ms, flat ${bMs.toPrecision(3)} ms; compile`, compileMs[m.key] ?? NaN, 'ms', 0);
  }
  report.data.limitRatio = limitRatio;
  report.data.compileMs = { hangzhou: compileMs.hangzhou, stocks5000: compileMs.stocks5000 };
  report.data.perRunMs = perRunMs;

  // run(params) rebuilds nothing it need not: against the prepared path with the same lever.
  const hz = compile(models()[0] as BenchModel);
  const prepared = hz.prepare();
  const lever = hz.paramIds.indexOf('hukou_conv_rate_migrant');
  const idx = Int32Array.of(lever);
  const vals = Float64Array.of(0.031);
  const out = new Float64Array(hz.layout.size);
  const given = { hukou_conv_rate_migrant: 0.031 };
  const runVsPrepared = pairedRatio(() => hz.run(given, out), () => prepared.runWith(idx, vals, out), { pairs: quick ? 5 : 9 });
  report.record('runParamsRatio', 'Hangzhou: run(params) / prepare().runWith (same lever)', runVsPrepared.ratio, '×', 2);

  // Linear in steps: dt 1/48 against 1/12 (4 = linear).
  const monthly = compile(models()[0] as BenchModel).prepare();
  const weekly = compile(models()[0] as BenchModel, { dt: 1 / 48 }).prepare();
  const o48 = new Float64Array(out.length);
  const steps = pairedRatio(() => weekly.runWith(new Int32Array(0), new Float64Array(0), o48), () => monthly.runWith(new Int32Array(0), new Float64Array(0), out), { pairs: 5 });
  report.record('stepsScaling', 'Hangzhou: time at dt 1/48 / time at dt 1/12 (4 = linear)', steps.ratio, '×', 2);

  // Linear in size: time per stock, 5,000 against 100 stocks (1 = linear).
  const per = (key: string, n: number): number => (perRunMs[key]?.engine ?? NaN) / n;
  report.record('sizeScaling', 'rings: time per stock at 5,000 / at 100 stocks (1 = linear)', per('stocks5000', 5000) / per('stocks100', 100), '×', 2);
}
