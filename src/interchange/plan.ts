/**
 * What an export writes, decided once for both formats: the names in the file, the levers' values
 * as equations of the calendar year, and the year-end copies that carry the engine's time
 * convention into languages that evaluate each variable once per time point.
 *
 * The engine evaluates auxiliaries twice at a year end Y: for the report, with the levers of year
 * Y, and for the step that starts there, with the levers of year Y + 1. Vensim and XMILE evaluate
 * once per time point, and their value at Y is the step's. So every reported variable whose value
 * depends on the calendar year (a lever given as a schedule, `step`, or anything reading one) gets
 * a copy `<id> at year end` computed from the reported year; outputs report the copy. Stocks need
 * none: the state at Y is the same in both readings.
 */
import type { MathNode } from '../engine/mathjs.js';
import { isFunctionNode, isSymbolNode } from '../engine/mathjs.js';
import { ModelError } from '../errors.js';
import { cone } from '../engine/generate.js';
import { toSchedule } from '../engine/inputs.js';
import { flattenModel, type FlatModel } from '../engine/model.js';
import { orderModel } from '../engine/order.js';
import type { LeverDef, ModelSpec, SimOptions, VarId } from '../engine/types.js';
import { canonicalName, type Format } from './expression.js';

/** A model as the interchange formats carry it. */
export interface InterchangeModel {
  readonly spec: ModelSpec;
  /** The levers the model's inputs read. */
  readonly levers: readonly LeverDef[];
  readonly options: Required<SimOptions>;
}

/** Names of the helper variables every export defines. */
export const HELPER_NAMES = {
  vensim: { calendarYear: 'calendar year', reportYear: 'reported year', copy: (id: string) => `${id} at year end` },
  xmile: { calendarYear: 'calendar_year', reportYear: 'reported_year', copy: (id: string) => `${id}_at_year_end` },
} as const satisfies Record<Format, { calendarYear: string; reportYear: string; copy: (id: string) => string }>;

export interface ExportPlan {
  readonly model: InterchangeModel;
  readonly flat: FlatModel;
  readonly levers: ReadonlyMap<string, LeverDef>;
  /** Variables in declaration order, with their kind. */
  readonly variables: readonly FlatModel['vars'][number][];
  /** Variables whose value depends on the calendar year. */
  readonly yearDependent: ReadonlySet<VarId>;
  /** Reported variables that need a year-end copy (in evaluation order), by id → copy name. */
  readonly copies: ReadonlyMap<VarId, string>;
  /** The levers no input of the same id stands for (written as variables of their own). */
  readonly standaloneLevers: readonly LeverDef[];
}

const usesStep = (node: MathNode): boolean => {
  let found = false;
  node.traverse((n) => {
    if (isFunctionNode(n) && isSymbolNode(n.fn) && n.fn.name === 'step') found = true;
  });
  return found;
};

const isSchedule = (l: LeverDef): boolean => typeof l.default !== 'number';

export function exportPlan(model: InterchangeModel, format: Format): ExportPlan {
  const flat = flattenModel(model.spec);
  const order = orderModel(flat);
  const levers = new Map(model.levers.map((l) => [l.id, l]));
  for (const l of model.levers) toSchedule(l.id, l.default);

  const yearDependent = new Set<VarId>();
  for (const v of flat.vars) {
    if (v.def.kind !== 'input') continue;
    const lever = levers.get(v.def.param);
    if (!lever) throw new ModelError(`input \`${v.def.id}\` takes lever \`${v.def.param}\`, which the model does not define`);
    if (isSchedule(lever)) yearDependent.add(v.def.id);
  }
  for (const id of order.evaluation) {
    const v = flat.byId.get(id);
    if (!v?.expr) continue;
    if (usesStep(v.expr.node) || v.expr.reads.some((r) => yearDependent.has(r))) yearDependent.add(id);
  }
  const names = HELPER_NAMES[format];
  const reported = cone(flat, order, model.spec.outputs.map((o) => o.variable));
  const copies = new Map<VarId, string>();
  const inputs = flat.vars.filter((v) => v.def.kind === 'input').map((v) => v.def.id);
  for (const id of reported) if (yearDependent.has(id)) copies.set(id, names.copy(id));
  for (const o of model.spec.outputs) {
    if (yearDependent.has(o.variable) && !copies.has(o.variable)) copies.set(o.variable, names.copy(o.variable));
  }
  // Copies of what the copies read.
  for (const id of reported) {
    for (const r of flat.byId.get(id)?.expr?.reads ?? []) if (yearDependent.has(r) && !copies.has(r)) copies.set(r, names.copy(r));
  }

  const inputIds = new Set(inputs);
  const standaloneLevers = model.levers.filter((l) => !inputIds.has(l.id));

  // Names must stay distinct where the other tools compare them case-insensitively, spaces as underscores.
  const seen = new Map<string, string>();
  const claim = (name: string): void => {
    const key = canonicalName(name);
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new ModelError(`cannot export to ${format}: the names \`${prev}\` and \`${name}\` are the same there (names ignore case, and spaces equal underscores)`);
    }
    seen.set(key, name);
  };
  for (const v of flat.vars) claim(v.def.id);
  for (const l of standaloneLevers) claim(l.id);
  for (const name of [names.calendarYear, names.reportYear, ...copies.values()]) claim(name);
  return { model, flat, levers, variables: flat.vars, yearDependent, copies, standaloneLevers };
}

/** A lever's value as the source of an expression over the calendar year `cy` (exact: see inputs.ts). */
export function leverExpression(lever: LeverDef, cy: string, ifThenElse: (c: string, a: string, b: string) => string): string {
  const { years, values } = toSchedule(lever.id, lever.default);
  if (typeof lever.default === 'number') return String(lever.default);
  const linear = lever.interpolation === 'linear';
  // Innermost first: before the first key the first value holds; each key from its year on.
  let expr = String(values[0]);
  for (let i = 0; i < years.length; i++) {
    const y = years[i] as number;
    const v = values[i] as number;
    const next = years[i + 1];
    const valueFrom = linear && next !== undefined
      ? `${v} + (${values[i + 1]} - ${v}) * (${cy} - ${y}) / (${next} - ${y})`
      : String(v);
    expr = ifThenElse(`${cy} >= ${y}`, valueFrom, expr);
  }
  return expr;
}
