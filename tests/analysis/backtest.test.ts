/**
 * Backtest metrics on a small worked example, computed by hand:
 *   projection x: 2010 100, 2011 104, 2012 108, 2013 112, 2014 116, 2015 120
 *   observed   x: 2010 100, 2011 105, 2012 110, 2014 125, 2015 124; fitted until 2012
 *   errors (projected − observed): 2011 −1, 2012 −2 | 2014 −9, 2015 −4
 *   % errors: −1/105 = −0.95238 %, −2/110 = −1.81818 % | −9/125 = −7.2 %, −4/124 = −3.22581 %
 *   MAPE fitted = (0.95238 + 1.81818)/2 = 1.38528 %; out-of-sample = (7.2 + 3.22581)/2 = 5.21290 %
 *   naive (2010 value 100 held) errors: 2011 −5, 2012 −10 | 2014 −25, 2015 −24
 *   Theil's U fitted = √(1 + 4)/√(25 + 100) = √5/√125 = 0.2; out-of-sample = √(81 + 16)/√(625 + 576) = 0.284194
 *   RMSE fitted = √(5/2) = 1.58114; mean error fitted = −1.5
 */
import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/analysis/index.js';
import type { ResultRow, ScenarioResult } from '../../src/runner/types.js';

const years = [2010, 2011, 2012, 2013, 2014, 2015];
const projected = [100, 104, 108, 112, 116, 120];
const deterministic: ScenarioResult = {
  scenario: { id: 's', title: { zh: '情景', en: 'S' } },
  mode: 'deterministic',
  runs: 1,
  seed: null,
  years,
  rows: years.map((year, i): ResultRow => ({ scenario: 's', output: 'x', year, statistic: 'value', value: projected[i]! })),
  attainment: [],
};
const observed = [
  { id: 'x', year: 2010, value: 100 },
  { id: 'x', year: 2011, value: 105 },
  { id: 'x', year: 2012, value: 110 },
  { id: 'x', year: 2014, value: 125 },
  { id: 'x', year: 2015, value: 124 },
  { id: 'not.an.output', year: 2012, value: 1 },
];

describe('backtest', () => {
  const r = backtest(deterministic, observed, { fittedUntil: 2012 });
  const metric = (split: string) => r.metrics.find((m) => m.id === 'x' && m.split === split)!;

  it('scores each observation: error, % error, split, naive value', () => {
    expect(r.rows.map((x) => [x.year, x.split, x.error])).toEqual([[2010, 'base', 0], [2011, 'fitted', -1], [2012, 'fitted', -2], [2014, 'out-of-sample', -9], [2015, 'out-of-sample', -4]]);
    expect(r.rows[1]!.percentError).toBeCloseTo(-0.952381, 6);
    expect(r.rows.every((x) => x.naive === 100 && x.withinBand === null)).toBe(true);
    expect(r.unmatched).toEqual([{ id: 'not.an.output', year: 2012, value: 1 }]);
  });

  it('MAPE, RMSE, bias and Theil’s U per split equal the hand-computed values', () => {
    expect(metric('fitted')).toMatchObject({ n: 2, mape: expect.closeTo(1.385281, 6), rmse: expect.closeTo(1.581139, 6), meanError: -1.5, theilU: expect.closeTo(0.2, 12) });
    expect(metric('out-of-sample')).toMatchObject({ n: 2, mape: expect.closeTo(5.212903, 6), theilU: expect.closeTo(Math.sqrt(97) / Math.sqrt(1201), 12) });
    expect(metric('out-of-sample').theilU).toBeCloseTo(0.284194, 6);
    expect(metric('all')).toMatchObject({ n: 4, mape: expect.closeTo((1.385281 + 5.212903) / 2, 6) });
  });

  it('under Monte Carlo scores the median and says whether each observation lies in the 90 % band', () => {
    const rows = years.flatMap((year, i): ResultRow[] =>
      (['p05', 'p25', 'p50', 'p75', 'p95', 'mean'] as const).map((statistic) => ({
        scenario: 's',
        output: 'x',
        year,
        statistic,
        value: projected[i]! + { p05: -6, p25: -2, p50: 0, p75: 2, p95: 6, mean: 0.5 }[statistic],
      })),
    );
    const mc = backtest({ ...deterministic, mode: 'montecarlo', runs: 100, seed: 1, rows }, observed, { fittedUntil: 2012 });
    expect(mc.rows.map((x) => x.withinBand)).toEqual([true, true, true, false, true]);
    expect(mc.metrics.find((m) => m.split === 'fitted')?.mape).toBeCloseTo(1.385281, 6);
    expect(mc.series[0]!.points[5]).toEqual({ year: 2015, central: 120, low: 114, high: 126 });
  });
});
