/**
 * Urban-rural integration (plan lines 17, 145, 167): six sub-scores and their weighted composite,
 * the integration level (87.1 % in 2010).
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

/** Sub-scores fed by other subsystems, and the driver (a change since 2010, as a fraction) of each. */
const drivers: Partial<Record<IntegrationSubScore, { id: string; equation: string; doc: string }>> = {
  services: {
    id: 'services_driver',
    equation: `(${[
      `(cov_urban_resident - ${baseline('insurance.medical.urban-resident')})`,
      `(cov_rural_cooperative - ${baseline('insurance.medical.rural-cooperative')})`,
      '(cov_pension_residents - init_cov_pension_residents)',
      '(cov_migrant - init_cov_migrant)',
      `(school_community_coverage - ${baseline('education.school-communities.coverage')})`,
    ].join(' + ')}) / 5 / 100`,
    doc: 'Mean change since 2010 of residents’ medical, NCMS, pension, migrant and school-community coverage, as a fraction.',
  },
  livelihood: {
    id: 'livelihood_driver',
    equation: `((${baseline('urbanisation.rate')} - init_hukou_rate) - hukou_gap) / 100`,
    doc: 'Narrowing of the hukou gap since 2010, as a fraction (negative when the gap widens).',
  },
  factors: {
    id: 'factors_driver',
    equation: '(land_transfer_share - init_land_transfer_share) / 100 + quota_traded_share_of_demand / 100',
    doc: 'Rise of the contracted-land transfer share since 2010 plus the share of quota demand met through the exchange (which opens with the plan), as fractions.',
  },
};

const changeEquation = (s: IntegrationSubScore): string => {
  const d = drivers[s];
  const gap = `(100 - int_${s})`;
  if (!d) return `integration_effort_${s} * ${gap}`;
  const c = `integration_coupling_${s}`;
  // Rising driver: closes the gap to 100 faster; falling driver: erodes the score. Both bounded.
  return `(integration_effort_${s} + ${c} * max(0, ${d.id})) * ${gap} - ${c} * max(0, -${d.id}) * int_${s}`;
};

const leverIds = (prefix: string, list: readonly IntegrationSubScore[]): ParamId[] => list.map((s) => `${prefix}${s}` as ParamId);
const coupled = integrationSubScores.filter((s) => drivers[s] !== undefined);

const vars: VarDef[] = [
  ...inputs(
    ...leverIds('init_integration_', integrationSubScores),
    ...leverIds('integration_weight_', integrationSubScores),
    ...leverIds('integration_effort_', integrationSubScores),
    ...leverIds('integration_coupling_', coupled),
  ),
  ...Object.values(drivers).map((d) => aux(d.id, '1', d.equation, d.doc)),
  ...integrationSubScores.flatMap((s): VarDef[] => [
    stock(`int_${s}`, 'percent', `init_integration_${s}`, [`int_${s}_change`], [], `Sub-score: ${names[s].en} (${names[s].zh}), 0–100.`),
    flow(
      `int_${s}_change`,
      'percent/year',
      changeEquation(s),
      drivers[s] ? `Policy effort plus the pull of ${drivers[s].id}.` : 'Policy effort closing the gap to 100.',
    ),
  ]),
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
    'Each sub-score closes its gap to 100 with policy effort. Three also follow the other subsystems: public services the insurance and school-community coverages, livelihood the hukou gap, factor allocation the land-transfer share and quota trading. A rising driver closes the gap faster; a falling one erodes the score; both terms keep the score within [0, 100].',
    'The 2010 sub-scores and weights are assumptions chosen so that Σ w·s = 871 and Σ w = 10: the composite is exactly 87.1 under the default levers. Other weights change the 2010 composite too.',
  ].join('\n\n'),
  vars,
};
