/** Social insurance and health (line 45; pension and migrant coverage named on line 188). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, SHARE } from './common.js';

const MEDICAL_URBAN = '城镇职工和城居医保覆盖面分别达到93.66％和94.57％';

export const insuranceIndicators = [
  {
    id: 'insurance.village-clinic-coverage',
    name: { zh: '政府办村级医疗卫生服务机构服务人口覆盖率', en: 'Population covered by government-run village health services' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 100 },
    source: { section: Sections.socialSector, line: 45, quote: '政府办村级医疗卫生服务机构的服务人口覆盖率达到100%' },
  },
  {
    id: 'insurance.medical.urban-employee',
    name: { zh: '城镇职工医保覆盖面', en: 'Urban employees\' medical insurance coverage' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 93.66 },
    source: { section: Sections.socialSector, line: 45, quote: MEDICAL_URBAN },
  },
  {
    id: 'insurance.medical.urban-resident',
    name: { zh: '城居医保覆盖面', en: 'Urban residents\' medical insurance coverage' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 94.57 },
    source: { section: Sections.socialSector, line: 45, quote: MEDICAL_URBAN },
  },
  {
    id: 'insurance.medical.rural-cooperative',
    name: { zh: '新农合参合率', en: 'New rural cooperative medical scheme participation' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 99, qualifier: 'at-least' },
    source: { section: Sections.socialSector, line: 45, quote: '新农合参合率达到99％以上' },
  },
  {
    id: 'insurance.inpatient-reimbursement',
    name: { zh: '政策范围内住院费用报销比例', en: 'In-patient costs reimbursed within policy scope' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 60, qualifier: 'at-least' },
    source: { section: Sections.socialSector, line: 45, quote: '政策范围内住院费用报销比例达到60%以上' },
  },
  {
    id: 'insurance.pension.residents',
    name: { zh: '城乡居民社会养老保险覆盖率', en: 'Urban and rural residents\' pension coverage' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 90 },
    baselineProvenance: {
      kind: 'assumption',
      reason:
        'The plan asks to widen coverage but states no pension figure. 90% of eligible residents is a round default fixed by the project, not an official statistic.',
    },
    source: { section: Sections.socialSecurity, line: 188, quote: '进一步完善城乡居民社会养老保险制度' },
    definition: { zh: '参保人数占应参保城乡居民的比重', en: 'Enrolled as a share of eligible urban and rural residents' },
  },
  {
    id: 'insurance.migrant-coverage',
    name: { zh: '外来务工人员社会保险覆盖率', en: 'Migrant workers\' social insurance coverage' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 50 },
    baselineProvenance: {
      kind: 'assumption',
      reason:
        'The plan asks for 同城同待遇 but states no migrant coverage. 50% is a round default fixed by the project, not an official statistic.',
    },
    source: { section: Sections.socialSecurity, line: 188, quote: '加强农民工和外来务工人员的社会保障' },
    definition: { zh: '参加社会保险的外来务工人员比重', en: 'Share of migrant workers enrolled in social insurance' },
  },
] as const satisfies readonly IndicatorRecord[];
