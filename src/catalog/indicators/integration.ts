/** Urban-rural integration (line 17, and the 十多个 policy documents on the same line). */
import type { IndicatorRecord } from '../types.js';
import { Sections } from '../sections.js';
import { BASE_YEAR, COUNT, SHARE } from './common.js';

export const integrationIndicators = [
  {
    id: 'integration.level',
    name: { zh: '城乡一体化水平', en: 'Urban-rural integration level' },
    unit: '%',
    domain: 'integration',
    direction: 'higher',
    bounds: SHARE,
    baseline: { year: BASE_YEAR, value: 87.1 },
    source: { section: Sections.urbanRural, line: 17, quote: '全市城乡一体化水平提高到87.1%' },
    definition: {
      zh: '“六个一体化”（规划建设、产业发展、要素配置、生态保护、公共服务、民生保障）的综合水平',
      en: 'Composite over the six integrations: planning and construction, industry, factor allocation, ecology, public services, livelihood security',
    },
  },
  {
    id: 'integration.coordination-measures',
    name: { zh: '城乡区域统筹措施（“17个统筹”）', en: 'Urban-rural coordination measures ("17 coordinations")' },
    unit: '个',
    domain: 'integration',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 17 },
    source: {
      section: Sections.urbanRural,
      line: 17,
      quote: '提出了统筹城乡区域规划、统筹中心城市规划建设等“17个统筹”措施',
    },
  },
  {
    id: 'integration.working-groups',
    name: { zh: '重点工作推进领导小组', en: 'Leading groups for key coordination work' },
    unit: '个',
    domain: 'integration',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 5 },
    source: {
      section: Sections.urbanRural,
      line: 17,
      quote: '设立了区县（市）协作、产业发展、中心镇建设工作等5个重点工作推进领导小组',
    },
  },
  {
    // Not in the lead's id list: a further figure found on line 17 (十多个 = more than ten).
    id: 'integration.policy-documents',
    name: { zh: '城乡区域统筹政策文件', en: 'Policy documents on urban-rural coordination' },
    unit: '个',
    domain: 'integration',
    direction: 'higher',
    bounds: COUNT,
    baseline: { year: BASE_YEAR, value: 10, qualifier: 'more-than' },
    source: { section: Sections.urbanRural, line: 17, quote: '十多个促进城乡区域统筹发展的政策文件' },
  },
] as const satisfies readonly IndicatorRecord[];
