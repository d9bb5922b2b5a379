/**
 * Notebook 4 — hukou and land together (lines 151–155, 175–179): the two "二选一" swaps (homestead
 * for a town flat and urban hukou; contracted land for urban social insurance), the construction-
 * land linkage quota ledger, and the farmland balance, under the plan and the two scenarios that
 * push one reform first on the same reform budget.
 *
 * Deterministic runs. What the swaps add is read from counterfactuals — the plan with one swap or
 * both switched off — and the swappers themselves from the model's stocks (CompiledModel.trace).
 *
 *   npx tsx notebooks/04-hukou-and-land.ts [outDir]
 */
import { resolve } from 'node:path';
import {
  attainmentTable, charts, createRunnerContext, defaultLabels, formatValue, loadScenarios, notebook, type NotebookFiles, type NotebookRunOptions, type ResolvedScenario, runScenario,
  type ScenarioResult, statisticAt,
} from 'hangzhou-reform-sim';

export const ID = '04-hukou-and-land';
const labels = defaultLabels();
const YEARS = [2011, 2012, 2013, 2014, 2015];

/** The plan with some levers changed: a counterfactual, not a bundled scenario. */
const variant = (base: ResolvedScenario, id: string, en: string, zh: string, parameters: Record<string, number>): ResolvedScenario => ({
  ...base,
  id,
  title: { zh, en },
  description: null,
  chain: [...base.chain, id],
  parameters: { ...base.parameters, ...parameters },
});

export interface HukouAndLand {
  readonly results: readonly ScenarioResult[];
  /** Counterfactuals of the plan: no homestead swaps, no land-for-insurance swaps, neither. */
  readonly counterfactuals: readonly ScenarioResult[];
  /** People alive at the end of 2015 who swapped, per scenario: land for insurance (model stock). */
  readonly landSwapInsured: Record<string, number>;
  /** Linkage quota generated 2011–2015, ha, per scenario. */
  readonly quotaGenerated: Record<string, number>;
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<HukouAndLand> {
  const page = notebook({ id: ID, title: 'Hukou and land together: the two swaps, the quota ledger and the farmland balance', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  page.lead(
    'The plan ties the household-registration reform to the land reform. Villagers may give up their homestead and house for a flat in town and an urban hukou, or their contracted land for urban social insurance (the two “二选一” swaps of line 155, piloted in four towns and to be widened to every central town of the five counties, line 179). ' +
      'Freed homestead is reclaimed as farmland and yields construction-land linkage quota that the city can build on or sell (城乡建设用地增减挂钩, line 153), while the farmland balance (耕地占补平衡) asks that what construction takes is made good. ' +
      'This notebook follows these flows under the plan, under hukou reform first and under land reform first — both on the plan’s reform budget — and asks what the swaps themselves contribute.',
  );

  const context = createRunnerContext();
  const scenarios = loadScenarios(['trend', 'plan', 'hukou-first', 'land-first']);
  const results = scenarios.map((s) => runScenario(s, { context }));
  const byId = new Map(results.map((r) => [r.scenario.id, r]));
  const plan = scenarios.find((s) => s.id === 'plan') as ResolvedScenario;
  const counterScenarios = [
    variant(plan, 'plan-no-homestead-swaps', 'Plan, no homestead swaps', '规划，无宅基地置换', { homestead_swap_uptake: 0 }),
    variant(plan, 'plan-no-land-swaps', 'Plan, no land-for-insurance swaps', '规划，无土地换社保', { land_insurance_swap_uptake: 0 }),
    variant(plan, 'plan-no-swaps', 'Plan, neither swap', '规划，无“二选一”', { homestead_swap_uptake: 0, land_insurance_swap_uptake: 0 }),
  ];
  const counterfactuals = counterScenarios.map((s) => runScenario(s, { context }));
  const at = (r: ScenarioResult, id: string, year = 2015): number => statisticAt(r, id, year, 'value') ?? NaN;
  const sum = (r: ScenarioResult, id: string): number => YEARS.reduce((a, y) => a + at(r, id, y), 0);

  // The swappers, from the model's stocks at the end of 2015.
  const compiled = context.compile(context.model, context.params, {});
  const landSwapInsured: Record<string, number> = {};
  for (const s of [...scenarios, ...counterScenarios]) landSwapInsured[s.id] = compiled.trace(s.parameters).values.land_swap_insured?.at(-1) ?? NaN;
  const quotaGenerated: Record<string, number> = {};
  for (const r of [...results, ...counterfactuals]) quotaGenerated[r.scenario.id] = sum(r, 'land.quota_generated');

  // —— The four scenarios side by side ——
  page.section('Four scenarios in 2015', 'scenarios');
  page.paragraph(
    'Hukou reform first raises the hukou conversion levers to 1.5 times the plan’s and starts the pilots in 2011; land reform first raises the land levers (reclamation, quota trading, land transfer, both swaps) to 1.5 times the plan’s and widens the swaps to every central town by 2014. ' +
      'Both spend from the plan’s reform budget: once it binds, what one reform takes the others cannot have (the funding ratio is the share of the measures’ cost the budget pays).',
  );
  const rows: [string, (r: ScenarioResult) => number][] = [
    ['urbanisation.hukou-rate', (r) => at(r, 'urbanisation.hukou-rate')],
    ['urbanisation.hukou-gap', (r) => at(r, 'urbanisation.hukou-gap')],
    ['population.reform-citizens', (r) => at(r, 'population.reform-citizens')],
    ['land.transfer-share', (r) => at(r, 'land.transfer-share')],
    ['land.quota_generated', (r) => quotaGenerated[r.scenario.id] ?? NaN],
    ['land.quota_balance', (r) => at(r, 'land.quota_balance')],
    ['land.farmland_shortfall', (r) => at(r, 'land.farmland_shortfall')],
    ['finance.funding-ratio', (r) => at(r, 'finance.funding-ratio')],
  ];
  const rowName = (id: string): string => (id === 'land.quota_generated' ? 'Linkage quota generated, 2011–2015' : labels.name(id, 'en'));
  page.table({
    header: ['In 2015', 'Unit', ...results.map((r) => r.scenario.title.en)],
    numeric: results.map((_, i) => i + 2),
    rows: rows.map(([id, value]) => [rowName(id), labels.unit(id, 'en'), ...results.map((r) => formatValue(value(r), id.startsWith('land.') ? 1 : 2))]),
  });
  const [trend, planR, hukouFirst, landFirst] = ['trend', 'plan', 'hukou-first', 'land-first'].map((id) => byId.get(id) as ScenarioResult) as [ScenarioResult, ScenarioResult, ScenarioResult, ScenarioResult];
  const dHukou = at(hukouFirst, 'urbanisation.hukou-rate') - at(planR, 'urbanisation.hukou-rate');
  const dQuota = (quotaGenerated['land-first'] ?? NaN) - (quotaGenerated.plan ?? NaN);
  const dQuotaHukouFirst = (quotaGenerated['hukou-first'] ?? NaN) - (quotaGenerated.plan ?? NaN);
  const lowestFunding = Math.min(...results.flatMap((r) => YEARS.map((y) => at(r, 'finance.funding-ratio', y))));
  page.paragraph(
    `Hukou reform first ends 2015 with a hukou urbanisation rate ${formatValue(Math.abs(dHukou), 2)} points ${dHukou >= 0 ? 'above' : 'below'} the plan’s; land reform first generates ${formatValue(Math.abs(dQuota), 0)} ha ${dQuota >= 0 ? 'more' : 'less'} linkage quota over 2011–2015 than the plan. ` +
      (lowestFunding >= 0.999
        ? 'The budget does not bind in these runs: the funding ratio stays at 1 in every scenario and year, so by 2015 the reforms do not crowd each other out through money. They interact through people instead: ' +
          `farmers who convert under hukou reform first no longer hold rural hukou and cannot swap, and its quota generation ${dQuotaHukouFirst < 0 ? 'falls' : 'changes'} by ${formatValue(Math.abs(dQuotaHukouFirst), 1)} ha against the plan.`
        : `The budget binds: the funding ratio falls to ${formatValue(lowestFunding, 2)} in the leanest year, and what one reform spends the others lose — hukou reform first changes quota generation by ${formatValue(dQuotaHukouFirst, 1)} ha against the plan.`),
  );
  page.chart(
    'comparison-hukou-rate',
    charts.scenarioComparison(results, { indicator: 'urbanisation.hukou-rate', lang: 'en' }),
    'Hukou urbanisation rate, 2010–2015, in the four scenarios (deterministic runs), with the plan’s target for 2015.',
  );
  page.chart(
    'hukou-channels-hukou-first',
    charts.hukouChannels(results, { scenario: 'hukou-first', lang: 'en' }),
    'Conversions to urban hukou in each year under hukou reform first, by channel: farmers inside urban-planning areas, farmers outside them (homestead swaps included) and migrant workers.',
  );

  // —— The swaps ——
  const noSwaps = counterfactuals[2] as ScenarioResult;
  const [noHomestead, noLand] = counterfactuals as [ScenarioResult, ScenarioResult];
  page.section('What the two swaps add', 'swaps');
  page.paragraph(
    'To see what the swaps contribute, the plan is run again with the homestead swap switched off (its uptake set to 0), with the land-for-insurance swap switched off, and with neither; every other lever stays as the plan sets it. ' +
      `Under the plan, ${formatValue(landSwapInsured.plan)} people insured through a land-for-insurance swap are alive at the end of 2015 (land reform first: ${formatValue(landSwapInsured['land-first'])}).`,
  );
  const effectRows: [string, string, number][] = [
    ['population.reform-citizens', 'people', 0],
    ['urbanisation.hukou-rate', 'points', 2],
    ['land.transfer-share', 'points', 2],
    ['insurance.medical.urban-employee', 'points', 2],
    ['land.farmland-area', 'ha', 1],
  ];
  const effect = (r: ScenarioResult, id: string, decimals: number): string => formatValue(at(planR, id) - at(r, id), decimals);
  page.table({
    header: ['What the swap adds by 2015 (plan minus plan without it)', 'Unit', 'Homestead swaps', 'Land-for-insurance swaps', 'Both'],
    numeric: [2, 3, 4],
    rows: [
      ...effectRows.map(([id, unit, d]) => [labels.name(id, 'en'), unit, effect(noHomestead, id, d), effect(noLand, id, d), effect(noSwaps, id, d)]),
      ['Linkage quota generated, 2011–2015', 'ha', ...counterfactuals.map((r) => formatValue((quotaGenerated.plan ?? NaN) - (quotaGenerated[r.scenario.id] ?? NaN), 1))],
    ],
  });
  const citizens = at(planR, 'population.reform-citizens') - at(noHomestead, 'population.reform-citizens');
  const quotaFromHomestead = (quotaGenerated.plan ?? NaN) - (quotaGenerated['plan-no-homestead-swaps'] ?? NaN);
  const quotaFromLand = (quotaGenerated.plan ?? NaN) - (quotaGenerated['plan-no-land-swaps'] ?? NaN);
  const quotaFromBoth = (quotaGenerated.plan ?? NaN) - (quotaGenerated['plan-no-swaps'] ?? NaN);
  const additive = Math.abs(quotaFromBoth - quotaFromHomestead - quotaFromLand) <= 0.01 * Math.abs(quotaFromBoth);
  page.paragraph(
    `The homestead swap adds ${formatValue(citizens, 0)} new urban citizens by 2015 and ${formatValue(quotaFromHomestead, 0)} ha of linkage quota over 2011–2015: its swappers convert at once and their homestead enters the reclamation pipeline, which takes about two years to return land as farmland and quota. ` +
      'The land-for-insurance swap moves farmers into the urban employees’ schemes and transfers their land, so it shows in insurance coverage and in the transfer share rather than in hukou. ' +
      (additive
        ? 'Together the two swaps add what each adds alone: with the budget not binding they hardly interact.'
        : `Together they add ${formatValue(quotaFromBoth, 0)} ha of quota, not the ${formatValue(quotaFromHomestead + quotaFromLand, 0)} ha of each alone: both draw on one budget and on the same villagers.`),
  );

  // —— The quota ledger ——
  page.section('The linkage-quota ledger', 'quota');
  page.paragraph(
    'Quota is generated when reclaimed homestead is accepted as farmland, used for the city’s own construction, or traded on the exchange (节余指标纳入交易市场, line 155); the balance is what is left. Urban construction never takes more than the ledger holds, so the balance cannot go negative.',
  );
  page.table({
    header: ['Linkage quota, ha', ...YEARS.map(String)],
    rows: [planR, landFirst].flatMap((r) =>
      ([['land.quota_generated', 'generated'], ['land.quota_used', 'used'], ['land.quota_traded', 'traded'], ['land.quota_balance', 'unused at the year’s end']] as const).map(([id, what]) => [
        `${r.scenario.title.en}: ${what}`,
        ...YEARS.map((y) => formatValue(at(r, id, y), 1)),
      ]),
    ),
  });
  for (const r of [planR, landFirst]) {
    page.chart(
      `quota-ledger-${r.scenario.id}`,
      charts.quotaLedger(results, { scenario: r.scenario.id, lang: 'en' }),
      `The linkage-quota ledger under “${r.scenario.title.en}”: quota generated, used and traded in each year (bars) and the unused balance (line), in hectares.`,
    );
  }

  // —— The farmland balance ——
  const occupied = (r: ScenarioResult): number => compiled.trace(scenarios.find((s) => s.id === r.scenario.id)?.parameters).values.cum_farmland_occupied?.at(-1) ?? NaN;
  page.section('The farmland balance', 'farmland');
  page.paragraph(
    'Farmland is taken by construction on linkage quota, by resettlement housing and by other construction under the annual land-use plan, and made good by reclaimed homestead and by land development. ' +
      'The shortfall is what has been occupied since 2010 and not yet supplemented; zero means the balance holds.',
  );
  page.table({
    header: ['By the end of 2015', ...results.map((r) => r.scenario.title.en)],
    numeric: results.map((_, i) => i + 1),
    rows: [
      ['Farmland occupied since 2010, ha', ...results.map((r) => formatValue(occupied(r)))],
      ['Farmland-balance shortfall, ha', ...results.map((r) => formatValue(at(r, 'land.farmland_shortfall')))],
      ['Farmland, ha', ...results.map((r) => formatValue(at(r, 'land.farmland-area')))],
    ],
  });
  const shortfalls = results.map((r) => [r, at(r, 'land.farmland_shortfall')] as const);
  const holding = shortfalls.filter(([, v]) => v <= 0).map(([r]) => r.scenario.title.en);
  const sorted = [...shortfalls].sort((a, b) => a[1] - b[1]);
  const [least, most] = [sorted[0], sorted.at(-1)] as [(typeof sorted)[number], (typeof sorted)[number]];
  page.paragraph(
    holding.length === results.length
      ? 'The balance holds in every scenario: reclamation and land development make good what construction takes.'
      : `${holding.length === 0 ? 'The balance holds in no scenario' : `The balance holds only in ${holding.join(', ')}`}: construction takes farmland faster than reclamation and land development return it. ` +
          `By 2015 the shortfall ranges from ${formatValue(least[1], 0)} ha under “${least[0].scenario.title.en}” to ${formatValue(most[1], 0)} ha under “${most[0].scenario.title.en}” — small beside the ${formatValue(occupied(most[0]), 0)} ha occupied, but the plan asks for none.`,
  );
  page.chart(
    'comparison-farmland-shortfall',
    charts.scenarioComparison(results, { indicator: 'land.farmland_shortfall', lang: 'en' }),
    'Cumulative farmland-balance shortfall (occupied minus supplemented since 2010, when positive), 2010–2015, in the four scenarios.',
  );

  // —— Targets ——
  page.section('The plan’s hukou and land targets', 'targets');
  page.table(attainmentTable(results, ['urbanisation.rate.rise', 'urbanisation.hukou-rate.rise', 'urbanisation.hukou-gap.narrow', 'land.transfer-share.rise', 'milestone.two-choice-all-central-towns']));
  page.note(
    `Deterministic runs: one projection per scenario, “${trend.scenario.title.en}” included for reference. Targets the plan states as a direction are judged against a required pace; hzsim run shows the basis of each. Swap uptakes and costs and the central towns’ share are assumptions with documented ranges (hzsim params): notebook 5 shows how far such assumptions move the insurance results.`,
  );

  const files = await page.write(outDir);
  return { results, counterfactuals, landSwapInsured, quotaGenerated, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
