/**
 * Generation of the JavaScript that runs a model. The generated module keeps the state in one
 * Float64Array `v` (a slot per variable) and is made of straight-line functions of bounded size:
 * V8 optimises a function only up to a size limit, and one function for a large model would run
 * interpreted, hundreds of times slower. Inside a function every equation computes into a local
 * (`$id`); a value goes through its slot only when another function reads it.
 *
 *   inputs(T, c)        lever values of calendar year start + c into their slots (once a year:
 *                       levers change only between years)
 *   initials()          stock initials
 *   step(time, cy)      one step: the auxiliaries the flows need, the flows, then the stocks (Euler); for a model that
 *                       fits one function, all of it in one function with everything in locals
 *   yearEnd(time, cy, out, y)  what the outputs need, evaluated with the levers of the year just
 *                       completed, written to `out`
 *   run(T, out)         the loop
 *
 * The trace variant stores every variable and calls a recorder after each step. The time convention
 * (step at `time` simulates calendar year ⌊time⌋ + 1; year-end reports use that year's levers)
 * lives here and in types.ts.
 */
import { toJs } from './codegen.js';
import type { FlatModel } from './model.js';
import type { ModelOrder } from './order.js';
import type { IntegrationMethod, ModelSpec, StockDef, VarId } from './types.js';

export interface GenerationPlan {
  readonly model: FlatModel;
  readonly order: ModelOrder;
  readonly spec: ModelSpec;
  readonly options: { readonly start: number; readonly until: number; readonly dt: number; readonly method: IntegrationMethod; readonly stepsPerYear: number };
  /** Lever ids: the rows of the lever table. */
  readonly paramIds: readonly string[];
  /** Shown in stack traces (`//# sourceURL`). */
  readonly name: string;
  /** Source size budget of generated functions (default: see BUDGET; tests force splitting with a small one). */
  readonly functionBudget?: number;
}

/**
 * Source sizes (characters) of generated functions. A model whose step fits `whole` runs as one
 * function with every value in a local; otherwise its code is cut into parts of about `part`
 * characters, small enough for V8 to optimise each within the first runs (large functions tier up
 * late and compile slowly) and large enough that calls between them cost little.
 */
export const BUDGET = { whole: 40_000, part: 8_000 } as const;

export type Ref = (id: VarId) => string;

/** Slot of every variable in `v`: stocks, inputs, then auxiliaries and flows in evaluation order. */
export function slotsOf(model: FlatModel, order: ModelOrder): Map<VarId, number> {
  const slot = new Map<VarId, number>();
  for (const v of model.vars) if (v.def.kind === 'stock') slot.set(v.def.id, slot.size);
  for (const v of model.vars) if (v.def.kind === 'input') slot.set(v.def.id, slot.size);
  for (const id of order.evaluation) slot.set(id, slot.size);
  return slot;
}

class Writer {
  readonly helpers = new Map<string, string>();
  readonly functions: string[] = [];
  readonly slot: ReadonlyMap<VarId, number>;
  readonly stocks: readonly StockDef[];

  readonly budget: number;
  readonly wholeBudget: number;
  private readonly compiled = new Map<VarId, string>();

  constructor(readonly plan: GenerationPlan) {
    this.budget = plan.functionBudget ?? BUDGET.part;
    this.wholeBudget = plan.functionBudget ?? BUDGET.whole;
    this.slot = slotsOf(plan.model, plan.order);
    this.stocks = plan.model.vars.flatMap((v) => (v.def.kind === 'stock' ? [v.def] : []));
  }

  s(id: VarId): number {
    const i = this.slot.get(id);
    if (i === undefined) throw new Error(`engine: no slot for ${id}`);
    return i;
  }

  expression(id: VarId, ref: Ref): string {
    const fv = this.plan.model.byId.get(id);
    if (!fv?.expr) throw new Error(`engine: no expression for ${id}`);
    return toJs(fv.expr.node, ref, this.plan.options.dt, this.plan.options.start, this.helpers);
  }

  /** An equation's JavaScript over locals (`$id` for every variable read), generated once. */
  js(id: VarId): string {
    let js = this.compiled.get(id);
    if (js === undefined) {
      js = this.expression(id, (r) => `$${r}`);
      this.compiled.set(id, js);
    }
    return js;
  }

  /** Size of an equation's generated line. */
  cost(id: VarId): number {
    return this.js(id).length + 2 * id.length + 24;
  }

  /** The variables an equation reads. */
  reads(id: VarId): readonly VarId[] {
    return this.plan.model.byId.get(id)?.expr?.reads ?? [];
  }

  /** A function body in progress: locals computed or loaded so far. */
  body(): { lines: string[]; locals: Set<VarId>; ref: Ref } {
    const lines: string[] = [];
    const locals = new Set<VarId>();
    const ref: Ref = (id) => {
      if (!locals.has(id)) {
        lines.push(`  const $${id} = v[${this.s(id)}];`);
        locals.add(id);
      }
      return `$${id}`;
    };
    return { lines, locals, ref };
  }

  define(name: string, params: string, lines: readonly string[]): void {
    this.functions.push(`function ${name}(${params}) {\n${lines.join('\n')}\n}`);
  }

  /** Defines `name` as one function, or as parts `name_k` and a function calling them in order. */
  defineParts(name: string, params: string, parts: readonly (readonly string[])[]): void {
    if (parts.length === 1) return this.define(name, params, parts[0] as string[]);
    parts.forEach((lines, k) => this.define(`${name}_${k}`, params, lines));
    this.define(name, params, parts.map((_, k) => `  ${name}_${k}(${params});`));
  }

  /**
   * Equations `ids` (in evaluation order) as functions of bounded size. Each computes into a local
   * and is stored to its slot when `store(id)` or when a later part reads it. `after(id, ref)`
   * adds statements after an equation (output writes); `tail` statements come after all equations
   * — in the same function when everything fits one (then they read locals), else in parts of
   * their own that read slots (and what they read is stored).
   */
  equations(
    name: string,
    params: string,
    ids: readonly VarId[],
    { store, after, tail = [] }: { store: (id: VarId) => boolean; after?: (id: VarId, ref: Ref) => string[]; tail?: readonly ((ref: Ref) => string)[] },
  ): void {
    const tailCost = tail.length * 48;
    const fused = ids.reduce((n, id) => n + this.cost(id), 0) + tailCost <= this.wholeBudget;
    const chunks = fused ? (ids.length > 0 ? [ids] : []) : partition(ids, (id) => this.cost(id), this.budget);
    const chunkOf = new Map<VarId, number>();
    chunks.forEach((c, k) => c.forEach((id) => chunkOf.set(id, k)));
    const stored = new Set(ids.filter(store));
    for (const id of ids) {
      for (const r of this.reads(id)) {
        const k = chunkOf.get(r);
        if (k !== undefined && k !== chunkOf.get(id)) stored.add(r);
      }
    }
    if (!fused) {
      const reads: Ref = (id) => {
        if (chunkOf.has(id)) stored.add(id);
        return '0';
      };
      for (const t of tail) t(reads);
    }
    const parts: string[][] = (chunks.length === 0 ? [[]] : chunks).map((chunk) => {
      const b = this.body();
      for (const id of chunk) {
        for (const r of this.reads(id)) b.ref(r);
        b.lines.push(`  const $${id} = ${this.js(id)}; // ${id}`);
        b.locals.add(id);
        if (stored.has(id)) b.lines.push(`  v[${this.s(id)}] = $${id};`);
        if (after) b.lines.push(...after(id, b.ref));
      }
      if (fused) for (const t of tail) b.lines.push(t(b.ref));
      return b.lines;
    });
    if (fused || tail.length === 0) return this.defineParts(name, params, parts);
    this.defineParts(`${name}_equations`, params, parts);
    this.defineParts(`${name}_tail`, params, this.statements(tail));
    this.define(name, params, [`  ${name}_equations(${params});`, `  ${name}_tail(${params});`]);
  }

  /** Independent statements over slots, in parts of bounded size. */
  statements(list: readonly ((ref: Ref) => string)[]): string[][] {
    const parts: string[][] = [];
    let b = this.body();
    let size = 0;
    for (const st of list) {
      const line = st(b.ref);
      b.lines.push(line);
      size += line.length + 8;
      if (size > this.budget) {
        parts.push(b.lines);
        b = this.body();
        size = 0;
      }
    }
    if (b.lines.length > 0 || parts.length === 0) parts.push(b.lines);
    return parts;
  }

  net(st: StockDef, ref: Ref): string {
    return netFlow(st, ref);
  }
}

/** Net flow of a stock: inflows minus outflows (a shared flow enters one and leaves another). */
export function netFlow(st: StockDef, ref: Ref): string {
  if (st.inflows.length + st.outflows.length === 0) return '0';
  const ins = st.inflows.length > 0 ? st.inflows.map(ref).join(' + ') : '0';
  return `(${ins}${st.outflows.map((f) => ` - ${ref(f)}`).join('')})`;
}

/** Consecutive runs of `ids` whose cost stays within the budget (at least one id each). */
function partition(ids: readonly VarId[], cost: (id: VarId) => number, budget: number): VarId[][] {
  const chunks: VarId[][] = [];
  let current: VarId[] = [];
  let size = 0;
  for (const id of ids) {
    const c = cost(id);
    if (current.length > 0 && size + c > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += c;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** `roots` and everything they read among auxiliaries and flows, in evaluation order. */
export function cone(model: FlatModel, order: ModelOrder, roots: readonly VarId[]): VarId[] {
  const needed = new Set<VarId>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop() as VarId;
    const v = model.byId.get(id);
    if (needed.has(id) || !v || v.def.kind === 'stock' || v.def.kind === 'input') continue;
    needed.add(id);
    pending.push(...(v.expr?.reads ?? []));
  }
  return order.evaluation.filter((id) => needed.has(id));
}

function header(w: Writer, kind: string): string[] {
  const { plan } = w;
  return [
    '"use strict";',
    `// ${kind} of model \`${plan.name}\`, generated by the hangzhou-reform-sim engine: one line per equation, commented with its variable.`,
    `const v = new Float64Array(${Math.max(w.slot.size, 1)});`,
  ];
}

function inputsFunction(w: Writer, NY: number): void {
  const lines: (() => string)[] = [];
  const rows = new Map(w.plan.paramIds.map((id, row) => [id, row]));
  for (const v of w.plan.model.vars) {
    if (v.def.kind !== 'input') continue;
    const row = rows.get(v.def.param) ?? -1;
    const id = v.def.id;
    lines.push(() => `  v[${w.s(id)}] = T[${row * NY} + c]; // ${id}`);
  }
  w.defineParts('inputs', 'T, c', w.statements(lines));
}

function initialsFunction(w: Writer): void {
  w.equations('initials', 'time, cy', w.plan.order.initials, { store: () => true });
}

/** Euler's update of every stock from its net flow. */
const eulerUpdates = (w: Writer): ((ref: Ref) => string)[] =>
  w.stocks.map((st) => (ref: Ref) => `  v[${w.s(st.id)}] = ${ref(st.id)} + ${String(w.plan.options.dt)} * ${w.net(st, ref)};`);

/** The RK4 stages after evaluations at t, t + dt/2, t + dt/2 and t + dt, as in the classical scheme. */
function rk4Functions(w: Writer): string[] {
  const { dt } = w.plan.options;
  const half = String(dt / 2);
  const sixth = String(dt / 6);
  const n = Math.max(w.stocks.length, 1);
  const stage = (name: string, update: (st: StockDef, j: number, ref: Ref) => string): void =>
    w.defineParts(name, '', w.statements(w.stocks.map((st, j) => (ref: Ref) => update(st, j, ref))));
  // Stages read stocks and flows from their slots (the stage writes the stock it reads).
  const slotRef: Ref = (id) => `v[${w.s(id)}]`;
  stage('rk1', (st, j) => `  y0[${j}] = v[${w.s(st.id)}]; k1[${j}] = ${w.net(st, slotRef)}; v[${w.s(st.id)}] = y0[${j}] + ${half} * k1[${j}];`);
  stage('rk2', (st, j) => `  k2[${j}] = ${w.net(st, slotRef)}; v[${w.s(st.id)}] = y0[${j}] + ${half} * k2[${j}];`);
  stage('rk3', (st, j) => `  k3[${j}] = ${w.net(st, slotRef)}; v[${w.s(st.id)}] = y0[${j}] + ${String(dt)} * k3[${j}];`);
  stage('rk4', (st, j) => `  v[${w.s(st.id)}] = y0[${j}] + ${sixth} * (k1[${j}] + 2 * k2[${j}] + 2 * k3[${j}] + ${w.net(st, slotRef)});`);
  return [
    `const y0 = new Float64Array(${n}), k1 = new Float64Array(${n}), k2 = new Float64Array(${n}), k3 = new Float64Array(${n});`,
  ];
}

const rk4Step = (evaluate: string, half: string, dt: string): string[] => [
  `  ${evaluate}(time, cy); rk1();`,
  `  ${evaluate}(time + ${half}, cy); rk2();`,
  `  ${evaluate}(time + ${half}, cy); rk3();`,
  `  ${evaluate}(time + ${dt}, cy); rk4();`,
];

function assemble(w: Writer, kind: string, declarations: readonly string[], result: string): string {
  const name = w.plan.name.replace(/[^A-Za-z0-9_.-]/g, '-') || 'model';
  return [
    ...header(w, kind),
    ...declarations,
    ...w.helpers.values(),
    ...w.functions,
    `return ${result};`,
    `//# sourceURL=${name}.${kind}.js`,
  ].join('\n');
}

/** A module's writer with the functions both modules share (inputs, initials) defined. */
function begin(plan: GenerationPlan): { w: Writer; NY: number; DT: string } {
  const w = new Writer(plan);
  const NY = plan.options.until - plan.options.start + 1;
  inputsFunction(w, NY);
  initialsFunction(w);
  return { w, NY, DT: String(plan.options.dt) };
}

/** The run module: `{ v, run(T, out) }`. */
export function generateRun(plan: GenerationPlan): string {
  const { w, NY, DT } = begin(plan);
  const { start, dt, method, stepsPerYear } = plan.options;
  const declarations: string[] = [];
  // Steps evaluate only what the flows read: the rest cannot change the state.
  const flows = new Set(w.stocks.flatMap((st) => [...st.inflows, ...st.outflows]));
  const dynamic = cone(plan.model, plan.order, [...flows]);
  if (method === 'euler') {
    w.equations('step', 'time, cy', dynamic, { store: () => false, tail: eulerUpdates(w) });
  } else {
    w.equations('evaluate', 'time, cy', dynamic, { store: (id) => flows.has(id) });
    declarations.push(...rk4Functions(w));
    w.define('step', 'time, cy', rk4Step('evaluate', String(dt / 2), DT));
  }
  const reportedAs = new Map<VarId, string[]>();
  plan.spec.outputs.forEach((o, i) => {
    const lines = reportedAs.get(o.variable) ?? [];
    lines.push(`  out[${i * NY} + y] = $${o.variable}; // ${o.id}`);
    reportedAs.set(o.variable, lines);
  });
  const written = (id: VarId): string[] => reportedAs.get(id) ?? [];
  const direct = plan.spec.outputs.flatMap((o, i) => {
    const kind = plan.model.byId.get(o.variable)?.def.kind;
    return kind === 'stock' || kind === 'input' ? [(ref: Ref) => `  out[${i * NY} + y] = ${ref(o.variable)}; // ${o.id}`] : [];
  });
  // Year ends evaluate only what the outputs read.
  const reported = cone(plan.model, plan.order, plan.spec.outputs.map((o) => o.variable));
  // Outputs of stocks and inputs read their slots; the rest are written where they are computed.
  w.equations('yearEnd', 'time, cy, out, y', reported, { store: () => false, after: (id) => written(id), tail: direct });
  const loop = [
    '  inputs(T, 0);',
    `  initials(${start}, ${start});`,
    `  yearEnd(${start}, ${start}, out, 0);`,
    `  for (let y = 1, n = 0; y < ${NY}; y++) {`,
    '    inputs(T, y);',
    `    const cy = ${start} + y;`,
    `    for (let m = 0; m < ${stepsPerYear}; m++, n++) step(${start} + n * ${DT}, cy);`,
    `    yearEnd(${start} + y, ${start} + y, out, y);`,
    '  }',
  ];
  plan.spec.outputs.forEach((o, i) => {
    if ((o.report ?? 'value') !== 'annual-increase') return;
    loop.push(`  for (let j = ${i * NY + NY - 1}; j > ${i * NY}; j--) out[j] -= out[j - 1]; // ${o.id}`);
    loop.push(`  out[${i * NY}] = NaN;`);
  });
  w.define('run', 'T, out', loop);
  return assemble(w, 'run', declarations, '{ v, run }');
}

/** The trace module: `{ v, trace(T, record) }`, every variable in its slot when `record(k)` is called. */
export function generateTrace(plan: GenerationPlan): string {
  const { w, NY, DT } = begin(plan);
  const { start, dt, method, stepsPerYear } = plan.options;
  w.equations('evaluate', 'time, cy', plan.order.evaluation, { store: () => true });
  const declarations: string[] = [];
  let integrate: string[];
  if (method === 'euler') {
    w.defineParts('integrate', '', w.statements(eulerUpdates(w)));
    integrate = ['      integrate();'];
  } else {
    declarations.push(...rk4Functions(w));
    integrate = ['      rk1();', ...rk4Step('evaluate', String(dt / 2), DT).slice(1).map((l) => `    ${l}`)];
  }
  w.define('trace', 'T, record', [
    '  inputs(T, 0);',
    `  initials(${start}, ${start});`,
    `  evaluate(${start}, ${start});`,
    '  record(0);',
    `  for (let y = 1, n = 0; y < ${NY}; y++) {`,
    '    inputs(T, y);',
    `    const cy = ${start} + y;`,
    `    for (let m = 0; m < ${stepsPerYear}; m++, n++) {`,
    `      const time = ${start} + n * ${DT};`,
    '      evaluate(time, cy);',
    '      if (m !== 0) record(n);',
    ...integrate,
    '    }',
    `    evaluate(${start} + y, ${start} + y);`,
    '    record(n);',
    '  }',
  ]);
  return assemble(w, 'trace', declarations, '{ v, trace }');
}
