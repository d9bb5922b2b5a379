/**
 * Atomic file output: every file is written to a temporary file in the same directory and then
 * renamed over its target (rename within one file system is atomic on POSIX), so an interrupted
 * run leaves either the old file or the complete new one, never half a file. Callers prepare all
 * contents in memory first, so bad input is detected before anything is written.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let counter = 0;

/** Writes one file atomically. */
export function writeFileAtomic(path: string, contents: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    writeFileSync(tmp, contents, { flush: true });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes every file of `files` (name → contents) into `dir` (created if missing): all temporary
 * files first, then the renames, so a failure while writing leaves no target touched.
 */
export function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, contents] of files) {
      const target = join(dir, name);
      const tmp = `${target}.${process.pid}.${counter++}.tmp`;
      staged.push([tmp, target]);
      writeFileSync(tmp, contents, { flush: true });
    }
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  return staged.map(([, target]) => target);
}
