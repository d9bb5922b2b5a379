/**
 * Parsing and messages shared by `hzsim run` and `hzsim compare`: numbers on the command line are
 * checked here and rejected with an InputError naming the option, the bad value and what was
 * expected (exit 2, nothing written).
 */
import { resolve } from 'node:path';
import { InputError, type InputProblem } from '../../errors.js';
import type { IntegrationMethod } from '../../engine/types.js';
import { writeFilesAtomic } from '../../util/atomic.js';

export const FIRST_UNTIL = 2011;
/** Seed used for a Monte Carlo when neither --seed nor the scenario's `montecarlo.seed` gives one. */
export const DEFAULT_SEED = 2011;

const messages = {
  positiveInteger: (v: string) => `got '${v}' — expected a positive integer, e.g. 1000`,
  nonNegativeInteger: (v: string) => `got '${v}' — expected a non-negative integer, e.g. 2011`,
  until: (v: string) => `got '${v}' — expected a year ≥ ${FIRST_UNTIL}, e.g. 2020`,
  threads: (v: string) => `got '${v}' — expected a positive integer number of worker threads, e.g. 2`,
  stepsPerYear: (v: string) => `got '${v}' — expected a whole number of time steps per year from 1 to 365, e.g. 12 (monthly) or 52 (weekly)`,
  method: (v: string) => `got '${v}' — expected euler or rk4`,
};

const INTEGER = /^\d+$/;
const isMethod = (m: string | undefined): m is IntegrationMethod => m === 'euler' || m === 'rk4';

export interface NumberOptions {
  readonly runs?: string;
  readonly seed?: string;
  readonly until?: string;
  readonly threads?: string;
  readonly stepsPerYear?: string;
  readonly method?: string;
}

export interface ParsedNumbers {
  readonly runs: number | undefined;
  readonly seed: number | undefined;
  readonly until: number | undefined;
  readonly threads: number | undefined;
  readonly stepsPerYear: number | undefined;
  readonly method: IntegrationMethod | undefined;
}

/** Checks every numeric option at once; throws one InputError listing every bad one. */
export function parseNumbers(opts: NumberOptions): ParsedNumbers {
  const problems: InputProblem[] = [];
  const check = (flag: string, value: string | undefined, ok: (n: number) => boolean, message: (v: string) => string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (INTEGER.test(value.trim()) && Number.isSafeInteger(n) && ok(n)) return n;
    problems.push({ file: '<cli>', path: flag, message: message(value) });
    return undefined;
  };
  const parsed = {
    runs: check('--runs', opts.runs, (n) => n >= 1, messages.positiveInteger),
    seed: check('--seed', opts.seed, (n) => n >= 0, messages.nonNegativeInteger),
    until: check('--until', opts.until, (n) => n >= FIRST_UNTIL && n <= 9999, messages.until),
    threads: check('--threads', opts.threads, (n) => n >= 1, messages.threads),
    stepsPerYear: check('--steps-per-year', opts.stepsPerYear, (n) => n >= 1 && n <= 365, messages.stepsPerYear),
    method: isMethod(opts.method) ? opts.method : undefined,
  };
  if (opts.method !== undefined && parsed.method === undefined) problems.push({ file: '<cli>', path: '--method', message: messages.method(opts.method) });
  if (problems.length > 0) throw new InputError(problems);
  return parsed;
}

/** Writes prepared files into `--out` (relative to the working directory), atomically. */
export function writeOut(cwd: string, out: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  return writeFilesAtomic(resolve(cwd, out), files);
}
