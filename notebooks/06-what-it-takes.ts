/**
 * Notebook 6 — what it takes: how hard must the city push to meet the approvals target (line 251,
 * −20 %) and the hukou target (lines 151, 175: the hukou gap narrows)?
 *
 * (a) Which levers matter: one at a time (`oat`) and Morris screening (`morris`) of every policy
 *     lever around the plan, for the 2015 approvals index and the 2015 hukou gap.
 * (b) Goal seeking (`leverGoal` + `goalSeek`): the approvals reduction rate that meets −20 %; the
 *     migrant-conversion rate (the plan's "breakthrough") that narrows the gap as the target requires.
 * (c) The probabilistic form: the values at which P(met) = 0.8 under the plan's delivery
 *     uncertainty — for the hukou gap by the probabilistic goal seek (the other drawn levers keep
 *     their spread); for approvals, whose only lever is the drawn rate itself, by scaling the plan's
 *     whole delivery distribution until 80 % of Monte Carlo runs meet the cut.
 *
 *   npx tsx notebooks/06-what-it-takes.ts [outDir]
 */
import { resolve } from 'node:path';
import {
  attainmentOf, attainmentVerdict, charts, createRunnerContext, type DistributionSpec, formatPercent, formatValue, goalSeek, type GoalSeekResult, leverGoal, loadScenario, medianRange, morris,
  type MorrisResult, notebook, type NotebookFiles, type NotebookRunOptions, oat, type OatResult, params, type ResolvedScenario, runDescription, runMonteCarlo, runScenario, scenarioModel,
  type ScenarioResult,
} from 'hangzhou-reform-sim';

export const ID = '06-what-it-takes';
const YEAR = 2015;
const APPROVALS = 'administration.approval-items';
const APPROVALS_TARGET = 'administration.approval-items.cut-20pct';
const GAP = 'urbanisation.hukou-gap';
const GAP_TARGET = 'urbanisation.hukou-gap.narrow';
const APPROVAL_LEVER = 'approval_reduction_rate';
const HUKOU_LEVER = 'hukou_conv_rate_migrant';
const P_TARGET = 0.8;

const paramName = (id: string): string => params.find((p) => p.id === id)?.name.en ?? id;
/** A lever's name in running text, quoted so it reads as a name. */
const leverName = (id: string): string => `“${paramName(id)}”`;

/** A triangular (or uniform) delivery distribution scaled by k: every value k times as large. */
function scaled(d: DistributionSpec, k: number): DistributionSpec {
  if (d.dist === 'triangular') return { dist: 'triangular', min: d.min * k, mode: d.mode * k, max: d.max * k };
  if (d.dist === 'uniform') return { dist: 'uniform', min: d.min * k, max: d.max * k };
  throw new Error(`scaling a ${d.dist} distribution is not needed here`);
}

export interface WhatItTakes {
  readonly oat: OatResult;
  readonly morris: MorrisResult;
  /** Levers whose OAT swing of the 2015 approvals index is not zero. */
  readonly approvalsLevers: readonly string[];
  readonly approvalsRate: GoalSeekResult;
  readonly hukouRate: GoalSeekResult;
  /** The hukou-gap level the target requires in 2015 (from the plan's attainment row). */
  readonly gapRequired: number;
  readonly hukouRate80: GoalSeekResult;
  /** Scale of the plan's approvals delivery distribution at which P(met) reaches 0.8. */
  readonly approvalsScale80: GoalSeekResult;
  /** Monte Carlo of the plan with the hukou lever at its P = 0.8 value: the check. */
  readonly hukouCheck: ScenarioResult;
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<WhatItTakes> {
  const runs = options.quick ? 200 : 1000;
  const trajectories = options.quick ? 4 : 30;
  const page = notebook({ id: ID, title: 'What it takes: the approvals and hukou targets', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  page.lead(
    'Notebooks 2 and 3 asked how likely two of the plan’s targets are and which levers move them. This notebook turns the question round: how far would the city have to push to meet them — ' +
      'the approvals cut of line 251 (an index of 80 or less in 2015) and the narrowing of the hukou gap that lines 151 and 175 promise — first with certainty in a deterministic run, then with 80 % odds under the plan’s delivery uncertainty.',
  );
  const context = createRunnerContext();
  const plan = loadScenario('plan');
  const base = runScenario(plan, { context });
  const gapRow = attainmentOf(base, GAP_TARGET);
  const gapRequired = gapRow.required ?? NaN;

  // (a) Which levers matter.
  const levers = params.filter((p) => !p.id.startsWith('init_')).map((p) => p.id);
  const model = scenarioModel(plan, { context, levers, outputs: [{ id: APPROVALS, year: YEAR }, { id: GAP, year: YEAR }] });
  const swings = await oat(model);
  const screening = await morris(model, { trajectories, seed: 2011 });
  const [approvalsOat, gapOat] = swings.outputs as [OatResult['outputs'][number], OatResult['outputs'][number]];
  const approvalsLevers = approvalsOat.swings.filter((s) => Math.abs(s.swing) > 1e-9).map((s) => s.input);
  page.section('Which levers matter', 'levers');
  page.paragraph(
    `Every one of the model’s ${levers.length} policy levers (the 2010 initial conditions left out: they are not choices) is moved from the low to the high end of its documented range, the others as the plan sets them. ` +
      `The 2015 approvals index moves with ${approvalsLevers.length === 1 ? `one lever only, ${leverName(approvalsLevers[0] as string)}` : `${approvalsLevers.length} levers: ${approvalsLevers.map(leverName).join(', ')}`}; ` +
      `the 2015 hukou gap (${formatValue(gapOat.base)} points under the plan) with ${gapOat.swings.filter((s) => Math.abs(s.swing) > 1e-9).length}, most of all ${leverName(gapOat.swings[0]?.input ?? '')}.`,
  );
  const runsLabel = [{ scenario: { id: plan.id, title: plan.title }, mode: 'deterministic' as const, runs: 1, seed: null }];
  page.chart('tornado-approvals', charts.tornadoFromOat(swings, { lang: 'en', output: 0, top: Math.max(1, approvalsLevers.length), runs: runsLabel }), `The ${approvalsLevers.length === 1 ? 'one lever that moves' : 'levers that move'} the 2015 approvals index, from the low to the high end of its range around the plan; no other lever moves it at all.`);
  page.chart('tornado-hukou-gap', charts.tornadoFromOat(swings, { lang: 'en', output: 1, top: 10, runs: runsLabel }), 'The ten levers that move the 2015 hukou gap most, each from the low to the high end of its range around the plan.');
  const gapEffects = screening.outputs[1]?.effects ?? [];
  page.paragraph(
    `Morris screening (${trajectories} trajectories, seed 2011, ${screening.evaluations.toLocaleString('en-US')} runs) moves all levers together: for the hukou gap it ranks ${gapEffects.slice(0, 3).map((e) => `${leverName(e.input)} (μ* ${formatValue(e.muStar, 2)})`).join(', ')} first. ` +
      `Among the levers the hukou reform itself sets, ${leverName(HUKOU_LEVER)} — the plan’s breakthrough (line 151) — has μ* ${formatValue(gapEffects.find((e) => e.input === HUKOU_LEVER)?.muStar, 2)}; it is the lever sought below, because it is the one the plan names.`,
  );
  page.chart('morris-hukou-gap', charts.morris(screening, { lang: 'en', output: 1, scenario: { id: plan.id, title: plan.title } }), 'Morris screening of every policy lever for the 2015 hukou gap: μ* (how much a lever moves it) against σ (how much that effect depends on the other levers).');

  // (b) Deterministic goal seeks.
  const approvalsRate = await goalSeek(leverGoal(plan, { context, lever: APPROVAL_LEVER, output: { id: APPROVALS, year: YEAR }, comparator: '<=' }), { target: 80 });
  const hukouGoal = leverGoal(plan, { context, lever: HUKOU_LEVER, output: { id: GAP, year: YEAR }, comparator: '<=' });
  const hukouRate = await goalSeek(hukouGoal, { target: gapRequired });
  const planValue = (id: string): string => {
    const v = plan.parameters[id] ?? params.find((p) => p.id === id)?.default;
    return typeof v === 'number' ? formatValue(v) : 'a schedule';
  };
  const unreachable = (r: GoalSeekResult): string => `no value in its range (${formatValue(r.min)} to ${formatValue(r.max)}) reaches the target; the closest, ${formatValue(r.value)}, gives ${formatValue(r.achieved)}`;
  page.section('What it takes, with certainty', 'goal-seek');
  page.paragraph(
    (approvalsRate.status === 'found'
      ? `Approvals: the index reaches 80 in 2015 at a reduction rate of ${formatValue(approvalsRate.value)} a year (${approvalsRate.evaluations} model runs); the plan sets ${planValue(APPROVAL_LEVER)}. `
      : `Approvals: ${unreachable(approvalsRate)}. `) + `Under the plan as written (deterministic) the target is judged ${attainmentVerdict(attainmentOf(base, APPROVALS_TARGET))}.`,
  );
  page.paragraph(
    `Hukou: the target asks the gap to narrow at the required pace — to ${formatValue(gapRequired)} points in 2015, where the plan reaches ${formatValue(gapRow.projected)} (${attainmentVerdict(gapRow)}). ` +
      (hukouRate.status === 'found'
        ? `Raising ${leverName(HUKOU_LEVER)} from the plan’s ${planValue(HUKOU_LEVER)} to ${formatValue(hukouRate.value)} a year, every other lever as the plan sets it, gets there (${hukouRate.evaluations} model runs)` +
          (typeof plan.parameters[HUKOU_LEVER] === 'number' ? ` — ${formatValue(hukouRate.value / (plan.parameters[HUKOU_LEVER] as number), 1)} times the plan’s pace: a weak lever has to be pushed far.` : '.')
        : `${leverName(HUKOU_LEVER)} alone cannot get there: ${unreachable(hukouRate)}.`),
  );
  page.table({
    header: ['Target (2015)', 'Lever', 'Plan’s value', 'Value that meets it', 'Output there'],
    numeric: [2, 3, 4],
    rows: [
      [attainmentOf(base, APPROVALS_TARGET).label.en, paramName(APPROVAL_LEVER), planValue(APPROVAL_LEVER), approvalsRate.status === 'found' ? formatValue(approvalsRate.value) : 'out of range', formatValue(approvalsRate.achieved)],
      [gapRow.label.en, paramName(HUKOU_LEVER), planValue(HUKOU_LEVER), hukouRate.status === 'found' ? formatValue(hukouRate.value) : 'out of range', formatValue(hukouRate.achieved)],
    ],
  });

  // (c) With 80 % odds.
  const hukouRate80 = await goalSeek(leverGoal(plan, { context, lever: HUKOU_LEVER, output: { id: GAP, year: YEAR }, comparator: '<=', runs, seed: 2011 }), { target: gapRequired, probability: P_TARGET });
  const delivery = plan.uncertainty[APPROVAL_LEVER];
  if (!delivery) throw new Error(`the plan no longer draws ${APPROVAL_LEVER}`);
  const pMet = async (k: number): Promise<number> => {
    const s: ResolvedScenario = { ...plan, uncertainty: { ...plan.uncertainty, [APPROVAL_LEVER]: scaled(delivery, k) } };
    return attainmentOf(await runMonteCarlo(s, { context, runs, seed: 2011 }), APPROVALS_TARGET).probability ?? 0;
  };
  const approvalsScale80 = await goalSeek(pMet, { target: P_TARGET, min: 1, max: 2, tolerance: 1e-4 });
  const hukouOverrides = hukouGoal.overridesFor(hukouRate80.value);
  const hukouCheck = await runMonteCarlo(
    { ...plan, id: 'plan-hukou-80', title: { zh: '规划（农民工落户加力）', en: `Plan, migrant conversion at ${formatValue(hukouRate80.value)}` }, parameters: { ...plan.parameters, ...hukouOverrides.parameters }, uncertainty: { ...plan.uncertainty, ...hukouOverrides.uncertainty } },
    { context, runs, seed: 2011 },
  );
  const mode = delivery.dist === 'triangular' ? delivery.mode : NaN;
  const asWritten = attainmentOf(await runMonteCarlo(plan, { context, runs, seed: 2011 }), APPROVALS_TARGET).probability;
  page.section(`What it takes, with ${formatPercent(P_TARGET)} odds`, 'odds');
  page.paragraph(
    `Meeting a target in the run where everything goes as planned is not the same as being likely to meet it. The plan’s Monte Carlo (${runs.toLocaleString('en-US')} runs, seed 2011) draws four delivery levers; the values below are those at which ${formatPercent(P_TARGET)} of the runs meet the target.`,
  );
  page.paragraph(
    `Hukou: with ${leverName(HUKOU_LEVER)} pinned at each candidate value and the other delivery levers still drawn — for the gap, how the city writes its eligibility rule — ` +
      (hukouRate80.status === 'found'
        ? `${formatPercent(hukouRate80.achieved)} of runs meet the target from ${formatValue(hukouRate80.value)} a year, against ${hukouRate.status === 'found' ? formatValue(hukouRate.value) : 'no value'} for certainty in the planned run. ` +
          `At that value the 2015 gap is ${medianRange(hukouCheck, GAP, YEAR)}; P(met) ${formatPercent(attainmentOf(hukouCheck, GAP_TARGET).probability)}.`
        : `no value in the lever’s range gives ${formatPercent(P_TARGET)} odds; the best, ${formatValue(hukouRate80.value)}, gives ${formatPercent(hukouRate80.achieved)}.`),
  );
  page.paragraph(
    `Approvals: the index depends on the reduction rate alone, so pinning the rate leaves nothing uncertain. The question is rather how much more ambitious the delivery must be: the plan draws its rate from a triangular distribution (most likely ${formatValue(mode)}). ` +
      (approvalsScale80.status === 'found'
        ? `Scaled by ${formatValue(approvalsScale80.value, 3)} — most likely ${formatValue(mode * approvalsScale80.value)} a year — ${formatPercent(approvalsScale80.achieved)} of runs meet the cut, against ${formatPercent(asWritten)} as written.`
        : `Even scaled by ${formatValue(approvalsScale80.max)} fewer than ${formatPercent(P_TARGET)} of runs meet the cut (${formatPercent(approvalsScale80.achieved)}).`),
  );
  page.chart(
    'fan-hukou-gap-80',
    charts.fan([hukouCheck], { indicator: GAP, lang: 'en' }),
    `The hukou gap with ${leverName(HUKOU_LEVER)} at ${formatValue(hukouRate80.value)} a year, the plan’s other levers and delivery uncertainty unchanged (${runDescription(hukouCheck)}); the target line is the pace the target requires.`,
  );
  page.note(
    'Deterministic goal seeks use Brent’s method; the probabilistic hukou seek bisects on the share of runs with the same draws at every candidate value (common random numbers), so the answer is reproducible. The approvals search runs the plan’s Monte Carlo at each candidate scale with the same seed. A lever value found here is what the model needs, not a forecast of what the city could deliver.',
  );

  const files = await page.write(outDir);
  return { oat: swings, morris: screening, approvalsLevers, approvalsRate, hukouRate, gapRequired, hukouRate80, approvalsScale80, hukouCheck, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
