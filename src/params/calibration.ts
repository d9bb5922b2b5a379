/**
 * Lever defaults fitted to published figures: data/calibration/hangzhou.json (written by
 * `npm run calibrate`, scripts/calibrate.ts, from src/analysis/lever-calibration.ts) read once and
 * laid over the assumed defaults of ./levers. A lever the fit identifies gets the fitted value as
 * its default, provenance `calibrated` (rows, fit, interval, and the assumption it replaced) and,
 * for `--uncertainty all`, a normal distribution with the fit's standard error truncated to its
 * 95 % interval. A lever the data do not identify keeps its assumption, untouched.
 */
import { createRequire } from 'node:module';
import type { CalibratedProvenance } from '../catalog/types.js';
import type { ParamRecord } from './types.js';

/** Where the committed calibration lives, relative to the package root. */
export const CALIBRATION_FILE = 'data/calibration/hangzhou.json';

export interface CalibrationRow {
  readonly id: string;
  readonly year: number;
  readonly value: number;
}

export interface CalibrationSeriesFit {
  readonly id: string;
  readonly n: number;
  readonly rmse: number;
  readonly mape: number;
}

/** One lever considered for calibration, fitted or not. */
export interface CalibratedLeverEntry {
  readonly lever: string;
  /** The group fitted together (levers and the series that inform them). */
  readonly group: string;
  /** The default before calibration (the assumption of ./levers). */
  readonly assumed: number;
  /** The least-squares value; null when the group had no rows to fit. */
  readonly fitted: number | null;
  /** The default the model uses when identified: `fitted` to 4 significant digits. */
  readonly default: number | null;
  readonly standardError: number | null;
  readonly interval: readonly [number, number] | null;
  readonly atBound: 'min' | 'max' | null;
  /** Whether the data pin the lever down (see `identification` in the file); only then is the default replaced. */
  readonly identified: boolean;
  /** Why it is (not) identified, in words. */
  readonly verdict: string;
}

export interface CalibrationGroupResult {
  readonly id: string;
  readonly levers: readonly string[];
  readonly series: readonly string[];
  /** Why these series inform these levers. */
  readonly why: string;
  /** The observations fitted (primary rows, 2011 to the last fitted year). */
  readonly rows: readonly CalibrationRow[];
  readonly fit: readonly CalibrationSeriesFit[];
  readonly objective: number | null;
  readonly starts: readonly { readonly objective: number; readonly iterations: number }[];
  readonly evaluations: number;
}

/** The shape of data/calibration/hangzhou.json. */
export interface CalibrationFile {
  readonly about: string;
  readonly toolkit: {
    readonly package: string;
    readonly version: string;
    readonly method: string;
    readonly residual: 'relative' | 'absolute';
    readonly starts: number;
    readonly seed: number;
    readonly maxIterations: number;
  };
  readonly scenario: string;
  readonly observed: string;
  readonly lastFittedYear: number;
  readonly identification: string;
  readonly groups: readonly CalibrationGroupResult[];
  readonly levers: readonly CalibratedLeverEntry[];
}

const require = createRequire(import.meta.url);

/** The committed calibration (data/ beside src/ and dist/ alike); null when the file is absent. */
export function committedCalibration(): CalibrationFile | null {
  try {
    return require(`../../${CALIBRATION_FILE}`) as CalibrationFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

const fourDigits = (v: number): number => Number(v.toPrecision(4));
const plain = (v: number): string => String(fourDigits(v));

/** The lever with its calibrated default and provenance, or unchanged when not identified. */
export function applyCalibration<T extends ParamRecord>(record: T, file: CalibrationFile | null): T {
  const entry = file?.levers.find((l) => l.lever === record.id);
  if (!file || !entry || !entry.identified || entry.default === null || entry.standardError === null || entry.interval === null) return record;
  if (record.provenance.kind !== 'assumption' || typeof record.default !== 'number') {
    throw new Error(`${CALIBRATION_FILE}: lever ${record.id} is calibrated, but its default is not a single assumed number — only assumptions are fitted`);
  }
  const group = file.groups.find((g) => g.id === entry.group);
  const rows = group?.rows ?? [];
  const fit = group?.fit ?? [];
  const [lo, hi] = entry.interval;
  const years = rows.length === 0 ? '' : `${Math.min(...rows.map((r) => r.year))}–${Math.max(...rows.map((r) => r.year))}`;
  const provenance: CalibratedProvenance = {
    kind: 'calibrated',
    reason:
      `Fitted by least squares (${file.toolkit.starts} starts, seed ${file.toolkit.seed}) on the ${file.scenario} scenario to ${rows.length} published figures ${years} ` +
      `(${[...new Set(rows.map((r) => r.id))].join(', ')}; ${fit.map((f) => `RMSE ${plain(f.rmse)}, MAPE ${f.mape.toFixed(1)} %`).join('; ')}): ` +
      `${plain(entry.default)}, 95 % interval ${plain(lo)}–${plain(hi)} (SE ${plain(entry.standardError)}).`,
    file: CALIBRATION_FILE,
    standardError: entry.standardError,
    interval: [lo, hi],
    rows: rows.map((r) => ({ id: r.id, year: r.year, value: r.value })),
    fit: fit.map((f) => ({ id: f.id, n: f.n, rmse: f.rmse, mape: f.mape })),
    assumed: { value: record.default, reason: record.provenance.reason },
  };
  return {
    ...record,
    default: entry.default,
    provenance,
    uncertainty: {
      // Four significant digits, as the default: precision the fit does not have would only clutter tables.
      distribution: { dist: 'normal', mean: entry.default, sd: fourDigits(entry.standardError), min: fourDigits(lo), max: fourDigits(hi) },
      reason: `The calibration's standard error, truncated to its 95 % interval (${CALIBRATION_FILE}).`,
    },
  };
}
