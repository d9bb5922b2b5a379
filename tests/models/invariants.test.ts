/**
 * Invariants that hold at every traced step and for any lever values within their ranges:
 * population is conserved across hukou and migration flows, shares stay within [0, 100],
 * the quota ledger never goes negative, stocks of people and land stay non-negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import type { CompiledModel, Trace } from '../../src/engine/index.js';
import { modelSeries, populationStocks } from '../../src/models/index.js';
import { compiled, leverDraws, seriesOf } from './helpers.js';

const values = (trace: Trace, id: string): Float64Array => {
  const v = trace.values[id];
  if (!v) throw new Error(`no variable ${id} in the trace`);
  return v;
};

/** Largest |accounting error| / resident population over all steps. */
function worstConservationError(trace: Trace): number {
  const err = values(trace, 'population_accounting_error');
  const total = values(trace, 'resident_population');
  let worst = 0;
  for (let k = 0; k < err.length; k++) worst = Math.max(worst, Math.abs(err[k] as number) / (total[k] as number));
  return worst;
}

/** Independent re-summation of the accounts from the stocks themselves. */
function recomputedError(trace: Trace, k: number): number {
  const at = (id: string): number => values(trace, id)[k] as number;
  const residents = populationStocks.reduce((s, id) => s + at(id), 0);
  return residents - (at('population_2010') + at('cum_births') - at('cum_deaths') + at('cum_arrivals') - at('cum_departures'));
}

const SHARE_SERIES = modelSeries.filter((s) => s.unit === '%' || s.id.startsWith('integration.sub.')).map((s) => s.id);

/** Problems with one run: indicators outside their catalog bounds, shares outside [0, 100], non-finite values. */
function boundProblems(m: CompiledModel, out: Float64Array): string[] {
  const problems: string[] = [];
  for (const ind of catalog) {
    seriesOf(m, out, ind.id).forEach((v, y) => {
      if (!(v >= ind.bounds.min && v <= ind.bounds.max)) problems.push(`${ind.id} ${m.years[y]}: ${v} outside [${ind.bounds.min}, ${ind.bounds.max}]`);
    });
  }
  for (const id of SHARE_SERIES) {
    seriesOf(m, out, id).forEach((v, y) => {
      if (!(v >= 0 && v <= 100)) problems.push(`${id} ${m.years[y]}: ${v} outside [0, 100]`);
    });
  }
  return problems;
}

const NON_NEGATIVE = [
  ...populationStocks,
  'homestead_area',
  'homestead_idle',
  'reclaim_stage_1',
  'reclaim_stage_2',
  'reclaim_stage_3',
  'farmland',
  'farmland_reserve',
  'quota_balance',
  'reform_budget',
  'land_swap_insured',
  'land_swap_converted',
  'farmland_shortfall',
];

function negativeStocks(trace: Trace): string[] {
  return NON_NEGATIVE.flatMap((id) => {
    const v = values(trace, id);
    const min = Math.min(...v);
    return min >= 0 ? [] : [`${id} reaches ${min}`];
  });
}

describe('population conservation', () => {
  it('residents = start + births − deaths + arrivals − departures at every step (defaults), to 1e-9', () => {
    const trace = compiled().trace();
    expect(trace.times.length).toBe(5 * 12 + 1);
    expect(worstConservationError(trace)).toBeLessThanOrEqual(1e-9);
    for (let k = 0; k < trace.times.length; k++) {
      expect(Math.abs(recomputedError(trace, k)) / (values(trace, 'resident_population')[k] as number)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('conversions move people without creating or losing anyone: registered + migrants = residents', () => {
    const trace = compiled().trace({ hukou_conv_rate_migrant: 0.3, hukou_conv_rate_outside_plan: 0.3, homestead_swap_uptake: 0.3 });
    const reg = values(trace, 'registered_population');
    const mig = values(trace, 'migrants');
    const res = values(trace, 'resident_population');
    for (let k = 0; k < res.length; k++) expect(Math.abs((reg[k] as number) + (mig[k] as number) - (res[k] as number))).toBeLessThanOrEqual(1e-9 * (res[k] as number));
    expect(worstConservationError(trace)).toBeLessThanOrEqual(1e-9);
  });

  it('with births equal to deaths and no migration the resident population is constant while hukou changes', () => {
    const closed = { birth_rate: 0.005, death_rate: 0.005, migrant_arrivals: 0, migrant_departure_rate: 0, settled_migrant_departure_rate: 0, registered_in_migration: 0 };
    const m = compiled();
    const out = m.run(closed);
    const res = seriesOf(m, out, 'population.resident');
    const urban = seriesOf(m, out, 'population.urban_hukou');
    expect(urban[5]).toBeGreaterThan((urban[0] as number) * 1.05);
    for (const r of res) expect(Math.abs(r - (res[0] as number))).toBeLessThanOrEqual(1e-9 * (res[0] as number));
    expect(worstConservationError(m.trace(closed))).toBeLessThanOrEqual(1e-9);
  });
});

describe('bounds under the default levers', () => {
  it('every indicator stays within its catalog bounds and every share within [0, 100], every year', () => {
    const m = compiled({ until: 2040 });
    expect(boundProblems(m, m.run())).toEqual([]);
  });

  it('the quota ledger and all stocks of people and land are never negative at any traced step', () => {
    expect(negativeStocks(compiled({ until: 2030 }).trace())).toEqual([]);
  });
});

describe('invariants under random valid levers (fast-check)', () => {
  const m = compiled({ until: 2025 });

  it('conservation, bounds, non-negative ledger and stocks for levers drawn within their ranges', () => {
    fc.assert(
      fc.property(leverDraws, (levers) => {
        const trace = m.trace(levers);
        const problems = [...boundProblems(m, m.run(levers)), ...negativeStocks(trace)];
        const conservation = worstConservationError(trace);
        if (!(conservation <= 1e-9)) problems.push(`conservation error ${conservation}`);
        expect(problems).toEqual([]);
      }),
      { numRuns: 200, seed: 2011 },
    );
  });
});
