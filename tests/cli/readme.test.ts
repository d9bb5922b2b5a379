/**
 * The README's shell examples (its "Scripting" section) parse, and — where jq and python3 are
 * installed — run as written in an empty folder, with `npx hzsim` resolved to this checkout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = process.cwd();
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n### Scripting\n'), readme.indexOf('\n## ', readme.indexOf('\n### Scripting\n')));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const has = (tool: string): boolean => spawnSync('bash', ['-c', `command -v ${tool}`]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'hz-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npx hzsim` → this checkout's CLI (from the sources), everything else as written. */
const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const prelude = `npx() { if [ "$1" = hzsim ]; then shift; node --import ${tsx} ${JSON.stringify(join(repo, 'src', 'cli', 'main.ts'))} "$@"; else command npx "$@"; fi; }\nset -o pipefail\n`;
const bash = (script: string, args: readonly string[] = []) =>
  spawnSync('bash', [...args, '-c', prelude + script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

describe("the README's scripting examples", () => {
  it('are three shell blocks that bash parses', () => {
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(bash(b, ['-n']).status).toBe(0);
  });

  it.skipIf(!has('jq'))('the lever sweep prints one rate per lever value, rising with it', () => {
    const r = bash(blocks[0] as string);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t').map(Number));
    expect(rows.map((row) => row[0])).toEqual([0.03, 0.045, 0.06]);
    expect(rows[0]![1]).toBeLessThan(rows[1]![1]!);
    expect(rows[1]![1]).toBeLessThan(rows[2]![1]!);
  });

  it.skipIf(!has('python3'))('the Python example prints every target with its class and odds', () => {
    const r = bash(blocks[1] as string);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^administration\.approval-items\.cut-20pct +\S+ +\d+%$/m);
  });

  it.skipIf(!has('jq'))('the comparison prints the five largest differences', () => {
    const r = bash(blocks[2] as string);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });
});
