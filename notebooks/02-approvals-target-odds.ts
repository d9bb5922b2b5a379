/**
 * Notebook 2 — will the city cut its direct approvals by 20 %? (plan line 251:
 * 市级直接审批项目五年内减少20%)
 *
 * (a) Goal seek: the constant yearly reduction rate that lands the 2015 index exactly on 80, with
 *     every other lever as the plan scenario sets it (`leverGoal` + `goalSeek`, Brent's method).
 *     The model abolishes items continuously (monthly Euler steps), so the answer has a closed
 *     form to check against: 100·(1 − r/12)^60 = 80  ⇒  r = 12·(1 − 0.8^(1/60)).
 * (b) Monte Carlo of the plan, accelerated and stalled scenarios: the probability of meeting the
 *     target under each scenario's delivery uncertainty, and a fan chart for the plan.
 *
 *   npx tsx notebooks/02-approvals-target-odds.ts [outDir] [runs]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { charts, createRunnerContext, goalSeek, type GoalSeekResult, leverGoal, loadScenarios, render, runMonteCarlo, type ScenarioResult } from '../src/index.js';

const scenarioDir = resolve(fileURLToPath(import.meta.url), '../../scenarios');
const INDICATOR = 'administration.approval-items';
const TARGET = 'administration.approval-items.cut-20pct';

export interface ApprovalsOdds {
  readonly goal: GoalSeekResult;
  readonly requiredRate: number;
  readonly closedForm: number;
  readonly probability: Record<string, number | null>;
  readonly results: readonly ScenarioResult[];
}

export async function main(outDir = 'out/notebooks/02', runs = 1000, log: (s: string) => void = console.log): Promise<ApprovalsOdds> {
  const context = createRunnerContext();
  const scenarios = loadScenarios(['plan', 'accelerated', 'stalled'].map((id) => join(scenarioDir, `${id}.yaml`)));
  const plan = scenarios.find((s) => s.id === 'plan');
  if (!plan) throw new Error('the bundled plan scenario is missing');

  // (a) Goal seek on the plan scenario.
  const goal = await goalSeek(leverGoal(plan, { context, lever: 'approval_reduction_rate', output: { id: INDICATOR, year: 2015 } }), { target: 80 });
  const closedForm = 12 * (1 - 0.8 ** (1 / 60));
  log(`Reduction rate that meets −20 % exactly: ${goal.value.toFixed(6)} a year (closed form ${closedForm.toFixed(6)}; ${goal.evaluations} runs).`);

  // (b) Monte Carlo odds.
  const results: ScenarioResult[] = [];
  for (const s of scenarios) results.push(await runMonteCarlo(s, { context, runs, seed: 2011 }));
  const probability: Record<string, number | null> = {};
  log(`\nP(2015 index ≤ 80), ${runs} runs each, seed 2011:`);
  for (const r of results) {
    const a = r.attainment.find((x) => x.target === TARGET);
    probability[r.scenario.id] = a?.probability ?? null;
    log(`  ${r.scenario.title.en.padEnd(24)} median ${a?.projected?.toFixed(2)}  ${a?.class.padEnd(12)} P = ${((a?.probability ?? NaN) * 100).toFixed(1)} %`);
  }

  mkdirSync(outDir, { recursive: true });
  const planResult = results.find((r) => r.scenario.id === 'plan');
  if (planResult) writeFileSync(join(outDir, 'fan-approvals-plan.svg'), await render(charts.fan([planResult], { indicator: INDICATOR, scenario: 'plan', lang: 'en' }), 'svg'));
  writeFileSync(join(outDir, 'attainment.svg'), await render(charts.attainmentDashboard(results, { lang: 'en' }), 'svg'));
  log(`\nCharts written to ${outDir}/`);
  return { goal, requiredRate: goal.value, closedForm, probability, results };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  await main(process.argv[2], process.argv[3] ? Number(process.argv[3]) : undefined);
}
