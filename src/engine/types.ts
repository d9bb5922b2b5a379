/**
 * The model-definition contract between the engine (src/engine) and the reform models
 * (src/models). A model is plain data: variables with units and equations written as mathjs
 * expressions over other variables' ids. The engine parses each equation once, derives what it
 * reads, orders auxiliaries and flows topologically, checks units, and compiles the whole model
 * into one straight-line function over typed arrays.
 *
 * Equation language (a mathjs subset): numbers, variable ids, + - * / ^, unary -, parentheses,
 * comparisons (< <= > >= == !=), `cond ? a : b`, and the functions min, max, abs, exp, log, sqrt,
 * floor, ceil, round, clamp(x, lo, hi), step(height, year) (0 before `year`, height from `year`),
 * ramp(slope, startYear, endYear), and the symbols `time` (decimal year), `dt` (years) and `start`
 * (the run's first year, the base year of the baseline).
 * Variable ids are snake_case identifiers (mathjs symbols): `rural_hukou`, `quota_balance`.
 *
 * Semantics fixed by the engine (added): comparisons yield 1 or 0; `c ? a : b` takes `a` when c is
 * non-zero. `step(h, Y)` is h from calendar year Y on — during the steps that simulate year Y and
 * in the report for Y — exactly like a step schedule {Y: h} over 0. `ramp(s, Y0, Y1)` is
 * s × (min(time, Y1) − Y0) for time > Y0, else 0 (continuous in `time`; at year end Y it equals
 * s × (Y − Y0) for Y0 ≤ Y ≤ Y1). `round` rounds halves away from zero. Units: literal numbers are
 * dimensionless in * and /, and take the other operand's unit in + − comparisons min max clamp
 * and ?: branches (`max(0, quota)`, `pop - 1000` are accepted; `pop + area` is not).
 */

import type { ParamValue } from '../params/types.js';
import type { PortableModel } from './runtime.js';

export type VarId = string;

interface VarBase {
  readonly id: VarId;
  /**
   * Unit as a mathjs unit expression over the base units registered in src/engine/units.ts:
   * person, household, hectare, yuan, percent (a dimensionless 0–100 share), year, and `1` for
   * dimensionless. Flows are in stock-unit per year (`person/year`).
   */
  readonly unit: string;
  /** One-line explanation for the generated model documentation. */
  readonly doc: string;
}

/** Accumulates inflows minus outflows. `initial` is an expression evaluated once at t0. */
export interface StockDef extends VarBase {
  readonly kind: 'stock';
  readonly initial: string;
  readonly inflows: readonly VarId[];
  readonly outflows: readonly VarId[];
}

/** A rate (stock unit per year), computed from the state at t. */
export interface FlowDef extends VarBase {
  readonly kind: 'flow';
  readonly equation: string;
}

/** A value computed from the state at t (and parameters, time). */
export interface AuxDef extends VarBase {
  readonly kind: 'aux';
  readonly equation: string;
}

/**
 * An input supplied per run: a lever (ParamRecord id) or a constant. The engine resolves
 * schedules to one value per step before the run, so the inner loop only reads an array.
 */
export interface InputDef extends VarBase {
  readonly kind: 'input';
  /** The parameter id (from src/params) whose value this input takes. */
  readonly param: string;
}

export type VarDef = StockDef | FlowDef | AuxDef | InputDef;

/** A subsystem: a named group of variables, documented together. */
export interface Subsystem {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** What the subsystem represents and which plan lines it follows (Markdown). */
  readonly doc: string;
  readonly vars: readonly VarDef[];
}

/** A reported output: an indicator of the catalog, or a model series (ledger, channels…). */
export interface OutputDef {
  /** Indicator id (catalog) or series id (e.g. `land.quota_generated`). */
  readonly id: string;
  /** The variable reported (value at each reporting time, i.e. the end of each year). */
  readonly variable: VarId;
  readonly kind: 'indicator' | 'series';
  /**
   * 'value' (default): the variable at each year end. 'annual-increase': its increase over the
   * year (for cumulative stocks such as conversions to date); NaN in the start year.
   */
  readonly report?: 'value' | 'annual-increase';
}

export interface ModelSpec {
  readonly subsystems: readonly Subsystem[];
  readonly outputs: readonly OutputDef[];
}

export type IntegrationMethod = 'euler' | 'rk4';

export interface SimOptions {
  /** First simulated time (decimal year); default 2010 — the baseline year's value is saved there. */
  readonly start?: number;
  /** Last reporting year, default 2015. */
  readonly until?: number;
  /** Time step in years, default 1/12 (monthly). Must divide one year into a whole number of steps. */
  readonly dt?: number;
  readonly method?: IntegrationMethod;
}

/**
 * A model compiled once and run many times. Implemented by src/engine/compile.ts.
 * Outputs are laid out output-major: `out[o * years.length + y]` is output `outputIds[o]` at
 * `years[y]` (end-of-year value; years[0] is the start year, i.e. the 2010 baseline).
 */
export interface CompiledModel {
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  /** Every lever the model reads, in a fixed order (the order of `runWith`'s vector). */
  readonly paramIds: readonly string[];
  readonly options: Required<SimOptions>;
  /** Runs with levers given by id (constant or schedule); levers not given take their defaults. */
  run(params?: Readonly<Record<string, ParamValue>>, out?: Float64Array): Float64Array;
  /**
   * Fast path for Monte Carlo: `base` as in `run`, then constant overrides for the levers at
   * `overrideIdx` (indices into paramIds) with values `overrideValues`. No allocation when `out`
   * is given.
   */
  prepare(params?: Readonly<Record<string, ParamValue>>): PreparedRun;
  /**
   * The compiled model as plain data (generated source and sizes) for worker threads, which run it
   * with `createPreparedRun(instantiate(portable.source), leverTable(params), portable)` from
   * src/engine/runtime.ts — no re-compiling, no mathjs.
   */
  readonly portable: PortableModel;
  /** The per-step lever table (levers in paramIds order × columns) for `params`. */
  leverTable(params?: Readonly<Record<string, ParamValue>>): Float64Array;
  /**
   * (Added by the engine.) Runs like `run` and records every variable at t0 and after each step.
   * Stocks are the state at that time; auxiliaries and flows are evaluated from it — at year ends
   * with the levers of the year just completed (exactly what `run` reports), in between with the
   * levers of the step starting there. Slower than `run`; meant for tests and documentation.
   */
  trace(params?: Readonly<Record<string, ParamValue>>): Trace;
}

export interface PreparedRun {
  runWith(overrideIdx: Int32Array, overrideValues: Float64Array, out?: Float64Array): Float64Array;
}

// ---- Added by the engine (additive): tracing and inspection ----

/** Every variable at every step: t0, then after each step (see CompiledModel.trace). */
export interface Trace {
  /** Decimal times: start, start + dt, …, until. */
  readonly times: Float64Array;
  /** Per variable id, one value per entry of `times`. */
  readonly values: Readonly<Record<VarId, Float64Array>>;
}

/** One variable as the generated documentation shows it. */
export interface VariableInfo {
  readonly id: VarId;
  readonly kind: VarDef['kind'];
  readonly unit: string;
  readonly doc: string;
  readonly subsystem: string;
  /** Equation (aux, flow) or initial (stock) as written; for an input, its lever id. */
  readonly expression: string;
  /** Variable ids the expression reads (for an input: none). */
  readonly reads: readonly VarId[];
}

export interface ModelInspection {
  /** All variables in declaration order. */
  readonly variables: readonly VariableInfo[];
  /** Auxiliaries and flows in the order each step evaluates them. */
  readonly evaluationOrder: readonly VarId[];
  /** Stocks in the order their initials are evaluated. */
  readonly initialOrder: readonly VarId[];
  readonly stocks: readonly { readonly id: VarId; readonly inflows: readonly VarId[]; readonly outflows: readonly VarId[] }[];
}
