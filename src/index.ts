/**
 * hangzhou-reform-sim — the library API.
 *
 *   import { catalog, getIndicator, loadScenario, runScenario, charts, render } from 'hangzhou-reform-sim';
 *
 * Data (catalog, levers) apart from the engine (compile, run, Monte Carlo) apart from
 * presentation (charts, briefing): each part is also usable on its own.
 */

// Data: the plan's indicators, targets and key projects, and the model's levers.
export {
  catalog,
  getIndicator,
  findIndicator,
  isIndicatorId,
  indicatorIds,
  indicatorsInDomain,
  planTargets,
  targetIds,
  targetsOfKind,
  reformTasks,
  Domains,
  isDomain,
  formatBaselineValue,
} from './catalog/index.js';
export type {
  Indicator,
  IndicatorId,
  IndicatorRecord,
  TargetId,
  CatalogTarget,
  Target,
  TargetKind,
  LevelTarget,
  ChangeTarget,
  DirectionTarget,
  MilestoneTarget,
  ReformTask,
  Domain,
  Direction,
  Qualifier,
  Baseline,
  PlanSource,
  Provenance,
  Text,
  Comparator,
} from './catalog/index.js';
export { params, paramIds, getParam, findParam, isParamId, defaultValue } from './params/index.js';
export type { Param, ParamId, ParamRecord, ParamValue, Schedule } from './params/index.js';

// Engine and the Hangzhou model.
export { compileModel, inspectModel, generatedSourceOf, outputLayout, FUNCTIONS, FUNCTION_NAMES } from './engine/index.js';
export type {
  LeverDef,
  LeverValue,
  LeverValues,
  LeverSchedule,
  Interpolation,
  RunOutputs,
  OutputLayout,
  EquationFunction,
  FunctionName,
  Trace,
  ModelSpec,
  Subsystem,
  VarDef,
  StockDef,
  FlowDef,
  AuxDef,
  InputDef,
  OutputDef,
  CompiledModel,
  PreparedRun,
  SimOptions,
  IntegrationMethod,
} from './engine/index.js';
export { exportModel, importModel, formatOfFile, FORMATS } from './interchange/index.js';
export type { Format, InterchangeModel } from './interchange/index.js';
export { hangzhouModel, subsystems, modelSeries, indicatorVariable } from './models/index.js';
export type { ModelSeries } from './models/index.js';

// Scenarios and runs.
export { loadScenario, loadScenarios, checkScenarios } from './scenario/index.js';
export type { ScenarioFile, ResolvedScenario, DistributionSpec, MonteCarloSpec, ScenarioTargetSpec } from './scenario/index.js';
export {
  runScenario,
  runMonteCarlo,
  createRunnerContext,
  createSingleThreadRunner,
  createWorkerPoolRunner,
  modelContext,
  scenarioOf,
  compareScenarios,
  leverDifferences,
  judgeTarget,
  DEFAULT_THRESHOLDS,
  prepareRunOutputs,
  writeRunOutputs,
  streamFor,
} from './runner/index.js';
export type {
  ScenarioResult,
  ResultRow,
  AttainmentRow,
  AttainmentClass,
  Statistic,
  RunOptions,
  MonteCarloOptions,
  ModelRunner,
  RunnerContext,
  RunnerLever,
  AttainmentThresholds,
} from './runner/index.js';

// Presentation: chart builders (each returns a Vega-Lite spec), rendering, briefing.
export * as charts from './charts/builders/index.js';
export { render, writeStandardCharts, defaultLabels } from './charts/index.js';
export type { ChartFormat, Lang } from './charts/index.js';
export { briefingMarkdown, briefingHtml } from './report/briefing.js';

export { InputError, ModelError, type InputProblem } from './errors.js';
export { PACKAGE_VERSION } from './version.js';
