import { describe, expect, it } from 'vitest';
import { CompiledModelCache } from '../../src/runner/context.js';
import { runMonteCarlo, runScenario } from '../../src/runner/run.js';
import { fixtureContext, scenario } from './fixture.js';
import * as fixture from './fixture.js';

const context = fixtureContext;

describe('runScenario (deterministic)', () => {
  it('reports value rows per output × year, skipping NaN cells', () => {
    const r = runScenario(scenario('plan', { parameters: { cut: 0.1 } }), { context });
    expect(r.mode).toBe('deterministic');
    expect(r.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
    const index2015 = r.rows.find((row) => row.output === 'fx.index' && row.year === 2015);
    let expected = 100;
    for (let i = 0; i < 5; i++) expected *= 1 - 0.1; // the fixture compounds year by year
    expect(index2015).toEqual({ scenario: 'plan', output: 'fx.index', year: 2015, statistic: 'value', value: expected });
    expect(r.rows.filter((row) => row.output === 'fx.added').map((row) => row.year)).toEqual([2011, 2012, 2013, 2014, 2015]);
    expect(r.rows).toHaveLength(6 + 6 + 5);
  });
  it('judges the plan targets and the scenario own, with exact numbers', () => {
    const own = { kind: 'level' as const, id: 'own.share', indicator: 'fx.share', year: 2013, comparator: '>=' as const, level: 60, label: { zh: '份额', en: 'share' }, source: { section: 's', line: 1, quote: 'q' } };
    const r = runScenario(scenario('s', { parameters: { cut: 0.02, push: 2, milestone_fx_year: 2016 }, targets: [own] }), { context });
    const by = Object.fromEntries(r.attainment.map((a) => [a.target, a]));
    // fx.index 2015 = 100·0.98⁵ = 90.3920796…; required 90; ratio (90.39 − 100)/(90 − 100) = 0.9608 → on-track.
    expect(by['fx.index.-10pct']).toMatchObject({ origin: 'plan', required: 90, class: 'on-track', probability: null, yearReached: null });
    expect(by['fx.index.-10pct']?.gap).toBeCloseTo(-(100 * 0.98 ** 5 - 90), 12);
    // Direction target at Eurostat's 1 % a year: required 50·1.01⁵ = 52.55; share 50 + 2y reaches it in 2012.
    expect(by['fx.share.up']).toMatchObject({ class: 'on-track', met: true, yearReached: 2012, basis: 'eurostat-pace', referencePace: 0.01 });
    expect(by['fx.share.up']?.required).toBeCloseTo(50 * 1.01 ** 5, 12);
    expect(by['fx.done']).toMatchObject({ class: 'not-met', yearReached: null });
    // Own target: share 50 + 2·3 = 56 in 2013 vs 60 from 50 → ratio 0.6 → moderate.
    expect(by['own.share']).toMatchObject({ origin: 'scenario', projected: 56, required: 60, gap: -4, class: 'moderate' });
  });
  it('leaves out targets beyond the horizon and compiles once per horizon', () => {
    const cache = new CompiledModelCache(context);
    const before = fixture.compileCount;
    const r = runScenario(scenario('short'), { context, until: 2013, cache });
    runScenario(scenario('other'), { context, until: 2013, cache });
    expect(fixture.compileCount - before).toBe(1);
    expect(r.attainment.map((a) => a.target)).toEqual([]);
  });
});

describe('runMonteCarlo', () => {
  const uncertain = scenario('mc', {
    uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.04 }, milestone_fx_year: { dist: 'discrete', values: [2014, 2016], weights: [3, 1] } },
  });
  it('gives mean and quantile rows per cell, ordered p05 ≤ p25 ≤ p50 ≤ p75 ≤ p95', async () => {
    const r = await runMonteCarlo(uncertain, { context, runs: 400, seed: 7 });
    expect(r).toMatchObject({ mode: 'montecarlo', runs: 400, seed: 7 });
    const cell = r.rows.filter((row) => row.output === 'fx.index' && row.year === 2015);
    expect(cell.map((c) => c.statistic)).toEqual(['mean', 'p05', 'p25', 'p50', 'p75', 'p95']);
    const v = cell.map((c) => c.value);
    expect(v.slice(1)).toEqual([...v.slice(1)].sort((a, b) => a - b));
    // cut ~ U(0, 0.04): E[(1 − cut)^5]·100 = 100·(1 − 0.96⁶)/(6·0.04) ≈ 90.55
    expect(v[0]).toBeCloseTo((100 * (1 - 0.96 ** 6)) / (6 * 0.04), 0);
    // The untouched share is the same in every run.
    const share = r.rows.filter((row) => row.output === 'fx.share' && row.year === 2015).map((c) => c.value);
    expect(new Set(share)).toEqual(new Set([55]));
  });
  it('reports probabilities across runs and classes from the median trajectory', async () => {
    const r = await runMonteCarlo(uncertain, { context, runs: 2000, seed: 11 });
    const by = Object.fromEntries(r.attainment.map((a) => [a.target, a]));
    // −10 % needs (1 − cut)^5 ≤ 0.9 ⇔ cut ≥ 1 − 0.9^(1/5) = 0.020851…: P = (0.04 − 0.020851)/0.04 ≈ 0.479.
    expect(Math.abs((by['fx.index.-10pct']?.probability ?? NaN) - (0.04 - (1 - 0.9 ** 0.2)) / 0.04)).toBeLessThan(0.05);
    expect(Math.abs((by['fx.done']?.probability ?? NaN) - 0.75)).toBeLessThan(0.05);
    expect(by['fx.done']?.class).toBe('met'); // median completion 2014
    expect(by['fx.share.up']).toMatchObject({ probability: 1, probabilityOnTrack: 1, class: 'on-track' });
  });
  it('is reproducible: the same seed gives identical rows, another seed differs', async () => {
    const a = await runMonteCarlo(uncertain, { context, runs: 300, seed: 1 });
    const b = await runMonteCarlo(uncertain, { context, runs: 300, seed: 1 });
    const c = await runMonteCarlo(uncertain, { context, runs: 300, seed: 2 });
    expect(b).toEqual(a);
    expect(c.rows).not.toEqual(a.rows);
  });
  it('rejects a non-positive run count', async () => {
    await expect(runMonteCarlo(uncertain, { context, runs: 0, seed: 1 })).rejects.toThrow(/runs/);
  });
});

describe('additionality against a reference (trend)', () => {
  const trend = scenario('trend', { parameters: { cut: 0.01, push: 1 } });
  it('deterministic: the change of the indicator minus the trend’s, and better / worse in the target’s direction', () => {
    const r = runScenario(scenario('plan', { parameters: { cut: 0.03, push: 0.5 } }), { context, reference: trend });
    const by = Object.fromEntries(r.attainment.map((a) => [a.target, a]));
    // fx.index falls 100(1 − 0.97⁵) against 100(1 − 0.99⁵): additionality 100(0.97⁵ − 0.99⁵) < 0, better for a cut.
    expect(by['fx.index.-10pct']?.additionality).toBeCloseTo(100 * (0.97 ** 5 - 0.99 ** 5), 12);
    expect(by['fx.index.-10pct']?.versusTrend).toBe('better');
    // fx.share rises 2.5 against 5: worse.
    expect(by['fx.share.up']).toMatchObject({ additionality: -2.5, versusTrend: 'worse' });
    expect(by['fx.done']).toMatchObject({ additionality: null, versusTrend: null });
    const itself = runScenario(trend, { context, reference: trend });
    expect(itself.attainment.find((a) => a.target === 'fx.share.up')).toMatchObject({ additionality: null, versusTrend: 'reference' });
  });
  it('Monte Carlo: paired runs give an interval; one covering zero is indistinguishable from trend', async () => {
    // The scenario's own delivery spread on `push` straddles the trend's value: indistinguishable.
    const straddle = scenario('s', { parameters: { push: 1 }, uncertainty: { push: { dist: 'uniform', min: 0.5, max: 1.5 } } });
    const r = await runMonteCarlo(straddle, { context, runs: 400, seed: 3, reference: trend });
    const share = r.attainment.find((a) => a.target === 'fx.share.up');
    expect(share?.additionalityLow).toBeLessThan(0);
    expect(share?.additionalityHigh).toBeGreaterThan(0);
    expect(share?.versusTrend).toBe('indistinguishable');
    // 5 × (push − 1) with push ~ U(0.5, 1.5): the 5th–95th percentiles are ±2.25.
    expect(share?.additionalityLow).toBeCloseTo(-2.25, 0);
    expect(share?.additionalityHigh).toBeCloseTo(2.25, 0);
    const clear = await runMonteCarlo(scenario('c', { parameters: { push: 3 }, uncertainty: { push: { dist: 'uniform', min: 2, max: 4 } } }), { context, runs: 200, seed: 3, reference: trend });
    expect(clear.attainment.find((a) => a.target === 'fx.share.up')?.versusTrend).toBe('better');
  });
});

describe('--uncertainty all', () => {
  // The fixture's `push` gets a documented plausible range, as an assumed lever default would.
  const withRange = { ...context, params: context.params.map((p) => (p.id === 'push' ? { ...p, uncertainty: { distribution: { dist: 'uniform' as const, min: 0, max: 2 }, reason: 'test' } } : p)) };
  it('draws the assumed defaults the scenario leaves alone, scaled where the scenario scales them, and records what was drawn', async () => {
    const left = await runMonteCarlo(scenario('a', { parameters: { cut: 0.03 } }), { context: withRange, runs: 400, seed: 5, uncertainty: 'all' });
    expect(left.uncertainty).toEqual({ mode: 'all', levers: ['push'] });
    const share = (r: typeof left, stat: string): number => r.rows.find((x) => x.output === 'fx.share' && x.year === 2015 && x.statistic === stat)?.value ?? NaN;
    // share 2015 = 50 + 5·push, push ~ U(0, 2): mean 55, 5th percentile ≈ 50.5.
    expect(share(left, 'mean')).toBeCloseTo(55, 0);
    expect(share(left, 'p05')).toBeCloseTo(50.5, 0);
    const scaled = await runMonteCarlo(scenario('b', { parameters: { push: 2 }, relativeToDefault: { push: 2 } }), { context: withRange, runs: 400, seed: 5, uncertainty: 'all' });
    expect(share(scaled, 'mean')).toBeCloseTo(60, 0); // 50 + 5·2·push
    const fixed = await runMonteCarlo(scenario('c', { parameters: { push: 1.5 } }), { context: withRange, runs: 20, seed: 5, uncertainty: 'all' });
    expect(fixed.uncertainty?.levers).toEqual([]);
    const own = await runMonteCarlo(scenario('d', { uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.04 } } }), { context: withRange, runs: 20, seed: 5 });
    expect(own.uncertainty).toEqual({ mode: 'scenario', levers: ['cut'] });
  });
});
