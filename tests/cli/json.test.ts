/**
 * `--json` on every command that prints results: one JSON document on stdout in the shape the
 * README documents, nothing else on stdout; status lines on stderr, silenced by --quiet; `--lang
 * en` turns every human table English; compare honours Monte Carlo, names its statistic and takes
 * --top.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'hz-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'mine.yaml'), 'id: mine\ntitle: {zh: 我的, en: Mine}\nextends: plan\nparameters:\n  rd_share_growth: 0.06\n');
writeFileSync(join(dir, 'bad.yaml'), 'id: Bad Id\ntitle: {zh: 坏, en: Bad}\n');

async function hzsim(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

const CJK = /[\u4e00-\u9fff]/;

describe('hzsim run', () => {
  it('--json prints the results.json document; the status line goes to stderr unless --quiet', async () => {
    const r = await hzsim('run', 'trend', 'mine.yaml', '--runs', '1', '--json', '--out', 'run');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { package: { name: string }; scenarios: { id: string; mode: string; years: number[]; outputs: { id: string; statistics: Record<string, (number | null)[]> }[]; attainment: { target: string; class: string; probability: number | null }[] }[] };
    expect(doc.package.name).toBe('hangzhou-reform-sim');
    expect(doc.scenarios.map((s) => [s.id, s.mode])).toEqual([['trend', 'deterministic'], ['mine', 'deterministic']]);
    expect(doc.scenarios[0]?.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
    expect(Object.keys(doc.scenarios[0]?.outputs[0]?.statistics ?? {})).toEqual(['value']);
    expect(doc.scenarios[1]?.attainment[0]).toMatchObject({ target: expect.any(String), class: expect.any(String), probability: null });
    expect(r.err).toBe('wrote 4 files to run\n');
    const quiet = await hzsim('run', 'trend', '--runs', '1', '--json', '--quiet', '--out', 'run-q');
    expect(quiet.err).toBe('');
  });

  it('--lang en prints an English table, the default a Chinese one', async () => {
    const en = await hzsim('run', 'trend', '--runs', '1', '--lang', 'en');
    expect(en.out).toMatch(/^trend · Trend .*\(deterministic\) — \d+ of \d+ targets on track, \d+ of them met\n/);
    expect(en.out).toMatch(/\ntarget +year +projected +required +class +met +vs trend +label\n/);
    expect(en.out).not.toMatch(CJK);
    const zh = await hzsim('run', 'trend', '--runs', '1');
    expect(zh.out).toMatch(/\n目标 +年份 +预测值 +要求值 +判定 +如期完成 +与趋势比 +说明\n/);
  });
});

describe('hzsim compare', () => {
  it('under Monte Carlo compares the chosen statistic, says so, and keeps --top rows', async () => {
    const r = await hzsim('compare', 'plan', 'mine.yaml', '--runs', '40', '--statistic', 'p50', '--top', '3', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { baseline: string; scenarios: { id: string; mode: string; runs: number; statistic: string }[]; levers: { param: string; values: string[] }[]; differences: { output: string; statistic: string; difference: number; name: { en: string } | null }[] };
    expect(doc.baseline).toBe('plan');
    expect(doc.scenarios.map((s) => [s.id, s.mode, s.runs, s.statistic])).toEqual([['plan', 'montecarlo', 40, 'p50'], ['mine', 'montecarlo', 40, 'p50']]);
    expect(doc.levers.map((l) => l.param)).toEqual(['rd_share_growth']);
    expect(doc.differences).toHaveLength(3);
    expect(new Set(doc.differences.map((d) => d.statistic))).toEqual(new Set(['p50']));
    const text = await hzsim('compare', 'plan', 'mine.yaml', '--runs', '40', '--statistic', 'p50', '--top', '2', '--lang', 'en');
    expect(text.out).toContain('Compared: plan — the median (p50) of 40 Monte Carlo runs; mine — the median (p50) of 40 Monte Carlo runs');
    expect(text.out).toContain('Largest 2 differences (relative to plan):');
    expect(text.out).not.toMatch(CJK);
  });

  it('a scenario with a montecarlo block runs it (the mean by default); bad --statistic and --top are exit 2', async () => {
    const r = await hzsim('compare', 'trend', 'plan', '--lang', 'en');
    expect(r.out).toContain('plan — the mean (mean) of 200 Monte Carlo runs');
    expect(r.out).toContain('trend — the deterministic value');
    const bad = await hzsim('compare', 'trend', 'plan', '--statistic', 'p90', '--top', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--statistic: got 'p90' — expected one of mean, p05, p25, p50, p75, p95");
    expect(bad.err).toContain("--top: got '0' — expected a positive integer");
  });
});

describe('hzsim validate --json', () => {
  it('one report per file, problems with their positions; exit 2 when any file is bad', async () => {
    const r = await hzsim('validate', 'mine.yaml', 'bad.yaml', '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { file: string; ok: boolean; scenario: { id: string; extends: string | null; levers: number } | null; problems: { path: string; line: number | null }[] }[];
    expect(doc.map((d) => [d.file, d.ok])).toEqual([['mine.yaml', true], ['bad.yaml', false]]);
    expect(doc[0]?.scenario).toMatchObject({ id: 'mine', extends: 'plan' });
    expect(doc[1]?.problems[0]).toMatchObject({ path: 'id', line: 1 });
  });
});

describe('hzsim chart', () => {
  it('names files <chart>.<lang>.<format>; --json lists them; a second call replaces the folder whole', async () => {
    const args = ['chart', 'attainment', 'trend', '--runs', '1', '--format', 'vl.json', '--out', 'charts'];
    expect((await hzsim(...args, '--lang', 'zh')).code).toBe(0);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['.hzsim-output', 'attainment.zh.vl.json']);
    const en = await hzsim(...args, '--lang', 'en', '--json');
    expect(en.code).toBe(0);
    expect(JSON.parse(en.out)).toEqual({ out: 'charts', lang: 'en', files: ['attainment.en.vl.json'] });
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['.hzsim-output', 'attainment.en.vl.json']);
  });
});

describe('hzsim catalog and params --json', () => {
  it('print arrays of records with ids', async () => {
    for (const command of ['catalog', 'params']) {
      const r = await hzsim(command, '--json');
      const doc = JSON.parse(r.out) as { id: string; name: { zh: string; en: string } }[];
      expect(doc.length).toBeGreaterThan(10);
      expect(doc[0]).toMatchObject({ id: expect.any(String), name: { zh: expect.any(String), en: expect.any(String) } });
    }
  });
});
