/**
 * Output folders written as one transaction. A command's files are prepared in memory, then
 * written into a staging folder beside `--out` and renamed into place at the end, so `--out` holds
 * either exactly what it held before or exactly the new run — never part of a run, never a new
 * run mixed with an older one's files. The staging folder is removed on failure, on SIGINT,
 * SIGTERM and SIGHUP.
 *
 * What happens to an existing `--out`:
 * - missing: created (with its parent folders);
 * - an empty folder, or one an earlier hzsim command wrote (it holds the marker file
 *   `.hzsim-output`, or — written before the marker existed — a hangzhou-reform-sim manifest.json
 *   and only the files run and demo write, or only what `npm run bench` and the browser tests
 *   leave in out/ — bench reports, screenshots, notebook reports):
 *   replaced whole;
 * - anything else (a folder with other files, a file, a device): refused, and nothing is touched,
 *   so a mistyped `--out .` or `--out ~` can never delete a user's files.
 *
 * Faults of the environment (read-only file system, full disk, a path below a file, a dangling
 * symbolic link) end as an EnvironmentFault naming the path and the cause.
 */
import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { PACKAGE_VERSION } from '../version.js';
import { EnvironmentFault, errorCode } from './faults.js';
import { safeText } from './quote.js';

/** Relative path (with '/') → contents. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

/** The file that marks a folder as written by hzsim (and so replaceable by the next command). */
export const OUTPUT_MARKER = '.hzsim-output';
const MARKER_TEXT = `Written by hangzhou-reform-sim ${PACKAGE_VERSION}. The next hzsim command given this folder as --out replaces it whole.\n`;

/** What run and demo wrote before the marker existed: such a folder is an earlier run's output too. */
const UNMARKED_OUTPUT = /^(results\.csv|results\.json|attainment\.csv|manifest\.json|compare\.csv|briefing\.[a-z]{2}\.(md|html)|charts|bench(-explorer)?\.json|screenshots|notebooks)$/;
/** What the project's own tools leave in out/ (demo's default folder): bench reports, browser-test screenshots, notebook reports. */
const DEVELOPMENT_REPORT = /^(bench(-explorer)?\.json|screenshots|notebooks)$/;

/** Writes are cut into pieces of this size so that a signal is handled while a large file is written. */
const CHUNK_BYTES = 8 * 1024 * 1024;

export interface OutputOptions {
  /** How the folder is named in messages (the user's `--out`); default: the path. */
  readonly display?: string;
  /** Called (and awaited) after each file is written, with the number written so far. */
  readonly onFileWritten?: (file: string, written: number, total: number) => void | Promise<void>;
}

type Target = { kind: 'missing' } | { kind: 'replace'; path: string } | { kind: 'fill'; path: string };

/**
 * Checks, before any work is done, that `dir` can take a command's output: it is missing, empty
 * or an earlier hzsim output, and its parent can be written. Throws an EnvironmentFault (exit 1)
 * or, for a folder holding other files, an InputError (exit 2).
 */
export function checkOutputFolder(dir: string, options: Pick<OutputOptions, 'display'> = {}): void {
  inspect(resolve(dir), options.display ?? dir);
}

function inspect(dir: string, display: string): Target {
  let real = dir;
  try {
    if (lstatSync(dir).isSymbolicLink()) {
      try {
        real = realpathSync(dir);
      } catch (err) {
        throw new EnvironmentFault(display, errorCode(err) ?? 'ENOENT', 'write to', { reason: 'it is a symbolic link to a path that does not exist', cause: err });
      }
    }
  } catch (err) {
    if (err instanceof EnvironmentFault) throw err;
    const code = errorCode(err);
    if (code !== 'ENOENT') throw new EnvironmentFault(display, code ?? 'EIO', 'write to', { cause: err });
    requireWritableAncestor(dir, display);
    return { kind: 'missing' };
  }
  const stats = statSync(real);
  if (!stats.isDirectory()) {
    throw new EnvironmentFault(display, 'ENOTDIR', 'write to', { reason: stats.isFile() ? 'it is a file, not a folder' : 'it is a device or other special file, not a folder' });
  }
  writable(dirname(real), display);
  const entries = readdirSync(real);
  if (entries.length === 0) return { kind: 'fill', path: real };
  if (entries.includes(OUTPUT_MARKER) || isUnmarkedOutput(real, entries)) return { kind: 'replace', path: real };
  const shown = entries.slice(0, 3).map((e) => safeText(e, 40)).join(', ');
  throw new InputError([
    {
      file: '<cli>',
      path: '--out',
      message: `${safeText(display, 200)} holds files hzsim did not write (${shown}${entries.length > 3 ? ', …' : ''}) and would be replaced whole — expected a new or empty folder, or one an earlier hzsim command wrote`,
    },
  ]);
}

function isUnmarkedOutput(dir: string, entries: readonly string[]): boolean {
  if (entries.every((e) => DEVELOPMENT_REPORT.test(e))) return true;
  if (!entries.includes('manifest.json') || !entries.every((e) => UNMARKED_OUTPUT.test(e))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { package?: { name?: unknown } };
    return manifest.package?.name === 'hangzhou-reform-sim';
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of a missing `dir` must be a folder we may write into. */
function requireWritableAncestor(dir: string, display: string): void {
  for (let up = dirname(dir); ; up = dirname(up)) {
    let stats;
    try {
      stats = statSync(up);
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' && dirname(up) !== up) continue;
      throw new EnvironmentFault(display, code ?? 'EIO', 'create', { cause: err });
    }
    if (!stats.isDirectory()) throw new EnvironmentFault(display, 'ENOTDIR', 'create', { reason: `${safeText(up, 200)} is a file, not a folder` });
    writable(up, display);
    return;
  }
}

function writable(dir: string, display: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new EnvironmentFault(display, errorCode(err) ?? 'EACCES', 'write to', { cause: err });
  }
}

// --- temporaries removed on signals ----------------------------------------------------------

const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
  temporaries.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  release();
  // Die of the signal as if no handler had been installed (exit status 128 + n for the shell).
  process.kill(process.pid, signal);
}

function hold(path: string): void {
  if (temporaries.size === 0) {
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on('exit', removeTemporaries);
  }
  temporaries.add(path);
}

function drop(path: string): void {
  temporaries.delete(path);
  if (temporaries.size === 0) release();
}

function release(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeTemporaries);
}

// --- the transaction -------------------------------------------------------------------------

/**
 * Writes `files` as the whole content of `dir` (see the module comment for an existing `dir`).
 * Returns the paths written, as `display/<file>`.
 */
export async function writeOutputFolder(dir: string, files: OutputFiles, options: OutputOptions = {}): Promise<string[]> {
  const display = options.display ?? dir;
  const absolute = resolve(dir);
  const target = inspect(absolute, display);
  const finalPath = target.kind === 'missing' ? absolute : target.path;
  const parent = dirname(finalPath);
  const createdFrom = createParents(parent, display);
  let staging: string | null = null;
  const shown = (file: string): string => `${display.replace(/[\\/]+$/, '')}/${file}`;
  const unchanged = target.kind === 'missing' ? `nothing was written` : `${safeText(display, 200)} is unchanged`;
  try {
    try {
      staging = mkdtempSync(join(parent, `.${basename(finalPath)}.hzsim-`));
    } catch (err) {
      throw new EnvironmentFault(display, errorCode(err) ?? 'EIO', 'create', { cause: err, note: unchanged });
    }
    hold(staging);
    let written = 0;
    for (const [file, contents] of [...files, [OUTPUT_MARKER, MARKER_TEXT] as const]) {
      const path = join(staging, ...file.split('/'));
      if (!path.startsWith(staging + sep)) throw new Error(`output file name leaves the folder: ${file}`);
      try {
        mkdirSync(dirname(path), { recursive: true });
        await writeChunked(path, contents);
      } catch (err) {
        throw new EnvironmentFault(shown(file), errorCode(err) ?? 'EIO', 'write', { cause: err, note: unchanged });
      }
      if (file !== OUTPUT_MARKER) await options.onFileWritten?.(file, ++written, files.size);
    }
    commit(staging, finalPath, target.kind === 'replace', display, unchanged);
    drop(staging);
    staging = null;
    return [...files.keys()].map(shown);
  } catch (err) {
    if (staging) {
      rmSync(staging, { recursive: true, force: true });
      drop(staging);
    }
    if (createdFrom) removeEmptyParents(createdFrom, parent);
    throw err;
  }
}

/** Moves the staged folder into place; an existing output is set aside first and removed after. */
function commit(staging: string, target: string, replace: boolean, display: string, unchanged: string): void {
  const fault = (err: unknown): EnvironmentFault => new EnvironmentFault(display, errorCode(err) ?? 'EIO', 'replace', { cause: err, note: unchanged });
  if (!replace) {
    try {
      renameSync(staging, target);
    } catch (err) {
      throw fault(err);
    }
    return;
  }
  const old = `${staging}-old`;
  try {
    renameSync(target, old);
  } catch (err) {
    throw fault(err);
  }
  hold(old);
  try {
    renameSync(staging, target);
  } catch (err) {
    renameSync(old, target);
    drop(old);
    throw fault(err);
  }
  rmSync(old, { recursive: true, force: true });
  drop(old);
}

/** Writes `contents` to a new file in pieces (so signals are handled in between), then flushes it to disk. */
async function writeChunked(path: string, contents: string | Uint8Array): Promise<void> {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  const handle = await open(path, 'wx');
  try {
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
      offset += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` and its missing parents; returns the topmost folder created (to remove on failure), or null. */
function createParents(dir: string, display: string): string | null {
  try {
    return mkdirSync(dir, { recursive: true }) ?? null;
  } catch (err) {
    throw new EnvironmentFault(display, errorCode(err) ?? 'EIO', 'create', { cause: err });
  }
}

/** Removes the folders from `deepest` up to `top` that this transaction created, if still empty. */
function removeEmptyParents(top: string, deepest: string): void {
  for (let dir = deepest; dir.length >= top.length; dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === top) return;
  }
}
