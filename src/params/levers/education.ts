/** Education levers (plan lines 47, 192): trend models for group schooling and mutual-aid communities. */
import type { ParamRecord } from '../types.js';
import { uniform } from '../uncertainty.js';

export const educationLevers = [
  {
    id: 'education_group_effort',
    name: { zh: '名校集团化推进力度', en: 'Effort: school groups' },
    unit: '1/year',
    domain: 'education',
    default: 0.05,
    range: { min: 0, max: 0.5 },
    source: { line: 192, quote: '进一步加大名校集团化办学和城乡学校互助共同体建设力度' },
    provenance: { kind: 'assumption', reason: 'Continuing the 2006–2010 expansion at modest strength: 5 % of the non-participating schools join a year.' },
    description: {
      zh: '每年加入名校集团（中小学）或名园集团（幼儿园）的未参与学校比例；参与面趋近100%。',
      en: 'Share of non-participating schools (and kindergartens) joining a school group per year; participation approaches 100 %.',
    },
    effort: true,
    uncertainty: uniform(0.025, 0.1, 'Half to twice the assumed pace.'),
  },
  {
    id: 'education_community_effort',
    name: { zh: '城乡互助共同体推进力度', en: 'Effort: urban-rural mutual-aid communities' },
    unit: '1/year',
    domain: 'education',
    default: 0.05,
    range: { min: 0, max: 0.5 },
    source: { line: 192, quote: '进一步加大名校集团化办学和城乡学校互助共同体建设力度' },
    provenance: { kind: 'assumption', reason: 'Continuing the 2006–2010 expansion at modest strength: 5 % of the uncovered schools join a community a year.' },
    description: {
      zh: '每年加入城乡互助共同体的未覆盖学校（幼儿园）比例；参与学校数和共同体数随覆盖率增长。',
      en: 'Share of uncovered schools (kindergartens) joining a mutual-aid community per year; schools and communities grow with coverage.',
    },
    effort: true,
    uncertainty: uniform(0.025, 0.1, 'Half to twice the assumed pace.'),
  },
] as const satisfies readonly ParamRecord[];
