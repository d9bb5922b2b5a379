/** Private-economy levers (plan lines 39, 113). */
import type { ParamRecord } from '../types.js';

export const privateEconomyLevers = [
  {
    id: 'private_economy_top500_growth',
    name: { zh: '民营企业500强入围数增长率', en: 'Growth of firms in the national private top 500' },
    unit: '1/year',
    domain: 'private-economy',
    default: 0.02,
    range: { min: -0.1, max: 0.2 },
    source: { line: 113, quote: '鼓励民营企业做大做强' },
    provenance: { kind: 'assumption', reason: 'Hangzhou already led all cities with 74 firms; its count is taken to rise slowly (2 % a year, logistic towards 500).' },
    description: {
      zh: '进入全国民营企业500强的杭州企业数（逻辑斯蒂，上限500）的年增长率；可为负。',
      en: 'Annual (logistic, capped at 500) growth of Hangzhou firms in the national private top 500; may be negative.',
    },
  },
] as const satisfies readonly ParamRecord[];
