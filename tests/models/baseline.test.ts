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

/** The model series (shared with charts, scenarios and the observed data). */
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
  // Observable quantities, ids shared with the observed data.
  'population.registered',
  'population.resident-minus-registered',
  'population.resident-increase',
  'economy.gdp',
  'economy.gdp-per-capita',
  'income.urban-disposable',
  'income.rural-net',
  'income.urban-rural-ratio',
  'finance.rd-expenditure',
  'insurance.medical.urban-rural-residents',
  'land.farmland-area',
  // The reform budget and the feedback it carries.
  'finance.reform-budget',
  'finance.reform-spending',
  'finance.committed-charges',
  'finance.unfunded-commitments',
  'finance.funding-ratio',
  'land.quota-price',
  'land.reclamation-in-progress',
  'hukou.qualified-migrants',
  'population.reform-citizens',
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

  it('the observable quantities start at their published 2010 values (GDP, incomes: 2011 government work report)', () => {
    expect(valueIn(m, out, 'economy.gdp', 2010)).toBe(5945.82);
    expect(valueIn(m, out, 'income.urban-disposable', 2010)).toBe(30_035);
    expect(valueIn(m, out, 'income.rural-net', 2010)).toBe(13_186);
    expect(valueIn(m, out, 'income.urban-rural-ratio', 2010)).toBeCloseTo(30_035 / 13_186, 12);
    expect(valueIn(m, out, 'population.registered', 2010)).toBeCloseTo(6_900_000, 6);
    expect(valueIn(m, out, 'population.resident-minus-registered', 2010)).toBeCloseTo(8_700_373 - 6_900_000, 6);
    expect(valueIn(m, out, 'finance.rd-expenditure', 2010)).toBeCloseTo((2.9 / 100) * 5945.82, 9);
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
