/** Land: the farmland-balance shortfall is reported, and the homestead swap couples land and hukou. */
import { describe, expect, it } from 'vitest';
import { compiled, seriesOf, valueIn } from './helpers.js';

describe('farmland balance', () => {
  it('is met under the defaults (supplement equals occupation, reclamation adds more than linkage takes)', () => {
    const m = compiled();
    expect(seriesOf(m, m.run(), 'land.farmland_shortfall')).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('reports a cumulative shortfall when occupation exceeds supplement (worked case)', () => {
    // No reclamation, no swaps: the linkage neither adds nor takes farmland (no quota is generated,
    // the ledger starts empty), so the shortfall is exactly (3,000 − 500) ha × years.
    const levers = { farmland_occupation: 3000, farmland_supplement: 500, homestead_reclaim_rate: 0, homestead_swap_uptake: 0 };
    const m = compiled();
    const out = m.run(levers);
    const shortfall = seriesOf(m, out, 'land.farmland_shortfall');
    expect(shortfall[0]).toBe(0);
    for (let y = 1; y <= 5; y++) expect(shortfall[y]).toBeCloseTo(2500 * y, 6);
    expect(seriesOf(m, out, 'land.quota_generated').slice(1)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the shortfall is reported, not hidden, when linkage use outruns reclamation', () => {
    // A starting quota balance lets construction occupy farmland with no reclamation behind it.
    const levers = { init_quota_balance: 1000, homestead_reclaim_rate: 0, homestead_swap_uptake: 0, quota_demand: 500 };
    const m = compiled();
    const out = m.run(levers);
    expect(valueIn(m, out, 'land.farmland_shortfall', 2011)).toBeCloseTo(500, 6);
    expect(valueIn(m, out, 'land.farmland_shortfall', 2015)).toBeCloseTo(1000, 4);
    expect(valueIn(m, out, 'land.quota-balance', 2015)).toBeGreaterThanOrEqual(0);
    expect(valueIn(m, out, 'land.quota-balance', 2015)).toBeLessThan(1e-3);
  });
});

describe('quota ledger', () => {
  it('use never exceeds what has been generated: cumulative generated − used − traded = balance', () => {
    const m = compiled();
    const trace = m.trace({ quota_demand: 3000 });
    const at = (id: string, k: number): number => trace.values[id]?.[k] as number;
    for (let k = 0; k < trace.times.length; k++) {
      const balance = at('quota_balance', k);
      expect(balance).toBeGreaterThanOrEqual(0);
      expect(at('cum_quota_generated', k) - at('cum_quota_used', k) - at('cum_quota_traded', k)).toBeCloseTo(balance, 6);
    }
  });

  it('traded quota is the trade share of the take-up', () => {
    const m = compiled();
    const out = m.run({ quota_trade_share: 25 });
    const used = valueIn(m, out, 'land.quota_used', 2013);
    const traded = valueIn(m, out, 'land.quota_traded', 2013);
    expect(traded / (used + traded)).toBeCloseTo(0.25, 12);
  });
});

describe('the homestead swap (二选一)', () => {
  it('converts hukou and yields quota: raising its uptake raises both', () => {
    const m = compiled();
    const low = m.run({ homestead_swap_uptake: 0.01 });
    const high = m.run({ homestead_swap_uptake: 0.1 });
    for (const year of [2012, 2015]) {
      expect(valueIn(m, high, 'hukou.conversions.outside_plan_area', year)).toBeGreaterThan(valueIn(m, low, 'hukou.conversions.outside_plan_area', year));
      expect(valueIn(m, high, 'land.quota_generated', year)).toBeGreaterThan(valueIn(m, low, 'land.quota_generated', year));
      expect(valueIn(m, high, 'population.urban_hukou', year)).toBeGreaterThan(valueIn(m, low, 'population.urban_hukou', year));
    }
    expect(valueIn(m, high, 'urbanisation.hukou-rate', 2015)).toBeGreaterThan(valueIn(m, low, 'urbanisation.hukou-rate', 2015));
  });

  it('with no swaps and no reclamation no quota is generated', () => {
    const m = compiled();
    const out = m.run({ homestead_swap_uptake: 0, homestead_reclaim_rate: 0 });
    expect(seriesOf(m, out, 'land.quota_generated').slice(1)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the land-for-insurance swap enrols farmers into urban insurance and raises the transfer share', () => {
    const m = compiled();
    const none = m.run({ land_insurance_swap_uptake: 0 });
    const many = m.run({ land_insurance_swap_uptake: 0.3 });
    expect(valueIn(m, many, 'land.transfer-share', 2015)).toBeGreaterThan(valueIn(m, none, 'land.transfer-share', 2015));
    expect(valueIn(m, many, 'insurance.medical.urban-employee', 2015)).toBeGreaterThan(valueIn(m, none, 'insurance.medical.urban-employee', 2015));
  });

  it('coverage widens to the central towns by the milestone year', () => {
    const m = compiled({ until: 2020 });
    const trace = m.trace({ milestone_two_choice_all_central_towns_year: 2014 });
    const cov = trace.values['two_choice_coverage'] as Float64Array;
    const at = (year: number): number => cov[trace.times.findIndex((t) => Math.abs(t - year) < 1e-9)] as number;
    expect(at(2010)).toBe(3);
    expect(at(2012)).toBeCloseTo(3 + (25 - 3) * 0.5, 12);
    expect(at(2014)).toBeCloseTo(25, 12);
    expect(at(2018)).toBeCloseTo(25, 12);
  });
});
