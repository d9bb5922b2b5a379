/**
 * Where the observed data meet the model: every observable meant to be compared is a model output
 * (or computed from one), every other one says why not; scored rows are primary rows of comparable
 * observables; a derived growth rate is 100 × (xₜ / xₜ₋₁ − 1) of the projection.
 */
import { describe, expect, it } from 'vitest';
import { comparableObservations, derivedObservables, notComparableIds, scorableIds, withDerivedOutputs } from '../../src/analysis/observed-model.js';
import { backtest } from '../../src/analysis/backtest.js';
import { readObserved } from '../../src/data/observed.js';
import { comparableOutputIds, observables, type Observable } from '../../src/data/observables.js';
import { params } from '../../src/params/index.js';
import { CompiledModelCache, createRunnerContext, runScenario } from '../../src/runner/index.js';
import type { ScenarioResult } from '../../src/runner/types.js';
import { loadScenario } from '../../src/scenario/index.js';

const context = createRunnerContext();
const outputIds = new CompiledModelCache(context).get({ until: 2016 }).outputIds;
const all: readonly Observable[] = observables;

describe('observables', () => {
  it('every observable meant to be compared is a model output, or derived from one', () => {
    const scorable = new Set(scorableIds(outputIds));
    for (const id of comparableOutputIds) expect(scorable.has(id), `${id} is compared with the model but the model has no such output`).toBe(true);
    for (const d of derivedObservables) expect(outputIds, d.id).toContain(d.derived.of);
    // Derived ones are not model outputs themselves (one rule computes them).
    for (const d of derivedObservables) expect(outputIds, d.id).not.toContain(d.id);
  });

  it('the ones not compared say why, in both languages, and are not model outputs', () => {
    const not = all.filter((o) => o.notComparable !== undefined);
    expect(not.map((o) => o.id).sort()).toEqual([
      'administration.approval-items-cut',
      'administration.approval-items-cut-share',
      'income.rural-disposable',
      'integration.coordination-score',
    ]);
    for (const o of not) {
      expect(o.notComparable!.zh.length, o.id).toBeGreaterThan(20);
      expect(o.notComparable!.en.length, o.id).toBeGreaterThan(40);
      expect(outputIds, o.id).not.toContain(o.id);
    }
  });

  it('milestones name a year lever the model has', () => {
    for (const o of all.filter((x) => x.kind === 'milestone')) {
      const lever = params.find((p) => p.id === o.lever);
      expect(lever?.integer, o.id).toBe(true);
      expect(lever?.unit, o.id).toBe('year');
    }
  });
});

describe('scored observations', () => {
  const rows = readObserved();

  it('are the primary rows of comparable outputs: one value per id and year', () => {
    const scored = comparableObservations(rows);
    const keys = scored.map((o) => `${o.id} ${o.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(scored.some((o) => notComparableIds.has(o.id))).toBe(false);
    const primary = rows.filter((r) => r.role === 'primary' && r.kind === 'output' && !notComparableIds.has(r.id));
    expect(scored).toEqual(primary.map((r) => ({ id: r.id, year: r.year, value: r.value })));
    expect(rows.filter((r) => r.role === 'corroboration').length).toBeGreaterThan(0);
  });

  it('filter by year: through 2013 for fitting, from 2014 out of sample', () => {
    expect(comparableObservations(rows, { through: 2013 }).every((o) => o.year <= 2013)).toBe(true);
    expect(comparableObservations(rows, { from: 2014 }).every((o) => o.year >= 2014)).toBe(true);
  });
});

describe('derived outputs', () => {
  const projection = (values: readonly number[], statistic: 'value' | 'p50' = 'value'): ScenarioResult => ({
    scenario: { id: 's', title: { zh: 's', en: 's' } },
    mode: statistic === 'value' ? 'deterministic' : 'montecarlo',
    runs: 1,
    seed: null,
    years: values.map((_, i) => 2010 + i),
    rows: values.map((value, i) => ({ scenario: 's', output: 'population.resident', year: 2010 + i, statistic, value })),
    attainment: [],
  });

  it('a growth rate is 100 × (xₜ / xₜ₋₁ − 1) of the same statistic, none in the base year', () => {
    const r = withDerivedOutputs(projection([100, 102, 102, 99.96]));
    const growth = r.rows.filter((x) => x.output === 'population.resident-growth-rate');
    expect(growth.map((x) => x.year)).toEqual([2011, 2012, 2013]);
    expect(growth[0]!.value).toBeCloseTo(2, 12);
    expect(growth[1]!.value).toBe(0);
    expect(growth[2]!.value).toBeCloseTo(-2, 12);
    expect(withDerivedOutputs(projection([100, 110], 'p50')).rows.find((x) => x.output === 'population.resident-growth-rate')?.statistic).toBe('p50');
  });

  it('the backtest scores a derived observable against the model’s residents', () => {
    const result = withDerivedOutputs(runScenario(loadScenario('as-happened'), { context, until: 2016 }));
    const resident = (y: number) => result.rows.find((x) => x.output === 'population.resident' && x.year === y)!.value;
    const b = backtest(result, [{ id: 'population.resident-growth-rate', year: 2016, value: 1.89 }]);
    expect(b.rows[0]!.projected).toBeCloseTo(100 * (resident(2016) / resident(2015) - 1), 10);
    // No base-year growth rate: scored, but no naive forecast and no Theil's U.
    expect(b.rows[0]!.naive).toBeNull();
    expect(b.metrics.every((m) => m.theilU === null)).toBe(true);
  });
});
