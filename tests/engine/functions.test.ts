import { describe, expect, it } from 'vitest';
import { evaluate } from 'mathjs';
import { compileModel } from '../../src/engine/index.js';
import { aux, input, lever, spec } from './helpers.js';

/** Value of `equation` at t0 (2010), with x = 2.5 and y = −2.5 (levers). */
const at2010 = (equation: string, options = {}, unit = '1'): number => {
  const m = compileModel(spec([input('x', '1'), input('y', '1'), aux('e', unit, equation)], ['e']), [lever('x', 2.5), lever('y', -2.5)], options);
  return m.run()[0] as number;
};

describe('generated code agrees with mathjs on the shared functions', () => {
  it.each([
    'x + y * 2 - x / 4',
    'x ^ 2 - -y',
    '2 ^ -x',
    'min(x, y, 1)',
    'max(x, y, 1)',
    'abs(y)',
    'exp(x) + log(x) + sqrt(x)',
    'floor(y) + ceil(y) + floor(x) + ceil(x)',
    'round(x) + round(y) + round(1.4)',
    'x > y ? 10 : 20',
    '(x < y) + (x <= x) * 2 + (x >= y) * 4 + (x == x) * 8 + (x != y) * 16',
    '0 ? 1 : 2',
  ])('%s', (equation) => {
    const expected = evaluate(equation, { x: 2.5, y: -2.5 }) as unknown;
    const value = typeof expected === 'boolean' ? Number(expected) : (expected as number);
    expect(at2010(equation)).toBeCloseTo(value, 12);
  });
});

describe('engine functions', () => {
  it('round halves away from zero, clamp bounds', () => {
    expect(at2010('round(x)')).toBe(3);
    expect(at2010('round(y)')).toBe(-3);
    expect(at2010('clamp(x, 0, 1) + 10 * clamp(y, 0, 1) + 100 * clamp(0.5, 0, 1)')).toBe(51);
  });

  it('time, dt, step and ramp at t0 and at later reports', () => {
    expect(at2010('time', {}, 'year')).toBe(2010);
    expect(at2010('dt', { dt: 1 / 4 }, 'year')).toBe(0.25);
    expect(at2010('start', {}, 'year')).toBe(2010);
    expect(at2010('time - start', { start: 2008 }, 'year')).toBe(0);
    expect(at2010('step(5, 2010) + step(7, 2011)')).toBe(5);
    const m = compileModel(
      spec([aux('r', 'year', 'ramp(1, 2011, 2013) + 0 * time'), aux('s', '1', 'step(1, 2013)')], ['r', 's']),
      [],
    );
    const out = m.run();
    expect(Array.from(out.subarray(0, 6))).toEqual([0, 0, 1, 2, 2, 2]);
    expect(Array.from(out.subarray(6, 12))).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('the start symbol', () => {
  it('is the run\'s first year, so `time - start` counts years since the base', () => {
    const m = compileModel(spec([aux('since', 'year', 'time - start')], ['since']), [], { start: 2008, until: 2011, dt: 1 });
    expect(Array.from(m.run())).toEqual([0, 1, 2, 3]);
  });
  it('is reserved: a variable may not be called start', () => {
    expect(() => compileModel(spec([aux('start', '1', '1')], ['start']), [])).toThrow(/reserved/);
  });
});
