/** Community and social organisations (line 43; counts are for the main urban districts). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, COUNT, SHARE } from './common.js';

export const communityIndicators = [
  {
    id: 'community.organised-share',
    name: { zh: '建立老年人、工青妇和残疾人组织的社区比例', en: 'Communities with organisations for the elderly, workers, youth, women and the disabled' },
    unit: '%',
    domain: 'community',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 90, qualifier: 'at-least' },
    source: { section: Sections.socialSector, line: 43, quote: '90%以上的社区建立了老年人、工青妇和残疾人组织' },
  },
  {
    id: 'community.civil-organisations',
    name: { zh: '主城区社区民间组织', en: 'Community civil organisations (main urban districts)' },
    unit: '个',
    domain: 'community',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 1860, qualifier: 'more-than' },
    source: { section: Sections.socialSector, line: 43, quote: '主城区社区民间组织1860多个' },
  },
  {
    id: 'community.cultural-sports-organisations',
    name: { zh: '主城区社区文体组织', en: 'Community cultural and sports organisations (main urban districts)' },
    unit: '个',
    domain: 'community',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 700, qualifier: 'more-than' },
    source: { section: Sections.socialSector, line: 43, quote: '文体组织700多个' },
  },
  {
    id: 'community.volunteer-organisations',
    name: { zh: '主城区社区志愿服务组织', en: 'Community volunteer organisations (main urban districts)' },
    unit: '个',
    domain: 'community',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 420, qualifier: 'more-than' },
    source: { section: Sections.socialSector, line: 43, quote: '社区志愿服务组织420多个' },
  },
] as const satisfies readonly IndicatorRecord[];
