/**
 * The Hangzhou reform model: six coupled subsystems and the outputs reported for every catalog
 * indicator and every model series (ledgers, conversion channels, coverage by scheme, the budget…).
 */
import type { IndicatorId } from '../catalog/index.js';
import type { ModelSpec, OutputDef, Subsystem, VarId } from '../engine/types.js';
import { economy } from './economy.js';
import { insurance } from './insurance.js';
import { integration, integrationSubScores } from './integration.js';
import { land } from './land.js';
import { otherDomains } from './other-domains.js';
import { populationHukou } from './population-hukou.js';

export { populationHukou, land, insurance, integration, economy, otherDomains };
export { populationStocks } from './population-hukou.js';
export { integrationSubScores, type IntegrationSubScore } from './integration.js';

export const subsystems: readonly Subsystem[] = [populationHukou, land, insurance, integration, economy, otherDomains];

/** The variable reported for each catalog indicator (its value at the end of each year). */
export const indicatorVariable = {
  'reform.projects-completed': 'reform_projects_completed',
  'reform.project-areas': 'reform_project_areas',
  'integration.level': 'integration_level',
  'integration.coordination-measures': 'integration_coordination_measures',
  'integration.working-groups': 'integration_working_groups',
  'integration.policy-documents': 'integration_policy_documents',
  'urbanisation.rate': 'urbanisation_rate',
  'urbanisation.hukou-rate': 'hukou_rate',
  'urbanisation.hukou-gap': 'hukou_gap',
  'land.quota-balance': 'quota_balance',
  'land.transfer-share': 'land_transfer_share',
  'finance.venture-centre.firms': 'venture_firms',
  'finance.venture-centre.financing': 'venture_financing',
  'finance.guidance-fund.partner-funds': 'guidance_partner_funds',
  'finance.guidance-fund.committed': 'guidance_committed',
  'finance.guidance-fund.paid-in': 'guidance_paid_in',
  'finance.guidance-fund.leveraged': 'guidance_leveraged',
  'finance.tech-bank.clients': 'tech_bank_clients',
  'finance.tech-bank.tech-share': 'tech_bank_tech_share',
  'finance.tech-bank.loan-share': 'tech_bank_loan_share',
  'finance.property-exchange.deals': 'property_deals',
  'finance.property-exchange.turnover': 'property_turnover',
  'finance.rd-share': 'rd_share',
  'private-economy.top500-firms': 'top500_firms',
  'community.organised-share': 'community_organised_share',
  'community.civil-organisations': 'civil_organisations',
  'community.cultural-sports-organisations': 'cultural_sports_organisations',
  'community.volunteer-organisations': 'volunteer_organisations',
  'insurance.village-clinic-coverage': 'village_clinic_coverage',
  'insurance.medical.urban-employee': 'cov_urban_employee',
  'insurance.medical.urban-resident': 'cov_urban_resident',
  'insurance.medical.rural-cooperative': 'cov_rural_cooperative',
  'insurance.inpatient-reimbursement': 'inpatient_reimbursement',
  'insurance.pension.residents': 'cov_pension_residents',
  'insurance.migrant-coverage': 'cov_migrant',
  'education.school-groups.participation': 'school_group_participation',
  'education.kindergarten-groups.participation': 'kindergarten_group_participation',
  'education.school-communities.count': 'school_communities',
  'education.school-communities.schools': 'schools_in_communities',
  'education.school-communities.coverage': 'school_community_coverage',
  'education.kindergarten-communities.count': 'kindergarten_communities',
  'education.kindergarten-communities.kindergartens': 'kindergartens_in_communities',
  'education.kindergarten-communities.coverage': 'kindergarten_community_coverage',
  'administration.approval-items': 'approval_items_index',
  'administration.approval-units-reviewed': 'approval_units_reviewed',
  'administration.proxy-time-saving': 'proxy_time_saving',
  'administration.car-reform.units-batch1': 'car_reform_units_batch1',
  'administration.car-reform.units-batch2': 'car_reform_units_batch2',
  'administration.car-reform.units-total': 'car_reform_units_total',
  'administration.car-reform.cost-saving': 'car_reform_cost_saving',
} as const satisfies Record<IndicatorId, VarId>;

export interface ModelSeries {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** Display unit. */
  readonly unit: string;
  /** Variable reported, and how (a cumulative stock's annual increase for "in the year" series). */
  readonly variable: VarId;
  readonly report: 'value' | 'annual-increase';
}

const subNames = {
  planning: { zh: '规划建设一体化', en: 'Planning and construction' },
  industry: { zh: '产业发展一体化', en: 'Industrial development' },
  factors: { zh: '要素配置一体化', en: 'Factor allocation' },
  ecology: { zh: '生态保护一体化', en: 'Ecological protection' },
  services: { zh: '公共服务一体化', en: 'Public services' },
  livelihood: { zh: '民生保障一体化', en: 'Livelihood security' },
} as const;

/** Model series (not catalog indicators) that charts and reports use. */
export const modelSeries: readonly ModelSeries[] = [
  { id: 'land.quota_generated', name: { zh: '当年新增挂钩指标', en: 'Linkage quota generated in the year' }, unit: '公顷', variable: 'cum_quota_generated', report: 'annual-increase' },
  { id: 'land.quota_used', name: { zh: '当年自用挂钩指标', en: 'Linkage quota used in the year' }, unit: '公顷', variable: 'cum_quota_used', report: 'annual-increase' },
  { id: 'land.quota_traded', name: { zh: '当年交易挂钩指标', en: 'Linkage quota traded in the year' }, unit: '公顷', variable: 'cum_quota_traded', report: 'annual-increase' },
  { id: 'land.quota_balance', name: { zh: '节余挂钩指标余额', en: 'Unused linkage quota' }, unit: '公顷', variable: 'quota_balance', report: 'value' },
  { id: 'land.farmland_shortfall', name: { zh: '耕地占补累计缺口', en: 'Cumulative farmland-balance shortfall' }, unit: '公顷', variable: 'farmland_shortfall', report: 'value' },
  { id: 'hukou.conversions.plan_area', name: { zh: '当年转户：城镇规划区内农民', en: 'Conversions in the year: farmers inside planning areas' }, unit: '人', variable: 'cum_conv_plan_area', report: 'annual-increase' },
  { id: 'hukou.conversions.outside_plan_area', name: { zh: '当年转户：规划区外农民（含宅基地置换）', en: 'Conversions in the year: farmers outside planning areas (incl. homestead swaps)' }, unit: '人', variable: 'cum_conv_outside_plan', report: 'annual-increase' },
  { id: 'hukou.conversions.migrant', name: { zh: '当年转户：外来农民工', en: 'Conversions in the year: migrant workers' }, unit: '人', variable: 'cum_conv_migrant', report: 'annual-increase' },
  { id: 'population.resident', name: { zh: '常住人口', en: 'Resident population' }, unit: '人', variable: 'resident_population', report: 'value' },
  { id: 'population.urban_hukou', name: { zh: '城镇户籍人口', en: 'Urban-hukou population' }, unit: '人', variable: 'urban_hukou', report: 'value' },
  { id: 'population.rural_hukou', name: { zh: '农业户籍人口', en: 'Rural-hukou population' }, unit: '人', variable: 'rural_hukou', report: 'value' },
  { id: 'population.migrant', name: { zh: '外来人口', en: 'Non-local migrants' }, unit: '人', variable: 'migrants', report: 'value' },
  { id: 'insurance.coverage.urban_employee', name: { zh: '职工医保覆盖率', en: 'Coverage: urban employees’ medical insurance' }, unit: '%', variable: 'cov_urban_employee', report: 'value' },
  { id: 'insurance.coverage.urban_resident', name: { zh: '城居医保覆盖率', en: 'Coverage: urban residents’ medical insurance' }, unit: '%', variable: 'cov_urban_resident', report: 'value' },
  { id: 'insurance.coverage.rural_cooperative', name: { zh: '新农合参合率', en: 'Coverage: new rural cooperative scheme' }, unit: '%', variable: 'cov_rural_cooperative', report: 'value' },
  { id: 'insurance.coverage.residents_merged', name: { zh: '城乡居民医保覆盖率', en: 'Coverage: merged residents’ medical scheme' }, unit: '%', variable: 'cov_residents_merged', report: 'value' },
  { id: 'insurance.coverage.pension_residents', name: { zh: '城乡居民养老保险覆盖率', en: 'Coverage: residents’ pension' }, unit: '%', variable: 'cov_pension_residents', report: 'value' },
  { id: 'insurance.coverage.migrant', name: { zh: '外来务工人员参保率', en: 'Coverage: migrant workers' }, unit: '%', variable: 'cov_migrant', report: 'value' },
  { id: 'insurance.fiscal_subsidy', name: { zh: '居民医保财政补助', en: 'Fiscal subsidy to residents’ medical insurance' }, unit: '亿元/年', variable: 'fiscal_subsidy', report: 'value' },
  // —— Observable quantities (ids shared with the observed data) ——
  { id: 'population.registered', name: { zh: '户籍人口', en: 'Registered (hukou) population' }, unit: '人', variable: 'registered_population', report: 'value' },
  { id: 'population.resident-minus-registered', name: { zh: '常住人口与户籍人口之差', en: 'Resident minus registered population' }, unit: '人', variable: 'migrants', report: 'value' },
  { id: 'population.resident-increase', name: { zh: '常住人口年增加', en: 'Increase of the resident population in the year' }, unit: '人/年', variable: 'resident_population', report: 'annual-increase' },
  { id: 'economy.gdp', name: { zh: '地区生产总值', en: 'GDP' }, unit: '亿元', variable: 'gdp', report: 'value' },
  { id: 'economy.gdp-per-capita', name: { zh: '人均地区生产总值（按常住人口）', en: 'GDP per resident' }, unit: '元', variable: 'gdp_per_resident', report: 'value' },
  { id: 'income.urban-disposable', name: { zh: '市区城镇居民人均可支配收入', en: 'Urban disposable income per person' }, unit: '元', variable: 'urban_income', report: 'value' },
  { id: 'income.rural-net', name: { zh: '农村居民人均纯收入', en: 'Rural net income per person' }, unit: '元', variable: 'rural_income', report: 'value' },
  { id: 'income.urban-rural-ratio', name: { zh: '城乡居民收入比', en: 'Urban-rural income ratio' }, unit: 'ratio', variable: 'income_ratio', report: 'value' },
  { id: 'finance.rd-expenditure', name: { zh: 'R&D经费支出', en: 'R&D spending' }, unit: '亿元', variable: 'rd_expenditure', report: 'value' },
  { id: 'insurance.medical.urban-rural-residents', name: { zh: '城乡居民医保覆盖率', en: 'Coverage: urban-rural residents’ medical scheme' }, unit: '%', variable: 'cov_residents_merged', report: 'value' },
  { id: 'land.farmland-area', name: { zh: '耕地面积', en: 'Farmland' }, unit: '公顷', variable: 'farmland', report: 'value' },
  // —— The reform budget and the feedback it carries ——
  { id: 'finance.reform-budget', name: { zh: '改革资金余额', en: 'Reform budget balance' }, unit: '亿元', variable: 'reform_budget', report: 'value' },
  { id: 'finance.reform-spending', name: { zh: '改革资金支出', en: 'Reform spending' }, unit: '亿元/年', variable: 'reform_spending', report: 'value' },
  { id: 'finance.committed-charges', name: { zh: '改革刚性支出', en: 'Committed charges on the reform budget' }, unit: '亿元/年', variable: 'committed_charges', report: 'value' },
  { id: 'finance.unfunded-commitments', name: { zh: '未能支付的刚性支出', en: 'Committed charges left unpaid' }, unit: '亿元/年', variable: 'unfunded_commitments', report: 'value' },
  { id: 'finance.funding-ratio', name: { zh: '改革措施资金保障率', en: 'Funding ratio of the reform measures' }, unit: '比例', variable: 'funding_ratio', report: 'value' },
  { id: 'land.quota-price', name: { zh: '挂钩指标价格', en: 'Linkage quota price' }, unit: '元/公顷', variable: 'quota_price', report: 'value' },
  { id: 'land.reclamation-in-progress', name: { zh: '在建复垦面积', en: 'Homestead in reclamation' }, unit: '公顷', variable: 'reclamation_in_progress', report: 'value' },
  { id: 'hukou.qualified-migrants', name: { zh: '符合落户条件的外来人口', en: 'Migrants meeting the hukou standard' }, unit: '人', variable: 'migrant_settled', report: 'value' },
  { id: 'population.reform-citizens', name: { zh: '改革新市民', en: 'New citizens through the reform' }, unit: '人', variable: 'reform_citizens', report: 'value' },
  ...integrationSubScores.map(
    (s): ModelSeries => ({ id: `integration.sub.${s}`, name: { zh: subNames[s].zh, en: subNames[s].en }, unit: '分 (0–100)', variable: `int_${s}`, report: 'value' }),
  ),
];

const outputs: OutputDef[] = [
  ...Object.entries(indicatorVariable).map(([id, variable]): OutputDef => ({ id, variable, kind: 'indicator' })),
  ...modelSeries.map((s): OutputDef => ({ id: s.id, variable: s.variable, kind: 'series', report: s.report })),
];

/** The whole model as the engine compiles it. */
export const hangzhouModel: ModelSpec = { subsystems, outputs };
