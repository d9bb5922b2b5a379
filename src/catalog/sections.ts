/**
 * The plan's headings, verbatim, joined with ' / ' from the part down to the numbered item.
 * Every record cites one of these as `source.section`; tests/catalog/provenance.test.ts checks
 * that each piece opens a line of the plan at or before the cited line.
 */
const PART_1 = '一、改革基础与环境';
const PART_3 = '三、主要任务';

const TASKS_1 = `${PART_3} / （一）深化要素市场化改革，完善创新创业体系`;
const TASKS_2 = `${PART_3} / （二）深化城乡一体化改革，构建新型城乡体系`;
const TASKS_3 = `${PART_3} / （三）深化社会管理体制改革，构建新型社会管理体系`;
const TASKS_4 = `${PART_3} / （四）深化行政管理体制改革，打造高效的服务型政府`;

export const Sections = {
  // Part 一: the 2010 baselines (lines 9–57).
  pilotReform: `${PART_1} / 1．开展综合配套改革试点，推动体制改革迈入新阶段`,
  urbanRural: `${PART_1} / 2．加强城乡区域统筹改革，推进城乡区域发展一体化`,
  finance: `${PART_1} / 3．围绕打造长三角南翼金融中心，地方金融体制不断创新`,
  stateAndPrivate: `${PART_1} / 4．国资国企改革不断深化，民营企业发展环境得到优化`,
  socialSector: `${PART_1} / 5. 社区服务得到加强，社会领域改革不断深化`,
  administration: `${PART_1} / 6．推进行政决策运行改革，服务型政府建设得到加强`,

  // Part 三: the tasks (lines 105–255).
  financeReform: `${TASKS_1} / 2．继续推进金融体制改革创新`,
  privateInvestment: `${TASKS_1} / 4．继续完善政策不断激活民间投资`,
  innovation: `${TASKS_1} / 7．完善科技创新的机制`,
  table1: `${TASKS_1} / 专栏一 经济体制改革方面的重点项目和主要改革任务`,

  integrationMechanism: `${TASKS_2} / 1. 健全城乡区域发展一体化的体制机制`,
  centralTowns: `${TASKS_2} / 3．开展中心镇培育和小城市试点`,
  hukou: `${TASKS_2} / 4．深化户籍制度改革`,
  ruralProperty: `${TASKS_2} / 5．推进农村产权制度改革`,
  landManagement: `${TASKS_2} / 6．推进城乡土地管理制度改革`,
  table2: `${TASKS_2} / 专栏二 建设新型城乡体系方面的重点项目和主要改革任务`,

  socialSecurity: `${TASKS_3} / 3．健全和完善社会保障体系`,
  education: `${TASKS_3} / 5．深化教育体制改革`,
  table3: `${TASKS_3} / 专栏三 社会管理体制改革方面的重点项目和主要改革任务`,

  approvals: `${TASKS_4} / 3．深化行政审批制度改革`,
  intermediaries: `${TASKS_4} / 6．提升社会中介组织功能`,
  table4: `${TASKS_4} / 专栏四 政府管理体制改革方面的重点项目和主要改革任务`,
} as const;
