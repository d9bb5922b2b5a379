/**
 * Scenario files: read (YAML or JSON), validated against the levers, indicators and horizon,
 * `extends` resolved and parameters merged along the chain.
 *
 * @example
 *   const plan = loadScenario('plan');                           // a bundled scenario, by id
 *   const mine = loadScenario('scenarios/plan.yaml');           // throws InputError listing every problem
 *   const [a, b] = loadScenarios(['scenarios/trend.yaml', 'scenarios/plan.yaml'], { until: 2020 });
 *   const checks = checkScenarios(['my.yaml']);                   // never throws for bad input
 */
import { catalog, findIndicator } from '../catalog/index.js';
import { params } from '../params/index.js';
import { completeContext, type FullContext, type IndicatorLookup, type ScenarioContext } from './context.js';
import { bundledScenarios } from './bundled.js';
import { ScenarioLoader, type ScenarioCheck } from './load.js';
import type { ResolvedScenario } from './types.js';

export type * from './types.js';
export { BASE_YEAR, DEFAULT_UNTIL } from './context.js';
export { bundledScenarios, BUNDLED_SCENARIOS_DIR, type BundledScenario } from './bundled.js';
export type { FileAccess, IndicatorInfo, IndicatorLookup, ScenarioContext } from './context.js';
export type { ScenarioCheck, ScenarioProblem } from './load.js';
export { formatPath } from './load.js';
export { mergeOverride, valueInYear } from './merge.js';
export { DISTRIBUTION_FIELDS, SCENARIO_ID_PATTERN, TOP_LEVEL_FIELDS } from './validate.js';

let catalogLookup: IndicatorLookup | null = null;
/** The real catalog as an indicator lookup (built once). */
export function catalogIndicators(): IndicatorLookup {
  catalogLookup ??= { find: (id) => findIndicator(id), ids: catalog.map((i) => i.id) };
  return catalogLookup;
}

const bundledById = new Map(bundledScenarios.map((s) => [s.id, s.file]));

/** Fills a context with the real levers (src/params), indicators (src/catalog) and bundled scenarios. */
export function scenarioContext(ctx: ScenarioContext = {}): FullContext {
  return completeContext(ctx, { params, indicators: ctx.indicators ?? catalogIndicators(), bundled: bundledById });
}

/** Checks each file (and what it extends); returns one result per file and never throws for bad input. */
export function checkScenarios(files: readonly string[], ctx: ScenarioContext = {}): ScenarioCheck[] {
  const loader = new ScenarioLoader(scenarioContext(ctx));
  return files.map((f) => loader.check(f));
}

/** Loads scenario files; throws an InputError listing every problem of every file at once. */
export function loadScenarios(files: readonly string[], ctx: ScenarioContext = {}): ResolvedScenario[] {
  return new ScenarioLoader(scenarioContext(ctx)).loadAll(files);
}

/** Loads one scenario file; throws an InputError listing every problem at once. */
export function loadScenario(file: string, ctx: ScenarioContext = {}): ResolvedScenario {
  const [scenario] = loadScenarios([file], ctx);
  if (!scenario) throw new Error(`loadScenario: no scenario from ${file}`);
  return scenario;
}
