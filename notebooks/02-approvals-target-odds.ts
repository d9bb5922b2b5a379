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
 *   npx tsx notebooks/02-approvals-target-odds.ts [outDir]
 */
import { resolve } from 'node:path';
import {
  attainmentOf, attainmentVerdict, charts, createRunnerContext, formatPercent, formatValue, goalSeek, type GoalSeekResult, leverGoal, loadScenarios, medianRange, medianRangeCell, notebook,
  type NotebookFiles, type NotebookRunOptions, runDescription, runMonteCarlo, type ScenarioResult,
} from 'hangzhou-reform-sim';

export const ID = '02-approvals-target-odds';
const INDICATOR = 'administration.approval-items';
const TARGET = 'administration.approval-items.cut-20pct';

export interface ApprovalsOdds {
  readonly goal: GoalSeekResult;
  readonly requiredRate: number;
  readonly closedForm: number;
  readonly probability: Record<string, number | null>;
  readonly results: readonly ScenarioResult[];
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<ApprovalsOdds> {
  const runs = options.quick ? 200 : 2000;
  const page = notebook({ id: ID, title: 'Will the city cut its direct approvals by 20 %?', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  page.lead(
    'The plan’s one quantified administrative target (line 251: 市级直接审批项目五年内减少20%) asks that the approval items the city handles directly fall by a fifth between 2010 and 2015. ' +
      'The model tracks them as an index (2010 = 100) that falls at a yearly reduction rate, so the target is an index of 80 or less in 2015. ' +
      'This notebook asks two questions: what rate does it take, and how likely is the target under each scenario’s delivery uncertainty?',
  );
  const context = createRunnerContext();
  const scenarios = loadScenarios(['plan', 'accelerated', 'stalled']);
  const plan = scenarios.find((s) => s.id === 'plan');
  if (!plan) throw new Error('the bundled plan scenario is missing');

  // (a) Goal seek on the plan scenario.
  const goal = await goalSeek(leverGoal(plan, { context, lever: 'approval_reduction_rate', output: { id: INDICATOR, year: 2015 } }), { target: 80 });
  const closedForm = 12 * (1 - 0.8 ** (1 / 60));
  const planRate = plan.parameters.approval_reduction_rate;
  page.section('The rate it takes', 'goal-seek');
  page.paragraph(
    `A constant reduction rate of ${goal.value.toFixed(5)} a year brings the 2015 index to ${formatValue(goal.achieved, 4)} (${goal.status === 'found' ? 'found' : 'not found'} by Brent’s method in ${goal.evaluations} model runs). ` +
      `The model abolishes items continuously in monthly steps, so the answer can be checked by hand: 100·(1 − r/12)^60 = 80 gives r = ${closedForm.toFixed(5)}. ` +
      (typeof planRate === 'number'
        ? `The plan scenario sets ${planRate.toFixed(5)} (the even pace −ln 0.8 / 5, as if items were abolished continuously): ${planRate >= goal.value ? 'just above the required rate, so as written the plan meets the target with almost nothing to spare.' : 'below the required rate, so even as written the plan falls short.'}`
        : 'The plan scenario sets the rate as a schedule.'),
  );

  // (b) Monte Carlo odds.
  const results: ScenarioResult[] = [];
  for (const s of scenarios) results.push(await runMonteCarlo(s, { context, runs, seed: 2011 }));
  const probability: Record<string, number | null> = {};
  for (const r of results) probability[r.scenario.id] = attainmentOf(r, TARGET).probability;
  page.section('The odds under delivery uncertainty', 'odds');
  page.paragraph(
    'Nobody knows in 2011 how hard the cut will be pushed. Each scenario therefore draws its reduction rate from a distribution — the plan’s runs from half its pace (the stalled reading) to the cut done in four years (the accelerated one), most likely as written — ' +
      `and draws its other delivery levers likewise. Each scenario is run ${runs.toLocaleString('en-US')} times (seed 2011), and the target is counted as met in a run when that run’s 2015 index is 80 or less.`,
  );
  page.table({
    header: ['Scenario', '2015 index: median (90 % of runs)', 'Assessment of the median', 'P(met)'],
    numeric: [1, 3],
    rows: results.map((r) => {
      const a = attainmentOf(r, TARGET);
      return [r.scenario.title.en, medianRangeCell(r, INDICATOR, 2015, 1), attainmentVerdict({ ...a, probability: null }), formatPercent(a.probability)];
    }),
  });
  const [planResult] = results as [ScenarioResult];
  const planRow = attainmentOf(planResult, TARGET);
  page.paragraph(
    `Under the plan as written the 2015 index is ${medianRange(planResult, INDICATOR, 2015, 1)}; the median run is judged ${attainmentVerdict(planRow)}. ` +
      ((planRow.projected ?? 0) > 80 ? 'The plan’s delivery distribution has more room below its pace (down to half of it) than above (up to a quarter more), so most runs fall short and the median run misses 80. ' : '') +
      'The reduction rate is the only lever the approvals index depends on, so every run whose drawn rate falls short of the required one misses the target: with the plan’s rate at the required one, the odds stay far from certain even when the plan is followed on paper. ' +
      results
        .slice(1)
        .map((r) => `${r.scenario.title.en}: ${attainmentVerdict(attainmentOf(r, TARGET))}.`)
        .join(' '),
  );
  page.chart(
    'fan-approvals-plan',
    charts.fan(results, { indicator: INDICATOR, scenario: 'plan', lang: 'en' }),
    `The approvals index under the plan as written (${runDescription(planResult)}): the median run, with the bands holding the middle 50 % and 90 % of runs, and the target of 80.`,
  );
  page.chart(
    'attainment',
    charts.attainmentDashboard(results, { lang: 'en' }),
    'Every plan target under the three scenarios, with the share of Monte Carlo runs that meet it. The approvals cut is the first row; the others show what the same runs say elsewhere.',
  );
  page.note('The assessment classes judge the median run: on track when its change is at least 95 % of the required change, moderate progress at 60–95 %, insufficient progress below 60 %. P(met) counts the runs that reach the target.');

  const files = await page.write(outDir);
  return { goal, requiredRate: goal.value, closedForm, probability, results, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
