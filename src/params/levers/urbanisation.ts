/**
 * Population, urbanisation and hukou levers (plan lines 149–151, 175). Initial conditions the
 * plan does not state (registered population, where people live) are levers too, so that a user
 * can replace an assumption with a better figure.
 */
import type { ParamRecord } from '../types.js';

export const urbanisationLevers = [
  // —— Initial conditions (end of 2010) ——
  {
    id: 'init_resident_population',
    name: { zh: '2010年常住人口', en: 'Resident population, 2010' },
    unit: 'person',
    domain: 'urbanisation',
    default: 8_700_373,
    range: { min: 8_600_000, max: 8_800_000 },
    source: null,
    provenance: {
      kind: 'external',
      citation: 'Hangzhou bulletin of the Sixth National Population Census (2010): resident population 8,700,373 (870.04万).',
    },
    description: {
      zh: '2010年末常住人口（第六次人口普查）。模型中所有人口存量之和的起点。',
      en: 'Resident population at the end of 2010 (sixth census); the sum of all population stocks at the start.',
    },
  },
  {
    id: 'init_registered_population',
    name: { zh: '2010年本地户籍常住人口', en: 'Locally registered residents, 2010' },
    unit: 'person',
    domain: 'urbanisation',
    default: 6_900_000,
    range: { min: 6_600_000, max: 7_200_000 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason:
        'The plan gives no hukou count; 6.9 million is the order of Hangzhou’s year-end registered population in 2010 (about 6.89 million in the yearbooks, not verified here); registered people living elsewhere are ignored.',
    },
    description: {
      zh: '持杭州户籍并居住在杭州的人口。常住人口减去此数即为外来人口。',
      en: 'People with a Hangzhou hukou living in Hangzhou. Resident population minus this is the non-local migrant population.',
    },
  },
  {
    id: 'init_hukou_rate',
    name: { zh: '2010年户籍人口城镇化率', en: 'Hukou urbanisation rate, 2010' },
    unit: 'percent',
    domain: 'urbanisation',
    default: 50,
    range: { min: 45, max: 55 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason:
        'The plan gives no hukou urbanisation rate; 50 % puts the urban-hukou share 20 points below the 70 % resident urbanisation rate, the order of the gap reported for large eastern cities around 2010.',
    },
    description: {
      zh: '本地户籍人口中城镇户籍的比例（2010年）。与常住人口城镇化率之差即“人户分离”的缺口。',
      en: 'Urban-hukou share of the registered population in 2010; its difference from the resident urbanisation rate is the hukou gap.',
    },
  },
  {
    id: 'init_plan_area_rural_share',
    name: { zh: '城镇规划区内农业户籍人口比例', en: 'Rural-hukou people inside urban-planning areas' },
    unit: 'percent',
    domain: 'urbanisation',
    default: 30,
    range: { min: 10, max: 50 },
    source: { line: 151, quote: '分别制定城镇规划区域内农民、非城镇规划区域内农民和外来农民转为城市居民户籍的办法' },
    provenance: {
      kind: 'assumption',
      reason:
        'No figure in the plan; about a third of Hangzhou’s farmers are taken to live in villages swallowed by the urban-planning areas of the districts and county towns.',
    },
    description: {
      zh: '本地农业户籍人口中居住在城镇规划区域内的比例（第一类转户渠道的对象），2010年。',
      en: 'Share of local rural-hukou people living inside urban-planning areas in 2010 — the population of the first conversion channel.',
    },
  },
  {
    id: 'init_migrant_share_of_rural_residents',
    name: { zh: '农村常住人口中外来人口比例', en: 'Migrants among rural residents' },
    unit: 'percent',
    domain: 'urbanisation',
    default: 15,
    range: { min: 5, max: 30 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason:
        'No figure in the plan; many migrants work in township factories outside the towns, taken as 15 % of rural residents (about a fifth of all migrants). Together with the 70 % urbanisation rate it fixes where everyone lives.',
    },
    description: {
      zh: '2010年农村常住人口中外来人口的比例；决定本地农业户籍人口和外来人口的城乡居住分布。',
      en: 'Share of non-local migrants among rural residents in 2010; fixes how local rural-hukou people and migrants split between towns and villages.',
    },
  },

  // —— Boundary flows: births, deaths, migration ——
  {
    id: 'birth_rate',
    name: { zh: '出生率', en: 'Crude birth rate' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.01,
    range: { min: 0.005, max: 0.02 },
    source: null,
    provenance: { kind: 'assumption', reason: 'Hangzhou’s crude birth rate was about 10 per thousand around 2010 (order of magnitude; not verified here).' },
    description: {
      zh: '每年出生人数占人口的比例；新生儿随父母的户籍和居住地。',
      en: 'Births per person per year; newborns take their parents’ registration and residence.',
    },
  },
  {
    id: 'death_rate',
    name: { zh: '死亡率', en: 'Crude death rate' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.006,
    range: { min: 0.003, max: 0.012 },
    source: null,
    provenance: { kind: 'assumption', reason: 'Hangzhou’s crude death rate was about 6 per thousand around 2010 (order of magnitude; not verified here).' },
    description: { zh: '每年死亡人数占人口的比例。', en: 'Deaths per person per year.' },
  },
  {
    id: 'migrant_arrivals',
    name: { zh: '外来人口年流入', en: 'Migrant arrivals' },
    unit: 'person/year',
    domain: 'urbanisation',
    default: 300_000,
    range: { min: 0, max: 800_000 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason:
        'With the departure rate this gives about 100,000 net migrants a year, so that total resident growth (about 2 %/yr) stays near the 2000–2010 intercensal pace (6.88 → 8.70 million).',
    },
    description: {
      zh: '每年迁入杭州的外来人口（非本地户籍），按现有外来人口的城乡分布入住。',
      en: 'Non-local people arriving per year; they settle in towns and villages like the migrants already here.',
    },
  },
  {
    id: 'migrant_departure_rate',
    name: { zh: '外来人口年流出率', en: 'Migrant departure rate' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.11,
    range: { min: 0.02, max: 0.3 },
    source: null,
    provenance: { kind: 'assumption', reason: 'Migrant stays average about nine years; with arrivals it reproduces the intercensal growth (see migrant_arrivals).' },
    description: { zh: '每年离开杭州的外来人口占外来人口的比例。', en: 'Share of migrants leaving Hangzhou per year.' },
  },
  {
    id: 'registered_in_migration',
    name: { zh: '户籍迁入（人才、投靠等）', en: 'Hukou transfers into the city' },
    unit: 'person/year',
    domain: 'urbanisation',
    default: 40_000,
    range: { min: 0, max: 150_000 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason: 'Registered population grew faster than its natural increase in the late 2000s; about 40,000 transfers a year (graduates, talent, family) — not verified.',
    },
    description: {
      zh: '每年从外地迁入城镇户籍的人数（大学毕业生、人才引进、投靠等），不经外来人口转户渠道。',
      en: 'People moving their hukou from elsewhere straight into an urban Hangzhou hukou each year (graduates, talent, family), outside the migrant channel.',
    },
  },
  {
    id: 'rural_urban_move_rate',
    name: { zh: '农村居民进城居住率', en: 'Rural-to-town move rate' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.02,
    range: { min: 0, max: 0.15 },
    source: { line: 175, quote: '以小城市、中心镇建设为抓手，促进农村人口向城镇集聚' },
    provenance: {
      kind: 'assumption',
      reason: 'With conversions and migrant arrivals this keeps the resident urbanisation rate rising by about one point a year, the order of the 2006–2010 rise.',
    },
    description: {
      zh: '每年从农村迁入城镇居住（不改变户籍）的农村常住人口比例（本地农民和外来人口）。',
      en: 'Share of rural residents (local farmers and migrants) moving into towns each year without changing hukou.',
    },
  },

  // —— Hukou conversion: three channels, eligibility, pilots ——
  {
    id: 'hukou_trend_conv_rate',
    name: { zh: '本地农民常规转户率', en: 'Trend conversion rate of local farmers' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.005,
    range: { min: 0, max: 0.05 },
    source: null,
    provenance: {
      kind: 'assumption',
      reason: 'Conversions by the pre-reform routes (land acquisition, study, army, marriage): about half a percent of rural-hukou people a year.',
    },
    description: {
      zh: '改革之外的常规“农转非”（征地、升学、参军等）：每年转为城镇户籍的本地农业户籍人口比例。',
      en: 'Conversions outside the reform (land acquisition, study, army…): share of local rural-hukou people converting per year.',
    },
  },
  {
    id: 'hukou_trend_conv_rate_migrant',
    name: { zh: '外来人口常规落户率', en: 'Trend settlement rate of migrants' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.002,
    range: { min: 0, max: 0.05 },
    source: null,
    provenance: { kind: 'assumption', reason: 'Before the reform few migrants could register locally (house purchase, talent schemes): 0.2 % a year of town-resident migrants.' },
    description: {
      zh: '改革之外城镇外来人口每年落户的比例（购房、人才等既有渠道）。',
      en: 'Share of town-resident migrants registering locally per year through pre-reform routes (house purchase, talent schemes).',
    },
  },
  {
    id: 'hukou_conv_rate_plan_area',
    name: { zh: '规划区内农民转户率', en: 'Conversion rate, farmers inside planning areas' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.04,
    range: { min: 0, max: 0.3 },
    source: { line: 151, quote: '分别制定城镇规划区域内农民、非城镇规划区域内农民和外来农民转为城市居民户籍的办法' },
    provenance: {
      kind: 'assumption',
      reason: 'Modest strength: with village redevelopment (line 153) about 4 % of planning-area farmers a year convert once the reform starts.',
    },
    description: {
      zh: '改革启动后，城镇规划区域内农民每年转为城镇户籍的比例（在常规转户率之外；不受中心镇试点范围限制）。',
      en: 'Once the reform starts, share of farmers inside urban-planning areas converting to urban hukou per year (on top of the trend rate; not limited to the pilot towns).',
    },
  },
  {
    id: 'hukou_conv_rate_outside_plan',
    name: { zh: '规划区外农民转户率', en: 'Conversion rate, farmers outside planning areas' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.05,
    range: { min: 0, max: 0.3 },
    source: { line: 151, quote: '在中心镇尤其是小城市培育试点镇先行开展本地农民进城落户原有权益可保留' },
    provenance: { kind: 'assumption', reason: 'Modest strength: 5 % a year of the eligible town-resident farmers in reformed areas take up urban hukou, keeping their rural rights.' },
    description: {
      zh: '在改革覆盖地区，已进城居住、符合条件的规划区外本地农民每年转户的比例。',
      en: 'In areas the reform covers, share of eligible town-resident farmers from outside planning areas converting per year.',
    },
  },
  {
    id: 'hukou_conv_rate_migrant',
    name: { zh: '外来农民工转户率', en: 'Conversion rate, migrant workers' },
    unit: '1/year',
    domain: 'urbanisation',
    default: 0.03,
    range: { min: 0, max: 0.3 },
    source: { line: 151, quote: '以农民工户籍入城作为户籍制度改革的突破口' },
    provenance: { kind: 'assumption', reason: 'Modest strength: 3 % a year of eligible migrants in reformed areas register locally.' },
    description: {
      zh: '在改革覆盖地区，符合条件的城镇外来农民工每年登记为本地城镇户籍的比例。',
      en: 'In areas the reform covers, share of eligible town-resident migrant workers registering as local urban residents per year.',
    },
  },
  {
    id: 'hukou_eligibility_share',
    name: { zh: '符合落户条件比例', en: 'Eligibility share' },
    unit: 'percent',
    domain: 'urbanisation',
    default: 40,
    range: { min: 0, max: 100 },
    source: { line: 175, quote: '以稳定的就业、居住地为标准' },
    provenance: {
      kind: 'assumption',
      reason: 'Share of town-resident farmers and migrants with stable employment and residence; 40 % assumes a contract of a year or more plus a fixed address.',
    },
    description: {
      zh: '进城务工人员中符合“稳定的就业、居住地”标准的比例；标准越宽，可转户的人越多。',
      en: 'Share of town-resident farmers and migrants meeting the “stable employment and residence” standard; a looser standard widens the pool.',
    },
  },
  {
    id: 'hukou_pilot_start_year',
    name: { zh: '户籍改革试点启动年份', en: 'Hukou reform pilot start year' },
    unit: 'year',
    domain: 'urbanisation',
    default: 2012,
    range: { min: 2011, max: 2020 },
    integer: true,
    source: { line: 151, quote: '在中心镇尤其是小城市培育试点镇先行开展' },
    provenance: { kind: 'assumption', reason: 'Pilot rules need a year of preparation after the plan is adopted in 2011.' },
    description: {
      zh: '中心镇和小城市试点镇开始实行新户籍办法的年份；此前只有常规转户。',
      en: 'Year the central towns and small-city pilots start the new hukou rules; before it only trend conversions happen.',
    },
  },
  {
    id: 'central_town_share',
    name: { zh: '中心镇人口占比', en: 'Central towns’ share of the population' },
    unit: 'percent',
    domain: 'urbanisation',
    default: 25,
    range: { min: 5, max: 60 },
    source: { line: 149, quote: '开展中心镇培育和小城市试点' },
    provenance: { kind: 'assumption', reason: 'Hangzhou’s provincial and municipal central towns are taken to hold about a quarter of the rural and migrant population outside the city proper.' },
    description: {
      zh: '中心镇（含小城市试点镇）所覆盖的农民和外来人口比例：户籍试点启动时的覆盖面，也是“二选一”扩大后的覆盖面。',
      en: 'Share of farmers and migrants living in central towns (incl. small-city pilots): the hukou pilot’s initial coverage and the two-choice swaps’ coverage once widened.',
    },
  },
  {
    id: 'hukou_rollout_speed',
    name: { zh: '户籍改革推广速度', en: 'Hukou reform roll-out speed' },
    unit: 'percent/year',
    domain: 'urbanisation',
    default: 10,
    range: { min: 0, max: 50 },
    source: { line: 175, quote: '以小城市、中心镇建设为抓手' },
    provenance: { kind: 'assumption', reason: 'Modest strength: coverage widens by 10 points a year after the pilot year, reaching everyone in under a decade.' },
    description: {
      zh: '试点启动后改革覆盖面每年扩大的百分点，直到100%。',
      en: 'Percentage points of the population added to the reform’s coverage each year after the pilot year, up to 100 %.',
    },
  },
] as const satisfies readonly ParamRecord[];
