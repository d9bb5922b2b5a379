/**
 * Relative overrides in scenario files: `{scale: k}` is k × the inherited value (the parent's, or
 * the lever's default), every year of a schedule; an inherited distribution moves with it; the
 * result must lie in the lever's range; the factor relative to the default is kept for
 * `--uncertainty all`.
 */
import { describe, expect, test } from 'vitest';
import { mergeOverride, scaleDistribution } from '../../src/scenario/merge.js';
import { check, yaml } from './fixtures.js';

const plan = (params: string, uncertainty = ''): string =>
  `id: plan\ntitle: {zh: 规划, en: Plan}\nparameters: {${params}}\n${uncertainty ? `uncertainty:\n  ${uncertainty}\n` : ''}`;

describe('{scale: k}', () => {
  test('scales the default when nothing above sets the lever (0.01 × 1.5)', () => {
    const r = check({ 'a.yaml': yaml('parameters: {hukou_conv_rate_migrant: {scale: 1.5}}') });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.parameters.hukou_conv_rate_migrant).toBeCloseTo(0.015, 15);
    expect(r.scenario?.relativeToDefault).toEqual({ hukou_conv_rate_migrant: 1.5 });
  });

  test('scales the parent’s value, and the factors relative to the default multiply along the chain', () => {
    const r = check({
      'a.yaml': yaml('extends: plan', 'parameters: {hukou_conv_rate_migrant: {scale: 1.25}, hukou_conv_rate_plan_area: {scale: 2}}'),
      'plan.yaml': plan('hukou_conv_rate_migrant: {scale: 1.5}, hukou_conv_rate_plan_area: 0.05'),
    });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.parameters.hukou_conv_rate_migrant).toBeCloseTo(0.01 * 1.5 * 1.25, 15);
    expect(r.scenario?.parameters.hukou_conv_rate_plan_area).toBeCloseTo(0.1, 15);
    // plan_area was set to a value of its own: the child's factor is not relative to the default.
    expect(r.scenario?.relativeToDefault).toEqual({ hukou_conv_rate_migrant: 1.875 });
  });

  test('scales every year of an inherited schedule', () => {
    expect(mergeOverride({ 2010: 0.02, 2013: 0.05 }, { scale: 2 }, 'step', 2010)).toEqual({ 2010: 0.04, 2013: 0.1 });
    expect(mergeOverride(0.04, { scale: 0.5 }, 'step', 2010)).toBe(0.02);
  });

  test('moves an inherited distribution with the lever, unless the file gives its own', () => {
    const parent = plan('hukou_conv_rate_migrant: 0.04', 'hukou_conv_rate_migrant: {dist: triangular, min: 0.02, mode: 0.04, max: 0.08}');
    const moved = check({ 'a.yaml': yaml('extends: plan', 'parameters: {hukou_conv_rate_migrant: {scale: 1.5}}'), 'plan.yaml': parent });
    expect(moved.problems).toEqual([]);
    const spread = moved.scenario?.uncertainty.hukou_conv_rate_migrant;
    expect(spread?.dist).toBe('triangular');
    if (spread?.dist !== 'triangular') throw new Error('expected a triangular spread');
    expect([spread.min, spread.mode, spread.max].map((v) => Number(v.toFixed(12)))).toEqual([0.03, 0.06, 0.12]);
    const own = check({
      'a.yaml': yaml('extends: plan', 'parameters: {hukou_conv_rate_migrant: {scale: 1.5}}', 'uncertainty:', '  hukou_conv_rate_migrant: {dist: uniform, min: 0.05, max: 0.07}'),
      'plan.yaml': parent,
    });
    expect(own.scenario?.uncertainty.hukou_conv_rate_migrant).toEqual({ dist: 'uniform', min: 0.05, max: 0.07 });
  });

  test('a scaled value outside the lever’s range is reported at the override', () => {
    const r = check({ 'a.yaml': yaml('extends: plan', 'parameters: {hukou_conv_rate_migrant: {scale: 3}}'), 'plan.yaml': plan('hukou_conv_rate_migrant: 0.1') });
    expect(r.scenario).toBeNull();
    expect(r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      "a.yaml: parameters.hukou_conv_rate_migrant: {scale: 3} of the inherited value gives 0.3, outside hukou_conv_rate_migrant's range [0, 0.2] 1/year (line 4, column 39)",
    ]);
  });

  test('a scale that is not a number ≥ 0, or an extra key, is refused before merging', () => {
    const r = check({ 'a.yaml': yaml('parameters: {hukou_conv_rate_migrant: {scale: -1, by: 2}}') });
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "parameters.hukou_conv_rate_migrant.scale: got -1 — expected {scale: k} with a number k ≥ 0 (k × the inherited value) (line 3, column 47)",
      "parameters.hukou_conv_rate_migrant.by: unknown field 'by' — expected one of scale (line 3, column 51)",
    ]);
  });

  test('scaleDistribution scales supports and keeps shapes and weights', () => {
    expect(scaleDistribution({ dist: 'beta', alpha: 2, beta: 5, min: 1, max: 3 }, 2)).toEqual({ dist: 'beta', alpha: 2, beta: 5, min: 2, max: 6 });
    expect(scaleDistribution({ dist: 'normal', mean: 1, sd: 0.5, max: 2 }, 3)).toEqual({ dist: 'normal', mean: 3, sd: 1.5, max: 6 });
    expect(scaleDistribution({ dist: 'discrete', values: [1, 2], weights: [3, 1] }, 0.5)).toEqual({ dist: 'discrete', values: [0.5, 1], weights: [3, 1] });
  });
});
