/**
 * What scenario loading needs from the rest of the library: the levers, the indicators, the
 * horizon and a way to read files. Everything is injectable so tests can use small fixtures and
 * in-memory files; `resolveContext` fills the gaps with the real levers and catalog.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { IndicatorRecord } from '../catalog/types.js';
import type { ParamRecord } from '../params/types.js';
import { readRegularFile } from '../util/input-file.js';

/** The baseline year: t0 of every run; the first year a schedule or target may name. */
export const BASE_YEAR = 2010;
/** Last year of the plan period; the default horizon. */
export const DEFAULT_UNTIL = 2015;

/** The part of an indicator record scenario loading uses. */
export type IndicatorInfo = Pick<IndicatorRecord, 'id' | 'name' | 'unit' | 'bounds' | 'baseline'>;

export interface IndicatorLookup {
  readonly find: (id: string) => IndicatorInfo | undefined;
  /** All ids, for "did you mean" suggestions. */
  readonly ids: readonly string[];
}

/** File access; validation only ever reads. */
export interface FileAccess {
  readonly read: (absolutePath: string) => Buffer;
  readonly exists: (absolutePath: string) => boolean;
  /** File names in a directory (for "did you mean" on a missing `extends`); [] when unreadable. */
  readonly list: (absoluteDir: string) => readonly string[];
}

export interface ScenarioContext {
  /** The levers scenario files may set (default: the model's levers, src/params). */
  readonly params?: readonly ParamRecord[];
  /** Indicators scenario targets may name (default: the catalog, src/catalog). */
  readonly indicators?: IndicatorLookup;
  /** Last simulated year (default 2015); schedules and targets must lie in 2010..until. */
  readonly until?: number;
  /** Paths in messages are shown relative to this directory (default: process.cwd()). */
  readonly cwd?: string;
  readonly fs?: FileAccess;
  /**
   * Scenarios a bare id (`plan`, in `extends` or as a file argument) resolves to when no file of
   * that name is found: id → absolute file. Default: the package's bundled scenarios, or none when
   * `fs` is given (in-memory files stay self-contained).
   */
  readonly bundled?: ReadonlyMap<string, string>;
}

export interface FullContext {
  readonly params: ReadonlyMap<string, ParamRecord>;
  readonly paramIds: readonly string[];
  readonly indicators: IndicatorLookup;
  readonly start: number;
  readonly until: number;
  readonly cwd: string;
  readonly fs: FileAccess;
  readonly bundled: ReadonlyMap<string, string>;
}

export const nodeFileAccess: FileAccess = {
  // Regular files only, of bounded size: never a device or a FIFO (src/limits.ts).
  read: (p) => readRegularFile(p),
  exists: (p) => existsSync(p),
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Completes a context with explicit defaults (the real modules are supplied by the caller). */
export function completeContext(
  ctx: ScenarioContext,
  defaults: { params: readonly ParamRecord[]; indicators: IndicatorLookup; bundled?: ReadonlyMap<string, string> },
): FullContext {
  const params = ctx.params ?? defaults.params;
  return {
    params: new Map(params.map((p) => [p.id, p])),
    paramIds: params.map((p) => p.id),
    indicators: ctx.indicators ?? defaults.indicators,
    start: BASE_YEAR,
    until: ctx.until ?? DEFAULT_UNTIL,
    cwd: ctx.cwd ?? process.cwd(),
    fs: ctx.fs ?? nodeFileAccess,
    bundled: ctx.bundled ?? (ctx.fs ? new Map() : (defaults.bundled ?? new Map())),
  };
}
