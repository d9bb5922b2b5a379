/**
 * Extreme but finite distribution parameters behave as their mathematics says: weights near the
 * largest or smallest double keep their proportions, shapes near 0 or 1e308 keep the beta's
 * limits, bounds near ±1e308 give finite draws inside them. Ordinary parameters give the very
 * same draws as before (the existing seeded tests pin those; the property below checks the
 * discrete sampler against the plain cumulative-sum algorithm).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { betaSampler, discreteSampler, triangularSampler, truncatedNormalSampler, uniformSampler, type Sampler } from '../../src/runner/distributions.js';
import { streamFor, type RandomSource } from '../../src/runner/random.js';

/** A random source returning the given uniforms in turn. */
const fixed = (...us: number[]): RandomSource => {
  let i = 0;
  return () => us[i++ % us.length] ?? 0;
};
const draws = (s: Sampler, n: number, seed = 5): number[] => {
  const random = streamFor(seed, 0);
  return Array.from({ length: n }, () => s(random));
};

describe('discrete weights', () => {
  test('weights of 1e308 (whose sum overflows) keep their proportions: known answers by inverse CDF', () => {
    // Proportions 1 : 1 : 2 (sum 2e308 overflows) → cumulative 0.25, 0.5, 1.
    const s = discreteSampler([10, 20, 30], [0.5e308, 0.5e308, 1e308]);
    expect([0.1, 0.26, 0.49, 0.51, 0.99].map((u) => s(fixed(u)))).toEqual([10, 20, 20, 30, 30]);
    const equal = discreteSampler([1, 2, 3], [1e308, 1e308, 1e308]);
    expect([0.2, 0.5, 0.9].map((u) => equal(fixed(u)))).toEqual([1, 2, 3]);
  });

  test('subnormal weights keep their proportions', () => {
    const s = discreteSampler([1, 2], [5e-324, 5e-324]);
    expect([0.1, 0.4, 0.6, 0.9].map((u) => s(fixed(u)))).toEqual([1, 1, 2, 2]);
  });

  test('property: scaling every weight by a power of two changes no draw; ordinary weights draw as the plain algorithm', () => {
    const plain = (values: readonly number[], weights: readonly number[]) => {
      const cumulative: number[] = [];
      let total = 0;
      for (const w of weights) cumulative.push((total += w));
      return (u: number): number => {
        const target = u * total;
        for (let i = 0; i < values.length - 1; i++) if (target < (cumulative[i] ?? 0)) return values[i] ?? NaN;
        return values[values.length - 1] ?? NaN;
      };
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: -980, max: 980 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (weights, exponent, us) => {
          const values = weights.map((_, i) => i);
          const reference = plain(values, weights);
          const ordinary = discreteSampler(values, weights);
          const scaled = discreteSampler(values, weights.map((w) => w * 2 ** exponent));
          for (const u of us) {
            expect(ordinary(fixed(u))).toBe(reference(u));
            expect(scaled(fixed(u))).toBe(reference(u));
          }
        },
      ),
    );
  });
});

describe('beta shapes at the ends of the doubles', () => {
  test('tiny shapes: mass at both ends, half each, never NaN', () => {
    const xs = draws(betaSampler(1e-300, 1e-300, 0, 1), 2000);
    expect(xs.every((x) => x === 0 || x === 1)).toBe(true);
    const ones = xs.filter((x) => x === 1).length / xs.length;
    expect(Math.abs(ones - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 2000));
  });

  test('huge equal shapes concentrate at the middle; a tiny shape against an ordinary one puts mass at the end', () => {
    expect(draws(betaSampler(1e308, 1e308, 2, 4), 50).every((x) => x === 3)).toBe(true);
    expect(draws(betaSampler(1e-300, 2, 0, 1), 50).every((x) => x === 0)).toBe(true);
  });
});

describe('bounds near ±1e308', () => {
  test.each([
    ['uniform', uniformSampler(-1.7e308, 1.7e308)],
    ['triangular', triangularSampler(-1.7e308, 1e308, 1.7e308)],
    ['beta', betaSampler(2, 3, -1.7e308, 1.7e308)],
    ['normal', truncatedNormalSampler(1e308, 1e308, -1.7e308, 1.7e308)],
  ])('%s draws are finite and inside the bounds', (_name, sampler) => {
    const xs = draws(sampler, 500);
    expect(xs.every((x) => Number.isFinite(x) && x >= -1.7e308 && x <= 1.7e308)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(400); // a distribution, not an end point
  });

  test('uniform on ±1.7e308 has mean ≈ 0 (5 standard errors)', () => {
    const xs = draws(uniformSampler(-1.7e308, 1.7e308), 2000);
    const mean = xs.reduce((a, x) => a + x / xs.length, 0);
    // sd of U(−a, a) is a/√3.
    expect(Math.abs(mean)).toBeLessThan((5 * (1.7e308 / Math.sqrt(3))) / Math.sqrt(2000));
  });

  test('normal with mean and bound both near 1e308 is standardised without overflow: N(1e308, 1e308) on [−1.7e308, 1.7e308]', () => {
    // Standardised bounds are (−2.7, 0.7); a quarter of the mass lies above the mean (Φ(0.7) − 0.5 = 0.258 of 0.7546).
    const xs = draws(truncatedNormalSampler(1e308, 1e308, -1.7e308, 1.7e308), 4000);
    const above = xs.filter((x) => x > 1e308).length / xs.length;
    expect(Math.abs(above - 0.258 / 0.7546)).toBeLessThan(0.04);
  });
});
