/**
 * Bounded-memory Monte Carlo: sketched quantiles stay within the stated bound of the exact ones,
 * target probabilities (counted run by run) and lever medians are exact, and results stay
 * byte-identical across thread counts with the chunked reduction.
 */
import { describe, expect, it } from 'vitest';
import { createSingleThreadRunner } from '../../src/runner/single-thread.js';
import { runMonteCarlo } from '../../src/runner/run.js';
import { quantileSorted } from '../../src/runner/stats.js';
import {
  CHUNK_RUNS, EXACT_QUANTILE_VALUES, quantileMethod, SKETCH_RELATIVE_ACCURACY, TargetCounter,
} from '../../src/runner/streaming.js';
import { createWorkerPoolRunner } from '../../src/runner/worker-pool.js';
import { MonteCarloStatistics } from '../../src/runner/types.js';
import type { Target } from '../../src/catalog/types.js';
import { fixtureContext, scenario } from './fixture.js';

const uncertain = scenario('mc', {
  parameters: { push: { 2011: 1, 2013: 3 } },
  uncertainty: { cut: { dist: 'beta', alpha: 2, beta: 3, min: 0, max: 0.05 }, push: { dist: 'normal', mean: 2, sd: 1 }, milestone_fx_year: { dist: 'triangular', min: 2012, mode: 2015, max: 2018 } },
});

const job = { parameters: uncertain.parameters, uncertainty: uncertain.uncertainty, seed: 2011, runs: 3_000, options: {} };

describe('quantile method', () => {
  it('is exact up to EXACT_QUANTILE_VALUES values and sketched beyond, unless chosen', () => {
    expect(quantileMethod('auto', EXACT_QUANTILE_VALUES / 450, 450)).toBe('exact');
    expect(quantileMethod(undefined, EXACT_QUANTILE_VALUES / 450 + 1, 450)).toBe('sketch');
    expect(quantileMethod('exact', 1e9, 450)).toBe('exact');
    expect(quantileMethod('sketch', 10, 450)).toBe('sketch');
  });
});

describe('sketched quantiles', () => {
  const single = createSingleThreadRunner(fixtureContext);

  it(`lie within ${SKETCH_RELATIVE_ACCURACY} (relative) of an order statistic next to the exact quantile; n and mean agree`, async () => {
    const exact = await single.runMonteCarlo({ ...job, quantiles: 'exact' });
    const sketch = await single.runMonteCarlo({ ...job, quantiles: 'sketch' });
    expect(exact.quantiles).toBe('exact');
    expect(sketch.quantiles).toBe('sketch');
    expect(sketch.matrix).toBeUndefined();
    const matrix = exact.matrix!;
    let checked = 0;
    for (let c = 0; c < matrix.cells; c++) {
      const values = Array.from(matrix.cell(c)).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      const e = exact.summaries[c];
      const s = sketch.summaries[c];
      if (values.length === 0) {
        expect(s).toBeNull();
        continue;
      }
      expect(s?.n).toBe(values.length);
      expect(Math.abs(s!.mean - e!.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(e!.mean) + 1e-12);
      for (const stat of ['p05', 'p25', 'p50', 'p75', 'p95'] as const) {
        const p = Number(stat.slice(1)) / 100;
        expect(e![stat]).toBe(quantileSorted(values, p));
        const r = (values.length - 1) * p;
        const lo = values[Math.floor(r)]!;
        const hi = values[Math.ceil(r)]!;
        const slack = (x: number): number => SKETCH_RELATIVE_ACCURACY * Math.abs(x) + 1e-300;
        expect(s![stat]).toBeGreaterThanOrEqual(lo - slack(lo));
        expect(s![stat]).toBeLessThanOrEqual(hi + slack(hi));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('target probabilities and the attainment judged on medians match the exact run', async () => {
    const exact = await runMonteCarlo(uncertain, { context: fixtureContext, runs: 3_000, seed: 7, quantiles: 'exact' });
    const sketch = await runMonteCarlo(uncertain, { context: fixtureContext, runs: 3_000, seed: 7, quantiles: 'sketch' });
    expect(sketch.attainment.map((a) => [a.target, a.probability, a.class])).toEqual(exact.attainment.map((a) => [a.target, a.probability, a.class]));
    // The fixture's milestone is drawn: its probability is the share of draws ≤ the due year.
    const milestone = exact.attainment.find((a) => a.kind === 'milestone');
    expect(milestone?.probability).toBeGreaterThan(0);
    expect(milestone?.probability).toBeLessThan(1);
    expect(new Set(sketch.rows.map((r) => r.statistic))).toEqual(new Set(MonteCarloStatistics));
  });

  it(`are byte-identical for 1 and 2 threads across chunks of ${CHUNK_RUNS.toLocaleString('en')} runs`, async () => {
    const pool = createWorkerPoolRunner(fixtureContext, 2);
    try {
      const runs = CHUNK_RUNS * 2 + 1_234;
      const a = await runMonteCarlo(uncertain, { context: fixtureContext, runs, seed: 3, quantiles: 'sketch' });
      const b = await runMonteCarlo(uncertain, { context: fixtureContext, runs, seed: 3, quantiles: 'sketch', runner: pool });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    } finally {
      await pool.terminate();
    }
  });
});

describe('TargetCounter', () => {
  const milestone = { id: 'm', kind: 'milestone', year: 2014, completionParam: 'y' } as const;
  const counter = (): TargetCounter =>
    new TargetCounter({ targets: [milestone as unknown as Target], fixedLevers: {} }, ['o'], [2010, 2011], ['y']);
  const block = (years: number[]) => ({ count: years.length, outputs: new Float64Array(years.length * 2), draws: Float64Array.from(years) });

  it('counts runs meeting a milestone and gives the lower median of the drawn years, merging exactly', () => {
    const a = counter();
    a.add(block([2013, 2016, 2014]));
    const b = counter();
    b.add(block([2015, 2012, 2017]));
    a.merge(b);
    expect([...a.hits]).toEqual([3, 3]); // met: 2012, 2013, 2014 ≤ 2014; then on track (a milestone met is on track)
    // Sorted 2012 … 2017: the lower median of six is the third, 2014.
    expect(a.leverMedians()).toEqual({ y: 2014 });
  });
});

