/** Private-economy levers (plan lines 39, 113). */
import type { ParamRecord } from '../types.js';
import { uniform } from '../uncertainty.js';

export const privateEconomyLevers = [
  {
    id: 'private_economy_top500_growth',
    name: { zh: '民营企业500强入围数增长率', en: 'Growth of firms in the national private top 500' },
    unit: '1/year',
    domain: 'private-economy',
    default: -0.02,
    range: { min: -0.15, max: 0.15 },
    source: { line: 113, quote: '鼓励民营企业做大做强' },
    provenance: {
      kind: 'assumption',
      reason: 'The count fell from 81 firms in the 2008 list (Zhejiang Daily online, 2009-08-21) to 74 in 2010 (line 39), −4.5 % a year, as firms elsewhere grew past the entry threshold; the decline is taken to continue at half that pace.',
    },
    uncertainty: uniform(-0.06, 0.04, 'From the full 2008–2010 decline to a modest recovery.'),
    description: {
      zh: '进入全国民营企业500强的杭州企业数（逻辑斯蒂，上限500）的年增长率；可为负。',
      en: 'Annual (logistic) growth of Hangzhou firms in the national private top 500 towards the most one city has held; may be negative.',
    },
  },
  {
    id: 'top500_capacity',
    name: { zh: '单个城市民营500强入围数上限', en: 'Most top-500 firms one city can hold' },
    unit: '1',
    domain: 'private-economy',
    default: 100,
    range: { min: 81, max: 200 },
    source: { line: 39, quote: '我市74家企业进入中国民营企业500强，居全国城市和浙江省首位' },
    provenance: {
      kind: 'assumption',
      reason: 'Hangzhou led all cities with 74–81 firms in 2008–2010; a fifth of the national list (100 firms) is taken as the most one city could hold.',
    },
    uncertainty: uniform(85, 150, 'The most firms one city could hold is not known: from just above Hangzhou’s 2008 peak to 150.'),
    description: { zh: '杭州入围民营企业500强数量逻辑斯蒂变化的上限。', en: 'Ceiling of the logistic path of Hangzhou’s firms in the private top 500.' },
  },
] as const satisfies readonly ParamRecord[];
