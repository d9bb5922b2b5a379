import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel } from '../../src/engine/index.js';
import { aux, flow, input, lever, series, spec, stock } from './helpers.js';

/**
 * Worked example of the time convention. Lever x = {2011: 0, 2013: 10, 2015: 30} (person/year).
 * Reported for year Y (t = Y), x reads year Y; a step starting at t simulates calendar year
 * floor(t) + 1, so the stock `acc` (inflow x) gains x(Y) during calendar year Y.
 *   step:   x = 0, 0, 0, 10, 10, 30   → acc = 0, 0, 0, 10, 20, 50
 *   linear: x = 0, 0, 5, 10, 20, 30   → acc = 0, 0, 5, 15, 35, 65
 */
const model = spec(
  [
    input('x', 'person/year'),
    stock('acc', 'person', '0', ['gain']),
    flow('gain', 'person/year', 'x'),
    aux('x_seen', 'person/year', 'x'),
    aux('stepped', 'person/year', 'step(x_const, 2013)'),
    input('x_const', 'person/year'),
  ],
  ['x_seen', 'acc', { id: 'acc_increase', variable: 'acc', kind: 'series', report: 'annual-increase' }, 'stepped'],
);
const schedule = { 2011: 0, 2013: 10, 2015: 30 };
const compile = (interpolation: 'step' | 'linear', options = {}) =>
  compileModel(model, [lever('x', schedule, 'person/year', interpolation), lever('x_const', 4, 'person/year')], options);

describe('schedules by calendar year', () => {
  it('step: the value at the largest key ≤ year, the first value before the first key', () => {
    const m = compile('step');
    const out = m.run();
    const get = (id: string) => series(m, out, id);
    expect(m.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
    expect(get('x_seen')).toEqual([0, 0, 0, 10, 10, 30]);
    get('acc').forEach((v, i) => expect(v).toBeCloseTo([0, 0, 0, 10, 20, 50][i] as number, 10));
  });

  it('linear: interpolated between keys', () => {
    const m = compile('linear');
    const out = m.run();
    const get = (id: string) => series(m, out, id);
    expect(get('x_seen')).toEqual([0, 0, 5, 10, 20, 30]);
    get('acc').forEach((v, i) => expect(v).toBeCloseTo([0, 0, 5, 15, 35, 65][i] as number, 10));
  });

  it('a schedule given to run overrides the default; a constant holds every year', () => {
    const m = compile('step');
    const out = m.run({ x: { 2014: 7 } });
    expect(series(m, out, 'x_seen')).toEqual([7, 7, 7, 7, 7, 7]);
    expect(series(m, m.run({ x: 3 }), 'x_seen')).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('step(h, year) switches on in that calendar year, like a step schedule', () => {
    const m = compile('step');
    expect(series(m, m.run(), 'stepped')).toEqual([0, 0, 0, 4, 4, 4]);
  });
});

describe('reporting', () => {
  it("'annual-increase' reports value(Y) − value(Y−1), NaN in the start year", () => {
    const m = compile('step');
    const inc = series(m, m.run(), 'acc_increase');
    expect(inc[0]).toBeNaN();
    inc.slice(1).forEach((v, i) => expect(v).toBeCloseTo([0, 0, 10, 10, 30][i] as number, 10));
  });

  it('until 2020 gives 11 years, and the last schedule value holds after the last key', () => {
    const m = compile('linear', { until: 2020 });
    expect(m.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(m.options).toEqual({ start: 2010, until: 2020, dt: 1 / 12, method: 'euler' });
    const out = m.run();
    expect(out.length).toBe(11 * m.outputIds.length);
    expect(series(m, out, 'x_seen').slice(5)).toEqual([30, 30, 30, 30, 30, 30]);
    expect(series(m, out, 'acc')[10]).toBeCloseTo(65 + 5 * 30, 9);
  });
});

describe('prepare / runWith', () => {
  const mc = spec(
    [
      stock('a', 'person', 'a0', ['back'], ['move']),
      stock('b', 'person', '100', ['move'], ['back']),
      flow('move', 'person/year', 'r1 * a * (1 + step(boost, 2013))'),
      flow('back', 'person/year', 'r2 * b'),
      input('r1', '1/year'),
      input('r2', '1/year'),
      input('a0', 'person'),
      input('boost', '1'),
      aux('share_a', 'percent', '100 * a / (a + b)'),
    ],
    ['a', 'b', 'share_a', { id: 'b_inc', variable: 'b', kind: 'series', report: 'annual-increase' }],
  );
  const params = [
    lever('r1', { 2011: 0.1, 2013: 0.2 }, '1/year'),
    lever('r2', 0.05, '1/year', 'linear'),
    lever('a0', 500, 'person'),
    lever('boost', 0.5),
  ];

  it.each(['euler', 'rk4'] as const)('gives exactly the numbers of run with the same constants (%s)', (method) => {
    const m = compileModel(mc, params, { method });
    expect(m.paramIds).toEqual(['r1', 'r2', 'a0', 'boost']);
    const base = { r2: { 2012: 0.01, 2015: 0.09 } };
    const prepared = m.prepare(base);
    const out = new Float64Array(m.layout.size);
    const draw = fc.record({
      r1: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
      r2: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
      a0: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
      boost: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
    });
    // Sequences of draws: each call must restore the levers the previous call overrode.
    fc.assert(
      fc.property(fc.array(draw, { minLength: 1, maxLength: 4 }), (draws) => {
        for (const d of draws) {
          const given = Object.entries(d).filter((e): e is [string, number] => e[1] !== undefined);
          const idx = Int32Array.from(given.map(([id]) => m.paramIds.indexOf(id)));
          const values = Float64Array.from(given.map(([, v]) => v));
          const returned = prepared.runWith(idx, values, out);
          expect(returned).toBe(out);
          const expected = m.run({ ...base, ...Object.fromEntries(given) });
          expect(Array.from(out)).toEqual(Array.from(expected));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('refuses bad override vectors and short output buffers', () => {
    const m = compileModel(mc, params);
    const p = m.prepare();
    expect(() => p.runWith(Int32Array.of(0, 1), Float64Array.of(1))).toThrow(/overrideIdx has 2 entries/);
    expect(() => p.runWith(Int32Array.of(4), Float64Array.of(1))).toThrow(/overrideIdx\[0\] = 4 is not a lever index \(0…3\)/);
    expect(() => m.run({}, new Float64Array(3))).toThrow(/output buffer has length 3; needs at least 24/);
  });
});
