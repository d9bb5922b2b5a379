/** Land (lines 153–155): the plan names these but states no 2010 value. */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, COUNT, SHARE } from './common.js';

export const landIndicators = [
  {
    id: 'land.quota-balance',
    name: { zh: '增减挂钩节余指标余额', en: 'Unused construction-land linkage quota' },
    unit: '公顷',
    domain: 'land',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 0 },
    baselineProvenance: {
      kind: 'assumption',
      reason: 'The ledger of unused linkage quota starts at 0 ha at the end of 2010; the model counts quota generated, used and traded from 2011.',
    },
    source: {
      section: Sections.ruralProperty,
      line: 153,
      quote: '建立农村宅基地退出机制、城乡建设用地增减挂钩制度和节余复垦指标的回购制度',
    },
    definition: {
      zh: '宅基地复垦产生、尚未被城镇建设使用的挂钩指标（存量）',
      en: 'Quota from reclaimed rural homesteads not yet used by urban construction (a stock; never negative)',
    },
  },
  {
    id: 'land.transfer-share',
    name: { zh: '土地承包经营权流转比例', en: 'Share of contracted farmland transferred' },
    unit: '%',
    domain: 'land',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 40 },
    baselineProvenance: {
      kind: 'assumption',
      reason:
        'The plan states no transfer share. 40% is a round default fixed by the project, not an official statistic; replace it with the agricultural bureau\'s figure when known.',
    },
    source: { section: Sections.landManagement, line: 155, quote: '健全农村土地承包经营权流转机制' },
  },
] as const satisfies readonly IndicatorRecord[];
