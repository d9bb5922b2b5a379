/** Community and social-organisation levers (plan lines 43, 196, 233). */
import type { ParamRecord } from '../types.js';
import { uniform } from '../uncertainty.js';

export const communityLevers = [
  {
    id: 'community_trend_growth',
    name: { zh: '社区组织趋势增长率', en: 'Community organisations’ trend growth' },
    unit: '1/year',
    domain: 'community',
    default: 0.05,
    range: { min: 0, max: 0.3 },
    source: { line: 233, quote: '大力培育发展包括社会团体、行业组织、社会中介组织、志愿团体在内的各类社会组织' },
    provenance: { kind: 'assumption', reason: 'Domain trend at modest strength: organisation counts grow 5 % a year; the organised share closes 5 % of its gap a year.' },
    description: {
      zh: '社区民间组织、文体组织、志愿服务组织数量的年增长率；也是“建立组织的社区比例”逼近100%的速度。',
      en: 'Annual (logistic) growth of community civil, cultural-sports and volunteer organisations towards their capacity; also the rate at which the organised share of communities approaches 100 %.',
    },
    uncertainty: uniform(0.02, 0.1, 'Organisation counts are not published by year.'),
  },
  {
    id: 'community_capacity_multiple',
    name: { zh: '社区组织数量上限（倍数）', en: 'Capacity of community organisations (multiple)' },
    unit: '1',
    domain: 'community',
    default: 3,
    range: { min: 1.5, max: 10 },
    source: { line: 233, quote: '大力培育发展包括社会团体、行业组织、社会中介组织、志愿团体在内的各类社会组织' },
    provenance: {
      kind: 'assumption',
      reason: 'Organisations per community saturate: the counts are taken to level off at three times the 2010 number (a few of each kind per community).',
    },
    uncertainty: uniform(2, 6, 'How many organisations a community sustains is not known: two to six times the 2010 number.'),
    description: {
      zh: '社区民间、文体、志愿组织数量逻辑斯蒂增长的上限，为2010年数量的倍数。',
      en: 'Capacity of community civil, cultural-sports and volunteer organisations (logistic growth), as a multiple of their 2010 number.',
    },
  },
] as const satisfies readonly ParamRecord[];
