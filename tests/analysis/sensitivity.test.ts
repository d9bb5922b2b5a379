/**
 * Sensitivity methods on problems with known answers.
 * - OAT and Morris on a linear function y = Σ cᵢ xᵢ: every elementary effect is cᵢ × rangeᵢ, so
 *   μ* = |cᵢ| × rangeᵢ and σ = 0 exactly, and the ranking follows |cᵢ| × rangeᵢ.
 * - Sobol on the Ishigami function (a = 7, b = 0.1, xᵢ ~ U[−π, π]): S1 = (0.3139, 0.4424, 0),
 *   ST = (0.5576, 0.4424, 0.2437) (Ishigami & Homma 1990; Saltelli et al. 2008, §4.9), N = 8192.
 * - Sobol on Sobol's g-function with a = (0, 1, 4.5, 9, 99, 99, 99, 99), xᵢ ~ U[0, 1]: analytic
 *   indices from Vᵢ = 1 / (3(1 + aᵢ)²), computed below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { morris, morrisDesign, oat, sobol, sobolSequence, type Input } from '../../src/analysis/index.js';

const linearInputs: Input[] = [
  { id: 'a', min: 0, max: 1 },
  { id: 'b', min: -5, max: 5 },
  { id: 'c', min: 100, max: 101 },
  { id: 'd', min: 2011, max: 2020, integer: true },
];
const coefficients = [3, -0.2, 10, 0.5];
const linear = (x: Float64Array): number => coefficients.reduce((acc, c, i) => acc + c * (x[i] ?? NaN), 0);
const effectSize = linearInputs.map((input, i) => Math.abs(coefficients[i] ?? 0) * (input.max - input.min)); // 3, 2, 10, 4.5

const byId = <T extends { input: string }>(rows: readonly T[]): Record<string, T> => Object.fromEntries(rows.map((r) => [r.input, r]));

describe('OAT', () => {
  it('swing of a linear function is |coefficient| × range, ranked widest first, around the mid-range base', async () => {
    const r = await oat(linear, { inputs: linearInputs });
    const out = r.outputs[0]!;
    expect(out.swings.map((s) => s.input)).toEqual(['c', 'd', 'a', 'b']);
    out.swings.forEach((s) => expect(s.swing).toBeCloseTo(effectSize[linearInputs.findIndex((i) => i.id === s.input)]!, 9));
    // The base point is each input's mid-range (integer inputs rounded): 0.5, 0, 100.5, 2016 (2015.5 rounds up).
    expect(out.base).toBeCloseTo(3 * 0.5 + 10 * 100.5 + 0.5 * 2016, 9);
    expect(byId(out.swings).b?.low).toEqual({ value: -5, result: expect.closeTo(out.base + 1, 9) });
    expect(r.evaluations).toBe(1 + 2 * linearInputs.length);
  });

  it('keeps each output apart for a vector-valued function', async () => {
    const r = await oat((x) => Float64Array.of(x[0]!, -2 * x[1]!), { inputs: linearInputs.slice(0, 2), outputs: [{ id: 'p' }, { id: 'q' }] });
    expect(r.outputs.map((o) => [o.output.id, o.swings[0]?.input])).toEqual([['p', 'a'], ['q', 'b']]);
  });
});

describe('Morris', () => {
  it('on a linear function: μ* = |coefficient| × range, μ carries the sign, σ = 0', async () => {
    const r = await morris(linear, { inputs: linearInputs, trajectories: 12, seed: 7 });
    const e = byId(r.outputs[0]!.effects);
    linearInputs.forEach((input, i) => {
      expect(e[input.id]?.muStar).toBeCloseTo(effectSize[i]!, 9);
      expect(e[input.id]?.mu).toBeCloseTo(Math.sign(coefficients[i]!) * effectSize[i]!, 9);
      expect(e[input.id]?.sigma).toBeCloseTo(0, 9);
    });
    expect(r.outputs[0]!.effects.map((x) => x.input)).toEqual(['c', 'd', 'a', 'b']);
    expect(r.evaluations).toBe(12 * (linearInputs.length + 1));
  });

  it('σ is large relative to μ* for an interaction and zero for an additive input', async () => {
    const r = await morris((x) => x[0]! * x[1]! + x[2]!, { inputs: ['a', 'b', 'c'].map((id) => ({ id, min: -1, max: 1 })), trajectories: 40, seed: 3 });
    const e = byId(r.outputs[0]!.effects);
    expect(e.a!.sigma).toBeGreaterThan(0.5 * e.a!.muStar);
    expect(e.c!.sigma).toBeCloseTo(0, 12);
    expect(e.c!.muStar).toBeCloseTo(2, 12);
  });

  it('designs trajectories that move one input by ±Δ per step and stay in the unit cube', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 6), fc.integer({ min: 0, max: 1000 }), (k, levels, seed) => {
        const { unit, moved } = morrisDesign(k, 3, levels, seed);
        const delta = levels / (2 * (levels - 1));
        for (let t = 0; t < 3; t++) {
          expect(new Set(moved.subarray(t * k, (t + 1) * k)).size).toBe(k); // each input moves once
          for (let s = 0; s < k; s++) {
            const a = unit.subarray((t * (k + 1) + s) * k, (t * (k + 1) + s + 1) * k);
            const b = unit.subarray((t * (k + 1) + s + 1) * k, (t * (k + 1) + s + 2) * k);
            for (let i = 0; i < k; i++) {
              expect(b[i]).toBeGreaterThanOrEqual(0);
              expect(b[i]).toBeLessThanOrEqual(1 + 1e-12);
              expect(Math.abs(b[i]! - a[i]!)).toBeCloseTo(i === moved[t * k + s] ? delta : 0, 12);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is reproducible from its seed and differs between seeds', async () => {
    const f = (x: Float64Array): number => Math.sin(3 * x[0]!) * x[1]!;
    const inputs = [{ id: 'a', min: 0, max: 1 }, { id: 'b', min: 0, max: 1 }];
    const [a, b, c] = await Promise.all([morris(f, { inputs, seed: 1 }), morris(f, { inputs, seed: 1 }), morris(f, { inputs, seed: 2 })]);
    expect(a).toEqual(b);
    expect(a.outputs[0]!.effects[0]!.muStar).not.toBe(c.outputs[0]!.effects[0]!.muStar);
  });
});

describe('Sobol indices', () => {
  it('matches the Ishigami function’s analytic indices within 0.02 at N = 8192, each 95 % interval covering the truth', async () => {
    const inputs = ['x1', 'x2', 'x3'].map((id) => ({ id, min: -Math.PI, max: Math.PI }));
    const ishigami = (x: Float64Array): number => Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!);
    const r = await sobol(ishigami, { inputs, samples: 8192, resamples: 60, seed: 2011 });
    const s = byId(r.outputs[0]!.indices);
    const truth = { x1: [0.3139, 0.5576], x2: [0.4424, 0.4424], x3: [0, 0.2437] } as const;
    for (const [id, [s1, st]] of Object.entries(truth)) {
      expect(Math.abs(s[id]!.first - s1), `S1 ${id}`).toBeLessThan(0.02);
      expect(Math.abs(s[id]!.total - st), `ST ${id}`).toBeLessThan(0.02);
      const [lo1, hi1] = s[id]!.firstInterval!;
      const [loT, hiT] = s[id]!.totalInterval!;
      expect(lo1 <= s1 && s1 <= hi1 && loT <= st && st <= hiT, `interval ${id}`).toBe(true);
    }
    expect(r.outputs[0]!.indices.map((i) => i.input)).toEqual(['x1', 'x2', 'x3']); // by ST
    expect(r.evaluations).toBe(8192 * 5);
  });

  it('matches the g-function’s analytic indices (a = 0, 1, 4.5, 9, 99 ×4) within 0.01 at N = 4096', async () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const g = (x: Float64Array): number => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i]! - 2) + ai)) / (1 + ai), 1);
    const partial = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const variance = partial.reduce((p, v) => p * (1 + v), 1) - 1;
    const first = partial.map((v) => v / variance);
    const total = partial.map((v, i) => (v * partial.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / variance);
    const r = await sobol(g, { inputs: a.map((_, i) => ({ id: `x${i + 1}`, min: 0, max: 1 })), samples: 4096, resamples: 0 });
    const s = byId(r.outputs[0]!.indices);
    a.forEach((_, i) => {
      expect(Math.abs(s[`x${i + 1}`]!.first - first[i]!)).toBeLessThan(0.01);
      expect(Math.abs(s[`x${i + 1}`]!.total - total[i]!)).toBeLessThan(0.01);
    });
    expect(first[0]).toBeCloseTo(0.716, 3); // the analytic values themselves, for the record
    expect(total[0]).toBeCloseTo(0.787, 3);
  });

  it('uses the Sobol′ sequence: the first points, and one point per dyadic interval in every coordinate', () => {
    const seq = sobolSequence(7, 3);
    expect([...seq.subarray(0, 9)]).toEqual([0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75]);
    const n = 256;
    const pts = sobolSequence(n - 1, 40); // with the skipped zero point: the first 256 points
    for (let d = 0; d < 40; d++) {
      const bins = new Set([0]);
      for (let j = 0; j < n - 1; j++) bins.add(Math.floor(pts[j * 40 + d]! * n));
      expect(bins.size, `dimension ${d + 1}`).toBe(n);
    }
    expect(() => sobolSequence(2 ** 20, 2)).toThrow(/samples must be an integer from 1 to 1048575/);
  });

  it('gives NaN indices for an output nothing moves, and intervals that bracket the estimate', async () => {
    const r = await sobol((x) => Float64Array.of(7, x[0]! + 0.1 * x[1]!), { inputs: [{ id: 'a', min: 0, max: 1 }, { id: 'b', min: 0, max: 1 }], samples: 512, resamples: 40 });
    expect(r.outputs[0]!.variance).toBe(0);
    expect(r.outputs[0]!.indices.every((i) => Number.isNaN(i.first) && Number.isNaN(i.total))).toBe(true);
    for (const i of r.outputs[1]!.indices) expect(i.totalInterval![0] <= i.total && i.total <= i.totalInterval![1]).toBe(true);
  });
});
