/**
 * One vocabulary: the same run's headline and attainment classes read the same in the `hzsim run`
 * table, attainment.csv, the attainment chart and the briefing — the words of
 * src/runner/vocabulary.ts (sentence-cased in the chart's legend, where English capitalises).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attainmentDashboard } from '../../src/charts/builders/attainmentDashboard.js';
import { briefingFiles } from '../../src/cli/chart-files.js';
import { executeScenarios } from '../../src/cli/execute.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { ScenarioResult } from '../../src/runner/types.js';
import { attainmentHeadline, CLASS_LABELS, headlineCounts, isOnTrack } from '../../src/runner/vocabulary.js';
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
