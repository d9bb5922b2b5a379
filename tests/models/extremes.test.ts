/**
 * Extreme-condition tests (Sterman, Business Dynamics ch. 21): every lever at its range minimum,
 * and again at its maximum, for 30 years. Shares stay in [0, 100], no count grows past 20 × its
 * 2010 value, population is conserved, the quota ledger and the reform budget stay non-negative.
 * Money amounts are in current prices, so inflation multiplies them; the real economy behind them
 * (GDP at 2010 prices) is held to the same 20 × bound as the counts.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import { CONSERVATION_TOLERANCE, COUNT_GROWTH_LIMIT, isCount, isShare, NON_NEGATIVE_STOCKS, unitOf } from '../../src/validation/extremes.js';
import { compiled, seriesOf } from './helpers.js';

// The conditions and thresholds are the validation report's (src/validation/extremes.ts): one rule for both.

const at = (extreme: 'min' | 'max'): Record<string, number> => Object.fromEntries(params.map((p) => [p.id, p.range[extreme]]));

describe.each(['min', 'max'] as const)('every lever at its range %s, until 2040', (extreme) => {
  const m = compiled({ until: 2040 });
  const levers = at(extreme);
  const out = m.run(levers);
  const trace = m.trace(levers);

  it('every share stays within [0, 100] and every output is finite', () => {
    const problems: string[] = [];
    for (const id of m.outputIds) {
      const series = seriesOf(m, out, id).slice(1);
      if (series.some((v) => !Number.isFinite(v))) problems.push(`${id} is not finite`);
      if (isShare(unitOf.get(id) ?? '') && series.some((v) => v < -1e-9 || v > 100 + 1e-9)) problems.push(`${id} leaves [0, 100]: ${Math.min(...series)} … ${Math.max(...series)}`);
    }
    expect(problems).toEqual([]);
  });

  it('no count grows past 20 × its 2010 value, nor does real GDP', () => {
    const problems: string[] = [];
    for (const id of m.outputIds) {
      if (!isCount(unitOf.get(id) ?? '')) continue;
      const series = seriesOf(m, out, id);
      const first = series[0] as number;
      const peak = Math.max(...series.filter((v) => !Number.isNaN(v)));
      if (first > 0 && peak > COUNT_GROWTH_LIMIT * first) problems.push(`${id}: ×${(peak / first).toFixed(1)}`);
    }
    const gdp = trace.values.real_gdp as Float64Array;
    if (Math.max(...gdp) > COUNT_GROWTH_LIMIT * (gdp[0] as number)) problems.push(`real_gdp: ×${(Math.max(...gdp) / (gdp[0] as number)).toFixed(1)}`);
    expect(problems).toEqual([]);
  });

  it('population is conserved and the ledgers stay non-negative at every step', () => {
    const err = trace.values.population_accounting_error as Float64Array;
    const residents = trace.values.resident_population as Float64Array;
    err.forEach((e, k) => expect(Math.abs(e) / (residents[k] as number)).toBeLessThanOrEqual(CONSERVATION_TOLERANCE));
    for (const id of NON_NEGATIVE_STOCKS) {
      expect(Math.min(...(trace.values[id] as Float64Array)), id).toBeGreaterThanOrEqual(-1e-6);
    }
  });
});
