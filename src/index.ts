/**
 * hangzhou-reform-sim — the library API.
 *
 *   import { catalog, getIndicator, loadScenario, runScenario, charts, render } from 'hangzhou-reform-sim';
 *
 * ESM only (Node ≥ 20); from CommonJS use `await import('hangzhou-reform-sim')`.
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
export type { Param, ParamId, ParamRecord, ParamValue, Schedule, LeverUncertainty } from './params/index.js';

// Observed data: published Hangzhou figures (data/observed/hangzhou.csv) in model units, with sources.
export {
  readObserved,
  parseObserved,
  observations,
  bundledObservedPath,
  LAST_FITTED_YEAR,
  Trusts,
  observables,
  observableIds,
  findObservable,
  StatedUnits,
  ModelUnits,
  toModelUnit,
} from './data/index.js';
export type { Observation, ObservedRow, ObservationFilter, Trust, Role, Observable, ObservableId, ModelUnit, StatedUnitName } from './data/index.js';
export { observedGrowth, compoundAnnualRate } from './data/index.js';
export type { ObservedGrowth } from './data/index.js';

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
// Feedback loops: the finder works on any model; the report and documented loops are the Hangzhou model's.
export { findFeedbackLoops, causalGraph, shortestIndependentLoops, loopThrough, countLoops, linkSigner, describeLoop } from './engine/loops.js';
export type { FeedbackLoop, LoopAnalysis, LoopLink, LoopOptions, LoopPolarity, CausalGraph } from './engine/loops.js';
export { loopReport } from './models/loop-report.js';
export type { LoopReport, LoopReportOptions } from './models/loop-report.js';
export { documentedLoops } from './models/loops.js';
export type { DocumentedLoop } from './models/loops.js';

// Scenarios and runs.
export { loadScenario, loadScenarios, checkScenarios, bundledScenarios } from './scenario/index.js';
export type { ScenarioFile, ResolvedScenario, DistributionSpec, MonteCarloSpec, ScenarioTargetSpec, BundledScenario } from './scenario/index.js';
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
  referencePace,
  DEFAULT_THRESHOLDS,
  EUROSTAT_DEFAULT_PACE,
  STRONGER_PACE_FACTOR,
  drawnUncertainty,
  UNCERTAINTY_MODES,
  ATTAINMENT_CLASSES,
  CLASS_LABELS,
  VERSUS_TREND_LABELS,
  attainmentHeadline,
  classLabel,
  isOnTrack,
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
  AttainmentSettings,
  ObservedPace,
  RequirementBasis,
  VersusTrend,
  UncertaintyMode,
} from './runner/index.js';

// Analysis: sensitivity (OAT, Morris, Sobol), goal seeking, calibration and backtesting.
export { oat, morris, sobol, goalSeek, calibrate, backtest, scenarioModel, leverGoal, readObservationsCsv, parseObservationsCsv } from './analysis/index.js';
// Observed data meeting the model (scored rows, derived outputs) and the lever calibration.
export { comparableObservations, withDerivedOutputs, calibrateLevers, CALIBRATION_GROUPS } from './analysis/index.js';
export { committedCalibration, CALIBRATION_FILE, type CalibrationFile, type CalibratedLeverEntry } from './params/calibration.js';
export type {
  Input,
  OutputRef,
  PointFunction,
  BatchModel,
  Evaluable,
  OatOptions,
  OatResult,
  MorrisOptions,
  MorrisResult,
  SobolOptions,
  SobolResult,
  GoalProblem,
  GoalSeekOptions,
  GoalSeekResult,
  CalibrationOptions,
  CalibrationResult,
  BacktestOptions,
  BacktestResult,
  ScenarioModel,
  ScenarioModelOptions,
  LeverGoal,
  LeverGoalOptions,
} from './analysis/index.js';

// Presentation: chart builders (each returns a Vega-Lite spec), rendering, briefing. Rendering
// loads vega, vega-lite and resvg on its first call, so importing the package stays fast.
export * as charts from './charts/builders/index.js';
export { defaultLabels } from './charts/default-labels.js';
export type { ChartFormat, Lang } from './charts/index.js';
type RenderModule = typeof import('./charts/render.js');
type StandardModule = typeof import('./charts/standard.js');
/** Renders a Vega-Lite spec to vl.json, SVG, PNG or HTML. */
export const render = async (...args: Parameters<RenderModule['render']>): ReturnType<RenderModule['render']> =>
  (await import('./charts/render.js')).render(...args);
/** Builds, renders and writes the standard chart set after a run. */
export const writeStandardCharts = async (...args: Parameters<StandardModule['writeStandardCharts']>): ReturnType<StandardModule['writeStandardCharts']> =>
  (await import('./charts/standard.js')).writeStandardCharts(...args);
export { briefingMarkdown, briefingHtml, briefingDocument, type BriefingOptions } from './report/briefing.js';
export {
  bandText, bandNumbers, bandWords, BAND_TEMPLATE, NO_SPREAD_TEMPLATE, UNCERTAINTY_LABELS, HEADLINE_TEMPLATE, headlineCounts, classCounts, type Band, type HeadlineCounts,
} from './runner/vocabulary.js';
export { renderMarkdown as renderReportMarkdown, renderHtml as renderReportHtml, type ReportDocument, type Section as ReportSection, type Block as ReportBlock, type Figure as ReportFigure } from './report/document.js';
// Notebooks as reports: a page of narrative, tables and interactive charts (one offline HTML file, Markdown with PNGs).
export {
  notebook,
  Notebook,
  formatValue,
  formatPercent,
  statisticAt,
  centralValue,
  medianRange,
  medianRangeCell,
  runDescription,
  attainmentOf,
  attainmentVerdict,
  attainmentTable,
  type NotebookOptions,
  type NotebookRunOptions,
  type NotebookFiles,
  type NotebookCell,
  type NotebookTable,
} from './report/notebook.js';
// The scenario explorer page: its data from resolved scenarios, and the page around it.
export { explorerData, explorerHtml, builtPageAssets } from './explorer/index.js';
export type { ExplorerData, ExplorerDataOptions, PageAssets } from './explorer/index.js';

export { InputError, ModelError, type InputProblem } from './errors.js';
export { PACKAGE_VERSION } from './version.js';

// The validation report (docs/VALIDATION.md): Sterman's model tests as data, and its main caveats.
export { validationResults, validationCaveats, renderValidation, generateValidationReport, extremeConditions, conclusionSensitivity } from './validation/index.js';
export type { ValidationResults, ValidationOptions, ExtremeResult, SensitivityResult, SensitivityOptions } from './validation/index.js';
