/** The shared extreme-condition checks: they pass on the model and catch a violated condition. */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import { COUNT_GROWTH_LIMIT, extremeConditions, isCount, isShare, leversAt } from '../../src/validation/extremes.js';

describe('extremeConditions', () => {
  it.each(['min', 'max'] as const)('every condition holds with every lever at its %s until 2040', (extreme) => {
    const r = extremeConditions(extreme, 2040);
    expect(r.problems).toEqual([]);
    expect(r.shareLow.value).toBeGreaterThanOrEqual(0);
    expect(r.shareHigh.value).toBeLessThanOrEqual(100 + 1e-9);
    expect(r.largestGrowth.ratio).toBeLessThanOrEqual(COUNT_GROWTH_LIMIT);
    expect(r.conservationError).toBeLessThanOrEqual(1e-9);
    for (const l of r.ledgerMinimum) expect(l.value, l.id).toBeGreaterThanOrEqual(-1e-6);
  });

  it('sets every lever to the end of its range', () => {
    const lo = leversAt('min');
    expect(Object.keys(lo)).toHaveLength(params.length);
    for (const p of params) expect(lo[p.id]).toBe(p.range.min);
  });

  it('tells shares and counts by unit', () => {
    expect(isShare('%')).toBe(true);
    expect(isShare('分 (0–100)')).toBe(true);
    expect(isShare('人')).toBe(false);
    expect(isCount('人')).toBe(true);
    expect(isCount('公顷')).toBe(true);
    expect(isCount('亿元')).toBe(false);
    expect(isCount('%')).toBe(false);
  });
});
