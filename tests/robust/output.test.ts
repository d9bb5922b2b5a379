/**
 * Output folders as transactions: `--out` holds exactly what it held before or exactly the new
 * run, faults of the environment are one line naming the path and the cause, and no temporary is
 * left behind — on failure, SIGINT and SIGTERM. The full-disk and read-only cases mount a small
 * tmpfs, which needs root; where that is not allowed they are skipped with a message.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { EnvironmentFault } from '../../src/util/faults.js';
import { streamWriter } from '../../src/cli/io.js';
import { OUTPUT_MARKER, writeOutputFolder } from '../../src/util/output-folder.js';

let root = '';
beforeAll(() => void (root = mkdtempSync(join(tmpdir(), 'hzsim-out-'))));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir` with its contents (a snapshot to compare before and after). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

/** Entries of `dir` that are staging folders or set-aside outputs. */
const temporaries = (dir: string): string[] => readdirSync(dir).filter((e) => e.includes('.hzsim-'));

const files = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

async function fault(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the write to fail');
}

describe('replacing an output', () => {
  test('a missing folder is created with its parents; an earlier output is replaced whole (no stale files)', async () => {
    const out = join(root, 'a', 'b', 'out');
    expect(await writeOutputFolder(out, files({ 'results.csv': '1', 'charts/x.svg': '<svg/>' }), { display: 'out' })).toEqual(['out/results.csv', 'out/charts/x.svg']);
    expect(snapshot(out)).toEqual({ [OUTPUT_MARKER]: expect.stringMatching(/^Written by hangzhou-reform-sim /), 'results.csv': '1', 'charts/x.svg': '<svg/>' });
    await writeOutputFolder(out, files({ 'results.csv': '2' }));
    expect(Object.keys(snapshot(out)).sort()).toEqual([OUTPUT_MARKER, 'results.csv']);
    expect(temporaries(join(root, 'a', 'b'))).toEqual([]);
  });

  test('an output written before the marker existed (a hangzhou-reform-sim manifest and run files only) is replaced', async () => {
    const out = join(root, 'legacy');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ package: { name: 'hangzhou-reform-sim' } }));
    writeFileSync(join(out, 'results.csv'), 'old');
    await writeOutputFolder(out, files({ 'results.csv': 'new' }));
    expect(Object.keys(snapshot(out)).sort()).toEqual([OUTPUT_MARKER, 'results.csv']);
  });

  test('out/ holding only what the project\'s tools leave there (bench reports, browser-test screenshots, notebook reports) is replaced', async () => {
    const out = join(root, 'tools');
    mkdirSync(join(out, 'screenshots'), { recursive: true });
    writeFileSync(join(out, 'screenshots', 'page.png'), 'png');
    writeFileSync(join(out, 'bench.json'), '{}');
    mkdirSync(join(out, 'notebooks', '02'), { recursive: true });
    await writeOutputFolder(out, files({ 'results.csv': 'new' }));
    expect(Object.keys(snapshot(out)).sort()).toEqual([OUTPUT_MARKER, 'results.csv']);
    // …but not with a file of the user's beside them.
    mkdirSync(join(root, 'tools2', 'screenshots'), { recursive: true });
    writeFileSync(join(root, 'tools2', 'notes.txt'), 'mine');
    expect(await fault(writeOutputFolder(join(root, 'tools2'), files({ 'results.csv': '1' })))).toBeInstanceOf(InputError);
  });

  test('a folder holding other files is refused and left untouched (so --out . never deletes a user’s files)', async () => {
    const out = join(root, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const err = await fault(writeOutputFolder(out, files({ 'results.csv': '1' }), { display: 'mine' }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(
      '<cli>: --out: mine holds files hzsim did not write (notes.txt) and would be replaced whole — expected a new or empty folder, or one an earlier hzsim command wrote',
    );
    expect(snapshot(out)).toEqual({ 'notes.txt': 'mine' });
  });

  test('a symbolic link to an earlier output: the folder it points to is replaced, the link kept', async () => {
    const real = join(root, 'real');
    await writeOutputFolder(real, files({ 'old.csv': 'x' }));
    symlinkSync(real, join(root, 'link'));
    await writeOutputFolder(join(root, 'link'), files({ 'new.csv': 'y' }));
    expect(lstatSync(join(root, 'link')).isSymbolicLink()).toBe(true);
    expect(Object.keys(snapshot(real)).sort()).toEqual([OUTPUT_MARKER, 'new.csv']);
  });

  test('a failure part-way leaves the earlier output exactly as it was and no temporary behind', async () => {
    const out = join(root, 'kept');
    await writeOutputFolder(out, files({ 'results.csv': 'earlier', 'charts/a.svg': '<svg/>' }));
    const before = snapshot(out);
    // 'x' is written as a file, then 'x/y' needs it to be a folder: the third write fails.
    const err = await fault(writeOutputFolder(out, files({ 'results.csv': 'later', x: '1', 'x/y': '2' }), { display: 'kept' }));
    expect(err).toBeInstanceOf(EnvironmentFault);
    expect(err.message).toBe('cannot write kept/x/y: it already exists (EEXIST); kept is unchanged');
    expect(snapshot(out)).toEqual(before);
    expect(temporaries(root)).toEqual([]);
  });
});

describe('faults of the environment: one line naming the path and the cause', () => {
  beforeAll(() => {
    writeFileSync(join(root, 'afile'), 'x');
    symlinkSync(join(root, 'nowhere', 'x'), join(root, 'dangling'));
  });
  test.each([
    ['an existing file', 'afile', 'cannot write to afile: it is a file, not a folder (ENOTDIR)'],
    ['a path below a file', 'afile/sub', 'cannot write to afile/sub: a part of the path is not a folder (ENOTDIR)'],
    ['a dangling symbolic link', 'dangling', 'cannot write to dangling: it is a symbolic link to a path that does not exist (ENOENT)'],
    ['a device (/dev/full)', '/dev/full', 'cannot write to /dev/full: it is a device or other special file, not a folder (ENOTDIR)'],
  ])('%s', async (_name, out, message) => {
    const err = await fault(writeOutputFolder(out.startsWith('/') ? out : join(root, out), files({ 'a.csv': '1' }), { display: out }));
    expect(err).toBeInstanceOf(EnvironmentFault);
    expect(err.message).toBe(message);
    expect(temporaries(root)).toEqual([]);
  });
});

/** Mounts a tmpfs of `size` at a new folder, or returns null where this is not allowed. */
function tmpfs(size: string, readOnly = false): string | null {
  const at = mkdtempSync(join(root, 'mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', at], { stdio: 'ignore' });
    return at;
  } catch {
    return null;
  }
}

const capture = (cwd: string): CliIO & { out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd };
};

describe('a full disk and a read-only file system (tmpfs)', () => {
  let full: string | null = null;
  let readOnly: string | null = null;
  beforeAll(() => {
    full = tmpfs('64k');
    readOnly = tmpfs('64k', true);
    if (!full || !readOnly) console.warn('mounting a tmpfs is not allowed here (needs root): the full-disk and read-only cases are skipped');
  });
  // Unmounted before the file's afterAll removes the folders they are mounted on.
  afterAll(() => {
    for (const m of [full, readOnly]) if (m) execFileSync('umount', [m], { stdio: 'ignore' });
  });
  /** The mount, or skip the test where mounting is not allowed. */
  const mounted = (at: string | null, skip: () => void): string => {
    if (!at) skip();
    return at ?? '';
  };

  test('hzsim run on a full disk: exit 1, one line with ENOSPC, nothing left on the disk', async (ctx) => {
    const dir = mounted(full, () => ctx.skip());
    writeFileSync(join(dir, 'base.yaml'), 'id: base\ntitle: {zh: 基准, en: Base}\n');
    const io = capture(dir);
    expect(await main(['run', 'base.yaml', '--out', 'out'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/^hzsim: cannot write out\/[a-z]+\.(csv|json): no space left on device \(ENOSPC\); nothing was written\n$/);
    expect(readdirSync(dir)).toEqual(['base.yaml']);
  });

  test('an earlier output on a disk that fills up is kept whole', async (ctx) => {
    const dir = mounted(full, () => ctx.skip());
    await writeOutputFolder(join(dir, 'out'), files({ 'results.csv': 'earlier' }));
    const err = await fault(writeOutputFolder(join(dir, 'out'), files({ 'results.csv': 'x'.repeat(200_000) }), { display: 'out' }));
    expect(err.message).toBe('cannot write out/results.csv: no space left on device (ENOSPC); out is unchanged');
    expect(snapshot(join(dir, 'out'))).toMatchObject({ 'results.csv': 'earlier' });
    expect(temporaries(dir)).toEqual([]);
  });

  test('a read-only file system', async (ctx) => {
    const io = capture(mounted(readOnly, () => ctx.skip()));
    writeFileSync(join(root, 'ro.yaml'), 'id: ro\ntitle: {zh: 只读, en: RO}\n');
    expect(await main(['run', join(root, 'ro.yaml'), '--out', 'out'], io)).toBe(1);
    expect(io.err.join('')).toBe('hzsim: cannot write to out: read-only file system (EROFS)\n');
  });
});

describe('hzsim run --out: replaced whole, refused before running when it cannot take the output', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(root, 'cli-'));
    writeFileSync(join(dir, 'base.yaml'), 'id: base\ntitle: {zh: 基准, en: Base}\n');
  });

  test("an earlier command's files do not survive the next run", async () => {
    expect(await main(['compare', 'base.yaml', '--out', 'x'], capture(dir))).toBe(0);
    expect(readdirSync(join(dir, 'x')).sort()).toEqual([OUTPUT_MARKER, 'compare.csv']);
    expect(await main(['run', 'base.yaml', '--out', 'x'], capture(dir))).toBe(0);
    expect(readdirSync(join(dir, 'x')).sort()).toEqual([OUTPUT_MARKER, 'attainment.csv', 'manifest.json', 'results.csv', 'results.json']);
  });

  test('--out naming a file fails at once with one line and exit 1', async () => {
    writeFileSync(join(dir, 'taken'), 'x');
    const io = capture(dir);
    expect(await main(['run', 'base.yaml', '--out', 'taken'], io)).toBe(1);
    expect(io.err.join('')).toBe('hzsim: cannot write to taken: it is a file, not a folder (ENOTDIR)\n');
    expect(io.out.join('')).toBe(''); // refused before running: no summary printed
  });
});

describe('signals: the staging folder is removed and the earlier output kept', () => {
  const script = join(import.meta.dirname, 'fixtures', 'slow-write.ts');
  test.each(['SIGINT', 'SIGTERM'] as const)('%s while writing', async (signal) => {
    const parent = mkdtempSync(join(root, 'sig-'));
    const out = join(parent, 'out');
    await writeOutputFolder(out, files({ 'results.csv': 'earlier' }));
    const before = snapshot(out);
    const child = spawn(process.execPath, ['--import', 'tsx', script, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('staged')) resolve();
      });
      child.on('exit', () => reject(new Error(`child ended before staging: ${stderr}`)));
    });
    expect(temporaries(parent)).toHaveLength(1); // the staging folder exists now
    child.kill(signal);
    expect(await exited).toEqual({ code: null, signal });
    expect(stderr).toBe('');
    expect(temporaries(parent)).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('standard output faults', () => {
  test.skipIf(!existsSync('/dev/full'))('stdout to /dev/full (a child process): exit 1 and one line naming the cause', async () => {
    const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
    const fd = openSync('/dev/full', 'w');
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', cli, 'params'], { stdio: ['ignore', fd, 'pipe'] });
        let stderr = '';
        child.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(result).toEqual({ code: 1, stderr: 'hzsim: cannot write to standard output: no space left on device (ENOSPC)\n' });
    } finally {
      closeSync(fd);
    }
  });

  test('the stream writer: a closed pipe drops the output quietly, any other fault ends with one line and 1', () => {
    const exits: (number | undefined)[] = [];
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => void exits.push(code)) as typeof process.exit);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const stream = new PassThrough();
      const written: string[] = [];
      stream.on('data', (d: Buffer) => void written.push(d.toString()));
      const write = streamWriter(stream, 'standard output');
      write('before ');
      stream.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE', syscall: 'write' }));
      write('after');
      expect(written.join('')).toBe('before ');
      stream.emit('error', Object.assign(new Error('EIO'), { code: 'EIO', syscall: 'write' }));
      expect(exits).toEqual([1]);
      expect(stderr.mock.calls.map((c) => c[0])).toEqual(['hzsim: cannot write to standard output: input/output error (EIO)\n']);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
