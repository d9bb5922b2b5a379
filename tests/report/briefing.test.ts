import { describe, expect, it } from 'vitest';
import { briefingHtml, briefingMarkdown, formatNumber, type BriefingOptions } from '../../src/report/briefing.js';
import type { ScenarioResult } from '../../src/runner/types.js';
import { briefingDocuments, inBriefing } from '../../src/report/files.js';

const years = [2010, 2011, 2012, 2013, 2014, 2015];
/** A chart as Vega writes one, with a clip path referenced by id. */
const CHART_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="680" height="360" viewBox="0 0 680 360"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g clip-path="url(#clip1)"><path d="M0,0h10v10h-10Z"/></g></svg>';
const result = (id: string, final: number, mode: 'deterministic' | 'montecarlo'): ScenarioResult => ({
  scenario: { id, title: { zh: `情景${id}`, en: `Scenario ${id}` } },
  mode,
  runs: mode === 'montecarlo' ? 200 : 1,
  seed: mode === 'montecarlo' ? 2011 : null,
  years,
  rows: years.flatMap((year, i) =>
    (mode === 'montecarlo' ? (['p50', 'mean', 'p05', 'p95'] as const) : (['value'] as const)).map((statistic) => ({
      scenario: id,
      output: 'administration.approval-items',
      year,
      statistic,
      // mean deliberately differs from p50 so the test sees which one the table shows; the band
      // widens by 1 a year either side
      value: statistic === 'mean' ? -1 : 100 + ((final - 100) * i) / 5 + (statistic === 'p05' ? -i : statistic === 'p95' ? i : 0),
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
  charts: [{ name: 'comparison-a', caption: 'Approvals in each scenario.', svg: CHART_SVG, png: 'charts/comparison-a.en.png' }],
  version: '9.9.9',
});

describe('briefing', () => {
  it('shows the 2010 baseline and each scenario’s 2015 value: the median with its 90 % range under Monte Carlo, said so in a note', () => {
    const md = briefingMarkdown(options('en'));
    expect(md).toContain('| name of administration.approval-items (index) | 100 | 95 | 76.5 (71.5–81.5) |');
    expect(md).toContain('*Scenario columns give the values in 2015. For Monte Carlo scenarios the value is the median of the runs, with the range holding the middle 90 % of runs (P5–P95) under it (in brackets).*');
    expect(briefingMarkdown(options('zh'))).toContain('| 76.5（71.5–81.5） |');
    // In HTML the range sits under the median, so wide tables still fit an A4 page.
    expect(briefingHtml(options('en'))).toContain('<td class="num">76.5<br><span class="range">71.5–81.5</span></td>');
  });
  it('Markdown shows each chart as its PNG with the caption under it', () => {
    expect(briefingMarkdown(options('en'))).toContain('![Approvals in each scenario.](charts/comparison-a.en.png)\n\n*Approvals in each scenario.*');
  });
  it('HTML stands alone: charts inlined as SVG with scoped ids, nothing loaded from elsewhere, an A4 print stylesheet', () => {
    const html = briefingHtml(options('en'));
    expect(html).not.toMatch(/<(img|script|link|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/);
    expect(html).toContain('<div class="chart" data-chart="comparison-a"><svg role="img" aria-label="Approvals in each scenario."');
    expect(html).toContain('<clipPath id="fig-comparison-a-clip1">');
    expect(html).toContain('clip-path="url(#fig-comparison-a-clip1)"');
    expect(html).toContain('<figcaption>Approvals in each scenario.</figcaption>');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/@media print \{[^]*figure, tr \{ break-inside: avoid;/);
  });
  it('lists attainment with class names and probability in the chosen language', () => {
    const zh = briefingMarkdown(options('zh'));
    expect(zh).toContain('进展不足');
    expect(zh).toContain('进展顺利'); // the dashboard's words: one vocabulary across outputs
    expect(zh).toContain('63%');
    expect(zh).toContain('蒙特卡洛（200次，种子 2011）');
  });
  it('shows attainment as a targets × scenarios matrix in the vocabulary\'s words, with P(met) beside the class under Monte Carlo', () => {
    expect(briefingMarkdown(options('en'))).toContain('| Direct approvals −20 % \\| in five years | insufficient progress | on track (63%) |');
  });
  it('details numeric targets: projected, required, gap, year reached', () => {
    expect(briefingMarkdown(options('en'))).toContain('| Direct approvals −20 % \\| in five years | Scenario accelerated | 76.5 | 80 | 3.5 | 2015 | on track | 63% |');
  });
  it('escapes table separators in labels and HTML special characters', () => {
    expect(briefingMarkdown(options('en'))).toContain('Direct approvals −20 % \\| in five years');
    const html = briefingHtml({ ...options('en'), charts: [{ name: 'x', caption: '<b>&', svg: CHART_SVG, png: 'x.png' }] });
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

describe('briefing files', () => {
  const figure = (name: string, lang: 'zh' | 'en' = 'en') => ({ lang, name, caption: `What ${name} shows.`, svg: CHART_SVG, png: `${name}.${lang}.png` });
  const names = ['comparison-a', 'quota-ledger-accelerated', 'quota-ledger-stalled', 'fan-accelerated-urbanisation.hukou-gap', 'fan-accelerated-finance.rd-share', 'attainment', 'coverage-accelerated'];
  const files = briefingDocuments({
    results: options('en').results,
    langs: ['en'],
    chartsDir: 'charts',
    figures: [...names.map((n) => figure(n)), figure('attainment', 'zh')],
    labels: options('en').labels,
    headline: options('en').headline,
    version: '9.9.9',
    focus: 'accelerated',
  });
  const md = files.get('briefing.en.md') ?? '';

  it('shows the attainment matrix first, then comparisons, fans of the summary indicators and the focus scenario’s detail, in its own language', () => {
    const shown = [...md.matchAll(/\]\(charts\/([^)]+)\.en\.png\)/g)].map((m) => m[1]);
    expect(shown).toEqual(['attainment', 'comparison-a', 'fan-accelerated-urbanisation.hukou-gap', 'quota-ledger-accelerated', 'coverage-accelerated']);
    expect(md).toContain("*The other scenarios' detail charts (linkage quota ledger, hukou channels, insurance coverage) and the other fan charts are in charts/charts.en.html, in the run's folder.*");
  });
  it('captions say what a chart shows, never its file name', () => {
    const html = files.get('briefing.en.html') ?? '';
    const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1] ?? '');
    expect(captions.length).toBe(5);
    for (const c of captions) expect(c).not.toMatch(/^[\w.-]+$/);
  });
  it('keeps the focus scenario’s detail charts and its fans of the summary indicators; other scenarios’ stay in the gallery', () => {
    expect(inBriefing('quota-ledger-plan', 'plan')).toBe(true);
    expect(inBriefing('quota-ledger-trend', 'plan')).toBe(false);
    expect(inBriefing('fan-plan-administration.approval-items', 'plan')).toBe(true);
    expect(inBriefing('fan-plan-finance.rd-share', 'plan')).toBe(false);
    expect(inBriefing('comparison-x', undefined)).toBe(true);
  });
});
