import { describe, expect, it } from 'vitest';
import { TERMINATED_MESSAGE, type ModelRunner } from '../../src/runner/montecarlo.js';
import { runMonteCarlo } from '../../src/runner/run.js';
import { createSingleThreadRunner } from '../../src/runner/single-thread.js';
import { createWorkerPoolRunner } from '../../src/runner/worker-pool.js';
import { fixtureContext, scenario } from './fixture.js';

const uncertain = scenario('mc', { uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.05 } } });

describe('a terminated runner refuses further calls', () => {
  it.each<[string, () => ModelRunner]>([
    ['single thread', () => createSingleThreadRunner(fixtureContext)],
    ['worker pool', () => createWorkerPoolRunner(fixtureContext, 1)],
  ])('%s', async (_, create) => {
    const runner = create();
    const before = await runMonteCarlo(uncertain, { context: fixtureContext, runs: 20, seed: 3, runner });
    expect(before.runs).toBe(20);
    await runner.terminate();
    await expect(runMonteCarlo(uncertain, { context: fixtureContext, runs: 20, seed: 3, runner })).rejects.toThrow(TERMINATED_MESSAGE);
    await expect(runner.terminate()).resolves.toBeUndefined();
  });
});
