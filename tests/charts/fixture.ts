/**
 * A fixed set of ScenarioResult values for chart tests: three deterministic scenarios and one
 * Monte Carlo scenario, with made-up but plausible numbers (they test drawing, not the model).
 */
import type { AttainmentRow, ResultRow, ScenarioResult, Statistic } from '../../src/runner/types.js';
import { labelsFromTable, type LabelRecord } from '../../src/charts/labels.js';

export const YEARS = [2010, 2011, 2012, 2013, 2014, 2015] as const;

/** Series grows linearly from `base` by `step` per year, times `speed`. */
const linear = (base: number, step: number, speed: number) => (i: number) => base + step * speed * i;

const schemes = ['urban_employee', 'urban_resident', 'rural_cooperative', 'residents_merged', 'pension_residents', 'migrant'] as const;
const schemeBase: Record<(typeof schemes)[number], number> = {
  urban_employee: 93.66,
  urban_resident: 94.57,
  rural_cooperative: 99,
  residents_merged: 96.2,
  pension_residents: 90,
  migrant: 50,
};

function outputsFor(speed: number): Record<string, (i: number) => number> {
  const out: Record<string, (i: number) => number> = {
    'urbanisation.rate': linear(70, 1.1, speed),
    'urbanisation.hukou-rate': linear(50, 1.6, speed),
    'urbanisation.hukou-gap': (i) => 70 + 1.1 * speed * i - (50 + 1.6 * speed * i),
    'integration.level': linear(87.1, 1.2, speed),
    'administration.approval-items': linear(100, -4.2, speed),
    'insurance.migrant-coverage': linear(50, 5, speed),
    'land.quota_generated': (i) => (i === 0 ? 0 : 300 * speed + 40 * i),
    'land.quota_used': (i) => (i === 0 ? 0 : 240 * speed + 35 * i),
    'land.quota_traded': (i) => (i === 0 ? 0 : 60 * speed + 10 * i),
    'hukou.conversions.plan_area': (i) => (i === 0 ? 21000 : 24000 * speed + 1500 * i),
    'hukou.conversions.outside_plan_area': (i) => (i === 0 ? 8000 : 9000 * speed + 800 * i),
    'hukou.conversions.migrant': (i) => (i === 0 ? 12000 : 15000 * speed + 3000 * i),
  };
  let balance = 0;
  const balances = YEARS.map((_, i) => {
    balance += (out['land.quota_generated']?.(i) ?? 0) - (out['land.quota_used']?.(i) ?? 0);
    return balance;
  });
  out['land.quota_balance'] = (i) => balances[i] ?? 0;
  for (const s of schemes) out[`insurance.coverage.${s}`] = (i) => Math.min(100, schemeBase[s] + (100 - schemeBase[s]) * (1 - 0.8 ** (i * speed)));
  return out;
}

function attainment(scenario: string, speed: number, mc: boolean): AttainmentRow[] {
  const approvals = 100 - 4.2 * speed * 5;
  const cls = (ratio: number): AttainmentRow['class'] =>
    ratio >= 0.95 ? 'on-track' : ratio >= 0.6 ? 'moderate' : ratio >= 0 ? 'insufficient' : 'moving-away';
  const common = { scenario, origin: 'plan' as const, year: 2015 };
  return [
    {
      ...common,
      target: 'administration.approval-items.-20pct',
      kind: 'change',
      indicator: 'administration.approval-items',
      label: { zh: '市级直接审批项目五年内减少20%', en: 'City-level direct approvals −20 % in five years' },
      projected: approvals,
      required: 80,
      gap: 80 - approvals,
      yearReached: approvals <= 80 ? 2015 : null,
      class: cls((100 - approvals) / 20),
      probability: mc ? 0.62 : null,
    },
    {
      ...common,
      target: 'urbanisation.hukou-rate.increase',
      kind: 'direction',
      indicator: 'urbanisation.hukou-rate',
      label: { zh: '户籍城镇化率提高', en: 'Hukou urbanisation rate rises' },
      projected: 50 + 8 * speed,
      required: null,
      gap: null,
      yearReached: speed > 0 ? 2011 : null,
      class: speed > 0 ? 'met' : 'not-met',
      probability: mc ? 0.97 : null,
    },
    {
      ...common,
      target: 'insurance.migrant-coverage.increase',
      kind: 'direction',
      indicator: 'insurance.migrant-coverage',
      label: { zh: '外来务工人员参保率提高', en: "Migrant workers' insurance coverage rises" },
      projected: 50 + 25 * speed,
      required: null,
      gap: null,
      yearReached: speed > 0 ? 2011 : null,
      class: speed > 0 ? 'met' : 'not-met',
      probability: mc ? 0.88 : null,
    },
    {
      ...common,
      target: 'milestone.city-car-reform',
      kind: 'milestone',
      indicator: null,
      label: { zh: '完成市级机关公车改革', en: 'City-level official car reform completed' },
      projected: null,
      required: null,
      gap: null,
      yearReached: speed >= 1 ? 2014 : null,
      class: speed >= 1 ? 'met' : 'not-met',
      probability: mc ? 0.71 : null,
    },
    {
      ...common,
      origin: 'scenario',
      target: 'scenario.urbanisation.rate.75',
      kind: 'level',
      indicator: 'urbanisation.rate',
      label: { zh: '常住人口城镇化率达到75%', en: 'Urbanisation rate reaches 75 %' },
      projected: 70 + 5.5 * speed,
      required: 75,
      gap: 70 + 5.5 * speed - 75,
      yearReached: speed >= 0.95 ? 2015 : null,
      class: speed < 0.2 ? 'moving-away' : cls(speed),
      probability: mc ? 0.55 : null,
    },
  ];
}

function deterministic(id: string, title: { zh: string; en: string }, speed: number): ScenarioResult {
  const rows: ResultRow[] = [];
  for (const [output, f] of Object.entries(outputsFor(speed))) {
    YEARS.forEach((year, i) => rows.push({ scenario: id, output, year, statistic: 'value', value: f(i) }));
  }
  return { scenario: { id, title }, mode: 'deterministic', runs: 1, seed: null, years: YEARS, rows, attainment: attainment(id, speed, false) };
}

function montecarlo(id: string, title: { zh: string; en: string }, speed: number): ScenarioResult {
  const rows: ResultRow[] = [];
  // Spread widens with the years since the baseline, as uncertainty accumulates.
  const spread: Record<Exclude<Statistic, 'value'>, number> = { mean: 0, p05: -1.64, p25: -0.67, p50: 0, p75: 0.67, p95: 1.64 };
  for (const [output, f] of Object.entries(outputsFor(speed))) {
    YEARS.forEach((year, i) => {
      const centre = f(i);
      for (const [stat, z] of Object.entries(spread) as [Exclude<Statistic, 'value'>, number][]) {
        rows.push({ scenario: id, output, year, statistic: stat, value: centre + z * 0.012 * Math.abs(centre) * i });
      }
    });
  }
  return { scenario: { id, title }, mode: 'montecarlo', runs: 1000, seed: 2011, years: YEARS, rows, attainment: attainment(id, speed, true) };
}

export const fixtureResults: readonly ScenarioResult[] = [
  deterministic('trend', { zh: '趋势（无新改革）', en: 'Trend (no new reform)' }, 0.15),
  deterministic('plan', { zh: '规划方案', en: 'Plan as written' }, 1),
  deterministic('accelerated', { zh: '加快改革', en: 'Accelerated reform' }, 1.35),
  deterministic('stalled', { zh: '改革停滞', en: 'Stalled reform' }, -0.1),
];

export const fixtureMonteCarlo: ScenarioResult = montecarlo('plan', { zh: '规划方案', en: 'Plan as written' }, 1);

const table: Record<string, LabelRecord> = {
  'urbanisation.rate': { name: { zh: '常住人口城镇化率', en: 'Urbanisation rate (residents)' }, unit: '%', line: 17 },
  'urbanisation.hukou-rate': { name: { zh: '户籍人口城镇化率', en: 'Hukou urbanisation rate' }, unit: '%', line: 151 },
  'urbanisation.hukou-gap': { name: { zh: '城镇化率与户籍城镇化率之差', en: 'Gap between urbanisation and hukou rates' }, unit: 'percentage points', line: 151 },
  'integration.level': { name: { zh: '城乡一体化水平', en: 'Urban-rural integration level' }, unit: '%', line: 17 },
  'administration.approval-items': { name: { zh: '市级直接审批项目', en: 'City-level direct approval items' }, unit: 'index (2010 = 100)', line: 251 },
  'insurance.migrant-coverage': { name: { zh: '外来务工人员参保率', en: "Migrant workers' insurance coverage" }, unit: '%', line: 188 },
  'land.quota_generated': { name: { zh: '新增节余指标', en: 'Quota generated' }, unit: 'ha' },
  'land.quota_used': { name: { zh: '使用指标', en: 'Quota used' }, unit: 'ha' },
  'land.quota_traded': { name: { zh: '交易指标', en: 'Quota traded' }, unit: 'ha' },
  'land.quota_balance': { name: { zh: '指标结余', en: 'Quota balance' }, unit: 'ha' },
  'hukou.conversions.plan_area': { name: { zh: '城市规划区内农民', en: 'Farmers inside urban-planning areas' }, unit: 'persons' },
  'hukou.conversions.outside_plan_area': { name: { zh: '城市规划区外农民', en: 'Farmers outside urban-planning areas' }, unit: 'persons' },
  'hukou.conversions.migrant': { name: { zh: '外来农民工', en: 'Migrant workers' }, unit: 'persons' },
  'insurance.coverage.urban_employee': { name: { zh: '城镇职工医疗保险', en: 'Urban employees’ medical insurance' }, unit: '%' },
  'insurance.coverage.urban_resident': { name: { zh: '城镇居民医疗保险', en: 'Urban residents’ medical insurance' }, unit: '%' },
  'insurance.coverage.rural_cooperative': { name: { zh: '新型农村合作医疗', en: 'New rural cooperative medical scheme' }, unit: '%' },
  'insurance.coverage.residents_merged': { name: { zh: '城乡居民医疗保险（并轨）', en: 'Merged urban-rural residents’ scheme' }, unit: '%' },
  'insurance.coverage.pension_residents': { name: { zh: '城乡居民养老保险', en: 'Residents’ pension insurance' }, unit: '%' },
  'insurance.coverage.migrant': { name: { zh: '外来务工人员社会保险', en: "Migrant workers' social insurance" }, unit: '%' },
};

export const fixtureLabels = labelsFromTable(table);

/** The bundled scenarios' names, in reading order (their length is what the dashboard must fit). */
const BUNDLED_NAMES: readonly (readonly [string, { zh: string; en: string }])[] = [
  ['trend', { zh: '趋势（无新改革）', en: 'Trend (no new reform)' }],
  ['plan', { zh: '规划如期实施', en: 'The plan as written' }],
  ['accelerated', { zh: '改革加速', en: 'Accelerated reform' }],
  ['stalled', { zh: '改革受阻', en: 'Stalled reform' }],
  ['hukou-first', { zh: '户籍改革优先', en: 'Hukou reform first' }],
  ['land-first', { zh: '土地改革优先', en: 'Land reform first' }],
  ['insurance-first', { zh: '社会保障优先', en: 'Social insurance first' }],
];

/**
 * Seven scenarios (the first deterministic, the rest Monte Carlo) judged against every target of
 * the catalog, with its real labels, cycling through every class and probabilities from 0 to 100 %:
 * the widest cell texts and longest row labels the attainment dashboard meets.
 */
export function catalogAttainmentResults(targets: readonly { id: string; kind: AttainmentRow['kind']; year: number; label: { zh: string; en: string } }[]): ScenarioResult[] {
  const classes: AttainmentRow['class'][] = ['insufficient', 'moderate', 'on-track', 'met', 'not-met', 'moving-away'];
  const probabilities = [0, 0.33, 1, 0.14, 0.6, 0.86, 0.41];
  return BUNDLED_NAMES.map(([id, title], s) => ({
    scenario: { id, title },
    mode: s === 0 ? 'deterministic' : 'montecarlo',
    runs: s === 0 ? 1 : 200,
    seed: s === 0 ? null : 2011,
    years: YEARS,
    rows: [],
    attainment: targets.map((t, k) => ({
      scenario: id,
      target: t.id,
      kind: t.kind,
      origin: 'plan' as const,
      indicator: null,
      year: t.year,
      label: t.label,
      projected: null,
      required: null,
      gap: null,
      yearReached: null,
      class: classes[(s + k) % classes.length] ?? 'met',
      probability: s === 0 ? null : (probabilities[(s + 2 * k) % probabilities.length] ?? 1),
    })),
  }));
}
