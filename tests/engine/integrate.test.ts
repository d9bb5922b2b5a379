import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileModel, type IntegrationMethod } from '../../src/engine/index.js';
import { aux, flow, input, lever, series, spec, stock } from './helpers.js';

/** dS/dt = −k·S, S(2010) = s0. */
const decay = spec(
  [stock('s', 'person', 's0', [], ['out_flow']), flow('out_flow', 'person/year', 'k * s'), input('k', '1/year'), input('s0', 'person')],
  ['s'],
);
const decayParams = (k: number, s0 = 1) => [lever('k', k, '1/year'), lever('s0', s0, 'person')];
const finalValue = (k: number, dt: number, method: IntegrationMethod): number => {
  const m = compileModel(decay, decayParams(k), { dt, method });
  return m.simulate().at('s', 2015);
};

describe('Euler', () => {
  it.each([
    [0.05, 1],
    [0.3, 1 / 4],
    [0.3, 1 / 12],
    [1.5, 1 / 12],
    [0.8, 1 / 52],
  ])('linear decay k=%s dt=%s equals S0·(1 − k·dt)^n at every year end', (k, dt) => {
    const s0 = 1234.5;
    const m = compileModel(decay, decayParams(k, s0), { dt });
    const got = series(m, m.run(), 's');
    const perYear = Math.round(1 / dt);
    got.forEach((value, y) => {
      const expected = s0 * Math.pow(1 - k * dt, y * perYear);
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * s0);
    });
  });
});

describe('RK4', () => {
  // Fourth order: error ∝ dt⁴, so halving dt divides it by ≈ 16 once k·dt is small (≤ 1/4 here;
  // at k·dt = 1/2 the ratio is still 17.8–19.8, see the table in the engine report).
  it.each([0.3, 0.5, 1, 2])('global error at 2015 shrinks 14–18× when dt halves (k=%s)', (k) => {
    const exact = Math.exp(-5 * k);
    for (const dt of [1 / 4, 1 / 8, 1 / 12, 1 / 16].filter((d) => k * d <= 0.25)) {
      const coarse = Math.abs(finalValue(k, dt, 'rk4') - exact);
      const fine = Math.abs(finalValue(k, dt / 2, 'rk4') - exact);
      const ratio = coarse / fine;
      expect(ratio).toBeGreaterThan(14);
      expect(ratio).toBeLessThan(18);
    }
  });

  it.each([0.02, 0.1, 0.3])('matches exp(−k·5) to 1e−8 at the monthly step (k=%s)', (k) => {
    expect(Math.abs(finalValue(k, 1 / 12, 'rk4') - Math.exp(-5 * k))).toBeLessThan(1e-8);
  });

  it('is more accurate than Euler at the same step', () => {
    const exact = Math.exp(-5);
    expect(Math.abs(finalValue(1, 1 / 12, 'rk4') - exact)).toBeLessThan(Math.abs(finalValue(1, 1 / 12, 'euler') - exact) / 1000);
  });
});

describe('two-stock transfer', () => {
  // Flows shared between stocks: `move` leaves a and enters b, `back` the reverse.
  const transfer = spec(
    [
      stock('a', 'person', 'a0', ['back'], ['move']),
      stock('b', 'person', 'b0', ['move'], ['back']),
      flow('move', 'person/year', 'r1 * a'),
      flow('back', 'person/year', 'r2 * b * (1 + 0.5 * step(1, 2012))'),
      input('r1', '1/year'),
      input('r2', '1/year'),
      input('a0', 'person'),
      input('b0', 'person'),
      aux('total', 'person', 'a + b'),
    ],
    ['a', 'b', 'total'],
  );
  const params = [lever('r1', 0.1, '1/year'), lever('r2', 0.05, '1/year'), lever('a0', 100, 'person'), lever('b0', 0, 'person')];

  it.each(['euler', 'rk4'] as const)('conserves a + b to 1e−12 at every traced step (%s)', (method) => {
    const m = compileModel(transfer, params, { method });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (r1, r2, a0, b0) => {
          const { values, times } = m.trace({ r1, r2, a0, b0 });
          const a = values.a as Float64Array;
          const b = values.b as Float64Array;
          const total0 = a0 + b0;
          expect(times.length).toBe(61);
          for (let k = 0; k < times.length; k++) {
            expect(Math.abs((a[k] as number) + (b[k] as number) - total0)).toBeLessThanOrEqual(1e-12 * Math.max(total0, 1));
          }
          // Something actually moved when a rate is positive and a stock is non-empty.
          if (r1 > 0.01 && a0 > 1) expect(b[60] as number).not.toBe(b0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('trace', () => {
  const m = compileModel(
    spec(
      [
        stock('c', 'person', '10', ['gain'], []),
        flow('gain', 'person/year', 'x * c / 100'),
        input('x', 'percent/year'),
        aux('share', 'percent/year', 'x * 2 + ramp(1, 2011, 2013)'),
      ],
      ['c', 'gain', 'share', { id: 'c_inc', variable: 'c', kind: 'series', report: 'annual-increase' }],
    ),
    [lever('x', { 2011: 3, 2013: 7, 2015: 1 }, 'percent/year', 'linear')],
  );

  it('equals run at every report time, including auxiliaries read with the year-end levers', () => {
    const out = m.run();
    const { times, values } = m.trace();
    const NY = m.years.length;
    expect(times.length).toBe(12 * (NY - 1) + 1);
    m.years.forEach((year, y) => {
      const k = 12 * y;
      expect(times[k]).toBeCloseTo(year, 9);
      for (const id of ['c', 'gain', 'share']) {
        expect(values[id]?.[k]).toBe(m.layout.view(out).at(id, year));
      }
    });
    // 2012 report reads the lever for 2012 (linear: 5 %); 2 × 5 + ramp 1 = 11.
    expect(values.share?.[24]).toBeCloseTo(11, 12);
    // Mid-2012 (t = 2012.5, a step of calendar 2013) reads 2013's 7 %: 14 + ramp(1, 2011, 2013) = 14 + 1.5.
    expect(values.share?.[30]).toBeCloseTo(15.5, 9);
  });
});
