/**
 * Notebook 1 — the plan at a glance.
 *
 * What the plan states (the catalog), and what the model says happens to the headline indicators
 * if the plan's levers are pulled as written versus if the 2006–2010 trend simply continues.
 *
 *   npx tsx notebooks/01-plan-at-a-glance.ts [outDir]      (default out/notebooks/01-plan-at-a-glance)
 */
import { resolve } from 'node:path';
import {
  attainmentHeadline, attainmentTable, catalog, charts, createRunnerContext, defaultLabels, Domains, formatValue, loadScenarios, notebook, planTargets, runScenario,
  statisticAt, type NotebookFiles, type NotebookRunOptions, type ScenarioResult,
} from 'hangzhou-reform-sim';

export const ID = '01-plan-at-a-glance';
const HEADLINE = ['integration.level', 'urbanisation.rate', 'urbanisation.hukou-rate', 'land.transfer-share', 'insurance.migrant-coverage', 'administration.approval-items'];
const labels = defaultLabels();

export interface PlanAtAGlance {
  readonly indicatorsByDomain: Record<string, number>;
  readonly targetsByKind: Record<string, number>;
  readonly results: readonly ScenarioResult[];
  /** 2015 value minus 2010 value, per headline indicator, in each scenario. */
  readonly change: Record<string, Record<string, number>>;
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<PlanAtAGlance> {
  const page = notebook({ id: ID, title: 'The plan at a glance: what it states, and what the model makes of it', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  page.lead(
    'Hangzhou’s 12th Five-Year comprehensive supporting-reform plan (2011–2015) states a few numbers and many intentions. ' +
      'This notebook counts what the plan states, then runs the model twice — once with the 2006–2010 trend simply continuing, once with the plan’s levers pulled as written — and compares the headline indicators and the plan’s targets in 2015.',
  );

  // 1. What the plan states.
  const indicatorsByDomain: Record<string, number> = {};
  for (const i of catalog) indicatorsByDomain[i.domain] = (indicatorsByDomain[i.domain] ?? 0) + 1;
  const targetsByKind: Record<string, number> = {};
  for (const t of planTargets) targetsByKind[t.kind] = (targetsByKind[t.kind] ?? 0) + 1;
  const targetsByDomain: Record<string, number> = {};
  for (const t of planTargets) {
    const domain = t.kind === 'milestone' ? null : catalog.find((i) => i.id === t.indicator)?.domain;
    if (domain) targetsByDomain[domain] = (targetsByDomain[domain] ?? 0) + 1;
  }
  page.section('What the plan states', 'catalog');
  const kinds = Object.entries(targetsByKind).map(([k, n]) => `${n} ${k}`).join(', ');
  const stated = planTargets.filter((t) => t.kind === 'level' || t.kind === 'change');
  const statedLabels = stated.map((t) => `“${t.label.en}” (line ${t.source.line})`).join(', ');
  page.paragraph(
    `The catalog holds ${catalog.length} indicators, each with the plan line that names it and the plan’s own words, and ${planTargets.length} targets for 2015 (${kinds}). ` +
      `${stated.length === 1 ? 'One target is' : `${stated.length} targets are`} a number the plan states outright: ${statedLabels}. ` +
      'The others are directions (“rises”, “widens”), judged against a reference pace, and milestones with a year.',
  );
  page.table({
    header: ['Domain', 'Indicators', 'Targets on them'],
    rows: Object.entries(indicatorsByDomain).map(([d, n]) => [Domains[d as keyof typeof Domains].en, String(n), String(targetsByDomain[d] ?? 0)]),
  });
  page.note('Milestones (official-car reform, the bank listings, the two-choice swaps in every central town) are judged on the year levers of a scenario, not on an indicator, so they are not counted per domain.');

  // 2. Trend versus the plan as written (deterministic).
  const context = createRunnerContext();
  const results = loadScenarios(['trend', 'plan']).map((s) => runScenario(s, { context }));
  const [trend, plan] = results as [ScenarioResult, ScenarioResult];
  const change: Record<string, Record<string, number>> = {};
  for (const id of HEADLINE) {
    change[id] = {};
    for (const r of results) change[id][r.scenario.id] = (statisticAt(r, id, 2015, 'value') ?? NaN) - (statisticAt(r, id, 2010, 'value') ?? NaN);
  }
  page.section('Trend versus the plan as written', 'trend-vs-plan');
  page.paragraph(
    'Both runs are deterministic: every lever at its scenario value, no uncertainty drawn (notebooks 2 and 5 add it). ' +
      'The trend scenario keeps every lever at the pace of 2006–2010; the plan scenario reads the plan’s words into lever values by one fixed convention (stated numbers as stated, “more effort” as half again the default pace; scenarios/README.md).',
  );
  page.table({
    header: ['Indicator', 'Unit', '2010', `2015, ${trend.scenario.title.en}`, `2015, ${plan.scenario.title.en}`],
    numeric: [2, 3, 4],
    rows: HEADLINE.map((id) => [labels.name(id, 'en'), labels.unit(id, 'en'), formatValue(statisticAt(plan, id, 2010, 'value')), formatValue(statisticAt(trend, id, 2015, 'value')), formatValue(statisticAt(plan, id, 2015, 'value'))]),
  });
  const approvals = change['administration.approval-items'] as Record<string, number>;
  page.paragraph(
    `Approval items handled directly by the city change by ${formatValue(approvals.plan)} index points under the plan and by ${formatValue(approvals.trend)} under the trend: ` +
      `${(approvals.plan ?? 0) <= -20 ? 'the plan’s even-pace reading of line 251 meets the −20 % cut, ' : 'even the plan’s reading of line 251 misses the −20 % cut, '}` +
      `${(approvals.trend ?? 0) <= -20 ? 'and so would the trend.' : 'which the trend alone would not reach.'}`,
  );
  for (const id of ['integration.level', 'administration.approval-items']) {
    page.chart(
      `comparison-${id}`,
      charts.scenarioComparison(results, { indicator: id, lang: 'en' }),
      `${labels.name(id, 'en')}, 2010–2015: the trend and the plan as written (deterministic runs), with the plan’s target where it has one.`,
    );
  }

  // 3. Which plan targets does each scenario meet?
  page.section('The plan’s targets in 2015', 'targets');
  page.paragraph(`${trend.scenario.title.en}: ${attainmentHeadline(trend.attainment, 'en')}. ${plan.scenario.title.en}: ${attainmentHeadline(plan.attainment, 'en')}.`);
  page.paragraph(
    'A target is on track when the projected change is at least 95 % of the change it requires, moderate progress at 60–95 %, insufficient progress below 60 %, moving away when the indicator goes the wrong way; a target is met when its required value is reached by its year.',
  );
  page.chart('attainment', charts.attainmentDashboard(results, { lang: 'en' }), 'Every plan target in 2015 under the trend and under the plan as written: the assessment of each, in words and colour.');
  page.table(attainmentTable(results));
  page.note('Deterministic runs: one projection each, no probabilities. How likely the targets are once delivery is uncertain is the subject of notebooks 2, 5 and 6.');

  const files = await page.write(outDir);
  return { indicatorsByDomain, targetsByKind, results, change, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
