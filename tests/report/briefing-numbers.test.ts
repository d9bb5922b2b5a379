/**
 * Every number in the briefing's prose comes from the run it describes: the demo's own glue runs
 * bundled scenarios, writes results.csv, attainment.csv and drivers.csv in memory and the briefing
 * from the same run; each sourced number is read back from its file at the precision shown, and no
 * prose may hold a number without a source (years and the fixed words of the wording aside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingDrivers, driversCsv } from '../../src/cli/briefing-drivers.js';
import { briefingFiles } from '../../src/cli/chart-files.js';
import { executeScenarios, resultFiles } from '../../src/cli/execute.js';
import type { CliIO } from '../../src/cli/io.js';
import { params } from '../../src/params/index.js';
import { loadScenarios } from '../../src/scenario/index.js';
import { parseCsv } from '../../src/util/csv.js';

type Row = Record<string, string>;

/** CSV as rows keyed by header. */
export function csvRows(text: string): Row[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

export interface RunFiles {
  readonly results: Row[];
  readonly attainment: Row[];
  readonly drivers: Row[];
}

const onTrack = new Set(['on-track', 'met']);
const paced = new Set(['eurostat-pace', 'eurostat-pace-stronger', 'observed-pace']);

/** The value a source names, read from the run's files (or the lever table); undefined when it names nothing. */
export function resolveSource(sourceText: string, files: RunFiles): number | undefined {
  const [file, query] = sourceText.split('?') as [string, string];
  const q = new URLSearchParams(query);
  const one = (rows: Row[], column: string): number | undefined => {
    const v = rows.length === 1 ? rows[0]?.[column] : undefined;
    return v === undefined || v === '' ? undefined : Number(v);
  };
  if (file === 'results.csv') {
    return one(files.results.filter((r) => r.scenario === q.get('scenario') && r.output === q.get('output') && r.year === q.get('year') && r.statistic === q.get('statistic')), 'value');
  }
  if (file === 'attainment.csv') {
    const rows = files.attainment.filter((r) => r.scenario === q.get('scenario'));
    const what = q.get('count');
    if (what === null) return one(rows.filter((r) => r.target === q.get('target')), q.get('column') ?? '');
    if (rows.length === 0) return undefined;
    if (what === 'targets') return rows.length;
    if (what === 'on-track') return rows.filter((r) => onTrack.has(r.class ?? '')).length;
    if (what === 'met') return rows.filter((r) => r.met === 'true').length;
    if (what === 'paced') return rows.filter((r) => paced.has(r.basis ?? '')).length;
    if (what.startsWith('versus-')) return rows.filter((r) => r.versus_trend === what.slice('versus-'.length)).length;
    return undefined;
  }
  if (file === 'drivers.csv') {
    const column = q.get('column') ?? '';
    if (q.get('lever') === null) return files.drivers.length > 0 ? Number(files.drivers[0]?.[column]) : undefined;
    return one(files.drivers.filter((r) => r.output === q.get('output') && r.lever === q.get('lever')), column);
  }
  if (file === 'hzsim-params') {
    const kind = (k: string): number => params.filter((p) => p.provenance.kind === k).length;
    const what = q.get('count');
    if (what === 'levers') return params.length;
    if (what === 'assumption-with-range') return params.filter((p) => p.provenance.kind === 'assumption' && p.uncertainty).length;
    if (what === 'assumption' || what === 'plan' || what === 'external' || what === 'calibrated') return kind(what);
  }
  return undefined;
}

/** Whether `shown` (−1,234.5 style) is `value` at the precision it is shown with. */
export function agrees(shown: string, value: number): boolean {
  const plain = shown.replace(/−/g, '-').replace(/,/g, '');
  const decimals = plain.includes('.') ? (plain.split('.')[1] ?? '').length : 0;
  return Math.abs(Number(plain) - value) <= 0.5 * 10 ** -decimals + 1e-9 * Math.abs(value);
}

const decode = (t: string): string => t.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Prose of the briefing: paragraphs without a class (sourced prose, fixed paragraphs) and list items. */
const proseBlocks = (html: string): string[] => [...html.matchAll(/<(p|li)>([^]*?)<\/\1>/g)].map((m) => m[2] as string);
/** Numbers a reader may see unsourced: years, the version, and the fixed words of the wording (90 % of runs, 5th/95th percentile, the reference paces). */
const FIXED = [/\b20(0\d|1\d)\b/g, /\(v\d+\.\d+\.\d+\)/g, /90 ?%/g, /\b(5th|95th)\b/g, /第5至第95百分位数/g, /1(\.5)? % a year/g, /1\.5 %/g, /年1(\.5)?%/g, /2010 = 100/g];

/** Problems with the numbers of a briefing HTML: unsourced numbers, sources that name nothing, numbers that disagree with their file. */
export function numberProblems(html: string, files: RunFiles): string[] {
  const problems: string[] = [];
  for (const block of proseBlocks(html)) {
    for (const m of block.matchAll(/<span data-source="([^"]*)">([^<]*)<\/span>/g)) {
      const [source, shown] = [decode(m[1] as string), decode(m[2] as string)];
      const value = resolveSource(source, files);
      if (value === undefined || !Number.isFinite(value)) problems.push(`${shown}: ${source} names no value`);
      else if (!agrees(shown, value)) problems.push(`${shown}: ${source} is ${value}`);
    }
    let rest = decode(block.replace(/<span data-source="[^"]*">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ''));
    for (const fixed of FIXED) rest = rest.replace(fixed, '');
    for (const m of rest.matchAll(/\d[\d.,]*/g)) problems.push(`unsourced number ${m[0]} in: ${rest.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}`);
  }
  return problems;
}

const langs = ['zh', 'en'] as const;

describe('the briefing states the numbers of its own run', () => {
  let files: RunFiles;
  let briefing: Map<string, string>;

  beforeAll(async () => {
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: process.cwd() };
    // The plan, the trend it is measured against, and one scenario worse than trend on a target.
    const scenarios = loadScenarios(['trend', 'plan', 'stalled', 'hukou-first']);
    const flags = { runs: 60, seed: 7, threads: 1, until: undefined };
    const execution = await executeScenarios(scenarios, flags, io);
    const out = resultFiles(execution, scenarios, flags, process.cwd());
    const plan = scenarios.find((s) => s.id === 'plan');
    const drivers = plan ? await briefingDrivers(plan, execution.context) : null;
    if (!drivers) throw new Error('no drivers screening');
    files = { results: csvRows(out.get('results.csv') ?? ''), attainment: csvRows(out.get('attainment.csv') ?? ''), drivers: csvRows(driversCsv(drivers)) };
    // Monte Carlo for trend too (--runs applies to every scenario): the summary's trend values are medians then.
    briefing = briefingFiles(execution.results, langs, 'charts', [], { drivers, caveats: (lang) => [lang === 'zh' ? '示例注意事项。' : 'An example caveat.'] });
  }, 60_000);

  for (const lang of langs) {
    it(`${lang}: every number in the prose is sourced and agrees with results.csv, attainment.csv, drivers.csv or the lever table`, () => {
      const html = briefing.get(`briefing.${lang}.html`) ?? '';
      const sourced = [...html.matchAll(/data-source="/g)].length;
      // Summary (headlines, additionality, levels), additionality counts, drivers, caveats.
      expect(sourced).toBeGreaterThan(60);
      expect(numberProblems(html, files)).toEqual([]);
    });

    it(`${lang}: the Markdown says the same as the HTML`, () => {
      const html = briefing.get(`briefing.${lang}.html`) ?? '';
      const md = briefing.get(`briefing.${lang}.md`) ?? '';
      for (const block of proseBlocks(html)) expect(md).toContain(decode(block.replace(/<\/?code>/g, '`').replace(/<[^>]+>/g, '')));
    });

    it(`${lang}: a caveat passed in is listed, and the model reference and validation report are named by their paths`, () => {
      const md = briefing.get(`briefing.${lang}.md`) ?? '';
      expect(md).toContain(lang === 'zh' ? '- 示例注意事项。' : '- An example caveat.');
      expect(md).toContain('docs/MODEL-REFERENCE.md');
      expect(md).toContain('docs/VALIDATION.md');
    });
  }

  it('the check fails on a wrong number, an unsourced number and a source naming nothing', () => {
    const html = briefing.get('briefing.en.html') ?? '';
    const first = /<span data-source="([^"]*)">([^<]*)<\/span>/.exec(html.slice(html.indexOf('id="summary"')));
    expect(first).not.toBeNull();
    const [whole, source, shown] = first as unknown as [string, string, string];
    const wrong = html.replace(whole, `<span data-source="${source}">${Number(shown.replace(/,/g, '')) + 1}</span>`);
    expect(numberProblems(wrong, files).join('\n')).toContain(`${Number(shown.replace(/,/g, '')) + 1}: ${decode(source)} is`);
    const unsourced = html.replace('<li>', '<li>About 42 targets. ');
    expect(numberProblems(unsourced, files).join('\n')).toContain('unsourced number 42');
    const nowhere = html.replace(whole, '<span data-source="results.csv?scenario=plan&amp;output=no.such&amp;year=2015&amp;statistic=p50">1</span>');
    expect(numberProblems(nowhere, files).join('\n')).toContain('results.csv?scenario=plan&output=no.such&year=2015&statistic=p50 names no value');
  });

  it('the summary gives the plan’s headline, its additionality on the hukou gap with a band, and the 2015 hukou gap and urbanisation', () => {
    const md = briefing.get('briefing.en.md') ?? '';
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Scenarios'));
    const plan = files.attainment.filter((r) => r.scenario === 'plan');
    const gap = plan.find((r) => r.indicator === 'urbanisation.hukou-gap');
    expect(summary).toMatch(/the plan as written — \d+ of 22 targets on track, \d+ of them met/);
    expect(summary).toMatch(/the gap between resident and hukou urbanisation rates \(percentage points\) by median −?[\d.]+, 90 % of runs between −?[\d.]+ and −?[\d.]+ \((better than trend|worse than trend|indistinguishable from trend)\)/);
    expect(gap?.versus_trend).toBe('better');
    expect(summary).toContain('the urbanisation rate (%) has median');
    expect(summary).toContain("Monte Carlo bands show delivery uncertainty (the levers in the scenario's own uncertainty block).");
  });
});
