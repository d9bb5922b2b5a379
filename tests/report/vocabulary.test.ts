/**
 * One vocabulary: the same run's headline and attainment classes read the same in the `hzsim run`
 * table, attainment.csv, the attainment chart and the briefing — the words of
 * src/runner/vocabulary.ts (sentence-cased in the chart's legend, where English capitalises).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attainmentDashboard } from '../../src/charts/builders/attainmentDashboard.js';
import { briefingFiles } from '../../src/cli/chart-files.js';
import { executeScenarios } from '../../src/cli/execute.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { ScenarioResult } from '../../src/runner/types.js';
import { attainmentHeadline, bandNumbers, bandText, CLASS_LABELS, headlineCounts, isOnTrack } from '../../src/runner/vocabulary.js';
import { loadScenarios } from '../../src/scenario/index.js';
import { parseCsv } from '../../src/util/csv.js';

const langs = ['zh', 'en'] as const;
const ids = ['trend', 'plan', 'stalled'];
const dir = mkdtempSync(join(tmpdir(), 'hzsim-vocabulary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every object in a Vega-Lite spec that is a cell of the attainment chart. */
function chartCells(spec: unknown): { scenario: string; row: string; cls: string; lines: string[] }[] {
  const found: { scenario: string; row: string; cls: string; lines: string[] }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.cls === 'string' && typeof o.row === 'string' && typeof o.scenario === 'string') found.push({ scenario: o.scenario, row: o.row, cls: o.cls, lines: (o.lines as string[] | undefined) ?? [] });
      else Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return found;
}

/** The legend's class words: the fill scale's domain. */
function legendDomain(spec: unknown): string[] {
  let domain: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const fill = o.fill as { field?: string; scale?: { domain?: string[] } } | undefined;
      if (fill?.field === 'cls' && fill.scale?.domain) domain = fill.scale.domain;
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return domain;
}

describe('one vocabulary across the CLI table, attainment.csv, the attainment chart and the briefing', () => {
  let results: ScenarioResult[] = [];
  const stdout = new Map<string, string>();

  beforeAll(async () => {
    const quiet: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: dir };
    const flags = { runs: 40, seed: 3, threads: 1, until: undefined };
    results = (await executeScenarios(loadScenarios(ids), flags, quiet)).results;
    for (const lang of langs) {
      let out = '';
      const io: CliIO = { ...quiet, stdout: (t) => void (out += t) };
      const code = await main(['run', ...ids, '--runs', '40', '--seed', '3', '--threads', '1', '--lang', lang, '--quiet', ...(lang === 'en' ? ['--out', 'run'] : [])], io);
      expect(code).toBe(0);
      stdout.set(lang, out);
    }
  }, 60_000);

  for (const lang of langs) {
    it(`${lang}: hzsim run states each scenario's headline and each target's class in the vocabulary's words`, () => {
      const out = stdout.get(lang) ?? '';
      for (const r of results) {
        expect(out).toContain(`${r.scenario.id} · ${r.scenario.title[lang]}`);
        expect(out).toContain(`— ${attainmentHeadline(r.attainment, lang)}\n`);
      }
      // Each scenario's block lists its targets in order; each target row carries its class.
      const blocks = out.split(/\n(?=\S+ · )/);
      results.forEach((r, i) => {
        const lines = (blocks[i] ?? '').split('\n');
        for (const a of r.attainment) {
          const line = lines.find((l) => l.startsWith(`${a.target} `)) ?? '';
          expect(line, a.target).toContain(`  ${CLASS_LABELS[a.class][lang]}  `);
        }
      });
    });

    it(`${lang}: the attainment chart's cells and legend use the same class words`, () => {
      const spec = attainmentDashboard(results, { lang });
      const cells = chartCells(spec);
      expect(cells.length).toBe(results.reduce((n, r) => n + r.attainment.length, 0));
      const sentence = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
      for (const cell of cells) {
        const r = results.find((x) => x.scenario.title[lang] === cell.scenario);
        const a = r?.attainment.find((x) => `${x.target}|${x.year}` === cell.row);
        expect(a, cell.row).toBeDefined();
        expect(cell.cls).toBe(sentence(CLASS_LABELS[a!.class][lang]));
      }
      const present = new Set(results.flatMap((r) => r.attainment.map((a) => a.class)));
      expect(new Set(legendDomain(spec))).toEqual(new Set([...present].map((c) => sentence(CLASS_LABELS[c][lang]))));
    });

    it(`${lang}: the briefing's summary gives the same headlines and its matrix the same classes`, () => {
      const md = briefingFiles(results, [lang], 'charts', []).get(`briefing.${lang}.md`) ?? '';
      const summary = md.slice(0, md.indexOf(lang === 'zh' ? '## 情景' : '## Scenarios'));
      for (const r of results) expect(summary).toContain(attainmentHeadline(r.attainment, lang));
      const matrix = md.slice(md.indexOf(lang === 'zh' ? '## 目标达成评估' : '## Target attainment'));
      for (const target of results[0]?.attainment ?? []) {
        const row = matrix.split('\n').find((l) => l.startsWith(`| ${target.label[lang].replace(/\|/g, '\\|')} |`)) ?? '';
        const cells = row.split(' | ').slice(1);
        results.forEach((r, i) => {
          const a = r.attainment.find((x) => x.target === target.target);
          expect(cells[i]?.startsWith(CLASS_LABELS[a!.class][lang]), `${target.target} × ${r.scenario.id}: ${cells[i]}`).toBe(true);
        });
      }
    });
  }

  it('attainment.csv holds the same class words, and its counts give the same headline', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'run', 'attainment.csv'), 'utf8'));
    const col = (name: string): number => header?.indexOf(name) ?? -1;
    for (const r of results) {
      const mine = rows.filter((row) => row[col('scenario')] === r.scenario.id);
      expect(mine.length).toBe(r.attainment.length);
      for (const a of r.attainment) {
        const row = mine.find((x) => x[col('target')] === a.target);
        expect(row?.[col('class')]).toBe(a.class);
        expect(row?.[col('class_zh')]).toBe(CLASS_LABELS[a.class].zh);
        expect(row?.[col('class_en')]).toBe(CLASS_LABELS[a.class].en);
      }
      const fromCsv = {
        total: mine.length,
        onTrack: mine.filter((x) => isOnTrack(x[col('class')] as never)).length,
        met: mine.filter((x) => x[col('met')] === 'true').length,
      };
      expect(fromCsv).toEqual(headlineCounts(r.attainment));
    }
  });
});

describe('uncertainty in words', () => {
  it('states a band in one form: "median 81.3, 90 % of runs between 77.1 and 86.8"', () => {
    expect(bandText({ median: 81.3055, low: 77.1, high: 86.82 }, 'en')).toBe('median 81.3, 90 % of runs between 77.1 and 86.8');
    expect(bandText({ median: 81.3055, low: 77.1, high: 86.82 }, 'zh')).toBe('中位数 81.3，90% 的模拟结果介于 77.1 与 86.8 之间');
    // More decimals until the ends differ, the same for all three; a true minus sign.
    expect(bandText({ median: 89.2925, low: 89.28, high: 89.3 }, 'en')).toBe('median 89.29, 90 % of runs between 89.28 and 89.30');
    expect(bandText({ median: -1.7333, low: -1.8225, high: -1.6503 }, 'en')).toBe('median −1.73, 90 % of runs between −1.82 and −1.65');
    expect(bandText({ median: 2349.49, low: 2300, high: 2400.2 }, 'en')).toBe('median 2,349, 90 % of runs between 2,300 and 2,400');
    expect(bandText({ median: 55.93, low: 55.93, high: 55.93 }, 'en')).toBe('55.9 (the same in every run)');
  });
  it('each number of a band reads as its value at the precision shown, and the ends differ whenever they are apart by more than 1e-4 of the median', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        const [low, median, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const n = bandNumbers({ median, low, high });
        const read = (t: string): number => Number(t.replace(/−/g, '-').replace(/,/g, ''));
        const decimals = (t: string): number => (t.split('.')[1] ?? '').length;
        for (const [t, v] of [[n.median, median], [n.low, low], [n.high, high]] as const) expect(Math.abs(read(t) - v)).toBeLessThanOrEqual(0.5 * 10 ** -decimals(t) + 1e-9 * Math.abs(v));
        if (high - low > 1e-4 * Math.max(1, Math.abs(median))) expect(n.spread).toBe(true);
        if (n.spread) expect(n.low).not.toBe(n.high);
      }),
    );
  });
});
