/**
 * The registry of chart cases: every chart kind, built from the fixture in either language and at
 * either size. The spec, snapshot, render, text-fit and browser tests all iterate over it, so a new
 * chart kind is covered everywhere by adding one entry here (see docs/ARCHITECTURE.md).
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  attainmentDashboard,
  coverage,
  fan,
  hukouChannels,
  quotaLedger,
  scenarioComparison,
  smallMultiples,
  tornado,
  type TornadoInput,
} from '../../src/charts/index.js';
import type { Lang } from '../../src/charts/i18n.js';
import type { SizeName } from '../../src/charts/theme.js';
import { planTargets } from '../../src/catalog/index.js';
import { backtest as backtestChart, morris as morrisChart, sobol as sobolChart, tornadoFromOat } from '../../src/charts/index.js';
import { catalogAttainmentResults, fixtureLabels, fixtureMonteCarlo, fixtureResults } from './fixture.js';
import { analysisFixtures } from './analysis-fixture.js';

export const tornadoInput: TornadoInput = {
  indicator: 'urbanisation.hukou-rate',
  year: 2015,
  baseline: 58,
  swings: [
    { param: 'land_swap_rate', label: { zh: '宅基地置换率', en: 'Homestead swap rate' }, low: { value: 0.002, result: 57.8 }, high: { value: 0.01, result: 58.4 } },
    { param: 'hukou_conv_rate_migrant', label: { zh: '外来农民工转换率', en: 'Migrant conversion rate' }, low: { value: 0.01, result: 56.2 }, high: { value: 0.05, result: 61.5 } },
    { param: 'hukou_pilot_year', label: { zh: '中心镇试点推开年份', en: 'Central-town pilot roll-out year' }, low: { value: 2011, result: 59.0 }, high: { value: 2014, result: 57.2 } },
    { param: 'hukou_eligibility_share', label: { zh: '符合条件人口比例', en: 'Eligible share' }, low: { value: 0.3, result: 57.1 }, high: { value: 0.7, result: 59.4 } },
  ],
};

const labels = fixtureLabels;
const plan = fixtureResults[1];
const catalogResults = catalogAttainmentResults(planTargets);

export interface ChartCase {
  /** Chart kind (the builder's name), plus a qualifier when a kind has several cases. */
  readonly kind: string;
  /** Text the chart title must show in each language. */
  readonly title: Readonly<Record<Lang, string>>;
  /** The size the spec and SVG snapshots are taken at; the text-fit test renders both sizes. */
  readonly size: SizeName;
  /** Snapshots compare the spec and the rendered SVG (default true; false for data that moves with the catalog). */
  readonly snapshot?: boolean;
  readonly build: (lang: Lang, size: SizeName) => TopLevelSpec;
}

export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];
export const SIZES = ['full', 'half'] as const satisfies readonly SizeName[];

export const chartCases: readonly ChartCase[] = [
  {
    kind: 'scenarioComparison',
    title: { zh: '市级直接审批项目', en: 'City-level direct approval items' },
    size: 'full',
    build: (lang, size) => scenarioComparison(fixtureResults, { indicator: 'administration.approval-items', labels, lang, size }),
  },
  {
    // A target near the top of the plot, where the baseline label would sit by default.
    kind: 'scenarioComparison-target',
    title: { zh: '常住人口城镇化率', en: 'Urbanisation rate (residents)' },
    size: 'half',
    build: (lang, size) => scenarioComparison([...fixtureResults, { ...fixtureMonteCarlo, scenario: { id: 'plan-mc', title: { zh: '规划方案（蒙特卡洛）', en: 'Plan (Monte Carlo)' } } }], { indicator: 'urbanisation.rate', labels, lang, size }),
  },
  {
    kind: 'fan',
    title: { zh: '常住人口城镇化率：规划方案', en: 'Urbanisation rate (residents): Plan as written' },
    size: 'half',
    build: (lang, size) => fan([fixtureMonteCarlo], { indicator: 'urbanisation.rate', labels, lang, size }),
  },
  {
    kind: 'attainmentDashboard',
    title: { zh: '目标达成评估', en: 'Target attainment' },
    size: 'full',
    build: (lang, size) => attainmentDashboard([...fixtureResults, { ...fixtureMonteCarlo, scenario: { id: 'plan-mc', title: { zh: '规划方案（蒙特卡洛）', en: 'Plan (Monte Carlo)' } } }], { labels, lang, size }),
  },
  {
    kind: 'attainmentDashboard-catalog',
    title: { zh: '目标达成评估', en: 'Target attainment' },
    size: 'full',
    snapshot: false,
    build: (lang, size) => attainmentDashboard(catalogResults, { labels, lang, size }),
  },
  {
    kind: 'tornado',
    title: { zh: '户籍人口城镇化率（2015年）：各参数的影响', en: 'Hukou urbanisation rate (2015): effect of each lever' },
    size: 'full',
    build: (lang, size) => tornado(tornadoInput, { labels, lang, size, ...(plan ? { runs: [plan] } : {}) }),
  },
  {
    kind: 'quotaLedger',
    title: { zh: '城乡建设用地增减挂钩指标台账', en: 'Construction-land linkage quota ledger' },
    size: 'full',
    build: (lang, size) => quotaLedger(fixtureResults, { scenario: 'plan', labels, lang, size }),
  },
  {
    kind: 'hukouChannels',
    title: { zh: '农转非（城镇户籍转换）人数，分渠道', en: 'Conversions to urban hukou, by channel' },
    size: 'half',
    build: (lang, size) => hukouChannels(fixtureResults, { scenario: 'plan', labels, lang, size }),
  },
  {
    kind: 'coverage',
    title: { zh: '社会保险参保（覆盖）率，分险种', en: 'Social insurance coverage, by scheme' },
    size: 'full',
    build: (lang, size) => coverage(fixtureResults, { scenario: 'plan', labels, lang, size }),
  },
  {
    kind: 'smallMultiples',
    title: { zh: '城镇化与户籍', en: 'Urbanisation and hukou' },
    size: 'full',
    build: (lang, size) =>
      smallMultiples(fixtureResults, {
        indicators: ['urbanisation.rate', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap', 'integration.level', 'insurance.migrant-coverage'],
        domain: 'urbanisation',
        labels,
        lang,
        size,
      }),
  },
  {
    kind: 'tornadoFromOat',
    title: { zh: '户籍人口城镇化率（2015年）：各参数的影响', en: 'Hukou urbanisation rate (2015): effect of each lever' },
    size: 'full',
    build: (lang, size) => tornadoFromOat(analysisFixtures.oat, { labels, lang, size }),
  },
  {
    kind: 'morris',
    title: { zh: '户籍人口城镇化率（2015年）：Morris 筛选', en: 'Hukou urbanisation rate (2015): Morris screening' },
    size: 'full',
    build: (lang, size) => morrisChart(analysisFixtures.morris, { labels, lang, size, scenario: analysisFixtures.scenario }),
  },
  {
    kind: 'sobol',
    title: { zh: '户籍人口城镇化率（2015年）：方差分解', en: 'Hukou urbanisation rate (2015): variance decomposition' },
    size: 'full',
    build: (lang, size) => sobolChart(analysisFixtures.sobol, { labels, lang, size, scenario: analysisFixtures.scenario }),
  },
  {
    kind: 'backtest',
    title: { zh: '常住人口城镇化率：预测与实际', en: 'Urbanisation rate (residents): projection and observed values' },
    size: 'full',
    build: (lang, size) => backtestChart(analysisFixtures.backtest, { labels, lang, size, indicator: 'urbanisation.rate' }),
  },
];

/** Numbers rounded to 4 significant digits and the package version masked, for stable snapshots. */
export function snapshotText(spec: TopLevelSpec, version: string): string {
  const json = JSON.stringify(
    spec,
    (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(4)) : value),
    2,
  );
  return `${json.split(`hzsim ${version}`).join('hzsim <version>')}\n`;
}
