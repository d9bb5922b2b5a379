/**
 * Reading a user's input file (a scenario, an observed-data CSV) safely: only a regular file is
 * opened for reading — never a device such as /dev/zero or a FIFO, which would hang or never
 * end — its size is checked before it is read, and its bytes must be valid UTF-8. Failures are
 * UnreadableFile errors whose reason reads well after "cannot read the file: ".
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { formatLimit, LIMITS } from '../limits.js';
import { describeErrorCode } from './faults.js';

/** A file that could not be read; `reason` says why ("no such file", "it is a FIFO…"). */
export class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(`cannot read the file: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

/** The reason for a file of `bytes` bytes beyond the limit. */
export const tooLargeReason = (bytes: number): string =>
  `the file is ${bytes.toLocaleString('en-US')} bytes — input files may be at most ${formatLimit('fileBytes')} (${LIMITS.fileBytes.value.toLocaleString('en-US')} bytes)`;

/**
 * The bytes of a regular file of at most LIMITS.fileBytes. Opened without blocking and checked
 * with fstat on the open descriptor, so a FIFO, a device or a symbolic link to one is refused
 * without being read. Throws UnreadableFile.
 */
export function readRegularFile(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UnreadableFile(unreadableReason(err));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnreadableFile(`it is ${fileKind(stats)}, not a regular file`);
    const limit = LIMITS.fileBytes.value;
    if (stats.size > limit) throw new UnreadableFile(tooLargeReason(stats.size));
    // One byte more than the limit, in case the file grew since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new UnreadableFile(tooLargeReason(length));
    return buffer.subarray(0, length);
  } catch (err) {
    throw err instanceof UnreadableFile ? err : new UnreadableFile(unreadableReason(err));
  } finally {
    closeSync(fd);
  }
}

const fileKind = (s: Stats): string =>
  s.isDirectory() ? 'a directory' : s.isFIFO() ? 'a FIFO (named pipe)' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device' : s.isSocket() ? 'a socket' : 'a special file';

/** Why reading failed: "no such file", "permission denied (EACCES)", or an UnreadableFile's reason. */
export function unreadableReason(err: unknown): string {
  if (err instanceof UnreadableFile) return err.reason;
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  return typeof code === 'string' ? describeErrorCode(code) : 'it could not be read';
}

/** The first byte that is not UTF-8: its value, its offset in the bytes and its index in the (lossy) text. */
export interface InvalidUtf8 {
  readonly byte: number;
  readonly offset: number;
  readonly text: string;
  readonly index: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text (a UTF-8 byte-order mark dropped), or where the first byte that is not UTF-8 is. */
export function decodeUtf8(bytes: Uint8Array): string | InvalidUtf8 {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // The first replacement character that does not stand for a real U+FFFD in the file.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const encoder = new TextEncoder();
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
      const offset = encoder.encode(text.slice(0, i)).length;
      if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return { byte: bytes[offset] ?? 0, offset, text, index: i };
    }
    return { byte: 0, offset: 0, text, index: 0 };
  }
}

/** "the file is not valid UTF-8 (byte 0xE7 at offset 21) — …" */
export const invalidUtf8Reason = (bad: Pick<InvalidUtf8, 'byte' | 'offset'>): string =>
  `the file is not valid UTF-8 (byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad.offset}) — expected UTF-8 text; save the file as UTF-8`;
