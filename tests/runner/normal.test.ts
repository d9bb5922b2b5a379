import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalQuantile, normalUpperTail } from '../../src/runner/normal.js';

// Reference values: 0.5·erfc(−x/√2) from CPython's math.erfc (glibc), printed with repr().
const reference: readonly [number, number][] = [
  [-10, 7.619853024160593e-24],
  [-8, 6.220960574271819e-16],
  [-5, 2.866515718791946e-7],
  [-3, 0.0013498980316300957],
  [-2, 0.02275013194817922],
  [-1.5, 0.06680720126885809],
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [2.5, 0.9937903346742238],
  [6, 0.9999999990134123],
];

describe('normalCdf', () => {
  it.each(reference)('Φ(%d) matches erfc to 1e-13 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) / p - 1)).toBeLessThan(1e-13);
  });
  it('keeps relative precision in the upper tail through Q', () => {
    expect(Math.abs(normalUpperTail(8) / 6.220960574271819e-16 - 1)).toBeLessThan(1e-13);
  });
  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => Math.abs(normalCdf(x) + normalCdf(-x) - 1) < 1e-15));
  });
});

describe('normalQuantile', () => {
  it('gives the textbook 97.5 % and 2.5 % points', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('inverts Φ: relative 1e-12 below the median, absolute 1e-15 above it, down to p = 1e-300', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        return p <= 0.5 ? Math.abs(normalCdf(x) / p - 1) < 1e-12 : Math.abs(normalUpperTail(x) - (1 - p)) < 1e-15;
      }),
    );
  });
  it('maps the ends to ±∞ and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
