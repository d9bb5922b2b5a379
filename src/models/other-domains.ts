/**
 * Trend models for the other domains (education, administration, finance, community, private
 * economy, the reform programme). Each indicator starts at its catalog baseline and has a bounded
 * form: counts and cumulative amounts follow a logistic path towards a documented capacity, shares
 * approach 100 % or a documented ceiling, so no value runs away over a long horizon.
 */
import type { IndicatorId } from '../catalog/index.js';
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock, YI_YUAN } from './build.js';

/** A stock growing logistically at `rate` from the indicator's baseline towards `multiple` × the baseline. */
const saturating = (id: string, indicator: IndicatorId, unit: string, rate: string, multiple: string, doc: string): VarDef[] => {
  const base = baseline(indicator);
  return [
    stock(id, unit, base, [`${id}_growth`], [], doc),
    stock(`${id}_capacity`, unit, `${multiple} * ${id}`, [], [], `Capacity of ${id}: ${multiple} × its 2010 value (constant).`),
    flow(`${id}_growth`, `${unit}/year`, `${rate} * ${id} * (1 - ${id} / ${id}_capacity)`, `Logistic growth of ${id} at ${rate} towards its capacity.`),
  ];
};

/** A share closing `rate` of its gap to 100 per year. */
const approaching = (id: string, initial: string, rate: string, doc: string): VarDef[] => [
  stock(id, 'percent', initial, [`${id}_change`], [], doc),
  flow(`${id}_change`, 'percent/year', `${rate} * (100 - ${id})`, `Approach of ${id} to 100 % at ${rate}.`),
];

/** A share (or count with a cap) on a logistic path at `rate` towards `cap` (a lever); `rate` may be negative. */
const logistic = (id: string, initial: string, unit: string, rate: string, cap: string, doc: string): VarDef[] => [
  stock(id, unit, initial, [`${id}_change`], [], doc),
  flow(`${id}_change`, `${unit}/year`, `${rate} * ${id} * (1 - ${id} / ${cap})`, `Logistic change of ${id} at ${rate} towards ${cap}.`),
];

/**
 * Mutual-aid communities: coverage approaches 100 %; participating schools rise with coverage over
 * a fixed total (2010 schools ÷ 2010 coverage), communities in proportion to schools.
 */
const communities = (prefix: 'school' | 'kindergarten', plural: string): VarDef[] => {
  const cov = `${prefix}_community_coverage`;
  const ind = prefix === 'school' ? 'education.school-communities' : 'education.kindergarten-communities';
  const members = baseline(`${ind}.${prefix === 'school' ? 'schools' : 'kindergartens'}` as IndicatorId);
  const count = baseline(`${ind}.count` as IndicatorId);
  const coverage = baseline(`${ind}.coverage` as IndicatorId);
  return [
    ...approaching(cov, coverage, 'education_community_effort', `Coverage of urban-rural ${prefix} mutual-aid communities (互助共同体覆盖率).`),
    aux(`${prefix}s_total`, '1', `${members} * 100 / ${coverage}`, `All ${plural} that could join (2010 members ÷ 2010 coverage).`),
    stock(`${prefix}s_in_communities`, '1', members, [`${prefix}s_joining`], [], `${plural} in mutual-aid communities.`),
    flow(`${prefix}s_joining`, '1/year', `${prefix}s_total * ${cov}_change / 100`, `${plural} joining as coverage rises.`),
    stock(`${prefix}_communities`, '1', count, [`${prefix}_communities_formed`], [], `Number of ${prefix} mutual-aid communities.`),
    flow(`${prefix}_communities_formed`, '1/year', `${prefix}s_joining * ${count} / ${members}`, `New communities, at the 2010 number of ${plural} per community.`),
  ];
};

const vars: VarDef[] = [
  ...inputs(
    'education_group_effort',
    'education_community_effort',
    'approval_reduction_rate',
    'admin_trend_growth',
    'car_reform_city_units',
    'milestone_city_car_reform_year',
    'car_reform_saving_growth',
    'finance_trend_growth',
    'finance_capacity_multiple',
    'guidance_fund_paid_in_rate',
    'guidance_fund_leverage',
    'tech_bank_focus_rate',
    'init_rd_share',
    'rd_share_growth',
    'rd_share_ceiling',
    'milestone_hzbank_listing_year',
    'milestone_rural_bank_conversion_year',
    'community_trend_growth',
    'community_capacity_multiple',
    'private_economy_top500_growth',
    'top500_capacity',
    'approval_units_total',
    'proxy_time_saving_ceiling',
    'car_reform_saving_ceiling',
    'reform_projects_per_year',
  ),

  // —— Education (lines 47, 192) ——
  ...approaching('school_group_participation', baseline('education.school-groups.participation'), 'education_group_effort', 'Participation of primary and secondary schools in famous-school groups (六城区, 名校集团化参与面).'),
  ...approaching('kindergarten_group_participation', baseline('education.kindergarten-groups.participation'), 'education_group_effort', 'Participation of kindergartens in famous-kindergarten groups.'),
  ...communities('school', 'schools'),
  ...communities('kindergarten', 'kindergartens'),

  // —— Administration (lines 53–57, 251, 255) ——
  stock('approval_items_index', '1', baseline('administration.approval-items'), [], ['approval_items_abolished'], 'Approval items handled directly by the city, index 2010 = 100.'),
  flow('approval_items_abolished', '1/year', 'approval_reduction_rate * approval_items_index', 'Items abolished or delegated per year.'),
  ...logistic('approval_units_reviewed', baseline('administration.approval-units-reviewed'), '1', 'admin_trend_growth', 'approval_units_total', 'Units whose approval items were fully reviewed and coded (towards all units with approval powers).'),
  ...logistic('proxy_time_saving', baseline('administration.proxy-time-saving'), 'percent', 'admin_trend_growth', 'proxy_time_saving_ceiling', 'Time saved by proxy handling of investment approvals (办结时间提前), towards its ceiling.'),
  aux('car_reform_units_batch1', '1', baseline('administration.car-reform.units-batch1'), 'Batch 1 of the city car reform (May 2009); historical, constant.'),
  aux('car_reform_units_batch2', '1', baseline('administration.car-reform.units-batch2'), 'Batch 2 (February 2010); historical, constant.'),
  aux(
    'car_reform_units_total',
    '1',
    `${baseline('administration.car-reform.units-total')} + (car_reform_city_units - ${baseline('administration.car-reform.units-total')}) * clamp((time - start) / max(1, milestone_city_car_reform_year - start), 0, 1)`,
    'City units with reformed official cars: 56 in 2010, rising linearly to all units by the end of the completion year.',
  ),
  ...logistic('car_reform_cost_saving', baseline('administration.car-reform.cost-saving'), 'percent', 'car_reform_saving_growth', 'car_reform_saving_ceiling', 'Fall in official-car spending of reformed units (公车开支下降), towards its ceiling.'),

  // —— Finance and innovation (lines 23–29, 109, 119) ——
  ...saturating('venture_firms', 'finance.venture-centre.firms', '1', 'finance_trend_growth', 'finance_capacity_multiple', 'Start-ups the venture-investment service centre has helped raise money (cumulative).'),
  ...saturating('venture_financing', 'finance.venture-centre.financing', YI_YUAN, 'finance_trend_growth', 'finance_capacity_multiple', 'Money they raised, 亿元 (cumulative).'),
  ...saturating('guidance_partner_funds', 'finance.guidance-fund.partner-funds', '1', 'finance_trend_growth', 'finance_capacity_multiple', 'Partner funds of the venture guidance fund.'),
  ...saturating('guidance_committed', 'finance.guidance-fund.committed', YI_YUAN, 'finance_trend_growth', 'finance_capacity_multiple', 'Guidance fund money committed, 亿元 (cumulative).'),
  stock('guidance_paid_in', YI_YUAN, baseline('finance.guidance-fund.paid-in'), ['guidance_paying_in'], [], 'Guidance fund money paid in, 亿元 (cumulative).'),
  flow('guidance_paying_in', `${YI_YUAN}/year`, 'guidance_fund_paid_in_rate * max(0, guidance_committed - guidance_paid_in)', 'Commitments paid in.'),
  stock('guidance_leveraged', YI_YUAN, baseline('finance.guidance-fund.leveraged'), ['guidance_leveraging'], [], 'Private money leveraged by the guidance fund, 亿元 (cumulative).'),
  flow('guidance_leveraging', `${YI_YUAN}/year`, 'guidance_fund_leverage * guidance_paying_in', 'Private money following each yuan paid in.'),
  ...saturating('tech_bank_clients', 'finance.tech-bank.clients', '1', 'finance_trend_growth', 'finance_capacity_multiple', 'Credit clients of the technology bank.'),
  ...approaching('tech_bank_tech_share', baseline('finance.tech-bank.tech-share'), 'tech_bank_focus_rate', 'Technology firms’ share of the technology bank’s credit clients.'),
  ...approaching('tech_bank_loan_share', baseline('finance.tech-bank.loan-share'), 'tech_bank_focus_rate', 'Loans to technology firms as a share of the technology bank’s cumulative lending.'),
  ...saturating('property_deals', 'finance.property-exchange.deals', '1', 'finance_trend_growth', 'finance_capacity_multiple', 'Deals on the property-rights exchange (cumulative).'),
  ...saturating('property_turnover', 'finance.property-exchange.turnover', YI_YUAN, 'finance_trend_growth', 'finance_capacity_multiple', 'Turnover of the property-rights exchange, 亿元 (cumulative).'),
  ...logistic('rd_share', 'init_rd_share', 'percent', 'rd_share_growth', 'rd_share_ceiling', 'R&D spending as a share of GDP, towards its ceiling.'),
  aux('rd_expenditure', `${YI_YUAN}/year`, 'rd_share / 100 * gdp', 'R&D spending (研究与试验发展经费支出), 亿元 a year.'),
  aux('hzbank_listed', '1', 'step(1, milestone_hzbank_listing_year)', '1 from the year the Bank of Hangzhou lists (milestone lever; judged by the milestone target).'),
  aux('rural_bank_converted', '1', 'step(1, milestone_rural_bank_conversion_year)', '1 from the year Hangzhou United Bank becomes a rural commercial bank.'),

  // —— Community (line 43) ——
  ...approaching('community_organised_share', baseline('community.organised-share'), 'community_trend_growth', 'Communities with organisations for the elderly, workers, youth, women and the disabled.'),
  ...saturating('civil_organisations', 'community.civil-organisations', '1', 'community_trend_growth', 'community_capacity_multiple', 'Community civil organisations (main urban districts).'),
  ...saturating('cultural_sports_organisations', 'community.cultural-sports-organisations', '1', 'community_trend_growth', 'community_capacity_multiple', 'Community cultural and sports organisations.'),
  ...saturating('volunteer_organisations', 'community.volunteer-organisations', '1', 'community_trend_growth', 'community_capacity_multiple', 'Community volunteer organisations.'),

  // —— Private economy (line 39) ——
  ...logistic('top500_firms', baseline('private-economy.top500-firms'), '1', 'private_economy_top500_growth', 'top500_capacity', 'Hangzhou firms in the national private-enterprise top 500 (towards the most one city can hold; falls when the rate is negative).'),

  // —— The reform programme (line 13) ——
  stock('reform_projects_completed', '1', baseline('reform.projects-completed'), ['reform_projects_done'], [], 'Comprehensive-reform projects completed (cumulative since 2008).'),
  flow('reform_projects_done', '1/year', 'reform_projects_per_year', 'Projects completed per year.'),
  aux('reform_project_areas', '1', baseline('reform.project-areas'), 'Areas (方面) the projects cover; the plan sets no new count, held at the 2010 level.'),
];

export const otherDomains: Subsystem = {
  id: 'other-domains',
  name: { zh: '其他领域（趋势模型）', en: 'Other domains (trend models)' },
  doc: [
    'Education (名校集团化 and urban-rural mutual-aid communities, lines 47, 192), administration (approval items −20 % by 2015 on line 251, approval review, proxy approval, official-car reform), finance and innovation (venture centre, guidance fund, technology bank, property exchange, R&D share), community organisations and the private economy.',
    'Each indicator starts at its 2010 catalog value and has a bounded form. Counts and cumulative amounts grow logistically at a domain trend rate towards a documented capacity (a multiple of the 2010 value, all units with approval powers, the most top-500 firms one city can hold); shares close a fraction of their gap to 100 each year or follow a logistic path to a documented ceiling (R&D at most about 5 % of GDP, the proxy-approval and car-reform savings below 100 %). The approval-items index falls at its reduction rate (pure exponential decay); car-reformed units rise linearly to all city units by the completion year (a milestone lever). R&D spending is the share times GDP.',
  ].join('\n\n'),
  vars,
};
