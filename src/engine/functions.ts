/**
 * The functions of the equation language, defined once: each entry gives how it is written, how
 * many arguments it takes, its unit rule, the JavaScript it compiles to and a one-line description.
 * The parser (arity, reserved names), the unit checker, the code generator and the error messages
 * all read this table; adding a function here is the whole change inside the engine (the
 * interchange formats then need a translation for it, which their type-check demands).
 *
 * Generated code has `time` (decimal time) and `cy` (the calendar year being simulated, or reported
 * at a year end) in scope.
 */
import type { DimValue, UnitRules } from './units.js';

export interface EquationFunction {
  /** How it is written, for messages and documentation: `clamp(x, lo, hi)`. */
  readonly signature: string;
  /** Allowed argument counts [min, max]. */
  readonly arity: readonly [number, number];
  readonly doc: string;
  /** The result's dimension from the arguments' (throws through `u` when they do not fit). */
  readonly unit: (args: readonly DimValue[], u: UnitRules) => DimValue;
  /** JavaScript for a call whose arguments are already JavaScript. */
  readonly js: (args: readonly string[]) => string;
  /** Helper functions the generated call uses, by name → definition (emitted once per model). */
  readonly helpers?: Readonly<Record<string, string>>;
}

const first = (args: readonly DimValue[]): DimValue => args[0] as DimValue;
const nthArg = (args: readonly DimValue[], i: number): DimValue => args[i] as DimValue;
const mathCall = (fn: string) => (args: readonly string[]): string => `Math.${fn}(${args.join(', ')})`;

/** Same dimension in as out (rounding, absolute value). */
const sameAsArgument = (args: readonly DimValue[], u: UnitRules): DimValue => u.variable(first(args));
/** Extremes: every argument shares one dimension. */
const extreme = (name: string) => (args: readonly DimValue[], u: UnitRules): DimValue => u.variable(u.unify(`take ${name} of`, args));
const dimensionless = (name: string) => (args: readonly DimValue[], u: UnitRules): DimValue => u.dimensionless(name, first(args));

export const FUNCTIONS = {
  min: {
    signature: 'min(a, b, …)', arity: [1, Infinity], doc: 'the smallest argument', unit: extreme('min'),
    js: (args) => (args.length === 1 ? `(+${args[0]})` : mathCall('min')(args)),
  },
  max: {
    signature: 'max(a, b, …)', arity: [1, Infinity], doc: 'the largest argument', unit: extreme('max'),
    js: (args) => (args.length === 1 ? `(+${args[0]})` : mathCall('max')(args)),
  },
  abs: { signature: 'abs(x)', arity: [1, 1], doc: 'absolute value', unit: sameAsArgument, js: mathCall('abs') },
  exp: { signature: 'exp(x)', arity: [1, 1], doc: 'e to the power x (x dimensionless)', unit: dimensionless('exp'), js: mathCall('exp') },
  log: { signature: 'log(x)', arity: [1, 1], doc: 'natural logarithm (x dimensionless)', unit: dimensionless('log'), js: mathCall('log') },
  sqrt: {
    signature: 'sqrt(x)', arity: [1, 1], doc: 'square root (halves the unit’s exponents)',
    unit: (args, u) => u.power(first(args), 0.5), js: mathCall('sqrt'),
  },
  floor: { signature: 'floor(x)', arity: [1, 1], doc: 'largest integer ≤ x', unit: sameAsArgument, js: mathCall('floor') },
  ceil: { signature: 'ceil(x)', arity: [1, 1], doc: 'smallest integer ≥ x', unit: sameAsArgument, js: mathCall('ceil') },
  round: {
    signature: 'round(x)', arity: [1, 1], doc: 'nearest integer, halves away from zero', unit: sameAsArgument,
    js: (args) => `round_(${args[0]})`,
    helpers: { round_: 'function round_(x) { return x < 0 ? -Math.round(-x) : Math.round(x); }' },
  },
  clamp: {
    signature: 'clamp(x, lo, hi)', arity: [3, 3], doc: 'x limited to [lo, hi] (lo if x < lo, else hi if x > hi)', unit: extreme('clamp'),
    js: (args) => `clamp_(${args.join(', ')})`,
    helpers: { clamp_: 'function clamp_(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; }' },
  },
  step: {
    signature: 'step(height, year)', arity: [2, 2],
    doc: '0 before calendar year `year`, `height` from that year on (its steps and its year-end report)',
    unit: (args, u) => {
      u.year('step', nthArg(args, 1));
      return u.variable(first(args));
    },
    js: (args) => `(cy >= ${args[1]} ? ${args[0]} : 0)`,
  },
  ramp: {
    signature: 'ramp(slope, startYear, endYear)', arity: [3, 3],
    doc: 'slope × (min(time, endYear) − startYear) once time > startYear, else 0',
    unit: (args, u) => {
      u.year('ramp', nthArg(args, 1));
      u.year('ramp', nthArg(args, 2));
      return u.timesYear(first(args));
    },
    js: (args) => `ramp_(${args.join(', ')}, time)`,
    helpers: { ramp_: 'function ramp_(slope, from, to, time) { return time <= from ? 0 : slope * ((time < to ? time : to) - from); }' },
  },
} as const satisfies Record<string, EquationFunction>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);
export const equationFunction = (name: FunctionName): EquationFunction => FUNCTIONS[name];

/**
 * Symbols the engine supplies: the decimal time, the time step and the start (base) year of the
 * run (all in years), so equations say `time - start` rather than a hard-coded base year.
 */
export const TIME_SYMBOLS = ['time', 'dt', 'start'] as const;
export type TimeSymbol = (typeof TIME_SYMBOLS)[number];
export const isTimeSymbol = (name: string): name is TimeSymbol => (TIME_SYMBOLS as readonly string[]).includes(name);

/** The language in one line, for messages: operators, functions, symbols. */
export const LANGUAGE_SUMMARY =
  `numbers, variable ids, + - * / ^, unary -, comparisons, ?:, ` +
  `${FUNCTION_NAMES.join(' ')}, ${TIME_SYMBOLS.join(', ')}`;
