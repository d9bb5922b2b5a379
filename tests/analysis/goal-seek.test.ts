/**
 * Goal seeking: Brent's method on closed forms, the unreachable case, the probabilistic form on a
 * sample with a known answer, and the approvals target on the Hangzhou model, whose index follows
 * dI/dt = −r·I with monthly Euler steps: 100·(1 − r/12)^60 = 80 ⇒ r = 12·(1 − 0.8^(1/60)).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brent, changedValue, goalSeek, leverGoal, scaleRange, shareMeeting } from '../../src/analysis/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { fixtureContext, scenario } from '../runner/fixture.js';

const scenarios = resolve(fileURLToPath(import.meta.url), '../../../scenarios');

describe('brent', () => {
  it('finds roots of smooth and awkward functions to its tolerance', async () => {
    expect((await brent((x) => x * x - 2, 0, 2)).x).toBeCloseTo(Math.SQRT2, 11);
    expect((await brent((x) => Math.cos(x) - x, 0, 1)).x).toBeCloseTo(0.7390851332151607, 11);
    // A root of multiplicity 3 and a step: bracketing still converges.
    expect((await brent((x) => (x - 1) ** 3, -3, 4, { tolerance: 1e-12 })).x).toBeCloseTo(1, 3);
    expect((await brent((x) => (x < 0.3 ? -1 : 1), 0, 1, { tolerance: 1e-10 })).x).toBeCloseTo(0.3, 9);
    await expect(brent((x) => x * x + 1, -1, 1)).rejects.toThrow(/brackets no root/);
  });

  it('needs far fewer evaluations than bisection on a smooth function', async () => {
    const r = await brent((x) => Math.exp(x) - 5, 0, 4, { tolerance: 1e-12 });
    expect(r.x).toBeCloseTo(Math.log(5), 11);
    expect(r.evaluations).toBeLessThan(15); // bisection: ≈ 42
  });
});

describe('goalSeek', () => {
  it('hits the target on a closed form and reports the bracket', async () => {
    const r = await goalSeek((rate) => 100 * (1 - rate / 12) ** 60, { target: 80, min: 0, max: 0.2 });
    expect(r.status).toBe('found');
    expect(r.value).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 10);
    expect(Math.abs(r.achieved - 80)).toBeLessThan(1e-6);
    expect(r.bracket).toEqual([0, 0.2]);
  });

  it('finds a crossing inside the range when the ends do not bracket it', async () => {
    const r = await goalSeek((x) => (x - 0.5) ** 2, { target: 0.01, min: 0, max: 1 });
    expect(r.status).toBe('found');
    expect(Math.abs(r.value - 0.5)).toBeCloseTo(0.1, 8);
  });

  it('says when no value reaches the target and returns the best reachable one', async () => {
    const r = await goalSeek((x) => 10 * x, { target: 50, min: 0, max: 2 });
    expect(r.status).toBe('unreachable');
    expect(r.value).toBe(2);
    expect(r.achieved).toBe(20);
    expect(r.tried.map((p) => p.value)).toEqual([0, ...Array.from({ length: 8 }, (_, s) => (2 * (s + 1)) / 9), 2]);
  });

  it('probabilistic: with common random numbers the share meeting the target is the quantile of the noise', async () => {
    // Run i outputs x + e_i with e_i = i/1000 − 0.5 (i = 0…999): P(x + e ≥ 1) ≥ 0.8 first at x = 1 + 0.5 − 0.2 = 1.3.
    const noise = Float64Array.from({ length: 1000 }, (_, i) => i / 1000 - 0.5);
    const r = await goalSeek({ evaluate: (x) => noise.map((e) => x + e), min: 0, max: 3 }, { target: 1, probability: 0.8, tolerance: 1e-9 });
    expect(r.status).toBe('found');
    expect(r.value).toBeCloseTo(1.3, 8);
    expect(r.achieved).toBeGreaterThanOrEqual(0.8);
    expect(shareMeeting(noise.map((e) => r.value - 1e-6 + e), 1, '>=')).toBeLessThan(0.8);
    // At most P(e ≥ 0.2) = 0.3 within [0, 0.8]: the best reachable is the upper end.
    const unreachable = await goalSeek({ evaluate: (x) => noise.map((e) => x + e), min: 0, max: 0.8 }, { target: 1, probability: 0.8 });
    expect(unreachable.status).toBe('unreachable');
    expect(unreachable.value).toBe(0.8);
    expect(unreachable.achieved).toBeCloseTo(0.3, 12);
  });
});

describe('lever values a goal seek writes', () => {
  it('set from a year is the scenario loader’s merge; scale keeps earlier years and scales from the year on', () => {
    expect(changedValue(0.02, 0.05, { mode: 'set', from: 2013 }, 'step', 2010)).toEqual({ 2010: 0.02, 2013: 0.05 });
    expect(changedValue(0.02, 0.05, { mode: 'set', from: 2013 }, 'linear', 2010)).toEqual({ 2010: 0.02, 2012: 0.02, 2013: 0.05 });
    expect(changedValue(0.02, 0.05, { mode: 'set' }, 'step', 2010)).toBe(0.05);
    expect(changedValue({ 2010: 1, 2014: 3 }, 2, { mode: 'scale' }, 'step', 2010)).toEqual({ 2010: 2, 2014: 6 });
    expect(changedValue({ 2010: 1, 2014: 3 }, 2, { mode: 'scale', from: 2012 }, 'step', 2010)).toEqual({ 2010: 1, 2012: 2, 2014: 6 });
    expect(changedValue({ 2010: 1, 2014: 3 }, 2, { mode: 'scale', from: 2012 }, 'linear', 2010)).toEqual({ 2010: 1, 2011: 1.5, 2012: 4, 2014: 6 });
    expect(scaleRange(0.04, { min: 0, max: 0.2 }, undefined, 'step', [2011, 2012])).toEqual({ min: 0, max: 5 });
    expect(scaleRange(0, { min: 0, max: 0.2 }, undefined, 'step', [2011])).toBeNull();
  });
});

describe('goal seek on a scenario', () => {
  const plan = loadScenario(join(scenarios, 'plan.yaml'));
  const approvals = { id: 'administration.approval-items', year: 2015 };

  it('the approvals lever that meets −20 % exactly: 80 to 1e−6, the monthly-Euler closed form', async () => {
    const goal = leverGoal(plan, { lever: 'approval_reduction_rate', output: approvals });
    const r = await goalSeek(goal, { target: 80 });
    expect(r.status).toBe('found');
    expect(Math.abs(r.achieved - 80)).toBeLessThan(1e-6);
    expect(r.value).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 9);
    // The lever is drawn in the plan: a scenario writing the value pins its distribution too.
    expect(goal.overridesFor(r.value)).toEqual({ parameters: { approval_reduction_rate: r.value }, uncertainty: { approval_reduction_rate: { dist: 'discrete', values: [r.value] } } });
  });

  it('from a later year the rate must be higher: the cut is done in fewer months', async () => {
    const r = await goalSeek(leverGoal(scenario('s'), { lever: 'cut', output: { id: 'fx.index', year: 2015 }, from: 2013, context: fixtureContext }), { target: 80 });
    // fx.index = 100·(1 − 0.02)²·(1 − cut)³ with the default 0.02 in 2011–2012.
    expect(r.value).toBeCloseTo(1 - (0.8 / 0.98 ** 2) ** (1 / 3), 9);
  });

  it('probabilistic: the same draws at every candidate value, so the answer is reproducible and P is monotone', async () => {
    const uncertain = scenario('u', { uncertainty: { push: { dist: 'uniform', min: 0, max: 4 } } });
    // fx.share in 2015 = 50 + 5·push: P(share ≥ 60) = P(push ≥ 2) = 0.5 whatever `cut` is → unreachable for p = 0.9.
    const goal = leverGoal(uncertain, { lever: 'cut', output: { id: 'fx.share', year: 2015 }, runs: 400, seed: 2011, context: fixtureContext });
    const r = await goalSeek(goal, { target: 60, probability: 0.9 });
    expect(r.status).toBe('unreachable');
    // The same draws at every candidate: exactly the same share everywhere (and near 0.5: 400 runs, ±3 sd).
    expect(new Set(r.tried.map((p) => p.achieved)).size).toBe(1);
    expect(Math.abs(r.achieved - 0.5)).toBeLessThan(0.075);
    // Seeking push with cut drawn: every run reaches 70 from push = 4 on (50 + 5·push; cut does not enter).
    const drawnCut = scenario('c', { uncertainty: { cut: { dist: 'uniform', min: 0.03, max: 0.06 } } });
    const seek = () => goalSeek(leverGoal(drawnCut, { lever: 'push', output: { id: 'fx.share', year: 2015 }, runs: 100, seed: 1, context: fixtureContext }), { target: 70, probability: 0.6 });
    const [a, b] = await Promise.all([seek(), seek()]);
    expect(a).toEqual(b);
    expect(a.value).toBeCloseTo(4, 4);
    expect(a.achieved).toBe(1);
  });
});
