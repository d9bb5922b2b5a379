/**
 * Running scenarios: one deterministic run, or a seeded Monte Carlo, each judged against the
 * plan's targets and the scenario's own. The model is compiled once per horizon (cached in the
 * CompiledModelCache) and reused for every scenario and run.
 *
 * Given a `reference` scenario (the bundled `trend`), every target also gets its additionality:
 * the scenario's change of the target's indicator minus the reference's. Under Monte Carlo each
 * run is paired with a reference run that draws the same assumed values (common random numbers),
 * so the interval of the difference shows whether the scenario is distinguishable from trend.
 */
import type { Target } from '../catalog/types.js';
import { leverValueForYear } from '../engine/inputs.js';
import { outputLayout, type OutputLayout } from '../engine/outputs.js';
import type { CompiledModel, IntegrationMethod, SimOptions } from '../engine/types.js';
import { checkMonteCarloSize } from '../limits.js';
import type { ParamValue } from '../params/types.js';
import type { ResolvedScenario } from '../scenario/types.js';
import {
  type AttainmentSettings, type AttainmentThresholds, DEFAULT_THRESHOLDS, desiredSign, judgeTarget, type Judgement, type LeverAt, observedPacesFor, targetChange, type ValueAt,
} from './attainment.js';
import { CompiledModelCache, type RunnerContext, type RunnerLever } from './context.js';
import type { ModelRunner, MonteCarloJob, ProgressListener } from './montecarlo.js';
import { createSingleThreadRunner } from './single-thread.js';
import { quantileSorted, type CellSummary } from './stats.js';
import { type QuantileChoice, quantileMethod } from './streaming.js';
import { type AttainmentRow, MonteCarloStatistics, type ResultRow, type ScenarioResult, type VersusTrend } from './types.js';
import { drawnUncertainty, type UncertaintyMode } from './uncertainty.js';

export interface RunOptions {
  readonly context: RunnerContext<RunnerLever>;
  /** Last reporting year (default: the engine's, 2015). */
  readonly until?: number;
  readonly dt?: number;
  readonly method?: IntegrationMethod;
  readonly thresholds?: AttainmentThresholds;
  /** Share compiled models between calls (one compile per horizon). */
  readonly cache?: CompiledModelCache;
  /** The scenario additionality is measured against (the bundled `trend`); none: no additionality. */
  readonly reference?: ResolvedScenario;
}

export interface MonteCarloOptions extends RunOptions {
  readonly runs: number;
  readonly seed: number;
  /** `scenario` (default): the scenario's own distributions; `all`: also every assumed lever default. */
  readonly uncertainty?: UncertaintyMode;
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

/** A share (an output in %) is bounded by [0, 100]: reference paces are capped short of it. */
const SHARE_BOUNDS = Object.freeze({ min: 0, max: 100 });

/** How the runner judges `targets`: thresholds, share bounds, and the observed paces the output descriptions carry. */
function settingsOf(options: RunOptions, targets: readonly Target[]): AttainmentSettings {
  const describe = options.context.describeOutput;
  const growth = targets.flatMap((t) => {
    if (t.kind !== 'direction') return [];
    const observed = describe(t.indicator)?.observedGrowth;
    return observed ? [{ indicator: t.indicator, ...observed }] : [];
  });
  return {
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    boundsOf: (indicator) => (describe(indicator)?.unit === '%' ? SHARE_BOUNDS : undefined),
    observedPaces: observedPacesFor(targets, growth),
  };
}

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
  const reference = options.reference && options.reference.id !== resolved.id ? options.reference : null;
  const referenceOut = reference ? compiled.simulate(reference.parameters) : null;
  const referenceAt = referenceOut ? valueAtCells(compiled.layout, (cell) => referenceOut.values[cell] ?? NaN) : null;
  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const leverAt: LeverAt = (param) => leverValue(param, resolved.parameters, records, years[years.length - 1] ?? 2015);
  const startYear = years[0] ?? 2010;
  const judged = targetsFor(resolved, options.context, years[years.length - 1] ?? -Infinity);
  const settings = settingsOf(options, judged.map(({ target }) => target));
  const attainment = judged.map(({ target, origin }): AttainmentRow => {
    const j = judgeTarget(target, valueAt, leverAt, years, settings);
    const own = targetChange(target, valueAt, startYear);
    const ref = referenceAt ? targetChange(target, referenceAt, startYear) : null;
    const additionality = own === null || ref === null ? null : unsignedZero(own - ref);
    return attainmentRow(resolved.id, target, origin, j, {
      probability: null,
      probabilityOnTrack: null,
      additionality,
      additionalityLow: null,
      additionalityHigh: null,
      versusTrend: options.reference?.id === resolved.id && target.kind !== 'milestone' ? 'reference' : verdict(target, additionality, null),
    });
  });
  return { scenario: { id: resolved.id, title: resolved.title }, mode: 'deterministic', runs: 1, seed: null, years, rows, attainment };
}

/**
 * Runs a seeded Monte Carlo of one scenario over its `uncertainty` (and, with `uncertainty: 'all'`,
 * every assumed lever). Each target's P(met) and P(on track) are counted run by run as the runs
 * stream past (no run is kept for them), so memory stays bounded however many runs there are (see
 * streaming.ts for how quantiles are kept). The additionality interval needs every run's values:
 * it is reported when quantiles are exact (the default up to 2^25 values), else left out.
 */
export async function runMonteCarlo(resolved: ResolvedScenario, options: MonteCarloOptions): Promise<ScenarioResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`runs must be a positive integer, got ${options.runs}`);
  const cache = options.cache ?? new CompiledModelCache(options.context);
  const { outputIds: ids, years: horizon } = cache.get(simOptionsOf(options));
  const cells = ids.length * horizon.length;
  const exact = quantileMethod(options.quantiles, options.runs, cells) === 'exact';
  const mode = options.uncertainty ?? 'scenario';
  const uncertainty = drawnUncertainty(resolved, options.context.params, mode);
  checkMonteCarloSize(options.runs, cells, Object.keys(uncertainty).length, { file: resolved.file, path: 'montecarlo.runs' }, exact);
  const runner = options.runner ?? createSingleThreadRunner(options.context, cache);
  const simOptions = simOptionsOf(options);
  const compiled = cache.get(simOptions);
  const { years } = compiled;
  const records = new Map(options.context.params.map((p) => [p.id, p]));
  const lastYear = years[years.length - 1] ?? -Infinity;
  const startYear = years[0] ?? 2010;
  const judged = targetsFor(resolved, options.context, lastYear);
  const fixedLever = (param: string): number => leverValue(param, resolved.parameters, records, lastYear);
  const fixedLevers = Object.fromEntries(
    judged.flatMap(({ target }) => (target.kind === 'milestone' && uncertainty[target.completionParam] === undefined ? [[target.completionParam, fixedLever(target.completionParam)]] : [])),
  );
  const settings = settingsOf(options, judged.map(({ target }) => target));
  const bounds = Object.fromEntries(
    judged.flatMap(({ target }) => {
      const b = target.kind === 'milestone' ? undefined : settings.boundsOf?.(target.indicator);
      return b && target.kind !== 'milestone' ? [[target.indicator, { min: b.min, max: b.max }]] : [];
    }),
  );
  const job: MonteCarloJob = {
    parameters: resolved.parameters,
    uncertainty,
    seed: options.seed,
    runs: options.runs,
    options: simOptions,
    judge: {
      targets: judged.map(({ target }) => target),
      fixedLevers,
      settings: { thresholds: settings.thresholds ?? DEFAULT_THRESHOLDS, bounds, observedPaces: settings.observedPaces ?? {} },
    },
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
  const reference = options.reference && options.reference.id !== resolved.id ? options.reference : null;
  const { matrix, draws } = mc;
  const paired = reference && matrix && draws ? pairedReferenceRuns(reference, resolved, { levers: mc.levers, draws }, compiled, options.runs) : null;
  const n = judged.length;
  const attainment = judged.map(({ target, origin }, i): AttainmentRow => {
    const j = judgeTarget(target, medianAt, medianLever, years, settings);
    const differences: number[] = [];
    if (paired && matrix) {
      let run = 0;
      const runValueAt = valueAtCells(layout, (cell) => matrix.data[cell * options.runs + run] ?? NaN);
      for (run = 0; run < options.runs; run++) {
        const own = targetChange(target, runValueAt, startYear);
        const ref = targetChange(target, paired(run), startYear);
        if (own !== null && ref !== null) differences.push(own - ref);
      }
    }
    const sorted = Float64Array.from(differences).sort();
    const band = sorted.length > 0 ? { low: quantileSorted(sorted, 0.05), mid: quantileSorted(sorted, 0.5), high: quantileSorted(sorted, 0.95) } : null;
    return attainmentRow(resolved.id, target, origin, j, {
      probability: (mc.targetHits[i] ?? 0) / options.runs,
      probabilityOnTrack: (mc.targetHits[n + i] ?? 0) / options.runs,
      additionality: band ? unsignedZero(band.mid) : null,
      additionalityLow: band ? unsignedZero(band.low) : null,
      additionalityHigh: band ? unsignedZero(band.high) : null,
      versusTrend: options.reference?.id === resolved.id && target.kind !== 'milestone' ? 'reference' : verdict(target, band?.mid ?? null, band),
    });
  });
  return {
    scenario: { id: resolved.id, title: resolved.title },
    mode: 'montecarlo',
    runs: options.runs,
    seed: options.seed,
    years,
    rows,
    attainment,
    uncertainty: { mode, levers: [...mc.levers] },
  };
}

/**
 * The reference scenario run once per Monte Carlo run of `scenario`, with the same drawn values
 * for every lever the reference leaves to the same default (assumptions drawn under
 * `--uncertainty all`, scaled like the scenario scales them); the scenario's own delivery levers
 * take the reference's values. Returns each run's (indicator, year) → value.
 */
function pairedReferenceRuns(
  reference: ResolvedScenario,
  scenario: ResolvedScenario,
  mc: { readonly levers: readonly string[]; readonly draws: Float64Array },
  compiled: CompiledModel,
  runs: number,
): (run: number) => ValueAt {
  const shared = mc.levers
    .map((id, k) => ({ id, k, factor: sharedFactor(id, scenario, reference) }))
    .filter((x): x is { id: string; k: number; factor: number } => x.factor !== null && compiled.paramIds.includes(x.id));
  const prepared = compiled.prepare(reference.parameters);
  const idx = Int32Array.from(shared, (x) => compiled.paramIds.indexOf(x.id));
  const values = new Float64Array(shared.length);
  const cells = compiled.layout.size;
  const outputs = new Float64Array(runs * cells);
  for (let r = 0; r < runs; r++) {
    shared.forEach((x, j) => (values[j] = (mc.draws[r * mc.levers.length + x.k] ?? NaN) * x.factor));
    prepared.runWith(idx, values, outputs.subarray(r * cells, (r + 1) * cells));
  }
  return (run) => valueAtCells(compiled.layout, (cell) => outputs[run * cells + cell] ?? NaN);
}

/**
 * Factor turning a scenario's drawn value of a lever into the reference's value of the same
 * assumption, or null when the lever is the scenario's own (a delivery distribution, or set by
 * either scenario to a value of its own).
 */
function sharedFactor(id: string, scenario: ResolvedScenario, reference: ResolvedScenario): number | null {
  if (scenario.uncertainty[id] !== undefined || reference.uncertainty[id] !== undefined) return null;
  const fromDefault = (s: ResolvedScenario): number | null => (s.parameters[id] === undefined ? 1 : (s.relativeToDefault?.[id] ?? null));
  const own = fromDefault(scenario);
  const ref = fromDefault(reference);
  return own === null || ref === null || own === 0 ? null : ref / own;
}

/** −0 reads as a sign in CSV/JSON output; report 0. */
const unsignedZero = (x: number): number => (x === 0 ? 0 : x);

/** Better / worse / indistinguishable than trend, in the target's desired direction. */
function verdict(target: Target, additionality: number | null, band: { low: number; high: number } | null): VersusTrend | null {
  const sign = desiredSign(target);
  if (sign === null || additionality === null) return null;
  if (band && band.low <= 0 && band.high >= 0) return 'indistinguishable';
  const better = sign * additionality;
  if (Math.abs(additionality) <= 1e-9 * Math.max(1, Math.abs(additionality))) return 'indistinguishable';
  return better > 0 ? 'better' : 'worse';
}

interface RowExtras {
  readonly probability: number | null;
  readonly probabilityOnTrack: number | null;
  readonly additionality: number | null;
  readonly additionalityLow: number | null;
  readonly additionalityHigh: number | null;
  readonly versusTrend: VersusTrend | null;
}

function attainmentRow(scenario: string, target: Target, origin: 'plan' | 'scenario', j: Judgement, extras: RowExtras): AttainmentRow {
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
    probability: extras.probability,
    met: j.met,
    probabilityOnTrack: extras.probabilityOnTrack,
    basis: j.basis,
    referencePace: j.referencePace,
    additionality: extras.additionality,
    additionalityLow: extras.additionalityLow,
    additionalityHigh: extras.additionalityHigh,
    versusTrend: extras.versusTrend,
  };
}

/** (indicator, year) → value through the layout's cell index: NaN for an output or year not reported. */
function valueAtCells(layout: OutputLayout, cellValue: (cell: number) => number): ValueAt {
  return (indicator, year) => {
    const cell = layout.cell(indicator, year);
    return cell < 0 ? NaN : cellValue(cell);
  };
}
