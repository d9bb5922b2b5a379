/**
 * The plan's own targets for 2015. One is numeric (line 251: approval items −20%); the rest are
 * stated in words — a direction (提高 / 扩大 / 逐步提高 / 推进…市民化) or a milestone (完成 / 推动…上市).
 * A direction target is listed only where the cited words say which way the indicator must move.
 */
import type { ChangeTarget, DirectionTarget, LevelTarget, MilestoneTarget } from './types.js';
import type { IndicatorId } from './indicators/index.js';
import { Sections } from './sections.js';

/** The milestone levers (param ids fixed in the shared id list). */
export type MilestoneParamId =
  | 'milestone_city_car_reform_year'
  | 'milestone_hzbank_listing_year'
  | 'milestone_rural_bank_conversion_year'
  | 'milestone_two_choice_all_central_towns_year';

/** A plan target whose indicator or lever id is checked by the compiler. */
export type CatalogTarget =
  | ((LevelTarget | ChangeTarget | DirectionTarget) & { readonly indicator: IndicatorId })
  | (MilestoneTarget & { readonly completionParam: MilestoneParamId });

const BASE_YEAR = 2010;
const PLAN_END = 2015;

export const planTargetRecords = [
  // —— The one numeric target ——
  {
    id: 'administration.approval-items.cut-20pct',
    kind: 'change',
    indicator: 'administration.approval-items',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    change: -0.2,
    relative: true,
    label: { zh: '市级直接审批项目五年内减少20%', en: 'City-level approval items down 20% in five years' },
    source: { section: Sections.table4, line: 251, quote: '市级直接审批项目五年内减少20%' },
  },

  // —— Urban-rural integration, urbanisation and hukou ——
  {
    id: 'integration.level.rise',
    kind: 'direction',
    indicator: 'integration.level',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '加快形成城乡区域发展一体化的新格局', en: 'Urban-rural integration advances' },
    source: { section: Sections.integrationMechanism, line: 145, quote: '加快形成城乡区域发展一体化的新格局' },
  },
  {
    id: 'urbanisation.rate.rise',
    kind: 'direction',
    indicator: 'urbanisation.rate',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '促进农村人口向城镇集聚', en: 'Rural population gathers in towns: urbanisation rises' },
    source: { section: Sections.table2, line: 175, quote: '促进农村人口向城镇集聚' },
  },
  {
    id: 'urbanisation.hukou-rate.rise',
    kind: 'direction',
    indicator: 'urbanisation.hukou-rate',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '进城创业、务工人员农业户口登记为城镇户口', en: 'Migrants who work in towns register urban hukou: hukou urbanisation rises' },
    source: { section: Sections.table2, line: 175, quote: '把进城创业、务工人员农业户口登记为城镇户口' },
  },
  {
    id: 'urbanisation.hukou-gap.narrow',
    kind: 'direction',
    indicator: 'urbanisation.hukou-gap',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'decrease',
    label: { zh: '推进农民工市民化', en: 'Migrant workers become urban citizens: the hukou gap narrows' },
    source: {
      section: Sections.hukou,
      line: 151,
      quote: '推进农民工市民化，逐步实现农民工享有与城市居民同等的公共服务保障',
    },
  },

  // —— Land ——
  {
    id: 'land.transfer-share.rise',
    kind: 'direction',
    indicator: 'land.transfer-share',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '健全土地承包经营权流转机制，提高农业规模化经营', en: 'More contracted farmland transferred, for larger-scale farming' },
    source: {
      section: Sections.landManagement,
      line: 155,
      quote: '允许农民以转包、出租、互换、转让、股份合作等形式流转土地承包经营权，提高农业规模化经营和组织化水平',
    },
  },

  // —— Social insurance ——
  {
    id: 'insurance.pension.residents.widen',
    kind: 'direction',
    indicator: 'insurance.pension.residents',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '完善城乡居民社会养老保险制度，扩大覆盖面', en: 'Residents\' pension coverage widens' },
    source: {
      section: Sections.socialSecurity,
      line: 188,
      quote: '进一步完善城乡居民社会养老保险制度，继续扩大各种社会保障覆盖面',
    },
  },
  {
    id: 'insurance.medical.urban-employee.widen',
    kind: 'direction',
    indicator: 'insurance.medical.urban-employee',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '继续扩大各种社会保障覆盖面（城镇职工医保）', en: 'Urban employees\' medical insurance coverage widens' },
    source: { section: Sections.socialSecurity, line: 188, quote: '继续扩大各种社会保障覆盖面' },
  },
  {
    id: 'insurance.medical.urban-resident.widen',
    kind: 'direction',
    indicator: 'insurance.medical.urban-resident',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '继续扩大各种社会保障覆盖面（城居医保）', en: 'Urban residents\' medical insurance coverage widens' },
    source: { section: Sections.socialSecurity, line: 188, quote: '继续扩大各种社会保障覆盖面' },
  },
  {
    id: 'insurance.migrant-coverage.widen',
    kind: 'direction',
    indicator: 'insurance.migrant-coverage',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '加强农民工和外来务工人员的社会保障，同城同待遇', en: 'Migrant workers\' social insurance widens towards equal treatment' },
    source: {
      section: Sections.socialSecurity,
      line: 188,
      quote: '加强农民工和外来务工人员的社会保障，逐步实现杭州人与“新杭州人”、市区与五县（市）居民“同城同待遇”',
    },
  },
  {
    id: 'insurance.inpatient-reimbursement.rise',
    kind: 'direction',
    indicator: 'insurance.inpatient-reimbursement',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '逐步提高保障水平（住院费用报销比例）', en: 'Level of protection rises: in-patient reimbursement' },
    source: { section: Sections.socialSecurity, line: 188, quote: '逐步提高保障水平' },
  },

  // —— Education ——
  {
    id: 'education.school-groups.participation.rise',
    kind: 'direction',
    indicator: 'education.school-groups.participation',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '进一步加大名校集团化办学力度', en: 'More schools join flagship-school groups' },
    source: {
      section: Sections.education,
      line: 192,
      quote: '进一步加大名校集团化办学和城乡学校互助共同体建设力度',
    },
  },
  {
    id: 'education.school-communities.coverage.rise',
    kind: 'direction',
    indicator: 'education.school-communities.coverage',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '进一步加大城乡学校互助共同体建设力度', en: 'Urban-rural school mutual-aid communities cover more schools' },
    source: {
      section: Sections.education,
      line: 192,
      quote: '进一步加大名校集团化办学和城乡学校互助共同体建设力度',
    },
  },

  // —— Administration ——
  {
    id: 'administration.proxy-time-saving.rise',
    kind: 'direction',
    indicator: 'administration.proxy-time-saving',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '完善投资项目审批联动机制，缩短审批时间', en: 'Investment approvals take less time' },
    source: {
      section: Sections.approvals,
      line: 227,
      quote: '完善投资项目审批联动机制，减少前置条件、审批环节、审批部门，缩短审批时间',
    },
  },

  // —— Finance, innovation, private economy, social organisations ——
  {
    id: 'finance.rd-share.rise',
    kind: 'direction',
    indicator: 'finance.rd-share',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '提高R&D占GDP的比重', en: 'R&D share of GDP rises' },
    source: { section: Sections.innovation, line: 119, quote: '提高R&D占GDP的比重' },
  },
  {
    id: 'private-economy.top500-firms.rise',
    kind: 'direction',
    indicator: 'private-economy.top500-firms',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '鼓励民营企业做大做强', en: 'Private firms grow larger: more in the national top 500' },
    source: { section: Sections.privateInvestment, line: 113, quote: '鼓励民营企业做大做强' },
  },
  {
    id: 'community.civil-organisations.rise',
    kind: 'direction',
    indicator: 'community.civil-organisations',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '大力培育发展各类社会组织', en: 'More civil organisations' },
    source: {
      section: Sections.intermediaries,
      line: 233,
      quote: '大力培育发展包括社会团体、行业组织、社会中介组织、志愿团体在内的各类社会组织',
    },
  },
  {
    id: 'community.volunteer-organisations.rise',
    kind: 'direction',
    indicator: 'community.volunteer-organisations',
    year: PLAN_END,
    baseYear: BASE_YEAR,
    direction: 'increase',
    label: { zh: '大力培育发展志愿团体', en: 'More volunteer organisations' },
    source: {
      section: Sections.intermediaries,
      line: 233,
      quote: '大力培育发展包括社会团体、行业组织、社会中介组织、志愿团体在内的各类社会组织',
    },
  },

  // —— Milestones: judged on the year a scenario's lever says the thing is done ——
  {
    id: 'milestone.city-car-reform',
    kind: 'milestone',
    completionParam: 'milestone_city_car_reform_year',
    year: PLAN_END,
    label: { zh: '完成市级机关公车改革', en: 'Official-car reform completed in all city-level bodies' },
    source: { section: Sections.table4, line: 255, quote: '完成市级机关公车改革' },
  },
  {
    id: 'milestone.hzbank-listing',
    kind: 'milestone',
    completionParam: 'milestone_hzbank_listing_year',
    year: PLAN_END,
    label: { zh: '推动杭州银行上市', en: 'Bank of Hangzhou listed' },
    source: { section: Sections.financeReform, line: 109, quote: '推动杭州银行上市' },
  },
  {
    id: 'milestone.rural-bank-conversion',
    kind: 'milestone',
    completionParam: 'milestone_rural_bank_conversion_year',
    year: PLAN_END,
    label: { zh: '杭州联合银行转型为农村商业银行', en: 'Hangzhou United Bank converted to a rural commercial bank' },
    source: { section: Sections.financeReform, line: 109, quote: '杭州联合银行转型为农村商业银行' },
  },
  {
    id: 'milestone.two-choice-all-central-towns',
    kind: 'milestone',
    completionParam: 'milestone_two_choice_all_central_towns_year',
    year: PLAN_END,
    label: { zh: '“二选一”试点扩大到五县（市）所有中心镇', en: '"Two-choice" swaps extended to all central towns of the five counties' },
    source: { section: Sections.table2, line: 179, quote: '将试点范围逐步扩大到五县（市）所有中心镇' },
  },
] as const satisfies readonly CatalogTarget[];

export type TargetId = (typeof planTargetRecords)[number]['id'];
