/**
 * Notebook 5 — social insurance under uncertainty (lines 45, 188, 190: 继续扩大各种社会保障覆盖面,
 * 同城同待遇, 加快建立覆盖城乡居民的…医疗保障体系).
 *
 * (a) Monte Carlo of the plan and of insurance first, twice each: drawing only the scenario's
 *     delivery uncertainty, and with `uncertainty: 'all'` — every assumed lever default drawn from
 *     its documented plausible range as well. Fans, and P(target met) for the insurance targets.
 * (b) Which assumptions drive coverage: Morris screening (`morris`) of the assumed levers over
 *     their plausible ranges (the supports of the distributions `'all'` draws from).
 *
 *   npx tsx notebooks/05-insurance-under-uncertainty.ts [outDir]
 */
import { resolve } from 'node:path';
import {
  attainmentOf, charts, createRunnerContext, defaultLabels, type DistributionSpec, drawnUncertainty, formatPercent, formatValue, loadScenarios, medianRange, medianRangeCell, morris, type MorrisResult,
  notebook, type NotebookFiles, type NotebookRunOptions, params, type ResolvedScenario, runDescription, runMonteCarlo, scenarioModel, type ScenarioResult, statisticAt,
} from 'hangzhou-reform-sim';

export const ID = '05-insurance-under-uncertainty';
const labels = defaultLabels();
const TARGETS = ['insurance.migrant-coverage.widen', 'insurance.pension.residents.widen', 'insurance.medical.urban-employee.widen', 'insurance.medical.urban-resident.widen', 'insurance.inpatient-reimbursement.rise'];
/** The coverages screened for the assumptions that drive them. */
const COVERAGES = ['insurance.migrant-coverage', 'insurance.pension.residents', 'insurance.medical.urban-employee'];

/** The values a distribution can draw: its support (a normal without bounds: mean ± 3 sd), within the lever's range. */
function support(d: DistributionSpec, range: { min: number; max: number }): { min: number; max: number } {
  const raw =
    d.dist === 'discrete' ? { min: Math.min(...d.values), max: Math.max(...d.values) } : d.dist === 'normal' ? { min: d.min ?? d.mean - 3 * d.sd, max: d.max ?? d.mean + 3 * d.sd } : { min: d.min, max: d.max };
  return { min: Math.max(raw.min, range.min), max: Math.min(raw.max, range.max) };
}

export interface InsuranceUncertainty {
  /** Per scenario id, the run drawing its own uncertainty and the run drawing every assumption too. */
  readonly runs: Record<string, { readonly scenario: ScenarioResult; readonly all: ScenarioResult }>;
  readonly screening: MorrisResult;
  /** Assumed levers screened (drawn under 'all', not the scenario's own delivery levers). */
  readonly assumptions: readonly string[];
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<InsuranceUncertainty> {
  const runs = options.quick ? 150 : 2000;
  const trajectories = options.quick ? 4 : 30;
  const page = notebook({ id: ID, title: 'Social insurance under uncertainty: how sure are the coverage targets?', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  page.lead(
    'The plan asks that every social-insurance scheme widen its coverage, and that migrant workers be insured like locals (同城同待遇, line 188). ' +
      'Two kinds of uncertainty stand between the plan and its targets: how the city delivers its policies — each scenario draws that from its own distributions — and what the model has to assume because no source states it (how fast enrolment drives work, what they cost, how many migrants stay). ' +
      'This notebook draws the first, then both, and asks how much that changes the odds, and which assumptions matter.',
  );
  const context = createRunnerContext();
  const scenarios = loadScenarios(['plan', 'insurance-first']);
  const result: InsuranceUncertainty['runs'] = {};
  for (const s of scenarios) {
    const own = await runMonteCarlo(s, { context, runs, seed: 2011 });
    const all = await runMonteCarlo(s, { context, runs, seed: 2011, uncertainty: 'all' });
    // Its own id and title: charts and tables name the run that drew every assumption apart.
    result[s.id] = { scenario: own, all: { ...all, scenario: { id: `${s.id}-all`, title: { zh: `${s.title.zh}（全部假设抽样）`, en: `${s.title.en} (all drawn)` } } } };
  }
  const plan = result.plan as { scenario: ScenarioResult; all: ScenarioResult };
  const planScenario = scenarios[0] as ResolvedScenario;
  const drawnAll = drawnUncertainty(planScenario, params, 'all');

  // (a) Odds under the two kinds of uncertainty.
  page.section('Two kinds of uncertainty', 'uncertainty');
  page.paragraph(
    `Each scenario is run ${runs.toLocaleString('en-US')} times (seed 2011). The plan’s own uncertainty is about delivery, ${Object.keys(planScenario.uncertainty).length} levers: ${Object.keys(planScenario.uncertainty).map((id) => params.find((p) => p.id === id)?.name.en ?? id).join('; ')}. ` +
      `Drawing every assumption as well adds ${Object.keys(drawnAll).length - Object.keys(planScenario.uncertainty).length} levers whose defaults are documented assumptions, each from its plausible range.`,
  );
  const columns = scenarios.flatMap((s) => [result[s.id]?.scenario, result[s.id]?.all]).filter((r): r is ScenarioResult => r !== undefined);
  const header = ['Target (2015)', ...scenarios.flatMap((s) => [`${s.title.en}: delivery drawn`, `${s.title.en}: all assumptions drawn`])];
  page.table({
    header: ['In 2015, % — median (90 % of runs)', ...header.slice(1)],
    numeric: columns.map((_, i) => i + 1),
    rows: TARGETS.map((t) => {
      const id = attainmentOf(plan.scenario, t).indicator as string;
      return [labels.name(id, 'en'), ...columns.map((r) => medianRangeCell(r, id, 2015, 1))];
    }),
  });
  page.table({
    header: ['P(met) in 2015', ...header.slice(1)],
    numeric: columns.map((_, i) => i + 1),
    rows: TARGETS.map((t) => [attainmentOf(plan.scenario, t).label.en, ...columns.map((r) => formatPercent(attainmentOf(r, t).probability))]),
  });
  const migrant = 'insurance.migrant-coverage';
  const width = (r: ScenarioResult, id: string): number => (statisticAt(r, id, 2015, 'p95') ?? NaN) - (statisticAt(r, id, 2015, 'p05') ?? NaN);
  page.paragraph(
    `Migrant workers’ coverage under the plan in 2015: ${medianRange(plan.scenario, migrant, 2015, 1)} when only delivery is drawn; ${medianRange(plan.all, migrant, 2015, 1)} when every assumption is drawn too. ` +
      `The 90 % range is ${formatValue(width(plan.scenario, migrant), 1)} points wide in the first case and ${formatValue(width(plan.all, migrant), 1)} in the second: ` +
      (width(plan.all, migrant) > 2 * width(plan.scenario, migrant)
        ? 'what the model assumes matters far more for coverage than how the plan’s few uncertain levers are delivered.'
        : 'the assumptions widen it, but delivery already accounts for much of the spread.'),
  );
  const shift = (statisticAt(plan.all, migrant, 2015, 'p50') ?? NaN) - (statisticAt(plan.scenario, migrant, 2015, 'p50') ?? NaN);
  if (Math.abs(shift) >= 1) {
    page.paragraph(
      `The median moves too, by ${formatValue(shift, 1)} points: drawing the assumptions is not the same as running at their defaults, because several plausible ranges are not centred on the default and the model does not respond to them in proportion.`,
    );
  }
  const movedTargets = TARGETS.filter((t) => Math.abs((attainmentOf(plan.all, t).probability ?? 0) - (attainmentOf(plan.scenario, t).probability ?? 0)) >= 0.05);
  page.paragraph(
    movedTargets.length === 0
      ? 'Drawing every assumption changes no insurance target’s odds under the plan by as much as 5 points.'
      : `Drawing every assumption moves the plan’s odds by 5 points or more for ${movedTargets.length} of the ${TARGETS.length} insurance targets: ` +
          movedTargets.map((t) => `“${attainmentOf(plan.scenario, t).label.en}” from ${formatPercent(attainmentOf(plan.scenario, t).probability)} to ${formatPercent(attainmentOf(plan.all, t).probability)}`).join('; ') +
          '. Odds stated with delivery uncertainty alone are conditional on the model’s assumptions being right.',
  );
  for (const [key, r] of [['delivery', plan.scenario], ['all', plan.all]] as const) {
    page.chart(
      `fan-migrant-coverage-${key}`,
      charts.fan([r], { indicator: migrant, lang: 'en' }),
      `Migrant workers’ social insurance coverage under the plan as written, ${key === 'delivery' ? 'drawing only the plan’s delivery uncertainty' : 'drawing every assumed lever as well'} (${runDescription(r)}): the median run with the bands holding 50 % and 90 % of runs.`,
    );
  }
  page.chart(
    'fan-pension-all',
    charts.fan([plan.all], { indicator: 'insurance.pension.residents', lang: 'en' }),
    `Residents’ pension coverage under the plan as written with every assumption drawn (${runDescription(plan.all)}), and the pace the target requires.`,
  );

  // (b) Which assumptions drive coverage.
  const records = new Map<string, (typeof params)[number]>(params.map((p) => [p.id, p]));
  const assumptions = Object.keys(drawnAll)
    .filter((id) => planScenario.uncertainty[id] === undefined && records.has(id))
    .filter((id) => {
      const r = support(drawnAll[id] as DistributionSpec, (records.get(id) as (typeof params)[number]).range);
      return r.max > r.min;
    });
  const ranges = Object.fromEntries(assumptions.map((id) => [id, support(drawnAll[id] as DistributionSpec, (records.get(id) as (typeof params)[number]).range)]));
  const model = scenarioModel(planScenario, { context, levers: assumptions, ranges, outputs: COVERAGES.map((id) => ({ id, year: 2015 })) });
  const screening = await morris(model, { trajectories, seed: 2011 });
  page.section('Which assumptions drive coverage', 'drivers');
  page.paragraph(
    `Morris screening moves the ${assumptions.length} assumed levers together along ${trajectories} random trajectories through their plausible ranges (the supports of the distributions drawn above; seed 2011, ${screening.evaluations.toLocaleString('en-US')} model runs), around the plan as written. ` +
      'μ* is an assumption’s mean absolute effect on 2015 coverage, in percentage points; the table lists the five largest for each scheme.',
  );
  page.table({
    header: ['Coverage in 2015', 'Assumptions with the largest effect (μ*, points)'],
    numeric: [],
    rows: screening.outputs.map((o) => [
      labels.name(o.output.id, 'en'),
      o.effects
        .slice(0, 5)
        .map((e) => `${e.label?.en ?? e.input} (${formatValue(e.muStar, 2)})`)
        .join('; '),
    ]),
  });
  const topMigrant = screening.outputs[0]?.effects[0];
  if (topMigrant) {
    page.paragraph(
      `For migrant workers’ coverage, “${topMigrant.label?.en ?? topMigrant.input}” matters most (μ* ${formatValue(topMigrant.muStar, 2)} points): ` +
        `its plausible range runs from ${formatValue(ranges[topMigrant.input]?.min)} to ${formatValue(ranges[topMigrant.input]?.max)}. A published figure for this one assumption would narrow the odds more than any other.`,
    );
  }
  page.chart('morris-migrant-coverage', charts.morris(screening, { lang: 'en', output: 0, scenario: { id: planScenario.id, title: planScenario.title } }), 'Morris screening of the assumed levers for migrant workers’ coverage in 2015: μ* (how much an assumption moves it) against σ (how much that effect depends on the others).');
  page.note('Each assumption, its reason and its plausible range are in docs/MODEL-REFERENCE.md and hzsim params. Screening ranks; it does not forecast: a lever with a wide documented range can rank high because so little is known about it.');

  const files = await page.write(outDir);
  return { runs: result, screening, assumptions, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
