import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { ATTAINMENT_CSV_HEADER, RESULTS_CSV_HEADER } from '../../src/runner/index.js';
import { parseCsv } from '../../src/util/csv.js';

let dir = '';

function io(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd: dir };
}

const files = (sub: string): Record<string, Buffer> =>
  Object.fromEntries(readdirSync(join(dir, sub)).sort().map((f) => [f, readFileSync(join(dir, sub, f))]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzsim-run-'));
  writeFileSync(
    join(dir, 'fast.yaml'),
    [
      'id: fast-approvals',
      'title: {zh: 审批提速, en: Faster approvals}',
      'parameters:',
      '  approval_reduction_rate: 0.05',
      'uncertainty:',
      '  approval_reduction_rate: {dist: triangular, min: 0.02, mode: 0.045, max: 0.07}',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'base.yaml'), 'id: base\ntitle: {zh: 基准, en: Base}\n');
  writeFileSync(join(dir, 'broken.yaml'), 'id: Broken Id\ntitle: 3\n');
});

describe('hzsim run', () => {
  it('writes the four files with the documented headers; same files → byte-identical outputs', async () => {
    const a = io();
    expect(await main(['run', 'base.yaml', 'fast.yaml', '--out', 'det-a', '--lang', 'en'], a)).toBe(0);
    expect(await main(['run', 'base.yaml', 'fast.yaml', '--out', 'det-b'], io())).toBe(0);
    expect(Object.keys(files('det-a'))).toEqual(['.hzsim-output', 'attainment.csv', 'manifest.json', 'results.csv', 'results.json']);
    expect(files('det-b')).toEqual(files('det-a'));
    const results = parseCsv(readFileSync(join(dir, 'det-a', 'results.csv'), 'utf8'));
    expect(results[0]).toEqual([...RESULTS_CSV_HEADER]);
    expect(new Set(results.slice(1).map((r) => r[6]))).toEqual(new Set(['value']));
    const approvals2010 = results.find((r) => r[0] === 'base' && r[1] === 'administration.approval-items' && r[5] === '2010');
    expect(approvals2010?.[7]).toBe('100'); // the index is normalised to 100 in 2010
    const attainment = parseCsv(readFileSync(join(dir, 'det-a', 'attainment.csv'), 'utf8'));
    expect(attainment[0]).toEqual([...ATTAINMENT_CSV_HEADER]);
    // 0.05/yr for 5 years: 100·0.95⁵ = 77.4 ≤ 80 → the −20 % target is met in the faster scenario.
    const fast = attainment.find((r) => r[0] === 'fast-approvals' && r[4] === 'administration.approval-items' && r[3] === 'change');
    expect(fast?.[12]).toBe('on-track');
    expect(a.out.join('')).toMatch(/fast-approvals .*deterministic/);
  });

  it('Monte Carlo: same seed → byte-identical files; another seed differs; threads do not matter', async () => {
    const args = ['run', 'fast.yaml', '--runs', '300'];
    expect(await main([...args, '--seed', '7', '--out', 'mc-a'], io())).toBe(0);
    expect(await main([...args, '--seed', '7', '--out', 'mc-b'], io())).toBe(0);
    expect(await main([...args, '--seed', '8', '--out', 'mc-c'], io())).toBe(0);
    expect(await main([...args, '--seed', '7', '--threads', '2', '--out', 'mc-t'], io())).toBe(0);
    expect(files('mc-b')).toEqual(files('mc-a'));
    expect(files('mc-t')).toEqual(files('mc-a'));
    expect(files('mc-c')['results.csv']).not.toEqual(files('mc-a')['results.csv']);
    const stats = new Set(parseCsv(readFileSync(join(dir, 'mc-a', 'results.csv'), 'utf8')).slice(1).map((r) => r[6]));
    expect(stats).toEqual(new Set(['mean', 'p05', 'p25', 'p50', 'p75', 'p95']));
    const manifest = JSON.parse(readFileSync(join(dir, 'mc-a', 'manifest.json'), 'utf8')) as { scenarios: { file: string; runs: number; seed: number; sha256: string }[] };
    expect(manifest.scenarios[0]).toMatchObject({ file: 'fast.yaml', runs: 300, seed: 7 });
    expect(manifest.scenarios[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [['--runs', '0'], '--runs'],
    [['--runs', 'abc'], '--runs'],
    [['--runs', '2.5'], '--runs'],
    [['--seed', '-1'], '--seed'],
    [['--until', '2010'], '--until'],
    [['--threads', '0'], '--threads'],
  ])('bad %j exits 2, names the option and writes nothing', async (flags, option) => {
    const out = `bad-${flags.join('')}`;
    const cli = io();
    expect(await main(['run', 'fast.yaml', ...flags, '--out', out], cli)).toBe(2);
    expect(cli.err.join('')).toContain(`<cli>: ${option}:`);
    expect(existsSync(join(dir, out))).toBe(false);
  });

  it('an invalid scenario file exits 2 and writes nothing', async () => {
    const cli = io();
    expect(await main(['run', 'base.yaml', 'broken.yaml', '--out', 'broken-out'], cli)).toBe(2);
    expect(cli.err.join('')).toContain('broken.yaml');
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
  });
});

describe('hzsim compare', () => {
  it('prints the levers that differ and writes compare.csv', async () => {
    const cli = io();
    expect(await main(['compare', 'base.yaml', 'fast.yaml', '--out', 'cmp'], cli)).toBe(0);
    const text = cli.out.join('');
    expect(text).toMatch(/approval_reduction_rate\s+0\.03\s+0\.05 ~ triangular\(0\.02, 0\.045, 0\.07\)/);
    expect(text).toMatch(/administration\.approval-items/);
    const csv = parseCsv(readFileSync(join(dir, 'cmp', 'compare.csv'), 'utf8'));
    expect(csv[0]).toEqual(['scenario', 'baseline', 'output', 'name_zh', 'name_en', 'unit', 'year', 'statistic', 'value', 'baseline_value', 'difference']);
    const row = csv.find((r) => r[2] === 'administration.approval-items' && r[6] === '2010');
    expect(row?.[10]).toBe('0');
  });
});

describe('hzsim run: time step and integration method', () => {
  const approvals2015 = (sub: string): number => {
    const rows = parseCsv(readFileSync(join(dir, sub, 'results.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const row = rows.find((r) => r[col('output')] === 'administration.approval-items' && r[col('year')] === '2015');
    return Number(row?.[col('value')]);
  };
  it('RK4 matches continuous decay 100·e^(−5r); monthly Euler matches 100·(1 − r/12)^60; the manifest records both', async () => {
    expect(await main(['run', 'base.yaml', '--runs', '1', '--method', 'rk4', '--out', 'rk4'], io())).toBe(0);
    expect(await main(['run', 'base.yaml', '--runs', '1', '--steps-per-year', '12', '--out', 'euler12'], io())).toBe(0);
    const r = 0.03; // the approval_reduction_rate default
    expect(approvals2015('rk4')).toBeCloseTo(100 * Math.exp(-5 * r), 6);
    expect(approvals2015('euler12')).toBeCloseTo(100 * (1 - r / 12) ** 60, 9);
    expect(JSON.parse(readFileSync(join(dir, 'rk4', 'manifest.json'), 'utf8'))).toMatchObject({ simulation: { method: 'rk4' } });
  });
  it('refuses a bad step count and an unknown method together, writing nothing', async () => {
    const cli = io();
    expect(await main(['run', 'base.yaml', '--steps-per-year', '0', '--method', 'heun', '--out', 'never'], cli)).toBe(2);
    const err = cli.err.join('');
    expect(err).toContain("--steps-per-year: got '0'");
    expect(err).toContain("--method: got 'heun' — expected euler or rk4");
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
