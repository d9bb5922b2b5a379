/**
 * Urban-rural integration (plan lines 17, 145, 167): six sub-scores and their weighted composite,
 * the integration level (87.1 % in 2010). Four sub-scores are driven by what the other subsystems
 * measure; two, with no measure in the model, by policy effort.
 */
import type { ParamId } from '../params/index.js';
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock } from './build.js';

export const integrationSubScores = ['planning', 'industry', 'factors', 'ecology', 'services', 'livelihood'] as const;
export type IntegrationSubScore = (typeof integrationSubScores)[number];

const names: Record<IntegrationSubScore, { zh: string; en: string }> = {
  planning: { zh: '规划建设一体化', en: 'planning and construction' },
  industry: { zh: '产业发展一体化', en: 'industrial development' },
  factors: { zh: '要素配置一体化', en: 'factor allocation' },
  ecology: { zh: '生态保护一体化', en: 'ecological protection' },
  services: { zh: '公共服务一体化', en: 'public services' },
  livelihood: { zh: '民生保障一体化', en: 'livelihood security' },
};

const URBANISATION_2010 = baseline('urbanisation.rate');

/** A sum of shortfalls from 100 % of the given coverages, as an expression. */
const shortfalls = (terms: readonly string[]): string => `(${terms.map((t) => `(100 - ${t})`).join(' + ')})`;
const SERVICE_COVERAGES = ['cov_urban_resident', 'cov_rural_cooperative', 'cov_pension_residents', 'cov_migrant', 'school_community_coverage'];
const SERVICE_COVERAGES_2010 = [
  baseline('insurance.medical.urban-resident'),
  baseline('insurance.medical.rural-cooperative'),
  'init_cov_pension_residents',
  'init_cov_migrant',
  baseline('education.school-communities.coverage'),
];

/**
 * What each measured sub-score measures: the shortfall of its measured quantities relative to
 * 2010 (1 in 2010; below 1 when they improve, above 1 when they get worse).
 */
const measures: Partial<Record<IntegrationSubScore, { id: string; equation: string; doc: string }>> = {
  planning: {
    id: 'planning_shortfall_index',
    equation: `(100 - urbanisation_rate) / (100 - ${URBANISATION_2010})`,
    doc: 'Share of residents not living in towns, relative to 2010.',
  },
  factors: {
    id: 'factors_shortfall_index',
    equation: '((100 - land_transfer_share) / (100 - init_land_transfer_share) + (100 - quota_traded_share_of_demand) / 100) / 2',
    doc: 'Mean of the untransferred contracted land and the quota demand not met through the exchange, each relative to 2010 (none was traded in 2010).',
  },
  services: {
    id: 'services_shortfall_index',
    equation: `${shortfalls(SERVICE_COVERAGES)} / ${shortfalls(SERVICE_COVERAGES_2010)}`,
    doc: 'Uncovered shares of residents’ medical insurance, the NCMS, residents’ pensions, migrants’ insurance and school communities, summed, relative to 2010.',
  },
  livelihood: {
    id: 'livelihood_shortfall_index',
    equation: '((income_ratio - 1) / (income_ratio_2010 - 1) + max(0, hukou_gap) / (urbanisation_2010_rate - init_hukou_rate)) / 2',
    doc: 'Mean of the urban-rural income gap (ratio − 1) and the hukou gap, each relative to 2010.',
  },
};

const measured = integrationSubScores.filter((s) => measures[s] !== undefined);
const byEffort = integrationSubScores.filter((s) => measures[s] === undefined);

const leverIds = (prefix: string, list: readonly IntegrationSubScore[]): ParamId[] => list.map((s) => `${prefix}${s}` as ParamId);

const subScoreVars = (s: IntegrationSubScore): VarDef[] => {
  const m = measures[s];
  const score = stock(`int_${s}`, 'percent', `init_integration_${s}`, [`int_${s}_change`], [], `Sub-score: ${names[s].en} (${names[s].zh}), 0–100.`);
  if (!m) {
    return [score, flow(`int_${s}_change`, 'percent/year', `integration_effort_${s} * (100 - int_${s})`, 'Policy effort closing the gap to 100 (no measure of it in the model).')];
  }
  return [
    score,
    aux(m.id, '1', m.equation, m.doc),
    aux(
      `int_${s}_indicated`,
      'percent',
      `clamp(100 - (100 - init_integration_${s}) * ${m.id} ^ integration_coupling_${s}, 0, 100)`,
      `The score its measures indicate: the 2010 shortfall from 100 scaled by ${m.id} (to the power of the elasticity), so better and worse measures move it alike.`,
    ),
    flow(`int_${s}_change`, 'percent/year', `(int_${s}_indicated - int_${s}) / integration_adjustment_time`, 'Adjustment towards the indicated score (a first-order information delay).'),
  ];
};

const vars: VarDef[] = [
  ...inputs(
    ...leverIds('init_integration_', integrationSubScores),
    ...leverIds('integration_weight_', integrationSubScores),
    ...leverIds('integration_effort_', byEffort),
    ...leverIds('integration_coupling_', measured),
    'integration_adjustment_time',
  ),
  aux('urbanisation_2010_rate', 'percent', URBANISATION_2010, 'The 2010 urbanisation rate the plan states (line 17).'),
  ...integrationSubScores.flatMap(subScoreVars),
  aux(
    'integration_level',
    'percent',
    `(${integrationSubScores.map((s) => `integration_weight_${s} * int_${s}`).join(' + ')}) / (${integrationSubScores.map((s) => `integration_weight_${s}`).join(' + ')})`,
    'Urban-rural integration level (城乡一体化水平): weighted mean of the six sub-scores.',
  ),
  aux('integration_coordination_measures', '1', baseline('integration.coordination-measures'), 'The “17 统筹” coordination measures (line 17); the plan sets no new count, held at the 2010 level.'),
  aux('integration_policy_documents', '1', baseline('integration.policy-documents'), 'Policy documents on urban-rural coordination (line 17: 十多个); held at the 2010 level.'),
  aux('integration_working_groups', '1', baseline('integration.working-groups'), 'Leading groups for key work (line 17); held at the 2010 level.'),
];

export const integration: Subsystem = {
  id: 'integration',
  name: { zh: '城乡一体化', en: 'Urban-rural integration' },
  doc: [
    'The composite integration level (87.1 % in 2010, line 17) is the weighted mean of six sub-scores — the plan’s six integrations (line 145): planning and construction, industry, factor allocation, ecology, public services, livelihood security.',
    'Four sub-scores follow what the other subsystems measure: planning the urbanisation rate; factor allocation the contracted-land transfer share and the quota traded on the exchange; public services the residents’ medical, pension, migrant and school-community coverages; livelihood the urban-rural income ratio and the hukou gap. Each one’s shortfall from 100 is its 2010 shortfall scaled by the shortfall of its measures relative to 2010 (to the power of an elasticity), reached with a first-order delay — so an improving and a worsening measure move the score alike. Industry and ecology, which the model does not measure, close their gap to 100 with policy effort.',
    'The 2010 sub-scores and weights are assumptions chosen so that Σ w·s = 871 and Σ w = 10: the composite is exactly 87.1 under the default levers. Other weights change the 2010 composite too.',
  ].join('\n\n'),
  vars,
};
