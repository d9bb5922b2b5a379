/** Comprehensive-reform programme levers (plan lines 13, 262). */
import type { ParamRecord } from '../types.js';

export const reformLevers = [
  {
    id: 'reform_projects_per_year',
    name: { zh: '每年完成改革项目数', en: 'Reform projects completed per year' },
    unit: '1/year',
    domain: 'reform',
    default: 33,
    range: { min: 0, max: 100 },
    source: { line: 262, quote: '制定综合配套改革年度实施意见和阶段性实施计划' },
    provenance: { kind: 'plan', line: 13, quote: '三年提出的31方面100项改革项目全面完成' },
    description: {
      zh: '每年完成的综合配套改革项目数（2008–2010年三年完成100项，约每年33项）。',
      en: 'Comprehensive-reform projects completed per year (100 in the three years 2008–2010, about 33 a year).',
    },
  },
] as const satisfies readonly ParamRecord[];
