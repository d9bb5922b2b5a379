/**
 * The validation report (docs/VALIDATION.md): the model tests of Sterman's Business Dynamics
 * ch. 21, each computed as data (`validationResults`), rendered as Markdown (`renderValidation`),
 * with its main caveats in Chinese or English (`validationCaveats`) for the briefing.
 */
import { renderValidation } from './render.js';
import { validationResults, type ValidationOptions } from './results.js';

export { validationResults, bundledResolved, EXTREME_UNTIL, type ValidationResults, type ValidationOptions } from './results.js';
export { validationCaveats } from './caveats.js';
export { renderValidation } from './render.js';
export { extremeConditions, leversAt, isCount, isShare, COUNT_GROWTH_LIMIT, CONSERVATION_TOLERANCE, NON_NEGATIVE_STOCKS, type Extreme, type ExtremeResult } from './extremes.js';
export { conclusionSensitivity, SENSITIVITY_RUNS, SENSITIVITY_SEED, ROBUST_SHARE, type SensitivityOptions, type SensitivityResult, type TargetStanding, type LeverDriver } from './sensitivity.js';
export { behaviourReproduction, poorFitReasons, POOR_FIT_MAPE, NEGLIGIBLE_MAPE, type BehaviourResult, type SeriesFit, type UnscoredObservation } from './behaviour.js';
export { integrationError, INTEGRATION_TOLERANCE, type IntegrationResult, type IntegrationComparison } from './integration.js';
export { parameterAssessment, type ParameterResult } from './parameters.js';
export { dimensionalConsistency, type UnitResult } from './units.js';
export { boundaryAdequacy, OMISSIONS, type BoundaryResult, type Omission } from './boundary.js';

/** docs/VALIDATION.md as the current model produces it. */
export const generateValidationReport = (options: ValidationOptions = {}): string => renderValidation(validationResults(options));
