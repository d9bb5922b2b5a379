/**
 * The analysis toolkit on a scenario and the compiled model: levers in, chosen outputs (an
 * indicator or model series in a year) out. Written against the runner's public operations only —
 * `runPoints` for batches (single thread or worker pool, identical results) and a prepared run on
 * the calling thread for sequential searches — so it works for any model a RunnerContext holds.
 *
 * A point sets the analysed levers to constants over the whole run; every other lever keeps the
 * scenario's value (schedules included). The scenario's `uncertainty` is not drawn by the
 * sensitivity methods (they vary levers over their ranges); the probabilistic goal seek draws it.
 */
import { InputError, type InputProblem } from '../errors.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import { CompiledModelCache, type RunnerContext } from '../runner/context.js';
import { createRunnerContext } from '../runner/hangzhou.js';
import type { ModelRunner } from '../runner/montecarlo.js';
import { cellOf, pointsPlan, pointsSpec, runPointBlock, type PointsJob } from '../runner/points.js';
import { leverValue, simOptionsOf } from '../runner/run.js';
import { createSingleThreadRunner } from '../runner/single-thread.js';
import type { DistributionSpec, ResolvedScenario } from '../scenario/types.js';
import { DEFAULT_UNTIL } from '../scenario/context.js';
import type { IntegrationMethod, SimOptions } from '../engine/types.js';
import { didYouMean } from '../util/suggest.js';
import type { GoalComparator, GoalProblem } from './goal-seek.js';
import { changedValue, type GoalMode, type LeverChange, scaleRange } from './lever-values.js';
import type { BatchModel, Input, OutputRef, ProgressListener } from './types.js';

/** Where the model comes from and how it is run; every field optional. */
export interface ModelRunOptions {
  /** The model, its levers and compiler (default: the Hangzhou model). */
  readonly context?: RunnerContext;
  readonly cache?: CompiledModelCache;
  /** Runs batches (e.g. a worker pool); default: a single-thread runner. */
  readonly runner?: ModelRunner;
  /** Last simulated year; default the later of 2015 and the last output year. */
  readonly until?: number;
  readonly dt?: number;
  readonly method?: IntegrationMethod;
}

export interface ScenarioModelOptions extends ModelRunOptions {
  /** Levers to vary (default: every lever the model reads). */
  readonly levers?: readonly string[];
  /** The outputs read: `{ id, year }` (an Observation is one). */
  readonly outputs: readonly OutputRef[];
  /** Narrower ranges than the levers' own, by lever id. */
  readonly ranges?: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
}

export interface ScenarioModel extends BatchModel {
  readonly scenario: ResolvedScenario;
  readonly outputs: readonly (OutputRef & { readonly year: number })[];
  /** One point on the calling thread. */
  evaluateOne(x: Float64Array): Float64Array;
}

/** Names used in messages about a selection: the CLI passes its flags, the library its option names. */
export interface SelectionNames {
  readonly file: string;
  readonly levers: string;
  readonly output: (i: number) => string;
  readonly year: (i: number) => string;
}

const optionNames: SelectionNames = {
  file: '<analysis>',
  levers: 'levers',
  output: (i) => `outputs[${i}].id`,
  year: (i) => `outputs[${i}].year`,
};

/** Unknown levers, outputs the model does not report, years outside the run: every problem at once. */
export function selectionProblems(
  context: RunnerContext,
  outputIds: readonly string[],
  years: readonly number[],
  selection: { readonly levers?: readonly string[]; readonly outputs: readonly OutputRef[] },
  names: SelectionNames = optionNames,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const leverIds = context.params.map((p) => p.id);
  const known = new Set(leverIds);
  for (const id of selection.levers ?? []) {
    if (!known.has(id)) problems.push({ file: names.file, path: names.levers, message: `unknown lever '${id}'${didYouMean(id, leverIds)} — expected lever ids as \`hzsim params\` lists them` });
  }
  if (selection.levers !== undefined && selection.levers.length === 0) problems.push({ file: names.file, path: names.levers, message: 'no levers selected — expected at least one lever id' });
  const outputSet = new Set(outputIds);
  selection.outputs.forEach((o, i) => {
    if (!outputSet.has(o.id)) problems.push({ file: names.file, path: names.output(i), message: `'${o.id}' is not an output of the model${didYouMean(o.id, outputIds)} — expected an indicator or model series id` });
    const first = years[0] ?? NaN;
    if (o.year === undefined || !Number.isInteger(o.year) || o.year < first) {
      problems.push({ file: names.file, path: names.year(i), message: `got ${o.year ?? 'no year'} — expected a whole year from the base year ${first} on` });
    }
  });
  return problems;
}

interface Compiled {
  readonly context: RunnerContext;
  readonly cache: CompiledModelCache;
  readonly simOptions: SimOptions;
  readonly compiled: ReturnType<CompiledModelCache['get']>;
  readonly records: ReadonlyMap<string, ParamRecord>;
}

function compile(options: ModelRunOptions, years: readonly (number | undefined)[]): Compiled {
  const context = options.context ?? createRunnerContext();
  const cache = options.cache ?? new CompiledModelCache(context);
  const last = Math.max(DEFAULT_UNTIL, ...years.filter((y): y is number => y !== undefined && Number.isFinite(y)));
  const simOptions = simOptionsOf({ until: options.until ?? last, ...(options.dt === undefined ? {} : { dt: options.dt }), ...(options.method === undefined ? {} : { method: options.method }) });
  return { context, cache, simOptions, compiled: cache.get(simOptions), records: new Map(context.params.map((p) => [p.id, p])) };
}

/**
 * A scenario as a batch model: `levers` in, `outputs` out.
 *
 * @example
 *   import { loadScenario, oat, scenarioModel } from 'hangzhou-reform-sim';
 *   const plan = loadScenario('scenarios/plan.yaml');
 *   const model = scenarioModel(plan, { levers: ['approval_reduction_rate'], outputs: [{ id: 'administration.approval-items', year: 2015 }] });
 *   const r = await oat(model);
 *   console.log(r.outputs[0].swings[0].input); // approval_reduction_rate
 */
export function scenarioModel(scenario: ResolvedScenario, options: ScenarioModelOptions): ScenarioModel {
  const { context, cache, simOptions, compiled, records } = compile(options, options.outputs.map((o) => o.year));
  const problems = selectionProblems(context, compiled.outputIds, compiled.years, options);
  if (problems.length > 0) throw new InputError(problems);
  const levers = options.levers ?? compiled.paramIds;
  const outputs = options.outputs.map((o) => ({ id: o.id, year: o.year as number }));
  const referenceYear = outputs[0]?.year ?? compiled.years[compiled.years.length - 1] ?? DEFAULT_UNTIL;
  const inputs: Input[] = levers.map((id) => {
    const record = records.get(id) as ParamRecord;
    const range = options.ranges?.[id] ?? record.range;
    return {
      id,
      min: range.min,
      max: range.max,
      ...(record.integer ? { integer: true } : {}),
      label: record.name,
      reference: leverValue(id, scenario.parameters, records, referenceYear),
    };
  });
  const runner = options.runner ?? createSingleThreadRunner(context, cache);
  const job = (points: Float64Array, count: number): PointsJob => ({ parameters: scenario.parameters, levers, points, count, outputs, options: simOptions });
  let local: ReturnType<typeof pointsPlan> | null = null;
  return {
    scenario,
    inputs,
    outputs,
    // NaN: every lever keeps the scenario's own value, schedules included.
    reference: new Float64Array(levers.length).fill(NaN),
    async evaluate(points: Float64Array, count: number, onProgress?: ProgressListener): Promise<Float64Array> {
      return (await runner.runPoints(job(points, count), onProgress)).values;
    },
    evaluateOne(x: Float64Array): Float64Array {
      local ??= pointsPlan(pointsSpec(job(x, 1), context.params, compiled), compiled.prepare(scenario.parameters));
      const values = new Float64Array(outputs.length);
      runPointBlock(local, x, 0, 1, values);
      return values;
    },
  };
}

export interface LeverGoalOptions extends ModelRunOptions {
  readonly lever: string;
  /** The output and year the target is on. */
  readonly output: OutputRef & { readonly year: number };
  /** 'set' (default): the lever at x; 'scale': the scenario's value × x. */
  readonly mode?: GoalMode;
  /** First calendar year the change applies to (default: every year). */
  readonly from?: number;
  /** Which side of the target meets it (default '>='). */
  readonly comparator?: GoalComparator;
  /** Probabilistic goal seek: Monte Carlo runs of the scenario's uncertainty at every candidate value. */
  readonly runs?: number;
  readonly seed?: number;
  /** Search range (default: the lever's range, or the scale factors that keep it in range). */
  readonly min?: number;
  readonly max?: number;
}

/** A goal-seek problem on a scenario, and what the found value means as scenario content. */
export interface LeverGoal extends GoalProblem {
  readonly scenario: ResolvedScenario;
  readonly lever: ParamRecord;
  readonly change: LeverChange;
  readonly output: OutputRef & { readonly year: number };
  readonly runs: number | null;
  readonly seed: number | null;
  /** The lever's value (constant or schedule) for candidate x, as the scenario loader resolves it. */
  valueFor(x: number): ParamValue;
  /** The scenario's uncertainty for candidate x: a drawn lever is pinned to its new value. */
  uncertaintyFor(x: number): Readonly<Record<string, DistributionSpec>>;
  /** What a scenario extending this one writes: `parameters` (as loaded by merge) and `uncertainty`. */
  overridesFor(x: number): { parameters: Record<string, ParamValue>; uncertainty: Record<string, DistributionSpec> };
}

/**
 * The goal-seek problem "which value of `lever` brings `output` to a target": evaluate(x) runs the
 * scenario with the lever changed (deterministic), or returns every Monte Carlo run's output with
 * the same draws at every x (probabilistic, when `runs` is given).
 *
 * @example
 *   import { goalSeek, leverGoal, loadScenario } from 'hangzhou-reform-sim';
 *   const plan = loadScenario('scenarios/plan.yaml');
 *   const goal = leverGoal(plan, { lever: 'approval_reduction_rate', output: { id: 'administration.approval-items', year: 2015 } });
 *   const r = await goalSeek(goal, { target: 80 });
 *   console.log(r.value.toFixed(6)); // 0.044546
 */
export function leverGoal(scenario: ResolvedScenario, options: LeverGoalOptions): LeverGoal {
  const { context, cache, simOptions, compiled, records } = compile(options, [options.output.year]);
  const problems = selectionProblems(context, compiled.outputIds, compiled.years, { levers: [options.lever], outputs: [options.output] });
  if (problems.length > 0) throw new InputError(problems);
  const lever = records.get(options.lever) as ParamRecord;
  const change: LeverChange = { mode: options.mode ?? 'set', ...(options.from === undefined ? {} : { from: options.from }) };
  const interpolation = lever.interpolation ?? 'step';
  const start = compiled.years[0] ?? 0;
  const base = scenario.parameters[lever.id] ?? lever.default;
  const drawn = scenario.uncertainty[lever.id] !== undefined;
  const runs = options.runs ?? null;
  if (drawn && change.from !== undefined && change.from > start) {
    throw new InputError([{ file: '<analysis>', path: 'from', message: `lever ${lever.id} is drawn from a distribution in ${scenario.id}, so it cannot change in a given year — leave out the start year` }]);
  }
  let range = { min: lever.range.min, max: lever.range.max };
  if (change.mode === 'scale') {
    const scales = scaleRange(base, lever.range, change.from, interpolation, compiled.years.slice(1));
    if (!scales) throw new InputError([{ file: '<analysis>', path: 'mode', message: `lever ${lever.id} is 0 in ${scenario.id} in the years it would change, so scaling it changes nothing — use mode 'set'` }]);
    range = scales;
  }
  range = { min: options.min ?? range.min, max: options.max ?? range.max };

  const valueFor = (x: number): ParamValue => changedValue(base, x, change, interpolation, start);
  const pinned = (x: number): number => {
    const v = valueFor(x);
    return typeof v === 'number' ? v : NaN;
  };
  const uncertaintyFor = (x: number): Record<string, DistributionSpec> =>
    drawn ? { ...scenario.uncertainty, [lever.id]: { dist: 'discrete', values: [pinned(x)] } } : { ...scenario.uncertainty };
  const cell = cellOf(compiled, options.output.id, options.output.year);
  const runner = options.runner ?? (runs === null ? null : createSingleThreadRunner(context, cache));
  const seed = options.seed ?? scenario.montecarlo?.seed ?? 2011;

  const evaluate = async (x: number): Promise<number | Float64Array> => {
    const parameters = { ...scenario.parameters, [lever.id]: valueFor(x) };
    if (runs === null || runner === null) return compiled.run(parameters)[cell] ?? NaN;
    const job: PointsJob = {
      parameters,
      levers: [],
      points: new Float64Array(0),
      count: runs,
      outputs: [options.output],
      options: simOptions,
      draws: { uncertainty: uncertaintyFor(x), seed },
    };
    return (await runner.runPoints(job)).values;
  };
  return {
    scenario,
    lever,
    change,
    output: options.output,
    runs,
    seed: runs === null ? null : seed,
    min: range.min,
    max: range.max,
    ...(options.comparator ? { comparator: options.comparator } : {}),
    evaluate,
    valueFor,
    uncertaintyFor,
    overridesFor(x) {
      const value = change.mode === 'set' && change.from !== undefined && change.from > start ? { [change.from]: x } : valueFor(x);
      return { parameters: { [lever.id]: value }, uncertainty: drawn ? { [lever.id]: { dist: 'discrete', values: [pinned(x)] } } : {} };
    },
  };
}
