/**
 * Every test of the validation report, computed as data. Deterministic: the Monte Carlo is seeded
 * and its run count fixed, so the same model gives the same results (and the same report).
 */
import { bundledScenarios } from '../scenario/bundled.js';
import { loadScenario } from '../scenario/index.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { behaviourReproduction, type BehaviourResult } from './behaviour.js';
import { boundaryAdequacy, type BoundaryResult } from './boundary.js';
import { extremeConditions, type ExtremeResult } from './extremes.js';
import { integrationError, type IntegrationResult } from './integration.js';
import { parameterAssessment, type ParameterResult } from './parameters.js';
import { conclusionSensitivity, type SensitivityOptions, type SensitivityResult } from './sensitivity.js';
import { dimensionalConsistency, type UnitResult } from './units.js';

/** The horizon of the extreme-condition runs. */
export const EXTREME_UNTIL = 2040;

export interface ValidationResults {
  readonly boundary: BoundaryResult;
  readonly parameters: ParameterResult;
  readonly units: UnitResult;
  readonly extremes: readonly ExtremeResult[];
  readonly integration: IntegrationResult;
  readonly behaviour: BehaviourResult;
  readonly sensitivity: SensitivityResult;
}

export interface ValidationOptions {
  /** Monte Carlo of the sensitivity test (default 200 runs, seed 2011). */
  readonly sensitivity?: SensitivityOptions;
}

/** The bundled scenarios, resolved, in reading order. */
export const bundledResolved = (): ResolvedScenario[] => bundledScenarios.map((s) => loadScenario(s.file));

/** Runs every test of the report (a few seconds). */
export function validationResults(options: ValidationOptions = {}): ValidationResults {
  const scenarios = bundledResolved();
  return {
    boundary: boundaryAdequacy(),
    parameters: parameterAssessment(),
    units: dimensionalConsistency(),
    extremes: [extremeConditions('min', EXTREME_UNTIL), extremeConditions('max', EXTREME_UNTIL)],
    integration: integrationError(scenarios),
    behaviour: behaviourReproduction(),
    sensitivity: conclusionSensitivity(scenarios, options.sensitivity),
  };
}
