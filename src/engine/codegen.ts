/**
 * Translation of a validated mathjs tree into a JavaScript expression. Only the constructs accepted
 * by parse.ts reach here; function calls compile as functions.ts says. `time` and `cy` (the
 * calendar year being simulated or reported) are parameters of the generated functions.
 */
import {
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from './mathjs.js';
import { FUNCTIONS, isFunctionName } from './functions.js';
import type { VarId } from './types.js';

const COMPARISONS: Readonly<Record<string, string>> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '===',
  unequal: '!==',
};
const ARITHMETIC: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
/**
 * JS source for `node`. `ref(id)` gives the JS expression that reads a variable (a slot of `v` or
 * a local); `dt` and `start` are inlined as literals. Helper functions the code calls are added to
 * `helpers` (name → definition) when given.
 * Comparisons yield 1 or 0 and a condition is true when non-zero (and not NaN), as in mathjs.
 */
export function toJs(
  node: MathNode,
  ref: (id: VarId) => string,
  dt: number,
  start: number,
  helpers?: Map<string, string>,
): string {
  const js = (n: MathNode): string => {
    if (isConstantNode(n)) return `(${String(n.value as number)})`;
    if (isSymbolNode(n)) {
      if (n.name === 'time') return 'time';
      if (n.name === 'dt') return `(${String(dt)})`;
      if (n.name === 'start') return `(${String(start)})`;
      return ref(n.name);
    }
    if (isParenthesisNode(n)) return js(n.content);
    if (isConditionalNode(n)) return `(${js(n.condition)} ? ${js(n.trueExpr)} : ${js(n.falseExpr)})`;
    if (isOperatorNode(n)) {
      const fn = n.fn as string;
      const args = n.args.map(js);
      if (fn === 'unaryMinus') return `(-${args[0]})`;
      if (fn === 'pow') return `Math.pow(${args[0]}, ${args[1]})`;
      const cmp = COMPARISONS[fn];
      if (cmp) return `(${args[0]} ${cmp} ${args[1]} ? 1 : 0)`;
      const op = ARITHMETIC[fn];
      if (op) return `(${args[0]} ${op} ${args[1]})`;
    }
    if (isFunctionNode(n) && isSymbolNode(n.fn) && isFunctionName(n.fn.name)) {
      const fn = FUNCTIONS[n.fn.name];
      if (helpers && 'helpers' in fn) for (const [name, code] of Object.entries(fn.helpers)) helpers.set(name, code);
      return fn.js(n.args.map(js));
    }
    // parse.ts refuses everything else; reaching here is an engine bug.
    throw new Error(`engine: no code generation for ${n.type} \`${n.toString()}\``);
  };
  return js(node);
}
