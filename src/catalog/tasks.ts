/**
 * The 16 key projects of the plan's four tables (专栏一–四), each linked to the indicators it
 * moves. `name.zh` is the table's project cell (the line before `source.line`) and `tasks.zh` its
 * task cell, both verbatim; `source.quote` is the task cell. An empty `indicators` list means no
 * catalog indicator measures what the project changes.
 */
import type { ReformTask } from './types.js';
import type { IndicatorId } from './indicators/index.js';
import { Sections } from './sections.js';

type CatalogTask = ReformTask & { readonly indicators: readonly IndicatorId[] };

export const reformTaskRecords = [
  // —— 专栏一 经济体制改革 ——
  {
    id: 'economy.upgrade-guidance',
    table: 1,
    row: 1,
    name: { zh: '建立促进经济转型升级导向机制', en: 'Guidance mechanism for economic transformation and upgrading' },
    tasks: {
      zh: '不断理顺产业集聚区、开发区管理体制；出台促进经济转型升级产业导向目录与政策；运用行政、财税及其他各种政策手段形成能激发新兴产业、淘汰落后产能、扶强支柱产业的导向体制与机制，确保经济转型升级目标的实现。',
      en: 'Streamline the management of industrial clusters and development zones; issue an industrial guidance catalogue; use administrative, fiscal and other tools to foster new industries, retire obsolete capacity and strengthen pillar industries.',
    },
    source: {
      section: Sections.table1,
      line: 129,
      quote:
        '不断理顺产业集聚区、开发区管理体制；出台促进经济转型升级产业导向目录与政策；运用行政、财税及其他各种政策手段形成能激发新兴产业、淘汰落后产能、扶强支柱产业的导向体制与机制，确保经济转型升级目标的实现。',
    },
    indicators: [],
  },
  {
    id: 'economy.state-assets',
    table: 1,
    row: 2,
    name: { zh: '完善国资营运体制与机制，建立国资统一管理体系', en: 'State-asset operation and unified state-asset management' },
    tasks: {
      zh: '把游离于国资监管体系外的各种各类经营性国有资产逐步纳入国资管理平台；强化国有资本经营预算管理，完善国资营运的绩效考核体制；进一步加强区县国有资产管理。',
      en: 'Bring operating state assets outside supervision onto the state-asset platform; strengthen state-capital budgeting and performance assessment; strengthen district and county state-asset management.',
    },
    source: {
      section: Sections.table1,
      line: 133,
      quote:
        '把游离于国资监管体系外的各种各类经营性国有资产逐步纳入国资管理平台；强化国有资本经营预算管理，完善国资营运的绩效考核体制；进一步加强区县国有资产管理。',
    },
    indicators: [],
  },
  {
    id: 'economy.finance-platform',
    table: 1,
    row: 3,
    name: { zh: '搭建金融投资平台', en: 'Financial investment platform' },
    tasks: {
      zh: '整合现有投资集团资产及相关金融资产纳入统一的营运体系，建立大金融平台。',
      en: 'Merge the investment groups\' assets and related financial assets into one operating system: a single large financial platform.',
    },
    source: { section: Sections.table1, line: 137, quote: '整合现有投资集团资产及相关金融资产纳入统一的营运体系，建立大金融平台。' },
    indicators: [],
  },
  {
    id: 'economy.factor-markets',
    table: 1,
    row: 4,
    name: { zh: '要素市场配置改革', en: 'Factor-market reform' },
    tasks: {
      zh: '进一步打破各种要素流动的藩篱，建立统一的覆盖全社会的人才、技术、资金、土地等要素市场体系，降低要素流动成本，进一步健全产权交易平台和管理体系。',
      en: 'Remove barriers to factor mobility; build unified markets for talent, technology, capital and land; lower the cost of moving factors; strengthen the property-rights exchange.',
    },
    source: {
      section: Sections.table1,
      line: 141,
      quote:
        '进一步打破各种要素流动的藩篱，建立统一的覆盖全社会的人才、技术、资金、土地等要素市场体系，降低要素流动成本，进一步健全产权交易平台和管理体系。',
    },
    indicators: ['finance.property-exchange.deals', 'finance.property-exchange.turnover', 'land.transfer-share'],
  },

  // —— 专栏二 建设新型城乡体系 ——
  {
    id: 'urban-rural.new-system',
    table: 2,
    row: 1,
    name: { zh: '建设新型城乡体系', en: 'New urban-rural system' },
    tasks: {
      zh: '推进规划建设一体化，产业发展一体化、要素配置一体化、生态保护一体化、公共服务一体化、民生保障一体化，逐步实现城乡统一管理体系的形成。',
      en: 'Integrate planning and construction, industry, factor allocation, ecology, public services and livelihood security; move towards one urban-rural management system.',
    },
    source: {
      section: Sections.table2,
      line: 167,
      quote:
        '推进规划建设一体化，产业发展一体化、要素配置一体化、生态保护一体化、公共服务一体化、民生保障一体化，逐步实现城乡统一管理体系的形成。',
    },
    indicators: ['integration.level'],
  },
  {
    id: 'urban-rural.small-cities',
    table: 2,
    row: 2,
    name: { zh: '开展小城市试点', en: 'Small-city pilots' },
    tasks: {
      zh: '进一步完善小城市行政管理体制、建设管理体制、社会事务管理体制、投融资体制、财政管理体制，提高小城市公共服务管理水平。',
      en: 'Improve small cities\' administration, construction management, social affairs, investment and fiscal systems; raise their public-service management.',
    },
    source: {
      section: Sections.table2,
      line: 171,
      quote:
        '进一步完善小城市行政管理体制、建设管理体制、社会事务管理体制、投融资体制、财政管理体制，提高小城市公共服务管理水平。',
    },
    indicators: ['urbanisation.rate', 'integration.level'],
  },
  {
    id: 'urban-rural.hukou',
    table: 2,
    row: 3,
    name: { zh: '户籍制度改革', en: 'Hukou reform' },
    tasks: {
      zh: '以小城市、中心镇建设为抓手，促进农村人口向城镇集聚；以稳定的就业、居住地为标准，把进城创业、务工人员农业户口登记为城镇户口。',
      en: 'Through small cities and central towns, draw the rural population into towns; register people who work or run businesses in town, with stable jobs and homes, as urban hukou holders.',
    },
    source: {
      section: Sections.table2,
      line: 175,
      quote:
        '以小城市、中心镇建设为抓手，促进农村人口向城镇集聚；以稳定的就业、居住地为标准，把进城创业、务工人员农业户口登记为城镇户口。',
    },
    indicators: ['urbanisation.rate', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap'],
  },
  {
    id: 'urban-rural.rural-property',
    table: 2,
    row: 4,
    name: { zh: '农村产权制度改革', en: 'Rural property-rights reform' },
    tasks: {
      zh: '在原有四个乡镇开展“二选一”试点取得初步成效的基础上，将试点范围逐步扩大到五县（市）所有中心镇；逐步开展农村资产确权、发证工作；完善农村产权交易服务网络，将农村资产产权纳入市场交易。',
      en: 'Widen the "two-choice" swap pilots from the first four towns to all central towns of the five counties; certify rural assets; build the rural property-exchange network and bring rural property rights to market.',
    },
    source: {
      section: Sections.table2,
      line: 179,
      quote:
        '在原有四个乡镇开展“二选一”试点取得初步成效的基础上，将试点范围逐步扩大到五县（市）所有中心镇；逐步开展农村资产确权、发证工作；完善农村产权交易服务网络，将农村资产产权纳入市场交易。',
    },
    indicators: ['land.quota-balance', 'land.transfer-share', 'urbanisation.hukou-rate'],
  },

  // —— 专栏三 社会管理体制改革 ——
  {
    id: 'social.income-distribution',
    table: 3,
    row: 1,
    name: { zh: '分配制度改革', en: 'Income-distribution reform' },
    tasks: {
      zh: '健全职工工资协商制度；强化企业经营者和职工收入水平的平衡机制。',
      en: 'Strengthen collective wage bargaining; balance the incomes of managers and employees.',
    },
    source: { section: Sections.table3, line: 206, quote: '健全职工工资协商制度；强化企业经营者和职工收入水平的平衡机制。' },
    indicators: [],
  },
  {
    id: 'social.health',
    table: 3,
    row: 2,
    name: { zh: '医疗制度改革', en: 'Health-care reform' },
    tasks: {
      zh: '落实新的医改政策，建立城乡衔接、完善的医疗保障体系；实施国家基本药物制度；推进公立医院改革。',
      en: 'Implement the new health reform; build a complete medical-insurance system joining town and country; apply the national essential-drugs system; reform public hospitals.',
    },
    source: {
      section: Sections.table3,
      line: 210,
      quote: '落实新的医改政策，建立城乡衔接、完善的医疗保障体系；实施国家基本药物制度；推进公立医院改革。',
    },
    indicators: [
      'insurance.medical.urban-employee',
      'insurance.medical.urban-resident',
      'insurance.medical.rural-cooperative',
      'insurance.inpatient-reimbursement',
    ],
  },
  {
    id: 'social.culture',
    table: 3,
    row: 3,
    name: { zh: '文化体制改革', en: 'Cultural-system reform' },
    tasks: {
      zh: '加快文化事业单位转企改制步伐；引导加快民间资本进入文化领域；组建杭州文投创业投资有限公司，搭建文创项目投资运作平台。',
      en: 'Turn cultural public institutions into enterprises; bring private capital into culture; found Hangzhou Cultural Investment Venture Capital Co. as an investment platform for creative projects.',
    },
    source: {
      section: Sections.table3,
      line: 214,
      quote: '加快文化事业单位转企改制步伐；引导加快民间资本进入文化领域；组建杭州文投创业投资有限公司，搭建文创项目投资运作平台。',
    },
    indicators: [],
  },
  {
    id: 'social.community-management',
    table: 3,
    row: 4,
    name: { zh: '社会管理体制创新', en: 'Social-management innovation' },
    tasks: {
      zh: '继续完善社区党组织、社区居委会、社区公共服务工作站三位一体社区管理体制。',
      en: 'Complete the three-in-one community management of Party branch, residents\' committee and public-service workstation.',
    },
    source: { section: Sections.table3, line: 218, quote: '继续完善社区党组织、社区居委会、社区公共服务工作站三位一体社区管理体制。' },
    indicators: [],
  },

  // —— 专栏四 政府管理体制改革 ——
  {
    id: 'government.fiscal',
    table: 4,
    row: 1,
    name: { zh: '财税管理体制改革', en: 'Fiscal-management reform' },
    tasks: {
      zh: '稳步推进国库集中支付改革；逐步推进预算公开制度；推进政府购买社会组织服务。',
      en: 'Centralised treasury payments; open budgets; government purchase of services from social organisations.',
    },
    source: { section: Sections.table4, line: 243, quote: '稳步推进国库集中支付改革；逐步推进预算公开制度；推进政府购买社会组织服务。' },
    indicators: [],
  },
  {
    id: 'government.institutions',
    table: 4,
    row: 2,
    name: { zh: '机构改革', en: 'Institutional reform' },
    tasks: {
      zh: '探索并实行大部制，完善行政运行流程；转变政府职能，简政放权，实现行政管理的网络信息化等。',
      en: 'Introduce super-ministries and streamline procedures; change government functions, delegate powers, put administration online.',
    },
    source: { section: Sections.table4, line: 247, quote: '探索并实行大部制，完善行政运行流程；转变政府职能，简政放权，实现行政管理的网络信息化等。' },
    indicators: [],
  },
  {
    id: 'government.approvals',
    table: 4,
    row: 3,
    name: { zh: '行政审批制度改革', en: 'Administrative-approval reform' },
    tasks: {
      zh: '压缩审批时间，市级直接审批项目五年内减少20%；整合行政许可职能，加大网上审批力度。',
      en: 'Cut approval times; reduce city-level approval items by 20% in five years; merge licensing functions; approve more online.',
    },
    source: { section: Sections.table4, line: 251, quote: '压缩审批时间，市级直接审批项目五年内减少20%；整合行政许可职能，加大网上审批力度。' },
    indicators: ['administration.approval-items', 'administration.proxy-time-saving'],
  },
  {
    id: 'government.car-reform',
    table: 4,
    row: 4,
    name: { zh: '推进市、区（县）机关车改', en: 'Official-car reform in city and district (county) bodies' },
    tasks: {
      zh: '完成市级机关公车改革；同步推进区（县）机关车改；完善车改后各项保障措施。',
      en: 'Complete the reform in city-level bodies; reform district and county bodies alongside; secure the arrangements after reform.',
    },
    source: { section: Sections.table4, line: 255, quote: '完成市级机关公车改革；同步推进区（县）机关车改；完善车改后各项保障措施。' },
    indicators: ['administration.car-reform.units-total', 'administration.car-reform.cost-saving'],
  },
] as const satisfies readonly CatalogTask[];
