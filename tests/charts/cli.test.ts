import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseChartOptions } from '../../src/cli/commands/chart.js';
import type { CliIO } from '../../src/cli/io.js';
import { InputError } from '../../src/errors.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function capture(cwd: string): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd }, out, err };
}

const base = { format: 'svg,png', lang: 'zh', size: 'full', out: 'charts' };

describe('hzsim chart options', () => {
  it('lists every bad option at once, each naming the option and what was expected', () => {
    try {
      parseChartOptions('pie', { ...base, format: 'svg,gif', lang: 'fr', size: 'a3', indicator: 'urbanisation.rat', runs: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const problems = (e as InputError).problems;
      expect(problems.map((p) => p.path).sort()).toEqual(['--format', '--indicator', '--lang', '--runs', '--size', '<kind>']);
      expect(problems.find((p) => p.path === '--indicator')?.message).toMatch(/got 'urbanisation\.rat' — not an indicator or model series id.*urbanisation\.rate/);
      expect(problems.find((p) => p.path === '<kind>')?.message).toContain('expected one of comparison, fan, attainment');
    }
  });

  it('needs an indicator for comparison and fan, a domain or ids for small multiples', () => {
    expect(() => parseChartOptions('comparison', base)).toThrow(/needs --indicator ID/);
    expect(() => parseChartOptions('small-multiples', base)).toThrow(/needs --domain D or --indicator/);
    expect(() => parseChartOptions('small-multiples', { ...base, domain: 'financ' })).toThrow(/got 'financ'.*finance/);
  });

  it('expands a domain into its indicators, in catalog order', () => {
    const o = parseChartOptions('small-multiples', { ...base, domain: 'urbanisation', lang: 'en' });
    expect(o.indicators).toEqual(['urbanisation.rate', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap']);
    expect(o.lang).toBe('en');
  });
});

describe('hzsim chart end to end', () => {
  it('writes the requested formats for the real model and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hz-chart-cli-'));
    dirs.push(dir);
    const { io, out } = capture(process.cwd());
    const code = await main(['chart', 'comparison', 'scenarios/trend.yaml', 'scenarios/plan.yaml', '--runs', '1', '--indicator', 'urbanisation.hukou-rate', '--format', 'vl.json,svg', '--lang', 'en', '--out', dir], io);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.hzsim-output', 'comparison-urbanisation.hukou-rate.en.svg', 'comparison-urbanisation.hukou-rate.en.vl.json']);
    const spec = JSON.parse(readFileSync(join(dir, 'comparison-urbanisation.hukou-rate.en.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('Hukou urbanisation rate');
    expect(readFileSync(join(dir, 'comparison-urbanisation.hukou-rate.en.svg'), 'utf8')).toContain('>Hukou urbanisation rate<');
    expect(out.join('')).toContain('wrote 2 files');
  });

  it('bad input exits 2 and writes nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hz-chart-cli-')), 'out');
    dirs.push(dir);
    const { io, err } = capture(process.cwd());
    const code = await main(['chart', 'fan', 'scenarios/plan.yaml', '--runs', '1', '--indicator', 'urbanisation.rate', '--out', dir], io);
    expect(code).toBe(2);
    expect(err.join('')).toContain('--runs: the fan chart needs Monte Carlo results, but plan would run deterministically');
    expect(existsSync(dir)).toBe(false);
  });
});
