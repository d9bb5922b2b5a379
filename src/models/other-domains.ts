/**
 * Trend models for the other domains (education, administration, finance, community, private
 * economy, the reform programme). Each indicator starts at its catalog baseline; counts grow at a
 * domain trend rate, shares approach 100 % (or follow a logistic path), so they stay within
 * [0, 100] by construction.
 */
import type { IndicatorId } from '../catalog/index.js';
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock, YI_YUAN } from './build.js';

/** A stock growing exponentially at `rate` from the indicator's baseline. */
const growing = (id: string, indicator: IndicatorId, unit: string, rate: string, doc: string): VarDef[] => [
  stock(id, unit, baseline(indicator), [`${id}_growth`], [], doc),
  flow(`${id}_growth`, `${unit}/year`, `${rate} * ${id}`, `Growth of ${id} at ${rate}.`),
];

/** A share closing `rate` of its gap to 100 per year. */
const approaching = (id: string, initial: string, rate: string, doc: string): VarDef[] => [
  stock(id, 'percent', initial, [`${id}_change`], [], doc),
  flow(`${id}_change`, 'percent/year', `${rate} * (100 - ${id})`, `Approach of ${id} to 100 % at ${rate}.`),
];

/** A share (or count with a cap) on a logistic path at `rate`. */
const logistic = (id: string, initial: string, unit: string, rate: string, cap: number, doc: string): VarDef[] => [
  stock(id, unit, initial, [`${id}_change`], [], doc),
  flow(`${id}_change`, `${unit}/year`, `${rate} * ${id} * (${cap} - ${id}) / ${cap}`, `Logistic change of ${id} at ${rate} towards ${cap}.`),
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
    'guidance_fund_paid_in_rate',
    'guidance_fund_leverage',
    'tech_bank_focus_rate',
    'init_rd_share',
    'rd_share_growth',
    'milestone_hzbank_listing_year',
    'milestone_rural_bank_conversion_year',
    'community_trend_growth',
    'private_economy_top500_growth',
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
  ...growing('approval_units_reviewed', 'administration.approval-units-reviewed', '1', 'admin_trend_growth', 'Units whose approval items were fully reviewed and coded.'),
  ...logistic('proxy_time_saving', baseline('administration.proxy-time-saving'), 'percent', 'admin_trend_growth', 100, 'Time saved by proxy handling of investment approvals (办结时间提前).'),
  aux('car_reform_units_batch1', '1', baseline('administration.car-reform.units-batch1'), 'Batch 1 of the city car reform (May 2009); historical, constant.'),
  aux('car_reform_units_batch2', '1', baseline('administration.car-reform.units-batch2'), 'Batch 2 (February 2010); historical, constant.'),
  aux(
    'car_reform_units_total',
    '1',
    `${baseline('administration.car-reform.units-total')} + (car_reform_city_units - ${baseline('administration.car-reform.units-total')}) * min(1, max(0, (time - 2010) / (milestone_city_car_reform_year - 2010)))`,
    'City units with reformed official cars: 56 in 2010, rising linearly to all units by the completion year.',
  ),
  ...logistic('car_reform_cost_saving', baseline('administration.car-reform.cost-saving'), 'percent', 'car_reform_saving_growth', 100, 'Fall in official-car spending of reformed units (公车开支下降).'),

  // —— Finance and innovation (lines 23–29, 109, 119) ——
  ...growing('venture_firms', 'finance.venture-centre.firms', '1', 'finance_trend_growth', 'Start-ups the venture-investment service centre has helped raise money (cumulative).'),
  ...growing('venture_financing', 'finance.venture-centre.financing', YI_YUAN, 'finance_trend_growth', 'Money they raised, 亿元 (cumulative).'),
  ...growing('guidance_partner_funds', 'finance.guidance-fund.partner-funds', '1', 'finance_trend_growth', 'Partner funds of the venture guidance fund.'),
  ...growing('guidance_committed', 'finance.guidance-fund.committed', YI_YUAN, 'finance_trend_growth', 'Guidance fund money committed, 亿元 (cumulative).'),
  stock('guidance_paid_in', YI_YUAN, baseline('finance.guidance-fund.paid-in'), ['guidance_paying_in'], [], 'Guidance fund money paid in, 亿元 (cumulative).'),
  flow('guidance_paying_in', `${YI_YUAN}/year`, 'guidance_fund_paid_in_rate * max(0, guidance_committed - guidance_paid_in)', 'Commitments paid in.'),
  stock('guidance_leveraged', YI_YUAN, baseline('finance.guidance-fund.leveraged'), ['guidance_leveraging'], [], 'Private money leveraged by the guidance fund, 亿元 (cumulative).'),
  flow('guidance_leveraging', `${YI_YUAN}/year`, 'guidance_fund_leverage * guidance_paying_in', 'Private money following each yuan paid in.'),
  ...growing('tech_bank_clients', 'finance.tech-bank.clients', '1', 'finance_trend_growth', 'Credit clients of the technology bank.'),
  ...approaching('tech_bank_tech_share', baseline('finance.tech-bank.tech-share'), 'tech_bank_focus_rate', 'Technology firms’ share of the technology bank’s credit clients.'),
  ...approaching('tech_bank_loan_share', baseline('finance.tech-bank.loan-share'), 'tech_bank_focus_rate', 'Loans to technology firms as a share of the technology bank’s cumulative lending.'),
  ...growing('property_deals', 'finance.property-exchange.deals', '1', 'finance_trend_growth', 'Deals on the property-rights exchange (cumulative).'),
  ...growing('property_turnover', 'finance.property-exchange.turnover', YI_YUAN, 'finance_trend_growth', 'Turnover of the property-rights exchange, 亿元 (cumulative).'),
  ...logistic('rd_share', 'init_rd_share', 'percent', 'rd_share_growth', 100, 'R&D spending as a share of GDP.'),
  aux('hzbank_listed', '1', 'time >= milestone_hzbank_listing_year ? 1 : 0', '1 from the end of the year the Bank of Hangzhou lists (milestone lever; judged by the milestone target).'),
  aux('rural_bank_converted', '1', 'time >= milestone_rural_bank_conversion_year ? 1 : 0', '1 from the end of the year Hangzhou United Bank becomes a rural commercial bank.'),

  // —— Community (line 43) ——
  ...approaching('community_organised_share', baseline('community.organised-share'), 'community_trend_growth', 'Communities with organisations for the elderly, workers, youth, women and the disabled.'),
  ...growing('civil_organisations', 'community.civil-organisations', '1', 'community_trend_growth', 'Community civil organisations (main urban districts).'),
  ...growing('cultural_sports_organisations', 'community.cultural-sports-organisations', '1', 'community_trend_growth', 'Community cultural and sports organisations.'),
  ...growing('volunteer_organisations', 'community.volunteer-organisations', '1', 'community_trend_growth', 'Community volunteer organisations.'),

  // —— Private economy (line 39) ——
  ...logistic('top500_firms', baseline('private-economy.top500-firms'), '1', 'private_economy_top500_growth', 500, 'Hangzhou firms in the national private-enterprise top 500.'),

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
    'Each indicator starts at its 2010 catalog value. Counts and cumulative amounts grow at a domain trend rate; shares close a fraction of their gap to 100 each year or follow a logistic path, so they stay within [0, 100]. The approval-items index falls at its reduction rate; car-reformed units rise linearly to all city units by the completion year (a milestone lever).',
  ].join('\n\n'),
  vars,
};
