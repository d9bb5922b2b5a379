import { afterAll, describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../../src/runner/run.js';
import { createWorkerPoolRunner } from '../../src/runner/worker-pool.js';
import { fixtureContext, scenario } from './fixture.js';

const uncertain = scenario('mc', {
  parameters: { push: { 2011: 1, 2013: 3 } },
  uncertainty: { cut: { dist: 'beta', alpha: 2, beta: 3, min: 0, max: 0.05 }, push: { dist: 'normal', mean: 2, sd: 1 }, milestone_fx_year: { dist: 'triangular', min: 2012, mode: 2015, max: 2018 } },
});

describe('worker pool', () => {
  const pool = createWorkerPoolRunner(fixtureContext, 2);
  afterAll(() => pool.terminate());

  it('gives results identical to one thread (1 234 runs: blocks of 250 over 2 workers)', async () => {
    const single = await runMonteCarlo(uncertain, { context: fixtureContext, runs: 1234, seed: 2011 });
    const pooled = await runMonteCarlo(uncertain, { context: fixtureContext, runs: 1234, seed: 2011, runner: pool });
    expect(pooled).toEqual(single);
    // Bit-for-bit, not just toEqual's numeric equality.
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(single));
  });
  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await runMonteCarlo(uncertain, { context: fixtureContext, runs: 600, seed: 1, runner: pool, onProgress: (done) => seen.push(done) });
    expect(seen[seen.length - 1]).toBe(600);
    expect(seen).toHaveLength(3);
  });
});
