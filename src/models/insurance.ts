/**
 * Social insurance (plan lines 45, 188–190, 208). Each coverage is a share stock that approaches
 * 100 % with effort and moves towards the coverage of the people entering its population:
 *
 *   d cov/dt = effort · (100 − cov) + Σ entrants/pool · (entrant coverage − cov)
 *
 * This is the exact rate of change of insured/pool when entrants arrive with their own coverage
 * and leavers leave at the average, so conversions and swaps change the denominators as they
 * should. Both terms pull towards a value within [0, 100], so the share stays within [0, 100] by
 * construction (for rates × dt ≤ 1).
 */
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock, YI_YUAN } from './build.js';

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
  ),

  // —— Who each scheme covers ——
  aux('pool_urban_employee', 'person', 'urban_hukou * urban_employee_pool_share / 100 + land_swap_insured', 'Population of the urban employees’ scheme: urban-hukou workers and retirees, plus farmers insured through land swaps.'),
  aux('pool_urban_resident', 'person', 'urban_hukou * (100 - urban_employee_pool_share) / 100', 'Population of the urban residents’ scheme: urban-hukou people outside employment.'),
  aux('pool_rural_cooperative', 'person', 'rural_hukou', 'Population of the new rural cooperative medical scheme (新农合): local rural hukou.'),
  aux('insurance_merged', '1', 'time + 1 >= insurance_merger_year ? 1 : 0', '1 once urban residents’ insurance and the NCMS form one residents’ scheme (line 45).'),
  aux(
    'resident_scheme_entry_coverage',
    'percent',
    'insurance_merged * cov_rural_cooperative + (1 - insurance_merged) * converted_entry_coverage',
    'Coverage of converting farmers on entering the urban residents’ scheme: after the merger they keep their enrolment (NCMS coverage).',
  ),

  // —— Medical insurance by scheme (line 45) ——
  stock('cov_urban_employee', 'percent', baseline('insurance.medical.urban-employee'), ['cov_urban_employee_change'], [], 'Urban employees’ medical insurance coverage (城镇职工医保).'),
  flow(
    'cov_urban_employee_change',
    'percent/year',
    'insurance_effort_urban_employee * (100 - cov_urban_employee) + ((urban_entrants_local + urban_entrants_other) * urban_employee_pool_share / 100 * (converted_entry_coverage - cov_urban_employee) + land_insurance_swaps * (100 - cov_urban_employee)) / pool_urban_employee',
    'Enrolment effort, dilution by new urban-hukou workers, and land-swap farmers (all insured) joining.',
  ),
  stock('cov_urban_resident', 'percent', baseline('insurance.medical.urban-resident'), ['cov_urban_resident_change'], [], 'Urban residents’ medical insurance coverage (城居医保).'),
  flow(
    'cov_urban_resident_change',
    'percent/year',
    'max(insurance_effort_urban_resident, insurance_merged * insurance_effort_rural_cooperative) * (100 - cov_urban_resident) + (100 - urban_employee_pool_share) / 100 * (urban_entrants_local * (resident_scheme_entry_coverage - cov_urban_resident) + urban_entrants_other * (converted_entry_coverage - cov_urban_resident)) / pool_urban_resident',
    'Enrolment effort (after the merger the stronger of the two schemes’ efforts) and new urban-hukou people outside employment joining the pool.',
  ),
  stock('cov_rural_cooperative', 'percent', baseline('insurance.medical.rural-cooperative'), ['cov_rural_cooperative_change'], [], 'New rural cooperative medical scheme participation (新农合参合率).'),
  flow(
    'cov_rural_cooperative_change',
    'percent/year',
    'max(insurance_effort_rural_cooperative, insurance_merged * insurance_effort_urban_resident) * (100 - cov_rural_cooperative)',
    'Enrolment effort; farmers leaving by conversion leave at the average and do not change the share.',
  ),
  aux(
    'cov_residents_merged',
    'percent',
    '(cov_urban_resident * pool_urban_resident + cov_rural_cooperative * pool_rural_cooperative) / (pool_urban_resident + pool_rural_cooperative)',
    'Coverage of the (merged) urban-rural residents’ medical scheme: urban residents’ and NCMS pools together.',
  ),

  // —— Pensions and migrants (line 188) ——
  stock('cov_pension_residents', 'percent', 'init_cov_pension_residents', ['cov_pension_residents_change'], [], 'Urban-rural residents’ pension coverage (城乡居民社会养老保险).'),
  flow('cov_pension_residents_change', 'percent/year', 'insurance_effort_pension_residents * (100 - cov_pension_residents)', 'Enrolment effort.'),
  stock('cov_migrant', 'percent', 'init_cov_migrant', ['cov_migrant_change'], [], 'Migrant workers in social insurance (“同城同待遇”).'),
  flow(
    'cov_migrant_change',
    'percent/year',
    'insurance_effort_migrant * (100 - cov_migrant) + (migrant_arrivals_urban + migrant_arrivals_rural) * (migrant_arrival_coverage - cov_migrant) / migrants',
    'Enrolment effort and dilution by arriving migrants.',
  ),
  aux('urban_migrant_coverage_gap', 'percent', 'cov_urban_employee - cov_migrant', 'Gap between urban employees’ and migrant workers’ coverage, in points.'),

  // —— Benefits and cost ——
  stock('inpatient_reimbursement', 'percent', baseline('insurance.inpatient-reimbursement'), ['inpatient_reimbursement_change'], [], 'In-patient costs reimbursed within policy scope (政策范围内住院费用报销比例).'),
  flow('inpatient_reimbursement_change', 'percent/year', 'reimbursement_growth * (reimbursement_ceiling - inpatient_reimbursement)', 'Approach to the policy ceiling.'),
  stock('village_clinic_coverage', 'percent', baseline('insurance.village-clinic-coverage'), ['village_clinic_coverage_change'], [], 'Population served by government-run village clinics (服务人口覆盖率).'),
  flow('village_clinic_coverage_change', 'percent/year', 'insurance_effort_rural_cooperative * (100 - village_clinic_coverage)', 'Kept at full coverage by the rural health effort.'),
  stock('subsidy_per_insured', 'yuan/(person*year)', 'init_fiscal_subsidy_per_insured', ['subsidy_per_insured_growth'], [], 'Fiscal subsidy per insured resident.'),
  flow('subsidy_per_insured_growth', 'yuan/(person*year^2)', 'fiscal_subsidy_growth * subsidy_per_insured', 'Growth of the subsidy standard.'),
  aux(
    'insured_residents',
    'person',
    'cov_urban_resident / 100 * pool_urban_resident + cov_rural_cooperative / 100 * pool_rural_cooperative',
    'People insured in the residents’ medical schemes.',
  ),
  aux('fiscal_subsidy', `${YI_YUAN}/year`, 'subsidy_per_insured * insured_residents / 1e8', 'Fiscal subsidy to the residents’ medical schemes, 亿元 (10^8 yuan) a year.'),
];

export const insurance: Subsystem = {
  id: 'insurance',
  name: { zh: '社会保障与医疗', en: 'Social insurance and health' },
  doc: [
    'Medical coverage by scheme — urban employees, urban residents, the new rural cooperative scheme — with the 2010 values of line 45 (from the catalog), merging urban residents’ insurance and the NCMS into one residents’ scheme from the merger year; residents’ pension and migrant workers’ coverage (line 188); in-patient reimbursement and the fiscal subsidy.',
    'Every coverage is a share stock moving towards 100 % with policy effort and towards the coverage of the people joining its population: hukou conversions move people into the urban schemes (diluting them unless entrants are insured or, after the merger, keep their residents’ enrolment); land-for-insurance swaps bring insured farmers into the employees’ scheme; arriving migrants dilute migrant coverage.',
  ].join('\n\n'),
  vars,
};
