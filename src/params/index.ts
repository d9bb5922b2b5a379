/**
 * The model's levers as data: one module per domain under ./levers, each lever with its unit,
 * default, range, the plan line it implements and the provenance of its default.
 *
 * Defaults represent continuing the 2006–2010 trend with the plan's announced measures at modest
 * strength ("trend plus"), not the plan fully delivered; scenarios override them.
 */
import { administrationLevers } from './levers/administration.js';
import { communityLevers } from './levers/community.js';
import { economyLevers } from './levers/economy.js';
import { educationLevers } from './levers/education.js';
import { financeLevers } from './levers/finance.js';
import { insuranceLevers } from './levers/insurance.js';
import { integrationLevers } from './levers/integration.js';
import { landLevers } from './levers/land.js';
import { privateEconomyLevers } from './levers/private-economy.js';
import { reformLevers } from './levers/reform.js';
import { urbanisationLevers } from './levers/urbanisation.js';
import type { ParamRecord } from './types.js';
import { applyCalibration, committedCalibration } from './calibration.js';

export type * from './types.js';

const leverRecords = [
  ...urbanisationLevers,
  ...landLevers,
  ...insuranceLevers,
  ...integrationLevers,
  ...educationLevers,
  ...administrationLevers,
  ...financeLevers,
  ...communityLevers,
  ...privateEconomyLevers,
  ...reformLevers,
  ...economyLevers,
] as const;

/** A lever id; a misspelt id is a compile error where this type is used. */
export type ParamId = (typeof leverRecords)[number]['id'];

/** A lever with its id typed as ParamId. */
export type Param = ParamRecord & { readonly id: ParamId };

/**
 * Every lever with its assumed default, before calibration: the starting points and priors of
 * `npm run calibrate` (a fit must not depend on the result it replaces).
 */
export const assumedParams: readonly Param[] = leverRecords;

/**
 * Every lever, grouped by domain (population & hukou, land, insurance, integration, the trend
 * domains, then the economy); defaults the committed calibration identifies are the fitted ones.
 */
const calibration = committedCalibration();
export const params: readonly Param[] = leverRecords.map((p) => applyCalibration<Param>(p, calibration));

export const paramIds: readonly ParamId[] = params.map((p) => p.id);

const byId = new Map<string, Param>(params.map((p) => [p.id, p]));

export const isParamId = (s: string): s is ParamId => byId.has(s);

/** The lever with this id. */
export function getParam(id: ParamId): Param {
  const found = byId.get(id);
  if (!found) throw new Error(`lever ${id} is missing from src/params`);
  return found;
}

/** The lever with this id, or undefined (for ids read from user input). */
export const findParam = (id: string): Param | undefined => byId.get(id);

/** The default of a lever as a number (its value for the first year of a schedule). */
export function defaultValue(p: ParamRecord, year = 2010): number {
  const d = p.default;
  if (typeof d === 'number') return d;
  const keys = Object.keys(d).map(Number).sort((a, b) => a - b);
  let value = d[keys[0] as number] as number;
  for (const k of keys) if (k <= year) value = d[k] as number;
  return value;
}
