/**
 * The feedback the plan's mechanisms imply, and the fixes of model v2: each test states a
 * behaviour the equations must show (and the first model did not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectModel, type Trace } from '../../src/engine/index.js';
import { hangzhouModel } from '../../src/models/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { compiled, leverDraws, valueIn } from './helpers.js';

const last = (trace: Trace, id: string): number => {
  const v = trace.values[id];
  if (!v) throw new Error(`no variable ${id}`);
  return v[v.length - 1] as number;
};
const values = (trace: Trace, id: string): Float64Array => {
  const v = trace.values[id];
  if (!v) throw new Error(`no variable ${id}`);
  return v;
};

describe('one time convention', () => {
  it('no equation hard-codes the base year or shifts time by hand: `start` and `step(h, Y)` do it', () => {
    const offending = inspectModel(hangzhouModel).variables.filter((v) => v.kind !== 'input' && (/\b2010\b/.test(v.expression) || /time\s*\+\s*1\b/.test(v.expression)));
    expect(offending.map((v) => `${v.id}: ${v.expression}`)).toEqual([]);
  });

  it('the hukou reform switches on in the pilot year: zero during the steps of 2012, one from the first step of 2013', () => {
    const trace = compiled().trace({ hukou_pilot_start_year: 2013 });
    const active = values(trace, 'hukou_reform_active');
    trace.times.forEach((t, k) => {
      if (t < 2011.999) expect(active[k], `t = ${t}`).toBe(0);
      if (t > 2012.001 && t < 2012.999) expect(active[k], `t = ${t}`).toBe(1);
    });
  });

  it('a run starting in 2011 starts the car reform from its 56 units then (relative to `start`, not to 2010)', () => {
    const m = compiled({ start: 2011, until: 2016 });
    const out = m.run({ milestone_city_car_reform_year: 2016 });
    expect(valueIn(m, out, 'administration.car-reform.units-total', 2011)).toBe(56);
    expect(valueIn(m, out, 'administration.car-reform.units-total', 2016)).toBeCloseTo(80, 9);
  });
});

describe('population', () => {
  it('migrant arrivals settle where migrants lived in 2010, however many town migrants convert', () => {
    const m = compiled();
    const share = (levers: Record<string, number>): number[] => {
      const trace = m.trace(levers);
      const town = values(trace, 'migrant_arrivals_urban');
      const village = values(trace, 'migrant_arrivals_rural');
      return Array.from(town, (u, k) => u / (u + (village[k] as number)));
    };
    const none = share({ hukou_conv_rate_migrant: 0 });
    const many = share({ hukou_conv_rate_migrant: 0.3, hukou_eligibility_share: 100, hukou_pilot_start_year: 2011, reform_budget_share: 3 });
    expect(many[many.length - 1]).toBeCloseTo(none[0] as number, 12);
    expect(none[none.length - 1]).toBeCloseTo(none[0] as number, 12);
  });

  it('eligibility follows insurance (line 175): more migrant coverage, more qualified migrants, more conversions', () => {
    const m = compiled();
    const low = m.trace({ insurance_effort_migrant: 0 });
    const high = m.trace({ insurance_effort_migrant: 0.4 });
    expect(last(high, 'migrant_settled')).toBeGreaterThan(1.1 * last(low, 'migrant_settled'));
    expect(last(high, 'cum_conv_migrant')).toBeGreaterThan(last(low, 'cum_conv_migrant'));
    // Qualified migrants never exceed the insured ones.
    for (const trace of [low, high]) {
      const settled = values(trace, 'migrant_settled');
      const insured = values(trace, 'insured_migrants');
      settled.forEach((s, k) => expect(s).toBeLessThanOrEqual((insured[k] as number) * (1 + 1e-9)));
    }
  });

  it('equal treatment draws migrants (同城同待遇): higher coverage, more arrivals', () => {
    const m = compiled();
    const low = m.trace({ insurance_effort_migrant: 0 });
    const high = m.trace({ insurance_effort_migrant: 0.4 });
    expect(last(high, 'migrant_arrivals_total')).toBeGreaterThan(last(low, 'migrant_arrivals_total'));
  });
});

describe('the reform budget', () => {
  it('never goes below zero and never spends more than is available', () => {
    const cases: Record<string, number>[] = [{}, { reform_budget_share: 0 }, { reform_budget_share: 0.1, hukou_conv_rate_plan_area: 0.3 }];
    for (const levers of cases) {
      const trace = compiled({ until: 2025 }).trace(levers);
      const budget = values(trace, 'reform_budget');
      const spending = values(trace, 'reform_spending');
      const available = values(trace, 'budget_available');
      budget.forEach((b, k) => {
        expect(b).toBeGreaterThanOrEqual(0);
        expect(spending[k]).toBeLessThanOrEqual((available[k] as number) * (1 + 1e-12));
      });
    }
  });

  it('unspent money lapses: the balance never exceeds drawdown-time years of income, whatever the levers (until 2040)', () => {
    const m = compiled({ until: 2040 });
    fc.assert(
      fc.property(leverDraws, (levers) => {
        const trace = m.trace({ ...levers, budget_lapse_share: 1, init_reform_budget: 0 });
        const budget = values(trace, 'reform_budget');
        const income = values(trace, 'reform_appropriation');
        const sales = values(trace, 'quota_sales_revenue');
        // With every released but unspent yuan lapsing, dB/dt ≤ income − B/d: B cannot pass d × the highest income so far.
        let highestIncome = 0;
        budget.forEach((b, k) => {
          highestIncome = Math.max(highestIncome, (income[k] as number) + (sales[k] as number));
          expect(b).toBeLessThanOrEqual(levers.budget_drawdown_time! * highestIncome * (1 + 1e-9) + 1e-9);
        });
      }),
      { numRuns: 25, seed: 20110 },
    );
    // Without the lapse the trend piles up unspent money: by 2040 far more than two years of income.
    const trend = loadScenario('trend').parameters as Record<string, number>;
    const piled = m.trace({ ...trend, budget_lapse_share: 0 });
    expect(last(piled, 'reform_budget')).toBeGreaterThan(5 * last(piled, 'reform_appropriation'));
    const lapsing = m.trace(trend);
    expect(last(lapsing, 'reform_budget')).toBeLessThanOrEqual(2 * last(lapsing, 'reform_appropriation'));
  });

  it('priorities trade off when the budget binds: more hukou conversions leave less for reclamation and enrolment', () => {
    const m = compiled();
    const tight = { reform_budget_share: 0.15, init_reform_budget: 0 };
    const base = m.trace(tight);
    const hukouFirst = m.trace({ ...tight, hukou_conv_rate_plan_area: 0.08, hukou_conv_rate_migrant: 0.06 });
    expect(last(hukouFirst, 'cum_conv_plan_area')).toBeGreaterThan(last(base, 'cum_conv_plan_area'));
    expect(last(hukouFirst, 'funding_ratio')).toBeLessThan(last(base, 'funding_ratio'));
    expect(last(hukouFirst, 'cum_quota_generated')).toBeLessThan(last(base, 'cum_quota_generated'));
    expect(last(hukouFirst, 'cov_migrant')).toBeLessThan(last(base, 'cov_migrant'));
    // With an ample budget every measure is fully funded, whatever the priorities.
    const ample = { reform_budget_share: 3 };
    expect(Math.min(...values(m.trace({ ...ample, hukou_conv_rate_plan_area: 0.08, hukou_conv_rate_migrant: 0.06 }), 'funding_ratio'))).toBe(1);
  });

  it('the reform’s cost rises as it proceeds (line 69): every new citizen adds a recurring charge', () => {
    const trace = compiled().trace();
    const charges = values(trace, 'committed_charges');
    const citizens = values(trace, 'reform_citizens');
    expect(last(trace, 'reform_citizens')).toBeGreaterThan(50_000);
    expect(charges[charges.length - 1]).toBeGreaterThan(3 * (charges[0] as number));
    expect(citizens[0]).toBe(0);
  });
});

describe('integration sub-scores follow what they measure, symmetrically', () => {
  it('the indicated score scales the 2010 shortfall by the measured shortfall (to the elasticity), for better and worse alike', () => {
    const m = compiled();
    const cases: Record<string, number>[] = [{ insurance_effort_migrant: 0.4 }, { insurance_effort_migrant: 0, migrant_arrival_coverage: 0 }];
    for (const levers of cases) {
      const trace = m.trace({ ...levers, integration_coupling_services: 1.5 });
      const index = values(trace, 'services_shortfall_index');
      const indicated = values(trace, 'int_services_indicated');
      index.forEach((x, k) => expect(indicated[k]).toBeCloseTo(100 - (100 - 88) * x ** 1.5, 9));
    }
    const better = m.trace({ insurance_effort_migrant: 0.4 });
    const worse = m.trace({ insurance_effort_migrant: 0, migrant_arrival_coverage: 0 });
    expect(last(better, 'services_shortfall_index')).toBeLessThan(1);
    expect(last(worse, 'services_shortfall_index')).toBeGreaterThan(1);
    expect(last(better, 'int_services')).toBeGreaterThan(88);
    expect(last(worse, 'int_services')).toBeLessThan(88);
  });

  it('a measure held still holds the score still: the factor sub-score compares levels with 2010, it does not accumulate a change', () => {
    // No trading, no transfers: both measures stay at their 2010 level, so the score stays put.
    const still = { quota_trade_share: 0, land_transfer_rate: 0, rural_urban_move_rate: 0, central_town_development: 0, land_insurance_swap_uptake: 0 };
    const trace = compiled({ until: 2030 }).trace(still);
    expect(Math.max(...values(trace, 'factors_shortfall_index'))).toBeCloseTo(1, 12);
    expect(last(trace, 'int_factors')).toBeCloseTo(82, 9);
  });
});
