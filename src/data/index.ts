/** The data layer: observed figures for Hangzhou, the observables they measure, and unit conversion. */
export {
  readObserved,
  parseObserved,
  observations,
  bundledObservedPath,
  quoteStatesValue,
  observedMessages,
  LAST_FITTED_YEAR,
  OBSERVED_COLUMNS,
  YEAR_RANGE,
  Roles,
  Trusts,
} from './observed.js';
export type { Observation, ObservedRow, ObservationFilter, Trust, Role } from './observed.js';
export { observables, observableIds, isObservableId, findObservable } from './observables.js';
export type { Observable, ObservableId } from './observables.js';
export { StatedUnits, ModelUnits, statedUnitNames, statedUnitsFor, isStatedUnit, toModelUnit } from './units.js';
export type { ModelUnit, StatedUnit, StatedUnitName } from './units.js';
export { observedGrowth, compoundAnnualRate, PACE_END_YEAR, PACE_START_YEARS, PACE_PROXIES } from './paces.js';
export type { ObservedGrowth, PaceEnd } from './paces.js';
