/**
 * Faults of the environment (a full disk, a read-only file system, a path below a file, a closed
 * or full standard output) described in one line, naming the path and the cause: they are not
 * the user's mistake in a scenario and not a bug, so they get neither a list of problems nor a
 * stack trace.
 */
import { formatProblem, InputError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { printable, safeText } from './quote.js';

const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'the folder is not empty',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EXDEV: 'not on the same file system',
  EBUSY: 'resource busy',
  ETXTBSY: 'file busy',
  EPIPE: 'the reading end was closed',
  EAGAIN: 'resource temporarily unavailable',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EINVAL: 'invalid argument',
};

/** "no space left on device (ENOSPC)"; unknown codes as themselves. */
export function describeErrorCode(code: string): string {
  const cause = CAUSES[code];
  return cause ? `${cause} (${code})` : code;
}

/** An error from the operating system (Node's `SystemError`: an `E…` code and a system call). */
export interface SystemErrorLike {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
}

export function isSystemError(err: unknown): err is SystemErrorLike {
  const e = err as { code?: unknown; syscall?: unknown } | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string';
}

/** A fault of the environment while working on `path`; its message is one line for the user. */
export class EnvironmentFault extends Error {
  /**
   * `action` and `path` read as "cannot <action> <path>"; `reason` replaces the code's usual
   * description where the situation is known more exactly ("it is a file, not a folder").
   */
  constructor(
    readonly path: string,
    readonly code: string,
    readonly action: string,
    options: { reason?: string; note?: string; cause?: unknown } = {},
  ) {
    const reason = options.reason ? `${options.reason} (${code})` : describeErrorCode(code);
    super(`cannot ${action} ${safeText(path, 200)}: ${reason}${options.note ? `; ${options.note}` : ''}`, { cause: options.cause });
    this.name = 'EnvironmentFault';
  }
}

/** The `code` of a system error, or undefined. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** The one line describing a system error that reached the top without a more specific wrapper. */
export function systemErrorLine(err: SystemErrorLike): string {
  const where = err.path ? ` ${safeText(err.path, 200)}` : '';
  return `${err.syscall ?? 'system call'}${where} failed: ${describeErrorCode(err.code)}`;
}

/** What the command line prints for an error that ended a command, and its exit code. */
export interface FailureReport {
  readonly exitCode: 1 | 2;
  /** Text for standard error, ending in a newline, safe to print (util/quote `printable`). */
  readonly text: string;
}

/**
 * The report for an error: bad input lists its problems (at most LIMITS.problemsShown, the rest
 * counted) with exit code 2; a fault of the environment is one line naming the path and the
 * cause, exit code 1; anything else is a bug — one line, and the stack trace only with `debug`.
 */
export function failureReport(err: unknown, debug: boolean): FailureReport {
  if (err instanceof InputError) {
    const max = LIMITS.problemsShown.value;
    const shown = err.problems.slice(0, max).map(formatProblem);
    if (err.problems.length > max) shown.push(`… and ${(err.problems.length - max).toLocaleString('en-US')} more problems`);
    return { exitCode: 2, text: printable(`hzsim: ${err.problems.length} problem(s):\n${shown.join('\n')}`) + '\n' };
  }
  const trace = debug && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  if (err instanceof EnvironmentFault) return { exitCode: 1, text: `${printable(`hzsim: ${err.message}`)}${trace}\n` };
  if (isSystemError(err)) return { exitCode: 1, text: `${printable(`hzsim: ${systemErrorLine(err)}`)}${trace}\n` };
  const summary = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0] ?? ''}` : String(err);
  const hint = debug ? '' : ' — rerun with --debug for the stack trace';
  return { exitCode: 1, text: `${printable(`hzsim: internal error (a bug; please report it): ${safeText(summary, 300)}${hint}`)}${trace}\n` };
}

/**
 * A standard stream that fails for another reason than a closed pipe (`> /dev/full`): one line on
 * standard error and exit code 1 (a closed pipe is not a fault: src/cli/io.ts drops the output).
 */
export function standardStreamFault(err: unknown, stream = 'standard output'): void {
  process.stderr.write(`hzsim: cannot write to ${stream}: ${describeErrorCode(errorCode(err) ?? 'EIO')}\n`);
  process.exit(1);
}
