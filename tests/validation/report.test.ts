/** docs/VALIDATION.md is what the generator produces now, and the tests it reports say what they should. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import { renderValidation, validationCaveats, validationResults } from '../../src/validation/index.js';

const docPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/VALIDATION.md');

describe('docs/VALIDATION.md', () => {
  const results = validationResults();
  const generated = renderValidation(results);

  it('is current (run `npm run docs` after changing the model, levers, scenarios or observed data)', () => {
    const committed = readFileSync(docPath, 'utf8');
    expect(committed === generated, 'docs/VALIDATION.md is out of date: run npm run docs').toBe(true);
  });

  it('has the seven tests of Business Dynamics ch. 21 and the caveats first', () => {
    const headings = generated.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Main caveats',
      '## 1. Boundary adequacy',
      '## 2. Structure and parameter assessment',
      '## 3. Dimensional consistency',
      '## 4. Extreme conditions',
      '## 5. Integration error',
      '## 6. Behaviour reproduction',
      '## 7. Sensitivity of the conclusions',
    ]);
    expect(generated).not.toMatch(/\b20[2-9]\d-\d\d-\d\d\b/);
  });

  it('counts every lever once by provenance kind, overall and by domain', () => {
    const p = results.parameters;
    expect(p.total).toBe(params.length);
    expect(Object.values(p.totals).reduce((a, n) => a + n, 0)).toBe(params.length);
    expect(p.byDomain.reduce((a, d) => a + d.total, 0)).toBe(params.length);
    expect(p.totals.assumption).toBe(params.filter((x) => x.provenance.kind === 'assumption').length);
    expect(p.withRange + p.fixedBy.length + p.withoutRange.length).toBe(p.assumptions);
    const calibrated = params.filter((x) => (x.provenance.kind as string) === 'calibrated').map((x) => x.id);
    expect(p.calibrated.map((c) => c.lever)).toEqual(calibrated);
  });

  it('reports the unit check, the integration comparison and the sensitivity design as they ran', () => {
    expect(results.units.problems).toEqual([]);
    expect(results.units.inputs).toBe(results.boundary.subsystems.reduce((a, s) => a + s.inputs, 0));
    expect(results.integration.comparisons.map((c) => [c.variant.method, c.variant.stepsPerYear])).toEqual([['rk4', 12], ['euler', 24]]);
    expect(results.sensitivity.runs).toBe(200);
    expect(results.sensitivity.seed).toBe(2011);
    for (const t of results.sensitivity.targets) {
      expect(t.rankingHolds).toBeLessThanOrEqual(t.bestHolds);
      for (const v of t.versusReference) expect(v.probability).toBeGreaterThanOrEqual(0);
    }
  });

  it('scores fitted and out-of-sample years apart in the backtest', () => {
    for (const s of results.behaviour.series) {
      if (s.fitted) expect(s.fitted.split).toBe('fitted');
      if (s.outOfSample) expect(s.outOfSample.split).toBe('out-of-sample');
    }
    expect(results.behaviour.fittedUntil).toBe(2013);
  });

  it('states its caveats in Chinese and English, the same ones, with the numbers of the results', () => {
    const zh = validationCaveats('zh', results);
    const en = validationCaveats('en', results);
    expect(zh.length).toBe(en.length);
    expect(zh.length).toBeGreaterThanOrEqual(5);
    expect(en[0]).toContain(`of the ${params.length} lever defaults are assumptions`);
    expect(zh[0]).toContain(`${params.length} 个杠杆默认值`);
    for (const c of en) expect(generated).toContain(`- ${c}`);
  });
});
