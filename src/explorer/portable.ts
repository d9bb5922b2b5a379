/**
 * The compiled model in a page. Node compiles the model and hands over plain data: the engine's
 * generated source and sizes (`compiled.portable`) and, for each column of the engine's lever
 * table, the calendar year whose lever values it holds. The page runs that source through the
 * engine's mathjs-free runtime (`instantiate`, `createPreparedRun`) and fills lever tables with
 * the engine's own reading of a lever value for a year — so it runs the very code `hzsim run`
 * runs, and the runner (deterministic runs, Monte Carlo, attainment) works on it unchanged.
 *
 * Nothing here touches Node: this module is bundled into the explorer page.
 */
import { toSchedule, valueForYear, type Interpolation } from '../engine/inputs.js';
import { outputLayout } from '../engine/outputs.js';
import { createPreparedRun, instantiate, type PortableModel } from '../engine/runtime.js';
import type { CompiledModel, PreparedRun, SimOptions, Trace } from '../engine/types.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import type { OutputInfo, RunnerContext } from '../runner/context.js';
import type { Target } from '../catalog/types.js';

/** One compiled horizon as plain, JSON-safe data. */
export interface PortableHorizon {
  readonly options: Required<SimOptions>;
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  readonly paramIds: readonly string[];
  readonly portable: PortableModel;
  /** For each column of the lever table, the calendar year whose lever values it holds. */
  readonly columnYears: readonly number[];
}

/**
 * The plain-data form of a compiled model (Node side). The column years are read back from the
 * engine itself: a lever table for a schedule whose value in year Y is Y holds, in each column,
 * the year that column reads — the engine's time convention, not a copy of it.
 */
export function portableHorizon(compiled: CompiledModel): PortableHorizon {
  const { start, until } = compiled.options;
  const probe = compiled.paramIds[0];
  if (probe === undefined) throw new Error('explorer: the model reads no lever');
  const identity: Record<number, number> = {};
  for (let y = start; y <= until; y++) identity[y] = y;
  const columns = compiled.portable.columns;
  const columnYears = Array.from(compiled.leverTable({ [probe]: identity }).subarray(0, columns));
  if (columnYears.some((y) => !Number.isInteger(y) || y < start || y > until)) {
    throw new Error(`explorer: the engine's lever table no longer holds one calendar year per column (got ${columnYears.slice(0, 5).join(', ')}, …)`);
  }
  return {
    options: compiled.options,
    years: compiled.years,
    outputIds: compiled.outputIds,
    paramIds: compiled.paramIds,
    portable: compiled.portable,
    columnYears,
  };
}

const traceUnavailable = (): never => {
  throw new Error('trace is not available in the explorer page: it needs the model definition, which the page does not carry');
};

/**
 * A CompiledModel over a portable horizon: `run`, `prepare` and `leverTable` behave as the
 * engine's (same generated code, same lever values per column). `trace` needs the model
 * definition and is not offered.
 */
export function portableModel(horizon: PortableHorizon, params: readonly ParamRecord[]): CompiledModel {
  const generated = instantiate(horizon.portable.source);
  const records = new Map(params.map((p) => [p.id, p]));
  const { paramIds, columnYears, portable } = horizon;
  const R = portable.columns;
  const rowIndex = new Map(paramIds.map((id, i) => [id, i]));
  const interpolation = paramIds.map((id): Interpolation => records.get(id)?.interpolation ?? 'step');
  const defaults = paramIds.map((id) => {
    const record = records.get(id);
    if (!record) throw new Error(`explorer: the model reads lever ${id}, which the page's lever table lacks`);
    return record.default;
  });

  const buildTable = (given?: Readonly<Record<string, ParamValue>>): Float64Array => {
    const values = defaults.slice();
    for (const [id, value] of Object.entries(given ?? {})) {
      if (!records.has(id)) throw new Error(`unknown lever "${id}"`);
      const row = rowIndex.get(id);
      if (row !== undefined) values[row] = value;
    }
    const T = new Float64Array(paramIds.length * R);
    values.forEach((value, p) => {
      const schedule = toSchedule(paramIds[p] as string, value);
      const how = interpolation[p] ?? 'step';
      let lastYear = Number.NaN;
      let lastValue = 0;
      for (let c = 0; c < R; c++) {
        const year = columnYears[c] as number;
        if (year !== lastYear) {
          lastYear = year;
          lastValue = valueForYear(schedule, year, how);
        }
        T[p * R + c] = lastValue;
      }
    });
    return T;
  };
  const defaultTable = buildTable();
  const tableFor = (given?: Readonly<Record<string, ParamValue>>): Float64Array =>
    given === undefined || Object.keys(given).length === 0 ? defaultTable : buildTable(given);

  const layout = outputLayout(horizon.outputIds, horizon.years);
  const run = (given?: Readonly<Record<string, ParamValue>>, out?: Float64Array): Float64Array => {
    const result = out ?? new Float64Array(portable.outLength);
    generated.run(tableFor(given), result);
    return result;
  };
  return {
    years: horizon.years,
    outputIds: horizon.outputIds,
    layout,
    paramIds,
    options: horizon.options,
    levers: paramIds.map((id) => records.get(id) as ParamRecord),
    portable,
    run,
    simulate: (given) => layout.view(run(given)),
    prepare(given): PreparedRun {
      return createPreparedRun(generated, tableFor(given), portable);
    },
    leverTable(given) {
      return Float64Array.from(tableFor(given));
    },
    trace: (): Trace => traceUnavailable(),
  };
}

/** What a page needs to run scenarios: the horizons it can run, the levers, targets and labels. */
export interface PortableRunnerInput {
  readonly horizons: readonly PortableHorizon[];
  readonly params: readonly ParamRecord[];
  readonly planTargets: readonly Target[];
  readonly outputs: Readonly<Record<string, OutputInfo>>;
}

/**
 * A RunnerContext whose compiler hands out the portable horizons: the runner's runScenario and
 * runMonteCarlo then run in the page exactly as they run in Node. Asking for a horizon the page
 * does not carry is an error.
 */
export function portableRunnerContext(input: PortableRunnerInput): RunnerContext {
  const models = new Map<string, CompiledModel>();
  const keyOf = (o: Required<SimOptions>): string => `${o.start}|${o.until}|${o.dt}|${o.method}`;
  const byKey = new Map(input.horizons.map((h) => [keyOf(h.options), h]));
  const fallback = input.horizons[0]?.options;
  if (!fallback) throw new Error('explorer: no compiled horizon');
  return {
    // The page never compiles: the generated source stands for the model definition.
    model: { subsystems: [], outputs: [] },
    params: input.params,
    compile: (_spec, _params, options) => {
      const full: Required<SimOptions> = {
        start: options.start ?? fallback.start,
        until: options.until ?? fallback.until,
        dt: options.dt ?? fallback.dt,
        method: options.method ?? fallback.method,
      };
      const key = keyOf(full);
      let model = models.get(key);
      if (!model) {
        const horizon = byKey.get(key);
        if (!horizon) throw new Error(`the page carries no compiled model for ${key.replace(/\|/g, ', ')}`);
        model = portableModel(horizon, input.params);
        models.set(key, model);
      }
      return model;
    },
    planTargets: input.planTargets,
    describeOutput: (id) => (Object.hasOwn(input.outputs, id) ? input.outputs[id] : undefined),
  };
}
