import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AUTO_POOL_MIN_RUNS, defaultThreads } from '../../src/cli/execute.js';

describe('default --threads', () => {
  it('stays on one thread for small or deterministic jobs, where worker start-up would cost more than it saves', () => {
    expect(defaultThreads([{ mode: 'deterministic' }])).toBe(1);
    expect(defaultThreads([{ mode: 'montecarlo', runs: AUTO_POOL_MIN_RUNS - 1, seed: 1 }])).toBe(1);
    expect(defaultThreads([])).toBe(1);
  });
  it('uses the cores available once any scenario has enough runs', () => {
    expect(defaultThreads([{ mode: 'deterministic' }, { mode: 'montecarlo', runs: AUTO_POOL_MIN_RUNS, seed: 1 }])).toBe(availableParallelism());
  });
});
