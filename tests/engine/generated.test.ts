/**
 * The generated code: golden copies of it for small models (a change to code generation shows up
 * as a reviewed diff of tests/engine/__golden__/, updated with `npx vitest run -u`), bit-for-bit
 * agreement with the model written out flat (flat.ts), splitting that changes no bit, and stack
 * traces that name the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatModelFunction } from '../../src/engine/flat.js';
import { compileModel, FUNCTION_NAMES, generatedSourceOf, type ModelSpec, type SimOptions } from '../../src/engine/index.js';
import { instantiate } from '../../src/engine/runtime.js';
import { hangzhouModel } from '../../src/models/index.js';
import { syntheticModel } from '../../scripts/bench/synthetic.js';
import { compiled, leverDraws } from '../models/helpers.js';
import { aux, flow, input, lever, spec, stock } from './helpers.js';

const sir: ModelSpec = {
  ...spec(
    [
      stock('susceptible', 'person', 'population - 1', [], ['infection']),
      stock('infected', 'person', '1', ['infection'], ['recovery']),
      stock('recovered', 'person', '0', ['recovery']),
      flow('infection', 'person/year', 'contact_rate * susceptible * infected / population'),
      flow('recovery', 'person/year', 'infected / duration'),
      aux('total', 'person', 'susceptible + infected + recovered'),
      input('population', 'person'),
      input('contact_rate', '1/year'),
      input('duration', 'year'),
    ],
    ['infected', 'total', { id: 'recovered.per-year', variable: 'recovered', kind: 'series', report: 'annual-increase' }],
  ),
  name: 'sir',
};
const sirLevers = [lever('population', 1000, 'person'), lever('contact_rate', { 2011: 4, 2013: 2 }, '1/year'), lever('duration', 0.5, 'year')];

/** Every function of the language once, with `time`, `dt` and `start`. */
const everyFunction: ModelSpec = {
  ...spec(
    [
      stock('level', '1', 'x', ['growth']),
      flow('growth', '1/year', 'clamp(x * level, 0, 5) * 0.01 / dt + step(0.1, 2012) + ramp(0.01, 2011, 2014) / (time - start + 1)'),
      aux('shape', '1', 'min(x, level) + max(x) + abs(-x) + exp(x / 10) + log(level + 1) + sqrt(level) + floor(x) + ceil(x) + round(x) + clamp(x, 0, 1)'),
      input('x', '1'),
    ],
    ['level', 'shape'],
  ),
  name: 'every-function',
};

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('golden generated code', () => {
  it('SIR, Euler: run and trace modules', async () => {
    await expect(generatedSourceOf(sir)).toMatchFileSnapshot('__golden__/sir.run.js');
    await expect(generatedSourceOf(sir, {}, { kind: 'trace' })).toMatchFileSnapshot('__golden__/sir.trace.js');
  });

  it('every function of the language, RK4', async () => {
    const equations = everyFunction.subsystems.flatMap((s) => s.vars.map((v) => ('equation' in v ? v.equation : '')));
    for (const name of FUNCTION_NAMES) expect(equations.join(' ')).toContain(`${name}(`);
    await expect(generatedSourceOf(everyFunction, { method: 'rk4', dt: 1 / 4 })).toMatchFileSnapshot('__golden__/every-function.rk4.run.js');
  });

  it('a model split into parts (small budget)', async () => {
    const source = generatedSourceOf(sir, { dt: 1 / 4 }, { functionBudget: 60 });
    expect(source).toContain('function step_equations_1(time, cy)');
    await expect(source).toMatchFileSnapshot('__golden__/sir.split.run.js');
  });
});

describe('generated code computes exactly what the equations say', () => {
  it('equals the flat form bit for bit on the Hangzhou model, for levers drawn within their ranges', () => {
    const m = compiled();
    const flat = flatModelFunction(hangzhouModel);
    const out = new Float64Array(m.layout.size);
    fc.assert(
      fc.property(leverDraws, (draw) => {
        flat.run(m.leverTable(draw), out);
        return sameBits(m.run(draw), out);
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ['euler', {}],
    ['rk4', { method: 'rk4' }],
  ] as const)('splitting a 300-stock model into many small functions changes no bit (%s)', (_, options: SimOptions) => {
    const { spec: ring, inputs } = syntheticModel(300);
    const m = compileModel(ring as ModelSpec, inputs, options);
    const whole = generatedSourceOf(ring as ModelSpec, options, { functionBudget: 1e9 });
    const parts = generatedSourceOf(ring as ModelSpec, options, { functionBudget: 500 });
    expect(whole).not.toMatch(/_1\(/);
    expect(parts).toMatch(/_40\(/);
    const T = m.leverTable({ rate: 0.05 });
    const a = new Float64Array(m.layout.size);
    const b = new Float64Array(m.layout.size);
    instantiate(whole).run(T, a);
    instantiate(parts).run(T, b);
    expect(sameBits(a, b)).toBe(true);
    expect(sameBits(m.run({ rate: 0.05 }), a)).toBe(true);
    if (options.method !== 'rk4') {
      flatModelFunction(ring as ModelSpec).run(T, b);
      expect(sameBits(a, b)).toBe(true);
    }
  });

  it('trace and run agree at year ends on a split model', () => {
    const { spec: ring, inputs } = syntheticModel(300);
    const m = compileModel(ring as ModelSpec, inputs);
    const trace = m.trace();
    const outputs = m.simulate();
    const perYear = 12;
    for (const year of m.years) {
      const k = (year - m.years[0]!) * perYear;
      expect(trace.values.s150?.[k]).toBe(outputs.at('stock.150', year));
      expect(trace.values.a150?.[k]).toBe(outputs.at('level.150', year));
    }
  });
});

describe('stack traces point at the model', () => {
  it('names the generated modules after the model, so a frame reads `at trace (sir.trace.js:…)`', () => {
    expect(generatedSourceOf(sir).trimEnd().endsWith('//# sourceURL=sir.run.js')).toBe(true);
    expect(generatedSourceOf({ ...sir, name: 'my model' })).toContain('//# sourceURL=my-model.run.js');
    // The trace calls back into the caller: an error there unwinds through the generated frames.
    const generated = instantiate(generatedSourceOf(sir, {}, { kind: 'trace' }));
    let stack = '';
    try {
      generated.trace?.(compileModel(sir, sirLevers).leverTable(), () => {
        throw new Error('recorder failed');
      });
    } catch (err) {
      stack = err instanceof Error ? (err.stack ?? '') : '';
    }
    expect(stack).toMatch(/at (Object\.)?trace \(sir\.trace\.js:\d+:\d+\)/);
  });
});
