import { describe, expect, it } from 'vitest';
import { briefingHtml, briefingMarkdown, formatNumber, type BriefingOptions } from '../../src/report/briefing.js';
import type { ScenarioResult } from '../../src/runner/types.js';

const years = [2010, 2011, 2012, 2013, 2014, 2015];
const result = (id: string, final: number, mode: 'deterministic' | 'montecarlo'): ScenarioResult => ({
  scenario: { id, title: { zh: `情景${id}`, en: `Scenario ${id}` } },
  mode,
  runs: mode === 'montecarlo' ? 200 : 1,
  seed: mode === 'montecarlo' ? 2011 : null,
  years,
  rows: years.flatMap((year, i) =>
    (mode === 'montecarlo' ? (['p50', 'mean'] as const) : (['value'] as const)).map((statistic) => ({
      scenario: id,
      output: 'administration.approval-items',
      year,
      statistic,
      // mean deliberately differs from p50 so the test sees which one the table shows
      value: statistic === 'mean' ? -1 : 100 + ((final - 100) * i) / 5,
    })),
  ),
  attainment: [
    {
      scenario: id,
      target: 'admin.approvals.-20pct',
      kind: 'change',
      origin: 'plan',
      indicator: 'administration.approval-items',
      year: 2015,
      label: { zh: '市级直接审批项目五年内减少20%', en: 'Direct approvals −20 % | in five years' },
      projected: final,
      required: 80,
      gap: 80 - final,
      yearReached: final <= 80 ? 2015 : null,
      class: final <= 80 ? 'on-track' : 'insufficient',
      probability: mode === 'montecarlo' ? 0.625 : null,
    },
  ],
});

const options = (lang: 'zh' | 'en'): BriefingOptions => ({
  lang,
  results: [result('stalled', 95, 'deterministic'), result('accelerated', 76.5, 'montecarlo')],
  labels: { name: (id, l) => (l === 'zh' ? '市级直接审批项目' : `name of ${id}`), unit: () => 'index' },
  headline: ['administration.approval-items'],
  charts: [{ file: 'charts/a.svg', caption: 'A' }],
  version: '9.9.9',
});

describe('briefing', () => {
  it('shows the 2010 baseline and each scenario’s 2015 value (median under Monte Carlo)', () => {
    const md = briefingMarkdown(options('en'));
    expect(md).toContain('| name of administration.approval-items | index | 100 | 95 | 76.5 |');
  });
  it('lists attainment with class names and probability in the chosen language', () => {
    const zh = briefingMarkdown(options('zh'));
    expect(zh).toContain('进展不足');
    expect(zh).toContain('进展顺利'); // the dashboard's words: one vocabulary across outputs
    expect(zh).toContain('63%');
    expect(zh).toContain('蒙特卡洛（200次，种子 2011）');
  });
  it('shows attainment as a targets × scenarios matrix, with P(met) beside the class under Monte Carlo', () => {
    expect(briefingMarkdown(options('en'))).toContain('| Direct approvals −20 % \\| in five years | Insufficient progress | On track 63% |');
  });
  it('details numeric targets: projected, required, gap, year reached', () => {
    expect(briefingMarkdown(options('en'))).toContain('| Direct approvals −20 % \\| in five years | Scenario accelerated | 76.5 | 80 | 3.5 | 2015 | On track | 63% |');
  });
  it('escapes table separators in labels and HTML special characters', () => {
    expect(briefingMarkdown(options('en'))).toContain('Direct approvals −20 % \\| in five years');
    const html = briefingHtml({ ...options('en'), charts: [{ file: 'x.svg', caption: '<b>&' }] });
    expect(html).toContain('&lt;b&gt;&amp;');
    expect(html).not.toContain('<b>&');
    expect(html).toContain('<html lang="en">');
  });
  it('formats numbers for tables', () => {
    expect(formatNumber(87.1)).toBe('87.1');
    expect(formatNumber(93.666)).toBe('93.67');
    expect(formatNumber(8700373.4)).toBe('8,700,373');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
