/**
 * Translation of a validated mathjs tree into a JavaScript expression over the slot array `v`.
 * Only the constructs accepted by parse.ts reach here. Helpers (`round_`, `clamp_`, `ramp_`) are
 * defined once in the generated source (HELPERS); `time` and `cy` (the calendar year being
 * simulated or reported) are parameters of the generated evaluation function.
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
import type { VarId } from './types.js';

export const HELPERS = `
function round_(x) { return x < 0 ? -Math.round(-x) : Math.round(x); }
function clamp_(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; }
function ramp_(slope, from, to, time) { return time <= from ? 0 : slope * ((time < to ? time : to) - from); }
`;

const COMPARISONS: Readonly<Record<string, string>> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '===',
  unequal: '!==',
};
const ARITHMETIC: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
const MATH_FUNCTIONS: Readonly<Record<string, string>> = {
  abs: 'Math.abs',
  exp: 'Math.exp',
  log: 'Math.log',
  sqrt: 'Math.sqrt',
  floor: 'Math.floor',
  ceil: 'Math.ceil',
  round: 'round_',
  clamp: 'clamp_',
};

/**
 * JS source for `node`. `slot(id)` gives a variable's index in `v`; `dt` and `start` are inlined as
 * literals.
 * Comparisons yield 1 or 0 and a condition is true when non-zero (and not NaN), as in mathjs.
 */
export function toJs(node: MathNode, slot: (id: VarId) => number, dt: number, start: number): string {
  const js = (n: MathNode): string => {
    if (isConstantNode(n)) return `(${String(n.value as number)})`;
    if (isSymbolNode(n)) {
      if (n.name === 'time') return 'time';
      if (n.name === 'dt') return `(${String(dt)})`;
      if (n.name === 'start') return `(${String(start)})`;
      return `v[${slot(n.name)}]`;
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
    if (isFunctionNode(n) && isSymbolNode(n.fn)) {
      const name = n.fn.name;
      const args = n.args.map(js);
      if (name === 'min' || name === 'max') {
        return args.length === 1 ? `(+${args[0]})` : `Math.${name}(${args.join(', ')})`;
      }
      // step(height, year): height once the calendar year `cy` has reached `year`.
      if (name === 'step') return `(cy >= ${args[1]} ? ${args[0]} : 0)`;
      if (name === 'ramp') return `ramp_(${args[0]}, ${args[1]}, ${args[2]}, time)`;
      const f = MATH_FUNCTIONS[name];
      if (f) return `${f}(${args.join(', ')})`;
    }
    // parse.ts refuses everything else; reaching here is an engine bug.
    throw new Error(`engine: no code generation for ${n.type} \`${n.toString()}\``);
  };
  return js(node);
}
