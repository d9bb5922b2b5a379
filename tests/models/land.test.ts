/**
 * Land: the farmland balance moves with the levers and is reported, the quota ledger is a market
 * (not pinned at zero), homestead moves with the households who hold it, and the swaps couple land
 * to hukou and insurance without counting anyone twice.
 */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/engine/index.js';
import { compiled, seriesOf, valueIn } from './helpers.js';

const at = (trace: Trace, id: string, k: number): number => {
  const v = trace.values[id];
  if (!v) throw new Error(`no variable ${id}`);
  return v[k] as number;
};
const yearIndex = (trace: Trace, year: number): number => trace.times.findIndex((t) => Math.abs(t - year) < 1e-9);

/** No reclamation of any kind: the linkage neither adds nor takes farmland. */
const NO_RECLAMATION = { homestead_reclaim_rate: 0, idle_homestead_reclaim_rate: 0, homestead_swap_uptake: 0, init_quota_balance: 0 };

describe('farmland balance', () => {
  it('is not pinned at zero: under the defaults a shortfall builds up, and more reclamation shrinks it', () => {
    const m = compiled();
    const defaults = seriesOf(m, m.run(), 'land.farmland_shortfall');
    expect(defaults[0]).toBe(0);
    expect(defaults[5]).toBeGreaterThan(0);
    const more = valueIn(m, m.run({ homestead_reclaim_rate: 0.02 }), 'land.farmland_shortfall', 2015);
    expect(more).toBeLessThan(defaults[5] as number);
  });

  it('worked case: with no reclamation the shortfall is occupation minus what a shrinking reserve can supply', () => {
    // Occupation 3,000 ha a year (job growth held at its 2011 level: elasticity 0); supplement
    // 500 × reserve / initial reserve, so monthly Euler gives a reserve R0 (1 − 500 dt / R0)^k.
    const R0 = 20_000;
    const levers = { ...NO_RECLAMATION, farmland_occupation: 3000, farmland_supplement: 500, init_farmland_reserve: R0, migration_job_elasticity: 0 };
    const m = compiled();
    const out = m.run(levers);
    const shortfall = seriesOf(m, out, 'land.farmland_shortfall');
    expect(shortfall[0]).toBe(0);
    for (let y = 1; y <= 5; y++) expect(shortfall[y]).toBeCloseTo(3000 * y - R0 * (1 - (1 - 500 / 12 / R0) ** (12 * y)), 6);
    expect(seriesOf(m, out, 'land.quota_generated').slice(1)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('quota ledger and market', () => {
  it('use never exceeds what has been generated: cumulative generated − used − traded = balance', () => {
    const trace = compiled().trace({ quota_demand: 3000 });
    for (let k = 0; k < trace.times.length; k++) {
      const balance = at(trace, 'quota_balance', k);
      expect(balance).toBeGreaterThanOrEqual(0);
      expect(at(trace, 'cum_quota_generated', k) - at(trace, 'cum_quota_used', k) - at(trace, 'cum_quota_traded', k)).toBeCloseTo(balance, 6);
    }
  });

  it('traded quota is the trade share of the take-up', () => {
    const m = compiled();
    const out = m.run({ quota_trade_share: 25 });
    const used = valueIn(m, out, 'land.quota_used', 2013);
    const traded = valueIn(m, out, 'land.quota_traded', 2013);
    expect(traded / (used + traded)).toBeCloseTo(0.25, 12);
  });

  it('is not pinned at zero: trading lets the price ration demand, so a balance builds up; without trading it stays near zero', () => {
    const m = compiled();
    const traded = valueIn(m, m.run({ quota_trade_share: 40 }), 'land.quota-balance', 2015);
    const untraded = valueIn(m, m.run({ quota_trade_share: 0, quota_demand_price_elasticity: 0 }), 'land.quota-balance', 2015);
    expect(traded).toBeGreaterThan(10);
    expect(untraded).toBeLessThan(1e-3);
  });

  it('the price rises while demand exceeds supply and stays within a tenth to ten times its 2010 level', () => {
    const m = compiled({ until: 2040 });
    const price = seriesOf(m, m.run({ quota_demand: 3000 }), 'land.quota-price');
    expect(price[1]).toBeGreaterThan(price[0] as number);
    for (const p of price) {
      expect(p).toBeGreaterThanOrEqual(4_500_000 / 10 - 1e-6);
      expect(p).toBeLessThanOrEqual(4_500_000 * 10 + 1e-6);
    }
  });

  it('reclamation reaches the ledger through a three-stage pipeline: a third-order delay of reclamation_time', () => {
    // A step in consolidation at the start: new quota lags it. With all stages empty of new land,
    // the first year's output is far below the steady state; by about 2 × the lead time it is close.
    const levers = { ...NO_RECLAMATION, homestead_reclaim_rate: 0.01, reclamation_time: 2, init_homestead_area: 50_000, quota_trade_share: 0 };
    const trace = compiled({ until: 2020 }).trace(levers);
    const inflow = (k: number): number => at(trace, 'homestead_consolidated', k);
    const outflow = (k: number): number => at(trace, 'homestead_reclaimed', k);
    const k1 = yearIndex(trace, 2011);
    const k5 = yearIndex(trace, 2015);
    // The pipeline starts in steady state with 2010 consolidation at this rate: output equals input.
    expect(outflow(0)).toBeCloseTo(inflow(0), 6);
    expect(at(trace, 'reclaim_stage_1', 0)).toBeCloseTo((0.01 * 50_000 * 2) / 3, 9);
    expect(outflow(k5) / inflow(k5)).toBeGreaterThan(0.95);
    expect(outflow(k1)).toBeGreaterThan(0);
  });
});

describe('homestead moves with the households who hold it (co-flow)', () => {
  it('homestead per rural-hukou person stays near its 2010 level even when conversions empty the villages', () => {
    const heavy = { hukou_conv_rate_plan_area: 0.3, hukou_conv_rate_outside_plan: 0.3, homestead_swap_uptake: 0.3, hukou_eligibility_share: 100, hukou_pilot_start_year: 2011, reform_budget_share: 3 };
    const trace = compiled().trace(heavy);
    const first = at(trace, 'homestead_per_rural_person', 0);
    const last = at(trace, 'homestead_per_rural_person', trace.times.length - 1);
    expect(at(trace, 'rural_hukou', trace.times.length - 1)).toBeLessThan(0.6 * at(trace, 'rural_hukou', 0));
    // Consolidation takes some homestead from those who stay; births add people but no land.
    expect(last / first).toBeGreaterThan(0.85);
    expect(last / first).toBeLessThan(1.02);
  });

  it('converting farmers from outside planning areas leave their homestead idle, the exit mechanism reclaims it', () => {
    const m = compiled();
    const trace = m.trace({ idle_homestead_reclaim_rate: 0 });
    expect(at(trace, 'homestead_idle', trace.times.length - 1)).toBeGreaterThan(0);
    const withExit = m.trace({ idle_homestead_reclaim_rate: 0.2 });
    expect(at(withExit, 'homestead_idle', withExit.times.length - 1)).toBeLessThan(at(trace, 'homestead_idle', trace.times.length - 1));
  });
});

describe('the two swaps (二选一)', () => {
  it('a homestead swap converts hukou and yields quota: raising its uptake raises both', () => {
    const m = compiled();
    const low = m.run({ homestead_swap_uptake: 0.01 });
    const high = m.run({ homestead_swap_uptake: 0.1 });
    for (const year of [2013, 2015]) {
      expect(valueIn(m, high, 'hukou.conversions.outside_plan_area', year)).toBeGreaterThan(valueIn(m, low, 'hukou.conversions.outside_plan_area', year));
      expect(valueIn(m, high, 'land.quota_generated', year)).toBeGreaterThan(valueIn(m, low, 'land.quota_generated', year));
      expect(valueIn(m, high, 'population.urban_hukou', year)).toBeGreaterThan(valueIn(m, low, 'population.urban_hukou', year));
    }
  });

  it('the land-for-insurance swap enrols farmers into urban insurance and raises the transfer share', () => {
    const m = compiled();
    const none = m.run({ land_insurance_swap_uptake: 0 });
    const many = m.run({ land_insurance_swap_uptake: 0.3 });
    expect(valueIn(m, many, 'land.transfer-share', 2015)).toBeGreaterThan(valueIn(m, none, 'land.transfer-share', 2015));
    expect(valueIn(m, many, 'insurance.medical.urban-employee', 2015)).toBeGreaterThan(valueIn(m, none, 'insurance.medical.urban-employee', 2015));
  });

  it('a swapper who later converts is counted once: the insured swappers split into rural and converted, the rural ones never exceed their population', () => {
    const levers = { land_insurance_swap_uptake: 0.3, hukou_conv_rate_outside_plan: 0.3, hukou_eligibility_share: 100, homestead_swap_uptake: 0.2, hukou_pilot_start_year: 2011 };
    const trace = compiled({ until: 2025 }).trace(levers);
    for (let k = 0; k < trace.times.length; k += 6) {
      const swappers = at(trace, 'land_swap_insured', k);
      const converted = at(trace, 'land_swap_converted', k);
      expect(converted).toBeLessThanOrEqual(swappers + 1e-6);
      expect(at(trace, 'land_swap_rural', k)).toBeLessThanOrEqual(at(trace, 'rural_out_urban', k) + at(trace, 'rural_out_rural', k) + 1e-6);
      // The employee pool holds each swapper once, whatever their hukou now.
      const pool = (at(trace, 'urban_hukou', k) - converted) * at(trace, 'urban_employee_pool_share', k) / 100 + swappers;
      expect(at(trace, 'pool_urban_employee', k)).toBeCloseTo(pool, 6);
    }
    expect(at(trace, 'land_swap_converted', trace.times.length - 1)).toBeGreaterThan(1000);
  });

  it('coverage widens from the base year to the central towns by the end of the milestone year', () => {
    const trace = compiled({ until: 2020 }).trace({ milestone_two_choice_all_central_towns_year: 2014 });
    const cov = (year: number): number => at(trace, 'two_choice_coverage', yearIndex(trace, year));
    expect(cov(2010)).toBe(3);
    expect(cov(2012)).toBeCloseTo(3 + (25 - 3) * 0.5, 12);
    expect(cov(2014)).toBeCloseTo(25, 12);
    expect(cov(2018)).toBeCloseTo(25, 12);
  });

  it('in trend the pilot stays in its four towns within any horizon (trend.yaml: no widening)', () => {
    const trace = compiled({ until: 2029 }).trace({ two_choice_widening_from_year: 2030, milestone_two_choice_all_central_towns_year: 2030 });
    const cov = trace.values.two_choice_coverage as Float64Array;
    expect(Math.min(...cov)).toBe(3);
    expect(Math.max(...cov)).toBe(3);
  });
});
