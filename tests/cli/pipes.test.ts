/**
 * A reader that closes early (`hzsim … | head`) ends the command quietly with exit 0, and files
 * the command writes are still complete. Real processes and a real pipe: the CLI runs from the
 * sources under tsx, its stdout piped into `head`, which exits after the first bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'hz-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `hzsim <args> | head -c <bytes>`; the CLI's exit code and stderr. */
function piped(args: string, bytes = 64): { code: number; stderr: string } {
  const script = `node --import tsx src/cli/main.ts ${args} | head -c ${bytes} > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
  const r = spawnSync('bash', ['-c', script], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  const code = Number(/exit=(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN);
  return { code, stderr: r.stderr.replace(/exit=\d+\s*$/, '') };
}

describe('a closed pipe', () => {
  it('hzsim run … --json --out DIR | head: exit 0, no error, every file written in full', () => {
    const out = join(dir, 'run');
    const { code, stderr } = piped(`run plan --runs 20 --json --quiet --out ${out}`);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.hzsim-output', 'attainment.csv', 'manifest.json', 'results.csv', 'results.json']);
    expect((JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scenarios: unknown[] }).scenarios).toHaveLength(1);
  });

  // Each writes far more than a pipe holds (64 KiB), so writes go on after the reader has gone.
  it('hzsim compare … | head and hzsim params --json | head: exit 0, nothing on stderr', () => {
    for (const args of ['compare trend plan --runs 1 --top 2000 --json', 'params --json']) {
      const { code, stderr } = piped(args, 10);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    }
  });
});
