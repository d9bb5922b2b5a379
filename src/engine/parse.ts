/**
 * Parses equations once with mathjs and validates them against the equation language stated in
 * src/engine/types.ts. Anything outside that subset is refused here, so later stages (units,
 * code generation) only ever see the node types and functions listed below.
 */
import {
  parse,
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from './mathjs.js';
import { ModelError } from '../errors.js';
import { suggestIds } from '../util/suggest.js';
import type { VarId } from './types.js';
import { messages } from './messages.js';

/** Function name → allowed argument counts [min, max]. */
export const FUNCTIONS = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sqrt: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  clamp: [3, 3],
  step: [2, 2],
  ramp: [3, 3],
} as const satisfies Record<string, readonly [number, number]>;
export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);

/**
 * Symbols the engine supplies: the decimal time, the time step and the start (base) year of the
 * run (all in years), so equations say `time - start` rather than a hard-coded base year.
 */
export const TIME_SYMBOLS = ['time', 'dt', 'start'] as const;
const isTimeSymbol = (name: string): boolean => (TIME_SYMBOLS as readonly string[]).includes(name);

/** mathjs operator function name → the language's operator. */
export const BINARY_OPERATORS = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
} as const;
export type BinaryOperator = keyof typeof BINARY_OPERATORS;
const isBinaryOperator = (fn: string): fn is BinaryOperator => Object.hasOwn(BINARY_OPERATORS, fn);

export interface ParsedExpr {
  /** The expression text as written. */
  readonly source: string;
  readonly node: MathNode;
  /** Variable ids read, in first-occurrence order, without duplicates. */
  readonly reads: readonly VarId[];
}

/**
 * Parses `source`, the `field` ('equation' or 'initial') of variable `owner`, and collects the
 * variable ids it reads. Throws ModelError for a syntax error, a construct outside the language,
 * or an unknown symbol (with the nearest known ids).
 */
export function parseExpression(owner: VarId, field: string, source: string, known: ReadonlySet<VarId>): ParsedExpr {
  let node: MathNode;
  try {
    node = parse(source);
  } catch (err) {
    throw new ModelError(messages.syntax(owner, field, source, err instanceof Error ? err.message : String(err)));
  }
  const reads: VarId[] = [];
  const seen = new Set<VarId>();
  const fail = (what: string): never => {
    throw new ModelError(messages.notInLanguage(owner, field, source, what));
  };
  const visit = (n: MathNode): void => {
    if (isConstantNode(n)) {
      if (typeof n.value !== 'number' || !Number.isFinite(n.value)) fail(`the constant ${JSON.stringify(n.value)}`);
      return;
    }
    if (isSymbolNode(n)) {
      if (isTimeSymbol(n.name)) return;
      if (!known.has(n.name)) {
        throw new ModelError(messages.unknownSymbol(owner, field, source, n.name, nearest(n.name, known)));
      }
      if (!seen.has(n.name)) {
        seen.add(n.name);
        reads.push(n.name);
      }
      return;
    }
    if (isParenthesisNode(n)) return visit(n.content);
    if (isConditionalNode(n)) {
      visit(n.condition);
      visit(n.trueExpr);
      visit(n.falseExpr);
      return;
    }
    if (isOperatorNode(n)) {
      // isPercentage marks `50%`, which mathjs rewrites to a division; the language has no `%`.
      if ((n as { isPercentage?: boolean }).isPercentage) fail('the percentage sign `%`');
      if (n.implicit) fail(`implicit multiplication \`${n.toString()}\` (write \`*\`)`);
      const fn = n.fn as string;
      if (n.args.length === 1 && fn === 'unaryMinus') return visit(n.args[0] as MathNode);
      if (n.args.length === 2 && isBinaryOperator(fn)) {
        n.args.forEach(visit);
        return;
      }
      return fail(`the operator \`${n.op}\``);
    }
    if (isFunctionNode(n)) {
      const name = isSymbolNode(n.fn) ? n.fn.name : null;
      if (name === null || !isFunctionName(name)) return fail(`the function \`${name ?? n.fn.toString()}\``);
      const [lo, hi] = FUNCTIONS[name];
      if (n.args.length < lo || n.args.length > hi) {
        const expected = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo}–${hi}`;
        fail(`\`${name}\` with ${n.args.length} argument(s) (expected ${expected})`);
      }
      n.args.forEach(visit);
      return;
    }
    return fail(`\`${n.toString()}\` (a ${n.type})`);
  };
  visit(node);
  return { source, node, reads };
}

/** Up to three known ids closest to `name`, for "did you mean" (the library's one suggester). */
export const nearest = (name: string, known: Iterable<string>): string[] => suggestIds(name, [...known]);
