/**
 * A fast reader for the common case of the equation language: numbers, identifiers, + - * / ^,
 * unary minus, comparisons, ?:, calls and parentheses — giving exactly the tree mathjs's parser
 * gives (the same node classes, operators and nesting; a test compares them), about ten times
 * faster, which is most of compiling a model of thousands of variables. Anything else — a syntax
 * error, implicit multiplication, a unit, a chain of comparisons, a newline — returns null, and
 * the caller falls back to mathjs, whose answer (or error message) then stands.
 */
import { mathjs, type MathNode } from './mathjs.js';

const BINARY: Readonly<Record<string, readonly [string, number]>> = {
  '==': ['equal', 1],
  '!=': ['unequal', 1],
  '<': ['smaller', 1],
  '>': ['larger', 1],
  '<=': ['smallerEq', 1],
  '>=': ['largerEq', 1],
  '+': ['add', 2],
  '-': ['subtract', 2],
  '*': ['multiply', 3],
  '/': ['divide', 3],
};

/** Words mathjs reads as operators or constants, not symbols. */
const RESERVED = new Set(['and', 'or', 'xor', 'not', 'to', 'in', 'mod', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

class Fallback extends Error {}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const match = (re: RegExp, s: string, at: number): string | null => {
  re.lastIndex = at;
  return re.exec(s)?.[0] ?? null;
};

/** The expression as mathjs would parse it, or null when mathjs should decide. */
export function fastParse(source: string): MathNode | null {
  const { ConditionalNode, ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode } = mathjs();
  const s = source;
  let i = 0;
  const fail = (): never => {
    throw new Fallback();
  };
  const skip = (): void => {
    while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  };
  const peekOp = (): string | null => {
    skip();
    const c = s[i];
    if (s.charCodeAt(i + 1) === 61 && (c === '=' || c === '!' || c === '<' || c === '>')) return `${c}=`;
    if (c === '<' || c === '>' || c === '+' || c === '-' || c === '*' || c === '/' || c === '^' || c === '?' || c === ':' || c === ')' || c === ',') return c;
    return c === undefined ? null : fail();
  };
  const conditional = (): MathNode => {
    const c = comparison();
    if (peekOp() !== '?') return c;
    i++;
    const t = conditional();
    if (peekOp() !== ':') fail();
    i++;
    return new ConditionalNode(c, t, conditional());
  };
  const comparison = (): MathNode => {
    const a = binary(2);
    const op = peekOp();
    if (op === null || BINARY[op]?.[1] !== 1) return a;
    i += op.length;
    const b = binary(2);
    const next = peekOp();
    // mathjs chains comparisons into a RelationalNode: leave that to mathjs.
    if (next !== null && BINARY[next]?.[1] === 1) fail();
    return new OperatorNode(op as '<', BINARY[op]?.[0] as 'smaller', [a, b]);
  };
  const binary = (level: number): MathNode => {
    let a = level === 2 ? binary(3) : unary();
    for (;;) {
      const op = peekOp();
      const entry = op === null ? undefined : BINARY[op];
      if (!entry || entry[1] !== level) return a;
      i += (op as string).length;
      const b = level === 2 ? binary(3) : unary();
      a = new OperatorNode(op as '+', entry[0] as 'add', [a, b]);
    }
  };
  const unary = (): MathNode => {
    skip();
    if (s[i] === '-') {
      i++;
      return new OperatorNode('-', 'unaryMinus', [unary()]);
    }
    if (s[i] === '+') fail();
    return power();
  };
  const power = (): MathNode => {
    const base = primary();
    if (peekOp() !== '^') return base;
    i++;
    return new OperatorNode('^', 'pow', [base, unary()]);
  };
  const primary = (): MathNode => {
    skip();
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46) {
      const m = match(NUMBER, s, i);
      if (m === null) return fail();
      i += m.length;
      const next = s.charCodeAt(i);
      // A letter, digit or dot right after a number is implicit multiplication or a unit: mathjs's call.
      if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95 || next === 46 || next === 36) fail();
      return new ConstantNode(Number(m));
    }
    if (s[i] === '(') {
      i++;
      const inner = conditional();
      if (peekOp() !== ')') fail();
      i++;
      return new ParenthesisNode(inner);
    }
    const name = match(NAME, s, i);
    if (name === null) return fail();
    i += name.length;
    // mathjs keywords and constants mean something else there.
    if (RESERVED.has(name)) fail();
    if (s[i] === '(') {
      i++;
      const args: MathNode[] = [];
      skip();
      if (s[i] !== ')') {
        args.push(conditional());
        while (peekOp() === ',') {
          i++;
          args.push(conditional());
        }
      }
      if (peekOp() !== ')') fail();
      i++;
      return new FunctionNode(new SymbolNode(name), args);
    }
    skip();
    // `name (` or a following identifier is implicit multiplication: mathjs's call.
    const next = s.charCodeAt(i);
    if (next === 40 || next === 46 || next === 91 || next === 95 || (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) fail();
    return new SymbolNode(name);
  };
  try {
    const node = conditional();
    skip();
    return i === s.length ? node : null;
  } catch (err) {
    if (err instanceof Fallback) return null;
    throw err;
  }
}
