/**
 * Land (plan lines 153–155, 177–179): homestead held by rural households, its exit and
 * reclamation through a third-order pipeline, the construction-land linkage quota ledger and its
 * market, the farmland balance, contracted-land transfer and the two “二选一” swaps.
 */
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, flow, inputs, stock } from './build.js';

/** Stages of the reclamation pipeline (a third-order material delay). */
const STAGES = [1, 2, 3] as const;
const stageOut = (k: number): string => (k === STAGES.length ? 'homestead_reclaimed' : `reclaim_stage_${k}_done`);
const STAGE_TIME = 'max(reclamation_time / 3, dt)';

/** ln 10: the quota price stays between a tenth and ten times its 2010 level. */
const LOG_PRICE_BOUND = String(Math.LN10);

/** Consolidation of occupied homestead in 2010, before any price or budget response. */
const CONSOLIDATION_2010 = 'homestead_reclaim_rate * init_homestead_area';

const vars: VarDef[] = [
  ...inputs(
    'init_homestead_area',
    'init_farmland',
    'init_farmland_reserve',
    'init_quota_balance',
    'init_land_transfer_share',
    'homestead_reclaim_rate',
    'idle_homestead_reclaim_rate',
    'reclamation_time',
    'reclaim_quota_yield',
    'quota_demand',
    'quota_trade_share',
    'quota_reference_price',
    'quota_price_adjustment_time',
    'quota_balance_drawdown_time',
    'reclamation_price_elasticity',
    'quota_demand_price_elasticity',
    'farmland_occupation',
    'farmland_supplement',
    'land_transfer_rate',
    'two_choice_pilot_share',
    'two_choice_widening_from_year',
    'milestone_two_choice_all_central_towns_year',
    'homestead_swap_uptake',
    'land_insurance_swap_uptake',
    'reclamation_cost',
    'homestead_swap_cost',
    'land_insurance_swap_cost',
  ),

  // —— “二选一” coverage and the two swaps (lines 155, 179), paid from the reform budget ——
  aux(
    'two_choice_widening',
    '1',
    'clamp((time - two_choice_widening_from_year) / max(1, milestone_two_choice_all_central_towns_year - two_choice_widening_from_year), 0, 1)',
    'How far the widening of the two-choice pilots has gone: 0 until the end of the widening’s base year, 1 from the end of the completion year, linear in between.',
  ),
  aux(
    'two_choice_coverage',
    'percent',
    'two_choice_pilot_share + max(0, central_town_share - two_choice_pilot_share) * two_choice_widening',
    'Share of farmers outside planning areas living where the two-choice swaps are offered: the four pilot towns, widening to all central towns.',
  ),
  aux('homestead_swaps_desired', 'person/year', 'homestead_swap_uptake * two_choice_coverage / 100 * rural_out_rural', 'Homestead swaps villagers would make if the budget paid for all of them.'),
  flow(
    'homestead_swaps',
    'person/year',
    'homestead_swaps_desired * funding_ratio',
    'Village residents swapping homestead and house for a town flat: they take urban hukou (population) and free their homestead for reclamation (quota).',
  ),
  stock('land_swap_insured', 'person', '0', ['land_insurance_swaps'], ['land_swap_insured_deaths'], 'Farmers insured in the urban employee schemes through a land-for-insurance swap, alive — whatever their hukou now.'),
  flow('land_swap_insured_deaths', 'person/year', 'death_rate * land_swap_insured', 'Deaths among land-swap insured.'),
  stock('land_swap_converted', 'person', '0', ['land_swappers_converting'], ['land_swap_converted_deaths'], 'Land-swap insured who have since taken urban hukou (counted once, in land_swap_insured, by the insurance pools).'),
  flow('land_swap_converted_deaths', 'person/year', 'death_rate * land_swap_converted', 'Deaths among them.'),
  aux('land_swap_rural', 'person', 'max(0, land_swap_insured - land_swap_converted)', 'Land-swap insured who still hold rural hukou.'),
  aux(
    'swapper_share_rural_out',
    '1',
    'clamp(land_swap_rural / (rural_out_urban + rural_out_rural), 0, 1)',
    'Share of rural-hukou people from outside planning areas who have swapped their land for insurance.',
  ),
  flow(
    'land_swappers_converting',
    'person/year',
    'swapper_share_rural_out * (conv_outside_town + conv_outside_village + homestead_swaps)',
    'Land-swap insured converting to urban hukou, at the rate of everyone in their stocks (a co-flow, so they are not counted twice).',
  ),
  aux(
    'land_insurance_swaps_desired',
    'person/year',
    'land_insurance_swap_uptake * two_choice_coverage / 100 * max(0, rural_out_urban + rural_out_rural - land_swap_rural)',
    'Land-for-insurance swaps farmers would make if the budget paid for all of them.',
  ),
  flow(
    'land_insurance_swaps',
    'person/year',
    'land_insurance_swaps_desired * funding_ratio',
    'Farmers giving up contracted land for urban social insurance: they join the urban employee schemes (insurance) and their land is transferred.',
  ),

  // —— Homestead land moves with the rural households who hold it (a co-flow, line 153) ——
  stock(
    'homestead_area',
    'hectare',
    'init_homestead_area',
    [],
    ['homestead_redeveloped', 'homestead_vacated', 'homestead_swapped', 'homestead_consolidated'],
    'Rural homestead land (宅基地) held by rural-hukou households.',
  ),
  aux('homestead_per_rural_person', 'hectare/person', 'homestead_area / rural_hukou', 'Homestead land per rural-hukou person.'),
  flow(
    'homestead_redeveloped',
    'hectare/year',
    'homestead_per_rural_person * (conv_plan_area_town + conv_plan_area_village)',
    'Homestead of converting planning-area farmers, redeveloped as urban land (旧城改造, line 153).',
  ),
  flow(
    'homestead_vacated',
    'hectare/year',
    'homestead_per_rural_person * (conv_outside_town + conv_outside_village)',
    'Homestead of farmers from outside planning areas who convert but keep their rights (原有权益可保留): left idle.',
  ),
  flow('homestead_swapped', 'hectare/year', 'homestead_per_rural_person * homestead_swaps', 'Homestead given up in homestead swaps, into reclamation.'),
  stock('homestead_idle', 'hectare', '0', ['homestead_vacated'], ['idle_homestead_reclaimed'], 'Idle homestead of people who took urban hukou and kept their rights.'),

  // —— Quota price and scarcity (纳入交易市场, line 155) ——
  aux('quota_demand_baseline', 'hectare/year', 'quota_demand * job_pull', 'Quota construction would take at the 2010 price: it follows growth.'),
  aux('quota_supply_available', 'hectare/year', 'quota_generated + quota_balance / quota_balance_drawdown_time', 'Quota the market can count on: new quota plus the balance spread over its drawdown time.'),
  aux('quota_scarcity', '1', 'clamp(quota_demand_effective / max(quota_supply_available, quota_demand_effective / 10), 0.1, 10)', 'Demand at the current price over supply (between 0.1 and 10).'),
  stock('quota_log_price', '1', '0', ['quota_log_price_change'], [], 'Log of the quota price relative to 2010.'),
  flow(
    'quota_log_price_change',
    '1/year',
    `log(quota_scarcity) / quota_price_adjustment_time * max(0, 1 - (quota_log_price / ${LOG_PRICE_BOUND}) ^ 2)`,
    'The log price rises while demand exceeds supply and falls while supply exceeds demand, slowing to a stop at a tenth or ten times the 2010 price.',
  ),
  aux('quota_price_ratio', '1', `exp(clamp(quota_log_price, -${LOG_PRICE_BOUND}, ${LOG_PRICE_BOUND}))`, 'Quota price relative to 2010.'),
  aux('quota_price', 'yuan/hectare', 'quota_reference_price * quota_price_ratio', 'Price of a hectare of linkage quota on the exchange.'),
  aux(
    'reclamation_price_response',
    '1',
    '1 + quota_trade_share / 100 * (quota_price_ratio ^ reclamation_price_elasticity - 1)',
    'Reclamation relative to its 2010 pace because of the price, for the traded share of quota: scarcity raises reclamation once quota can be sold.',
  ),

  // —— Exit and reclamation, paid from the reform budget ——
  aux('consolidation_desired', 'hectare/year', 'homestead_reclaim_rate * homestead_area * reclamation_price_response', 'Occupied homestead village consolidation would free, if fully funded.'),
  aux('idle_reclaim_desired', 'hectare/year', 'idle_homestead_reclaim_rate * homestead_idle * reclamation_price_response', 'Idle homestead the exit mechanism would buy back, if fully funded.'),
  aux('reclamation_desired', 'hectare/year', 'consolidation_desired + idle_reclaim_desired', 'Homestead reclamation the reform budget is asked to pay for (swaps are paid with the swap).'),
  flow('homestead_consolidated', 'hectare/year', 'consolidation_desired * funding_ratio', 'Occupied homestead freed by village consolidation (村庄整治), into reclamation.'),
  flow('idle_homestead_reclaimed', 'hectare/year', 'idle_reclaim_desired * funding_ratio', 'Idle homestead bought back through the exit mechanism (退出机制), into reclamation.'),
  ...STAGES.map((k) =>
    stock(
      `reclaim_stage_${k}`,
      'hectare',
      `${CONSOLIDATION_2010} * reclamation_time / 3`,
      k === 1 ? ['homestead_swapped', 'homestead_consolidated', 'idle_homestead_reclaimed'] : [`reclaim_stage_${k - 1}_done`],
      [stageOut(k)],
      `Homestead in reclamation, stage ${k} of 3 (demolition, works, acceptance); starts in steady state with 2010 consolidation.`,
    ),
  ),
  ...STAGES.map((k) =>
    flow(
      stageOut(k),
      'hectare/year',
      `reclaim_stage_${k} / ${STAGE_TIME}`,
      k === STAGES.length ? 'Reclamation accepted: farmland again, yielding quota (the end of a third-order delay).' : `Reclamation passing stage ${k}.`,
    ),
  ),

  aux('reclamation_in_progress', 'hectare', 'reclaim_stage_1 + reclaim_stage_2 + reclaim_stage_3', 'Homestead in the reclamation pipeline.'),

  // —— Linkage quota ledger (增减挂钩, lines 153, 155) ——
  flow('quota_generated', 'hectare/year', 'reclaim_quota_yield * homestead_reclaimed', 'Linkage quota generated by accepted reclamation, net of land for resettlement housing.'),
  aux(
    'quota_demand_effective',
    'hectare/year',
    'quota_demand_baseline * quota_price_ratio ^ (-quota_demand_price_elasticity)',
    'Quota construction takes at the current price.',
  ),
  aux(
    'quota_take',
    'hectare/year',
    'min(quota_demand_effective, (1 - 1e-9) * (quota_balance / dt + quota_generated))',
    'Quota taken up: the demand, but never more than the balance plus this step’s new quota, so an Euler step cannot take the ledger below zero (the factor 1 − 10⁻⁹ keeps rounding from doing so either).',
  ),
  flow('quota_used', 'hectare/year', 'quota_take * (100 - quota_trade_share) / 100', 'Quota used by urban construction where it was generated.'),
  flow('quota_traded', 'hectare/year', 'quota_take * quota_trade_share / 100', 'Quota sold through the exchange (纳入交易市场) and built on elsewhere; the revenue goes to the reform budget.'),
  stock('quota_balance', 'hectare', 'init_quota_balance', ['quota_generated'], ['quota_used', 'quota_traded'], 'Unused linkage quota (节余指标): generated minus used minus traded.'),
  aux('quota_traded_share_of_demand', 'percent', '100 * quota_traded / quota_demand_effective', 'Share of quota demand met through the exchange (a measure of factor-allocation integration).'),
  stock('cum_quota_generated', 'hectare', '0', ['quota_generated'], [], 'Quota generated since the start.'),
  stock('cum_quota_used', 'hectare', '0', ['quota_used'], [], 'Quota used since the start.'),
  stock('cum_quota_traded', 'hectare', '0', ['quota_traded'], [], 'Quota traded since the start.'),

  // —— Farmland balance (耕地占补平衡, line 155) ——
  stock('farmland_reserve', 'hectare', 'init_farmland_reserve', [], ['farmland_supplemented_other'], 'Land development could still turn into farmland (宜耕后备资源).'),
  flow(
    'farmland_supplemented_other',
    'hectare/year',
    'min(farmland_supplement * farmland_reserve / init_farmland_reserve, farmland_reserve / dt)',
    'Farmland added by land development: the 2010 capacity, shrinking with the reserve.',
  ),
  flow(
    'farmland_occupied_other',
    'hectare/year',
    'min(farmland_occupation * job_pull, farmland / dt)',
    'Farmland occupied under the annual land-use plan (besides linkage quota use): it follows growth; never more than there is.',
  ),
  flow('resettlement_housing', 'hectare/year', '(1 - reclaim_quota_yield) * homestead_reclaimed', 'Farmland built on for resettlement housing in linkage projects.'),
  stock(
    'farmland',
    'hectare',
    'init_farmland',
    ['homestead_reclaimed', 'farmland_supplemented_other'],
    ['quota_used', 'quota_traded', 'farmland_occupied_other', 'resettlement_housing'],
    'Farmland: reclaimed homestead and land development in; construction on linkage quota, resettlement housing and other occupation out.',
  ),
  stock('cum_farmland_occupied', 'hectare', '0', ['quota_used', 'quota_traded', 'farmland_occupied_other', 'resettlement_housing'], [], 'Farmland occupied since the start.'),
  stock('cum_farmland_supplemented', 'hectare', '0', ['homestead_reclaimed', 'farmland_supplemented_other'], [], 'Farmland supplemented since the start.'),
  aux(
    'farmland_shortfall',
    'hectare',
    'max(0, cum_farmland_occupied - cum_farmland_supplemented)',
    'Cumulative farmland-balance shortfall: occupied minus supplemented since the start when positive (reported, never clamped into the stock).',
  ),

  // —— Contracted-land transfer (line 155) ——
  flow(
    'land_transfer_share_change',
    'percent/year',
    '(land_transfer_rate + (move_plan_to_town + move_out_to_town + land_insurance_swaps) / rural_hukou) * (100 - land_transfer_share)',
    'Transfers of not-yet-transferred contracted land: the market rate, plus the land of villagers moving to town and of land-for-insurance swappers (the share approaches 100 %).',
  ),
  stock('land_transfer_share', 'percent', 'init_land_transfer_share', ['land_transfer_share_change'], [], 'Share of contracted farmland transferred (土地承包经营权流转).'),
];

export const land: Subsystem = {
  id: 'land',
  name: { zh: '土地', en: 'Land' },
  doc: [
    'Homestead land belongs to rural households and leaves with them: when planning-area farmers convert their villages are redeveloped (line 153); farmers from outside planning areas who convert keep their rights and leave their homestead idle. Village consolidation, the exit mechanism for idle homestead (退出机制) and homestead swaps free land into a reclamation pipeline (a third-order delay of about two years) that returns it to farmland and yields construction-land linkage quota (城乡建设用地增减挂钩, lines 153, 155).',
    'Quota is traded on an exchange (纳入交易市场): its price rises while demand exceeds what the new quota and the balance can supply and falls otherwise, and for the traded share of quota a higher price draws more reclamation, while construction takes less. Urban construction never takes more than the ledger holds, so the balance cannot go negative; sales revenue goes to the reform budget, which pays for consolidation, exit and the swaps.',
    'Farmland gains reclaimed homestead and land development (limited by a shrinking reserve) and loses land built on with linkage quota, for resettlement housing and under the annual plan (which follows growth); the cumulative shortfall (occupied − supplemented, when positive) is reported as a series.',
    'The two “二选一” swaps (lines 155, 179) are offered in the four pilot towns and, widening to the milestone year, in every central town: a homestead swap converts the household to urban hukou and frees homestead for reclamation; a land-for-insurance swap enrols the farmer in urban insurance and transfers the land. Swappers who later convert are followed as a co-flow, so they are counted once.',
  ].join('\n\n'),
  vars,
};
