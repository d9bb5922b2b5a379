/**
 * Comprehensive-reform programme levers (plan lines 13, 69, 145, 262): the pace of reform projects
 * and the reform budget every reform measure draws on.
 */
import type { ParamRecord } from '../types.js';
import { triangular, uniform } from '../uncertainty.js';

export const reformLevers = [
  {
    id: 'reform_projects_per_year',
    name: { zh: '每年完成改革项目数', en: 'Reform projects completed per year' },
    unit: '1/year',
    domain: 'reform',
    default: 33,
    range: { min: 0, max: 60 },
    effort: true,
    source: { line: 262, quote: '制定综合配套改革年度实施意见和阶段性实施计划' },
    provenance: { kind: 'plan', line: 13, quote: '三年提出的31方面100项改革项目全面完成' },
    description: {
      zh: '每年完成的综合配套改革项目数（2008–2010年三年100项，约每年33项；上限为其近两倍）。',
      en: 'Comprehensive-reform projects completed per year (100 in the three years 2008–2010, about 33 a year; at most about twice that).',
    },
  },
  {
    id: 'reform_budget_share',
    name: { zh: '改革资金占GDP比例', en: 'Reform budget, share of GDP' },
    unit: 'percent',
    domain: 'reform',
    default: 0.5,
    range: { min: 0, max: 3 },
    effort: true,
    source: { line: 145, quote: '加大市级财政对县（市）转移支付力度' },
    provenance: {
      kind: 'assumption',
      reason: 'The city and county budgets fund the reform’s new public-service obligations (市民化, enrolment drives and subsidies for migrants insured like locals, homestead exit and reclamation, the two swaps). Local budget revenue was roughly a tenth of GDP around 2010 (not verified); about a twentieth of it, 0.5 % of GDP (about 30 亿元 in 2010), is taken as the money set aside for these measures.',
    },
    uncertainty: triangular(0.25, 0.5, 1, 'The earmarked share is not published; half to twice the assumed share.'),
    description: {
      zh: '每年拨入改革资金的财政资金占当年GDP的比例；改革资金先支付刚性支出（新市民的公共服务、参保外来人口的补助），余额按比例分配给转户、换房换保、复垦和扩面。',
      en: 'Fiscal money put into the reform budget each year, as a share of that year’s GDP; the budget pays committed charges first (new citizens’ public services, subsidies for migrants insured like locals), then funds conversions, swaps, reclamation and enrolment drives in proportion.',
    },
  },
  {
    id: 'init_reform_budget',
    name: { zh: '2010年末改革资金结余', en: 'Reform budget balance, end of 2010' },
    unit: '1e8 yuan',
    domain: 'reform',
    default: 20,
    range: { min: 0, max: 100 },
    source: null,
    provenance: { kind: 'assumption', reason: 'Unspent reform money carried into 2011: about five months of the appropriation.' },
    uncertainty: uniform(0, 50, 'The balance carried into 2011 is not published: from none to most of a year’s appropriation.'),
    description: { zh: '2010年末改革资金账户余额（亿元）。', en: 'Balance of the reform budget at the end of 2010 (亿元).' },
  },
  {
    id: 'budget_drawdown_time',
    name: { zh: '改革资金结余动用期', en: 'Reform budget: drawdown time' },
    unit: 'year',
    domain: 'reform',
    default: 2,
    range: { min: 1, max: 10 },
    source: null,
    provenance: { kind: 'assumption', reason: 'A balance is spent down over about two years on top of the year’s appropriation; the budget never goes into debt.' },
    uncertainty: uniform(1, 4, 'Budget rules of the time are not documented here.'),
    description: {
      zh: '改革资金结余在当年拨款之外可动用的平均年限；改革资金不举债。',
      en: 'Average years over which a balance may be spent on top of the year’s appropriation; the reform budget never borrows.',
    },
  },
  {
    id: 'budget_lapse_share',
    name: { zh: '改革资金结余收回比例', en: 'Reform budget: share of unspent balance that lapses' },
    unit: '1',
    domain: 'reform',
    default: 1,
    range: { min: 0, max: 1 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason: 'Budget rules of the period (the Ministry of Finance’s 2010 rules on carried-over and surplus appropriations, tightened in 2014–2015) send project money left unspent for about two years back to the general budget rather than letting it pile up in a programme account (rule of thumb, not verified here): what the drawdown releases and the measures do not spend lapses.',
    },
    uncertainty: uniform(0.5, 1, 'How strictly unspent reform money was recovered in 2011–2015 is not documented here: from half of it to all.'),
    description: {
      zh: '每年从结余中释放而未被改革措施用掉的资金收回一般预算的比例；为0时结余无限累积。',
      en: 'Share of the balance released each year but not spent by the reform measures that returns to the general budget; at 0 unspent money piles up without limit.',
    },
  },
] as const satisfies readonly ParamRecord[];
