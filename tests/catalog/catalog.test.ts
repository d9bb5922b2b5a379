import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  catalog,
  findIndicator,
  formatBaselineValue,
  getIndicator,
  indicatorIds,
  isIndicatorId,
  isTargetId,
  planTargets,
  reformTasks,
  targetsOfKind,
  type IndicatorId,
  type TargetId,
} from '../../src/catalog/index.js';
import { Domains } from '../../src/catalog/types.js';

/** The ids fixed by the lead (/tmp/hz-ids.md), in the order listed there. */
const LEAD_PLAN_STATED = [
  'reform.projects-completed', 'reform.project-areas', 'integration.level', 'integration.coordination-measures',
  'integration.working-groups', 'urbanisation.rate', 'finance.venture-centre.firms', 'finance.venture-centre.financing',
  'finance.guidance-fund.partner-funds', 'finance.guidance-fund.committed', 'finance.guidance-fund.paid-in',
  'finance.guidance-fund.leveraged', 'finance.tech-bank.clients', 'finance.tech-bank.tech-share',
  'finance.property-exchange.deals', 'finance.property-exchange.turnover', 'private-economy.top500-firms',
  'community.organised-share', 'community.civil-organisations', 'community.cultural-sports-organisations',
  'community.volunteer-organisations', 'insurance.village-clinic-coverage', 'insurance.medical.urban-employee',
  'insurance.medical.urban-resident', 'insurance.medical.rural-cooperative', 'insurance.inpatient-reimbursement',
  'education.school-groups.participation', 'education.kindergarten-groups.participation',
  'education.school-communities.count', 'education.school-communities.schools', 'education.school-communities.coverage',
  'education.kindergarten-communities.count', 'education.kindergarten-communities.kindergartens',
  'education.kindergarten-communities.coverage', 'administration.approval-units-reviewed',
  'administration.proxy-time-saving', 'administration.car-reform.units-batch1', 'administration.car-reform.units-batch2',
  'administration.car-reform.units-total', 'administration.car-reform.cost-saving',
];
const LEAD_MODEL = [
  'administration.approval-items', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap', 'land.quota-balance',
  'land.transfer-share', 'insurance.pension.residents', 'insurance.migrant-coverage', 'finance.rd-share',
];
/** Further figures found on lines 13–57 (reported to the lead). */
const ADDED = ['integration.policy-documents', 'finance.tech-bank.loan-share'];

describe('ids', () => {
  it('are exactly the lead\'s ids plus the two further figures found in the plan', () => {
    expect([...indicatorIds].sort()).toEqual([...LEAD_PLAN_STATED, ...LEAD_MODEL, ...ADDED].sort());
    expect(catalog).toHaveLength(50);
    expect(catalog.filter((i) => !i.baselineProvenance)).toHaveLength(42);
  });

  it('start with their domain', () => {
    for (const i of catalog) expect(i.id.startsWith(`${i.domain}.`)).toBe(true);
  });

  it('come in a stable order: by domain as in Domains, then as written', () => {
    const domainRank = Object.keys(Domains);
    const ranks = catalog.map((i) => domainRank.indexOf(i.domain));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(indicatorIds.slice(0, 5)).toEqual([
      'integration.level',
      'integration.coordination-measures',
      'integration.working-groups',
      'integration.policy-documents',
      'urbanisation.rate',
    ]);
    expect(indicatorIds.at(-1)).toBe('reform.project-areas');
  });

  it('IndicatorId and TargetId are unions of literals, not string', () => {
    expectTypeOf<'urbanisation.rate'>().toExtend<IndicatorId>();
    expectTypeOf<string>().not.toExtend<IndicatorId>();
    expectTypeOf<'finance.rd-share.rise'>().toExtend<TargetId>();
    expectTypeOf<string>().not.toExtend<TargetId>();
    // @ts-expect-error a misspelt id does not compile (tsc fails here if IndicatorId widens to string)
    expect(() => getIndicator('urbanisation.rat')).toThrow(/urbanisation\.rat.*did you mean 'urbanisation\.rate'/);
  });
});

describe('lookup', () => {
  it('getIndicator returns the record with its plan targets attached', () => {
    const rate = getIndicator('urbanisation.rate');
    expect(rate.baseline).toEqual({ year: 2010, value: 70 });
    expect(rate.source.line).toBe(17);
    expect(rate.targets.map((t) => t.id)).toEqual(['urbanisation.rate.rise']);
    const approvals = getIndicator('administration.approval-items');
    expect(approvals.targets).toHaveLength(1);
    expect(approvals.targets[0]).toMatchObject({ kind: 'change', change: -0.2, relative: true, baseYear: 2010, year: 2015 });
  });

  it('findIndicator and isIndicatorId accept any string', () => {
    expect(findIndicator('insurance.medical.urban-employee')?.baseline.value).toBe(93.66);
    expect(findIndicator('insurance.medical')).toBeUndefined();
    expect(isIndicatorId('education.kindergarten-groups.participation')).toBe(true);
    expect(isIndicatorId('education')).toBe(false);
    expect(isTargetId('milestone.hzbank-listing')).toBe(true);
    expect(isTargetId('urbanisation.rate')).toBe(false);
  });

  it('formats qualified baselines with ≥ / ≈ / >', () => {
    expect(formatBaselineValue(getIndicator('insurance.medical.rural-cooperative').baseline)).toBe('≥99');
    expect(formatBaselineValue(getIndicator('administration.car-reform.cost-saving').baseline)).toBe('≈30');
    expect(formatBaselineValue(getIndicator('community.civil-organisations').baseline)).toBe('>1860');
    expect(formatBaselineValue(getIndicator('education.kindergarten-groups.participation').baseline)).toBe('30.03');
  });
});

describe('targets', () => {
  it('one change, seventeen direction and four milestone targets, all due 2015', () => {
    expect(targetsOfKind('change')).toHaveLength(1);
    expect(targetsOfKind('direction')).toHaveLength(17);
    expect(targetsOfKind('level')).toHaveLength(0);
    expect(targetsOfKind('milestone').map((t) => t.completionParam)).toEqual([
      'milestone_city_car_reform_year',
      'milestone_hzbank_listing_year',
      'milestone_rural_bank_conversion_year',
      'milestone_two_choice_all_central_towns_year',
    ]);
    for (const t of planTargets) expect(t.year).toBe(2015);
    for (const t of targetsOfKind('direction')) expect(t.baseYear).toBe(2010);
  });

  it('direction targets agree with the indicator\'s direction (rise where higher is better)', () => {
    for (const t of targetsOfKind('direction')) {
      expect(t.direction).toBe(getIndicator(t.indicator).direction === 'higher' ? 'increase' : 'decrease');
    }
  });

  it('every non-milestone target is attached to exactly one indicator', () => {
    const attached = catalog.flatMap((i) => i.targets.map((t) => t.id));
    expect(attached.sort()).toEqual(planTargets.filter((t) => t.kind !== 'milestone').map((t) => t.id).sort());
  });
});

describe('reform tasks', () => {
  it('are the 16 projects of 专栏一–四, four rows per table', () => {
    expect(reformTasks).toHaveLength(16);
    expect(reformTasks.map((t) => `${t.table}.${t.row}`)).toEqual(
      [1, 2, 3, 4].flatMap((table) => [1, 2, 3, 4].map((row) => `${table}.${row}`)),
    );
    expect(reformTasks.find((t) => t.table === 2 && t.row === 3)?.indicators).toEqual([
      'urbanisation.rate',
      'urbanisation.hukou-rate',
      'urbanisation.hukou-gap',
    ]);
    expect(reformTasks.filter((t) => t.indicators.length === 0).map((t) => t.id)).toEqual([
      'economy.upgrade-guidance',
      'economy.state-assets',
      'economy.finance-platform',
      'social.income-distribution',
      'social.culture',
      'social.community-management',
      'government.fiscal',
      'government.institutions',
    ]);
  });
});
