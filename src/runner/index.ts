/**
 * Running scenarios: deterministic runs and seeded Monte Carlo, target attainment, comparisons
 * and the output files of `hzsim run`.
 *
 * @example
 *   const context = createRunnerContext();                  // the Hangzhou model
 *   const [plan] = loadScenarios(['scenarios/plan.yaml']);
 *   const det = runScenario(plan, { context });
 *   const mc = await runMonteCarlo(plan, { context, runs: 1000, seed: 2011 });
 */
export type * from './types.js';
export { MonteCarloStatistics } from './types.js';
export { streamFor, streamKey, uniformOpen, type RandomSource } from './random.js';
export {
  createSampler, sample, uniformSampler, triangularSampler, truncatedNormalSampler, truncatedStandardNormalSampler,
  betaSampler, gammaDraw, discreteSampler, type LeverBounds, type Sampler,
} from './distributions.js';
export { normalCdf, normalQuantile, normalUpperTail, normalDensity } from './normal.js';
export { quantileSorted, summarise, RunMatrix, QuantileLevels, type CellSummary, type QuantileStatistic } from './stats.js';
export {
  DEFAULT_THRESHOLDS, classifyRatio, judgeTarget, targetHolds, requiredValue, progressRatio, referencePace, targetChange, desiredSign,
  EUROSTAT_DEFAULT_PACE, STRONGER_PACE_FACTOR, STRONGER_WORDINGS, BOUND_CAP,
  type AttainmentThresholds, type AttainmentSettings, type ObservedPace, type ReferencePace, type Judgement, type ValueAt, type LeverAt,
} from './attainment.js';
export { ATTAINMENT_CLASSES, CLASS_LABELS, VERSUS_TREND_LABELS, BASIS_LABELS, attainmentHeadline, classCounts, classLabel, isOnTrack } from './vocabulary.js';
export { drawnUncertainty, UNCERTAINTY_MODES, isUncertaintyMode, type UncertaintyMode } from './uncertainty.js';
export { CompiledModelCache, type RunnerContext, type RunnerLever, type OutputInfo } from './context.js';
export { modelContext, scenarioOf } from './custom.js';
export { BLOCK_RUNS, TERMINATED_MESSAGE, type ModelRunner, type MonteCarloJob, type MonteCarloOutput, type ProgressListener } from './montecarlo.js';
export {
  EXACT_QUANTILE_VALUES, SKETCH_RELATIVE_ACCURACY, CHUNK_RUNS, quantileMethod, type QuantileChoice, type QuantileMethod, type TargetJob,
} from './streaming.js';
export { cellOf, type PointOutput, type PointsJob, type PointsOutput } from './points.js';
export { createSingleThreadRunner } from './single-thread.js';
export { createWorkerPoolRunner } from './worker-pool.js';
export { runScenario, runMonteCarlo, leverValue, simOptionsOf, type RunOptions, type MonteCarloOptions } from './run.js';
export {
  compareScenarios, comparedStatistic, leverDifferences, largestDifferences, formatParamValue, formatDistribution,
  type Comparison, type CompareOptions, type DifferenceRow, type LeverDifference,
} from './compare.js';
export { prepareRunOutputs, writeRunOutputs, RESULTS_CSV_HEADER, ATTAINMENT_CSV_HEADER, RUN_OUTPUT_FILES, type ManifestInfo } from './outputs.js';
export { createRunnerContext } from './hangzhou.js';
