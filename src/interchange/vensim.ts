/**
 * Vensim `.mdl`: writing a model, and reading back the subset this writer produces (and models
 * written the same way by hand). Each subsystem is a group; each variable an equation with its
 * unit and documentation; levers carry their range in the unit field (`1/year [0,0.1]`, `[?,?]`
 * when unknown), which is how the reader recognises them (each becomes a lever and an input of the
 * same id); the `.hzsim` group holds the calendar-year helpers and the
 * year-end copies (plan.ts), and the control group's comment the model's name, integration
 * method and outputs.
 */
import { InputError, ModelError, type InputProblem } from '../errors.js';
import type { LeverDef, ModelSpec, OutputDef, Subsystem, VarDef } from '../engine/types.js';
import { canonicalName, printExpression, type Ast, type PrintContext } from './expression.js';
import { exportPlan, HELPER_NAMES, leverExpression, type InterchangeModel } from './plan.js';
import { decodeDoc, encodeDoc, encodeMetadata, expressionReader, readMetadata, scheduleOf, type Metadata } from './shared.js';

const NAMES = HELPER_NAMES.vensim;
const STARS = '*'.repeat(56);
const ifThenElse = (c: string, a: string, b: string): string => `IF THEN ELSE(${c}, ${a}, ${b})`;

const comment = (text: string): string => encodeDoc(text).split('\n').join('\n\t\t');

function unitField(unit: string, where: string, range?: LeverDef['range'] | null): string {
  if (/[~|[\]]/.test(unit)) throw new ModelError(`cannot export to vensim: the unit \`${unit}\` of ${where} contains ~, | or [ ]`);
  if (range === undefined) return unit;
  return `${unit} [${range === null ? '?' : range.min},${range === null ? '?' : range.max}]`;
}

const equation = (name: string, rhs: string, unit: string, doc: string): string => `${name} = ${rhs}\n\t~\t${unit}\n\t~\t${comment(doc)}\n\t|\n`;
const group = (name: string, text: string): string => `${STARS}\n\t.${name}\n${STARS}~\n\t\t${comment(text)}\n\t|\n`;

export function writeVensim(model: InterchangeModel): string {
  const plan = exportPlan(model, 'vensim');
  const { flat, copies, levers } = plan;
  const name = (id: string): string => id;
  const atStep: PrintContext = { name, calendarYear: NAMES.calendarYear };
  const atYearEnd: PrintContext = { name: (id) => copies.get(id) ?? id, calendarYear: NAMES.reportYear };
  const parts: string[] = ['{UTF-8}\n'];
  const write = (def: VarDef, ctx: PrintContext, as: string, doc: string): void => {
    const expr = flat.byId.get(def.id)?.expr;
    if (def.kind === 'stock') {
      const net = def.inflows.length + def.outflows.length === 0 ? '0' : [...def.inflows.map((f, i) => (i === 0 ? f : `+ ${f}`)), ...def.outflows.map((f) => `- ${f}`)].join(' ').replace(/^- /, '-');
      const initial = expr ? printExpression(expr.node, 'vensim', ctx) : '0';
      parts.push(`${as} = INTEG (\n\t${net},\n\t\t${initial})\n\t~\t${unitField(def.unit, `stock \`${def.id}\``)}\n\t~\t${comment(doc)}\n\t|\n`);
    } else if (def.kind === 'input') {
      const lever = levers.get(def.param) as LeverDef;
      const isCopy = as !== def.id;
      if (def.param === def.id || isCopy) {
        // The lever itself carries its range (that is how a reader knows it); a year-end copy does not.
        const range = isCopy ? undefined : (lever.range ?? null);
        parts.push(equation(as, leverExpression(lever, ctx.calendarYear, ifThenElse), unitField(def.unit, `lever \`${def.id}\``, range), doc));
      } else {
        parts.push(equation(as, def.param, unitField(def.unit, `input \`${def.id}\``), doc));
      }
    } else if (expr) {
      parts.push(equation(as, printExpression(expr.node, 'vensim', ctx), unitField(def.unit, `${def.kind} \`${def.id}\``), doc));
    }
  };
  const pending = new Map(plan.standaloneLevers.map((l) => [l.id, l]));
  for (const sub of model.spec.subsystems) {
    parts.push(group(sub.id.replace(/[^A-Za-z0-9]+/g, ' ').trim() || 'subsystem', `hzsim subsystem: ${sub.id}\nzh: ${sub.name.zh}\nen: ${sub.name.en}\n\n${sub.doc}`));
    for (const def of sub.vars) {
      // A lever no input of its own id stands for comes before the first input that reads it.
      const lever = def.kind === 'input' ? pending.get(def.param) : undefined;
      if (lever) {
        pending.delete(lever.id);
        parts.push(equation(lever.id, leverExpression(lever, NAMES.calendarYear, ifThenElse), unitField(lever.unit, `lever \`${lever.id}\``, lever.range ?? null), `Lever \`${lever.id}\`.`));
      }
      write(def, atStep, def.id, def.doc);
    }
  }
  parts.push(group('hzsim', 'The engine’s calendar years and the values reported at year ends.'));
  parts.push(equation(NAMES.calendarYear, 'INTEGER(TIME) + 1', 'year', 'The calendar year a step starting at TIME simulates (levers and step() read it).'));
  parts.push(equation(NAMES.reportYear, 'INTEGER(TIME)', 'year', 'The year reported at a year end (TIME = that year).'));
  for (const [id, copy] of copies) {
    const def = flat.byId.get(id)?.def as VarDef;
    write(def, atYearEnd, copy, `\`${id}\` as reported at year ends (with that year’s levers).`);
  }
  const meta: Metadata = {
    model: model.spec.name ?? 'model',
    method: model.options.method,
    outputs: model.spec.outputs.map((o) => ({ ...o, reportedAs: copies.get(o.variable) ?? o.variable })),
  };
  parts.push(group('Control', `Simulation control parameters.\n${encodeMetadata(meta)}`));
  const { start, until, dt } = model.options;
  parts.push(equation('FINAL TIME', String(until), 'year', 'The final time for the simulation.'));
  parts.push(equation('INITIAL TIME', String(start), 'year', 'The initial time for the simulation.'));
  parts.push(equation('SAVEPER', '1', 'year [0,?]', 'The frequency with which output is stored.'));
  parts.push(equation('TIME STEP', String(dt), 'year [0,?]', 'The time step for the simulation.'));
  parts.push('\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored\n*View 1\n///---\\\\\\\n');
  return parts.join('\n');
}

interface Entry {
  readonly name: string;
  readonly rhs: string;
  readonly unit: string;
  readonly range: { min: number | null; max: number | null } | null;
  readonly doc: string;
  readonly group: string | null;
}

/** Reads a `.mdl` written by writeVensim. Throws InputError listing every problem (file, variable, what was expected). */
export function readVensim(text: string, file: string): InterchangeModel {
  const problems: InputProblem[] = [];
  const fail = (path: string, message: string): void => void problems.push({ file, path, message });
  const body = text.replace(/^\uFEFF?\{UTF-8\}/, '').split('\\\\\\---///')[0] ?? '';
  const entries: Entry[] = [];
  const groups = new Map<string, string>();
  let currentGroup: string | null = null;
  for (const raw of body.split('|')) {
    const chunk = raw.trim();
    if (chunk === '') continue;
    const header = /^\*+\s*\n\s*\.([^\n]*)\n\*+~([\s\S]*)$/.exec(chunk);
    if (header) {
      currentGroup = (header[1] ?? '').trim();
      groups.set(currentGroup, undoComment(header[2] ?? ''));
      continue;
    }
    const [lhsRhs, unitPart = '', docPart = ''] = chunk.split('~');
    const eq = /^([^=]+?)\s*=\s*([\s\S]*)$/.exec((lhsRhs ?? '').trim());
    if (!eq) {
      fail(chunk.slice(0, 40), 'expected `name = equation ~ unit ~ documentation |`');
      continue;
    }
    const unitMatch = /^([\s\S]*?)\s*(?:\[([^\]]*)\])?\s*$/.exec(unitPart.trim());
    let range: Entry['range'] = null;
    if (unitMatch?.[2] !== undefined) {
      const [lo, hi] = unitMatch[2].split(',').map((x) => x.trim());
      range = { min: lo === '?' || lo === undefined ? null : Number(lo), max: hi === '?' || hi === undefined ? null : Number(hi) };
    }
    entries.push({ name: (eq[1] ?? '').trim().replace(/\s+/g, ' '), rhs: (eq[2] ?? '').trim(), unit: (unitMatch?.[1] ?? '').trim(), range, doc: undoComment(docPart), group: currentGroup });
  }

  const control = new Map(entries.filter((e) => e.group === 'Control').map((e) => [canonicalName(e.name), e]));
  const num = (key: string): number => {
    const e = control.get(key);
    const v = Number(e?.rhs);
    if (!e || !Number.isFinite(v)) fail(key.toUpperCase(), `expected a number, got ${JSON.stringify(e?.rhs ?? null)}`);
    return v;
  };
  const options = { start: num('initial time'), until: num('final time'), dt: num('time step') };
  const meta = readMetadata(groups.get('Control') ?? '', (m) => fail('.Control', m));
  // The hzsim group holds only what the export derives (calendar years, year-end copies).
  const modelEntries = entries.filter((e) => e.group !== 'Control' && e.group !== 'hzsim');

  const ids = new Map(modelEntries.map((e) => [canonicalName(e.name), e.name]));
  const reader = expressionReader('vensim', { time: 'TIME', dt: 'TIME STEP', start: 'INITIAL TIME', calendarYear: NAMES.calendarYear }, ids, fail);
  const { resolve } = reader;
  const parse = (e: Entry, what: string, source: string): Ast | null => reader.read(e.name, what, source);
  const engine = (e: Entry, what: string, ast: Ast | null): string => reader.engine(e.name, what, ast);

  // Stocks first: their rates say which variables are flows.
  const flowSide = new Map<string, { stock: string; sign: 1 | -1 }[]>();
  const stockDefs = new Map<string, { inflows: string[]; outflows: string[]; initial: string }>();
  for (const e of modelEntries) {
    const integ = /^INTEG\s*\(([\s\S]*)\)$/i.exec(e.rhs);
    if (!integ) continue;
    const inner = integ[1] ?? '';
    const comma = topLevelComma(inner);
    if (comma < 0) {
      fail(e.name, 'INTEG needs (rate, initial)');
      continue;
    }
    const rate = parse(e, 'rate', inner.slice(0, comma));
    const inflows: string[] = [];
    const outflows: string[] = [];
    const collect = (a: Ast, sign: 1 | -1): boolean => {
      if (a.k === 'num' && a.v === 0) return true;
      if (a.k === 'name') {
        const id = resolve(a.n);
        if (id === null) return false;
        (sign === 1 ? inflows : outflows).push(id);
        return true;
      }
      if (a.k === 'neg') return collect(a.a, sign === 1 ? -1 : 1);
      if (a.k === 'bin' && (a.op === '+' || a.op === '-')) return collect(a.a, sign) && collect(a.b, a.op === '+' ? sign : sign === 1 ? -1 : 1);
      return false;
    };
    if (rate && !collect(rate, 1)) fail(e.name, 'the rate of a stock must be inflows minus outflows (variable names joined by + and -)');
    for (const [list, sign] of [[inflows, 1], [outflows, -1]] as const) {
      for (const f of list) flowSide.set(f, [...(flowSide.get(f) ?? []), { stock: e.name, sign }]);
    }
    stockDefs.set(e.name, { inflows, outflows, initial: engine(e, 'initial', parse(e, 'initial', inner.slice(comma + 1))) });
  }

  const levers: LeverDef[] = [];
  const subsystems = new Map<string, { sub: Omit<Subsystem, 'vars'>; vars: VarDef[] }>();
  const subsystemOf = (groupName: string | null): VarDef[] => {
    const key = groupName ?? '';
    let s = subsystems.get(key);
    if (!s) {
      const info = groupInfo(groupName === null ? '' : (groups.get(groupName) ?? ''), groupName ?? 'model');
      s = { sub: info, vars: [] };
      subsystems.set(key, s);
    }
    return s.vars;
  };
  for (const e of modelEntries) {
    if (e.range !== null) {
      const ast = parse(e, 'lever value', e.rhs);
      const schedule = ast ? scheduleOf(ast, (n) => resolve(n) === 'calendar-year') : null;
      if (!schedule) fail(e.name, 'a lever (a unit with [min,max]) must be a number or a schedule IF THEN ELSE(calendar year >= Y, value, …)');
      levers.push({
        id: e.name,
        unit: e.unit,
        default: schedule?.value ?? 0,
        ...(schedule?.linear ? { interpolation: 'linear' as const } : {}),
        ...(e.range.min !== null && e.range.max !== null ? { range: { min: e.range.min, max: e.range.max } } : {}),
      });
      subsystemOf(e.group).push({ kind: 'input', id: e.name, unit: e.unit, doc: e.doc, param: e.name });
      continue;
    }
    const stock = stockDefs.get(e.name);
    if (stock) {
      subsystemOf(e.group).push({ kind: 'stock', id: e.name, unit: e.unit, doc: e.doc, initial: stock.initial, inflows: stock.inflows, outflows: stock.outflows });
      continue;
    }
    const equationText = engine(e, 'equation', parse(e, 'equation', e.rhs));
    subsystemOf(e.group).push({ kind: flowSide.has(e.name) ? 'flow' : 'aux', id: e.name, unit: e.unit, doc: e.doc, equation: equationText });
  }
  const outputs: OutputDef[] = meta.outputs.map(({ reportedAs: _r, ...o }) => o);
  if (problems.length > 0) throw new InputError(problems);
  const spec: ModelSpec = {
    name: meta.model,
    subsystems: [...subsystems.values()].map(({ sub, vars }) => ({ ...sub, vars })),
    outputs,
  };
  return { spec, levers, options: { ...options, method: meta.method } };
}

function undoComment(text: string): string {
  const lines = text.replace(/^\s*\n?/, '').split('\n');
  return decodeDoc(lines.map((l, i) => (i === 0 ? l.replace(/^\t+/, '') : l.replace(/^\t\t?/, ''))).join('\n').replace(/\s+$/, ''));
}

/** Subsystem id and names from a group comment written by writeVensim (or the group name). */
function groupInfo(text: string, fallback: string): Omit<Subsystem, 'vars'> {
  const m = /^hzsim subsystem: (.*)\nzh: (.*)\nen: (.*)\n\n?([\s\S]*)$/.exec(text);
  if (!m) return { id: fallback, name: { zh: fallback, en: fallback }, doc: text };
  return { id: m[1] as string, name: { zh: m[2] as string, en: m[3] as string }, doc: m[4] as string };
}

function topLevelComma(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return -1;
}

