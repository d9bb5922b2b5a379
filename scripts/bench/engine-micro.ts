/**
 * Engine micro-benchmark: 10,000 Monte Carlo runs of a synthetic 200-variable model
 * (50 stocks, 50 flows, 100 auxiliaries, plus 3 levers) at a monthly step over 2010–2015 on one
 * thread, against a hand-written loop doing the same arithmetic on a flat Float64Array.
 *
 *   npx tsx scripts/bench/engine-micro.ts [runs] [euler|rk4]   (the reference loop is always Euler)
 *
 * The reference reports only the 10 stock outputs (the engine also re-evaluates auxiliaries at
 * each year end, a few extra evaluations per year that the reference skips).
 * Prints the median of 5 timed repetitions (after warm-up) and the engine/reference ratio.
 */
import { performance } from 'node:perf_hooks';
import { compileModel, type ModelSpec, type VarDef } from '../../src/engine/index.js';
import type { ParamRecord } from '../../src/params/types.js';

const NS = 50; // stocks = flows
const NA = 100; // auxiliaries
const RUNS = Number(process.argv[2] ?? 10_000);
const METHOD = process.argv[3] === 'rk4' ? 'rk4' : 'euler';
const STEPS = 5 * 12;

/** Synthetic model: aux_i = 0.5·s_(i mod 50) + 0.25·aux_(i−1); flow_j = r·s_j + r2·aux_(2j), s_j → s_(j+1). */
function syntheticModel(): ModelSpec {
  const vars: VarDef[] = [];
  for (let j = 0; j < NS; j++) {
    vars.push({
      kind: 'stock', id: `s${j}`, unit: 'person', doc: '', initial: `s_init * ${1 + j / NS}`,
      inflows: [`f${(j + NS - 1) % NS}`], outflows: [`f${j}`],
    });
  }
  for (let i = 0; i < NA; i++) {
    const prev = i === 0 ? `s${NS - 1}` : `a${i - 1}`;
    vars.push({ kind: 'aux', id: `a${i}`, unit: 'person', doc: '', equation: `0.5 * s${i % NS} + 0.25 * ${prev}` });
  }
  for (let j = 0; j < NS; j++) {
    vars.push({ kind: 'flow', id: `f${j}`, unit: 'person/year', doc: '', equation: `r * s${j} + r2 * a${2 * j}` });
  }
  vars.push({ kind: 'input', id: 'r', unit: '1/year', doc: '', param: 'r' });
  vars.push({ kind: 'input', id: 'r2', unit: '1/year', doc: '', param: 'r2' });
  vars.push({ kind: 'input', id: 's_init', unit: 'person', doc: '', param: 's_init' });
  return {
    subsystems: [{ id: 'synthetic', name: { zh: '合成', en: 'Synthetic' }, doc: '', vars }],
    outputs: [...Array.from({ length: 10 }, (_, k) => ({ id: `s${k * 5}`, variable: `s${k * 5}`, kind: 'series' as const })),
      ...Array.from({ length: 10 }, (_, k) => ({ id: `a${k * 10}`, variable: `a${k * 10}`, kind: 'series' as const }))],
  };
}

const lever = (id: string, value: number, unit: string): ParamRecord => ({
  id, name: { zh: id, en: id }, unit, domain: 'reform', default: value, range: { min: 0, max: 1e9 }, source: null,
  provenance: { kind: 'assumption', reason: 'benchmark' }, description: { zh: id, en: id },
});

/** Same arithmetic, hand-written over one flat array (stocks, aux, flows), no lever table. */
function referenceRun(v: Float64Array, r: number, r2: number, sInit: number, out: Float64Array): void {
  const A = NS;
  const F = NS + NA;
  const dt = 1 / 12;
  for (let j = 0; j < NS; j++) v[j] = sInit * (1 + j / NS);
  for (let n = 0; n < STEPS; n++) {
    // Loops split so that no index needs a modulo: the tightest form of the same arithmetic.
    v[A] = 0.5 * v[0]! + 0.25 * v[NS - 1]!;
    for (let i = 1; i < NS; i++) v[A + i] = 0.5 * v[i]! + 0.25 * v[A + i - 1]!;
    for (let i = NS; i < NA; i++) v[A + i] = 0.5 * v[i - NS]! + 0.25 * v[A + i - 1]!;
    for (let j = 0; j < NS; j++) v[F + j] = r * v[j]! + r2 * v[A + 2 * j]!;
    v[0] = v[0]! + dt * (v[F + NS - 1]! - v[F]!);
    for (let j = 1; j < NS; j++) v[j] = v[j]! + dt * (v[F + j - 1]! - v[F + j]!);
    if ((n + 1) % 12 === 0) for (let k = 0; k < 10; k++) out[k * 6 + (n + 1) / 12] = v[k * 5]!;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(label: string, body: () => void): number {
  body(); // warm-up (JIT)
  const samples: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    body();
    samples.push(performance.now() - t0);
  }
  const m = median(samples);
  console.log(`${label}: median ${m.toFixed(1)} ms (samples ${samples.map((s) => s.toFixed(0)).join(', ')})`);
  return m;
}

const t0 = performance.now();
const model = compileModel(syntheticModel(), [lever('r', 0.02, '1/year'), lever('r2', 0.01, '1/year'), lever('s_init', 1000, 'person')], { method: METHOD });
console.log(`compile: ${(performance.now() - t0).toFixed(1)} ms; ${model.paramIds.length} levers, ${model.outputIds.length} outputs × ${model.years.length} years`);

const prepared = model.prepare();
const out = new Float64Array(model.outputIds.length * model.years.length);
const idx = Int32Array.of(0, 1, 2);
const vals = new Float64Array(3);
let checksum = 0;
const engineMs = time(`engine (${METHOD}) ${RUNS} runs`, () => {
  for (let k = 0; k < RUNS; k++) {
    vals[0] = 0.01 + (k % 97) * 1e-4;
    vals[1] = 0.005 + (k % 89) * 1e-4;
    vals[2] = 900 + (k % 13);
    prepared.runWith(idx, vals, out);
    checksum += out[5]!;
  }
});

const v = new Float64Array(NS + NA + NS);
const refOut = new Float64Array(10 * 6);
const refMs = time(`reference ${RUNS} runs`, () => {
  for (let k = 0; k < RUNS; k++) {
    referenceRun(v, 0.01 + (k % 97) * 1e-4, 0.005 + (k % 89) * 1e-4, 900 + (k % 13), refOut);
    checksum += refOut[5]!;
  }
});

// Same stock values from both (guards against measuring a loop that computes something else).
prepared.runWith(idx, Float64Array.of(0.02, 0.01, 1000), out);
referenceRun(v, 0.02, 0.01, 1000, refOut);
const maxRel = Math.max(...Array.from(refOut).map((x, i) => (i % 6 === 0 ? 0 : Math.abs(x - out[i]!) / Math.abs(x))));
const madds = RUNS * STEPS * (2 * NA + 2 * NS + NS);
console.log(`multiply-adds per sweep: ${madds.toExponential(2)}; engine vs reference max relative difference ${maxRel.toExponential(1)}`);
console.log(`ratio engine/reference: ${(engineMs / refMs).toFixed(2)}; checksum ${checksum.toFixed(3)}`);
