/**
 * The quantities published data can be compared with, in one list: the observed-data file may
 * only use these ids, and each id's model unit fixes which stated units a row may use.
 *
 * An `output` is compared with the model output of the same id (a catalog indicator or a model
 * series) in the same unit, or, when `derived` is set, with a quantity computed from another
 * output (src/analysis/derived-outputs.ts). A `milestone` is compared with the year a scenario's
 * milestone lever gives (the catalog's milestone target of the same id). An observable with
 * `notComparable` is recorded as published but never scored: the model has no such quantity, and
 * the reason says why.
 */
import type { Text } from '../catalog/types.js';
import type { ModelUnit } from './units.js';

export interface Observable {
  readonly id: string;
  readonly name: Text;
  /** The unit the model reports this quantity in; rows are converted to it. */
  readonly unit: ModelUnit;
  readonly kind: 'output' | 'milestone';
  /** For milestones: the lever holding the completion year. */
  readonly lever?: string;
  /** What exactly is measured, where the name alone is ambiguous. */
  readonly definition?: Text;
  /** Computed from another model output rather than reported by the model itself. */
  readonly derived?: { readonly kind: 'percent-growth'; readonly of: string };
  /** Why the model is not compared with this quantity (the data are kept, never scored or fitted). */
  readonly notComparable?: Text;
}

export const observables = [
  {
    id: 'population.resident',
    name: { zh: '常住人口', en: 'Resident population' },
    unit: '人',
    kind: 'output',
    definition: { zh: '年末常住人口（全市）', en: 'Year-end resident population, whole city' },
  },
  {
    id: 'population.registered',
    name: { zh: '户籍人口', en: 'Registered (hukou) population' },
    unit: '人',
    kind: 'output',
    definition: { zh: '年末户籍人口（全市）', en: 'Year-end registered population, whole city' },
  },
  {
    id: 'population.resident-minus-registered',
    name: { zh: '常住人口与户籍人口之差', en: 'Residents minus registered population' },
    unit: '人',
    kind: 'output',
  },
  {
    id: 'population.resident-increase',
    name: { zh: '常住人口年增加', en: 'Year-on-year increase of residents' },
    unit: '人/年',
    kind: 'output',
    definition: { zh: '年末常住人口比上年末增加', en: 'Year-end residents minus the previous year-end' },
  },
  {
    id: 'population.resident-growth-rate',
    name: { zh: '常住人口年增长率', en: 'Year-on-year growth rate of residents' },
    unit: '%',
    kind: 'output',
    definition: { zh: '年末常住人口比上年末增长的百分比', en: 'Percent growth of year-end residents over the previous year-end' },
    derived: { kind: 'percent-growth', of: 'population.resident' },
  },
  {
    id: 'urbanisation.rate',
    name: { zh: '城镇化率', en: 'Urbanisation rate' },
    unit: '%',
    kind: 'output',
    definition: { zh: '城镇常住人口占常住人口的比重', en: 'Urban share of the resident population' },
  },
  {
    id: 'economy.gdp',
    name: { zh: '地区生产总值', en: 'Gross domestic product' },
    unit: '亿元',
    kind: 'output',
    definition: { zh: '全市，当年价格', en: 'Whole city, current prices' },
  },
  {
    id: 'economy.gdp-per-capita',
    name: { zh: '人均地区生产总值', en: 'GDP per capita' },
    unit: '元',
    kind: 'output',
    definition: { zh: '按常住人口计算，当年价格', en: 'Per resident, current prices' },
  },
  {
    id: 'income.urban-disposable',
    name: { zh: '城镇居民人均可支配收入', en: 'Urban disposable income per capita' },
    unit: '元',
    kind: 'output',
  },
  {
    id: 'income.rural-net',
    name: { zh: '农村居民人均纯收入', en: 'Rural net income per capita' },
    unit: '元',
    kind: 'output',
    definition: { zh: '分城乡住户调查口径（至2013年）', en: 'Old separate rural household survey (to 2013)' },
  },
  {
    id: 'income.rural-disposable',
    name: { zh: '农村居民人均可支配收入', en: 'Rural disposable income per capita' },
    unit: '元',
    kind: 'output',
    definition: { zh: '城乡一体化住户调查口径（2013年起）', en: 'Integrated household survey (from 2013)' },
    notComparable: {
      zh: '模型的农村收入按旧口径“人均纯收入”计算（2010年基数13186元）；2013年起的城乡一体化住户调查“可支配收入”口径不同，不能直接比较',
      en: "The model's rural income follows the old net-income caliber (13,186 yuan in 2010); the integrated survey's disposable income (from 2013) is a different measure",
    },
  },
  {
    id: 'income.urban-rural-ratio',
    name: { zh: '城乡居民收入比', en: 'Urban-rural income ratio' },
    unit: 'ratio',
    kind: 'output',
    definition: { zh: '城镇居民收入 ÷ 农村居民收入（农村 = 1）', en: 'Urban ÷ rural income per capita (rural = 1)' },
  },
  {
    id: 'integration.coordination-score',
    name: { zh: '城乡统筹发展水平综合评价得分', en: 'Urban-rural coordination evaluation score' },
    unit: '分',
    kind: 'output',
    definition: {
      zh: '浙江省统计局对各市的综合评价（0–100 分）；规划的“城乡一体化水平87.1%”可能即此指数，但未经证实',
      en: "Zhejiang statistics bureau's composite evaluation of each city (0–100 points); the plan's 87.1% integration level may be this index, unconfirmed",
    },
    notComparable: {
      zh: '模型的城乡一体化水平（integration.level）以规划的87.1%为基数；该评分是否为同一指数未经证实（2010年评分87.4），故不比较其水平；其2005–2010年增速仅用作该目标的参考速度',
      en: "The model's integration level (integration.level) starts from the plan's 87.1 %; whether this score (87.4 in 2010) is the same index is unconfirmed, so its level is not compared; only its 2005–2010 pace serves as the target's reference pace",
    },
  },
  {
    id: 'finance.rd-share',
    name: { zh: 'R&D经费占GDP比重', en: 'R&D expenditure as a share of GDP' },
    unit: '%',
    kind: 'output',
  },
  {
    id: 'finance.rd-expenditure',
    name: { zh: 'R&D经费支出', en: 'R&D expenditure' },
    unit: '亿元',
    kind: 'output',
  },
  {
    id: 'private-economy.top500-firms',
    name: { zh: '进入中国民营企业500强的企业数', en: "Firms among China's top 500 private enterprises" },
    unit: '家',
    kind: 'output',
    definition: { zh: '年份为榜单发布年份', en: 'Year is the year the list was published' },
  },
  {
    id: 'insurance.pension.residents',
    name: { zh: '城乡居民社会养老保险覆盖率', en: "Urban and rural residents' pension coverage" },
    unit: '%',
    kind: 'output',
  },
  {
    id: 'insurance.medical.urban-rural-residents',
    name: { zh: '城乡居民医疗保险覆盖率', en: "Urban and rural residents' medical insurance coverage" },
    unit: '%',
    kind: 'output',
  },
  {
    id: 'administration.approval-items-cut',
    name: { zh: '当年取消或下放的行政审批事项', en: 'Approval items cancelled or devolved in the year' },
    unit: '项',
    kind: 'output',
    notComparable: {
      zh: '公布的清理数统计的是各类行政审批事项，口径不同于规划“市级直接审批项目减少20%”所指的事项，模型只有后者',
      en: "The published clean-ups count all kinds of approval items, a different set from the plan's city-level direct approvals (−20 %), which is all the model has",
    },
  },
  {
    id: 'administration.approval-items-cut-share',
    name: { zh: '行政审批事项清理减少率', en: 'Share of approval items cut in a clean-up' },
    unit: '%',
    kind: 'output',
    notComparable: {
      zh: '清理减少率的分母是各类行政审批事项，不同于规划“市级直接审批项目减少20%”的口径',
      en: "The clean-up's denominator is all kinds of approval items, not the plan's city-level direct approvals (−20 %)",
    },
  },
  {
    id: 'land.farmland-area',
    name: { zh: '耕地面积', en: 'Farmland area' },
    unit: '公顷',
    kind: 'output',
  },
  {
    id: 'milestone.hzbank-listing',
    name: { zh: '杭州银行上市', en: 'Bank of Hangzhou listed' },
    unit: '年',
    kind: 'milestone',
    lever: 'milestone_hzbank_listing_year',
  },
  {
    id: 'milestone.rural-bank-conversion',
    name: { zh: '杭州联合银行转型为农村商业银行', en: 'Hangzhou United Bank converted to a rural commercial bank' },
    unit: '年',
    kind: 'milestone',
    lever: 'milestone_rural_bank_conversion_year',
  },
] as const satisfies readonly Observable[];

export type ObservableId = (typeof observables)[number]['id'];

export const observableIds: readonly ObservableId[] = observables.map((o) => o.id);

const byId: ReadonlyMap<string, Observable> = new Map(observables.map((o) => [o.id, o]));

export const isObservableId = (id: string): id is ObservableId => byId.has(id);

/** Observables the model is compared with: outputs without a `notComparable` reason. */
export const comparableOutputIds: readonly ObservableId[] = (observables as readonly (Observable & { id: ObservableId })[]).filter((o) => o.kind === 'output' && o.notComparable === undefined).map((o) => o.id);

/** The observable with this id, or undefined. */
export const findObservable = (id: string): Observable | undefined => byId.get(id);
