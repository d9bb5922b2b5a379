/** The reform programme itself (line 13). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, COUNT } from './common.js';

export const reformIndicators = [
  {
    id: 'reform.projects-completed',
    name: { zh: '综合配套改革项目完成数', en: 'Comprehensive-reform projects completed' },
    unit: '项',
    domain: 'reform',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 100 },
    source: { section: Sections.pilotReform, line: 13, quote: '三年提出的31方面100项改革项目全面完成' },
    definition: {
      zh: '2008–2010年三年实施计划提出并全面完成的改革项目（累计）',
      en: 'Projects set by the 2008–2010 implementation plans and completed (cumulative over three years)',
    },
  },
  {
    id: 'reform.project-areas',
    name: { zh: '改革项目覆盖方面', en: 'Areas covered by the reform projects' },
    unit: '个方面',
    domain: 'reform',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 31 },
    source: { section: Sections.pilotReform, line: 13, quote: '三年提出的31方面100项改革项目全面完成' },
  },
] as const satisfies readonly IndicatorRecord[];
