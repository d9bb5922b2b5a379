/**
 * Every text the explorer page shows, in Chinese (default, the plan's language) and English.
 * Chart texts come from the charts' own strings (src/charts/i18n.ts); these are the page's.
 * English texts use straight quotes: the page's CJK font draws curly ones full-width.
 */
import type { Lang, Text } from '../catalog/types.js';
import type { Provenance } from '../params/types.js';
import type { DistributionSpec } from '../scenario/types.js';

const strings = {
  title: { zh: '杭州“十二五”综合配套改革 · 情景探索', en: 'Hangzhou 12th Five-Year reform plan · scenario explorer' },
  intro: {
    zh: '移动左侧的政策杠杆，所有图表和目标达成表随即更新。数字来自模型本身，与用 hzsim run 运行下载的情景文件完全一致。',
    en: 'Move a lever on the left: every chart and the attainment table follow at once. The numbers are the model\'s own — the same as hzsim run gives for the downloaded scenario file.',
  },
  noScript: { zh: '此页面需要启用 JavaScript。', en: 'This page needs JavaScript.' },
  startFrom: { zh: '起点情景', en: 'Start from' },
  horizon: { zh: '预测至', en: 'Project to' },
  horizonPlan: { zh: '{year}年（规划期末）', en: '{year} (end of the plan)' },
  horizonLater: { zh: '{year}年', en: '{year}' },
  monteCarlo: { zh: '蒙特卡洛模拟', en: 'Monte Carlo' },
  mcOff: { zh: '关闭', en: 'Off' },
  mcScenario: { zh: '本情景的不确定性', en: 'The scenario\'s uncertainty' },
  mcAll: { zh: '全部假设的不确定性', en: 'Every assumption\'s uncertainty' },
  mcAllHint: {
    zh: '除本情景自身的不确定性外，还按每个假设参数的合理范围抽样（与 hzsim run --uncertainty all 相同）。',
    en: 'Draws, besides the scenario\'s own uncertainty, every assumed lever from its plausible range (as hzsim run --uncertainty all does).',
  },
  mcAllRule: {
    zh: '每个假设参数都在其合理范围内抽样；移动其滑块即把它固定为您设定的值（与情景文件设定该值相同）。本情景自身不确定性的参数仍锁定抽样。',
    en: 'Every assumed lever is drawn from its plausible range; moving one fixes it at your value, as a scenario file setting it does. The scenario\'s own uncertain levers stay locked to their draws.',
  },
  mcAllReproduce: {
    zh: '情景文件无法声明“全部假设”，请用以下命令重现页面的数字：',
    en: 'A scenario file cannot ask for every assumption to be drawn; reproduce the page\'s numbers with:',
  },
  mcNone: { zh: '该情景未声明不确定性，无可抽样的参数。', en: 'This scenario declares no uncertainty: there is nothing to draw.' },
  runs: { zh: '模拟次数', en: 'Runs' },
  seed: { zh: '随机种子', en: 'Seed' },
  mcSummary: { zh: '蒙特卡洛：{runs} 次，种子 {seed}，抽样 {levers} 个参数', en: 'Monte Carlo: {runs} runs, seed {seed}, {levers} levers drawn' },
  mcSummaryAll: {
    zh: '蒙特卡洛（全部假设）：{runs} 次，种子 {seed}，抽样 {levers} 个参数',
    en: 'Monte Carlo (every assumption): {runs} runs, seed {seed}, {levers} levers drawn',
  },
  downloadScenario: { zh: '下载情景（YAML）', en: 'Download scenario (YAML)' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  linkCopied: { zh: '链接已复制', en: 'Link copied' },
  linkReady: { zh: '链接已在地址栏中，可直接复制', en: 'The link is in the address bar, ready to copy' },
  resetAll: { zh: '全部复位', en: 'Reset all' },
  otherLanguage: { zh: 'English', en: '中文' },
  otherLanguageLabel: { zh: 'Switch to English', en: '切换到中文' },
  levers: { zh: '政策杠杆', en: 'Levers' },
  filterLevers: { zh: '筛选杠杆（名称或编号）', en: 'Filter levers (name or id)' },
  changedCount: { zh: '已调整 {n} 项', en: '{n} changed' },
  noLeverMatches: { zh: '没有匹配的杠杆', en: 'No lever matches' },
  otherAssumptions: { zh: '其他假设（{n} 项：基期值、人口与趋势参数）', en: 'Other assumptions ({n}: baselines, demography, trends)' },
  from: { zh: '起始年份', en: 'From' },
  allYears: { zh: '全部年份', en: 'All years' },
  fromYear: { zh: '{year}年起', en: 'from {year}' },
  exactValue: { zh: '{name}：精确值', en: '{name}: exact value' },
  default: { zh: '默认', en: 'Default' },
  scenarioValue: { zh: '情景取值', en: 'Scenario' },
  range: { zh: '范围', en: 'Range' },
  reset: { zh: '复位', en: 'Reset' },
  resetLever: { zh: '复位：{name}', en: 'Reset {name}' },
  about: { zh: '说明与来源', en: 'About and source' },
  planLine: { zh: '规划第{line}行：“{quote}”', en: 'Plan line {line}: "{quote}"' },
  noPlanLine: { zh: '技术参数，规划未直接规定。', en: 'A technical lever the plan does not state.' },
  provenancePlan: { zh: '默认值来自规划第{line}行：“{quote}”', en: 'Default from plan line {line}: "{quote}"' },
  provenanceExternal: { zh: '默认值来自外部资料：{citation}', en: 'Default from an external source: {citation}' },
  provenanceAssumption: { zh: '默认值为假设：{reason}', en: 'Default is an assumption: {reason}' },
  provenanceCalibrated: { zh: '默认值经校准：{detail}', en: 'Default is calibrated: {detail}' },
  drawn: { zh: '蒙特卡洛中由分布抽样：{dist}', en: 'Drawn under Monte Carlo: {dist}' },
  drawnShort: { zh: '抽样', en: 'drawn' },
  drawnLocked: { zh: '（本情景自身的不确定性，滑块锁定）', en: '(the scenario\'s own uncertainty: the slider is locked)' },
  fixedByYou: { zh: '已固定为您设定的值，不抽样；复位后恢复抽样。', en: 'Fixed at your value, not drawn; reset to draw it again.' },
  fixedByScenario: { zh: '本情景设定了此值，不抽样。', en: 'Not drawn: the scenario sets its value.' },
  byYear: { zh: '分年取值：{schedule}', en: 'By year: {schedule}' },
  charts: { zh: '指标图表', en: 'Indicator charts' },
  chooseIndicators: { zh: '选择指标（{n} 个已选）', en: 'Choose indicators ({n} shown)' },
  removeChart: { zh: '移除：{name}', en: 'Remove {name}' },
  downloadSvg: { zh: '下载 SVG：{name}', en: 'Download SVG: {name}' },
  downloadPng: { zh: '下载 PNG：{name}', en: 'Download PNG: {name}' },
  noCharts: { zh: '尚未选择指标。', en: 'No indicator chosen.' },
  attainment: { zh: '目标达成评估', en: 'Target attainment' },
  attainmentNote: {
    zh: '各情景{year}年前的预测与规划目标对照（蒙特卡洛时为中位数，括号内为达成概率）。',
    en: 'Each scenario\'s projection against the plan\'s targets to {year} (the median under Monte Carlo, with the probability of meeting the target in brackets).',
  },
  target: { zh: '目标', en: 'Target' },
  year: { zh: '年份', en: 'Year' },
  pMet: { zh: '达成概率', en: 'P(met)' },
  projected: { zh: '预测 {value}', en: 'projected {value}' },
  required: { zh: '要求 {value}', en: 'required {value}' },
  reached: { zh: '{year}年达到', en: 'reached {year}' },
  notReached: { zh: '期内未达到', en: 'not reached in the horizon' },
  dismiss: { zh: '关闭提示', en: 'Dismiss' },
  ignoredSettings: { zh: '链接中有 {n} 项设置无法使用，已忽略：', en: 'Ignored {n} settings of the link:' },
  updated: { zh: '更新用时 {ms} 毫秒', en: 'updated in {ms} ms' },
  footer: {
    zh: '由 hangzhou-reform-sim {version} 生成。页面运行与 Node 相同的模型生成代码，可离线打开。',
    en: 'Written by hangzhou-reform-sim {version}. The page runs the same generated model code as Node and works offline.',
  },
} as const satisfies Record<string, Text>;

export type PageStringKey = keyof typeof strings;

/** The page text `key` in `lang`, `{name}` placeholders filled from `vars`. */
export function pageText(key: PageStringKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** Lever units (mathjs unit expressions) as a planner reads them. */
const leverUnits: Readonly<Record<string, Text>> = {
  '1': { zh: '', en: '' },
  '1/year': { zh: '/年', en: '/year' },
  percent: { zh: '%', en: '%' },
  'percent/year': { zh: '个百分点/年', en: 'points / year' },
  hectare: { zh: '公顷', en: 'ha' },
  'hectare/year': { zh: '公顷/年', en: 'ha / year' },
  person: { zh: '人', en: 'persons' },
  'person/year': { zh: '人/年', en: 'persons / year' },
  year: { zh: '年', en: 'year' },
  'yuan/(person*year)': { zh: '元/人·年', en: 'yuan / person / year' },
};

export const leverUnit = (unit: string, lang: Lang): string => leverUnits[unit]?.[lang] ?? unit;

const leverFormats = new Map<string, Intl.NumberFormat>();

/**
 * Lever values with five significant digits but every integer digit (0.04463, 300, 2015,
 * 8,700,373 — a count is never rounded); formatters made once.
 */
export function formatLeverNumber(value: number, lang: Lang): string {
  const grouping = Math.abs(value) >= 10_000;
  const digits = Math.min(21, Math.max(5, Math.floor(Math.log10(Math.abs(value) || 1)) + 1));
  const key = `${lang}|${grouping}|${digits}`;
  let format = leverFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumSignificantDigits: digits, useGrouping: grouping });
    leverFormats.set(key, format);
  }
  return format.format(value);
}

export function provenanceText(p: Provenance, lang: Lang): string {
  switch (p.kind) {
    case 'plan':
      return pageText('provenancePlan', lang, { line: p.line, quote: p.quote });
    case 'external':
      return pageText('provenanceExternal', lang, { citation: p.citation });
    case 'assumption':
      return pageText('provenanceAssumption', lang, { reason: p.reason });
    case 'calibrated':
      return pageText('provenanceCalibrated', lang, { detail: `${p.reason} (95 %: ${p.interval[0]}–${p.interval[1]})` });
  }
}

/** A distribution as one line: triangular(0.022, 0.045, 0.056). */
export function distributionText(d: DistributionSpec, lang: Lang): string {
  const n = (x: number): string => formatLeverNumber(x, lang);
  switch (d.dist) {
    case 'uniform':
      return `uniform(${n(d.min)}, ${n(d.max)})`;
    case 'triangular':
      return `triangular(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})`;
    case 'normal':
      return `normal(${n(d.mean)}, sd ${n(d.sd)}${d.min === undefined ? '' : `, ≥ ${n(d.min)}`}${d.max === undefined ? '' : `, ≤ ${n(d.max)}`})`;
    case 'beta':
      return `beta(${n(d.alpha)}, ${n(d.beta)}) × [${n(d.min)}, ${n(d.max)}]`;
    case 'discrete':
      return `{${d.values.map(n).join(', ')}}${d.weights ? ` ∝ ${d.weights.map(n).join(':')}` : ''}`;
  }
}
