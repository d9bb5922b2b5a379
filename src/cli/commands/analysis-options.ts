/**
 * What `hzsim sensitivity | goal-seek | calibrate | backtest` share: checking their options (every
 * bad one reported at once, exit 2), loading the one scenario, choosing the runner, a progress bar
 * on a terminal, JSON output, writing a scenario that extends the input, and their charts.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { stringify } from 'yaml';
import type { Lang } from '../../charts/i18n.js';
import { InputError, type InputProblem } from '../../errors.js';
import type { ParamValue } from '../../params/types.js';
import { CompiledModelCache, createRunnerContext, createSingleThreadRunner, createWorkerPoolRunner, type ModelRunner, type RunnerContext } from '../../runner/index.js';
import { checkScenarios, loadScenarios, type DistributionSpec, type FileAccess, type ResolvedScenario, SCENARIO_ID_PATTERN } from '../../scenario/index.js';
import { nodeFileAccess } from '../../scenario/context.js';
import type { Text } from '../../catalog/types.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { AUTO_POOL_MIN_RUNS, progressBar as terminalBar } from '../execute.js';
import type { CliIO } from '../io.js';
import { langProblem } from '../kit.js';
import { parseNumbers } from './run-options.js';
import { readObserved, type ObservedRow } from '../../data/observed.js';
import { comparableObservations } from '../../analysis/observed-model.js';
import type { Observation } from '../../analysis/types.js';

export const CLI = '<cli>';

/** Collects option problems so every bad option is reported at once. */
export class OptionChecks {
  readonly problems: InputProblem[] = [];

  fail(flag: string, message: string): undefined {
    this.problems.push({ file: CLI, path: flag, message });
    return undefined;
  }

  /** A number (any finite value unless `ok` says otherwise). */
  number(flag: string, value: string | undefined, expected: string, ok: (n: number) => boolean = () => true): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) && ok(n) ? n : this.fail(flag, `got '${value}' — expected ${expected}`);
  }

  integer(flag: string, value: string | undefined, expected: string, ok: (n: number) => boolean = () => true): number | undefined {
    return this.number(flag, value, expected, (n) => Number.isSafeInteger(n) && ok(n));
  }

  year(flag: string, value: string | undefined): number | undefined {
    return this.integer(flag, value, 'a year from 2010 to 9999, e.g. 2015', (n) => n >= 2010 && n <= 9999);
  }

  /** --lang, checked as every command checks it (src/cli/kit.ts). */
  lang(value: string | undefined): Lang {
    const problem = langProblem(value);
    if (problem) this.problems.push(problem);
    return problem || value === undefined ? 'zh' : (value as Lang);
  }

  /** A comma-separated list of ids, or undefined. */
  list(value: string | undefined): string[] | undefined {
    if (value === undefined) return undefined;
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** One of `choices`. */
  choice<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    const expected = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}` : (choices[0] ?? '');
    return (choices as readonly string[]).includes(value) ? (value as T) : (this.fail(flag, `got '${value}' — expected ${expected}`) ?? fallback);
  }

  /** Runs a check that throws an InputError, keeping its problems with the others. */
  attempt(check: () => void): void {
    try {
      check();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.problems.push(...err.problems);
    }
  }

  /** Throws every problem collected so far (exit 2, nothing written). */
  done(): void {
    if (this.problems.length > 0) throw new InputError(this.problems);
  }
}

/** The seed, thread and run options, checked as `hzsim run` checks them; problems join `checks`. */
export function seedAndThreads(opts: { seed?: string; threads?: string; runs?: string }, checks: OptionChecks): { seed: number | undefined; threads: number | undefined; runs: number | undefined } {
  try {
    const { seed, threads, runs } = parseNumbers({ seed: opts.seed, threads: opts.threads, runs: opts.runs });
    return { seed, threads, runs };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    checks.problems.push(...err.problems);
    return { seed: undefined, threads: undefined, runs: undefined };
  }
}

/**
 * Loads the one scenario a command analyses, with the horizon it needs; its problems join the
 * option problems (null then), so a user sees everything wrong at once.
 */
export function loadOne(file: string, io: CliIO, until: number, checks: OptionChecks): ResolvedScenario | null {
  try {
    const [scenario] = loadScenarios([file], { cwd: io.cwd, until });
    return scenario ?? null;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    checks.problems.push(...err.problems);
    return null;
  }
}

/**
 * The observed data `calibrate` and `backtest` score against: the bundled file
 * (data/observed/hangzhou.csv) unless --observed names another in the same format, validated the
 * same way (src/data/observed.ts); its problems join `checks`. Returns the scored rows: primary
 * rows of observables the model is compared with (src/analysis/observed-model.ts).
 */
export function observedOption(path: string | undefined, io: CliIO, checks: OptionChecks): { file: string; rows: ObservedRow[]; observations: Observation[] } {
  const file = path ?? 'data/observed/hangzhou.csv';
  let rows: ObservedRow[] = [];
  checks.attempt(() => {
    rows = path === undefined ? readObserved() : readObserved(resolve(io.cwd, path), relative(io.cwd, resolve(io.cwd, path)) || path);
  });
  return { file, rows, observations: comparableObservations(rows) };
}

export interface Machinery {
  readonly context: RunnerContext;
  readonly cache: CompiledModelCache;
}

/** The Hangzhou model, compiled once per horizon for the whole command. */
export function machinery(): Machinery {
  const context = createRunnerContext();
  return { context, cache: new CompiledModelCache(context) };
}

/** The runner for `runs` runs: the pool with --threads > 1, or by default for large jobs (as `hzsim run`). */
export function runnerFor(m: Machinery, threads: number | undefined, runs: number): ModelRunner {
  const n = threads ?? (runs >= AUTO_POOL_MIN_RUNS ? availableParallelism() : 1);
  return n > 1 ? createWorkerPoolRunner(m.context, n, m.cache) : createSingleThreadRunner(m.context, m.cache);
}

/** A progress bar on a terminal only (none when piped, under CI or with --quiet), started on the first update. */
export async function progressBar(io: CliIO, quiet: boolean, label: string, unit: string): Promise<{ update: (done: number, total: number) => void; stop: () => void }> {
  const bar = await terminalBar(io, { quiet }, `${label} [{bar}] {value}/{total} ${unit}`);
  let started = false;
  return {
    update(done, total) {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => {
      if (started) bar?.stop();
    },
  };
}

/** JSON for files, as printJson prints it on stdout (NaN and infinities become null). */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Charts as `<name>.<lang>.svg` and `.png`, in memory (vega loads here, only for --out). */
export async function chartFiles(charts: readonly { readonly name: string; readonly spec: TopLevelSpec }[], lang: Lang): Promise<Map<string, string | Uint8Array>> {
  const { renderFormats } = await import('../../charts/standard.js');
  const files = new Map<string, string | Uint8Array>();
  for (const { name, spec } of charts) {
    for (const [format, content] of await renderFormats(spec, ['svg', 'png'])) files.set(`${name}.${lang}.${format}`, content);
  }
  return files;
}

/** A file-name-safe form of an output id (`urbanisation.hukou-gap` stays as it is). */
export const fileSafe = (id: string): string => id.replace(/[^A-Za-z0-9._-]+/g, '_');

export interface DerivedScenario {
  readonly title: Text;
  readonly description: Text;
  readonly parameters: Readonly<Record<string, ParamValue>>;
  readonly uncertainty: Readonly<Record<string, DistributionSpec>>;
  /** Lines of the file's leading comment. */
  readonly comment: readonly string[];
}

/**
 * Writes a scenario that `extends` the input (by relative path) and sets `parameters` — after
 * loading it from memory first, so a file that would not load is never written.
 */
export function writeDerivedScenario(io: CliIO, file: string, parent: ResolvedScenario, derived: DerivedScenario, until: number): string {
  const abs = resolve(io.cwd, file);
  const stem = basename(abs, extname(abs));
  const id = SCENARIO_ID_PATTERN.test(stem) ? stem : `${parent.id}-derived`;
  let ref = relative(dirname(abs), parent.file);
  if (!ref.startsWith('.')) ref = `./${ref}`;
  const body: Record<string, unknown> = {
    id,
    title: derived.title,
    description: derived.description,
    extends: ref,
    parameters: derived.parameters,
    ...(Object.keys(derived.uncertainty).length > 0 ? { uncertainty: derived.uncertainty } : {}),
  };
  const isJson = extname(abs).toLowerCase() === '.json';
  const text = isJson ? jsonText(body) : `${derived.comment.map((l) => `# ${l}`.trimEnd()).join('\n')}\n${stringify(body, { lineWidth: 0 })}`;
  const fs: FileAccess = {
    read: (p) => (p === abs ? Buffer.from(text) : nodeFileAccess.read(p)),
    exists: (p) => p === abs || nodeFileAccess.exists(p),
    list: (d) => nodeFileAccess.list(d),
  };
  const [check] = checkScenarios([abs], { cwd: io.cwd, until, fs });
  if (!check || check.problems.length > 0) {
    throw new Error(`the scenario for ${file} would not load: ${check?.problems.map((p) => p.message).join('; ') ?? 'no result'}`);
  }
  writeFileAtomic(abs, text);
  return relative(io.cwd, abs) || file;
}
