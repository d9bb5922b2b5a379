/**
 * Engine figures: time per run of the compiled model against the same model written out as one
 * flat function (src/engine/flat.ts), for the Hangzhou model and synthetic rings of 100, 1,000 and
 * 5,000 stocks; compile times; `run(params)` against the prepared path; growth with steps and with
 * model size. `limitRatio` is the median over interleaved samples of engine / flat time per run
 * (1 = as fast as the model written out by hand).
 *
 * The flat function of a large model exceeds V8's size limit for optimisation (61,440 bytes of
 * bytecode, about 350 stocks of the ring) and would run interpreted — a reference that slow would
 * flatter the engine. So the limit is raised while the reference warms up, until V8 reports it
 * optimised by TurboFan, and set back to V8's default before the engine is measured, as users run
 * it. At 5,000 stocks TurboFan needs about 12 GB to optimise the flat function, so that limit is
 * extrapolated: 5 × the flat time of the 1,000-stock ring, measured in the same process (flat time
 * per stock grows with size, so this is the stricter reference).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { flatModelFunction } from '../../dist/engine/flat.js';
import { compileModel } from '../../dist/engine/index.js';
import type { Generated } from '../../dist/engine/runtime.js';
import type { CompiledModel, LeverDef, ModelSpec, SimOptions } from '../../dist/engine/types.js';
import { hangzhouModel } from '../../dist/models/index.js';
import { params } from '../../dist/params/index.js';
import { type BenchReport, median, pairedRatio, timeCalls } from './report.js';
import { syntheticModel } from './synthetic.js';

type ModelKey = 'hangzhou' | 'stocks100' | 'stocks1000' | 'stocks5000';

interface BenchModel {
  readonly key: ModelKey;
  readonly label: string;
  readonly spec: ModelSpec;
  readonly levers: readonly LeverDef[];
  /** The flat reference: measured, or extrapolated from another model's (factor × its time). */
  readonly limit: 'measured' | { readonly from: ModelKey; readonly factor: number };
}

export function engineModels(): BenchModel[] {
  const ring = (n: number, key: ModelKey, limit: BenchModel['limit'] = 'measured'): BenchModel => {
    const { spec, inputs } = syntheticModel(n);
    return { key, label: `ring of ${n.toLocaleString('en')} stocks`, spec: { ...(spec as ModelSpec), name: key }, levers: inputs, limit };
  };
  return [
    { key: 'hangzhou', label: 'Hangzhou model', spec: hangzhouModel, levers: params, limit: 'measured' },
    ring(100, 'stocks100'),
    ring(1000, 'stocks1000'),
    ring(5000, 'stocks5000', { from: 'stocks1000', factor: 5 }),
  ];
}

setFlagsFromString('--allow-natives-syntax');
const optimisationStatus = new Function('f', 'return %GetOptimizationStatus(f);') as (f: unknown) => number;
const TURBOFANNED = 1 << 6;
const V8_DEFAULT_MAX_OPTIMIZED_BYTECODE = 61_440;

/**
 * Runs `run` until V8 has optimised every function of `fns` with TurboFan (on a busy machine the
 * compiler thread gets little time, and a large model has hundreds of functions). Steady state is
 * what a Monte Carlo of thousands of runs sees. Functions small enough to be inlined into their
 * caller (under ~2,000 characters of source) may never be optimised on their own and are not
 * waited for. Returns a note when the time ran out.
 */
function warmUntilOptimised(fns: readonly unknown[], run: () => void, label: string, { raiseLimit = false, timeoutMs = 180_000 } = {}): string | null {
  if (raiseLimit) setFlagsFromString('--max-optimized-bytecode-size=2000000');
  try {
    const t0 = performance.now();
    const waitFor = fns.filter((f) => typeof f === 'function' && f.toString().length > 2000);
    while (waitFor.some((f) => (optimisationStatus(f) & TURBOFANNED) === 0)) {
      if (performance.now() - t0 > timeoutMs) return `${label}: not all code optimised by V8 after ${timeoutMs / 1000} s`;
      const b0 = performance.now();
      do run();
      while (performance.now() - b0 < 50);
    }
    return null;
  } finally {
    if (raiseLimit) setFlagsFromString(`--max-optimized-bytecode-size=${V8_DEFAULT_MAX_OPTIMIZED_BYTECODE}`);
  }
}

/**
 * `fn(T, out)` as a function of its own: one created by an arrow in a loop would share its call
 * site (and V8's type feedback) across every model measured in this process, and the models would
 * slow each other down.
 */
const harness = (fn: (T: Float64Array, out: Float64Array) => void, T: Float64Array, out: Float64Array): (() => void) =>
  new Function('fn', 'T', 'out', 'return function run() { fn(T, out); };')(fn, T, out) as () => void;

/**
 * The compiled model's generated module instantiated here with its functions exposed (so the
 * benchmark can ask V8 about them), run with the model's lever table — what each Monte Carlo run
 * executes (runWith adds only restoring the levers it overrode).
 */
function exposed(compiled: CompiledModel): { run: () => void; hot: unknown[]; out: Float64Array } {
  const { source } = compiled.portable;
  const names = [...source.matchAll(/^function (\w+)\(/gm)].map((m) => m[1] as string);
  const body = source.replace(/^return \{ v, run(, trace)? \};$/m, `return { v, run, functions: { ${names.join(', ')} } };`);
  const generated = new Function(body)() as Generated & { functions: Record<string, unknown> };
  const out = new Float64Array(compiled.layout.size);
  return {
    run: harness(generated.run, compiled.leverTable(), out),
    hot: names.filter((n) => /^(step|evaluate)/.test(n)).map((n) => generated.functions[n]),
    out,
  };
}

/**
 * Runs `run` until its time per call stops improving (V8 optimises a large model's parts one by
 * one, which on a busy machine takes many seconds): three batches in a row no faster than the best.
 */
function warmUntilSteady(run: () => void, timeoutMs = 120_000): void {
  const t0 = performance.now();
  let best = Infinity;
  let calm = 0;
  while (calm < 3 && performance.now() - t0 < timeoutMs) {
    let calls = 0;
    const b0 = performance.now();
    do {
      run();
      calls++;
    } while (performance.now() - b0 < 200);
    const perCall = (performance.now() - b0) / calls;
    if (perCall < best * 0.97) {
      best = Math.min(best, perCall);
      calm = 0;
    } else calm++;
  }
}

const variableCount = (spec: ModelSpec): number => spec.subsystems.reduce((n, s) => n + s.vars.length, 0);

/** Equal element by element (NaN equals NaN): the flat reference computes exactly what the engine does. */
const sameOutputs = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export function engineFigures(report: BenchReport, { quick = false }: { quick?: boolean } = {}): void {
  const limitRatio: Partial<Record<ModelKey, number>> = {};
  const compileMs: Partial<Record<ModelKey, number>> = {};
  const compileCpuMs: Partial<Record<ModelKey, number>> = {};
  const perRunMs: Partial<Record<ModelKey, { engine: number; flat: number; flatBasis: string }>> = {};
  const notes: (string | null)[] = [];
  report.line('engine / flat (the same model written out as one flat function), median of interleaved samples:');
  const models = engineModels();
  for (const m of models) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let compiled: CompiledModel | null = null;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const c0 = cpuMs();
      compiled = compileModel(m.spec, m.levers);
      cpu.push(cpuMs() - c0);
      wall.push(performance.now() - t0);
    }
    if (!compiled) throw new Error('no compile');
    compileMs[m.key] = median(wall);
    compileCpuMs[m.key] = median(cpu);
    const { run: engineRun, hot, out } = exposed(compiled);
    let engineMs: number;
    let flatMs: number;
    let ratio: number;
    let basis: string;
    if (m.limit === 'measured') {
      const flat = flatModelFunction(m.spec);
      const table = compiled.leverTable();
      const flatOut = new Float64Array(compiled.layout.size);
      engineRun();
      flat.run(table, flatOut);
      if (!sameOutputs(out, flatOut)) throw new Error(`${m.label}: the flat reference and the engine disagree; not timing`);
      const flatRun = harness(flat.run, table, flatOut);
      notes.push(warmUntilOptimised([flat.run], flatRun, `${m.label} (flat)`, { raiseLimit: true }));
      notes.push(warmUntilOptimised(hot, engineRun, m.label, { timeoutMs: 90_000 }));
      warmUntilSteady(engineRun);
      const r = pairedRatio(engineRun, flatRun, quick ? { pairs: 5 } : {});
      [engineMs, flatMs, ratio, basis] = [r.aMs, r.bMs, r.ratio, 'measured'];
    } else {
      const from = perRunMs[m.limit.from];
      if (!from) throw new Error(`${m.label}: measure ${m.limit.from} first`);
      notes.push(warmUntilOptimised(hot, engineRun, m.label, { timeoutMs: 90_000 }));
      warmUntilSteady(engineRun);
      const samples: number[] = [];
      const calls = Math.max(1, Math.round(60 / timeCalls(engineRun, 1)));
      for (let i = 0; i < (quick ? 5 : 9); i++) samples.push(timeCalls(engineRun, calls) / calls);
      engineMs = median(samples);
      flatMs = from.flat * m.limit.factor;
      ratio = engineMs / flatMs;
      basis = `${m.limit.factor} × flat time of ${m.limit.from}`;
    }
    limitRatio[m.key] = ratio;
    perRunMs[m.key] = { engine: engineMs, flat: flatMs, flatBasis: basis };
    report.record(null, `  ${m.label} (${variableCount(m.spec).toLocaleString('en')} variables)`, ratio, '×', 2);
    report.line(
      `    per run: engine ${engineMs.toPrecision(3)} ms, flat ${flatMs.toPrecision(3)} ms${basis === 'measured' ? '' : ` (${basis})`}; ` +
        `compile ${(compileMs[m.key] ?? NaN).toFixed(0)} ms (CPU ${(compileCpuMs[m.key] ?? NaN).toFixed(0)} ms)`,
    );
  }
  report.data.limitRatio = limitRatio;
  report.data.compileMs = { hangzhou: compileMs.hangzhou, stocks5000: compileMs.stocks5000 };
  report.data.compileCpuMs = { hangzhou: compileCpuMs.hangzhou, stocks5000: compileCpuMs.stocks5000 };
  report.data.perRunMs = perRunMs;

  // run(params) rebuilds nothing it need not: against the prepared path with the same lever.
  const hangzhou = models[0] as BenchModel;
  const hz = compileModel(hangzhou.spec, hangzhou.levers);
  const prepared = hz.prepare();
  warmUntilSteady(() => hz.run({ hukou_conv_rate_migrant: 0.031 }));
  const idx = Int32Array.of(hz.paramIds.indexOf('hukou_conv_rate_migrant'));
  const vals = Float64Array.of(0.031);
  const out = new Float64Array(hz.layout.size);
  const given = { hukou_conv_rate_migrant: 0.031 };
  const runVsPrepared = pairedRatio(() => hz.run(given, out), () => prepared.runWith(idx, vals, out), { pairs: quick ? 5 : 9 });
  report.record('runParamsRatio', 'Hangzhou: run(params) / prepare().runWith (same lever)', runVsPrepared.ratio, '×', 2);

  // Linear in steps: dt 1/48 against 1/12 (4 = linear).
  const at = (options: SimOptions): (() => void) => {
    const { run, hot } = exposed(compileModel(hangzhou.spec, hangzhou.levers, options));
    notes.push(warmUntilOptimised(hot, run, `Hangzhou at ${JSON.stringify(options)}`));
    warmUntilSteady(run);
    return run;
  };
  const steps = pairedRatio(at({ dt: 1 / 48 }), at({ dt: 1 / 12 }), { pairs: 5 });
  report.record('stepsScaling', 'Hangzhou: time at dt 1/48 / time at dt 1/12 (4 = linear)', steps.ratio, '×', 2);

  // Linear in size: time per stock, 5,000 against 100 stocks (1 = linear).
  const per = (key: ModelKey, n: number): number => (perRunMs[key]?.engine ?? NaN) / n;
  for (const note of notes) if (note !== null) report.line(`note: ${note}`);
  report.data.engineNotes = notes.filter((n) => n !== null);
  report.record('sizeScaling', 'rings: engine time per stock at 5,000 / at 100 stocks (1 = linear)', per('stocks5000', 5000) / per('stocks100', 100), '×', 2);
}
