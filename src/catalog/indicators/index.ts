/**
 * All indicator records, grouped by domain in the order of `Domains` (src/catalog/types.ts) and,
 * within a domain, in the order written in its module.
 */
import { administrationIndicators } from './administration.js';
import { communityIndicators } from './community.js';
import { educationIndicators } from './education.js';
import { financeIndicators } from './finance.js';
import { insuranceIndicators } from './insurance.js';
import { integrationIndicators } from './integration.js';
import { landIndicators } from './land.js';
import { privateEconomyIndicators } from './private-economy.js';
import { reformIndicators } from './reform.js';
import { urbanisationIndicators } from './urbanisation.js';

export const indicatorRecords = [
  ...integrationIndicators,
  ...urbanisationIndicators,
  ...landIndicators,
  ...insuranceIndicators,
  ...educationIndicators,
  ...administrationIndicators,
  ...financeIndicators,
  ...communityIndicators,
  ...privateEconomyIndicators,
  ...reformIndicators,
] as const;

/** Every indicator id, as a union of literals: a misspelt id is a compile error. */
export type IndicatorId = (typeof indicatorRecords)[number]['id'];
