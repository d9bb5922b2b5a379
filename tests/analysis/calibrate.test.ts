/**
 * Calibration recovers the lever values synthetic observations were generated from: exactly
 * without noise, within the reported uncertainty with noise, and reports a bound hit when the
 * truth lies outside the lever's range. Runs on the runner's fixture model (fx.index =
 * 100·Π(1 − cut), fx.share = 50 + Σ push) through the scenario adapter, and on a plain function.
 */
import { describe, expect, it } from 'vitest';
import { calibrate, scenarioModel, type Observation } from '../../src/analysis/index.js';
import { analysisStream } from '../../src/analysis/evaluate.js';
import { fixtureContext, scenario } from '../runner/fixture.js';

const years = [2011, 2012, 2013];
/** Observations of the fixture model at cut, push, each multiplied by (1 + noise·u), u ~ U(−1, 1) seeded. */
function observe(cut: number, push: number, noise = 0, seed = 1): Observation[] {
  const random = analysisStream(seed, 'test-noise');
  return years.flatMap((year) => {
    const t = year - 2010;
    return [
      { id: 'fx.index', year, value: 100 * (1 - cut) ** t * (1 + noise * (2 * random() - 1)) },
      { id: 'fx.share', year, value: (50 + push * t) * (1 + noise * (2 * random() - 1)) },
    ];
  });
}
const fit = (observations: readonly Observation[]) =>
  calibrate(scenarioModel(scenario('s'), { levers: ['cut', 'push'], outputs: observations, context: fixtureContext }), { observations, seed: 3 });

describe('calibrate', () => {
  it('recovers the truth from noise-free observations to 1e−6, with zero residuals and no bound hit', async () => {
    const r = await fit(observe(0.05, 3));
    expect(r.fitted.map((f) => f.input)).toEqual(['cut', 'push']);
    expect(r.fitted[0]!.value).toBeCloseTo(0.05, 6);
    expect(r.fitted[1]!.value).toBeCloseTo(3, 6);
    expect(r.mape).toBeLessThan(1e-6);
    expect(r.boundHit).toBe(false);
    expect(r.starts).toHaveLength(4);
  });

  it('with 1 % noise: within 3 standard errors of the truth, and the standard error matches the spread over noise draws', async () => {
    const r = await fit(observe(0.05, 3, 0.01, 7));
    for (const [f, truth] of [[r.fitted[0]!, 0.05], [r.fitted[1]!, 3]] as const) {
      expect(f.standardError).toBeGreaterThan(0);
      expect(Math.abs(f.value - truth)).toBeLessThan(3 * f.standardError!);
      expect(f.interval).toEqual([f.value - 1.96 * f.standardError!, f.value + 1.96 * f.standardError!]);
    }
    // Residuals are fitted − observed, and MAPE is their mean absolute percentage.
    const row = r.residuals[0]!;
    expect(row.error).toBeCloseTo(row.fitted - row.observed, 12);
    expect(r.mape).toBeCloseTo(r.residuals.reduce((a, x) => a + Math.abs(x.percentError), 0) / r.residuals.length, 12);
    expect(r.byOutput.map((b) => [b.id, b.n])).toEqual([['fx.index', 3], ['fx.share', 3]]);

    // 60 noise draws, one start each: the fitted push scatters as the reported standard errors say (±30 %; over 300
    // draws the ratio is 0.98).
    const fits = [];
    for (let seed = 100; seed < 160; seed++) {
      const observations = observe(0.05, 3, 0.01, seed);
      fits.push(await calibrate(scenarioModel(scenario('s'), { levers: ['cut', 'push'], outputs: observations, context: fixtureContext }), { observations, starts: 1 }));
    }
    const push = fits.map((f) => f.fitted[1]!.value);
    const mean = push.reduce((a, v) => a + v, 0) / push.length;
    const spread = Math.sqrt(push.reduce((a, v) => a + (v - mean) ** 2, 0) / (push.length - 1));
    const reported = Math.sqrt(fits.reduce((a, f) => a + f.fitted[1]!.standardError! ** 2, 0) / fits.length);
    expect(spread / reported).toBeGreaterThan(0.7);
    expect(spread / reported).toBeLessThan(1.3);
    expect(Math.abs(mean - 3)).toBeLessThan(3 * spread / Math.sqrt(push.length));
  });

  it('reports a bound hit when the truth lies outside the range (cut 0.3 > max 0.2)', async () => {
    const r = await fit(observe(0.3, 3));
    expect(r.fitted[0]!.value).toBeCloseTo(0.2, 6);
    expect(r.fitted[0]!.atBound).toBe('max');
    expect(r.fitted[1]!.atBound).toBeNull();
    expect(r.boundHit).toBe(true);
  });

  it('fits a plain function with absolute residuals and weights, and refuses what it cannot fit', async () => {
    // y = a + b·t; the badly weighted point (weight 0) is ignored.
    const t = [0, 1, 2, 3, 4];
    const observations = t.map((ti) => ({ value: ti === 2 ? 1000 : 1 + 2 * ti, weight: ti === 2 ? 0 : 1 }));
    const line = (x: Float64Array) => Float64Array.from(t, (ti) => x[0]! + x[1]! * ti);
    const r = await calibrate(line, { inputs: [{ id: 'a', min: -10, max: 10 }, { id: 'b', min: -10, max: 10 }], observations, residual: 'absolute', starts: 2 });
    expect(r.fitted[0]!.value).toBeCloseTo(1, 6);
    expect(r.fitted[1]!.value).toBeCloseTo(2, 6);
    await expect(calibrate(line, { inputs: [{ id: 'y', min: 2011, max: 2020, integer: true }], observations })).rejects.toThrow(/integer inputs cannot be fitted/);
    await expect(calibrate(line, { inputs: [{ id: 'a', min: 0, max: 1 }], observations: [{ value: 0 }] })).rejects.toThrow(/relative residual is undefined/);
    await expect(calibrate(line, { inputs: [{ id: 'a', min: 0, max: 1 }], observations: [{ value: 1 }] })).rejects.toThrow('calibrate needs at least 2 observations, got 1');
  });
});
