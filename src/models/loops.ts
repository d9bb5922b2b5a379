/**
 * The feedback loops the plan's mechanisms imply, named and documented. Each is located in the
 * model graph by the loop finder (src/engine/loops.ts) from its key variables, in causal order;
 * its polarity is what the finder computes, and a test checks it against `polarity` here.
 */
import type { Text } from '../catalog/types.js';
import type { LoopPolarity } from '../engine/loops.js';

export interface DocumentedLoop {
  readonly id: string;
  readonly name: Text;
  /** Variables the loop passes through, in causal order (the finder fills in the shortest route). */
  readonly through: readonly string[];
  readonly polarity: Exclude<LoopPolarity, 'varies' | 'inactive'>;
  /** The plan line whose mechanism the loop expresses, with its words. */
  readonly source: { readonly line: number; readonly quote: string };
  /** What the loop does, and the delay or resistance it brings. */
  readonly doc: string;
}

export const documentedLoops: readonly DocumentedLoop[] = [
  {
    id: 'B-commitments',
    name: { zh: '新市民的长期成本', en: 'New citizens’ recurring cost' },
    through: ['reform_citizens', 'committed_charges', 'funding_ratio', 'reform_conversions', 'reform_citizens_joining'],
    polarity: 'balancing',
    source: { line: 69, quote: '改革的成本会更高' },
    doc: 'Every person the reform converts adds a recurring public-service charge; committed charges are paid first, so the more citizens the reform has made, the less is left to convert more. Policy resistance that grows with success, acting with no delay once the budget binds.',
  },
  {
    id: 'B-settlement',
    name: { zh: '参保者落户离开外来人口', en: 'The insured settle and leave the migrant pool' },
    through: ['cov_migrant', 'migrant_qualifying', 'migrant_settled', 'conv_migrant_settled', 'cov_migrant_change'],
    polarity: 'balancing',
    source: { line: 175, quote: '以稳定的就业、居住地为标准' },
    doc: 'Insurance makes migrants eligible (stable job, insured for the qualifying period); the qualified convert and take their insurance out of the migrant pool, lowering the coverage of those who remain. The qualifying period is a first-order delay of about three years.',
  },
  {
    id: 'B-equal-treatment',
    name: { zh: '同城同待遇吸引新移民', en: 'Equal treatment draws newcomers' },
    through: ['cov_migrant', 'migration_pull', 'migrant_arrivals_total', 'cov_migrant_change'],
    polarity: 'balancing',
    source: { line: 188, quote: '逐步实现杭州人与“新杭州人”、市区与五县（市）居民“同城同待遇”' },
    doc: 'Better access to insurance draws more migrants, who arrive less often insured and dilute the coverage that drew them: part of every gain in migrant coverage is given back.',
  },
  {
    id: 'B-subsidy-squeeze',
    name: { zh: '外来人口参保补助挤占改革资金', en: 'Migrants’ subsidies squeeze the reform budget' },
    through: ['cov_migrant', 'migrant_insurance_subsidy', 'committed_charges', 'funding_ratio', 'cov_migrant_change'],
    polarity: 'balancing',
    source: { line: 188, quote: '加强农民工和外来务工人员的社会保障' },
    doc: 'Each insured migrant treated like a local draws the residents’ subsidy every year; the subsidy is committed, so wider coverage leaves less for the enrolment drives (and for every other reform measure).',
  },
  {
    id: 'R-land-finance',
    name: { zh: '指标交易收入反哺复垦', en: 'Quota sales pay for reclamation' },
    through: ['reclaim_stage_1', 'homestead_reclaimed', 'quota_generated', 'quota_traded', 'quota_sales_revenue', 'funding_ratio', 'homestead_consolidated'],
    polarity: 'reinforcing',
    source: { line: 155, quote: '将通过农村土地综合整治获得的建设用地增减挂钩指标、耕地占补平衡指标等纳入交易市场' },
    doc: 'Reclaimed homestead yields quota; quota sold on the exchange brings revenue into the reform budget, which pays for more reclamation — once the budget binds. The reclamation pipeline is a third-order delay of about two years, so the revenue arrives late.',
  },
  {
    id: 'B-quota-scarcity',
    name: { zh: '指标稀缺推动复垦', en: 'Quota scarcity drives reclamation' },
    through: ['quota_log_price', 'reclamation_price_response', 'homestead_consolidated', 'reclaim_stage_1', 'homestead_reclaimed', 'quota_generated', 'quota_scarcity'],
    polarity: 'balancing',
    source: { line: 155, quote: '纳入交易市场' },
    doc: 'When demand exceeds what can be supplied the quota price rises; for the traded share of quota a higher price draws more reclamation, which after the pipeline’s delay eases the scarcity. A balancing loop with a third-order delay: the price overshoots and swings back.',
  },
  {
    id: 'B-rural-push',
    name: { zh: '流转增收减缓进城', en: 'Land rents slow the move to town' },
    through: ['land_transfer_share', 'rural_income', 'income_ratio', 'rural_push', 'move_rate', 'move_plan_to_town', 'land_transfer_share_change'],
    polarity: 'balancing',
    source: { line: 184, quote: '增加农民的薪金、股金、租金和保障性收入' },
    doc: 'Villagers moving to town leave their contracted land to be transferred; rents from transferred land raise rural incomes and narrow the urban-rural income gap, which weakens the push to move.',
  },
];
