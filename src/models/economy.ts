/**
 * Economy and public finance: the exogenous economy (real GDP, prices, incomes) and the reform
 * budget every reform measure draws on (plan lines 69, 145, 184).
 *
 * The budget is a stock: appropriations (a share of GDP) and quota sales flow in, spending flows
 * out, and money released from the balance but left unspent lapses back to the general budget (so
 * the balance stays within a few years of income instead of piling up). Committed charges — the
 * recurring public-service cost of the reform's new citizens and the insurance subsidy extended to
 * migrants — are paid first; what is left funds the discretionary measures
 * (reform conversions, the two swaps, homestead reclamation, enrolment drives) in proportion, at
 * one funding ratio. So a scenario that pushes one reform harder leaves less for the others, and
 * every conversion raises next year's committed charges (line 69: 改革的成本会更高).
 */
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, flow, inputs, stock, YI_YUAN } from './build.js';

/** A cost in 2010 yuan per unit, times units per year, as 亿元 a year at today's prices. */
const costOf = (unitCost: string, units: string): string => `cost_index * ${unitCost} * ${units} / 1e8`;

const vars: VarDef[] = [
  ...inputs(
    'init_gdp',
    'gdp_real_growth_initial',
    'gdp_real_growth_long_run',
    'gdp_growth_convergence_time',
    'gdp_deflator_inflation',
    'init_urban_income',
    'init_rural_income',
    'urban_income_elasticity',
    'rural_income_elasticity',
    'land_income_effect',
    'reform_budget_share',
    'init_reform_budget',
    'budget_drawdown_time',
    'budget_lapse_share',
  ),

  // —— The economy (exogenous) ——
  aux(
    'real_growth_rate',
    '1/year',
    'gdp_real_growth_long_run + (gdp_real_growth_initial - gdp_real_growth_long_run) * exp(-(time - start) / gdp_growth_convergence_time)',
    'Real GDP growth: from its 2011 level towards the long-run level, exponentially (bounded, so real GDP saturates in growth rate).',
  ),
  stock('real_gdp', `${YI_YUAN}/year`, 'init_gdp', ['real_gdp_growth'], [], 'GDP at 2010 prices.'),
  flow('real_gdp_growth', `${YI_YUAN}/year^2`, 'real_growth_rate * real_gdp', 'Growth of real GDP.'),
  stock('price_index', '1', '1', ['price_index_rise'], [], 'GDP deflator, 2010 = 1.'),
  flow('price_index_rise', '1/year', 'gdp_deflator_inflation * price_index', 'Rise of the deflator.'),
  aux('gdp', `${YI_YUAN}/year`, 'real_gdp * price_index', 'GDP at current prices (地区生产总值), 亿元.'),
  aux('job_pull', '1', '(real_growth_rate / gdp_real_growth_initial) ^ migration_job_elasticity', 'Job creation relative to 2011: it scales migration, rural moves and construction’s land demand.'),
  stock('gdp_per_resident_2010', 'yuan/(person*year)', 'init_gdp * 1e8 / init_resident_population', [], [], 'GDP per resident in 2010 (constant).'),
  aux('gdp_per_resident', 'yuan/(person*year)', 'gdp * 1e8 / resident_population', 'GDP per resident at current prices.'),
  aux('cost_index', '1', 'gdp_per_resident / gdp_per_resident_2010', 'Unit costs of public services relative to 2010: they follow GDP per resident (wages).'),

  // —— Incomes ——
  aux('urban_income', 'yuan/(person*year)', 'init_urban_income * cost_index ^ urban_income_elasticity', 'Disposable income per urban resident of the city districts (市区城镇居民人均可支配收入).'),
  aux(
    'rural_income',
    'yuan/(person*year)',
    'init_rural_income * cost_index ^ rural_income_elasticity * (1 + land_income_effect * (land_transfer_share - init_land_transfer_share) / 100)',
    'Net income per rural resident (农村居民人均纯收入): it follows GDP per resident, plus rents from transferred land (line 184).',
  ),
  aux('income_ratio', '1', 'urban_income / rural_income', 'Urban-rural income ratio (城乡居民收入比).'),

  // —— The reform budget ——
  flow('reform_appropriation', `${YI_YUAN}/year`, 'reform_budget_share / 100 * gdp', 'Fiscal money put into the reform budget (line 145: 加大市级财政…转移支付力度).'),
  flow('quota_sales_revenue', `${YI_YUAN}/year`, 'quota_traded * quota_price / 1e8', 'Revenue from quota sold on the exchange.'),
  aux(
    'committed_charges',
    `${YI_YUAN}/year`,
    `${costOf('citizenisation_cost_annual', 'reform_citizens')} + migrant_insurance_subsidy`,
    'Charges the budget must pay every year: public services for the reform’s new citizens and the insurance subsidy for migrants treated like locals.',
  ),
  aux(
    'discretionary_desired',
    `${YI_YUAN}/year`,
    [
      costOf('citizenisation_cost_one_off', 'reform_conversions_desired'),
      costOf('homestead_swap_cost', 'homestead_swaps_desired'),
      costOf('land_insurance_swap_cost', 'land_insurance_swaps_desired'),
      costOf('reclamation_cost', 'reclamation_desired'),
      costOf('enrolment_cost_per_person', 'enrolment_desired'),
    ].join(' + '),
    'What the discretionary measures would cost if all ran at their levers’ pace: reform conversions, the two swaps, reclamation and enrolment drives.',
  ),
  aux('balance_release', `${YI_YUAN}/year`, 'reform_budget / budget_drawdown_time', 'Part of the balance released for spending this year: the balance spread over its drawdown time.'),
  aux(
    'budget_available',
    `${YI_YUAN}/year`,
    'reform_appropriation + quota_sales_revenue + balance_release',
    'Money the budget can spend this year: appropriation, quota sales and the released balance.',
  ),
  aux('committed_paid', `${YI_YUAN}/year`, 'min(committed_charges, budget_available)', 'Committed charges paid.'),
  aux('unfunded_commitments', `${YI_YUAN}/year`, 'committed_charges - committed_paid', 'Committed charges the budget cannot pay (reported, not borrowed).'),
  aux(
    'funding_ratio',
    '1',
    'discretionary_desired > 0 ? clamp((budget_available - committed_paid) / discretionary_desired, 0, 1) : 1',
    'Share of the discretionary measures the budget pays for, the same for every measure (proportional rationing).',
  ),
  flow(
    'reform_spending',
    `${YI_YUAN}/year`,
    '(1 - 1e-9) * (committed_paid + funding_ratio * discretionary_desired)',
    'Spending from the reform budget: never more than is available, so the budget never goes below zero (the factor 1 − 10⁻⁹ keeps rounding from doing so either).',
  ),
  flow(
    'reform_budget_lapse',
    `${YI_YUAN}/year`,
    'budget_lapse_share * min(balance_release, budget_available - reform_spending)',
    'Released balance left unspent, returned to the general budget: spending is paid from this year’s income first, so what is left unspent of the release lapses and unspent money does not pile up. Spending and lapse together never take more than the income and the release, so the budget stays non-negative.',
  ),
  stock('reform_budget', YI_YUAN, 'init_reform_budget', ['reform_appropriation', 'quota_sales_revenue'], ['reform_spending', 'reform_budget_lapse'], 'Reform budget balance (亿元).'),
];

export const economy: Subsystem = {
  id: 'economy',
  name: { zh: '经济与公共财政', en: 'Economy and public finance' },
  doc: [
    'The economy is exogenous: real GDP grows at a rate that moves from its 2011 level towards a long-run level (so real GDP stays within bounds over any horizon), prices rise at the deflator, and incomes follow GDP per resident — rural incomes also with rents from transferred land (line 184). GDP growth sets the city’s pull on migrants and construction’s demand for land; GDP per resident sets what public services cost.',
    'The reform budget is a stock fed by appropriations (a share of GDP, line 145) and quota sales on the exchange, drawn down by spending that never exceeds what is available; of the balance released each year, what the measures do not spend lapses back to the general budget, so unspent money does not pile up. Committed charges — each reform citizen’s recurring public-service cost and the insurance subsidy extended to migrants — come first; the rest funds reform conversions, homestead and land-for-insurance swaps, reclamation and enrolment drives at one funding ratio. Pushing one measure harder therefore slows the others, and every conversion adds to next year’s committed charges: the reform’s cost rises as it proceeds (line 69: 改革的成本会更高).',
  ].join('\n\n'),
  vars,
};
