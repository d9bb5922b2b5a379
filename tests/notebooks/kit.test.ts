/**
 * The notebook kit's phrases (known answers) and its page: a chart's spec cannot end its script
 * element early, a chart name must be a file name and unique, and the console echo reads like the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPercent, formatValue, medianRange, medianRangeCell, notebook, renderReportHtml, runDescription, type ScenarioResult } from 'hangzhou-reform-sim';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-notebook-kit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const result = (mode: 'montecarlo' | 'deterministic', values: Record<string, number>): ScenarioResult => ({
  scenario: { id: 's', title: { zh: 's', en: 's' } },
  mode,
  runs: mode === 'montecarlo' ? 1000 : 1,
  seed: mode === 'montecarlo' ? 7 : null,
  years: [2015],
  rows: Object.entries(values).map(([statistic, value]) => ({ scenario: 's', output: 'x', year: 2015, statistic: statistic as ScenarioResult['rows'][number]['statistic'], value })),
  attainment: [],
});

describe('phrases', () => {
  it('formats numbers for prose: grouping, small rates, a true minus, no solver residue', () => {
    expect(formatValue(1234567.8)).toBe('1,234,568');
    expect(formatValue(81.256)).toBe('81.26');
    expect(formatValue(81.256, 1)).toBe('81.3');
    expect(formatValue(0.044631)).toBe('0.0446');
    expect(formatValue(-20.03)).toBe('−20.03');
    expect(formatValue(1.07e-8)).toBe('0');
    expect(formatValue(-0.0004, 2)).toBe('0');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(NaN)).toBe('—');
  });

  it('states shares as percentages, keeping small ones off 0 % and 100 %', () => {
    expect(formatPercent(0.333)).toBe('33 %');
    expect(formatPercent(0.001)).toBe('0.1 %');
    expect(formatPercent(0.9995)).toBe('99.9 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.00001)).toBe('0.1 %');
    expect(formatPercent(0.994)).toBe('99.4 %');
  });

  it('states a Monte Carlo result as a median with the range of 90 % of runs, a deterministic one as its value', () => {
    const mc = result('montecarlo', { p05: 77.12, p50: 81.31, p95: 86.77 });
    expect(medianRange(mc, 'x', 2015, 1)).toBe('median 81.3, 90 % of runs between 77.1 and 86.8');
    expect(medianRangeCell(mc, 'x', 2015, 1)).toEqual({ value: '81.3', range: '77.1–86.8' });
    expect(medianRange(result('montecarlo', { p05: 93.91, p50: 93.93, p95: 93.94 }), 'x', 2015, 1)).toBe('median 93.9');
    expect(medianRange(result('deterministic', { value: 79.97 }), 'x', 2015)).toBe('79.97');
    expect(runDescription(mc)).toBe('Monte Carlo, 1,000 runs, seed 7');
  });
});

describe('the page', () => {
  it('keeps a spec holding </script> inside its script element, and refuses bad or repeated chart names', () => {
    const html = renderReportHtml({
      lang: 'en',
      title: 't',
      lead: [],
      sections: [{ id: 's', heading: 'S', blocks: [{ kind: 'chart', spec: { title: '</script><script>alert(1)</script>' }, figure: { name: 'c', caption: 'c', svg: '<svg></svg>', png: 'c.png' } }] }],
      footer: '',
      scripts: ['var s = "</script>";'],
    });
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    expect(html).toContain('var s = "<\\/script>";');
    const page = notebook({ id: 'x', title: 'x', source: 'x.ts' });
    expect(() => page.chart('a b', { data: { values: [] }, mark: 'point' }, 'c')).toThrow("chart name 'a b': expected letters, digits, '.', '_' or '-' (it names a file)");
    page.chart('a', { data: { values: [] }, mark: 'point' }, 'c');
    expect(() => page.chart('a', { data: { values: [] }, mark: 'point' }, 'c')).toThrow("chart name 'a' is used twice in notebook x");
  });

  it('echoes the narrative as it is written and writes a page without charts without the chart runtime', async () => {
    const echoed: string[] = [];
    const page = notebook({ id: 'plain', title: 'Plain', source: 'plain.ts', log: (t) => echoed.push(t) });
    page.lead('Lead.').section('One').paragraph('Text.').table({ header: ['a', 'b'], rows: [['x', '1']] }).note('Small.');
    const files = await page.write(join(dir, 'plain'));
    expect(echoed.slice(0, 6)).toEqual(['# Plain\n', 'Lead.\n', '## One\n', 'Text.\n', '| a | b |\n| --- | ---: |\n| x | 1 |\n', '(Small.)\n']);
    const html = readFileSync(files.html, 'utf8');
    expect(html).not.toContain('vegaEmbed');
    expect(html).toContain('<section id="one">');
    expect(files.pngs).toEqual([]);
  });
});
