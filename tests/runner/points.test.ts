/**
 * The runner's batch of given lever vectors: same numbers on one thread and on the pool, NaN
 * keeping the scenario's own value, and — with draws — exactly the runs of runMonteCarlo.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CompiledModelCache } from '../../src/runner/context.js';
import type { PointsJob } from '../../src/runner/points.js';
import { runMonteCarlo, runScenario } from '../../src/runner/run.js';
import { createSingleThreadRunner } from '../../src/runner/single-thread.js';
import { createWorkerPoolRunner } from '../../src/runner/worker-pool.js';
import { fixtureContext, scenario } from './fixture.js';

const outputs = [{ id: 'fx.index', year: 2015 }, { id: 'fx.share', year: 2013 }];
const base = { push: { 2010: 1, 2013: 3 } };
// 600 points: cut varies, push is NaN (the schedule) in even points and 2 in odd ones.
const count = 600;
const points = Float64Array.from({ length: count * 2 }, (_, i) => (i % 2 === 0 ? (i / 2 / count) * 0.1 : i % 4 === 1 ? NaN : 2));
const job: PointsJob = { parameters: base, levers: ['cut', 'push'], points, count, outputs, options: {} };

describe('runPoints', () => {
  const single = createSingleThreadRunner(fixtureContext);
  const pool = createWorkerPoolRunner(fixtureContext, 2);
  afterAll(() => pool.terminate());

  it('computes each point: a constant where given, the scenario’s schedule where NaN', async () => {
    const { values } = await single.runPoints(job);
    expect(values).toHaveLength(count * 2);
    const cut = 0.05;
    const p = count / 2; // points[2p] = 0.05
    expect(points[2 * p]).toBeCloseTo(cut, 12);
    expect(values[2 * p]).toBeCloseTo(100 * (1 - cut) ** 5, 10);
    // Point p is even → push keeps {2010: 1, 2013: 3}: share 2013 = 50 + 1 + 1 + 3.
    expect(values[2 * p + 1]).toBeCloseTo(55, 12);
    expect(values[2 * (p + 1) + 1]).toBeCloseTo(56, 12); // odd: push = 2 every year
  });

  it('gives bit-identical results on the worker pool, and reports progress to the total', async () => {
    const seen: number[] = [];
    const [a, b] = await Promise.all([single.runPoints(job), pool.runPoints(job, (done) => seen.push(done))]);
    expect(Buffer.from(b.values.buffer, b.values.byteOffset, b.values.byteLength).equals(Buffer.from(a.values.buffer))).toBe(true);
    expect(seen.sort((x, y) => x - y).at(-1)).toBe(count);
  });

  it('with draws, point p is Monte Carlo run p: the same values as runMonteCarlo', async () => {
    const s = scenario('mc', { parameters: base, uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.1 }, push: { dist: 'normal', mean: 2, sd: 1 } } });
    const cache = new CompiledModelCache(fixtureContext);
    const mc = await runMonteCarlo({ ...s, parameters: {} }, { context: fixtureContext, cache, runs: 300, seed: 9 });
    const drawn: PointsJob = { parameters: {}, levers: [], points: new Float64Array(0), count: 300, outputs, options: {}, draws: { uncertainty: s.uncertainty, seed: 9 } };
    const { values } = await pool.runPoints(drawn);
    const median = (xs: Float64Array) => [...xs].sort((x, y) => x - y)[149]! / 2 + [...xs].sort((x, y) => x - y)[150]! / 2;
    const index2015 = Float64Array.from({ length: 300 }, (_, r) => values[2 * r]!);
    expect(median(index2015)).toBe(mc.rows.find((r) => r.output === 'fx.index' && r.year === 2015 && r.statistic === 'p50')?.value);
    // A point value overrides that run's draw, and the other levers keep their draws.
    const pinned = await single.runPoints({ ...drawn, levers: ['cut'], points: new Float64Array(300).fill(0), count: 300 });
    expect([...new Set(Array.from({ length: 300 }, (_, r) => pinned.values[2 * r]))]).toEqual([100]);
    expect(Array.from({ length: 300 }, (_, r) => pinned.values[2 * r + 1])).toEqual(Array.from({ length: 300 }, (_, r) => values[2 * r + 1]));
  });

  it('the scenario with no point values is the deterministic run', async () => {
    const { values } = await single.runPoints({ ...job, points: new Float64Array(2).fill(NaN), count: 1 });
    const det = runScenario(scenario('d', { parameters: base }), { context: fixtureContext });
    expect(values[1]).toBe(det.rows.find((r) => r.output === 'fx.share' && r.year === 2013)?.value);
  });

  it('refuses an unknown lever, a wrong number of values and an output the model lacks', async () => {
    await expect(single.runPoints({ ...job, levers: ['cut', 'nope'] })).rejects.toThrow(/unknown levers: nope/);
    await expect(single.runPoints({ ...job, count: 3 })).rejects.toThrow(/points has 1200 values; expected count × levers = 3 × 2/);
    await expect(single.runPoints({ ...job, outputs: [{ id: 'fx.index', year: 2030 }] })).rejects.toThrow(/no output fx.index in 2030/);
  });
});
