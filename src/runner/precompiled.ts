/**
 * The Hangzhou model compiled at build time. `npm run build` compiles it once with the engine
 * (scripts/precompile-model.ts) and stores the result — the generated function, its sizes, the
 * ids and the calendar year each lever-table column reads — as dist/runner/hangzhou-model.json.
 * At run time that artefact becomes a CompiledModel without parsing an equation, so commands that
 * only run the model never load mathjs. Running from TypeScript sources there is no artefact and
 * the model is compiled as usual.
 *
 * Only the engine's public results are stored (`portable`, `years`, `outputIds`, `paramIds`,
 * `options`, and `leverTable` probed for the column years), so the artefact follows the engine
 * and the model whatever they become; a fingerprint of the model spec, the levers and the options
 * guards against an artefact from another build. tests/runner/precompiled.test.ts checks that a
 * model rebuilt from the artefact is identical to a fresh compilation.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ModelError } from '../errors.js';
import { compileModel, DEFAULT_OPTIONS } from '../engine/compile.js';
import { toSchedule, valueForYear } from '../engine/inputs.js';
import { messages } from '../engine/messages.js';
import { outputLayout } from '../engine/outputs.js';
import { nearest } from '../engine/parse.js';
import { createPreparedRun, instantiate, type PortableModel } from '../engine/runtime.js';
import type { CompiledModel, ModelSpec, PreparedRun, SimOptions, Trace } from '../engine/types.js';
import type { ParamRecord, ParamValue } from '../params/types.js';

export const PRECOMPILED_FORMAT = 1;

/** A compiled model as stored by the build (plain JSON). */
export interface PrecompiledModel {
  readonly format: typeof PRECOMPILED_FORMAT;
  /** sha256 of the model spec, the levers and the options it was compiled from. */
  readonly fingerprint: string;
  readonly options: Required<SimOptions>;
  readonly years: readonly number[];
  readonly outputIds: readonly string[];
  readonly paramIds: readonly string[];
  readonly portable: PortableModel;
  /** The calendar year each column of the lever table reads (steps, then report years). */
  readonly columnYears: readonly number[];
}

type Params = Readonly<Record<string, ParamValue>>;

/** The options with the engine's defaults filled in. */
export const fullOptions = (options: SimOptions = {}): Required<SimOptions> => ({ ...DEFAULT_OPTIONS, ...options });

/** Identifies what a compilation depends on besides the engine's code. */
export function fingerprint(spec: ModelSpec, params: readonly ParamRecord[], options: SimOptions = {}): string {
  return createHash('sha256').update(JSON.stringify([spec, params, fullOptions(options)])).digest('hex');
}

/**
 * Compiles `spec` and keeps what running it needs. The column years are read back from the
 * engine's own lever table, with every lever scheduled to equal the calendar year.
 */
export function precompile(spec: ModelSpec, params: readonly ParamRecord[], options: SimOptions = {}): PrecompiledModel {
  const compiled = compileModel(spec, params, options);
  const { columns } = compiled.portable;
  const calendar: Record<number, number> = {};
  for (let y = compiled.options.start; y <= compiled.options.until; y++) calendar[y] = y;
  const probe = compiled.leverTable(Object.fromEntries(compiled.paramIds.map((id) => [id, calendar])));
  const columnYears = Array.from(probe.subarray(0, columns));
  for (let p = 1; p < compiled.paramIds.length; p++) {
    const row = probe.subarray(p * columns, (p + 1) * columns);
    if (row.some((year, c) => year !== columnYears[c])) throw new Error(`precompile: lever ${compiled.paramIds[p]} reads other years than the first lever`);
  }
  return {
    format: PRECOMPILED_FORMAT,
    fingerprint: fingerprint(spec, params, options),
    options: compiled.options,
    years: compiled.years,
    outputIds: compiled.outputIds,
    paramIds: compiled.paramIds,
    portable: compiled.portable,
    columnYears,
  };
}

/**
 * A CompiledModel from a stored artefact: the same tables and the same generated code as
 * `compileModel` gives. `trace` (for tests and documentation) compiles `spec` on first use.
 */
export function fromPrecompiled(artefact: PrecompiledModel, spec: ModelSpec, params: readonly ParamRecord[]): CompiledModel {
  const { portable, paramIds, columnYears, options } = artefact;
  const generated = instantiate(portable.source);
  const records = new Map(params.map((p) => [p.id, p]));
  const rowIndex = new Map(paramIds.map((id, i) => [id, i]));
  const R = portable.columns;
  const buildTable = (given?: Params): Float64Array => {
    const values = paramIds.map((id) => records.get(id)?.default as ParamValue);
    for (const [id, value] of Object.entries(given ?? {})) {
      if (!records.has(id)) throw new ModelError(messages.unknownRunParam(id, nearest(id, records.keys())));
      const row = rowIndex.get(id);
      if (row !== undefined) values[row] = value;
    }
    const T = new Float64Array(paramIds.length * R);
    values.forEach((value, p) => {
      const id = paramIds[p] as string;
      const schedule = toSchedule(id, value);
      const how = records.get(id)?.interpolation ?? 'step';
      for (let c = 0; c < R; c++) T[p * R + c] = valueForYear(schedule, columnYears[c] as number, how);
    });
    return T;
  };
  const defaultTable = buildTable();
  const tableFor = (given?: Params): Float64Array => (given === undefined || Object.keys(given).length === 0 ? defaultTable : buildTable(given));
  const checkOut = (out: Float64Array | undefined): Float64Array => {
    if (out === undefined) return new Float64Array(portable.outLength);
    if (out.length < portable.outLength) throw new RangeError(messages.outTooShort(out.length, portable.outLength));
    return out;
  };
  let traced: CompiledModel | null = null;
  const layout = outputLayout(artefact.outputIds, artefact.years);
  const run = (given?: Params, out?: Float64Array): Float64Array => {
    const result = checkOut(out);
    generated.run(tableFor(given), result);
    return result;
  };
  return {
    years: artefact.years,
    outputIds: artefact.outputIds,
    layout,
    paramIds,
    options,
    spec,
    levers: paramIds.map((id) => records.get(id) as ParamRecord),
    portable,
    run,
    simulate: (given?: Params) => layout.view(run(given)),
    prepare(given?: Params): PreparedRun {
      return createPreparedRun(generated, tableFor(given), portable);
    },
    leverTable(given?: Params): Float64Array {
      return Float64Array.from(tableFor(given));
    },
    trace(given?: Params): Trace {
      traced ??= compileModel(spec, params, options);
      return traced.trace(given);
    },
  };
}

/** Reads an artefact; null when there is none (running from sources) or it is unreadable. */
export function readPrecompiled(file: URL | string): PrecompiledModel | null {
  try {
    const artefact = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledModel;
    return artefact.format === PRECOMPILED_FORMAT ? artefact : null;
  } catch {
    return null;
  }
}

/** Where the build stores the Hangzhou model (beside this module in dist/). */
export const HANGZHOU_ARTEFACT = new URL('./hangzhou-model.json', import.meta.url);

/**
 * A compiler that uses `artefact` for exactly the spec, levers and options it was built from and
 * compiles everything else.
 */
export function compilerWith(
  artefact: PrecompiledModel | null,
  spec: ModelSpec,
  params: readonly ParamRecord[],
): (spec: ModelSpec, params: readonly ParamRecord[], options: SimOptions) => CompiledModel {
  let checked: boolean | null = null;
  let model: CompiledModel | null = null;
  const sameOptions = (a: Required<SimOptions>, b: Required<SimOptions>): boolean =>
    a.start === b.start && a.until === b.until && a.dt === b.dt && a.method === b.method;
  return (s, p, options) => {
    if (artefact !== null && s === spec && p === params && sameOptions(fullOptions(options), artefact.options)) {
      checked ??= artefact.fingerprint === fingerprint(spec, params, artefact.options);
      if (checked) return (model ??= fromPrecompiled(artefact, spec, params));
    }
    return compileModel(s, p, options);
  };
}
