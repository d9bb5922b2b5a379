/**
 * Social insurance (plan lines 45, 188–190, 208). Each coverage is a share stock that approaches
 * 100 % with (funded) enrolment effort and moves towards the coverage of the people entering and
 * leaving its population:
 *
 *   d cov/dt = effort · funding · (100 − cov) + (Σ entrants_i (c_i − cov) − Σ leavers_j (c_j − cov)) / pool
 *
 * This is the exact rate of change of insured/pool when each group joins or leaves with its own
 * coverage c, so conversions and swaps change the denominators as they should. Every term pulls
 * towards a value within [0, 100], so the share stays within [0, 100] by construction (for rates ×
 * dt ≤ 1).
 */
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock, YI_YUAN } from './build.js';

/** Local farmers entering urban hukou who had not swapped their land for insurance. */
const LOCAL_ENTRANTS =
  '(conv_plan_area_town + conv_plan_area_village + (conv_outside_town + conv_outside_village + homestead_swaps) * (1 - swapper_share_rural_out))';
/** Entrants whose coverage is `converted_entry_coverage`: pre-reform migrant routes and hukou transfers. */
const OTHER_ENTRANTS = '(conv_migrant_trend + hukou_transfers_in)';

/** Effective enrolment effort: the lever, as far as the reform budget pays for the drives. */
const effective = (scheme: string): string => `insurance_effort_${scheme} * funding_ratio`;

const vars: VarDef[] = [
  ...inputs(
    'init_cov_pension_residents',
    'init_cov_migrant',
    'urban_employee_pool_share',
    'init_fiscal_subsidy_per_insured',
    'insurance_effort_urban_employee',
    'insurance_effort_urban_resident',
    'insurance_effort_rural_cooperative',
    'insurance_effort_pension_residents',
    'insurance_effort_migrant',
    'converted_entry_coverage',
    'migrant_arrival_coverage',
    'insurance_merger_year',
    'reimbursement_growth',
    'reimbursement_ceiling',
    'fiscal_subsidy_growth',
    'subsidy_target_multiple',
    'migrant_subsidy_share',
    'enrolment_cost_per_person',
  ),

  // —— Who each scheme covers ——
  aux('urban_hukou_own', 'person', 'urban_hukou - land_swap_converted', 'Urban-hukou people other than land-swap insured (those count in land_swap_insured, once).'),
  aux('pool_urban_employee', 'person', 'urban_hukou_own * urban_employee_pool_share / 100 + land_swap_insured', 'Population of the urban employees’ scheme: urban-hukou workers and retirees, plus every farmer insured through a land swap.'),
  aux('pool_urban_resident', 'person', 'urban_hukou_own * (100 - urban_employee_pool_share) / 100', 'Population of the urban residents’ scheme: urban-hukou people outside employment.'),
  aux('pool_rural_cooperative', 'person', 'rural_hukou - land_swap_rural', 'Population of the new rural cooperative medical scheme (新农合): local rural hukou who did not swap land for insurance.'),
  aux('pool_pension_residents', 'person', 'pool_urban_resident + pool_rural_cooperative', 'Population of the urban-rural residents’ pension scheme.'),
  aux('insurance_merged', '1', 'step(1, insurance_merger_year)', '1 once urban residents’ insurance and the NCMS form one residents’ scheme (line 45).'),
  aux(
    'resident_scheme_entry_coverage',
    'percent',
    'insurance_merged * cov_rural_cooperative + (1 - insurance_merged) * converted_entry_coverage',
    'Coverage of converting farmers on entering the urban residents’ scheme: after the merger they keep their enrolment (NCMS coverage).',
  ),

  // —— Effort the budget pays for ——
  aux('effort_urban_resident_scheme', '1/year', 'max(insurance_effort_urban_resident, insurance_merged * insurance_effort_rural_cooperative)', 'Enrolment effort of the urban residents’ scheme (after the merger the stronger of the two schemes’ efforts).'),
  aux('effort_rural_cooperative_scheme', '1/year', 'max(insurance_effort_rural_cooperative, insurance_merged * insurance_effort_urban_resident)', 'Enrolment effort of the NCMS (after the merger the stronger of the two).'),
  aux(
    'enrolment_desired',
    'person/year',
    [
      'insurance_effort_urban_employee * (100 - cov_urban_employee) / 100 * pool_urban_employee',
      'effort_urban_resident_scheme * (100 - cov_urban_resident) / 100 * pool_urban_resident',
      'effort_rural_cooperative_scheme * (100 - cov_rural_cooperative) / 100 * pool_rural_cooperative',
      'insurance_effort_pension_residents * (100 - cov_pension_residents) / 100 * pool_pension_residents',
      'insurance_effort_migrant * (100 - cov_migrant) / 100 * migrants',
    ].join(' + '),
    'People enrolment drives would add per year if the reform budget paid for all of them.',
  ),

  // —— Medical insurance by scheme (line 45) ——
  stock('cov_urban_employee', 'percent', baseline('insurance.medical.urban-employee'), ['cov_urban_employee_change'], [], 'Urban employees’ medical insurance coverage (城镇职工医保).'),
  flow(
    'cov_urban_employee_change',
    'percent/year',
    `${effective('urban_employee')} * (100 - cov_urban_employee) + (urban_employee_pool_share / 100 * (${LOCAL_ENTRANTS} * (converted_entry_coverage - cov_urban_employee) + conv_migrant_settled * (100 - cov_urban_employee) + ${OTHER_ENTRANTS} * (converted_entry_coverage - cov_urban_employee)) + (land_insurance_swaps - land_swap_insured_deaths) * (100 - cov_urban_employee)) / pool_urban_employee`,
    'Funded enrolment effort; new urban-hukou workers joining with their coverage (qualified migrants are insured); land-swap farmers (all insured) joining and dying.',
  ),
  stock('cov_urban_resident', 'percent', baseline('insurance.medical.urban-resident'), ['cov_urban_resident_change'], [], 'Urban residents’ medical insurance coverage (城居医保).'),
  flow(
    'cov_urban_resident_change',
    'percent/year',
    `effort_urban_resident_scheme * funding_ratio * (100 - cov_urban_resident) + (100 - urban_employee_pool_share) / 100 * (${LOCAL_ENTRANTS} * (resident_scheme_entry_coverage - cov_urban_resident) + conv_migrant_settled * (100 - cov_urban_resident) + ${OTHER_ENTRANTS} * (converted_entry_coverage - cov_urban_resident)) / pool_urban_resident`,
    'Funded enrolment effort and new urban-hukou people outside employment joining the pool with their coverage.',
  ),
  stock('cov_rural_cooperative', 'percent', baseline('insurance.medical.rural-cooperative'), ['cov_rural_cooperative_change'], [], 'New rural cooperative medical scheme participation (新农合参合率).'),
  flow(
    'cov_rural_cooperative_change',
    'percent/year',
    'effort_rural_cooperative_scheme * funding_ratio * (100 - cov_rural_cooperative)',
    'Funded enrolment effort; farmers leaving by conversion leave at the average and do not change the share.',
  ),
  aux(
    'cov_residents_merged',
    'percent',
    '(cov_urban_resident * pool_urban_resident + cov_rural_cooperative * pool_rural_cooperative) / (pool_urban_resident + pool_rural_cooperative)',
    'Coverage of the (merged) urban-rural residents’ medical scheme: urban residents’ and NCMS pools together.',
  ),

  // —— Pensions and migrants (line 188) ——
  stock('cov_pension_residents', 'percent', 'init_cov_pension_residents', ['cov_pension_residents_change'], [], 'Urban-rural residents’ pension coverage (城乡居民社会养老保险).'),
  flow('cov_pension_residents_change', 'percent/year', `${effective('pension_residents')} * (100 - cov_pension_residents)`, 'Funded enrolment effort.'),
  stock('cov_migrant', 'percent', 'init_cov_migrant', ['cov_migrant_change'], [], 'Migrant workers in social insurance (“同城同待遇”).'),
  flow(
    'cov_migrant_change',
    'percent/year',
    `${effective('migrant')} * (100 - cov_migrant) + (migrant_arrivals_total * (migrant_arrival_coverage - cov_migrant) + (births_migrant_settled - deaths_migrant_settled - migrant_departures_settled - conv_migrant_settled) * (100 - cov_migrant) + (births_migrant_urban + births_migrant_rural - deaths_migrant_urban - deaths_migrant_rural - migrant_departures_urban - migrant_departures_rural - conv_migrant_trend) * (unsettled_migrant_coverage - cov_migrant)) / migrants`,
    'Funded enrolment effort; arrivals (less often insured) dilute; qualified migrants (all insured) leave the pool when they convert — the insured are the ones who settle.',
  ),
  aux('urban_migrant_coverage_gap', 'percent', 'cov_urban_employee - cov_migrant', 'Gap between urban employees’ and migrant workers’ coverage, in points.'),

  // —— Benefits and what they cost the reform budget ——
  stock('inpatient_reimbursement', 'percent', baseline('insurance.inpatient-reimbursement'), ['inpatient_reimbursement_change'], [], 'In-patient costs reimbursed within policy scope (政策范围内住院费用报销比例).'),
  flow('inpatient_reimbursement_change', 'percent/year', 'reimbursement_growth * (reimbursement_ceiling - inpatient_reimbursement)', 'Approach to the policy ceiling.'),
  stock('village_clinic_coverage', 'percent', baseline('insurance.village-clinic-coverage'), ['village_clinic_coverage_change'], [], 'Population served by government-run village clinics (服务人口覆盖率).'),
  flow('village_clinic_coverage_change', 'percent/year', `${effective('rural_cooperative')} * (100 - village_clinic_coverage)`, 'Kept at full coverage by the rural health effort.'),
  stock('subsidy_catch_up', '1', '1', ['subsidy_catch_up_change'], [], 'Subsidy standard relative to 2010, after indexing to GDP per resident.'),
  flow('subsidy_catch_up_change', '1/year', 'fiscal_subsidy_growth * (subsidy_target_multiple - subsidy_catch_up)', 'Approach of the standard to its target multiple.'),
  aux('subsidy_per_insured', 'yuan/(person*year)', 'init_fiscal_subsidy_per_insured * cost_index * subsidy_catch_up', 'Fiscal subsidy per insured resident (and per subsidised migrant).'),
  aux(
    'insured_residents',
    'person',
    'cov_urban_resident / 100 * pool_urban_resident + cov_rural_cooperative / 100 * pool_rural_cooperative',
    'People insured in the residents’ medical schemes.',
  ),
  aux(
    'migrant_insurance_subsidy',
    `${YI_YUAN}/year`,
    'subsidy_per_insured * migrant_subsidy_share / 100 * insured_migrants / 1e8',
    'Subsidy to insured migrants treated like local residents (同城同待遇), 亿元 a year: a new, committed charge on the reform budget.',
  ),
  aux(
    'fiscal_subsidy',
    `${YI_YUAN}/year`,
    'subsidy_per_insured * insured_residents / 1e8 + migrant_insurance_subsidy',
    'Fiscal subsidy to the residents’ medical schemes, locals (ordinary budget) and migrants (reform budget), 亿元 (10^8 yuan) a year.',
  ),
];

export const insurance: Subsystem = {
  id: 'insurance',
  name: { zh: '社会保障与医疗', en: 'Social insurance and health' },
  doc: [
    'Medical coverage by scheme — urban employees, urban residents, the new rural cooperative scheme — with the 2010 values of line 45 (from the catalog), merging urban residents’ insurance and the NCMS into one residents’ scheme from the merger year; residents’ pension and migrant workers’ coverage (line 188); in-patient reimbursement and the fiscal subsidy.',
    'Every coverage is a share stock moving towards 100 % with enrolment effort — as far as the reform budget pays for the drives — and towards the coverage of the people joining and leaving its population: conversions move people into the urban schemes with their coverage (qualified migrants are insured by definition, so they do not dilute); land-for-insurance swaps bring insured farmers into the employees’ scheme; arriving migrants dilute migrant coverage, and qualified migrants who convert take their insurance out of the migrant pool.',
    'Extending the residents’ subsidy to insured migrants, as equal treatment requires, is a new committed charge on the reform budget (the locals’ subsidy stays on the ordinary budget), so wider migrant coverage leaves less for conversions, swaps and reclamation.',
  ].join('\n\n'),
  vars,
};
