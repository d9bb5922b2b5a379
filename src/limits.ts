/**
 * Every resource limit of the library and the command line, in one place. Each is checked before
 * the work or allocation it bounds, and a breach is refused as bad input (exit code 2) with a
 * message that states the limit. The README's limits table is generated from `LIMITS` (a test
 * keeps the two equal).
 *
 * The values are generous for what scenario files and runs of this model are (the bundled
 * scenarios are a few kilobytes; 100,000 Monte Carlo runs of the full model need about 0.5 GB)
 * and small enough that a hostile or mistaken input fails in well under a second.
 */
import { InputError, type InputProblem } from './errors.js';

export interface Limit {
  /** Largest value allowed (smallest for a lower limit). */
  readonly value: number;
  /** The unit the value is counted in, for messages and the table. */
  readonly unit: string;
  /** What is limited, for the README table. */
  readonly what: string;
}

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

export const LIMITS = {
  fileBytes: { value: 1 * MIB, unit: 'bytes', what: 'size of an input file (a scenario, an observed-data CSV)' },
  nestingDepth: { value: 64, unit: 'levels', what: 'nesting of mappings and lists in a scenario file (after aliases are resolved)' },
  aliases: { value: 100, unit: 'aliases', what: 'YAML aliases (`*name`) in a scenario file' },
  expandedValues: { value: 100_000, unit: 'values', what: 'values in a scenario file once its aliases are resolved' },
  stringLength: { value: 10_000, unit: 'characters', what: 'length of a text value' },
  keyLength: { value: 256, unit: 'characters', what: 'length of a key (field name, lever id, year)' },
  extendsDepth: { value: 32, unit: 'files', what: 'scenario files in one `extends` chain' },
  runs: { value: 1_000_000, unit: 'runs', what: 'Monte Carlo runs of one scenario' },
  monteCarloBytes: {
    value: 2 * GIB,
    unit: 'bytes',
    what: 'memory the kept results of one Monte Carlo may need (runs × (outputs × years + uncertain levers) × 8 bytes, when every value is kept for exact quantiles)',
  },
  threads: { value: 64, unit: 'threads', what: 'worker threads (`--threads`)' },
  lastYear: { value: 2100, unit: 'year', what: 'last simulated year (`--until`)' },
  stepsPerYear: { value: 365, unit: 'steps', what: 'time steps per simulated year (`--steps-per-year`)' },
  seed: { value: Number.MAX_SAFE_INTEGER, unit: '', what: 'Monte Carlo seed (an integer from 0)' },
  problemsShown: { value: 50, unit: 'problems', what: 'problems printed for one command (the rest are counted)' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** A limit as written in messages and the table: "1 MiB", "100,000 values", "2100". */
export function formatLimit(name: LimitName): string {
  const { value, unit } = LIMITS[name];
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'year' || unit === '') return String(value);
  return `${value.toLocaleString('en-US')} ${unit}`;
}

/** Bytes in binary units, e.g. "1 MiB", "2.5 GiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const shown = i === 0 || Number.isInteger(value) ? String(Math.round(value)) : value.toPrecision(3);
  return `${shown} ${units[i]}`;
}

/**
 * Memory the kept results of a Monte Carlo need: with exact quantiles every run's outputs (cells)
 * and draws, 8 bytes each; with sketched quantiles nothing grows with the runs (0).
 */
export const monteCarloBytes = (runs: number, cells: number, uncertainLevers: number, exact: boolean): number =>
  exact ? runs * (cells + uncertainLevers) * 8 : 0;

/** The README's limits table (Markdown), generated from LIMITS. */
export function limitsTable(): string {
  const rows = (Object.keys(LIMITS) as LimitName[]).map((name) => `| ${LIMITS[name].what} | ${formatLimit(name)} |`);
  return ['| limit | at most |', '| --- | --- |', ...rows].join('\n');
}

/** A limit exceeded: bad input (exit code 2) whose message states the limit. */
export class LimitError extends InputError {
  constructor(
    readonly limit: LimitName,
    problem: InputProblem,
  ) {
    super([problem]);
    this.name = 'LimitError';
  }
}

/** Where a number came from, for the message: a file and field, or '<cli>' and the option. */
export interface LimitSource {
  readonly file: string;
  readonly path: string;
}

/**
 * Refuses a Monte Carlo whose runs or memory exceed the limits, before anything is allocated.
 * `cells` is outputs × years of the compiled model.
 */
export function checkMonteCarloSize(runs: number, cells: number, uncertainLevers: number, where: LimitSource, exact: boolean): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > LIMITS.runs.value) {
    throw new LimitError('runs', { ...where, message: `${runs} runs — expected an integer from 1 to ${LIMITS.runs.value.toLocaleString('en-US')}` });
  }
  const bytes = monteCarloBytes(runs, cells, uncertainLevers, exact);
  if (bytes > LIMITS.monteCarloBytes.value) {
    const n = (x: number): string => x.toLocaleString('en-US');
    throw new LimitError('monteCarloBytes', {
      ...where,
      message:
        `${n(runs)} runs would need ${formatBytes(bytes)} for their results (${n(runs)} runs × (${n(cells)} output-years + ${n(uncertainLevers)} uncertain levers) × 8 bytes) — ` +
        `at most ${formatLimit('monteCarloBytes')} are allowed: use at most ${n(Math.floor(LIMITS.monteCarloBytes.value / ((cells + uncertainLevers) * 8)))} runs, or a shorter horizon`,
    });
  }
}
