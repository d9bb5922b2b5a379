import { describe, expect, it } from 'vitest';
import type { PlanSource, Target } from '../../src/catalog/types.js';
import type { DirectionTarget } from '../../src/catalog/types.js';
import { classifyRatio, DEFAULT_THRESHOLDS, judgeTarget, observedPacesFor, referencePace, targetHolds, type ValueAt } from '../../src/runner/attainment.js';
import { ATTAINMENT_CLASSES, attainmentHeadline, classCounts } from '../../src/runner/vocabulary.js';
import { createRunnerContext, runMonteCarlo, runScenario } from '../../src/runner/index.js';
import { loadScenarios, type ResolvedScenario } from '../../src/scenario/index.js';

const source: PlanSource = { section: '三', line: 251, quote: '市级直接审批项目五年内减少20%' };
const years = [2010, 2011, 2012, 2013, 2014, 2015];
const label = { zh: '审批项目减少20%', en: 'Approval items −20 %' };

/** The plan's one numeric target (line 251): approval items (index 2010 = 100) −20 % by 2015. */
const approvals: Target = { kind: 'change', id: 'admin.approvals.-20pct', indicator: 'administration.approval-items', year: 2015, baseYear: 2010, change: -0.2, relative: true, label, source };

/** A straight line from 100 (2010) to `v2015`. */
const line = (v2015: number): ValueAt => (_id, year) => 100 + ((v2015 - 100) * (year - 2010)) / 5;
const noLevers = (): number => NaN;

describe('the −20 % approvals target (required = 100 × (1 − 0.2) = 80)', () => {
  it('projected 80 meets it: on-track, gap 0, reached 2015', () => {
    const j = judgeTarget(approvals, line(80), noLevers, years);
    expect(j).toMatchObject({ projected: 80, required: 80, gap: 0, yearReached: 2015, class: 'on-track', ratio: 1 });
  });
  it('projected 81: ratio (81 − 100)/(80 − 100) = 0.95 exactly → on-track; gap −1 (short by 1)', () => {
    const j = judgeTarget(approvals, line(81), noLevers, years);
    expect(j.ratio).toBe(0.95);
    expect(j).toMatchObject({ projected: 81, required: 80, gap: -1, yearReached: null, class: 'on-track' });
  });
  it('projected 81.2: ratio 0.94 → moderate', () => {
    const j = judgeTarget(approvals, line(81.2), noLevers, years);
    expect(j.ratio).toBeCloseTo(0.94, 12);
    expect(j.class).toBe('moderate');
  });
  it('projected 88: ratio 0.6 exactly → moderate; 88.2 → insufficient', () => {
    expect(judgeTarget(approvals, line(88), noLevers, years)).toMatchObject({ ratio: 0.6, class: 'moderate', gap: -8 });
    expect(judgeTarget(approvals, line(88.2), noLevers, years).class).toBe('insufficient');
  });
  it('projected 100: ratio 0 → insufficient; 103: ratio −0.15 → moving-away, gap −23', () => {
    expect(judgeTarget(approvals, line(100), noLevers, years)).toMatchObject({ ratio: 0, class: 'insufficient' });
    const away = judgeTarget(approvals, line(103), noLevers, years);
    expect(away.ratio).toBeCloseTo(-0.15, 12);
    expect(away).toMatchObject({ class: 'moving-away', gap: -23 });
  });
  it('projected 76 overshoots: gap +4 (beyond); reached 2015 (2014 is 80.8)', () => {
    const j = judgeTarget(approvals, line(76), noLevers, years);
    expect(j).toMatchObject({ gap: 4, yearReached: 2015, class: 'on-track' });
    expect(judgeTarget(approvals, line(70), noLevers, years).yearReached).toBe(2014); // 2014: 76 ≤ 80
  });
  it('a model landing on 79.99999999999999 or 80.00000000000001 still meets −20 %', () => {
    expect(targetHolds(approvals, line(80.00000000000001), noLevers, 2010)).toBe(true);
  });
});

describe('level targets', () => {
  const level = (comparator: '>=' | '<=' | '≈', lvl: number, tolerance?: number): Target => ({
    kind: 'level', id: 'x', indicator: 'u', year: 2015, comparator, level: lvl, label, source, ...(tolerance === undefined ? {} : { tolerance }),
  });
  it('≥ 80 from 70: projected 79.5 → ratio 0.95 → on-track; 76 → 0.6 moderate', () => {
    const from70 = (v: number): ValueAt => (_i, y) => (y === 2010 ? 70 : v);
    expect(judgeTarget(level('>=', 80), from70(79.5), noLevers, years)).toMatchObject({ ratio: 0.95, class: 'on-track', gap: -0.5, required: 80 });
    expect(judgeTarget(level('>=', 80), from70(76), noLevers, years)).toMatchObject({ ratio: 0.6, class: 'moderate' });
  });
  it('already met at base: on-track while still met, moving-away when lost', () => {
    const at = (v2010: number, v: number): ValueAt => (_i, y) => (y === 2010 ? v2010 : v);
    expect(judgeTarget(level('>=', 90), at(93, 95), noLevers, years)).toMatchObject({ class: 'on-track', yearReached: 2010, gap: 5 });
    expect(judgeTarget(level('>=', 90), at(93, 89), noLevers, years).class).toBe('moving-away');
  });
  it('≈ 50 ± 1 from 40: 50.8 meets; 55 overshoots by half the distance → ratio 0.5 insufficient', () => {
    const from40 = (v: number): ValueAt => (_i, y) => (y === 2010 ? 40 : v);
    expect(judgeTarget(level('≈', 50, 1), from40(50.8), noLevers, years).class).toBe('on-track');
    expect(judgeTarget(level('≈', 50, 1), from40(55), noLevers, years)).toMatchObject({ ratio: 0.5, class: 'insufficient' });
  });
});

describe('direction targets: a reference pace graded like a number', () => {
  const rd: Target = { kind: 'direction', id: 'rd', indicator: 'finance.rd-share', year: 2015, baseYear: 2010, direction: 'increase', label, source: { ...source, quote: '提高R&D占GDP的比重' } };
  it('Eurostat’s 1 % a year: required 2.9 × 1.01⁵; moving the right way is not enough', () => {
    const required = 2.9 * 1.01 ** 5;
    const slow = judgeTarget(rd, (_i, y) => 2.9 + 0.01 * (y - 2010), noLevers, years);
    expect(slow).toMatchObject({ basis: 'eurostat-pace', referencePace: 0.01, met: false });
    expect(slow.required).toBeCloseTo(required, 12);
    expect(slow.ratio).toBeCloseTo(0.05 / (required - 2.9), 12);
    expect(slow.class).toBe('insufficient'); // rose 0.05 of the 0.148 needed
    expect(judgeTarget(rd, (_i, y) => 2.9 + 0.03 * (y - 2010), noLevers, years)).toMatchObject({ class: 'on-track', met: true, yearReached: 2015 });
    expect(judgeTarget(rd, () => 2.9, noLevers, years)).toMatchObject({ class: 'insufficient', met: false, yearReached: null });
    expect(judgeTarget(rd, (_i, y) => 2.9 - 0.01 * (y - 2010), noLevers, years).class).toBe('moving-away');
  });
  it('a stronger pace (1.5 %) where the plan says 加快 / 加大 / 大力', () => {
    const faster: Target = { ...rd, source: { ...source, quote: '加快推动经济发展转入科技引领' } };
    expect(referencePace(faster as DirectionTarget)).toEqual({ pace: 0.015, basis: 'eurostat-pace-stronger' });
    expect(referencePace(rd as DirectionTarget)).toEqual({ pace: 0.01, basis: 'eurostat-pace' });
  });
  it('an observed 2006–2010 pace, where known, replaces the default', () => {
    const settings = { observedPaces: { 'finance.rd-share': { pace: 0.04, source: 'test' } } };
    expect(referencePace(rd as DirectionTarget, settings)).toEqual({ pace: 0.04, basis: 'observed-pace' });
    expect(judgeTarget(rd, () => 2.9, noLevers, years, settings).required).toBeCloseTo(2.9 * 1.04 ** 5, 12);
  });
  it('observed growth becomes a pace in the target’s direction; growth against it is no reference (the default applies)', () => {
    const gap: Target = { kind: 'direction', id: 'gap', indicator: 'g', year: 2015, baseYear: 2010, direction: 'decrease', label, source };
    const growth = [
      { indicator: 'finance.rd-share', rate: 0.03, source: 'rd' },
      { indicator: 'g', rate: -0.02, source: 'gap' },
    ];
    expect(observedPacesFor([rd, gap, approvals], growth)).toEqual({ 'finance.rd-share': { pace: 0.03, source: 'rd' }, g: { pace: 0.02, source: 'gap' } });
    const fell = observedPacesFor([rd], [{ indicator: 'finance.rd-share', rate: -0.01, source: 'fell' }]);
    expect(fell).toEqual({});
    expect(referencePace(rd as DirectionTarget, { observedPaces: fell })).toEqual({ pace: 0.01, basis: 'eurostat-pace' });
    // Graded with the observed pace: required 2.9 × 1.03⁵ = 3.3619; a rise to 3.3 is 0.4 / 0.4619 = 0.866 of it → moderate.
    const settings = { observedPaces: observedPacesFor([rd], growth) };
    const j = judgeTarget(rd, (_i, y) => 2.9 + 0.08 * (y - 2010), noLevers, years, settings);
    expect(j).toMatchObject({ basis: 'observed-pace', referencePace: 0.03, class: 'moderate', met: false });
    expect(j.required).toBeCloseTo(2.9 * 1.03 ** 5, 12);
    expect(j.ratio).toBeCloseTo(0.4 / (2.9 * 1.03 ** 5 - 2.9), 12);
  });
  it('a decrease at the same pace, and a share near its bound capped at 90 % of the room left', () => {
    const gap: Target = { kind: 'direction', id: 'gap', indicator: 'g', year: 2015, baseYear: 2010, direction: 'decrease', label, source };
    expect(judgeTarget(gap, () => 20, noLevers, years).required).toBeCloseTo(20 * 0.99 ** 5, 12);
    const cov: Target = { kind: 'direction', id: 'cov', indicator: 'c', year: 2015, baseYear: 2010, direction: 'increase', label, source: { ...source, quote: '进一步加大' } };
    const bounded = { boundsOf: () => ({ min: 0, max: 100 }) };
    // 97.3 × 1.015⁵ = 104.8 would pass 100: capped at 97.3 + 0.9 × 2.7 = 99.73.
    expect(judgeTarget(cov, () => 97.3, noLevers, years, bounded).required).toBeCloseTo(99.73, 12);
  });
});

describe('milestones', () => {
  const car: Target = { kind: 'milestone', id: 'car', completionParam: 'milestone_city_car_reform_year', year: 2015, label, source };
  it('met when the completion lever ≤ due year', () => {
    expect(judgeTarget(car, line(0), () => 2014, years)).toMatchObject({ class: 'met', met: true, yearReached: 2014, projected: null, basis: 'milestone' });
    expect(judgeTarget(car, line(0), () => 2015, years).class).toBe('met');
    expect(judgeTarget(car, line(0), () => 2016, years)).toMatchObject({ class: 'not-met', met: false, yearReached: null });
  });
});

describe('one vocabulary', () => {
  it('names every class once and counts the headline from it', () => {
    expect(ATTAINMENT_CLASSES).toEqual(['on-track', 'moderate', 'insufficient', 'moving-away', 'met', 'not-met']);
    const rows = [
      { class: 'on-track' as const, met: true },
      { class: 'on-track' as const, met: false },
      { class: 'moderate' as const, met: false },
      { class: 'met' as const, met: true },
      { class: 'not-met' as const, met: false },
    ];
    expect(attainmentHeadline(rows, 'en')).toBe('3 of 5 targets on track, 2 of them met');
    expect(attainmentHeadline(rows, 'zh')).toBe('5 个目标中 3 个进展顺利，其中 2 个如期完成');
    expect(classCounts(rows, 'en')).toBe('2 on track, 1 moderate progress, 1 met, 1 not met');
  });
});

describe('classifyRatio', () => {
  it('uses the documented Eurostat boundaries and configurable thresholds', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 0.95, moderate: 0.6 });
    expect([0.95, 0.9499, 0.6, 0.5999, 0, -1e-12].map((r) => classifyRatio(r))).toEqual(['on-track', 'moderate', 'moderate', 'insufficient', 'insufficient', 'moving-away']);
    expect(classifyRatio(0.9, { onTrack: 0.9, moderate: 0.5 })).toBe('on-track');
  });
});

describe('the runner grades direction targets with the observed paces of the published figures', () => {
  const context = createRunnerContext();
  const [plan] = loadScenarios(['plan']) as ResolvedScenario[];
  const pace = (87.4 / 72.7) ** 0.2 - 1; // the provincial coordination score, 2005 → 2010 (data/observed/hangzhou.csv)

  it('deterministic: the integration level against its observed 3.75 %/yr, capped at 90 % of the room to 100; others keep Eurostat’s pace', () => {
    const result = runScenario(plan as ResolvedScenario, { context });
    const integration = result.attainment.find((a) => a.target === 'integration.level.rise');
    expect(integration).toMatchObject({ basis: 'observed-pace' });
    expect(integration?.referencePace).toBeCloseTo(pace, 12);
    // 87.1 × 1.0375⁵ = 104.8 passes 100: required 87.1 + 0.9 × 12.9 = 98.71.
    expect(integration?.required).toBeCloseTo(87.1 + 0.9 * 12.9, 9);
    expect(result.attainment.find((a) => a.target === 'urbanisation.rate.rise')).toMatchObject({ basis: 'eurostat-pace', referencePace: 0.01 });
  });

  it('Monte Carlo counts P(met) and P(on track) run by run against the context’s observed pace', async () => {
    const urbanisation = async (rate: number | null) => {
      const describeOutput = (id: string) => {
        const info = context.describeOutput(id);
        return info && id === 'urbanisation.rate' && rate !== null ? { ...info, observedGrowth: { rate, source: 'test' } } : info;
      };
      const result = await runMonteCarlo(plan as ResolvedScenario, { context: { ...context, describeOutput }, runs: 20, seed: 3 });
      return result.attainment.find((a) => a.target === 'urbanisation.rate.rise');
    };
    expect(await urbanisation(null)).toMatchObject({ basis: 'eurostat-pace', probability: 1, probabilityOnTrack: 1 });
    // 5 %/yr from 70 %: required 70 × 1.05⁵ = 89.3, out of reach in every run.
    const steep = await urbanisation(0.05);
    expect(steep).toMatchObject({ basis: 'observed-pace', referencePace: 0.05, probability: 0, probabilityOnTrack: 0 });
    expect(steep?.required).toBeCloseTo(70 * 1.05 ** 5, 9);
  });
});
