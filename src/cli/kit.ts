/**
 * The conventions every `hzsim` command follows, in one place. A new command:
 *
 * 1. **Registers lazily.** Add `{ name, summary, load: () => import('./<name>.js') }` to
 *    src/cli/commands/index.ts. Only the command being run (or asked for with --help) is imported,
 *    so one command's dependencies never slow another's start. Import at the top what the command
 *    always needs; import what only some paths need (charts for --charts, the worker pool, an
 *    optimiser) inside the action with `await import(...)`. Never import src/charts/render.ts
 *    or src/charts/standard.ts (vega) outside chart work, nor compile a model the build has
 *    compiled (createRunnerContext() uses the precompiled Hangzhou model). tests/cli/startup.test.ts
 *    checks which packages each command loads.
 * 2. **Takes the output options.** `outputOptions(cmd)` adds `--json`, `--lang zh|en` and
 *    `--quiet`; `parseOutputOptions(opts)` checks them (a bad --lang is exit 2, like every bad
 *    option). Results go to stdout: with --json one JSON document (`printJson`; document its shape
 *    in the README's "--json" section), else human tables in `lang` (labels from the Text records,
 *    `{zh, en}`). Status lines ("wrote 4 files to out") go to stderr through `status()`, and a
 *    progress bar only through `progressBar()`: both are silenced by --quiet, and bars appear only
 *    on a terminal outside CI — stdout stays clean for pipes.
 * 3. **Survives a closed pipe.** processIO() (src/cli/io.ts) drops output once the reader has gone
 *    (`| head`): the command finishes its work and exits 0. Write through `io`, never
 *    `process.stdout` directly.
 * 4. **Reports bad input as InputError** (file, field path, value, what was expected): exit 2,
 *    nothing written. Prepare every output file in memory, then write (`writeOut`).
 */
import type { Command } from 'commander';
import type { Lang } from '../catalog/types.js';
import { InputError, type InputProblem } from '../errors.js';
import type { CliIO } from './io.js';
import { quote } from '../util/quote.js';

export const LANGS: readonly Lang[] = ['zh', 'en'];
const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/** The output options every result-printing command takes. */
export interface OutputFlags {
  readonly json: boolean;
  readonly lang: Lang;
  readonly quiet: boolean;
}

export interface OutputOptionValues {
  readonly json?: boolean;
  readonly lang?: string;
  readonly quiet?: boolean;
}

/**
 * Adds --json, --lang and --quiet. `json` describes what --json prints and `lang` what the
 * language applies to (false: the command has no JSON form or no language, e.g. demo).
 */
export function outputOptions(cmd: Command, describe: { json: string | false; lang: string | false }): Command {
  if (describe.json !== false) cmd.option('--json', `print ${describe.json} as JSON on stdout (shape in the README)`);
  if (describe.lang !== false) cmd.option('--lang <lang>', `language of ${describe.lang}: zh or en`, 'zh');
  return cmd.option('--quiet', 'print only results and errors: no progress bar, no status lines');
}

/** The problem a bad --lang value is, or none. */
export function langProblem(lang: string | undefined): InputProblem | null {
  if (lang === undefined || isLang(lang)) return null;
  return { file: '<cli>', path: '--lang', message: `unknown language ${quote(lang)} — expected zh or en` };
}

/** Checks the output options (InputError for a bad --lang). */
export function parseOutputOptions(opts: OutputOptionValues): OutputFlags {
  const problem = langProblem(opts.lang);
  if (problem) throw new InputError([problem]);
  return { json: opts.json === true, lang: (opts.lang ?? 'zh') as Lang, quiet: opts.quiet === true };
}

/** One JSON document on stdout (2-space indent, trailing newline). */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** A status line on stderr, unless --quiet. */
export function status(io: CliIO, flags: Pick<OutputFlags, 'quiet'>, text: string): void {
  if (!flags.quiet) io.stderr(text.endsWith('\n') ? text : `${text}\n`);
}

/** Whether a progress bar may be drawn: a terminal, not CI, not --quiet. */
export const showsProgress = (io: CliIO, flags: Pick<OutputFlags, 'quiet'>): boolean => io.isTTY && !flags.quiet;

/** A value in the chosen language from a `{zh, en}` record. */
export const inLang = (text: Readonly<Record<Lang, string>>, lang: Lang): string => text[lang];
