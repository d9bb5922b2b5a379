/**
 * Parses equations once with mathjs and validates them against the equation language: the
 * operators below and the functions of functions.ts. Anything outside that subset is refused here,
 * so later stages (units, code generation) only ever see these node types and functions.
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
import { fastParse } from './fast-parse.js';
import { FUNCTIONS, isFunctionName, isTimeSymbol } from './functions.js';
import { messages } from './messages.js';

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
    node = fastParse(source) ?? parse(source);
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
      const [lo, hi] = FUNCTIONS[name].arity;
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
