/**
 * Running scenarios: one deterministic run, or a seeded Monte Carlo, each judged against the
 * plan's targets and the scenario's own. The model is compiled once per horizon (cached in the
 * CompiledModelCache) and reused for every scenario and run.
 */
import type { Target } from '../catalog/types.js';
import { leverValueForYear } from '../engine/inputs.js';
import type { IntegrationMethod, SimOptions } from '../engine/types.js';
import { checkMonteCarloSize } from '../limits.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { type AttainmentThresholds, DEFAULT_THRESHOLDS, judgeTarget, type LeverAt, targetHolds, type ValueAt } from './attainment.js';
import { CompiledModelCache, type RunnerContext } from './context.js';
import type { ModelRunner, MonteCarloJob, ProgressListener } from './montecarlo.js';
import { createSingleThreadRunner } from './single-thread.js';
import type { CellSummary } from './stats.js';
import { type AttainmentRow, MonteCarloStatistics, type ResultRow, type ScenarioResult } from './types.js';

export interface RunOptions {
  readonly context: RunnerContext;
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
export function leverValue(param: string, overrides: Readonly<Record<string, ParamValue>>, records: ReadonlyMap<string, ParamRecord>, year: number): number {
  const record = records.get(param);
  const value = overrides[param] ?? record?.default;
  return value === undefined ? NaN : leverValueForYear(value, year, record?.interpolation ?? 'step', param);
}

/** The targets judged for a scenario: the plan's, then its own; those beyond the horizon are left out. */
function targetsFor(resolved: ResolvedScenario, context: RunnerContext, lastYear: number): { target: Target; origin: 'plan' | 'scenario' }[] {
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
  const out = compiled.run(resolved.parameters);
  const { years, outputIds } = compiled;
  const rows: ResultRow[] = [];
  outputIds.forEach((output, o) => {
    years.forEach((year, y) => {
      const value = out[o * years.length + y] ?? NaN;
      if (!Number.isNaN(value)) rows.push({ scenario: resolved.id, output, year, statistic: 'value', value });
    });
  });
  const valueAt = lookupFactory(outputIds, years)((cell) => out[cell] ?? NaN);
  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const leverAt: LeverAt = (param) => leverValue(param, resolved.parameters, records, years[years.length - 1] ?? 2015);
  const attainment = targetsFor(resolved, options.context, years[years.length - 1] ?? -Infinity).map(({ target, origin }): AttainmentRow => {
    const j = judgeTarget(target, valueAt, leverAt, years, options.thresholds ?? DEFAULT_THRESHOLDS);
    return attainmentRow(resolved.id, target, origin, j, null);
  });
  return { scenario: { id: resolved.id, title: resolved.title }, mode: 'deterministic', runs: 1, seed: null, years, rows, attainment };
}

/** Runs a seeded Monte Carlo of one scenario over its `uncertainty`. */
export async function runMonteCarlo(resolved: ResolvedScenario, options: MonteCarloOptions): Promise<ScenarioResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`runs must be a positive integer, got ${options.runs}`);
  const cache = options.cache ?? new CompiledModelCache(options.context);
  const { outputIds: ids, years: horizon } = cache.get(simOptionsOf(options));
  checkMonteCarloSize(options.runs, ids.length * horizon.length, Object.keys(resolved.uncertainty).length, { file: resolved.file, path: 'montecarlo.runs' });
  const runner = options.runner ?? createSingleThreadRunner(options.context, cache);
  const job: MonteCarloJob = { parameters: resolved.parameters, uncertainty: resolved.uncertainty, seed: options.seed, runs: options.runs, options: simOptionsOf(options) };
  const mc = await runner.runMonteCarlo(job, options.onProgress);
  const { years, outputIds, matrix } = mc;
  const summaries = mc.summaries ?? matrix.summarise();
  const rows: ResultRow[] = [];
  outputIds.forEach((output, o) => {
    years.forEach((year, y) => {
      const s = summaries[o * years.length + y];
      if (!s) return;
      for (const statistic of MonteCarloStatistics) rows.push({ scenario: resolved.id, output, year, statistic, value: s[statistic] });
    });
  });

  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const lastYear = years[years.length - 1] ?? -Infinity;
  const median = (s: CellSummary | null | undefined): number => s?.p50 ?? NaN;
  const lookup = lookupFactory(outputIds, years);
  const medianAt = lookup((cell) => median(summaries[cell]));
  const leverIndex = new Map(mc.levers.map((id, k) => [id, k]));
  const fixedLever = (param: string): number => leverValue(param, resolved.parameters, records, lastYear);
  const leverInRun = (run: number): LeverAt => (param) => {
    const k = leverIndex.get(param);
    return k === undefined ? fixedLever(param) : (mc.draws[run * mc.levers.length + k] ?? NaN);
  };
  const medianLever: LeverAt = (param) => {
    const k = leverIndex.get(param);
    if (k === undefined) return fixedLever(param);
    const values = Float64Array.from({ length: options.runs }, (_, r) => mc.draws[r * mc.levers.length + k] ?? NaN).sort();
    return values[Math.floor((values.length - 1) / 2)] ?? NaN; // a year: the lower median, never interpolated
  };

  const attainment = targetsFor(resolved, options.context, lastYear).map(({ target, origin }): AttainmentRow => {
    const j = judgeTarget(target, medianAt, medianLever, years, options.thresholds ?? DEFAULT_THRESHOLDS);
    let held = 0;
    let run = 0;
    const runValueAt = lookup((cell) => matrix.data[cell * options.runs + run] ?? NaN);
    for (run = 0; run < options.runs; run++) {
      if (targetHolds(target, runValueAt, leverInRun(run), years[0] ?? target.year)) held++;
    }
    return attainmentRow(resolved.id, target, origin, j, held / options.runs);
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

/**
 * (indicator, year) → value through the engine's output-major cell index; the index is built once
 * and bound to a cell reader per trajectory (the deterministic run, the medians, each MC run).
 */
function lookupFactory(outputIds: readonly string[], years: readonly number[]): (cellValue: (cell: number) => number) => ValueAt {
  const outputIndex = new Map(outputIds.map((id, o) => [id, o]));
  const first = years[0] ?? 0;
  return (cellValue) => (indicator, year) => {
    const o = outputIndex.get(indicator);
    const y = year - first;
    if (o === undefined || !Number.isInteger(y) || y < 0 || y >= years.length) return NaN;
    return cellValue(o * years.length + y);
  };
}
