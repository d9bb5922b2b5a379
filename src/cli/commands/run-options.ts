/**
 * Parsing and messages shared by `hzsim run` and `hzsim compare`: numbers on the command line are
 * checked here and rejected with an InputError naming the option, the bad value and what was
 * expected (exit 2, nothing written).
 */
import { resolve } from 'node:path';
import { InputError, type InputProblem } from '../../errors.js';
import type { IntegrationMethod } from '../../engine/types.js';
import { LIMITS } from '../../limits.js';
import { checkOutputFolder, type OutputFiles, writeOutputFolder } from '../../util/output-folder.js';
import { quote } from '../../util/quote.js';

export const FIRST_UNTIL = 2011;
/** Seed used for a Monte Carlo when neither --seed nor the scenario's `montecarlo.seed` gives one. */
export const DEFAULT_SEED = 2011;

const n = (x: number): string => x.toLocaleString('en-US');
const messages = {
  runs: (v: string) => `got ${quote(v)} — expected an integer from 1 to ${n(LIMITS.runs.value)}, e.g. 1000`,
  seed: (v: string) => `got ${quote(v)} — expected an integer from 0 to ${LIMITS.seed.value}, e.g. 2011`,
  until: (v: string) => `got ${quote(v)} — expected a year from ${FIRST_UNTIL} to ${LIMITS.lastYear.value}, e.g. 2020`,
  threads: (v: string) => `got ${quote(v)} — expected a number of worker threads from 1 to ${LIMITS.threads.value}, e.g. 2`,
  stepsPerYear: (v: string) =>
    `got ${quote(v)} — expected a whole number of time steps per year from 1 to ${LIMITS.stepsPerYear.value}, e.g. 12 (monthly) or 52 (weekly)`,
  method: (v: string) => `got ${quote(v)} — expected euler or rk4`,
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
    const x = Number(value);
    if (INTEGER.test(value.trim()) && Number.isSafeInteger(x) && ok(x)) return x;
    problems.push({ file: '<cli>', path: flag, message: message(value) });
    return undefined;
  };
  const parsed = {
    runs: check('--runs', opts.runs, (x) => x >= 1 && x <= LIMITS.runs.value, messages.runs),
    seed: check('--seed', opts.seed, (x) => x >= 0 && x <= LIMITS.seed.value, messages.seed),
    until: check('--until', opts.until, (x) => x >= FIRST_UNTIL && x <= LIMITS.lastYear.value, messages.until),
    threads: check('--threads', opts.threads, (x) => x >= 1 && x <= LIMITS.threads.value, messages.threads),
    stepsPerYear: check('--steps-per-year', opts.stepsPerYear, (x) => x >= 1 && x <= LIMITS.stepsPerYear.value, messages.stepsPerYear),
    method: isMethod(opts.method) ? opts.method : undefined,
  };
  if (opts.method !== undefined && parsed.method === undefined) problems.push({ file: '<cli>', path: '--method', message: messages.method(opts.method) });
  if (problems.length > 0) throw new InputError(problems);
  return parsed;
}

/**
 * Writes prepared files as the whole content of `--out` (relative to the working directory): all
 * or nothing, an earlier output replaced whole (util/output-folder). Returns the file names.
 */
export async function writeOut(cwd: string, out: string, files: OutputFiles): Promise<string[]> {
  await writeOutputFolder(resolve(cwd, out), files, { display: out });
  return [...files.keys()];
}

/** Refuses, before any work, an `--out` that could not take the output (a file, a read-only place, a folder of other files). */
export function checkOut(cwd: string, out: string | undefined): void {
  if (out !== undefined) checkOutputFolder(resolve(cwd, out), { display: out });
}

/** `files` under the sub-folder `folder` of an output. */
export const inFolder = (folder: string, files: OutputFiles): [string, string | Uint8Array][] =>
  [...files].map(([name, contents]) => [`${folder}/${name}`, contents]);
