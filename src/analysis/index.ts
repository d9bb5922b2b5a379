/**
 * The analysis toolkit: which levers matter (OAT, Morris, Sobol), how hard to push to hit a target
 * (goal seek, deterministic or under uncertainty), and how well the model fits what was observed
 * (calibrate, backtest). Each method runs on a plain function of a point or, through
 * `scenarioModel` / `leverGoal`, on a scenario and the compiled model, batched through the runner.
 *
 * @example
 *   import { loadScenario, morris, oat, scenarioModel, sobol } from 'hangzhou-reform-sim';
 *   const plan = loadScenario('scenarios/plan.yaml');
 *   const levers = ['rural_urban_move_rate', 'hukou_conv_rate_plan_area', 'hukou_conv_rate_migrant'];
 *   const model = scenarioModel(plan, { levers, outputs: [{ id: 'urbanisation.hukou-gap', year: 2015 }] });
 *   const tornado = await oat(model);
 *   const screening = await morris(model, { trajectories: 20, seed: 2011 });
 *   const indices = await sobol(model, { samples: 256 });
 *   console.log(tornado.outputs[0].swings[0].input, screening.outputs[0].effects[0].input, indices.outputs[0].indices[0].input); // rural_urban_move_rate rural_urban_move_rate rural_urban_move_rate
 */
export type * from './types.js';
export { oat, type OatOptions, type OatResult, type OatOutput, type OatSwing } from './oat.js';
export { morris, morrisDesign, type MorrisOptions, type MorrisResult, type MorrisOutput, type MorrisEffect } from './morris.js';
export { sobol, saltelliDesign, sobolSequence, MAX_SOBOL_SAMPLES, type SobolOptions, type SobolResult, type SobolOutput, type SobolIndex } from './sobol.js';
export type * from './results.js';
export { goalSeek, shareMeeting, type GoalProblem, type GoalSeekOptions, type GoalSeekResult, type GoalComparator, type GoalPoint } from './goal-seek.js';
export { brent, bisectBoundary, type RootResult, type ScalarFunction } from './roots.js';
export {
  calibrate, summariseErrors, type CalibrationOptions, type CalibrationResult, type FittedInput, type FitResidual, type FitSummary, type FitTarget,
} from './calibrate.js';
export { backtest, type BacktestOptions, type BacktestResult, type BacktestRow, type BacktestMetrics, type BacktestSeries, type BacktestSplit } from './backtest.js';
export {
  scenarioModel, leverGoal, selectionProblems, type ScenarioModel, type ScenarioModelOptions, type LeverGoal, type LeverGoalOptions, type ModelRunOptions,
  type SelectionNames,
} from './model.js';
export { changedValue, scaleRange, type GoalMode, type LeverChange } from './lever-values.js';
export { parseObservationsCsv, readObservationsCsv } from './observed-csv.js';
export { comparableObservations, derivedObservables, fitObservations, notComparableIds, scorableIds, withDerivedOutputs } from './observed-model.js';
export { calibrateLevers, CALIBRATION_GROUPS, CALIBRATION_SETTINGS, IDENTIFIED_INTERVAL_SHARE, type LeverGroup, type LeverCalibrationOptions } from './lever-calibration.js';
export { fromUnit } from './evaluate.js';
