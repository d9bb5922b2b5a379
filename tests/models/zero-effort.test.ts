/**
 * Why a scenario with every policy-effort lever at zero still raises urbanisation and the hukou
 * rate: the pre-reform routes, which no effort lever drives — village residents moving to town on
 * their own (rural_urban_move_rate), trend 农转非 of local farmers (hukou_trend_conv_rate), trend
 * settlement of migrants (hukou_trend_conv_rate_migrant), hukou transfers into the city
 * (registered_in_migration) and migrants arriving and leaving. These tests pin that down: close
 * those routes as well and neither rate moves at all (births and deaths, at one rate for everyone,
 * keep shares), so nothing else — no momentum, no fixed flow tied to an effort lever — drives them.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import { createRunnerContext, runScenario, type ScenarioResult } from '../../src/runner/index.js';

const context = createRunnerContext();
const noEffort = Object.fromEntries(params.filter((p) => p.effort).map((p) => [p.id, p.range.min]));
const TREND_ROUTES = { rural_urban_move_rate: 0, hukou_trend_conv_rate: 0, hukou_trend_conv_rate_migrant: 0, registered_in_migration: 0 };

const run = (extra: Record<string, number>): ScenarioResult =>
  runScenario(
    { id: 'x', title: { zh: 'x', en: 'x' }, description: null, file: '<memory>', hash: '', chain: ['x'], parameters: { ...noEffort, ...extra }, uncertainty: {}, montecarlo: null, targets: [] },
    { context },
  );
const at = (r: ScenarioResult, id: string, year: number): number => r.rows.find((x) => x.output === id && x.year === year)?.value ?? NaN;
const rise = (r: ScenarioResult, id: string): number => at(r, id, 2015) - at(r, id, 2010);

describe('every policy-effort lever at zero', () => {
  const zero = run({});

  it('urbanisation and the hukou rate still rise, through the pre-reform routes only', () => {
    expect(rise(zero, 'urbanisation.rate')).toBeGreaterThan(0);
    expect(rise(zero, 'urbanisation.hukou-rate')).toBeGreaterThan(0);
    const closed = run(TREND_ROUTES);
    // Without trend conversions and hukou transfers nobody gains an urban hukou but by birth, and births and deaths keep shares.
    expect(Math.abs(rise(closed, 'urbanisation.hukou-rate'))).toBeLessThan(1e-9);
    // Without moves and conversions only migrant arrivals change where people live: they settle as migrants did in 2010.
    const noArrivals = run({ ...TREND_ROUTES, migrant_arrivals: 0, migrant_departure_rate: 0, settled_migrant_departure_rate: 0 });
    expect(Math.abs(rise(noArrivals, 'urbanisation.rate'))).toBeLessThan(1e-9);
  });

  it('each pre-reform route adds to the rise: closing any one of them lowers it', () => {
    for (const [lever, closedValue] of Object.entries({ ...TREND_ROUTES, migrant_arrivals: 0 })) {
      const without = run({ [lever]: closedValue });
      const lower = (id: string): boolean => rise(without, id) < rise(zero, id) - 1e-9;
      expect(lower('urbanisation.rate') || lower('urbanisation.hukou-rate'), lever).toBe(true);
    }
  });
});
