/**
 * `hzsim loops` and `hzsim run --uncertainty`: the loops as the finder reports them (JSON and
 * tables in both languages), which uncertainty a Monte Carlo drew, and bad options as exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'hz-loops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CJK = /[\u4e00-\u9fff]/;

async function hzsim(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('hzsim loops', () => {
  it('--json lists the documented loops with polarity, subsystems and variables, at least five crossing subsystems', async () => {
    const r = await hzsim('loops', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      documented: { id: string; documentedPolarity: string; loop: { polarity: string; subsystems: string[]; variables: string[] } | null }[];
      loops: { id: string; polarity: string; subsystems: string[] }[];
      totalLoops: number;
    };
    const crossing = doc.documented.filter((d) => (d.loop?.subsystems.length ?? 0) > 1);
    expect(crossing.length).toBeGreaterThanOrEqual(5);
    for (const d of doc.documented) expect(d.loop?.polarity, d.id).toBe(d.documentedPolarity);
    expect(doc.loops.length).toBeGreaterThan(doc.documented.length);
    expect(doc.loops[0]?.id).toBe('L1');
  }, 60_000);

  it('prints an English table with --lang en, a Chinese one by default; a bad --lang is exit 2', async () => {
    const en = await hzsim('loops', '--lang', 'en');
    expect(en.out).toMatch(/^id +name +polarity +subsystems +plan line +variables\n/);
    expect(en.out).toContain('B-commitments');
    expect(en.out).toContain('balancing (B)');
    expect(en.out.split('\n').slice(0, 9).join('\n')).not.toMatch(CJK);
    const zh = await hzsim('loops');
    expect(zh.out).toMatch(/^编号 +名称 +极性/);
    const bad = await hzsim('loops', '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown language 'fr'");
  }, 60_000);
});

describe('hzsim run --uncertainty', () => {
  it('all: draws every assumed lever default the scenario leaves alone, and results.json says so', async () => {
    const r = await hzsim('run', 'plan', '--runs', '20', '--seed', '1', '--uncertainty', 'all', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { scenarios: { uncertainty: { mode: string; levers: string[] } | null; attainment: { probabilityOnTrack: number | null }[] }[] };
    const drawn = doc.scenarios[0]?.uncertainty;
    expect(drawn?.mode).toBe('all');
    // An assumption the plan leaves at its default, one it scales, one of its own delivery spreads.
    expect(drawn?.levers).toEqual(expect.arrayContaining(['migrant_arrivals', 'rd_share_growth', 'approval_reduction_rate']));
    // A value the plan sets itself is not drawn.
    expect(drawn?.levers).not.toContain('milestone_city_car_reform_year');
    expect(doc.scenarios[0]?.attainment.every((a) => a.probabilityOnTrack !== null)).toBe(true);
    const own = await hzsim('run', 'plan', '--runs', '20', '--seed', '1', '--json');
    const ownDoc = JSON.parse(own.out) as { scenarios: { uncertainty: { mode: string; levers: string[] } }[] };
    expect(ownDoc.scenarios[0]?.uncertainty).toEqual({ mode: 'scenario', levers: ['approval_reduction_rate', 'hukou_conv_rate_migrant', 'hukou_eligibility_share', 'milestone_hzbank_listing_year'] });
  }, 60_000);

  it('a bad value is exit 2 naming the option', async () => {
    const r = await hzsim('run', 'plan', '--uncertainty', 'some');
    expect(r.code).toBe(2);
    expect(r.err).toContain("--uncertainty: got 'some' — expected scenario or all");
  });
});
