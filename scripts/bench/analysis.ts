/**
 * The analysis figures of `npm run bench`: what each analysis command costs on the built package
 * under plain node, around the plan scenario — OAT, Morris and Sobol of the 2015 hukou gap and
 * integration level over every lever the model reads, the approvals goal seek (deterministic, and
 * with 500 Monte Carlo runs per candidate), a two-lever calibration and a Monte Carlo backtest.
 * Each figure is also a ratio to one deterministic run of the plan measured in the same process
 * (the reference), so figures from different machines compare.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { backtest, calibrate, goalSeek, leverGoal, morris, oat, scenarioModel, sobol } from '../../dist/analysis/index.js';
import { CompiledModelCache, createRunnerContext, createWorkerPoolRunner, runMonteCarlo, runScenario } from '../../dist/runner/index.js';
import { loadScenario } from '../../dist/scenario/index.js';
import type { Record } from './cli.js';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
async function time(body: () => unknown, reps = 3): Promise<number> {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await body();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Records each analysis figure in ms and as a ratio to one deterministic run (quick: Sobol at N = 128, no pool). */
export async function analysisFigures(record: Record, quick: boolean): Promise<void> {
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const plan = loadScenario('scenarios/plan.yaml');
  const outputs = [{ id: 'urbanisation.hukou-gap', year: 2015 }, { id: 'integration.level', year: 2015 }];
  const referenceMs = await time(() => runScenario(plan, { context, cache }), 200);
  record('analysisReferenceMs', 'analysis reference: one deterministic run of the plan', referenceMs, 'ms', 3);
  const figure = async (key: string, label: string, body: () => unknown, reps = 3): Promise<void> => {
    const ms = await time(body, reps);
    record(`analysis${key}Ms`, label, ms, 'ms', 0);
    record(`analysis${key}Ratio`, '  × the reference run', ms / referenceMs, '×', 0);
  };

  const model = scenarioModel(plan, { context, cache, outputs });
  const k = model.inputs.length;
  await figure('Oat', `sensitivity --method oat (${1 + 2 * k} runs, 2 outputs)`, () => oat(model));
  await figure('Morris', `sensitivity --method morris (20 trajectories, ${20 * (k + 1)} runs)`, () => morris(model, { trajectories: 20 }));
  const n = quick ? 128 : 1024;
  await figure('Sobol', `sensitivity --method sobol (N = ${n}, ${(n * (k + 2)).toLocaleString('en')} runs)`, () => sobol(model, { samples: n }), 1);
  if (!quick) {
    const pool = createWorkerPoolRunner(context, availableParallelism(), cache);
    const pooled = scenarioModel(plan, { context, cache, outputs, runner: pool });
    await figure('SobolPool', `  the same on ${availableParallelism()} worker threads`, () => sobol(pooled, { samples: n }), 1);
    await pool.terminate();
  }
  const approvals = { id: 'administration.approval-items', year: 2015 };
  await figure('GoalSeek', 'goal-seek approvals −20 % (deterministic)', () => goalSeek(leverGoal(plan, { context, cache, lever: 'approval_reduction_rate', output: approvals }), { target: 80 }));
  await figure(
    'GoalSeekProbabilistic',
    'goal-seek P(hukou gap ≤ 18) = 0.8, 500 runs per candidate',
    () => goalSeek(leverGoal(plan, { context, cache, lever: 'hukou_conv_rate_plan_area', output: { id: 'urbanisation.hukou-gap', year: 2015 }, comparator: '<=', runs: 500 }), { target: 18, probability: 0.8 }),
    1,
  );
  // Calibration: two levers against synthetic observations of resident population and R&D share.
  const truth = runScenario({ ...plan, parameters: { ...plan.parameters, migrant_arrivals: 350_000, rd_share_growth: 0.02 } }, { context, cache });
  const observed = ['population.resident', 'finance.rd-share'].flatMap((id) =>
    [2011, 2012, 2013].map((year) => ({ id, year, value: truth.rows.find((r) => r.output === id && r.year === year && r.statistic === 'value')?.value ?? NaN })),
  );
  await figure('Calibrate', 'calibrate 2 levers to 6 observations (4 starts)', () =>
    calibrate(scenarioModel(plan, { context, cache, levers: ['migrant_arrivals', 'rd_share_growth'], outputs: observed }), { observations: observed }),
  );
  await figure('Backtest', 'backtest (Monte Carlo, 200 runs, 6 observations)', async () => backtest(await runMonteCarlo(plan, { context, cache, runs: 200, seed: 2011 }), observed));
}
