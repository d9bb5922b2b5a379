/**
 * compileModel: checks a ModelSpec (ids, wiring, order, units) and generates one JavaScript
 * function that runs the whole simulation over typed arrays.
 *
 * Time convention (see /tmp/hz-ids.md, restated in README of the engine): t = start (2010.0) is
 * the end of the baseline year. The step starting at t simulates calendar year floor(t) + 1 and
 * reads the levers of that year; values saved at t = Y (integer) are reported as year Y, with
 * auxiliaries re-evaluated from the state at Y using the levers of year Y.
 *
 * Levers are resolved before the run into a table T of P rows (levers, in paramIds order) by
 * R = N + NY columns: columns 0…N−1 are the N steps, columns N…N+NY−1 the NY report years.
 */
import { ModelError } from '../errors.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import { HELPERS, toJs } from './codegen.js';
import { createPreparedRun, instantiate, type PortableModel } from './runtime.js';
import { toSchedule, valueForYear, type Interpolation } from './inputs.js';
import { messages } from './messages.js';
import { flattenModel, type FlatModel } from './model.js';
import { nearest } from './parse.js';
import { orderModel, type ModelOrder } from './order.js';
import { checkUnits } from './units.js';
import type {
  CompiledModel,
  IntegrationMethod,
  ModelSpec,
  PreparedRun,
  SimOptions,
  StockDef,
  Trace,
  VarId,
} from './types.js';

type Params = Readonly<Record<string, ParamValue>>;

/** What the generated source returns. */

export const DEFAULT_OPTIONS: Required<SimOptions> = { start: 2010, until: 2015, dt: 1 / 12, method: 'euler' };

/** Validates options; dt is normalised to exactly 1 / (steps per year). */
export function resolveOptions(options?: SimOptions): Required<SimOptions> & { stepsPerYear: number } {
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

interface Layout {
  /** Slot of each variable in `v`: stocks, inputs, then auxiliaries and flows in evaluation order. */
  readonly slot: ReadonlyMap<VarId, number>;
  readonly stocks: readonly StockDef[];
  /** For each input var: its slot and its lever's row. */
  readonly inputs: readonly { slot: number; row: number }[];
}

export function compileModel(
  spec: ModelSpec,
  params: readonly ParamRecord[],
  options?: SimOptions,
): CompiledModel {
  const opts = resolveOptions(options);
  const model = flattenModel(spec);
  const order = orderModel(model);
  const records = new Map(params.map((p) => [p.id, p]));
  checkUnits(model, records);

  // Levers the model reads, in declaration order of the inputs that read them.
  const paramIds: string[] = [];
  for (const v of model.vars) {
    if (v.def.kind !== 'input') continue;
    if (!records.has(v.def.param)) {
      throw new ModelError(messages.unknownInputParam(v.def.id, v.def.param, nearest(v.def.param, records.keys())));
    }
    if (!paramIds.includes(v.def.param)) paramIds.push(v.def.param);
  }

  const outputIds: string[] = [];
  for (const o of spec.outputs) {
    if (outputIds.includes(o.id)) throw new ModelError(messages.duplicateOutput(o.id));
    if (!model.byId.has(o.variable)) {
      throw new ModelError(messages.unknownOutputVariable(o.id, o.variable, nearest(o.variable, model.byId.keys())));
    }
    outputIds.push(o.id);
  }

  const years = Array.from({ length: opts.until - opts.start + 1 }, (_, i) => opts.start + i);
  const NY = years.length;
  const N = (NY - 1) * opts.stepsPerYear;
  const R = N + NY;
  const layout = makeLayout(model, order, paramIds);
  const source = generateSource(model, order, layout, spec, opts, N, NY, R);
  const generated = instantiate(source);

  const interpolation = paramIds.map((id): Interpolation => records.get(id)?.interpolation ?? 'step');
  const defaults = paramIds.map((id) => records.get(id)?.default as ParamValue);
  const rowIndex = new Map(paramIds.map((id, i) => [id, i]));
  const outLength = outputIds.length * NY;
  // Calendar year read by each column: steps of the first year simulate start + 1, etc.
  const columnYear = new Float64Array(R);
  for (let n = 0; n < N; n++) columnYear[n] = opts.start + Math.floor(n / opts.stepsPerYear) + 1;
  for (let y = 0; y < NY; y++) columnYear[N + y] = opts.start + y;

  const buildTable = (given?: Params): Float64Array => {
    const values = defaults.slice();
    for (const [id, value] of Object.entries(given ?? {})) {
      if (!records.has(id)) throw new ModelError(messages.unknownRunParam(id, nearest(id, records.keys())));
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
        const year = columnYear[c] as number;
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
  const checkOut = (out: Float64Array | undefined): Float64Array => {
    if (out === undefined) return new Float64Array(outLength);
    if (out.length < outLength) throw new RangeError(messages.outTooShort(out.length, outLength));
    return out;
  };
  const tableFor = (given?: Params): Float64Array =>
    given === undefined || Object.keys(given).length === 0 ? defaultTable : buildTable(given);

  const portable: PortableModel = { source, levers: paramIds.length, columns: R, outLength };
  const { stepsPerYear: _spy, ...publicOptions } = opts;
  return {
    years,
    outputIds,
    paramIds,
    options: publicOptions,
    run(given?: Params, out?: Float64Array): Float64Array {
      const T = tableFor(given);
      const result = checkOut(out);
      generated.run(T, result);
      return result;
    },
    prepare(given?: Params): PreparedRun {
      return createPreparedRun(generated, tableFor(given), portable);
    },
    portable,
    leverTable(given?: Params): Float64Array {
      return Float64Array.from(tableFor(given));
    },
    trace(given?: Params): Trace {
      const T = tableFor(given);
      const times = new Float64Array(N + 1);
      for (let k = 0; k <= N; k++) times[k] = opts.start + k * opts.dt;
      const ids = model.vars.map((v) => v.def.id);
      const slots = ids.map((id) => layout.slot.get(id) as number);
      const columns = ids.map(() => new Float64Array(N + 1));
      const v = generated.v;
      generated.trace(T, new Float64Array(outLength), (k) => {
        for (let i = 0; i < slots.length; i++) (columns[i] as Float64Array)[k] = v[slots[i] as number] as number;
      });
      return { times, values: Object.fromEntries(ids.map((id, i) => [id, columns[i] as Float64Array])) };
    },
  };
}

function makeLayout(model: FlatModel, order: ModelOrder, paramIds: readonly string[]): Layout {
  const slot = new Map<VarId, number>();
  const stocks: StockDef[] = [];
  const inputs: { slot: number; row: number }[] = [];
  for (const v of model.vars) {
    if (v.def.kind === 'stock') {
      slot.set(v.def.id, slot.size);
      stocks.push(v.def);
    }
  }
  for (const v of model.vars) {
    if (v.def.kind === 'input') {
      inputs.push({ slot: slot.size, row: paramIds.indexOf(v.def.param) });
      slot.set(v.def.id, slot.size);
    }
  }
  for (const id of order.evaluation) slot.set(id, slot.size);
  return { slot, stocks, inputs };
}

/**
 * The generated module body. Functions: inputs(T, col) copies one column of levers into their
 * slots; initials(time, cy) evaluates stock initials; evaluate(time, cy) computes auxiliaries and
 * flows from the stocks; report(out, y) saves outputs; run and trace share one loop template.
 */
function generateSource(
  model: FlatModel,
  order: ModelOrder,
  layout: Layout,
  spec: ModelSpec,
  opts: Required<SimOptions> & { stepsPerYear: number },
  N: number,
  NY: number,
  R: number,
): string {
  const { slot, stocks } = layout;
  const s = (id: VarId): number => {
    const i = slot.get(id);
    if (i === undefined) throw new Error(`engine: no slot for ${id}`);
    return i;
  };
  const expr = (id: VarId): string => {
    const fv = model.byId.get(id);
    if (!fv?.expr) throw new Error(`engine: no expression for ${id}`);
    return toJs(fv.expr.node, s, opts.dt, opts.start);
  };
  const lines: string[] = ['"use strict";', HELPERS, `const v = new Float64Array(${Math.max(slot.size, 1)});`];

  lines.push('function inputs(T, col) {');
  for (const inp of layout.inputs) lines.push(`  v[${inp.slot}] = T[${inp.row * R} + col];`);
  lines.push('}');

  lines.push('function initials(time, cy) {');
  for (const id of order.initials) lines.push(`  v[${s(id)}] = ${expr(id)}; // ${id}`);
  lines.push('}');

  lines.push('function evaluate(time, cy) {');
  for (const id of order.evaluation) lines.push(`  v[${s(id)}] = ${expr(id)}; // ${id}`);
  lines.push('}');

  lines.push('function report(out, y) {');
  spec.outputs.forEach((o, i) => lines.push(`  out[${i * NY} + y] = v[${s(o.variable)}]; // ${o.id}`));
  lines.push('}');

  // Net flow of each stock: inflows minus outflows (a shared flow enters one and leaves another).
  const net = stocks.map((st) => {
    if (st.inflows.length + st.outflows.length === 0) return '0';
    const ins = st.inflows.length > 0 ? st.inflows.map((f) => `v[${s(f)}]`).join(' + ') : '0';
    return `(${ins}${st.outflows.map((f) => ` - v[${s(f)}]`).join('')})`;
  });
  const dt = String(opts.dt);
  const NS = stocks.length;
  if (opts.method === 'rk4') {
    lines.push(`const y0 = new Float64Array(${Math.max(NS, 1)}), k1 = new Float64Array(${Math.max(NS, 1)}),`);
    lines.push(`  k2 = new Float64Array(${Math.max(NS, 1)}), k3 = new Float64Array(${Math.max(NS, 1)});`);
  }
  /** One step from the state at time t (levers already in their slots). */
  const stepBody = (record: boolean): string[] => {
    const b: string[] = [];
    b.push('    evaluate(t, cy);');
    if (record) b.push('    if (m !== 0) record(n);');
    if (opts.method === 'euler') {
      stocks.forEach((st, j) => b.push(`    v[${s(st.id)}] += ${dt} * ${net[j]};`));
    } else {
      const half = String(opts.dt / 2);
      const sixth = String(opts.dt / 6);
      stocks.forEach((st, j) => b.push(`    y0[${j}] = v[${s(st.id)}]; k1[${j}] = ${net[j]};`));
      stocks.forEach((st, j) => b.push(`    v[${s(st.id)}] = y0[${j}] + ${half} * k1[${j}];`));
      b.push(`    evaluate(t + ${half}, cy);`);
      stocks.forEach((_, j) => b.push(`    k2[${j}] = ${net[j]};`));
      stocks.forEach((st, j) => b.push(`    v[${s(st.id)}] = y0[${j}] + ${half} * k2[${j}];`));
      b.push(`    evaluate(t + ${half}, cy);`);
      stocks.forEach((_, j) => b.push(`    k3[${j}] = ${net[j]};`));
      stocks.forEach((st, j) => b.push(`    v[${s(st.id)}] = y0[${j}] + ${dt} * k3[${j}];`));
      b.push(`    evaluate(t + ${dt}, cy);`);
      stocks.forEach((st, j) =>
        b.push(`    v[${s(st.id)}] = y0[${j}] + ${sixth} * (k1[${j}] + 2 * k2[${j}] + 2 * k3[${j}] + ${net[j]});`),
      );
    }
    return b;
  };
  const loop = (name: string, record: boolean): void => {
    lines.push(`function ${name}(T, out${record ? ', record' : ''}) {`);
    lines.push(`  inputs(T, ${N});`);
    lines.push(`  initials(${opts.start}, ${opts.start});`);
    lines.push(`  evaluate(${opts.start}, ${opts.start});`);
    lines.push('  report(out, 0);');
    if (record) lines.push('  record(0);');
    lines.push(`  let y = 1, m = 0, cy = ${opts.start + 1};`);
    lines.push(`  for (let n = 0; n < ${N}; n++) {`);
    lines.push(`    const t = ${opts.start} + n * ${dt};`);
    lines.push('    inputs(T, n);');
    lines.push(...stepBody(record));
    lines.push(`    if (++m === ${opts.stepsPerYear}) {`);
    lines.push(`      m = 0;`);
    lines.push(`      const ty = ${opts.start} + y;`);
    lines.push(`      inputs(T, ${N} + y);`);
    lines.push('      evaluate(ty, ty);');
    lines.push('      report(out, y);');
    if (record) lines.push('      record(n + 1);');
    lines.push('      y++; cy++;');
    lines.push('    }');
    lines.push('  }');
    spec.outputs.forEach((o, i) => {
      if ((o.report ?? 'value') !== 'annual-increase') return;
      lines.push(`  for (let j = ${i * NY + NY - 1}; j > ${i * NY}; j--) out[j] -= out[j - 1]; // ${o.id}`);
      lines.push(`  out[${i * NY}] = NaN;`);
    });
    lines.push('}');
  };
  loop('run', false);
  loop('trace', true);
  lines.push('return { v, run, trace };');
  return lines.join('\n');
}

/** The generated source, for debugging and documentation (same structural checks as compileModel). */
export function generatedSourceOf(spec: ModelSpec, options?: SimOptions): string {
  const opts = resolveOptions(options);
  const model = flattenModel(spec);
  const order = orderModel(model);
  const paramIds = [...new Set(model.vars.flatMap((v) => (v.def.kind === 'input' ? [v.def.param] : [])))];
  const NY = opts.until - opts.start + 1;
  const N = (NY - 1) * opts.stepsPerYear;
  return generateSource(model, order, makeLayout(model, order, paramIds), spec, opts, N, NY, N + NY);
}
