/**
 * Every string a chart shows (titles, axis titles, legends, footnotes) and every chart error text,
 * in Chinese (default: the plan's language) and English. Builders never hold literal UI text.
 */
import type { Lang } from '../catalog/types.js';
import type { AttainmentClass } from '../runner/types.js';
import { CLASS_LABELS } from '../runner/vocabulary.js';

export type { Lang };
export const Langs = ['zh', 'en'] as const satisfies readonly Lang[];
export const isLang = (s: string): s is Lang => (Langs as readonly string[]).includes(s);

type Bilingual = Readonly<Record<Lang, string>>;

const strings = {
  year: { zh: '年份', en: 'Year' },
  scenario: { zh: '情景', en: 'Scenario' },
  baseline: { zh: '基期', en: 'Baseline' },
  target: { zh: '目标', en: 'Target' },
  targetLabel: { zh: '目标：{label}（{value}）', en: 'Target: {label} ({value})' },
  baselineLabel: { zh: '基期 {year}：{value}', en: 'Baseline {year}: {value}' },
  baselineYear: { zh: '基期 {year}', en: 'Baseline {year}' },
  median: { zh: '中位数', en: 'Median' },
  band50: { zh: '50% 区间（P25–P75）', en: '50% range (P25–P75)' },
  band90: { zh: '90% 区间（P5–P95）', en: '90% range (P5–P95)' },
  attainment: { zh: '目标达成评估', en: 'Target attainment' },
  attainmentClass: { zh: '达成类别', en: 'Attainment class' },
  targetAxis: { zh: '目标', en: 'Target' },
  probabilityNote: { zh: '格中百分比：蒙特卡洛模拟中达成目标的概率', en: 'percentages: share of Monte Carlo runs meeting the target' },
  medianAll: { zh: '蒙特卡洛模拟{runs}次的中位数', en: 'median of {runs} Monte Carlo runs' },
  medianExcept: { zh: '蒙特卡洛模拟{runs}次的中位数；{names}为确定性运行', en: 'medians of {runs} Monte Carlo runs; {names}: deterministic' },
  medianOnly: { zh: '{names}为蒙特卡洛模拟{runs}次的中位数；其余为确定性运行', en: '{names}: medians of {runs} Monte Carlo runs; the others deterministic' },
  captionComparison: { zh: '{indicator}：{from}–{to}年各情景的预测（每条线一个情景）。', en: '{indicator} in each scenario, {from}–{to} (one line per scenario).' },
  captionTarget: { zh: '虚线为规划目标（{value}），竖线为{year}年基期。', en: 'The dashed level is the target ({value}); the dotted rule marks the {year} baseline.' },
  captionBaseline: { zh: '竖线为{year}年基期。', en: 'The dotted rule marks the {year} baseline.' },
  captionAttainment: {
    zh: '各情景对规划各项目标的达成情况（{year}年）：颜色与文字为达成类别。',
    en: "How each scenario fares against each of the plan's targets for {year}: colour and word give the attainment class.",
  },
  captionProbability: { zh: '百分比为蒙特卡洛模拟中达成目标的比例。', en: 'Percentages are the share of Monte Carlo runs in which the target is met.' },
  captionQuota: { zh: '{scenario}：每年新增、使用和交易的城乡建设用地增减挂钩指标（柱）及累计结余（线），单位公顷。', en: '{scenario}: construction-land linkage quota generated, used and traded each year (bars) and the unused balance (line), in hectares.' },
  captionHukou: { zh: '{scenario}：每年转为城镇户籍的人数，按规划的三个渠道分列（柱叠加）。', en: "{scenario}: people converting to urban hukou each year, stacked by the plan's three channels." },
  captionCoverage: { zh: '{scenario}：各险种社会保险覆盖率（每条线一个险种）。', en: '{scenario}: social insurance coverage, one line per scheme.' },
  captionFan: {
    zh: '{scenario}的{indicator}：{runs}次蒙特卡洛模拟的中位数（线）及中间50%、90%模拟结果所在区间（色带）。',
    en: '{indicator} under {scenario}: the median of {runs} Monte Carlo runs (line) and the ranges holding the middle 50 % and 90 % of runs (bands).',
  },
  targetsFor: { zh: '{year}年目标', en: 'Targets for {year}' },
  leverLow: { zh: '参数取低值', en: 'Lever at low value' },
  leverHigh: { zh: '参数取高值', en: 'Lever at high value' },
  setting: { zh: '参数设置', en: 'Lever setting' },
  lever: { zh: '参数', en: 'Lever' },
  leverValue: { zh: '参数值', en: 'Lever value' },
  atYear: { zh: '{title}，{year}年', en: '{title}, {year}' },
  tornadoTitle: { zh: '{indicator}（{year}年）：各参数的影响', en: '{indicator} ({year}): effect of each lever' },
  tornadoSubtitle: {
    zh: '条形：参数由低值变至高值时的预测结果；竖线：基准预测 {baseline}',
    en: 'Bars: the projection with each lever at its low or high value; vertical line: reference projection {baseline}',
  },
  comparisonSubtitle: { zh: '{from}–{to}年各情景预测', en: 'Projections by scenario, {from}–{to}' },
  fanNoSpread: { zh: '各次模拟结果几乎相同：该指标在此情景中不受不确定参数影响', en: 'the runs hardly differ: no uncertain lever moves this indicator in this scenario' },
  fanTitle: { zh: '{indicator}：{scenario}', en: '{indicator}: {scenario}' },
  fanSubtitle: { zh: '蒙特卡洛模拟 {runs} 次：中位数及 50%、90% 区间', en: 'Monte Carlo, {runs} runs: median with 50% and 90% ranges' },
  fanAllAssumptions: { zh: '含全部假设参数的不确定性', en: 'every assumption uncertain' },
  quotaTitle: { zh: '城乡建设用地增减挂钩指标台账', en: 'Construction-land linkage quota ledger' },
  quotaAxis: { zh: '指标（公顷）', en: 'Quota (ha)' },
  quotaBalanceAxis: { zh: '结余（公顷）', en: 'Balance (ha)' },
  quotaSeries: { zh: '增减挂钩指标', en: 'Linkage quota' },
  hukouTitle: { zh: '农转非（城镇户籍转换）人数，分渠道', en: 'Conversions to urban hukou, by channel' },
  hukouChannel: { zh: '渠道', en: 'Channel' },
  coverageTitle: { zh: '社会保险参保（覆盖）率，分险种', en: 'Social insurance coverage, by scheme' },
  coverageAxis: { zh: '覆盖率（%）', en: 'Coverage (%)' },
  scheme: { zh: '险种', en: 'Scheme' },
  smallMultiplesSubtitle: { zh: '各指标纵轴独立；{from}–{to}年各情景预测', en: 'Each panel has its own vertical scale; projections {from}–{to}' },
  sourcePlan: { zh: '资料来源：《杭州市“十二五”综合配套改革规划》', en: 'Source: Hangzhou 12th Five-Year comprehensive reform plan' },
  sourceLines: { zh: '第{lines}行', en: 'line {lines}' },
  sourceModel: { zh: '2011年起为模型预测', en: 'values from 2011 are model projections' },
  scenarios: { zh: '情景：{list}', en: 'scenarios: {list}' },
  seed: { zh: '随机种子{seeds}，模拟{runs}次', en: 'seed {seeds}, {runs} runs' },
  deterministic: { zh: '确定性运行', en: 'deterministic run' },
  generator: { zh: 'hzsim {version}', en: 'hzsim {version}' },
  listSeparator: { zh: '、', en: ', ' },
  clauseSeparator: { zh: '；', en: '; ' },
  unitTitle: { zh: '{name}（{unit}）', en: '{name} ({unit})' },
  personsTenThousand: { zh: '万人', en: 'thousands' },
  personsConverted: { zh: '转换人数（{unit}）', en: 'Persons converted ({unit})' },
  // Analysis charts (Morris, Sobol, backtest).
  analysisRun: { zh: '情景：{scenario}；{method}', en: 'Scenario: {scenario}; {method}' },
  morrisTitle: { zh: '{indicator}（{year}年）：Morris 筛选', en: '{indicator} ({year}): Morris screening' },
  morrisSubtitle: {
    zh: 'μ* 越大，参数影响越大；σ 相对 μ* 越大，影响越非线性或与其他参数交互越强',
    en: 'Larger μ*: more influence; larger σ relative to μ*: a more non-linear effect, or interactions',
  },
  morrisMethod: { zh: 'Morris 法 {trajectories} 条轨迹、{levels} 个水平（运行{runs}次），随机种子{seed}', en: 'Morris, {trajectories} trajectories, {levels} levels ({runs} runs), seed {seed}' },
  morrisMuStar: { zh: 'μ*：基本效应绝对值的均值（{unit}）', en: 'μ*: mean absolute elementary effect ({unit})' },
  morrisMuStarPlain: { zh: 'μ*：基本效应绝对值的均值', en: 'μ*: mean absolute elementary effect' },
  morrisSigma: { zh: 'σ：基本效应的标准差', en: 'σ: standard deviation of the effects' },
  morrisRatio: { zh: 'σ/μ* = {ratio}', en: 'σ/μ* = {ratio}' },
  morrisOthers: { zh: '其余 {count} 个参数', en: '{count} other levers' },
  morrisList: { zh: '影响最大的参数（按 μ*）', en: 'Most influential levers (by μ*)' },
  sobolTitle: { zh: '{indicator}（{year}年）：方差分解', en: '{indicator} ({year}): variance decomposition' },
  sobolSubtitle: {
    zh: 'S1：参数单独解释的方差份额；ST：含交互作用的份额；黑线：{confidence}% 自助法置信区间',
    en: 'S1: the share of variance a lever explains alone; ST: with its interactions; black lines: {confidence}% bootstrap intervals',
  },
  sobolMethod: { zh: 'Sobol′ 指数，{samples} 个基础样本（运行{runs}次），自助法随机种子{seed}', en: 'Sobol′ indices, {samples} base samples ({runs} runs), bootstrap seed {seed}' },
  sobolAxis: { zh: 'Sobol′ 指数（方差份额）', en: 'Sobol′ index (share of variance)' },
  sobolFirst: { zh: '一阶指数 S1', en: 'First-order S1' },
  sobolTotal: { zh: '总指数 ST', en: 'Total ST' },
  sobolIndex: { zh: '指数', en: 'Index' },
  sobolInterval: { zh: '置信区间', en: 'Interval' },
  backtestTitle: { zh: '{indicator}：预测与实际', en: '{indicator}: projection and observed values' },
  backtestSubtitle: {
    zh: '{scenario}；{fitted}年及以前为拟合期，此后为样本外检验',
    en: '{scenario}; fitted to {fitted} and earlier, out of sample after',
  },
  backtestScores: { zh: '平均绝对百分比误差：拟合期 {fitted}，样本外 {outOfSample}', en: 'MAPE: fitted {fitted}, out of sample {outOfSample}' },
  backtestProjection: { zh: '预测', en: 'Projection' },
  backtestMedian: { zh: '预测（中位数）', en: 'Projection (median)' },
  backtestObservedFitted: { zh: '实际值（拟合期）', en: 'Observed (fitted years)' },
  backtestObservedOut: { zh: '实际值（样本外）', en: 'Observed (out of sample)' },
  backtestFittedSide: { zh: '← 拟合期', en: '← fitted' },
  backtestOutSide: { zh: '样本外 →', en: 'out of sample →' },
  backtestSeries: { zh: '图例', en: 'Key' },
  observed: { zh: '实际值', en: 'Observed' },
  notApplicable: { zh: '无', en: 'n/a' },
} as const satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof strings;

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(key: StringKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** Axis title with its unit: 城镇化率（%） / Urbanisation rate (%); no brackets when there is no unit. */
export const withUnit = (name: string, unit: string, lang: Lang): string =>
  unit ? t('unitTitle', lang, { name, unit }) : name;

/** The vocabulary's class words (src/runner/vocabulary.ts), sentence-cased for legends: one vocabulary across outputs. */
export const attainmentClassLabels: Readonly<Record<AttainmentClass, Bilingual>> = Object.fromEntries(
  Object.entries(CLASS_LABELS).map(([c, label]) => [c, { zh: label.zh, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) }]),
) as Record<AttainmentClass, Bilingual>;

/** Short cell texts for the dashboard (the class is also written, so grey-scale print keeps it). */
export const attainmentClassShort: Readonly<Record<AttainmentClass, Bilingual>> = {
  met: { zh: '完成', en: 'met' },
  'on-track': { zh: '顺利', en: 'on track' },
  moderate: { zh: '一般', en: 'moderate' },
  insufficient: { zh: '不足', en: 'insufficient' },
  'moving-away': { zh: '背离', en: 'moving away' },
  'not-met': { zh: '未完成', en: 'not met' },
};

/**
 * English display of the catalog's Chinese units (the catalog writes units as the plan does).
 * Units not listed are shown unchanged.
 */
const unitsEn: Readonly<Record<string, string>> = {
  '%': '%',
  项: 'items',
  个: 'count',
  个方面: 'areas',
  个单位: 'units',
  家: 'firms',
  宗: 'deals',
  所: 'schools',
  亿元: '100 million yuan',
  '亿元/year': '100 million yuan / year',
  '亿元/年': '100 million yuan / year',
  '分 (0–100)': 'score (0–100)',
  万人: '10,000 persons',
  人: 'persons',
  '人/年': 'persons / year',
  元: 'yuan',
  '元/公顷': 'yuan / ha',
  比例: 'share',
  公顷: 'ha',
  'index (2010 = 100)': 'index, 2010 = 100',
};
const unitsZh: Readonly<Record<string, string>> = {
  'index (2010 = 100)': '指数，2010 = 100',
  'percentage points': '百分点',
  persons: '人',
  ha: '公顷',
  'score 0–100': '得分（0–100）',
  '亿元/year': '亿元/年',
  '分 (0–100)': '分（0–100）',
  ratio: '比值',
};

/** A unit as shown in `lang`: the catalog's own text, translated where a translation is known. */
export function displayUnit(unit: string, lang: Lang): string {
  const trimmed = unit.trim();
  // Units like "% (urban-hukou share …)" carry a gloss; axis titles keep only the unit itself.
  const table = lang === 'en' ? unitsEn : unitsZh;
  const core = trimmed.replace(/\s*\(.*\)$/, '') || trimmed;
  const key = Object.hasOwn(table, trimmed) ? trimmed : core;
  return table[key] ?? key;
}

/** User-facing error texts of the charts area. */
export const chartErrors = {
  noScenarios: (): string => 'a chart needs at least one scenario result; none were given',
  unknownScenario: (id: string, known: readonly string[]): string =>
    `scenario "${id}" is not among the results (known: ${known.join(', ') || 'none'})`,
  noData: (output: string, scenarios: readonly string[]): string =>
    `no values for "${output}" in scenario(s) ${scenarios.join(', ')}; expected rows with output "${output}" (an indicator id or a model series id)`,
  needsMonteCarlo: (scenario: string): string =>
    `the fan chart needs Monte Carlo results (percentiles p05–p95), but scenario "${scenario}" was run deterministically; run it with --runs N`,
  noSwings: (): string => 'the tornado chart needs at least one lever swing',
  unknownFormat: (f: string, known: readonly string[]): string =>
    `unknown chart format "${f}"; expected one of ${known.join(', ')}`,
  unknownKind: (k: string, known: readonly string[]): string =>
    `unknown chart kind "${k}"; expected one of ${known.join(', ')}`,
  emptyPanelList: (): string => 'small multiples need at least one indicator id',
  noOutput: (index: number, count: number): string => `output ${index} does not exist: the result has ${count} output(s)`,
  noEffects: (): string => 'the chart needs at least one lever with a finite effect',
  noBacktestSeries: (id: string, known: readonly string[]): string =>
    `the backtest has no projection of "${id}" (scored: ${known.join(', ') || 'none'})`,
} as const;
