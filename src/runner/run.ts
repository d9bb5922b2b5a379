/**
 * Running scenarios: one deterministic run, or a seeded Monte Carlo, each judged against the
 * plan's targets and the scenario's own. The model is compiled once per horizon (cached in the
 * CompiledModelCache) and reused for every scenario and run.
 */
import type { Target } from '../catalog/types.js';
import { leverValueForYear } from '../engine/inputs.js';
import { outputLayout, type OutputLayout } from '../engine/outputs.js';
import type { IntegrationMethod, SimOptions } from '../engine/types.js';
import { checkMonteCarloSize } from '../limits.js';
import type { ParamValue } from '../params/types.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { type AttainmentThresholds, DEFAULT_THRESHOLDS, judgeTarget, type LeverAt, type ValueAt } from './attainment.js';
import { CompiledModelCache, type RunnerContext, type RunnerLever } from './context.js';
import type { ModelRunner, MonteCarloJob, ProgressListener } from './montecarlo.js';
import { createSingleThreadRunner } from './single-thread.js';
import type { CellSummary } from './stats.js';
import { type QuantileChoice, quantileMethod } from './streaming.js';
import { type AttainmentRow, MonteCarloStatistics, type ResultRow, type ScenarioResult } from './types.js';

export interface RunOptions {
  readonly context: RunnerContext<RunnerLever>;
  /** Last reporting year (default: the engine's, 2015). */
  readonly until?: number;
  readonly dt?: number;
  readonly method?: IntegrationMethod;
  readonly thresholds?: AttainmentThresholds;
  /** Share compiled models between calls (one compile per horizon). */
  readonly cache?: CompiledModelCache;
}

export interface MonteCarloOptions extends RunOptions {
  readonly runs: number;
  readonly seed: number;
  /** A runner to use (e.g. a worker pool); default: single thread. */
  readonly runner?: ModelRunner;
  /**
   * 'exact' keeps every value (memory grows with runs), 'sketch' bounds memory with quantiles
   * within 0.01 % (relative) of the exact ones; default 'auto': exact up to 2^25 values.
   */
  readonly quantiles?: QuantileChoice;
  readonly onProgress?: ProgressListener;
}

export function simOptionsOf(options: Pick<RunOptions, 'until' | 'dt' | 'method'>): SimOptions {
  return {
    ...(options.until === undefined ? {} : { until: options.until }),
    ...(options.dt === undefined ? {} : { dt: options.dt }),
    ...(options.method === undefined ? {} : { method: options.method }),
  };
}

/** A lever's value in year `year` for the scenario (or its default), read as the engine reads it. */
export function leverValue(param: string, overrides: Readonly<Record<string, ParamValue>>, records: ReadonlyMap<string, RunnerLever>, year: number): number {
  const record = records.get(param);
  const value = overrides[param] ?? record?.default;
  return value === undefined ? NaN : leverValueForYear(value, year, record?.interpolation ?? 'step', param);
}

/** The targets judged for a scenario: the plan's, then its own; those beyond the horizon are left out. */
function targetsFor(resolved: ResolvedScenario, context: RunnerContext<RunnerLever>, lastYear: number): { target: Target; origin: 'plan' | 'scenario' }[] {
  return [
    ...context.planTargets.map((target) => ({ target, origin: 'plan' as const })),
    ...resolved.targets.map((target) => ({ target, origin: 'scenario' as const })),
  ].filter(({ target }) => target.year <= lastYear);
}

const indicatorOf = (t: Target): string | null => (t.kind === 'milestone' ? null : t.indicator);

/** Runs one scenario deterministically: every lever at its scenario value (no draws). */
export function runScenario(resolved: ResolvedScenario, options: RunOptions): ScenarioResult {
  const cache = options.cache ?? new CompiledModelCache(options.context);
  const compiled = cache.get(simOptionsOf(options));
  const outputs = compiled.simulate(resolved.parameters);
  const { years, outputIds } = compiled;
  const rows: ResultRow[] = [];
  for (const output of outputIds) {
    const series = outputs.series(output);
    years.forEach((year, y) => {
      const value = series[y] ?? NaN;
      if (!Number.isNaN(value)) rows.push({ scenario: resolved.id, output, year, statistic: 'value', value });
    });
  }
  const valueAt = valueAtCells(compiled.layout, (cell) => outputs.values[cell] ?? NaN);
  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const leverAt: LeverAt = (param) => leverValue(param, resolved.parameters, records, years[years.length - 1] ?? 2015);
  const attainment = targetsFor(resolved, options.context, years[years.length - 1] ?? -Infinity).map(({ target, origin }): AttainmentRow => {
    const j = judgeTarget(target, valueAt, leverAt, years, options.thresholds ?? DEFAULT_THRESHOLDS);
    return attainmentRow(resolved.id, target, origin, j, null);
  });
  return { scenario: { id: resolved.id, title: resolved.title }, mode: 'deterministic', runs: 1, seed: null, years, rows, attainment };
}

/**
 * Runs a seeded Monte Carlo of one scenario over its `uncertainty`. Each target's probability is
 * counted run by run as the runs stream past (no run is kept for it), so memory stays bounded
 * however many runs there are (see streaming.ts for how quantiles are kept).
 */
export async function runMonteCarlo(resolved: ResolvedScenario, options: MonteCarloOptions): Promise<ScenarioResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`runs must be a positive integer, got ${options.runs}`);
  const cache = options.cache ?? new CompiledModelCache(options.context);
  const { outputIds: ids, years: horizon } = cache.get(simOptionsOf(options));
  const cells = ids.length * horizon.length;
  const exact = quantileMethod(options.quantiles, options.runs, cells) === 'exact';
  checkMonteCarloSize(options.runs, cells, Object.keys(resolved.uncertainty).length, { file: resolved.file, path: 'montecarlo.runs' }, exact);
  const runner = options.runner ?? createSingleThreadRunner(options.context, cache);
  const simOptions = simOptionsOf(options);
  const { years } = cache.get(simOptions);
  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const lastYear = years[years.length - 1] ?? -Infinity;
  const judged = targetsFor(resolved, options.context, lastYear);
  const fixedLever = (param: string): number => leverValue(param, resolved.parameters, records, lastYear);
  const fixedLevers = Object.fromEntries(
    judged.flatMap(({ target }) => (target.kind === 'milestone' && resolved.uncertainty[target.completionParam] === undefined ? [[target.completionParam, fixedLever(target.completionParam)]] : [])),
  );
  const job: MonteCarloJob = {
    parameters: resolved.parameters,
    uncertainty: resolved.uncertainty,
    seed: options.seed,
    runs: options.runs,
    options: simOptions,
    judge: { targets: judged.map(({ target }) => target), fixedLevers },
    ...(options.quantiles === undefined ? {} : { quantiles: options.quantiles }),
  };
  const mc = await runner.runMonteCarlo(job, options.onProgress);
  const { outputIds, summaries } = mc;
  const layout = outputLayout(outputIds, years);
  const rows: ResultRow[] = [];
  for (const output of outputIds) {
    for (const year of years) {
      const s = summaries[layout.cell(output, year)];
      if (!s) continue;
      for (const statistic of MonteCarloStatistics) rows.push({ scenario: resolved.id, output, year, statistic, value: s[statistic] });
    }
  }

  const median = (s: CellSummary | null | undefined): number => s?.p50 ?? NaN;
  const medianAt = valueAtCells(layout, (cell) => median(summaries[cell]));
  const medianLever: LeverAt = (param) => mc.leverMedians[param] ?? fixedLever(param);
  const attainment = judged.map(({ target, origin }, i): AttainmentRow => {
    const j = judgeTarget(target, medianAt, medianLever, years, options.thresholds ?? DEFAULT_THRESHOLDS);
    return attainmentRow(resolved.id, target, origin, j, (mc.targetHits[i] ?? 0) / options.runs);
  });
  return { scenario: { id: resolved.id, title: resolved.title }, mode: 'montecarlo', runs: options.runs, seed: options.seed, years, rows, attainment };
}

function attainmentRow(scenario: string, target: Target, origin: 'plan' | 'scenario', j: ReturnType<typeof judgeTarget>, probability: number | null): AttainmentRow {
  return {
    scenario,
    target: target.id,
    kind: target.kind,
    origin,
    indicator: indicatorOf(target),
    year: target.year,
    label: target.label,
    projected: j.projected,
    required: j.required,
    gap: j.gap,
    yearReached: j.yearReached,
    class: j.class,
    probability,
  };
}

/** (indicator, year) → value through the layout's cell index: NaN for an output or year not reported. */
function valueAtCells(layout: OutputLayout, cellValue: (cell: number) => number): ValueAt {
  return (indicator, year) => {
    const cell = layout.cell(indicator, year);
    return cell < 0 ? NaN : cellValue(cell);
  };
}
