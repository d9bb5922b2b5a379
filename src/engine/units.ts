/**
 * Build-time unit checking. Unit strings are mathjs unit expressions over the base units
 * registered here (person, household, yuan, percent; mathjs supplies hectare and year) and `1`
 * for dimensionless. Only dimensions are compared, never scale: `percent` and `1` are both
 * dimensionless, `hectare` and `m^2` agree.
 *
 * Expressions are checked by walking the parsed tree with each variable replaced by its declared
 * dimension. Literal numbers are dimensionless when multiplied or divided; where a sum, comparison,
 * min/max/clamp or conditional combines a literal with a dimensioned value, the literal takes that
 * value's dimension (so `max(0, quota)` and `pop - 1000` are accepted, as in Stella's checker).
 */
import {
  createMathInstance,
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathJsInstance,
  type MathNode,
} from './mathjs.js';
import { ModelError } from '../errors.js';
import { equationFunction, isFunctionName, isTimeSymbol } from './functions.js';
import { messages } from './messages.js';
import type { FlatModel } from './model.js';
import type { LeverDef, VarId } from './types.js';

/** Exponents over the base dimensions (mathjs's nine plus the ones registered here). */
export type Dims = readonly number[];

let mathInstance: MathJsInstance | null = null;
function unitMath(): MathJsInstance {
  if (mathInstance) return mathInstance;
  const m = createMathInstance();
  m.createUnit('person');
  m.createUnit('household');
  m.createUnit('yuan');
  // A 0–100 share: dimensionless, scale 0.01 (scale is never compared).
  m.createUnit('percent', '0.01');
  mathInstance = m;
  return m;
}

const baseDimensionNames = (): readonly string[] => unitMath().Unit.BASE_DIMENSIONS as readonly string[];

const dimsCache = new Map<string, Dims>();

/** Parses a unit string into its dimension; throws ModelError naming `where` if it is not a unit. */
export function unitDims(unit: string, where: string): Dims {
  let dims = dimsCache.get(unit);
  if (!dims) {
    dims = parseUnit(unit, where);
    dimsCache.set(unit, dims);
  }
  return dims;
}

function parseUnit(unit: string, where: string): Dims {
  const m = unitMath();
  const n = baseDimensionNames().length;
  let value: unknown;
  try {
    value = m.evaluate(unit);
  } catch (err) {
    throw new ModelError(messages.badUnit(where, unit, err instanceof Error ? err.message : String(err)));
  }
  if (typeof value === 'number') {
    if (value !== 1) throw new ModelError(messages.badUnit(where, unit, `a bare number other than 1`));
    return new Array<number>(n).fill(0);
  }
  if (m.isUnit(value)) {
    const dims = (value as unknown as { dimensions: number[] }).dimensions;
    return Array.from({ length: n }, (_, i) => dims[i] ?? 0);
  }
  throw new ModelError(messages.badUnit(where, unit, 'not a unit'));
}

const DISPLAY: Readonly<Record<string, string>> = {
  MASS: 'kg',
  LENGTH: 'm',
  TIME: 'year',
  CURRENT: 'A',
  TEMPERATURE: 'K',
  LUMINOUS_INTENSITY: 'cd',
  AMOUNT_OF_SUBSTANCE: 'mol',
  ANGLE: 'rad',
  BIT: 'bit',
};

/** Human form of a dimension: `person/year`, `hectare`, `1`. */
export function formatDims(dims: Dims): string {
  const names = baseDimensionNames();
  const num: string[] = [];
  const den: string[] = [];
  dims.forEach((e, i) => {
    if (e === 0) return;
    const base = names[i] ?? `dim${i}`;
    let name = DISPLAY[base] ?? base.replace(/_STUFF$/, '');
    let exp = Math.abs(e);
    if (base === 'LENGTH' && exp % 2 === 0) {
      name = 'hectare';
      exp /= 2;
    }
    const term = exp === 1 ? name : `${name}^${exp}`;
    (e > 0 ? num : den).push(term);
  });
  const top = num.length > 0 ? num.join('*') : '1';
  if (den.length === 0) return top;
  return `${top}/${den.length > 1 ? `(${den.join('*')})` : den[0]}`;
}

const sameDims = (a: Dims, b: Dims): boolean => a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? 0)) < 1e-12);
const isDimensionless = (a: Dims): boolean => a.every((x) => x === 0);
const addDims = (a: Dims, b: Dims, sign: 1 | -1): Dims => a.map((x, i) => x + sign * (b[i] ?? 0));

/** The dimension of a sub-expression; `dims === null` marks a literal that adapts to context. */
export interface DimValue {
  readonly dims: Dims | null;
  /** How to name it in a message: the declared unit of a variable, or null to format the dims (labelOf). */
  readonly label: string | null;
  /** Numeric value when the sub-expression is a constant (for exponents). */
  readonly constant: number | null;
}

/** What a function's unit rule (functions.ts) can ask of the checker. */
export interface UnitRules {
  /** The value's dimension, as a non-constant. */
  variable(v: DimValue): DimValue;
  /** All values share one dimension (literals adapt); throws naming `verb` otherwise. */
  unify(verb: string, values: readonly DimValue[]): DimValue;
  /** Requires a dimensionless argument of `fn`; the result is dimensionless. */
  dimensionless(fn: string, v: DimValue): DimValue;
  /** The dimension raised to `p` (`sqrt`: 0.5). */
  power(v: DimValue, p: number): DimValue;
  /** Requires a year argument of `fn`: a plain number or a value in years. */
  year(fn: string, v: DimValue): void;
  /** The dimension times years (a rate accumulated over time, as in `ramp`). */
  timesYear(v: DimValue): DimValue;
}

/** How a message names a value's unit. */
export const labelOf = (v: DimValue): string => v.label ?? (v.dims === null ? 'a number' : formatDims(v.dims));

class UnitProblem extends Error {}

/**
 * The dimension of an expression, given the dimension of every variable (built once per model).
 * Throws UnitProblem with the reason (the caller adds which variable and expression).
 */
function dimensionChecker(varDims: (id: VarId) => { dims: Dims; label: string }, zero: Dims): (node: MathNode) => DimValue {
  const known = (dims: Dims, label: string | null = null): DimValue => ({ dims, label, constant: null });
  const literal = (constant: number | null): DimValue => ({ dims: null, label: 'a number', constant });
  const year = unitDims('year', 'time');

  // Unify operands of +, -, comparisons, min/max/clamp, ?: — all must share one dimension.
  const unify = (verb: string, values: readonly DimValue[]): DimValue => {
    let found: DimValue | null = null;
    for (const v of values) {
      if (v.dims === null) continue;
      if (found === null || found.dims === null) found = v;
      else if (!sameDims(found.dims, v.dims)) throw new UnitProblem(messages.cannotCombine(verb, labelOf(found), labelOf(v)));
    }
    return found ?? literal(null);
  };
  const asDims = (v: DimValue): Dims => v.dims ?? zero;
  const needDimensionless = (fn: string, v: DimValue): void => {
    if (v.dims !== null && !isDimensionless(v.dims)) throw new UnitProblem(messages.needsDimensionless(fn, labelOf(v)));
  };

  const rules: UnitRules = {
    variable: (v) => ({ ...v, constant: null }),
    unify: (verb, values) => unify(verb, values),
    dimensionless: (fn, v) => {
      needDimensionless(fn, v);
      return v.dims === null ? literal(null) : known(zero);
    },
    power: (v, p) => (v.dims === null ? literal(null) : known(v.dims.map((x) => x * p))),
    year: (fn, v) => {
      if (v.dims !== null && !isDimensionless(v.dims) && !sameDims(v.dims, year)) {
        throw new UnitProblem(`${fn} needs a year (a number or a value in years), got ${labelOf(v)}`);
      }
    },
    timesYear: (v) => (v.dims === null ? literal(null) : known(addDims(v.dims, year, 1))),
  };

  const visit = (n: MathNode): DimValue => {
    if (isConstantNode(n)) return literal(typeof n.value === 'number' ? n.value : null);
    if (isSymbolNode(n)) {
      if (isTimeSymbol(n.name)) return known(year, 'year');
      const v = varDims(n.name);
      return known(v.dims, v.label);
    }
    if (isParenthesisNode(n)) return visit(n.content);
    if (isConditionalNode(n)) {
      visit(n.condition);
      return unify('choose between', [visit(n.trueExpr), visit(n.falseExpr)]);
    }
    if (isOperatorNode(n)) {
      const args = n.args.map(visit);
      const [a, b] = args as [DimValue, DimValue];
      switch (n.fn as string) {
        case 'unaryMinus':
          return { ...a, constant: a.constant === null ? null : -a.constant };
        case 'add':
          return { ...unify('add', args), constant: null };
        case 'subtract':
          return { ...unify('subtract', args), constant: null };
        case 'smaller':
        case 'smallerEq':
        case 'larger':
        case 'largerEq':
        case 'equal':
        case 'unequal':
          unify('compare', args);
          return known(zero);
        case 'multiply':
        case 'divide': {
          if (a.dims === null && b.dims === null) return literal(null);
          return known(addDims(asDims(a), asDims(b), n.fn === 'multiply' ? 1 : -1));
        }
        case 'pow': {
          needDimensionless('the exponent of ^', b);
          if (a.dims === null || isDimensionless(a.dims)) return a.dims === null && b.dims === null ? literal(null) : known(zero);
          if (b.constant === null) throw new UnitProblem(messages.powExponent(`of ${labelOf(a)} must be a number`));
          return known(a.dims.map((x) => x * (b.constant as number)));
        }
        default:
          throw new UnitProblem(`operator ${n.op}`);
      }
    }
    if (isFunctionNode(n)) {
      const name = isSymbolNode(n.fn) ? n.fn.name : '';
      if (!isFunctionName(name)) throw new UnitProblem(`function ${name}`);
      return equationFunction(name).unit(n.args.map(visit), rules);
    }
    throw new UnitProblem(`node ${n.type}`);
  };
  return visit;
}

/**
 * Checks every expression of the model: auxiliaries and initials against their declared unit,
 * flows against their declared unit and against stock unit / year of every stock they feed, and
 * inputs against their lever's unit. Throws ModelError on the first problem.
 */
export function checkUnits(model: FlatModel, levers?: ReadonlyMap<string, LeverDef>): void {
  const declared = new Map<VarId, { dims: Dims; label: string }>();
  for (const v of model.vars) {
    declared.set(v.def.id, { dims: unitDims(v.def.unit, `${v.def.kind} \`${v.def.id}\``), label: v.def.unit });
  }
  const zero = unitDims('1', 'dimensionless');
  const year = unitDims('year', 'time');
  const lookup = (id: VarId): { dims: Dims; label: string } => {
    const d = declared.get(id);
    if (!d) throw new UnitProblem(`unknown variable ${id}`);
    return d;
  };

  const dimensionOf = dimensionChecker(lookup, zero);
  for (const v of model.vars) {
    const own = lookup(v.def.id);
    if (v.def.kind === 'input') {
      const p = levers?.get(v.def.param);
      if (p) {
        const pd = unitDims(p.unit, `lever \`${p.id}\``);
        if (!sameDims(pd, own.dims)) throw new ModelError(messages.inputParamUnit(v.def.id, v.def.unit, p.id, p.unit));
      }
      continue;
    }
    const expr = v.expr;
    if (!expr) continue;
    const kind = v.def.kind === 'stock' ? 'initial of stock' : v.def.kind;
    let result: DimValue;
    try {
      result = dimensionOf(expr.node);
    } catch (err) {
      if (err instanceof UnitProblem) throw new ModelError(messages.unitMismatch(kind, v.def.id, expr.source, err.message));
      throw err;
    }
    if (result.dims !== null && !sameDims(result.dims, own.dims)) {
      throw new ModelError(messages.unitMismatch(kind, v.def.id, expr.source, messages.resultUnit(labelOf(result), v.def.unit)));
    }
  }

  for (const v of model.vars) {
    if (v.def.kind !== 'stock') continue;
    const stockDims = lookup(v.def.id).dims;
    const expected = addDims(stockDims, year, -1);
    for (const f of [...v.def.inflows, ...v.def.outflows]) {
      const flow = lookup(f);
      if (!sameDims(flow.dims, expected)) {
        throw new ModelError(messages.flowFeedsStock(f, v.def.id, v.def.unit, flow.label, formatDims(expected)));
      }
    }
  }
}
