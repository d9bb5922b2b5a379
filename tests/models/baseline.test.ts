/**
 * At t = 2010, under the default levers, every indicator equals its catalog baseline — the plan's
 * own figure, or the documented assumption for the model indicators.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import { hangzhouModel, indicatorVariable, modelSeries } from '../../src/models/index.js';
import { compiled, valueIn } from './helpers.js';

/** Indicators computed from several stocks (ratios, weighted means): equal to 1e-12. */
const DERIVED = new Set(['urbanisation.rate', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap', 'integration.level']);

/** The model series fixed in /tmp/hz-ids.md (shared with charts and scenarios). */
const EXPECTED_SERIES = [
  'land.quota_generated',
  'land.quota_used',
  'land.quota_traded',
  'land.quota_balance',
  'land.farmland_shortfall',
  'hukou.conversions.plan_area',
  'hukou.conversions.outside_plan_area',
  'hukou.conversions.migrant',
  'population.resident',
  'population.urban_hukou',
  'population.rural_hukou',
  'population.migrant',
  ...['urban_employee', 'urban_resident', 'rural_cooperative', 'residents_merged', 'pension_residents', 'migrant'].map((s) => `insurance.coverage.${s}`),
  'insurance.fiscal_subsidy',
  ...['planning', 'industry', 'factors', 'ecology', 'services', 'livelihood'].map((s) => `integration.sub.${s}`),
];

describe('2010 baseline', () => {
  const m = compiled();
  const out = m.run();

  it.each(catalog.map((i) => [i.id, i.baseline.value] as const))('%s equals its catalog baseline %d', (id, value) => {
    const got = valueIn(m, out, id, 2010);
    if (DERIVED.has(id)) expect(Math.abs(got - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
    else expect(got).toBe(value);
  });

  it('the integration composite is exactly 87.1 (weights and sub-scores chosen so)', () => {
    expect(valueIn(m, out, 'integration.level', 2010)).toBe(87.1);
  });

  it('resident population starts at the 2010 census figure', () => {
    expect(valueIn(m, out, 'population.resident', 2010)).toBeCloseTo(8_700_373, 6);
  });
});

describe('outputs', () => {
  const outputIds = hangzhouModel.outputs.map((o) => o.id);

  it('every catalog indicator has an output of kind indicator', () => {
    for (const i of catalog) {
      const o = hangzhouModel.outputs.find((x) => x.id === i.id);
      expect(o, i.id).toBeDefined();
      expect(o?.kind).toBe('indicator');
    }
    expect(Object.keys(indicatorVariable).sort()).toEqual(catalog.map((i) => i.id).sort());
  });

  it('every shared model series is an output and is described in modelSeries', () => {
    for (const id of EXPECTED_SERIES) {
      expect(outputIds, id).toContain(id);
      expect(modelSeries.map((s) => s.id), id).toContain(id);
    }
    expect(modelSeries.map((s) => s.id).sort()).toEqual([...EXPECTED_SERIES].sort());
  });

  it('"in the year" series report a cumulative stock’s annual increase (NaN in the start year)', () => {
    const m = compiled();
    const out = m.run();
    expect(Number.isNaN(valueIn(m, out, 'land.quota_generated', 2010))).toBe(true);
    expect(valueIn(m, out, 'land.quota_generated', 2011)).toBeGreaterThan(0);
    expect(valueIn(m, out, 'hukou.conversions.migrant', 2013)).toBeGreaterThan(0);
  });
});
