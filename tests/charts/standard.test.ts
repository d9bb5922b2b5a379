import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { standardChartSpecs, writeStandardCharts } from '../../src/charts/index.js';
import { fixtureLabels as labels, fixtureMonteCarlo, fixtureResults } from './fixture.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('standard chart set', () => {
  const results = [fixtureResults[0]!, fixtureResults[1]!, { ...fixtureMonteCarlo, scenario: { id: 'plan-mc', title: { zh: '规划方案（蒙特卡洛）', en: 'Plan (MC)' } } }];

  it('has comparisons of the headline indicators present, the dashboard, per-scenario ledgers and fans for Monte Carlo', () => {
    const { specs, skipped } = standardChartSpecs(results, { labels });
    const names = specs.map((s) => s.name);
    expect(names).toEqual([
      'comparison-integration.level',
      'comparison-urbanisation.rate',
      'comparison-urbanisation.hukou-rate',
      'comparison-urbanisation.hukou-gap',
      'comparison-insurance.migrant-coverage',
      'comparison-administration.approval-items',
      'attainment',
      ...['trend', 'plan'].flatMap((s) => [`quota-ledger-${s}`, `hukou-channels-${s}`, `coverage-${s}`]),
      'quota-ledger-plan-mc',
      'hukou-channels-plan-mc',
      'coverage-plan-mc',
      ...['integration.level', 'urbanisation.rate', 'urbanisation.hukou-rate', 'urbanisation.hukou-gap', 'insurance.migrant-coverage', 'administration.approval-items'].map((i) => `fan-plan-mc-${i}`),
    ]);
    // The fixture has no projections for these headline indicators: listed, not drawn empty.
    expect(skipped).toEqual([
      "comparison-land.transfer-share: not in every scenario's results",
      "comparison-insurance.pension.residents: not in every scenario's results",
      "comparison-finance.rd-share: not in every scenario's results",
    ]);
  });

  it('gives every chart a caption saying what it shows, never its file name', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { specs } = standardChartSpecs(results, { labels, lang });
      for (const s of specs) {
        expect(s.caption, s.name).toBeDefined();
        if (/[-.]/.test(s.name)) expect(s.caption, s.name).not.toContain(s.name);
        expect(s.caption, s.name).not.toMatch(/[a-z]+\.[a-z-]+|quota-ledger|hukou-channels/);
      }
      const caption = (name: string): string => specs.find((s) => s.name === name)?.caption ?? '';
      if (lang === 'en') {
        expect(caption('comparison-urbanisation.rate')).toBe(
          'Urbanisation rate (residents) (%) in each scenario, 2010–2015 (one line per scenario). The dashed level is the target (75); the dotted rule marks the 2010 baseline. Plan (MC): medians of 1000 Monte Carlo runs; the others deterministic.',
        );
        expect(caption('fan-plan-mc-urbanisation.rate')).toBe(
          'Urbanisation rate (residents) (%) under Plan (MC): the median of 1000 Monte Carlo runs (line) and the ranges holding the middle 50 % and 90 % of runs (bands).',
        );
      } else {
        expect(caption('attainment')).toBe('各情景对规划各项目标的达成情况（2015年）：颜色与文字为达成类别。百分比为蒙特卡洛模拟中达成目标的比例。');
      }
    }
  });

  it('writes every chart in every requested format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hz-charts-'));
    dirs.push(dir);
    const report = await writeStandardCharts([fixtureResults[1]!], dir, { labels, formats: ['vl.json', 'png'], indicators: ['urbanisation.rate'], lang: 'en' });
    expect(report.files).toEqual(
      ['comparison-urbanisation.rate', 'attainment', 'quota-ledger-plan', 'hukou-channels-plan', 'coverage-plan'].flatMap((n) => [`${n}.vl.json`, `${n}.png`]),
    );
    expect(readdirSync(dir).sort()).toEqual([...report.files].sort());
    expect(readFileSync(join(dir, 'coverage-plan.png')).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(JSON.parse(readFileSync(join(dir, 'attainment.vl.json'), 'utf8')).title.text).toBe('Target attainment');
  });
});
