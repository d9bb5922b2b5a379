/**
 * Equations across languages: the engine's expressions printed in Vensim or XMILE syntax, and
 * Vensim or XMILE expressions read back into the engine's syntax. Printing keeps the expression
 * tree exactly (every operator applied to the same operands in the same order), so a model
 * exported and imported again computes bit for bit what it did. Functions the other languages lack
 * (floor in Vensim, ceil, round, clamp) are written as exact combinations of ones they have.
 *
 * The engine's calendar-year convention (a step starting at `time` simulates year ⌊time⌋ + 1,
 * year ends report with that year's levers) is spelled out in the exported model through two
 * variables, the step's calendar year and the reported year (see plan.ts); `step(h, Y)` becomes
 * IF THEN ELSE(calendar year >= Y, h, 0).
 */
import {
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from '../engine/mathjs.js';
import type { FunctionName } from '../engine/functions.js';
import type { VarId } from '../engine/types.js';

export type Format = 'vensim' | 'xmile';

/** How a language writes what the engine's expressions need. */
interface Dialect {
  readonly time: string;
  readonly dt: string;
  readonly start: string;
  readonly ifThenElse: (c: string, a: string, b: string) => string;
  /** floor(x) exactly (x is already an atom). */
  readonly floor: (x: string) => string;
}

const DIALECTS: Readonly<Record<Format, Dialect>> = {
  vensim: {
    time: 'TIME',
    dt: 'TIME STEP',
    start: 'INITIAL TIME',
    ifThenElse: (c, a, b) => `IF THEN ELSE(${c}, ${a}, ${b})`,
    // Vensim's INTEGER truncates toward zero: one less for a negative non-integer.
    floor: (x) => `IF THEN ELSE(${x} < INTEGER(${x}), INTEGER(${x}) - 1, INTEGER(${x}))`,
  },
  xmile: {
    time: 'TIME',
    dt: 'DT',
    start: 'STARTTIME',
    ifThenElse: (c, a, b) => `(IF ${c} THEN ${a} ELSE ${b})`,
    floor: (x) => `INT(${x})`,
  },
};

// Precedence levels of printed sub-expressions (higher binds tighter).
const COMPARISON = 1;
const ADDITIVE = 2;
const MULTIPLICATIVE = 3;
const POWER = 5;
const ATOM = 6;

interface Printed {
  readonly text: string;
  readonly prec: number;
  /** A comparison (usable directly as a condition). */
  readonly comparison?: boolean;
}

const atom = (text: string): Printed => ({ text, prec: ATOM });
const BINARY: Readonly<Record<string, { op: string; prec: number }>> = {
  add: { op: '+', prec: ADDITIVE },
  subtract: { op: '-', prec: ADDITIVE },
  multiply: { op: '*', prec: MULTIPLICATIVE },
  divide: { op: '/', prec: MULTIPLICATIVE },
  pow: { op: '^', prec: POWER },
  smaller: { op: '<', prec: COMPARISON },
  smallerEq: { op: '<=', prec: COMPARISON },
  larger: { op: '>', prec: COMPARISON },
  largerEq: { op: '>=', prec: COMPARISON },
  equal: { op: '=', prec: COMPARISON },
  unequal: { op: '<>', prec: COMPARISON },
};

/** What printing needs to know about names: a variable's name in the file, and the calendar year to use. */
export interface PrintContext {
  readonly name: (id: VarId) => string;
  /** The calendar-year variable `step` compares with (the step's, or the reported year in year-end copies). */
  readonly calendarYear: string;
}

/** Each engine function in the other languages, from printed (atomic) arguments. */
type Translation = (args: readonly string[], d: Dialect, ctx: PrintContext) => string;
const FUNCTIONS: Readonly<Record<FunctionName, Translation>> = {
  min: (args) => args.reduceRight((acc, a) => `MIN(${a}, ${acc})`),
  max: (args) => args.reduceRight((acc, a) => `MAX(${a}, ${acc})`),
  abs: ([x]) => `ABS(${x})`,
  exp: ([x]) => `EXP(${x})`,
  log: ([x]) => `LN(${x})`,
  sqrt: ([x]) => `SQRT(${x})`,
  floor: ([x], d) => d.floor(x as string),
  ceil: ([x], d) => `(-${d.floor(`(-${x})`)})`,
  // Halves away from zero: floor(|x|) + 1 when the fraction of |x| is at least one half.
  round: ([x], d) => {
    const half = (y: string): string => `(${d.floor(y)} + ${d.ifThenElse(`${y} - ${d.floor(y)} >= 0.5`, '1', '0')})`;
    return d.ifThenElse(`${x} < 0`, `(-${half(`(-${x})`)})`, half(x as string));
  },
  clamp: ([x, lo, hi], d) => d.ifThenElse(`${x} < ${lo}`, lo as string, d.ifThenElse(`${x} > ${hi}`, hi as string, x as string)),
  step: ([h, year], d, ctx) => d.ifThenElse(`${ctx.calendarYear} >= ${year}`, h as string, '0'),
  ramp: ([slope, from, to]) => `RAMP(${slope}, ${from}, ${to})`,
};

const paren = (p: Printed): string => (p.prec === ATOM ? p.text : `(${p.text})`);

/** An engine expression (parsed tree) in `format`'s syntax. */
export function printExpression(node: MathNode, format: Format, ctx: PrintContext): string {
  const d = DIALECTS[format];
  const condition = (p: Printed): string => (p.comparison ? p.text : `${paren(p)} <> 0`);
  // A comparison used as a value is 1 or 0, as in the engine (the other languages compare only in conditions).
  const value = (p: Printed): Printed => (p.comparison ? atom(d.ifThenElse(p.text, '1', '0')) : p);
  const operand = (n: MathNode): Printed => value(visit(n));
  const visit = (n: MathNode): Printed => {
    if (isConstantNode(n)) return atom(String(n.value as number));
    if (isSymbolNode(n)) {
      if (n.name === 'time') return atom(d.time);
      if (n.name === 'dt') return atom(d.dt);
      if (n.name === 'start') return atom(d.start);
      return atom(ctx.name(n.name));
    }
    if (isParenthesisNode(n)) return visit(n.content);
    if (isConditionalNode(n)) return atom(d.ifThenElse(condition(visit(n.condition)), operand(n.trueExpr).text, operand(n.falseExpr).text));
    if (isOperatorNode(n)) {
      const fn = n.fn as string;
      if (fn === 'unaryMinus') return { text: `-${paren(operand(n.args[0] as MathNode))}`, prec: ADDITIVE };
      const b = BINARY[fn];
      if (b) {
        const [l, r] = n.args.map(operand) as [Printed, Printed];
        // Keep the tree: parenthesise a left operand that binds looser, a right one that binds no tighter.
        const left = b.prec === POWER ? paren(l) : l.prec < b.prec ? `(${l.text})` : l.text;
        const right = b.prec === POWER ? paren(r) : r.prec <= b.prec ? `(${r.text})` : r.text;
        const text = `${left} ${b.op} ${right}`;
        if (b.prec === COMPARISON) return { text, prec: COMPARISON, comparison: true };
        return { text, prec: b.prec };
      }
    }
    if (isFunctionNode(n) && isSymbolNode(n.fn)) {
      const translate = FUNCTIONS[n.fn.name as FunctionName] as Translation | undefined;
      if (translate) {
        const args = n.args.map((a) => paren(operand(a)));
        return atom(n.fn.name === 'min' || n.fn.name === 'max' ? (args.length === 1 ? (args[0] as string) : translate(args, d, ctx)) : translate(args, d, ctx));
      }
    }
    throw new Error(`interchange: cannot write \`${n.toString()}\``);
  };
  return operand(node).text;
}

// ---- reading ----

/** An expression read from a file, before translation to the engine's syntax. */
export type Ast =
  | { readonly k: 'num'; readonly v: number; readonly text: string }
  | { readonly k: 'name'; readonly n: string }
  | { readonly k: 'neg'; readonly a: Ast }
  | { readonly k: 'bin'; readonly op: string; readonly a: Ast; readonly b: Ast }
  | { readonly k: 'call'; readonly f: string; readonly args: readonly Ast[] }
  | { readonly k: 'if'; readonly c: Ast; readonly a: Ast; readonly b: Ast };

export class ExpressionError extends Error {}

/** Names compare as Vensim and XMILE compare them: case-insensitive, spaces and underscores alike. */
export const canonicalName = (name: string): string => name.trim().toLowerCase().replace(/[\s_]+/g, ' ');

interface Token {
  readonly t: 'num' | 'name' | 'op' | '(' | ')' | ',';
  readonly s: string;
}

const OPERATORS = ['<=', '>=', '<>', '<', '>', '=', '+', '-', '*', '/', '^'];

function tokenize(text: string, format: Format): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ t: 'num', s: num[0] });
      i += num[0].length;
      continue;
    }
    // Vensim names may contain single spaces between words (`TIME STEP`, `IF THEN ELSE`).
    const name = (format === 'vensim' ? /^[A-Za-z_][A-Za-z0-9_$]*(?: +[A-Za-z_][A-Za-z0-9_$]*)*/ : /^[A-Za-z_][A-Za-z0-9_$]*/).exec(text.slice(i));
    if (name) {
      tokens.push({ t: 'name', s: name[0].replace(/ +/g, ' ') });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', s: op });
      i += op.length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, s: c });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character \`${c}\` at position ${i + 1}`);
  }
  return tokens;
}

/** Parses a Vensim or XMILE expression (the subset these exports use). Throws ExpressionError. */
export function parseForeign(text: string, format: Format): Ast {
  const tokens = tokenize(text, format);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isName = (tok: Token | undefined, word: string): boolean => tok?.t === 'name' && tok.s.toUpperCase() === word;
  const expect = (t: Token['t'], s?: string): void => {
    const tok = tokens[pos];
    if (!tok || tok.t !== t || (s !== undefined && tok.s.toUpperCase() !== s)) {
      throw new ExpressionError(`expected ${s ?? t} ${tok ? `before \`${tok.s}\`` : 'at the end'}`);
    }
    pos++;
  };
  const comparison = (): Ast => {
    const a = additive();
    const tok = peek();
    if (tok?.t === 'op' && ['<', '<=', '>', '>=', '=', '<>'].includes(tok.s)) {
      pos++;
      return { k: 'bin', op: tok.s, a, b: additive() };
    }
    return a;
  };
  const additive = (): Ast => {
    let a = multiplicative();
    for (let tok = peek(); tok?.t === 'op' && (tok.s === '+' || tok.s === '-'); tok = peek()) {
      pos++;
      a = { k: 'bin', op: tok.s, a, b: multiplicative() };
    }
    return a;
  };
  const multiplicative = (): Ast => {
    let a = unary();
    for (let tok = peek(); tok?.t === 'op' && (tok.s === '*' || tok.s === '/'); tok = peek()) {
      pos++;
      a = { k: 'bin', op: tok.s, a, b: unary() };
    }
    return a;
  };
  const unary = (): Ast => {
    const tok = peek();
    if (tok?.t === 'op' && tok.s === '-') {
      pos++;
      return { k: 'neg', a: unary() };
    }
    if (tok?.t === 'op' && tok.s === '+') {
      pos++;
      return unary();
    }
    return power();
  };
  const power = (): Ast => {
    const a = primary();
    const tok = peek();
    if (tok?.t === 'op' && tok.s === '^') {
      pos++;
      return { k: 'bin', op: '^', a, b: unary() };
    }
    return a;
  };
  const primary = (): Ast => {
    const tok = peek();
    if (!tok) throw new ExpressionError('unexpected end of the expression');
    pos++;
    if (tok.t === 'num') return { k: 'num', v: Number(tok.s), text: tok.s };
    if (tok.t === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    if (tok.t === 'name') {
      if (format === 'xmile' && tok.s.toUpperCase() === 'IF') {
        const c = comparison();
        expect('name', 'THEN');
        const a = comparison();
        expect('name', 'ELSE');
        return { k: 'if', c, a, b: comparison() };
      }
      if (peek()?.t === '(') {
        pos++;
        const args: Ast[] = [];
        if (peek()?.t !== ')') {
          args.push(comparison());
          while (peek()?.t === ',') {
            pos++;
            args.push(comparison());
          }
        }
        expect(')');
        const f = tok.s.toUpperCase();
        if (f === 'IF THEN ELSE') {
          if (args.length !== 3) throw new ExpressionError('IF THEN ELSE takes 3 arguments');
          return { k: 'if', c: args[0] as Ast, a: args[1] as Ast, b: args[2] as Ast };
        }
        return { k: 'call', f, args };
      }
      return { k: 'name', n: tok.s };
    }
    throw new ExpressionError(`unexpected \`${tok.s}\``);
  };
  const e = comparison();
  if (isName(peek(), 'THEN') || pos < tokens.length) throw new ExpressionError(`unexpected \`${peek()?.s ?? ''}\` after the expression`);
  return e;
}

/** How reading resolves names: the engine symbol or variable id a name stands for. */
export interface ReadContext {
  /** The variable id, `time`/`dt`/`start`, 'calendar-year' for the step's calendar year, or null if unknown. */
  readonly resolve: (name: string) => string | null;
}

const ENGINE_BINARY: Readonly<Record<string, { op: string; prec: number }>> = {
  '+': { op: '+', prec: ADDITIVE },
  '-': { op: '-', prec: ADDITIVE },
  '*': { op: '*', prec: MULTIPLICATIVE },
  '/': { op: '/', prec: MULTIPLICATIVE },
  '^': { op: '^', prec: POWER },
  '<': { op: '<', prec: COMPARISON },
  '<=': { op: '<=', prec: COMPARISON },
  '>': { op: '>', prec: COMPARISON },
  '>=': { op: '>=', prec: COMPARISON },
  '=': { op: '==', prec: COMPARISON },
  '<>': { op: '!=', prec: COMPARISON },
};
const ENGINE_CALLS: Readonly<Record<string, string>> = { MIN: 'min', MAX: 'max', ABS: 'abs', EXP: 'exp', LN: 'log', SQRT: 'sqrt', RAMP: 'ramp', INT: 'floor' };

const isNum = (a: Ast, v: number): boolean => a.k === 'num' && a.v === v;
const same = (a: Ast, b: Ast): boolean => JSON.stringify(a) === JSON.stringify(b);
const integerOf = (a: Ast): Ast | null => (a.k === 'call' && a.f === 'INTEGER' && a.args.length === 1 ? (a.args[0] as Ast) : null);

/** x in IF THEN ELSE(x < INTEGER(x), INTEGER(x) - 1, INTEGER(x)): how the Vensim export writes floor(x). */
function floorPattern(a: Extract<Ast, { k: 'if' }>): Ast | null {
  const { c } = a;
  if (c.k !== 'bin' || c.op !== '<') return null;
  const x = integerOf(c.b);
  if (!x || !same(x, c.a)) return null;
  const lower = a.a.k === 'bin' && a.a.op === '-' && isNum(a.a.b, 1) ? integerOf(a.a.a) : null;
  const whole = integerOf(a.b);
  return lower && whole && same(lower, x) && same(whole, x) ? x : null;
}

/** An expression read from a file, in the engine's syntax. Throws ExpressionError for what the engine cannot express. */
export function toEngineSyntax(ast: Ast, format: Format, ctx: ReadContext): string {
  const CONDITIONAL = 0;
  const name = (n: string): string => {
    const r = ctx.resolve(n);
    if (r === null) throw new ExpressionError(`unknown name \`${n}\``);
    if (r === 'calendar-year') throw new ExpressionError(`the calendar year is read only through step: IF THEN ELSE(calendar year >= Y, h, 0)`);
    return r;
  };
  const wrap = (p: Printed, min: number): string => (p.prec < min ? `(${p.text})` : p.text);
  const visit = (a: Ast): Printed => {
    switch (a.k) {
      case 'num':
        return atom(a.text);
      case 'name':
        return atom(name(a.n));
      case 'neg':
        return { text: `-${wrap(visit(a.a), POWER)}`, prec: ADDITIVE + 0.5 };
      case 'bin': {
        const b = ENGINE_BINARY[a.op];
        if (!b) throw new ExpressionError(`operator ${a.op}`);
        const l = visit(a.a);
        const r = visit(a.b);
        // Comparisons do not chain: a comparison operand of a comparison keeps its parentheses.
        const left = b.prec === POWER ? wrap(l, ATOM) : b.prec === COMPARISON ? wrap(l, COMPARISON + 1) : wrap(l, b.prec);
        const right = b.prec === POWER ? wrap(r, ATOM) : r.prec <= b.prec ? `(${r.text})` : r.text;
        return { text: `${left} ${b.op} ${right}`, prec: b.prec };
      }
      case 'if': {
        // step(h, Y) as the exports write it, and a comparison as a value.
        if (a.c.k === 'bin' && a.c.op === '>=' && a.c.a.k === 'name' && ctx.resolve(a.c.a.n) === 'calendar-year' && isNum(a.b, 0)) {
          return atom(`step(${visit(a.a).text}, ${visit(a.c.b).text})`);
        }
        const floored = floorPattern(a);
        if (floored) return atom(`floor(${visit(floored).text})`);
        return { text: `${wrap(visit(a.c), COMPARISON)} ? ${wrap(visit(a.a), COMPARISON)} : ${wrap(visit(a.b), CONDITIONAL)}`, prec: CONDITIONAL };
      }
      case 'call': {
        const args = a.args.map((x) => visit(x).text);
        if (a.f === 'INTEGER' && format === 'vensim') {
          if (args.length !== 1) throw new ExpressionError('INTEGER takes 1 argument');
          const x = wrap(visit(a.args[0] as Ast), ATOM);
          return atom(`(${x} < 0 ? ceil(${x}) : floor(${x}))`);
        }
        const f = ENGINE_CALLS[a.f];
        if (!f || (a.f === 'INT' && format !== 'xmile')) throw new ExpressionError(`the function ${a.f}, which the engine does not have`);
        return atom(`${f}(${args.join(', ')})`);
      }
    }
  };
  return visit(ast).text;
}
