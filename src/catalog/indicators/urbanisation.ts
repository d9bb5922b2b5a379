/** Urbanisation and hukou (line 17; hukou reform lines 151, 175). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, SHARE } from './common.js';

export const urbanisationIndicators = [
  {
    id: 'urbanisation.rate',
    name: { zh: '城镇化率', en: 'Urbanisation rate' },
    unit: '%',
    domain: 'urbanisation',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 70 },
    source: { section: Sections.urbanRural, line: 17, quote: '城镇化率达到70%' },
    definition: { zh: '城镇常住人口占常住人口的比重', en: 'Urban share of the resident population' },
  },
  {
    id: 'urbanisation.hukou-rate',
    name: { zh: '户籍人口城镇化率', en: 'Hukou urbanisation rate' },
    unit: '%',
    domain: 'urbanisation',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 50 },
    baselineProvenance: {
      kind: 'assumption',
      reason:
        'The plan states no hukou urbanisation rate. 50% is a round default fixed by the project (a 20-point gap below the 70% resident rate), not an official statistic; override the model levers with an official figure when one is at hand.',
    },
    source: { section: Sections.hukou, line: 151, quote: '以农民工户籍入城作为户籍制度改革的突破口' },
    definition: {
      zh: '城镇户籍人口占户籍人口的比重',
      en: 'Urban-hukou share of the registered (hukou) population',
    },
  },
  {
    id: 'urbanisation.hukou-gap',
    name: { zh: '常住人口与户籍人口城镇化率之差', en: 'Gap between resident and hukou urbanisation rates' },
    unit: 'percentage points',
    domain: 'urbanisation',
    direction: 'lower',
    bounds: { min: -100, max: 100 },
    baseline: { year: BASE_YEAR, value: 20 },
    baselineProvenance: {
      kind: 'assumption',
      reason:
        'Derived: urbanisation.rate (70, plan line 17) minus urbanisation.hukou-rate (50, an assumption), so it inherits that assumption.',
    },
    source: {
      section: Sections.hukou,
      line: 151,
      quote: '推进农民工市民化，逐步实现农民工享有与城市居民同等的公共服务保障',
    },
    definition: {
      zh: '常住人口城镇化率减户籍人口城镇化率（住在城镇但无城镇户籍的人口）',
      en: 'urbanisation.rate − urbanisation.hukou-rate: people living in towns without urban hukou',
    },
  },
] as const satisfies readonly IndicatorRecord[];
