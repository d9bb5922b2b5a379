/**
 * `hzsim validate`: one "ok" line per valid file; every problem of every file on stderr and exit
 * code 2 otherwise; nothing written.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { params } from '../../src/params/index.js';

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

const repo = process.cwd();
const lever = params.find((p) => !p.integer && p.range.max > p.range.min)!;

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hzsim-validate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('hzsim validate', () => {
  it('prints ok for every bundled scenario and exits 0', async () => {
    const files = readdirSync(join(repo, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    const { code, out, err } = await run(repo, 'validate', '--lang', 'en', ...files);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    expect(lines).toContainEqual(expect.stringMatching(/^ok scenarios\/hukou-first\.yaml \(hukou-first, extends plan; \d+ levers set/));
    expect(lines).toContainEqual(expect.stringMatching(/^ok scenarios\/trend\.yaml \(trend; \d+ levers set\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ok scenarios\/plan\.yaml \(plan; \d+ levers set, \d+ uncertain, Monte Carlo 200 runs, seed 2011\)$/));
  });

  it('reports every problem of every file on stderr, still prints ok for the valid ones, exits 2 and writes nothing', async () => {
    const dir = scratch({
      'good.yaml': `id: good\ntitle: {zh: 好, en: Good}\nparameters:\n  ${lever.id}: ${lever.range.min}\n`,
      'bad.yaml': [
        'id: bad',
        'title: {zh: 坏}',
        'parameters:',
        `  ${lever.id}: ${lever.range.max + 1}`,
        'montecarlo: {runs: 0, seed: 1}',
        '',
      ].join('\n'),
    });
    const { code, out, err } = await run(dir, 'validate', '--lang', 'en', 'good.yaml', 'bad.yaml');
    expect(code).toBe(2);
    expect(out).toBe('ok good.yaml (good; 1 lever set)\n');
    expect(err.split('\n').filter(Boolean)).toEqual([
      'hzsim: 3 problem(s):',
      "bad.yaml: title.en: required field 'en' is missing — expected a non-empty English text (line 2, column 8)",
      `bad.yaml: parameters.${lever.id}: value ${lever.range.max + 1} is outside the range of lever ${lever.id} — expected a number in [${lever.range.min}, ${lever.range.max}] (${lever.unit}) (line 4, column ${lever.id.length + 5})`,
      'bad.yaml: montecarlo.runs: runs 0 is not valid — expected an integer from 1 to 1,000,000 (line 5, column 20)',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'good.yaml']);
  });

  it('reports a YAML syntax error with line and column', async () => {
    const dir = scratch({ 'broken.yaml': 'id: x\ntitle: {zh: 甲, en: A\n' });
    const { code, err } = await run(dir, 'validate', 'broken.yaml');
    expect(code).toBe(2);
    expect(err).toMatch(/^broken\.yaml: YAML syntax error: .+ \(line \d+, column \d+\)$/m);
  });

  it('reports a missing file and a bad --until as bad input', async () => {
    const missing = await run(repo, 'validate', 'no/such.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such.yaml: cannot read the file: no such file');
    const until = await run(repo, 'validate', '--until', '20x5', 'scenarios/plan.yaml');
    expect(until.code).toBe(2);
    expect(until.err).toContain("<cli>: --until: got '20x5' — expected a year from 2011 to 2100, e.g. 2020");
  });

  it('checks schedule years against --until', async () => {
    const dir = scratch({ 'late.yaml': `id: late\ntitle: {zh: 晚, en: Late}\nparameters:\n  ${lever.id}: {2018: ${lever.range.min}}\n` });
    const short = await run(dir, 'validate', 'late.yaml');
    expect(short.code).toBe(2);
    expect(short.err).toContain(`late.yaml: parameters.${lever.id}.2018: schedule year 2018 is outside the horizon — expected a year in 2010..2015`);
    const long = await run(dir, 'validate', '--until', '2020', 'late.yaml');
    expect(long.code).toBe(0);
  });
});
