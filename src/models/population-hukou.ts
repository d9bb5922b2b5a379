/**
 * Population, urbanisation and hukou (plan lines 149–151, 173–175).
 *
 * Eight population stocks cross registration with residence: local urban hukou (all taken to live
 * in towns), local rural hukou inside urban-planning areas, local rural hukou outside them — each
 * split into town and village residents — and non-local migrants in villages, in towns, and in
 * towns having qualified for hukou (stable job and residence, insured for the qualifying period:
 * line 175). Every person leaving a stock enters another or leaves the city through an explicit
 * boundary flow (births, deaths, arrivals, departures), tallied in cumulative stocks so that
 * conservation can be checked at every step.
 *
 * Feedback enters here three ways: migrants qualify only once insured (insurance → hukou), arrivals
 * follow jobs and migrants' access to insurance (同城同待遇), and the reform channels convert only
 * as fast as the reform budget pays for (the funding ratio of the economy subsystem).
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
  'migrant_settled',
  'migrant_rural',
] as const;
type PopStock = (typeof populationStocks)[number];

// Initial split. Nr: rural residents; Rr: local rural hukou; of rural residents a share k are
// migrants, the rest local farmers; farmers' town residents are the remainder of Rr. Of town
// migrants a share had qualified by 2010 — never more than the insured migrants.
const NR = `init_resident_population * (100 - ${URBANISATION_2010}) / 100`;
const RR = `init_registered_population * (100 - init_hukou_rate) / 100`;
const FARMERS_IN_VILLAGES = `(100 - init_migrant_share_of_rural_residents) / 100 * ${NR}`;
const FARMERS_IN_TOWNS = `(${RR} - ${FARMERS_IN_VILLAGES})`;
const MIGRANTS_IN_VILLAGES = `init_migrant_share_of_rural_residents / 100 * ${NR}`;
const MIGRANTS_IN_TOWNS = `(init_resident_population - init_registered_population - ${MIGRANTS_IN_VILLAGES})`;
const QUALIFIED_MIGRANTS = `min(init_settled_migrant_share / 100 * ${MIGRANTS_IN_TOWNS}, init_cov_migrant / 100 * (init_resident_population - init_registered_population))`;
const PLAN = 'init_plan_area_rural_share / 100';
const OUTSIDE = '(100 - init_plan_area_rural_share) / 100';

const initial: Record<PopStock, string> = {
  urban_hukou: 'init_registered_population * init_hukou_rate / 100',
  rural_plan_urban: `${PLAN} * ${FARMERS_IN_TOWNS}`,
  rural_plan_rural: `${PLAN} * ${FARMERS_IN_VILLAGES}`,
  rural_out_urban: `${OUTSIDE} * ${FARMERS_IN_TOWNS}`,
  rural_out_rural: `${OUTSIDE} * ${FARMERS_IN_VILLAGES}`,
  migrant_urban: `${MIGRANTS_IN_TOWNS} - ${QUALIFIED_MIGRANTS}`,
  migrant_settled: QUALIFIED_MIGRANTS,
  migrant_rural: MIGRANTS_IN_VILLAGES,
};

const stockDoc: Record<PopStock, string> = {
  urban_hukou: 'Local urban-hukou residents (all taken to live in towns).',
  rural_plan_urban: 'Local rural-hukou people inside urban-planning areas, living in towns.',
  rural_plan_rural: 'Local rural-hukou people inside urban-planning areas, living in villages.',
  rural_out_urban: 'Local rural-hukou people from outside urban-planning areas, living in towns (进城务工).',
  rural_out_rural: 'Local rural-hukou people outside urban-planning areas, living in villages.',
  migrant_urban: 'Non-local migrants (外来人口) living in towns who do not (yet) meet the hukou standard.',
  migrant_settled: 'Town-resident migrants meeting the standard of line 175: stable job and residence, insured for the qualifying period.',
  migrant_rural: 'Non-local migrants living in villages.',
};

// Flows into and out of each stock besides births and deaths.
const moves: Record<PopStock, { in: string[]; out: string[] }> = {
  urban_hukou: {
    in: ['hukou_transfers_in', 'conv_plan_area_town', 'conv_plan_area_village', 'conv_outside_town', 'conv_outside_village', 'homestead_swaps', 'conv_migrant_trend', 'conv_migrant_settled'],
    out: [],
  },
  rural_plan_urban: { in: ['move_plan_to_town'], out: ['conv_plan_area_town'] },
  rural_plan_rural: { in: [], out: ['move_plan_to_town', 'conv_plan_area_village'] },
  rural_out_urban: { in: ['move_out_to_town'], out: ['conv_outside_town'] },
  rural_out_rural: { in: [], out: ['move_out_to_town', 'conv_outside_village', 'homestead_swaps'] },
  migrant_urban: { in: ['migrant_arrivals_urban', 'move_migrant_to_town'], out: ['migrant_departures_urban', 'conv_migrant_trend', 'migrant_qualifying'] },
  migrant_settled: { in: ['migrant_qualifying'], out: ['migrant_departures_settled', 'conv_migrant_settled'] },
  migrant_rural: { in: ['migrant_arrivals_rural'], out: ['migrant_departures_rural', 'move_migrant_to_town'] },
};

const births = populationStocks.map((s) => `births_${s}`);
const deaths = populationStocks.map((s) => `deaths_${s}`);
const RURAL_HUKOU = ['rural_plan_urban', 'rural_plan_rural', 'rural_out_urban', 'rural_out_rural'];
const TOWN_RESIDENTS = ['urban_hukou', 'rural_plan_urban', 'rural_out_urban', 'migrant_urban', 'migrant_settled'];
const MIGRANTS = ['migrant_urban', 'migrant_settled', 'migrant_rural'];

const vars: VarDef[] = [
  ...inputs(
    'init_resident_population',
    'init_registered_population',
    'init_hukou_rate',
    'init_plan_area_rural_share',
    'init_migrant_share_of_rural_residents',
    'init_settled_migrant_share',
    'birth_rate',
    'death_rate',
    'migrant_arrivals',
    'migrant_departure_rate',
    'settled_migrant_departure_rate',
    'registered_in_migration',
    'rural_urban_move_rate',
    'central_town_development',
    'migration_service_elasticity',
    'migration_job_elasticity',
    'migration_income_elasticity',
    'hukou_trend_conv_rate',
    'hukou_trend_conv_rate_migrant',
    'hukou_conv_rate_plan_area',
    'hukou_conv_rate_outside_plan',
    'hukou_conv_rate_migrant',
    'hukou_eligibility_share',
    'hukou_qualifying_years',
    'hukou_pilot_start_year',
    'central_town_share',
    'hukou_rollout_speed',
    'citizenisation_cost_one_off',
    'citizenisation_cost_annual',
  ),

  // —— Stocks by registration × residence ——
  ...populationStocks.map((s) =>
    stock(s, 'person', initial[s], [`births_${s}`, ...moves[s].in], [`deaths_${s}`, ...moves[s].out], stockDoc[s]),
  ),

  // —— Boundary flows ——
  ...populationStocks.map((s) => flow(`births_${s}`, 'person/year', `birth_rate * ${s}`, `Births into ${s} (children take their parents’ registration and residence).`)),
  ...populationStocks.map((s) => flow(`deaths_${s}`, 'person/year', `death_rate * ${s}`, `Deaths in ${s}.`)),
  aux(
    'migration_pull',
    '1',
    'job_pull * (cov_migrant / init_cov_migrant) ^ migration_service_elasticity',
    'The city’s pull on migrants relative to 2010: job growth, and migrants’ access to social insurance (同城同待遇, line 188).',
  ),
  aux('migrant_arrivals_total', 'person/year', 'migrant_arrivals * migration_pull', 'Migrants arriving per year.'),
  stock(
    'migrant_town_share_2010',
    '1',
    `${MIGRANTS_IN_TOWNS} / (init_resident_population - init_registered_population)`,
    [],
    [],
    'Share of migrants living in towns in 2010 (constant): where arrivals settle, whatever later conversions do to the stocks.',
  ),
  flow('migrant_arrivals_urban', 'person/year', 'migrant_arrivals_total * migrant_town_share_2010', 'Migrants arriving to live in towns.'),
  flow('migrant_arrivals_rural', 'person/year', 'migrant_arrivals_total * (1 - migrant_town_share_2010)', 'Migrants arriving to live in villages.'),
  flow('migrant_departures_urban', 'person/year', 'migrant_departure_rate * migrant_urban', 'Town-resident migrants (not qualified) leaving the city.'),
  flow('migrant_departures_settled', 'person/year', 'settled_migrant_departure_rate * migrant_settled', 'Qualified migrants leaving the city.'),
  flow('migrant_departures_rural', 'person/year', 'migrant_departure_rate * migrant_rural', 'Village-resident migrants leaving the city.'),
  flow('hukou_transfers_in', 'person/year', 'registered_in_migration', 'People moving their hukou from elsewhere straight into an urban Hangzhou hukou.'),

  // —— Moves into towns without a change of hukou ——
  stock('income_ratio_2010', '1', 'init_urban_income / init_rural_income', [], [], 'Urban-rural income ratio in 2010 (constant).'),
  aux('rural_push', '1', '(income_ratio / income_ratio_2010) ^ migration_income_elasticity', 'Pressure to move to town relative to 2010: the urban-rural income ratio (Harris–Todaro).'),
  aux('market_move_rate', '1/year', 'rural_urban_move_rate * rural_push * job_pull', 'Rural residents moving to town per year on their own: the income gap and job growth in towns.'),
  aux(
    'town_building_move_rate',
    '1/year',
    'central_town_development * central_town_share / 100',
    'Extra moves drawn by central-town and small-city building (line 175), averaged over all villages.',
  ),
  aux('move_rate', '1/year', 'market_move_rate + town_building_move_rate', 'Share of village residents moving into towns per year.'),
  flow('move_plan_to_town', 'person/year', 'move_rate * rural_plan_rural', 'Planning-area farmers moving from villages into towns.'),
  flow('move_out_to_town', 'person/year', 'move_rate * rural_out_rural', 'Farmers from outside planning areas moving into towns to work (进城务工).'),
  flow('move_migrant_to_town', 'person/year', 'move_rate * migrant_rural', 'Migrants moving from villages into towns.'),

  // —— Who meets the standard of line 175: a stable job and social insurance ——
  aux('insured_migrants', 'person', 'cov_migrant / 100 * migrants', 'Migrants in social insurance.'),
  aux(
    'unsettled_migrant_coverage',
    'percent',
    'clamp(100 * (insured_migrants - migrant_settled) / (migrant_urban + migrant_rural), 0, 100)',
    'Insurance coverage of migrants who have not qualified (all qualified migrants are insured).',
  ),
  flow(
    'migrant_qualifying',
    'person/year',
    'hukou_eligibility_share / 100 * unsettled_migrant_coverage / 100 * migrant_urban / hukou_qualifying_years',
    'Town migrants with a stable job who are insured qualify after the qualifying period (a first-order delay): insurance coverage feeds conversions.',
  ),

  // —— Hukou reform: when and where it applies ——
  aux('hukou_reform_active', '1', 'step(1, hukou_pilot_start_year)', '1 from the pilot year on.'),
  aux(
    'hukou_reform_coverage',
    'percent',
    'hukou_reform_active * min(100, central_town_share + hukou_rollout_speed * max(0, time - hukou_pilot_start_year))',
    'Share of farmers and migrants living where the new hukou rules apply: the central towns in the pilot year, widening each year after it up to everyone (lines 151, 175).',
  ),
  aux(
    'hukou_eligible_covered',
    '1',
    'hukou_eligibility_share / 100 * hukou_reform_coverage / 100',
    'Fraction of town-resident local farmers with a stable job and residence who live where the reform applies.',
  ),

  // —— Conversions through the three channels (line 151), paid from the reform budget ——
  aux('reform_rate_plan_area', '1/year', 'hukou_reform_active * hukou_conv_rate_plan_area', 'Reform conversion rate of planning-area farmers (on top of the trend), if fully funded.'),
  aux('reform_rate_outside', '1/year', 'hukou_conv_rate_outside_plan * hukou_eligible_covered', 'Reform conversion rate of town-resident farmers from outside planning areas, if fully funded.'),
  aux('reform_rate_migrant', '1/year', 'hukou_conv_rate_migrant * hukou_reform_coverage / 100', 'Reform conversion rate of qualified migrants, if fully funded.'),
  aux(
    'reform_conversions_desired',
    'person/year',
    'reform_rate_plan_area * (rural_plan_urban + rural_plan_rural) + reform_rate_outside * rural_out_urban + reform_rate_migrant * migrant_settled',
    'Conversions the three reform channels would make if the reform budget paid for all of them.',
  ),
  flow(
    'conv_plan_area_town',
    'person/year',
    '(hukou_trend_conv_rate + reform_rate_plan_area * funding_ratio) * rural_plan_urban',
    'Channel 1: town-resident planning-area farmers converting to urban hukou (trend, plus the funded reform rate).',
  ),
  flow(
    'conv_plan_area_village',
    'person/year',
    '(hukou_trend_conv_rate + reform_rate_plan_area * funding_ratio) * rural_plan_rural',
    'Channel 1: village-resident planning-area farmers converting (their villages are redeveloped, line 153) — they become town residents.',
  ),
  flow(
    'conv_outside_town',
    'person/year',
    '(hukou_trend_conv_rate + reform_rate_outside * funding_ratio) * rural_out_urban',
    'Channel 2: town-resident farmers from outside planning areas converting (trend, plus the funded reform among the eligible and covered).',
  ),
  flow('conv_outside_village', 'person/year', 'hukou_trend_conv_rate * rural_out_rural', 'Channel 2, trend routes: village-resident farmers converting and moving to town (the homestead swap is a separate flow).'),
  flow('conv_migrant_trend', 'person/year', 'hukou_trend_conv_rate_migrant * migrant_urban', 'Channel 3, pre-reform routes (house purchase, talent schemes): town migrants registering locally.'),
  flow(
    'conv_migrant_settled',
    'person/year',
    'reform_rate_migrant * funding_ratio * migrant_settled',
    'Channel 3, the reform: qualified migrants registering as local urban residents (农民工户籍入城), as fast as the budget pays.',
  ),
  aux('reform_conversions', 'person/year', 'reform_conversions_desired * funding_ratio', 'Conversions through the reform channels (funded).'),

  // —— New citizens the reform created: each is a recurring charge on the reform budget ——
  stock('reform_citizens', 'person', '0', ['reform_citizens_joining'], ['reform_citizens_deaths'], 'People who became urban citizens through the reform channels or a homestead swap, alive.'),
  flow('reform_citizens_joining', 'person/year', 'reform_conversions + homestead_swaps', 'New citizens through the reform channels and homestead swaps.'),
  flow('reform_citizens_deaths', 'person/year', 'death_rate * reform_citizens', 'Deaths among them.'),

  // —— Accounting stocks (for conservation checks and annual series) ——
  stock('population_2010', 'person', sum(populationStocks), [], [], 'Resident population at the start (constant): the base of the population accounts.'),
  stock('cum_births', 'person', '0', births, [], 'Births since the start.'),
  stock('cum_deaths', 'person', '0', deaths, [], 'Deaths since the start.'),
  stock('cum_arrivals', 'person', '0', ['migrant_arrivals_urban', 'migrant_arrivals_rural', 'hukou_transfers_in'], [], 'People who moved into the city since the start (migrants and hukou transfers).'),
  stock('cum_departures', 'person', '0', ['migrant_departures_urban', 'migrant_departures_settled', 'migrant_departures_rural'], [], 'Migrants who left the city since the start.'),
  stock('cum_conv_plan_area', 'person', '0', ['conv_plan_area_town', 'conv_plan_area_village'], [], 'Conversions through channel 1 since the start.'),
  stock('cum_conv_outside_plan', 'person', '0', ['conv_outside_town', 'conv_outside_village', 'homestead_swaps'], [], 'Conversions through channel 2 since the start, homestead swaps included.'),
  stock('cum_conv_migrant', 'person', '0', ['conv_migrant_trend', 'conv_migrant_settled'], [], 'Conversions through channel 3 since the start.'),

  // —— Totals and rates ——
  aux('resident_population', 'person', sum(populationStocks), 'Resident population (常住人口).'),
  aux('urban_residents', 'person', sum(TOWN_RESIDENTS), 'Residents living in towns.'),
  aux('rural_hukou', 'person', sum(RURAL_HUKOU), 'Local rural-hukou people, wherever they live.'),
  aux('registered_population', 'person', 'urban_hukou + rural_hukou', 'Locally registered residents (户籍人口).'),
  aux('migrants', 'person', sum(MIGRANTS), 'Non-local migrants: resident minus registered population.'),
  aux('urbanisation_rate', 'percent', '100 * urban_residents / resident_population', 'Resident urbanisation rate (常住人口城镇化率).'),
  aux('hukou_rate', 'percent', '100 * urban_hukou / registered_population', 'Hukou urbanisation rate: urban-hukou share of the registered population.'),
  aux('hukou_gap', 'percent', 'urbanisation_rate - hukou_rate', 'Hukou gap in percentage points (urbanisation rate − hukou rate).'),
  aux(
    'population_accounting_error',
    'person',
    'resident_population - (population_2010 + cum_births - cum_deaths + cum_arrivals - cum_departures)',
    'Conservation check: residents now minus (start + births − deaths + arrivals − departures); zero up to rounding.',
  ),
];

export const populationHukou: Subsystem = {
  id: 'population-hukou',
  name: { zh: '人口、城镇化与户籍', en: 'Population, urbanisation and hukou' },
  doc: [
    'Resident population by registration (local urban hukou; local rural hukou inside / outside urban-planning areas; non-local migrants) and residence (town / village), with town migrants split into those who do and do not yet meet the hukou standard.',
    'Births, deaths, migrant arrivals and departures and hukou transfers into the city are explicit boundary flows, tallied in cumulative stocks; `population_accounting_error` checks conservation. Arrivals follow the city’s pull — job growth and migrants’ insurance coverage (同城同待遇, line 188) — and settle in towns and villages as migrants did in 2010. Village residents move to town with the urban-rural income gap and job growth, and with central-town building (line 175).',
    'Conversion to urban hukou runs through the plan’s three channels (line 151): farmers inside planning areas, farmers outside them, and migrant workers. Besides a trend rate, the reform converts — where it applies (central towns and small-city pilots from the pilot year, then wider each year) — those who meet the standard of line 175. For migrants that standard is a stable job and residence and social insurance for the qualifying period, so insurance coverage feeds conversions through a first-order delay. Reform conversions are paid from the reform budget: they run at the funding ratio, and every new citizen adds a recurring charge (line 69: 改革的成本会更高). Homestead swaps (land subsystem) are a fourth route for village residents.',
    'The 2010 urbanisation rate (70 %, line 17) comes from the catalog; the split of everyone else is set by the initial-condition levers, which are assumptions.',
  ].join('\n\n'),
  vars,
};
