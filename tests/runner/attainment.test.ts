import { describe, expect, it } from 'vitest';
import type { PlanSource, Target } from '../../src/catalog/types.js';
import { classifyRatio, DEFAULT_THRESHOLDS, judgeTarget, targetHolds, type ValueAt } from '../../src/runner/attainment.js';

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

describe('direction and milestone targets', () => {
  const rd: Target = { kind: 'direction', id: 'rd', indicator: 'finance.rd-share', year: 2015, baseYear: 2010, direction: 'increase', label, source };
  it('direction: met by a strict rise from baseYear to year', () => {
    expect(judgeTarget(rd, (_i, y) => 2.9 + 0.1 * (y - 2010), noLevers, years)).toMatchObject({ class: 'met', yearReached: 2011, required: null, gap: null });
    expect(judgeTarget(rd, () => 2.9, noLevers, years)).toMatchObject({ class: 'not-met', yearReached: null });
  });
  const car: Target = { kind: 'milestone', id: 'car', completionParam: 'milestone_city_car_reform_year', year: 2015, label, source };
  it('milestone: met when the completion lever ≤ due year', () => {
    expect(judgeTarget(car, line(0), () => 2014, years)).toMatchObject({ class: 'met', yearReached: 2014, projected: null });
    expect(judgeTarget(car, line(0), () => 2015, years).class).toBe('met');
    expect(judgeTarget(car, line(0), () => 2016, years)).toMatchObject({ class: 'not-met', yearReached: null });
  });
});

describe('classifyRatio', () => {
  it('uses the documented Eurostat boundaries and configurable thresholds', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 0.95, moderate: 0.6 });
    expect([0.95, 0.9499, 0.6, 0.5999, 0, -1e-12].map((r) => classifyRatio(r))).toEqual(['on-track', 'moderate', 'moderate', 'insufficient', 'insufficient', 'moving-away']);
    expect(classifyRatio(0.9, { onTrack: 0.9, moderate: 0.5 })).toBe('on-track');
  });
});
