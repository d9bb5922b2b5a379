/**
 * XMILE 1.0: writing a model, and reading back the subset this writer produces. Stocks, flows
 * and auxiliaries with `<eqn>`, `<units>` and `<doc>`; levers are auxiliaries marked
 * `<hzsim:lever/>` with their `<range>`; each subsystem is a `<group>` listing its entities in
 * declaration order; the calendar-year helpers and year-end copies (plan.ts) form the group
 * `hzsim`; `<hzsim:metadata>` holds the model's name, method and outputs.
 */
import { createRequire } from 'node:module';
import type { XMLParser as XMLParserClass } from 'fast-xml-parser';
import { InputError, type InputProblem } from '../errors.js';
import type { LeverDef, ModelSpec, StockDef, Subsystem, VarDef } from '../engine/types.js';
import { PACKAGE_VERSION } from '../version.js';
import { canonicalName, printExpression, type PrintContext } from './expression.js';
import { exportPlan, HELPER_NAMES, leverExpression, type InterchangeModel } from './plan.js';
import { encodeMetadata, expressionReader, readMetadata, scheduleOf, type Metadata } from './shared.js';

const NAMES = HELPER_NAMES.xmile;
const NAMESPACE = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
const HZSIM_NAMESPACE = 'urn:hangzhou-reform-sim:xmile';
const ifThenElse = (c: string, a: string, b: string): string => `(IF ${c} THEN ${a} ELSE ${b})`;

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const element = (tag: string, text: string): string => `<${tag}>${escape(text)}</${tag}>`;

export function writeXmile(model: InterchangeModel): string {
  const plan = exportPlan(model, 'xmile');
  const { flat, copies, levers } = plan;
  const atStep: PrintContext = { name: (id) => id, calendarYear: NAMES.calendarYear };
  const atYearEnd: PrintContext = { name: (id) => copies.get(id) ?? id, calendarYear: NAMES.reportYear };
  const variables: string[] = [];
  const aux = (name: string, eqn: string, unit: string, doc: string, lever?: LeverDef): void => {
    const range = lever?.range ? `<range min="${lever.range.min}" max="${lever.range.max}"/>` : '';
    const mark = lever ? `<hzsim:lever${lever.interpolation === 'linear' ? ' interpolation="linear"' : ''}/>` : '';
    variables.push(`<aux name="${escape(name)}">${element('eqn', eqn)}${element('units', unit)}${element('doc', doc)}${range}${mark}</aux>`);
  };
  const write = (def: VarDef, ctx: PrintContext, as: string, doc: string): void => {
    const expr = flat.byId.get(def.id)?.expr;
    if (def.kind === 'stock') {
      const flows = [...def.inflows.map((f) => element('inflow', f)), ...def.outflows.map((f) => element('outflow', f))].join('');
      variables.push(`<stock name="${escape(as)}">${element('eqn', expr ? printExpression(expr.node, 'xmile', ctx) : '0')}${flows}${element('units', def.unit)}${element('doc', doc)}</stock>`);
    } else if (def.kind === 'input') {
      const lever = levers.get(def.param) as LeverDef;
      const isCopy = as !== def.id;
      if (def.param === def.id || isCopy) aux(as, leverExpression(lever, ctx.calendarYear, ifThenElse), def.unit, doc, isCopy ? undefined : lever);
      else aux(as, def.param, def.unit, doc);
    } else if (expr) {
      const tag = def.kind === 'flow' && as === def.id ? 'flow' : 'aux';
      variables.push(`<${tag} name="${escape(as)}">${element('eqn', printExpression(expr.node, 'xmile', ctx))}${element('units', def.unit)}${element('doc', doc)}</${tag}>`);
    }
  };
  const groups: string[] = [];
  const group = (name: string, doc: string, subsystem: Omit<Subsystem, 'vars'> | null, entities: readonly string[]): void => {
    const info = subsystem ? `<hzsim:subsystem id="${escape(subsystem.id)}" zh="${escape(subsystem.name.zh)}" en="${escape(subsystem.name.en)}"/>` : '';
    groups.push(`<group name="${escape(name)}">${element('doc', doc)}${info}${entities.map((e) => `<entity name="${escape(e)}"/>`).join('')}</group>`);
  };
  const pending = new Map(plan.standaloneLevers.map((l) => [l.id, l]));
  for (const sub of model.spec.subsystems) {
    const entities: string[] = [];
    for (const def of sub.vars) {
      // A lever no input of its own id stands for comes before the first input that reads it.
      const lever = def.kind === 'input' ? pending.get(def.param) : undefined;
      if (lever) {
        pending.delete(lever.id);
        aux(lever.id, leverExpression(lever, NAMES.calendarYear, ifThenElse), lever.unit, `Lever \`${lever.id}\`.`, lever);
        entities.push(lever.id);
      }
      write(def, atStep, def.id, def.doc);
      entities.push(def.id);
    }
    group(sub.id, sub.doc, sub, entities);
  }
  const helpers: string[] = [NAMES.calendarYear, NAMES.reportYear];
  aux(NAMES.calendarYear, 'INT(TIME) + 1', 'year', 'The calendar year a step starting at TIME simulates (levers and step() read it).');
  aux(NAMES.reportYear, 'INT(TIME)', 'year', 'The year reported at a year end (TIME = that year).');
  for (const [id, copy] of copies) {
    write(flat.byId.get(id)?.def as VarDef, atYearEnd, copy, `\`${id}\` as reported at year ends (with that year’s levers).`);
    helpers.push(copy);
  }
  group('hzsim', 'The engine’s calendar years and the values reported at year ends.', null, helpers);
  const meta: Metadata = {
    model: model.spec.name ?? 'model',
    method: model.options.method,
    outputs: model.spec.outputs.map((o) => ({ ...o, reportedAs: copies.get(o.variable) ?? o.variable })),
  };
  const { start, until, dt, method } = model.options;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<xmile version="1.0" xmlns="${NAMESPACE}" xmlns:hzsim="${HZSIM_NAMESPACE}">`,
    `  <header>${element('name', meta.model)}${element('vendor', 'hangzhou-reform-sim')}<product version="${PACKAGE_VERSION}" lang="en">hangzhou-reform-sim</product></header>`,
    `  <sim_specs method="${method === 'rk4' ? 'RK4' : 'Euler'}" time_units="year">${element('start', String(start))}${element('stop', String(until))}${element('dt', String(dt))}</sim_specs>`,
    '  <model>',
    '    <variables>',
    ...variables.map((v) => `      ${v}`),
    ...groups.map((g) => `      ${g}`),
    '    </variables>',
    '  </model>',
    `  ${element('hzsim:metadata', encodeMetadata(meta))}`,
    '</xmile>',
    '',
  ].join('\n');
}

type XmlNode = Record<string, unknown>;
const ARRAYS = new Set(['stock', 'flow', 'aux', 'group', 'entity', 'inflow', 'outflow']);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' && '#text' in v ? String((v as XmlNode)['#text']) : '');
const list = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : []);
const attr = (n: XmlNode, name: string): string => String(n[`@${name}`] ?? '');

/** Reads an XMILE file written by writeXmile. Throws InputError listing every problem. */
export function readXmile(source: string, file: string): InterchangeModel {
  const problems: InputProblem[] = [];
  const fail = (path: string, message: string): void => void problems.push({ file, path, message });
  let doc: XmlNode;
  try {
    // Loaded on first use, so importing the package does not load the XML reader.
    const { XMLParser } = createRequire(import.meta.url)('fast-xml-parser') as { XMLParser: typeof XMLParserClass };
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      isArray: (name) => ARRAYS.has(name),
    }).parse(source, true) as XmlNode;
  } catch (err) {
    throw new InputError([{ file, path: '', message: `not well-formed XML: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  const root = doc.xmile as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new InputError([{ file, path: '', message: 'expected an <xmile> document' }]);
  const specs = (root.sim_specs ?? {}) as XmlNode;
  const num = (key: string): number => {
    const v = Number(text(specs[key]));
    if (!Number.isFinite(v)) fail(`sim_specs.${key}`, `expected a number, got ${JSON.stringify(text(specs[key]))}`);
    return v;
  };
  const options = { start: num('start'), until: num('stop'), dt: num('dt') };
  const meta = readMetadata(text(root['hzsim:metadata']), (m) => fail('hzsim:metadata', m));
  const variablesNode = ((root.model as XmlNode | undefined)?.variables ?? {}) as XmlNode;
  const all = new Map<string, { kind: 'stock' | 'flow' | 'aux'; node: XmlNode }>();
  for (const kind of ['stock', 'flow', 'aux'] as const) for (const node of list(variablesNode[kind])) all.set(attr(node, 'name'), { kind, node });
  const groups = list(variablesNode.group);
  const helperNames = new Set(list(groups.find((g) => attr(g, 'name') === 'hzsim')?.entity).map((e) => attr(e, 'name')));

  const ids = new Map<string, string>();
  for (const name of all.keys()) if (!helperNames.has(name)) ids.set(canonicalName(name), name);
  const { resolve, read, engine: toEngine } = expressionReader('xmile', { time: 'TIME', dt: 'DT', start: 'STARTTIME', calendarYear: NAMES.calendarYear }, ids, fail);
  const engine = (name: string, what: string, source: string): string => toEngine(name, what, read(name, what, source));

  const levers: LeverDef[] = [];
  const leverOf = (name: string, node: XmlNode): void => {
    const ast = read(name, 'lever value', text(node.eqn));
    const schedule = ast ? scheduleOf(ast, (n) => resolve(n) === 'calendar-year') : null;
    if (!schedule) fail(name, 'a lever must be a number or a schedule (IF calendar_year >= Y THEN value ELSE …)');
    const range = node.range as XmlNode | undefined;
    const min = Number(range?.['@min']);
    const max = Number(range?.['@max']);
    levers.push({
      id: name,
      unit: text(node.units),
      default: schedule?.value ?? 0,
      ...(schedule?.linear ? { interpolation: 'linear' as const } : {}),
      ...(range && Number.isFinite(min) && Number.isFinite(max) ? { range: { min, max } } : {}),
    });
  };
  const leverNames = new Set([...all].filter(([, v]) => v.node['hzsim:lever'] !== undefined).map(([n]) => n));
  const toVar = (name: string): VarDef | null => {
    const entry = all.get(name);
    if (!entry) {
      fail(name, 'the group lists an entity no variable defines');
      return null;
    }
    const { kind, node } = entry;
    const base = { id: name, unit: text(node.units), doc: text(node.doc) };
    if (leverNames.has(name)) {
      leverOf(name, node);
      return { kind: 'input', ...base, param: name };
    }
    const eqn = text(node.eqn).trim();
    if (kind === 'stock') {
      const stock: StockDef = {
        kind: 'stock', ...base, initial: engine(name, 'initial', eqn),
        inflows: list(node.inflow).map(text),
        outflows: list(node.outflow).map(text),
      };
      return stock;
    }
    return { kind, ...base, equation: engine(name, 'equation', eqn) };
  };
  const subsystems: Subsystem[] = [];
  for (const g of groups) {
    const gname = attr(g, 'name');
    if (gname === 'hzsim') continue;
    const info = g['hzsim:subsystem'] as XmlNode | undefined;
    const vars = list(g.entity).map((e) => toVar(attr(e, 'name'))).filter((v): v is VarDef => v !== null);
    subsystems.push({
      id: info ? attr(info, 'id') : gname,
      name: { zh: info ? attr(info, 'zh') : gname, en: info ? attr(info, 'en') : gname },
      doc: text(g.doc),
      vars,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  const spec: ModelSpec = { name: meta.model, subsystems, outputs: meta.outputs.map(({ reportedAs: _r, ...o }) => o) };
  const method = attr(specs, 'method').toLowerCase() === 'rk4' ? 'rk4' : meta.method;
  return { spec, levers, options: { ...options, method } };
}
