/** Private economy (line 39). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, COUNT } from './common.js';

export const privateEconomyIndicators = [
  {
    id: 'private-economy.top500-firms',
    name: { zh: '进入中国民营企业500强的企业数', en: 'Firms among China\'s top 500 private enterprises' },
    unit: '家',
    domain: 'private-economy',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 74 },
    source: { section: Sections.stateAndPrivate, line: 39, quote: '我市74家企业进入中国民营企业500强' },
    definition: {
      zh: '全国工商联2010年发布的统计调查结果',
      en: 'As published by the All-China Federation of Industry and Commerce in 2010',
    },
  },
] as const satisfies readonly IndicatorRecord[];
