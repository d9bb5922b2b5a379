/**
 * compileModel: checks a ModelSpec (ids, wiring, order, units) against its levers and generates the
 * JavaScript that runs it over typed arrays (generate.ts).
 *
 * Levers are resolved before a run into a table T of P rows (levers, in paramIds order) by NY
 * columns (calendar years start … until); the generated code writes a year's column into the input
 * slots once, at the start of that year's steps.
 */
import { ModelError } from '../errors.js';
import { generateRun, generateTrace, slotsOf, type GenerationPlan } from './generate.js';
import { toSchedule, valueForYear } from './inputs.js';
import { messages } from './messages.js';
import { flattenModel } from './model.js';
import { orderModel } from './order.js';
import { outputLayout } from './outputs.js';
import { nearest } from './parse.js';
import { createPreparedRun, instantiate, type Generated, type PortableModel } from './runtime.js';
import { checkUnits } from './units.js';
import type { CompiledModel, IntegrationMethod, LeverDef, LeverValues, ModelSpec, PreparedRun, SimOptions, Trace } from './types.js';

export const DEFAULT_OPTIONS: Required<SimOptions> = { start: 2010, until: 2015, dt: 1 / 12, method: 'euler' };

export type ResolvedOptions = Required<SimOptions> & { readonly stepsPerYear: number };

/** Validates options; dt is normalised to exactly 1 / (steps per year). */
export function resolveOptions(options?: SimOptions): ResolvedOptions {
  const start = options?.start ?? DEFAULT_OPTIONS.start;
  const until = options?.until ?? DEFAULT_OPTIONS.until;
  const dt = options?.dt ?? DEFAULT_OPTIONS.dt;
  const method: IntegrationMethod = options?.method ?? DEFAULT_OPTIONS.method;
  if (!Number.isInteger(start)) throw new RangeError(messages.badStart(start));
  if (!Number.isInteger(until) || until < start) throw new RangeError(messages.badUntil(until, start));
  const perYear = Math.round(1 / dt);
  if (!(dt > 0) || !Number.isFinite(dt) || perYear < 1 || Math.abs(perYear * dt - 1) > 1e-9) {
    throw new RangeError(messages.badDt(dt));
  }
  if (method !== 'euler' && method !== 'rk4') throw new RangeError(messages.badMethod(String(method)));
  return { start, until, dt: 1 / perYear, method, stepsPerYear: perYear };
}

/** Parses, orders and checks `spec`; the plan generate.ts works from. */
function plan(spec: ModelSpec, levers: ReadonlyMap<string, LeverDef> | null, options?: SimOptions): GenerationPlan {
  const opts = resolveOptions(options);
  const model = flattenModel(spec);
  const order = orderModel(model);
  if (levers) checkUnits(model, levers);
  // Levers the model reads, in declaration order of the inputs that read them.
  const paramIds: string[] = [];
  const seen = new Set<string>();
  for (const v of model.vars) {
    if (v.def.kind !== 'input' || seen.has(v.def.param)) continue;
    if (levers && !levers.has(v.def.param)) {
      throw new ModelError(messages.unknownInputParam(v.def.id, v.def.param, nearest(v.def.param, levers.keys())));
    }
    seen.add(v.def.param);
    paramIds.push(v.def.param);
  }
  const outputIds = new Set<string>();
  for (const o of spec.outputs) {
    if (outputIds.has(o.id)) throw new ModelError(messages.duplicateOutput(o.id));
    if (!model.byId.has(o.variable)) {
      throw new ModelError(messages.unknownOutputVariable(o.id, o.variable, nearest(o.variable, model.byId.keys())));
    }
    outputIds.add(o.id);
  }
  return { model, order, spec, options: opts, paramIds, name: spec.name ?? 'model' };
}

export function compileModel(spec: ModelSpec, levers: readonly LeverDef[], options?: SimOptions): CompiledModel {
  const records = new Map(levers.map((p) => [p.id, p]));
  const p = plan(spec, records, options);
  const { start, until, dt, method } = p.options;
  const { paramIds } = p;
  const source = generateRun(p);
  const generated = instantiate(source);

  const years = Array.from({ length: until - start + 1 }, (_, i) => start + i);
  const NY = years.length;
  const outputIds = spec.outputs.map((o) => o.id);
  const layout = outputLayout(outputIds, years);
  const used = paramIds.map((id) => records.get(id) as LeverDef);
  const rowIndex = new Map(paramIds.map((id, i) => [id, i]));

  /** Row `p` of a lever table: the lever's value in each year. */
  const fillRow = (T: Float64Array, row: number, value: LeverDef['default']): void => {
    const lever = used[row] as LeverDef;
    const schedule = toSchedule(lever.id, value);
    for (let y = 0; y < NY; y++) T[row * NY + y] = valueForYear(schedule, start + y, lever.interpolation ?? 'step');
  };
  const defaultTable = new Float64Array(paramIds.length * NY);
  used.forEach((lever, row) => fillRow(defaultTable, row, lever.default));

  /** The table for `given`: the defaults, with only the rows of the given levers recomputed. */
  const tableFor = (given?: LeverValues): Float64Array => {
    if (given === undefined) return defaultTable;
    let T: Float64Array | null = null;
    for (const id in given) {
      if (!Object.hasOwn(given, id)) continue;
      if (!records.has(id)) throw new ModelError(messages.unknownRunParam(id, nearest(id, records.keys())));
      const row = rowIndex.get(id);
      if (row === undefined) continue;
      T ??= defaultTable.slice();
      fillRow(T, row, given[id] as LeverDef['default']);
    }
    return T ?? defaultTable;
  };
  const checkOut = (out: Float64Array | undefined): Float64Array => {
    if (out === undefined) return new Float64Array(layout.size);
    if (out.length < layout.size) throw new RangeError(messages.outTooShort(out.length, layout.size));
    return out;
  };

  const portable: PortableModel = { source, levers: paramIds.length, columns: NY, outLength: layout.size };
  let tracer: Generated | null = null;
  const run = (given?: LeverValues, out?: Float64Array): Float64Array => {
    const result = checkOut(out);
    generated.run(tableFor(given), result);
    return result;
  };
  return {
    years,
    outputIds,
    layout,
    paramIds,
    options: { start, until, dt, method },
    spec,
    levers: used,
    run,
    simulate: (given) => layout.view(run(given)),
    prepare: (given): PreparedRun => createPreparedRun(generated, tableFor(given), portable),
    portable,
    leverTable: (given) => tableFor(given).slice(),
    trace(given?: LeverValues): Trace {
      tracer ??= instantiate(generateTrace(p));
      const traceRun = tracer.trace;
      if (!traceRun) throw new Error('engine: the trace module has no trace function');
      const N = (NY - 1) * p.options.stepsPerYear;
      const times = new Float64Array(N + 1);
      for (let k = 0; k <= N; k++) times[k] = start + k * dt;
      const ids = p.model.vars.map((v) => v.def.id);
      const slotOf = slotsOf(p.model, p.order);
      const slots = ids.map((id) => slotOf.get(id) as number);
      const columns = ids.map(() => new Float64Array(N + 1));
      const v = (tracer as Generated).v;
      traceRun(tableFor(given), (k) => {
        for (let i = 0; i < slots.length; i++) (columns[i] as Float64Array)[k] = v[slots[i] as number] as number;
      });
      return { times, values: Object.fromEntries(ids.map((id, i) => [id, columns[i] as Float64Array])) };
    },
  };
}

/**
 * The generated source of a model, for reading, debugging and the golden tests (the same
 * structural checks as compileModel; units and levers are not checked). `kind` 'trace' gives the
 * variant behind CompiledModel.trace; `functionBudget` overrides the size at which code is split.
 */
export function generatedSourceOf(
  spec: ModelSpec,
  options?: SimOptions,
  { kind = 'run', functionBudget }: { kind?: 'run' | 'trace'; functionBudget?: number } = {},
): string {
  const p = { ...plan(spec, null, options), ...(functionBudget === undefined ? {} : { functionBudget }) };
  return kind === 'run' ? generateRun(p) : generateTrace(p);
}
