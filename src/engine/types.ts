/**
 * The engine's contract with the models it compiles. A model is plain data: variables with units
 * and equations written as expressions over other variables' ids, and the levers its inputs read.
 * The engine parses each equation once, derives what it reads, orders auxiliaries and flows
 * topologically, checks units, and compiles the model into straight-line functions over typed
 * arrays. Nothing here is specific to one model.
 *
 * Equation language (a mathjs subset): numbers, variable ids, + - * / ^, unary -, parentheses,
 * comparisons (< <= > >= == !=), `cond ? a : b`, the functions of src/engine/functions.ts (min,
 * max, abs, exp, log, sqrt, floor, ceil, round, clamp, step, ramp — the registry is the reference),
 * and the symbols `time` (decimal year), `dt` (years) and `start` (the run's first year).
 * Variable ids are identifiers (letters, digits, _): `rural_hukou`, `quota_balance`.
 *
 * Time convention (the one reading of "year" the engine has): `time = start` is the end of the
 * start year. The step starting at `time` simulates calendar year ⌊time⌋ + 1 and reads the levers of
 * that year; values reported for year Y are the state at time Y with auxiliaries evaluated with the
 * levers of year Y. `step(h, Y)` is h from calendar year Y on — during the steps that simulate year
 * Y and in the report for Y — exactly like a step schedule {Y: h} over 0: write `step(1, Y)` for
 * "from year Y on" and `time - start` for years elapsed, never a hard-coded base year.
 *
 * Other semantics: comparisons yield 1 or 0; `c ? a : b` takes `a` when c is non-zero.
 * `ramp(s, Y0, Y1)` is s × (min(time, Y1) − Y0) for time > Y0, else 0 (continuous in `time`; at year
 * end Y it equals s × (Y − Y0) for Y0 ≤ Y ≤ Y1). `round` rounds halves away from zero. Units:
 * literal numbers are dimensionless in * and /, and take the other operand's unit in + −
 * comparisons min max clamp and ?: branches (`max(0, quota)`, `pop - 1000` are accepted;
 * `pop + area` is not).
 */

import type { OutputLayout, RunOutputs } from './outputs.js';
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
 * An input supplied per run: the value of a lever (LeverDef id). The engine resolves schedules to
 * one value per year before the run, so the inner loop only reads an array.
 */
export interface InputDef extends VarBase {
  readonly kind: 'input';
  /** The lever whose value this input takes. */
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
  /** A short name for the model (file names of exports, stack traces of generated code); default `model`. */
  readonly name?: string;
  readonly subsystems: readonly Subsystem[];
  readonly outputs: readonly OutputDef[];
}

/** A lever's value: a constant, or a schedule by calendar year (`{2011: 0.02, 2013: 0.05}`). */
export type LeverSchedule = Readonly<Record<number, number>>;
export type LeverValue = number | LeverSchedule;
/** How a schedule is read between its years: hold the last value (step) or interpolate linearly. */
export type Interpolation = 'step' | 'linear';

/**
 * A lever: a value supplied per run that inputs read (by `InputDef.param`). Any record with these
 * fields will do — the application's lever records carry more (names, provenance) and are accepted
 * as they are.
 */
export interface LeverDef {
  readonly id: string;
  /** Unit, as for variables; inputs reading the lever must have the same dimension. */
  readonly unit: string;
  readonly default: LeverValue;
  /** Default 'step'. */
  readonly interpolation?: Interpolation;
  /** The plausible range (exported with the model; samplers truncate to it). */
  readonly range?: { readonly min: number; readonly max: number };
}

/** Levers given to a run by id; levers not given take their defaults. */
export type LeverValues = Readonly<Record<string, LeverValue>>;

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
 * A run's outputs are one Float64Array (the fast path; reused across runs when given); read it
 * through `layout.view(values)` (`series(id)`, `at(id, year)`), or call `simulate`, rather than
 * indexing it by hand. Values are end-of-year; years[0] is the start year.
 */
export interface CompiledModel {
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  /** Where each output and year sits in a run's output vector, and typed views of it. */
  readonly layout: OutputLayout;
  /** Every lever the model reads, in a fixed order (the order of `runWith`'s vector). */
  readonly paramIds: readonly string[];
  readonly options: Required<SimOptions>;
  /**
   * What was compiled (for export and inspection): the spec — absent when a model is rebuilt from
   * plain data without its definition, as in the explorer page — and the levers in paramIds order.
   */
  readonly spec?: ModelSpec;
  readonly levers: readonly LeverDef[];
  /** Runs with levers given by id (constant or schedule); levers not given take their defaults. */
  run(params?: LeverValues, out?: Float64Array): Float64Array;
  /** Runs like `run` and returns the outputs as a typed view. */
  simulate(params?: LeverValues): RunOutputs;
  /**
   * Fast path for Monte Carlo: `params` as in `run`, then per call constant overrides for the
   * levers at `overrideIdx` (indices into paramIds) with values `overrideValues`. No allocation
   * when `out` is given.
   */
  prepare(params?: LeverValues): PreparedRun;
  /**
   * The compiled model as plain data (generated source and sizes) for worker threads, which run it
   * with `createPreparedRun(instantiate(portable.source), leverTable(params), portable)` from
   * src/engine/runtime.ts — no re-compiling, no mathjs.
   */
  readonly portable: PortableModel;
  /** The lever table for `params`: levers in paramIds order × calendar years start … until. */
  leverTable(params?: LeverValues): Float64Array;
  /**
   * Runs like `run` and records every variable at t0 and after each step.
   * Stocks are the state at that time; auxiliaries and flows are evaluated from it — at year ends
   * with the levers of the year just completed (exactly what `run` reports), in between with the
   * levers of the step starting there. Slower than `run`; meant for tests and documentation.
   */
  trace(params?: LeverValues): Trace;
}

export interface PreparedRun {
  runWith(overrideIdx: Int32Array, overrideValues: Float64Array, out?: Float64Array): Float64Array;
}

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
