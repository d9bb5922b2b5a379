/**
 * What both formats share: documentation escaped for the files, the hzsim metadata block (model
 * name, method, outputs), and reading a lever's value back from its equation.
 */
import type { IntegrationMethod, LeverValue, OutputDef } from '../engine/types.js';
import { canonicalName, ExpressionError, parseForeign, toEngineSyntax, type Ast, type Format } from './expression.js';

/** Vensim ends a comment at `|` and a field at `~`: both are written as character references. */
export const encodeDoc = (text: string): string => text.replace(/&#/g, '&#38;#').replace(/\|/g, '&#124;').replace(/~/g, '&#126;');
export const decodeDoc = (text: string): string =>
  text.replace(/&#(124|126|38);/g, (_, code: string) => String.fromCharCode(Number(code)));

export interface Metadata {
  readonly model: string;
  readonly method: IntegrationMethod;
  /** Outputs, each with the name of the variable in the file that carries its reported values. */
  readonly outputs: readonly (OutputDef & { readonly reportedAs: string })[];
}

/** The metadata as lines `hzsim <key>: <value>` (an output: id, variable, kind, report, then the reporting name). */
export function encodeMetadata(meta: Metadata): string {
  return [
    `hzsim model: ${meta.model}`,
    `hzsim method: ${meta.method}`,
    ...meta.outputs.map((o) => `hzsim output: ${o.id} ${o.variable} ${o.kind} ${o.report ?? 'value'} ${o.reportedAs}`),
  ].join('\n');
}

export function readMetadata(text: string, fail: (message: string) => void): Metadata {
  let model = 'model';
  let method: IntegrationMethod = 'euler';
  const outputs: (OutputDef & { reportedAs: string })[] = [];
  for (const line of text.split('\n')) {
    const m = /^hzsim (model|method|output): (.*)$/.exec(line.trim());
    if (!m) continue;
    const value = (m[2] ?? '').trim();
    if (m[1] === 'model') model = value;
    else if (m[1] === 'method') {
      if (value !== 'euler' && value !== 'rk4') fail(`hzsim method: expected euler or rk4, got ${JSON.stringify(value)}`);
      else method = value;
    } else {
      const [id, variable, kind, report, ...as] = value.split(' ');
      if (!id || !variable || (kind !== 'indicator' && kind !== 'series') || (report !== 'value' && report !== 'annual-increase') || as.length === 0) {
        fail(`hzsim output: expected \`id variable indicator|series value|annual-increase name\`, got ${JSON.stringify(value)}`);
        continue;
      }
      outputs.push({ id, variable, kind, ...(report === 'annual-increase' ? { report } : {}), reportedAs: as.join(' ') });
    }
  }
  return { model, method, outputs };
}

const constant = (a: Ast): number | null => (a.k === 'num' ? a.v : a.k === 'neg' && a.a.k === 'num' ? -a.a.v : null);

/**
 * A lever's value from its equation as plan.ts writes it: a number, or a chain
 * IF THEN ELSE(calendar year >= Y, value from Y, earlier) whose values are numbers (a step
 * schedule) or the linear interpolation towards the next key. Null for anything else.
 */
export function scheduleOf(ast: Ast, isCalendarYear: (name: string) => boolean): { value: LeverValue; linear: boolean } | null {
  const c = constant(ast);
  if (c !== null) return { value: c, linear: false };
  const entries: [number, number][] = [];
  let linear = false;
  let node: Ast = ast;
  while (node.k === 'if') {
    const cond = node.c;
    if (cond.k !== 'bin' || cond.op !== '>=' || cond.a.k !== 'name' || !isCalendarYear(cond.a.n)) return null;
    const year = constant(cond.b);
    if (year === null) return null;
    let v = constant(node.a);
    if (v === null && node.a.k === 'bin' && node.a.op === '+') {
      v = constant(node.a.a);
      linear = true;
    }
    if (v === null) return null;
    entries.push([year, v]);
    node = node.b;
  }
  if (constant(node) === null || entries.length === 0) return null;
  return { value: Object.fromEntries(entries.reverse()), linear };
}

/**
 * Reading a file's expressions: names resolved against the file's variables (`ids`, canonical name
 * → id) and its words for time, the time step, the start and the calendar year; every problem
 * reported through `fail(variable, message)` rather than thrown, so a file's problems come at once.
 */
export function expressionReader(
  format: Format,
  words: { readonly time: string; readonly dt: string; readonly start: string; readonly calendarYear: string },
  ids: ReadonlyMap<string, string>,
  fail: (path: string, message: string) => void,
): { resolve: (name: string) => string | null; read: (name: string, what: string, source: string) => Ast | null; engine: (name: string, what: string, ast: Ast | null) => string } {
  const symbols = new Map([
    [canonicalName(words.time), 'time'],
    [canonicalName(words.dt), 'dt'],
    [canonicalName(words.start), 'start'],
    [canonicalName(words.calendarYear), 'calendar-year'],
  ]);
  const resolve = (name: string): string | null => {
    const c = canonicalName(name);
    return symbols.get(c) ?? ids.get(c) ?? null;
  };
  const read = (name: string, what: string, source: string): Ast | null => {
    try {
      return parseForeign(source, format);
    } catch (err) {
      fail(name, `cannot read the ${what} \`${source}\`: ${(err as Error).message}`);
      return null;
    }
  };
  const engine = (name: string, what: string, ast: Ast | null): string => {
    if (!ast) return '0';
    try {
      return toEngineSyntax(ast, format, { resolve });
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      fail(name, `cannot read the ${what}: ${err.message}`);
      return '0';
    }
  };
  return { resolve, read, engine };
}
