import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSampler, gammaDraw, type Sampler } from '../../src/runner/distributions.js';
import { normalCdf, normalDensity } from '../../src/runner/normal.js';
import { streamFor, streamKey } from '../../src/runner/random.js';
import type { DistributionSpec } from '../../src/scenario/types.js';

const N = 20_000;

function moments(sampler: Sampler, seed = 1): { mean: number; variance: number; draws: Float64Array } {
  const random = streamFor(seed, 0);
  const draws = new Float64Array(N);
  for (let i = 0; i < N; i++) draws[i] = sampler(random);
  let mean = 0;
  for (const x of draws) mean += x / N;
  let ss = 0;
  for (const x of draws) ss += (x - mean) ** 2;
  return { mean, variance: ss / (N - 1), draws };
}

/** Tolerance for a sample mean over N draws: 5 standard errors. */
const meanTol = (variance: number): number => 5 * Math.sqrt(variance / N);

describe('streamFor', () => {
  it('derives the stream from (seed, run index) only, with a documented key', () => {
    expect(streamKey(2011, 7)).toBe('hzsim:2011:7');
    const a = streamFor(2011, 0);
    expect([a(), a(), a()]).toEqual([0.35521770540659675, 0.6511489896081827, 0.5042033499690989]);
    // Run 1 does not depend on whether run 0 was drawn first.
    expect(streamFor(2011, 1)()).toBe(0.48363468923012887);
  });
  it('rejects a negative or fractional seed', () => {
    expect(() => streamFor(-1, 0)).toThrow(/seed/);
    expect(() => streamFor(1.5, 0)).toThrow(/seed/);
  });
});

describe('fixed-seed draws (stream 7/3)', () => {
  const first3 = (spec: DistributionSpec): number[] => {
    const s = createSampler(spec);
    const r = streamFor(7, 3);
    return [s(r), s(r), s(r)];
  };
  it('uniform and triangular follow their inverse CDFs exactly', () => {
    const u = streamFor(7, 3)();
    expect(first3({ dist: 'uniform', min: 0, max: 10 })[0]).toBe(10 * u);
    // u = 0.9337… > (mode − min)/(max − min) = 0.2 → max − √((1 − u)(max − min)(max − mode)).
    expect(first3({ dist: 'triangular', min: 0, mode: 2, max: 10 })[0]).toBe(10 - Math.sqrt((1 - u) * 10 * 8));
    expect(first3({ dist: 'uniform', min: 0, max: 10 })).toEqual([9.337453949332934, 8.356766823672864, 0.508680070704758]);
  });
  it('normal, beta and discrete give pinned values', () => {
    expect(first3({ dist: 'normal', mean: 5, sd: 2, min: 0, max: 10 })).toEqual([7.927349299909004, 6.920281448934468, 1.8293441858436719]);
    expect(first3({ dist: 'beta', alpha: 2, beta: 5, min: 0, max: 1 })).toEqual([0.6959263733380024, 0.1676331498029361, 0.11667926223317118]);
    expect(first3({ dist: 'discrete', values: [1, 2, 3], weights: [1, 2, 1] })).toEqual([3, 3, 1]);
  });
  it('truncated normal: the first draw is Φ⁻¹ of the mapped uniform', () => {
    const u = streamFor(7, 3)();
    const [x] = first3({ dist: 'normal', mean: 5, sd: 2, min: 0, max: 10 });
    // Φ((x − 5)/2) = Φ(−2.5) + u·(Φ(2.5) − Φ(−2.5))
    expect(normalCdf(((x ?? NaN) - 5) / 2)).toBeCloseTo(normalCdf(-2.5) + u * (normalCdf(2.5) - normalCdf(-2.5)), 14);
  });
});

describe('moments over 20k draws (5 standard errors; variance within 5 %)', () => {
  it('uniform(2, 10): mean 6, variance 64/12', () => {
    const m = moments(createSampler({ dist: 'uniform', min: 2, max: 10 }));
    expect(Math.abs(m.mean - 6)).toBeLessThan(meanTol(64 / 12));
    expect(m.variance / (64 / 12)).toBeCloseTo(1, 1);
  });
  it('triangular(0, 2, 10): mean (a+b+c)/3 = 4, variance (a²+b²+c²−ab−ac−bc)/18 = 84/18', () => {
    const m = moments(createSampler({ dist: 'triangular', min: 0, mode: 2, max: 10 }));
    expect(Math.abs(m.mean - 4)).toBeLessThan(meanTol(84 / 18));
    expect(Math.abs(m.variance / (84 / 18) - 1)).toBeLessThan(0.05);
  });
  it('normal(5, 2) truncated to [4, 20]: mean μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α))', () => {
    const alpha = -0.5;
    const beta = 7.5;
    const z = normalCdf(beta) - normalCdf(alpha);
    const mean = 5 + (2 * (normalDensity(alpha) - normalDensity(beta))) / z;
    const variance = 4 * (1 + (alpha * normalDensity(alpha) - beta * normalDensity(beta)) / z - ((normalDensity(alpha) - normalDensity(beta)) / z) ** 2);
    const m = moments(createSampler({ dist: 'normal', mean: 5, sd: 2, min: 4, max: 20 }));
    expect(Math.abs(m.mean - mean)).toBeLessThan(meanTol(variance));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.05);
    expect(Math.min(...m.draws)).toBeGreaterThanOrEqual(4);
  });
  it('normal truncated by the lever range only', () => {
    const m = moments(createSampler({ dist: 'normal', mean: 0, sd: 1 }, { min: 0, max: 100 }));
    // Half-normal: mean √(2/π), variance 1 − 2/π.
    expect(Math.abs(m.mean - Math.sqrt(2 / Math.PI))).toBeLessThan(meanTol(1 - 2 / Math.PI));
    expect(Math.abs(m.variance / (1 - 2 / Math.PI) - 1)).toBeLessThan(0.05);
  });
  it('beta(2, 5) on [10, 20]: mean 10 + 10·α/(α+β), variance 100·αβ/((α+β)²(α+β+1))', () => {
    const m = moments(createSampler({ dist: 'beta', alpha: 2, beta: 5, min: 10, max: 20 }));
    const variance = (100 * 10) / (49 * 8);
    expect(Math.abs(m.mean - (10 + 20 / 7))).toBeLessThan(meanTol(variance));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.05);
  });
  it('beta(0.5, 0.5) (gamma shapes < 1): mean 1/2, variance 1/8', () => {
    const m = moments(createSampler({ dist: 'beta', alpha: 0.5, beta: 0.5, min: 0, max: 1 }));
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(meanTol(1 / 8));
    expect(Math.abs(m.variance / (1 / 8) - 1)).toBeLessThan(0.05);
  });
  it('gamma(3): mean 3, variance 3', () => {
    const m = moments((r) => gammaDraw(3, r));
    expect(Math.abs(m.mean - 3)).toBeLessThan(meanTol(3));
    expect(Math.abs(m.variance / 3 - 1)).toBeLessThan(0.05);
  });
  it('discrete with weights 1:2:1 gives frequencies 1/4, 1/2, 1/4', () => {
    const { draws } = moments(createSampler({ dist: 'discrete', values: [10, 20, 30], weights: [1, 2, 1] }));
    const share = (v: number): number => draws.filter((x) => x === v).length / N;
    const tol = 5 * Math.sqrt(0.25 / N);
    expect(Math.abs(share(10) - 0.25)).toBeLessThan(tol);
    expect(Math.abs(share(20) - 0.5)).toBeLessThan(tol);
    expect(Math.abs(share(30) - 0.25)).toBeLessThan(tol);
  });
});

describe('truncation and integer levers', () => {
  it('a normal draw always lies in [min, max] ∩ range, even far in the tails', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.nat(1000),
        (mean, sd, lo, width, rangeExtra, run) => {
          const spec: DistributionSpec = { dist: 'normal', mean, sd, min: lo, max: lo + width + rangeExtra };
          const bounds = { min: lo - 1, max: lo + width };
          const x = createSampler(spec, bounds)(streamFor(5, run));
          return Number.isFinite(x) && x >= lo && x <= lo + width;
        },
      ),
    );
  });
  it('clamps other families into the lever range and rounds integer levers', () => {
    fc.assert(
      fc.property(fc.nat(5000), (run) => {
        const year = createSampler({ dist: 'triangular', min: 2012, mode: 2014, max: 2018 }, { min: 2011, max: 2016, integer: true })(streamFor(9, run));
        const share = createSampler({ dist: 'uniform', min: 0, max: 10 }, { min: 2, max: 8 })(streamFor(9, run));
        return Number.isInteger(year) && year >= 2012 && year <= 2016 && share >= 2 && share <= 8;
      }),
    );
  });
  it('rejects malformed specs with a message naming the family', () => {
    expect(() => createSampler({ dist: 'triangular', min: 0, mode: 5, max: 4 })).toThrow(/triangular/);
    expect(() => createSampler({ dist: 'discrete', values: [] })).toThrow(/discrete/);
    expect(() => createSampler({ dist: 'normal', mean: 0, sd: 1, min: 5, max: 6 }, { min: 0, max: 1 })).toThrow(/empty/);
  });
});
