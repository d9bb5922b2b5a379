/** The validation's parts on inputs with known answers: they report what they should and catch what they must. */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import type { ParamRecord } from '../../src/params/types.js';
import { loadScenario } from '../../src/scenario/index.js';
import { conclusionSensitivity, parameterAssessment, poorFitReasons, validationCaveats, type ValidationResults } from '../../src/validation/index.js';
import { fixed, percent, sig } from '../../src/validation/format.js';
import { validationResults } from '../../src/validation/results.js';

describe('number formatting', () => {
  it('rounds to significant digits with a typeset minus, and never prints exponents for ordinary sizes', () => {
    expect(sig(0.39403482565330705, 2)).toBe('0.39');
    expect(sig(502000.4, 3)).toBe('502000');
    expect(sig(-57.06, 3)).toBe('−57.1');
    expect(sig(100, 4)).toBe('100.0');
    expect(sig(5.85e-8, 3)).toBe('5.85e−8');
    expect(sig(0)).toBe('0');
    expect(sig(NaN)).toBe('—');
    expect(percent(0.935)).toBe('94 %');
    expect(percent(0.0012353, 2)).toBe('0.12 %');
    expect(fixed(-0.55391, 2)).toBe('−0.55');
    expect(fixed(-0.001, 2)).toBe('0.00');
  });
});

describe('poorFitReasons', () => {
  const m = (mape: number, theilU: number | null) => ({ id: 'x', split: 'fitted' as const, n: 3, mape, rmse: 1, meanError: 0, theilU });
  it('flags a MAPE above 10 %, and a U of 1 or more unless the errors are negligible', () => {
    expect(poorFitReasons(m(10.5, 0.5), 'fitted')).toEqual(['fitted MAPE 10.5 %']);
    expect(poorFitReasons(m(10, 0.5), 'fitted')).toEqual([]);
    expect(poorFitReasons(m(3.3, 2.14), 'fitted')).toEqual(["fitted Theil's U 2.14 ≥ 1"]);
    expect(poorFitReasons(m(0.4, 4.66), 'fitted')).toEqual([]);
    expect(poorFitReasons(m(12, null), 'out-of-sample')).toEqual(['out-of-sample MAPE 12.0 %']);
    expect(poorFitReasons(null, 'fitted')).toEqual([]);
  });
});

describe('parameterAssessment', () => {
  it('shows a new provenance kind, such as calibrated, without a code change', () => {
    const first = params[0] as ParamRecord;
    const provenance = { kind: 'calibrated', reason: 'fitted', interval: [0.01, 0.03], assumed: { value: 0.05, reason: 'a guess' }, rows: [{ id: 'x', year: 2012, value: 1 }, { id: 'x', year: 2013, value: 2 }] };
    const calibrated = { ...first, id: 'fitted_lever', default: 0.02, provenance } as unknown as ParamRecord;
    const before = parameterAssessment(params);
    const r = parameterAssessment([...params, calibrated]);
    expect(r.kinds).toEqual(['plan', 'external', 'calibrated', 'assumption']);
    expect(r.totals.calibrated).toBe((before.totals.calibrated ?? 0) + 1);
    expect(r.calibrated).toEqual([...before.calibrated, { lever: 'fitted_lever', domain: first.domain, default: '0.02', range: first.range, interval: [0.01, 0.03], assumed: 0.05, rows: 2, lastYear: 2013 }]);
    const domainBefore = before.byDomain.find((d) => d.domain === first.domain)?.kinds.calibrated ?? 0;
    expect(r.byDomain.find((d) => d.domain === first.domain)?.kinds.calibrated).toBe(domainBefore + 1);
  });

  it('finds an assumed default that has neither a range nor a reason to be fixed', () => {
    const bare = { ...(params.find((p) => p.uncertainty) as ParamRecord), id: 'bare_assumption', uncertainty: undefined } as ParamRecord;
    expect(parameterAssessment([...params, bare]).withoutRange).toEqual(['bare_assumption']);
  });
});

describe('conclusionSensitivity', () => {
  const trend = loadScenario('trend');
  const plan = loadScenario('plan');
  const copy = { ...trend, id: 'trend-copy' };
  const r = conclusionSensitivity([trend, copy, plan], { runs: 20, seed: 7 });

  it('draws common random numbers: a copy of the reference is never better, and ties it everywhere', () => {
    for (const t of r.targets) {
      const v = t.versusReference.find((x) => x.scenario === 'trend-copy');
      expect(v, t.target).toEqual({ scenario: 'trend-copy', better: false, tied: true, probability: 0 });
      expect(t.ranking.some((group) => group.includes('trend') && group.includes('trend-copy')), t.target).toBe(true);
    }
  });

  it('counts the runs in which the deterministic ranking holds, and says what it ran', () => {
    expect(r.runs).toBe(20);
    expect(r.seed).toBe(7);
    const cut = r.targets.find((t) => t.target === 'administration.approval-items.cut-20pct');
    expect(cut?.ranking[0]).toEqual(['plan']);
    expect(cut?.versusReference.find((v) => v.scenario === 'plan')).toMatchObject({ better: true, probability: 1 });
    for (const t of r.targets) expect(t.rankingHolds * r.runs).toBe(Math.round(t.rankingHolds * r.runs));
    expect(r.drivers?.scenario).toBe('plan');
    expect(r.drivers?.versusReference.length).toBeGreaterThan(0);
  });
});

describe('validationCaveats', () => {
  const results = validationResults({ sensitivity: { runs: 10 } });

  it('adds a caveat for every failed check, in both languages', () => {
    const broken: ValidationResults = {
      ...results,
      units: { ...results.units, problems: ['flow `x` must be in person/year'] },
      extremes: results.extremes.map((e) => ({ ...e, problems: ['population.resident: ×25.0'] })),
      integration: { ...results.integration, smallEnough: false, borderline: [{ scenario: 'plan', target: 'urbanisation.hukou-gap.narrow' }] },
    };
    const en = validationCaveats('en', broken);
    const zh = validationCaveats('zh', broken);
    expect(en.length).toBe(validationCaveats('en', results).length + 3 + (results.integration.borderline.length === 0 ? 1 : 0));
    expect(en).toContain('1 target verdict sits at a class threshold and changes with the integration method (plan urbanisation.hukou-gap.narrow): read as borderline.');
    expect(en).toContain('The unit check found a problem: flow `x` must be in person/year');
    expect(en).toContain('2 extreme-condition checks fail.');
    expect(zh).toContain('极端条件检验有 2 项未通过。');
    expect(zh.length).toBe(en.length);
  });

  it('leaves the lever provenance counts out for a reader that states them itself', () => {
    const all = validationCaveats('en', results);
    const without = validationCaveats('en', results, { leverCounts: false });
    expect(all[0]).toMatch(/^\d+ of the \d+ lever defaults are assumptions/);
    expect(without).toEqual(all.slice(1));
  });
});
