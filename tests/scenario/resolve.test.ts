/**
 * `extends` resolution and the merge of parameters, uncertainty, Monte Carlo settings and targets
 * along the chain.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ParamValue } from '../../src/params/types.js';
import { mergeOverride, valueInYear } from '../../src/scenario/merge.js';
import { check } from './fixtures.js';

const PLAN = [
  'id: plan',
  'title: {zh: 规划, en: Plan}',
  'description: {zh: 按规划, en: As planned}',
  'parameters:',
  '  approvals_cut_rate: 0.04',
  '  hukou_conv_rate_migrant: {2012: 0.03}',
  'uncertainty:',
  '  hukou_conv_rate_plan_area: {dist: uniform, min: 0.01, max: 0.05}',
  'montecarlo: {runs: 200, seed: 2011}',
  'targets:',
  '  - {indicator: administration.approval-items, year: 2015, change: -0.2, relative: true}',
  '',
].join('\n');

const CHILD = [
  'id: faster',
  'title: {zh: 加快, en: Faster}',
  'extends: plan',
  'parameters:',
  '  approvals_cut_rate: {2013: 0.08}',
  '  quota_effort: {2013: 300}',
  '  pilot_year: 2012',
  'uncertainty:',
  '  hukou_conv_rate_plan_area: {dist: triangular, min: 0.02, mode: 0.04, max: 0.06}',
  '  pilot_year: {dist: discrete, values: [2012, 2013], weights: [3, 1]}',
  'targets:',
  '  - {indicator: urbanisation.hukou-rate, year: 2015, level: 60, comparator: ">="}',
  '',
].join('\n');

describe('extends: worked example', () => {
  const r = check({ 'faster.yaml': CHILD, 'plan.yaml': PLAN });
  const s = r.scenario!;

  test('resolves without problems, chain from the root', () => {
    expect(r.problems).toEqual([]);
    expect(s.id).toBe('faster');
    expect(s.chain).toEqual(['plan', 'faster']);
    expect(s.file).toBe('/sc/faster.yaml');
    expect(s.description).toBeNull();
  });

  test("a schedule merged onto the parent's constant keeps the parent's value before its first year", () => {
    // plan: 0.04 from the start; faster: 0.08 from 2013 → 2010–2012 read 0.04.
    expect(s.parameters.approvals_cut_rate).toEqual({ 2010: 0.04, 2013: 0.08 });
    expect([2010, 2011, 2012, 2013, 2015].map((y) => valueInYear(s.parameters.approvals_cut_rate!, y))).toEqual([0.04, 0.04, 0.04, 0.08, 0.08]);
  });

  test('a schedule on a lever the parent does not set starts from the lever default (linear lever: held to the year before)', () => {
    // quota_effort: default 100, linear interpolation; override {2013: 300}.
    expect(s.parameters.quota_effort).toEqual({ 2010: 100, 2012: 100, 2013: 300 });
    expect([2011, 2012, 2013].map((y) => valueInYear(s.parameters.quota_effort!, y, 'linear'))).toEqual([100, 100, 300]);
  });

  test("inherited levers are kept; the parent's own schedule was already merged onto the default", () => {
    // plan sets hukou_conv_rate_migrant {2012: 0.03} over the default 0.01.
    expect(s.parameters.hukou_conv_rate_migrant).toEqual({ 2010: 0.01, 2012: 0.03 });
    expect(s.parameters.pilot_year).toBe(2012);
    expect(Object.keys(s.parameters).sort()).toEqual(['approvals_cut_rate', 'hukou_conv_rate_migrant', 'pilot_year', 'quota_effort']);
  });

  test('uncertainty: child wins per lever, the rest is inherited', () => {
    expect(s.uncertainty).toEqual({
      hukou_conv_rate_plan_area: { dist: 'triangular', min: 0.02, mode: 0.04, max: 0.06 },
      pilot_year: { dist: 'discrete', values: [2012, 2013], weights: [3, 1] },
    });
  });

  test('montecarlo is inherited when the child does not set it', () => {
    expect(s.montecarlo).toEqual({ runs: 200, seed: 2011 });
  });

  test("targets: the parent's then the child's, typed, with ids scenario.<declaring id>.<n>", () => {
    expect(s.targets).toEqual([
      {
        id: 'scenario.plan.1',
        kind: 'change',
        indicator: 'administration.approval-items',
        year: 2015,
        baseYear: 2010,
        change: -0.2,
        relative: true,
        label: {
          zh: '指标administration.approval-items较2010年变化 −20 %（2015年）',
          en: 'indicator administration.approval-items: −20 % from 2010 by 2015',
        },
        source: {
          section: 'scenario plan (plan.yaml)',
          line: 11,
          quote: '{indicator: administration.approval-items, year: 2015, change: -0.2, relative: true}',
        },
      },
      {
        id: 'scenario.faster.1',
        kind: 'level',
        indicator: 'urbanisation.hukou-rate',
        year: 2015,
        comparator: '>=',
        level: 60,
        label: { zh: '2015年指标urbanisation.hukou-rate ≥ 60%', en: 'indicator urbanisation.hukou-rate ≥ 60% by 2015' },
        source: {
          section: 'scenario faster (faster.yaml)',
          line: 12,
          quote: '{indicator: urbanisation.hukou-rate, year: 2015, level: 60, comparator: ">="}',
        },
      },
    ]);
  });

  test('hash is the sha256 of the file bytes; sources list the chain with their hashes', () => {
    const sha = (t: string) => createHash('sha256').update(Buffer.from(t, 'utf8')).digest('hex');
    expect(s.hash).toBe(sha(CHILD));
    expect(s.sources).toEqual([
      { id: 'plan', file: '/sc/plan.yaml', hash: sha(PLAN) },
      { id: 'faster', file: '/sc/faster.yaml', hash: sha(CHILD) },
    ]);
  });
});

describe('extends lookup', () => {
  const base = 'id: base\ntitle: {zh: 基, en: Base}\nparameters: {pilot_year: 2014}\n';
  test('by id finds .yml and .json beside the file', () => {
    const a = check({ 'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: base\n', 'base.yml': base });
    expect(a.scenario?.chain).toEqual(['base', 'a']);
    const j = check({ 'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: base\n', 'base.json': '{"id": "base", "title": {"zh": "基", "en": "Base"}}' });
    expect(j.scenario?.chain).toEqual(['base', 'a']);
  });

  test('by relative path', () => {
    const r = check({ 'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: ./lib/base.yaml\n', 'lib/base.yaml': base });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.parameters).toEqual({ pilot_year: 2014 });
  });

  test('three levels: the grandchild sees all overrides, nearest wins', () => {
    const r = check({
      'c.yaml': 'id: c\ntitle: {zh: 丙, en: C}\nextends: b\nparameters: {pilot_year: 2012}\n',
      'b.yaml': 'id: b\ntitle: {zh: 乙, en: B}\nextends: base\nparameters: {pilot_year: 2013, approvals_cut_rate: 0.05}\n',
      'base.yaml': base,
    });
    expect(r.scenario?.chain).toEqual(['base', 'b', 'c']);
    expect(r.scenario?.parameters).toEqual({ pilot_year: 2012, approvals_cut_rate: 0.05 });
  });

  test('a longer cycle names every scenario in it', () => {
    const r = check({
      'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: b\n',
      'b.yaml': 'id: b\ntitle: {zh: 乙, en: B}\nextends: c\n',
      'c.yaml': 'id: c\ntitle: {zh: 丙, en: C}\nextends: a\n',
    });
    expect(r.problems.map((p) => `${p.file}: ${p.message}`)).toEqual(['c.yaml: circular extends: a → b → c → a (line 3, column 10)']);
  });
});

describe('mergeOverride', () => {
  test('a constant replaces whatever was inherited', () => {
    expect(mergeOverride({ 2011: 1, 2013: 2 }, 5, 'step', 2010)).toBe(5);
  });

  test("keeps the parent's schedule keys before the override's first year and drops the later ones", () => {
    expect(mergeOverride({ 2011: 0.02, 2014: 0.05 }, { 2013: 0.1 }, 'step', 2010)).toEqual({ 2011: 0.02, 2013: 0.1 });
  });

  test('an override starting at the base year replaces the inherited value entirely', () => {
    expect(mergeOverride(0.5, { 2010: 0.1, 2012: 0.2 }, 'step', 2010)).toEqual({ 2010: 0.1, 2012: 0.2 });
  });

  // Property: read year by year, the merge gives the inherited value before the override's first
  // year and the override's own reading from then on — for step and linear levers.
  const year = fc.integer({ min: 2010, max: 2025 });
  const value = fc.double({ min: -100, max: 100, noNaN: true });
  const schedule = fc.dictionary(year.map(String), value, { minKeys: 1, maxKeys: 5 }) as fc.Arbitrary<Record<number, number>>;
  const paramValue: fc.Arbitrary<ParamValue> = fc.oneof(value, schedule);
  test.each(['step', 'linear'] as const)('reads as inherited before, override after (%s)', (interpolation) => {
    fc.assert(
      fc.property(paramValue, schedule, (inherited, override) => {
        const merged = mergeOverride(inherited, override, interpolation, 2010);
        const first = Math.min(...Object.keys(override).map(Number));
        for (let y = 2010; y <= 2030; y++) {
          const expected = y < first ? valueInYear(inherited, y, interpolation) : valueInYear(override, y, interpolation);
          expect(valueInYear(merged, y, interpolation)).toBeCloseTo(expected, 9);
        }
      }),
    );
  });
});
