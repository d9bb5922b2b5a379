/** Administration levers (plan lines 53–57, 227, 231, 251, 255). */
import type { ParamRecord } from '../types.js';

export const administrationLevers = [
  {
    id: 'approval_reduction_rate',
    name: { zh: '审批事项精简速度', en: 'Approval-item reduction rate' },
    unit: '1/year',
    domain: 'administration',
    default: 0.03,
    range: { min: 0, max: 0.2 },
    source: { line: 251, quote: '市级直接审批项目五年内减少20%' },
    provenance: {
      kind: 'assumption',
      reason: 'Modest strength: about two-thirds of the pace the −20 % target needs (4.5 %/yr); no 2006–2010 series of the count exists in the plan. Not fitted to the target.',
    },
    description: {
      zh: '市级直接审批项目每年减少的比例（指数，2010年=100）。',
      en: 'Share of the city’s directly approved items abolished per year (index, 2010 = 100).',
    },
  },
  {
    id: 'admin_trend_growth',
    name: { zh: '行政改革趋势增长率', en: 'Administration trend rate' },
    unit: '1/year',
    domain: 'administration',
    default: 0.05,
    range: { min: 0, max: 0.3 },
    source: { line: 227, quote: '完善投资项目审批代办制' },
    provenance: { kind: 'assumption', reason: 'Domain trend: counts of reviewed units grow 5 % a year and the proxy time saving follows a logistic path at the same rate.' },
    description: {
      zh: '审批清理单位数的年增长率，也是代办提速比例的逻辑斯蒂增长率。',
      en: 'Annual growth of units whose approvals were reviewed; also the logistic rate of the proxy-approval time saving.',
    },
  },
  {
    id: 'car_reform_city_units',
    name: { zh: '应实行车改的市级机关单位数', en: 'City units in the car reform’s scope' },
    unit: '1',
    domain: 'administration',
    default: 80,
    range: { min: 56, max: 200 },
    source: { line: 231, quote: '完成市级机关公车改革' },
    provenance: { kind: 'assumption', reason: 'About 80 city-level party and government units in all (not verified); 56 were reformed by 2010.' },
    description: {
      zh: '市级机关公车改革的单位总数；完成年份时全部完成。',
      en: 'Total city-level units the car reform covers; all are done by the completion year.',
    },
  },
  {
    id: 'milestone_city_car_reform_year',
    name: { zh: '完成市级机关公车改革的年份', en: 'City-level car reform completed (year)' },
    unit: 'year',
    domain: 'administration',
    default: 2015,
    range: { min: 2011, max: 2030 },
    integer: true,
    source: { line: 255, quote: '完成市级机关公车改革' },
    provenance: {
      kind: 'assumption',
      reason: 'Two batches (56 units) were reformed in 2009–2010; continuing a batch every year or two finishes the remaining units in about five years.',
    },
    description: {
      zh: '市级机关公车改革全部完成的年份；改革单位数从56家线性增加到总数。',
      en: 'Year the city-level official-car reform is complete; reformed units rise linearly from 56 to the total.',
    },
  },
  {
    id: 'car_reform_saving_growth',
    name: { zh: '车改节支比例增长率', en: 'Growth of the car-reform saving' },
    unit: '1/year',
    domain: 'administration',
    default: 0,
    range: { min: 0, max: 0.2 },
    source: { line: 255, quote: '完善车改后各项保障措施' },
    provenance: { kind: 'assumption', reason: 'Later batches are taken to save the same share as the first two (about 30 %).' },
    description: {
      zh: '公车开支下降比例的逻辑斯蒂增长率；0表示保持约30%。',
      en: 'Logistic growth rate of the car-cost saving; 0 keeps it at about 30 %.',
    },
  },
] as const satisfies readonly ParamRecord[];
