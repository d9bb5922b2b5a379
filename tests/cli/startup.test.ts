/**
 * Start-up: each command loads only what it uses (speed itself is for `npm run bench`). The built
 * CLI (dist/, as `npx hzsim` runs it) is started with a preload that lists every npm package the
 * process loaded; listings and a deterministic run of the precompiled model must load neither
 * mathjs nor vega, and importing the package neither.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hangzhouModel } from '../../src/models/index.js';
import { params } from '../../src/params/index.js';
import { fingerprint, type PrecompiledModel } from '../../src/runner/precompiled.js';

const repo = process.cwd();
const hook = join(repo, 'tests', 'cli', 'record-loads.mjs');
const built = existsSync(join(repo, 'dist', 'cli', 'main.js'));
const artefact = join(repo, 'dist', 'runner', 'hangzhou-model.json');
// An artefact built from another version of the model (edited since the last build) is not used.
const current =
  built && existsSync(artefact) && (JSON.parse(readFileSync(artefact, 'utf8')) as PrecompiledModel).fingerprint === fingerprint(hangzhouModel, params);

function loaded(args: readonly string[]): { packages: string[]; code: number | null } {
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  const line = /\nloaded: (.*)\n$/.exec(r.stderr)?.[1];
  expect(line, r.stderr).toBeDefined();
  return { packages: line ? line.split(' ').filter(Boolean) : [], code: r.status };
}

const HEAVY = ['mathjs', 'vega', 'vega-lite', '@resvg/resvg-js', 'vega-embed', 'fontkit'];
const bin = join(repo, 'bin', 'hzsim.js');

describe.skipIf(!built)('what each command loads (built CLI)', () => {
  it('hzsim --version loads nothing but commander', () => {
    const { packages, code } = loaded([bin, '--version']);
    expect(code).toBe(0);
    expect(packages).toEqual(['commander']);
  });

  it('hzsim params and catalog load no engine, scenario or chart package', () => {
    for (const command of ['params', 'catalog']) {
      const { packages, code } = loaded([bin, command, '--json']);
      expect(code).toBe(0);
      expect(packages).toEqual(['commander']);
    }
  });

  it.skipIf(!current)('hzsim run plan (deterministic) runs the precompiled model: no mathjs, no vega', () => {
    const { packages, code } = loaded([bin, 'run', 'plan', '--runs', '1']);
    expect(code).toBe(0);
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    expect(packages).toContain('yaml');
  });

  it('a horizon the build did not compile loads mathjs (to compile), still no vega', () => {
    const { packages, code } = loaded([bin, 'run', 'plan', '--runs', '1', '--until', '2016']);
    expect(code).toBe(0);
    expect(packages).toContain('mathjs');
    expect(packages.filter((p) => p.startsWith('vega'))).toEqual([]);
  });

  it.skipIf(!current)('the analysis commands without --out load no mathjs and no vega', () => {
    for (const args of [
      ['sensitivity', 'plan', '--indicator', 'urbanisation.hukou-gap', '--levers', 'rural_urban_move_rate'],
      ['goal-seek', 'plan', '--lever', 'approval_reduction_rate', '--indicator', 'administration.approval-items', '--target', '80'],
    ]) {
      const { packages, code } = loaded([bin, ...args]);
      expect(code).toBe(0);
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    }
  });

  it("import 'hangzhou-reform-sim' loads neither mathjs nor vega", () => {
    const { packages, code } = loaded(['--input-type=module', '-e', `await import(${JSON.stringify(join(repo, 'dist', 'index.js'))})`]);
    expect(code).toBe(0);
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });
});
