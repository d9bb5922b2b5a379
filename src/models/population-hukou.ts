/**
 * Population, urbanisation and hukou (plan lines 149–151, 173–175).
 *
 * Seven population stocks cross registration with residence: local urban hukou (all taken to
 * live in towns), local rural hukou inside urban-planning areas, local rural hukou outside them,
 * and non-local migrants — each rural-hukou and migrant group split into town and village
 * residents. Every person leaving a stock enters another or leaves the city through an explicit
 * boundary flow (births, deaths, arrivals, departures), tallied in cumulative stocks so that
 * conservation can be checked at every step.
 */
import type { Subsystem, VarDef } from '../engine/types.js';
import { aux, baseline, flow, inputs, stock, sum } from './build.js';

/** The 2010 urbanisation rate the plan states (line 17), fixing where people live. */
const URBANISATION_2010 = baseline('urbanisation.rate');

/** The population stocks, in the order used everywhere below. */
export const populationStocks = [
  'urban_hukou',
  'rural_plan_urban',
  'rural_plan_rural',
  'rural_out_urban',
  'rural_out_rural',
  'migrant_urban',
  'migrant_rural',
] as const;
type PopStock = (typeof populationStocks)[number];

// Initial split. Nr: rural residents; Rr: local rural hukou; of rural residents a share k are
// migrants, the rest local farmers; farmers' town residents are the remainder of Rr.
const NR = `init_resident_population * (100 - ${URBANISATION_2010}) / 100`;
const RR = `init_registered_population * (100 - init_hukou_rate) / 100`;
const FARMERS_IN_VILLAGES = `(100 - init_migrant_share_of_rural_residents) / 100 * ${NR}`;
const FARMERS_IN_TOWNS = `(${RR} - ${FARMERS_IN_VILLAGES})`;
const MIGRANTS_IN_VILLAGES = `init_migrant_share_of_rural_residents / 100 * ${NR}`;
const PLAN = 'init_plan_area_rural_share / 100';
const OUTSIDE = '(100 - init_plan_area_rural_share) / 100';

const initial: Record<PopStock, string> = {
  urban_hukou: 'init_registered_population * init_hukou_rate / 100',
  rural_plan_urban: `${PLAN} * ${FARMERS_IN_TOWNS}`,
  rural_plan_rural: `${PLAN} * ${FARMERS_IN_VILLAGES}`,
  rural_out_urban: `${OUTSIDE} * ${FARMERS_IN_TOWNS}`,
  rural_out_rural: `${OUTSIDE} * ${FARMERS_IN_VILLAGES}`,
  migrant_urban: `init_resident_population - init_registered_population - ${MIGRANTS_IN_VILLAGES}`,
  migrant_rural: MIGRANTS_IN_VILLAGES,
};

const stockDoc: Record<PopStock, string> = {
  urban_hukou: 'Local urban-hukou residents (all taken to live in towns).',
  rural_plan_urban: 'Local rural-hukou people inside urban-planning areas, living in towns.',
  rural_plan_rural: 'Local rural-hukou people inside urban-planning areas, living in villages.',
  rural_out_urban: 'Local rural-hukou people from outside urban-planning areas, living in towns (进城务工).',
  rural_out_rural: 'Local rural-hukou people outside urban-planning areas, living in villages.',
  migrant_urban: 'Non-local migrants (外来人口) living in towns.',
  migrant_rural: 'Non-local migrants living in villages.',
};

// Flows into and out of each stock besides births and deaths.
const moves: Record<PopStock, { in: string[]; out: string[] }> = {
  urban_hukou: {
    in: ['hukou_transfers_in', 'conv_plan_area_town', 'conv_plan_area_village', 'conv_outside_town', 'conv_outside_village', 'homestead_swaps', 'conv_migrant'],
    out: [],
  },
  rural_plan_urban: { in: ['move_plan_to_town'], out: ['conv_plan_area_town'] },
  rural_plan_rural: { in: [], out: ['move_plan_to_town', 'conv_plan_area_village'] },
  rural_out_urban: { in: ['move_out_to_town'], out: ['conv_outside_town'] },
  rural_out_rural: { in: [], out: ['move_out_to_town', 'conv_outside_village', 'homestead_swaps'] },
  migrant_urban: { in: ['migrant_arrivals_urban', 'move_migrant_to_town'], out: ['migrant_departures_urban', 'conv_migrant'] },
  migrant_rural: { in: ['migrant_arrivals_rural'], out: ['migrant_departures_rural', 'move_migrant_to_town'] },
};

const births = populationStocks.map((s) => `births_${s}`);
const deaths = populationStocks.map((s) => `deaths_${s}`);
const RURAL_HUKOU = ['rural_plan_urban', 'rural_plan_rural', 'rural_out_urban', 'rural_out_rural'];
const TOWN_RESIDENTS = ['urban_hukou', 'rural_plan_urban', 'rural_out_urban', 'migrant_urban'];

const vars: VarDef[] = [
  ...inputs(
    'init_resident_population',
    'init_registered_population',
    'init_hukou_rate',
    'init_plan_area_rural_share',
    'init_migrant_share_of_rural_residents',
    'birth_rate',
    'death_rate',
    'migrant_arrivals',
    'migrant_departure_rate',
    'registered_in_migration',
    'rural_urban_move_rate',
    'hukou_trend_conv_rate',
    'hukou_trend_conv_rate_migrant',
    'hukou_conv_rate_plan_area',
    'hukou_conv_rate_outside_plan',
    'hukou_conv_rate_migrant',
    'hukou_eligibility_share',
    'hukou_pilot_start_year',
    'central_town_share',
    'hukou_rollout_speed',
  ),

  // —— Stocks by registration × residence ——
  ...populationStocks.map((s) =>
    stock(s, 'person', initial[s], [`births_${s}`, ...moves[s].in], [`deaths_${s}`, ...moves[s].out], stockDoc[s]),
  ),

  // —— Boundary flows ——
  ...populationStocks.map((s) => flow(`births_${s}`, 'person/year', `birth_rate * ${s}`, `Births into ${s} (children take their parents’ registration and residence).`)),
  ...populationStocks.map((s) => flow(`deaths_${s}`, 'person/year', `death_rate * ${s}`, `Deaths in ${s}.`)),
  flow('migrant_arrivals_urban', 'person/year', 'migrant_arrivals * migrant_urban / (migrant_urban + migrant_rural)', 'Migrants arriving to live in towns (in proportion to where migrants already live).'),
  flow('migrant_arrivals_rural', 'person/year', 'migrant_arrivals * migrant_rural / (migrant_urban + migrant_rural)', 'Migrants arriving to live in villages.'),
  flow('migrant_departures_urban', 'person/year', 'migrant_departure_rate * migrant_urban', 'Town-resident migrants leaving the city.'),
  flow('migrant_departures_rural', 'person/year', 'migrant_departure_rate * migrant_rural', 'Village-resident migrants leaving the city.'),
  flow('hukou_transfers_in', 'person/year', 'registered_in_migration', 'People moving their hukou from elsewhere straight into an urban Hangzhou hukou.'),

  // —— Moves into towns without a change of hukou ——
  flow('move_plan_to_town', 'person/year', 'rural_urban_move_rate * rural_plan_rural', 'Planning-area farmers moving from villages into towns.'),
  flow('move_out_to_town', 'person/year', 'rural_urban_move_rate * rural_out_rural', 'Farmers from outside planning areas moving into towns to work (进城务工).'),
  flow('move_migrant_to_town', 'person/year', 'rural_urban_move_rate * migrant_rural', 'Migrants moving from villages into towns.'),

  // —— Hukou reform: when and where it applies ——
  aux('hukou_reform_active', '1', 'time + 1 >= hukou_pilot_start_year ? 1 : 0', '1 from the start of the pilot year on (a step starting at time t simulates calendar year t + 1).'),
  aux(
    'hukou_reform_coverage',
    'percent',
    'hukou_reform_active * min(100, central_town_share + hukou_rollout_speed * (time + 1 - hukou_pilot_start_year))',
    'Share of farmers and migrants living where the new hukou rules apply: the central towns from the pilot year, widening each year up to everyone (lines 151, 175).',
  ),
  aux(
    'hukou_eligible_covered',
    '1',
    'hukou_eligibility_share / 100 * hukou_reform_coverage / 100',
    'Fraction of town-resident farmers and migrants who both meet the stable-job-and-residence standard and live where the reform applies.',
  ),

  // —— Conversions through the three channels (line 151) ——
  aux('conv_rate_plan_area', '1/year', 'hukou_trend_conv_rate + hukou_reform_active * hukou_conv_rate_plan_area', 'Conversion rate of planning-area farmers: trend plus the reform rate once the reform starts.'),
  flow('conv_plan_area_town', 'person/year', 'conv_rate_plan_area * rural_plan_urban', 'Channel 1: town-resident planning-area farmers converting to urban hukou.'),
  flow('conv_plan_area_village', 'person/year', 'conv_rate_plan_area * rural_plan_rural', 'Channel 1: village-resident planning-area farmers converting (their villages are redeveloped, line 153) — they become town residents.'),
  flow(
    'conv_outside_town',
    'person/year',
    '(hukou_trend_conv_rate + hukou_conv_rate_outside_plan * hukou_eligible_covered) * rural_out_urban',
    'Channel 2: town-resident farmers from outside planning areas converting (trend, plus the reform among the eligible and covered).',
  ),
  flow('conv_outside_village', 'person/year', 'hukou_trend_conv_rate * rural_out_rural', 'Channel 2, trend routes: village-resident farmers converting and moving to town (the homestead swap is a separate flow).'),
  flow(
    'conv_migrant',
    'person/year',
    '(hukou_trend_conv_rate_migrant + hukou_conv_rate_migrant * hukou_eligible_covered) * migrant_urban',
    'Channel 3: town-resident migrants registering as local urban residents (农民工户籍入城).',
  ),

  // —— Accounting stocks (for conservation checks and annual series) ——
  stock('population_2010', 'person', sum(populationStocks), [], [], 'Resident population at the start (constant): the base of the population accounts.'),
  stock('cum_births', 'person', '0', births, [], 'Births since the start.'),
  stock('cum_deaths', 'person', '0', deaths, [], 'Deaths since the start.'),
  stock('cum_arrivals', 'person', '0', ['migrant_arrivals_urban', 'migrant_arrivals_rural', 'hukou_transfers_in'], [], 'People who moved into the city since the start (migrants and hukou transfers).'),
  stock('cum_departures', 'person', '0', ['migrant_departures_urban', 'migrant_departures_rural'], [], 'Migrants who left the city since the start.'),
  stock('cum_conv_plan_area', 'person', '0', ['conv_plan_area_town', 'conv_plan_area_village'], [], 'Conversions through channel 1 since the start.'),
  stock('cum_conv_outside_plan', 'person', '0', ['conv_outside_town', 'conv_outside_village', 'homestead_swaps'], [], 'Conversions through channel 2 since the start, homestead swaps included.'),
  stock('cum_conv_migrant', 'person', '0', ['conv_migrant'], [], 'Conversions through channel 3 since the start.'),

  // —— Totals and rates ——
  aux('resident_population', 'person', sum(populationStocks), 'Resident population (常住人口).'),
  aux('urban_residents', 'person', sum(TOWN_RESIDENTS), 'Residents living in towns.'),
  aux('rural_hukou', 'person', sum(RURAL_HUKOU), 'Local rural-hukou people, wherever they live.'),
  aux('registered_population', 'person', 'urban_hukou + rural_hukou', 'Locally registered residents (户籍人口).'),
  aux('migrants', 'person', 'migrant_urban + migrant_rural', 'Non-local migrants.'),
  aux('urbanisation_rate', 'percent', '100 * urban_residents / resident_population', 'Resident urbanisation rate (常住人口城镇化率).'),
  aux('hukou_rate', 'percent', '100 * urban_hukou / registered_population', 'Hukou urbanisation rate: urban-hukou share of the registered population.'),
  aux('hukou_gap', 'percent', 'urbanisation_rate - hukou_rate', 'Hukou gap in percentage points (urbanisation rate − hukou rate).'),
  aux(
    'population_accounting_error',
    'person',
    'resident_population - (population_2010 + cum_births - cum_deaths + cum_arrivals - cum_departures)',
    'Conservation check: residents now minus (start + births − deaths + arrivals − departures); zero up to rounding.',
  ),
  aux(
    'urban_entrants_local',
    'person/year',
    'conv_plan_area_town + conv_plan_area_village + conv_outside_town + conv_outside_village + homestead_swaps',
    'Local farmers entering urban hukou per year (all channel-1 and channel-2 conversions).',
  ),
  aux('urban_entrants_other', 'person/year', 'conv_migrant + hukou_transfers_in', 'Migrants and hukou transfers entering urban hukou per year.'),
];

export const populationHukou: Subsystem = {
  id: 'population-hukou',
  name: { zh: '人口、城镇化与户籍', en: 'Population, urbanisation and hukou' },
  doc: [
    'Resident population by registration (local urban hukou; local rural hukou inside / outside urban-planning areas; non-local migrants) and residence (town / village).',
    'Births, deaths, migrant arrivals and departures and hukou transfers into the city are explicit boundary flows, tallied in cumulative stocks; `population_accounting_error` checks conservation.',
    'Conversion to urban hukou runs through the plan’s three channels (line 151): farmers inside planning areas, farmers outside them, and migrant workers. Besides a trend rate, the reform converts those who meet the “stable employment and residence” standard (line 175) where the reform applies: central towns and small-city pilots from the pilot year, then wider each year. Homestead swaps (land subsystem) are a fourth route for village residents.',
    'The 2010 urbanisation rate (70 %, line 17) comes from the catalog; the split of everyone else is set by the initial-condition levers, which are assumptions.',
  ].join('\n\n'),
  vars,
};
