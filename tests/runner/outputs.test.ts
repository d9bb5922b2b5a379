import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios, formatDistribution, formatParamValue, largestDifferences } from '../../src/runner/compare.js';
import { ATTAINMENT_CSV_HEADER, prepareRunOutputs, RESULTS_CSV_HEADER, writeRunOutputs, type ManifestInfo } from '../../src/runner/outputs.js';
import { runMonteCarlo, runScenario } from '../../src/runner/run.js';
import { csvField, formatNumber, parseCsv, toCsv } from '../../src/util/csv.js';
import { writeFilesAtomic } from '../../src/util/atomic.js';
import { fixtureContext as context, fixtureParams, scenario } from './fixture.js';

const info = (scenarios: ManifestInfo['scenarios']): ManifestInfo => ({
  scenarios,
  params: fixtureParams,
  describeOutput: context.describeOutput,
  simOptions: { start: 2010, until: 2015, dt: 1 / 12, method: 'euler' },
  thresholds: { onTrack: 0.95, moderate: 0.6 },
  cwd: '/tmp',
});

describe('csv', () => {
  it('quotes per RFC 4180 and round-trips', () => {
    expect(csvField('审批事项, "指数"')).toBe('"审批事项, ""指数"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    const text = toCsv(['a', 'b'], [['x,y', 1.5], ['"q"', null]]);
    expect(text.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x,y', '1.5'], ['"q"', '']]);
  });
  it('formats numbers with 12 significant digits, no −0', () => {
    expect(formatNumber(79.99999999999999)).toBe('80');
    expect(formatNumber(90.39207968)).toBe('90.39207968');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(1e-7)).toBe('1e-7');
  });
});

describe('run outputs', () => {
  const plan = scenario('plan', { parameters: { cut: 0.03 } });
  const fast = scenario('fast', { parameters: { cut: 0.05, push: { 2011: 1, 2013: 3 } } });

  it('results.csv: tidy rows with names, BOM and the documented header', () => {
    const files = prepareRunOutputs([runScenario(plan, { context })], info([plan]));
    const csv = files.get('results.csv') ?? '';
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...RESULTS_CSV_HEADER]);
    expect(rows[1]).toEqual(['plan', 'fx.index', '审批事项, "指数"', 'Approval items, "index"', 'index (2010 = 100)', '2010', 'value', '100']);
    expect(rows.find((r) => r[1] === 'fx.index' && r[5] === '2015')?.[7]).toBe('85.87340257');
  });
  it('attainment.csv and results.json carry the same judgement', () => {
    const files = prepareRunOutputs([runScenario(plan, { context })], info([plan]));
    const att = parseCsv(files.get('attainment.csv') ?? '');
    expect(att[0]).toEqual([...ATTAINMENT_CSV_HEADER]);
    const row = att.find((r) => r[1] === 'fx.index.-10pct');
    // 100·0.97⁵ = 85.87 ≤ 90: met, gap +4.13 (beyond), reached 2014 (100·0.97⁴ = 88.53).
    expect(row).toEqual([
      'plan', 'fx.index.-10pct', 'plan', 'change', 'fx.index', '2015', '减少10%', '−10 %', '85.87340257', '90', '4.12659743', '2014', 'on-track', '',
      '进展顺利', 'on track', 'true', '', 'stated', '', '', '', '', '',
    ]);
    const json = JSON.parse(files.get('results.json') ?? '') as { scenarios: { outputs: { id: string; statistics: Record<string, (number | null)[]> }[] }[] };
    const added = json.scenarios[0]?.outputs.find((o) => o.id === 'fx.added');
    expect(added?.statistics.value).toEqual([null, 1, 1, 1, 1, 1]);
  });
  it('manifest records version, files, hashes, resolved and effective levers, seed and runs', async () => {
    const mc = scenario('mc', { uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.04 } } });
    const files = prepareRunOutputs([await runMonteCarlo(mc, { context, runs: 50, seed: 3 })], info([mc]));
    const m = JSON.parse(files.get('manifest.json') ?? '') as Record<string, unknown>;
    expect(m).toMatchObject({
      package: { name: 'hangzhou-reform-sim' },
      simulation: { start: 2010, until: 2015, method: 'euler' },
      thresholds: { onTrack: 0.95, moderate: 0.6 },
      scenarios: [{ id: 'mc', file: 'mc.yaml', sha256: '0'.repeat(64), mode: 'montecarlo', runs: 50, seed: 3, uncertainty: { cut: { dist: 'uniform', min: 0, max: 0.04 } }, effectiveParameters: { cut: 0.02, milestone_fx_year: 2014, push: 1 } }],
    });
    expect(files.get('results.csv')).toMatch(/\r\nmc,fx\.index,[^\r]*,2015,p95,/);
  });
  it('writes the four files atomically and identically twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzsim-out-'));
    const results = [runScenario(plan, { context }), runScenario(fast, { context })];
    writeRunOutputs(join(dir, 'a'), results, info([plan, fast]));
    writeRunOutputs(join(dir, 'b'), results, info([plan, fast]));
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['attainment.csv', 'manifest.json', 'results.csv', 'results.json']);
    for (const f of readdirSync(join(dir, 'a'))) expect(readFileSync(join(dir, 'b', f))).toEqual(readFileSync(join(dir, 'a', f)));
  });
  it('a failing write leaves no file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzsim-atomic-'));
    expect(() => writeFilesAtomic(dir, new Map([['ok.txt', 'x'], ['missing/sub.txt', 'y']]))).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('compareScenarios', () => {
  const plan = scenario('plan', { parameters: { cut: 0.03 } });
  const fast = scenario('fast', { parameters: { cut: 0.05, push: { 2011: 1, 2013: 3 } }, uncertainty: { milestone_fx_year: { dist: 'triangular', min: 2012, mode: 2013, max: 2016 } } });
  it('subtracts the first scenario per output and year and lists changed levers', () => {
    const cmp = compareScenarios([runScenario(plan, { context }), runScenario(fast, { context })], [plan, fast], fixtureParams);
    expect(cmp.baseline).toBe('plan');
    const share2015 = cmp.differences.find((d) => d.output === 'fx.share' && d.year === 2015);
    // fast: 50 + 1 + 1 + 3 + 3 + 3 = 61 vs plan 55.
    expect(share2015).toMatchObject({ scenario: 'fast', value: 61, baselineValue: 55, difference: 6, statistic: 'value' });
    expect(cmp.levers).toEqual([
      { param: 'cut', values: ['0.03', '0.05'], overridden: [true, true] },
      { param: 'milestone_fx_year', values: ['2014', '2014 ~ triangular(2012, 2013, 2016)'], overridden: [false, true] },
      { param: 'push', values: ['1', '1 (2011) → 3 (2013)'], overridden: [false, true] },
    ]);
    const top = largestDifferences(cmp, 1)[0];
    expect(top).toMatchObject({ output: 'fx.added', year: 2013 }); // 3 vs 1: +200 %
  });
  it('formats schedules and distributions compactly', () => {
    expect(formatParamValue({ 2013: 0.05, 2011: 0.02 })).toBe('0.02 (2011) → 0.05 (2013)');
    expect(formatDistribution({ dist: 'normal', mean: 1, sd: 0.2, min: 0 })).toBe('normal(1, 0.2; 0…)');
    expect(formatDistribution({ dist: 'discrete', values: [1, 2], weights: [3, 1] })).toBe('discrete{1:3, 2:1}');
  });
});
