import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestIds } from '../../src/util/suggest.js';
import { indicatorIds } from '../../src/catalog/index.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('hukuo', 'hukou')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('城镇化率', '城镇化')).toBe(1);
  });

  it('is a symmetric, zero-on-equal measure bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
        expect(d).toBeGreaterThanOrEqual(Math.abs([...a].length - [...b].length));
      }),
    );
  });
});

describe('suggestIds', () => {
  it('finds the nearest indicator ids', () => {
    expect(suggestIds('urbanisation.rat', indicatorIds)).toEqual(['urbanisation.rate']);
    expect(suggestIds('land.transfer-shar', indicatorIds)[0]).toBe('land.transfer-share');
    expect(suggestIds('educaton', ['integration', 'education', 'land'])).toEqual(['education']);
  });

  it('falls back to ids containing the input', () => {
    expect(suggestIds('hukou', indicatorIds)).toEqual(['urbanisation.hukou-rate', 'urbanisation.hukou-gap']);
  });

  it('suggests nothing for unrelated input or an exact match', () => {
    expect(suggestIds('zzzzzzzz', indicatorIds)).toEqual([]);
    expect(suggestIds('land', ['land'])).toEqual([]);
  });

  it('didYouMean formats one or several suggestions', () => {
    expect(didYouMean('lnd', ['land', 'reform'])).toBe("; did you mean 'land'?");
    expect(didYouMean('ab', ['abc', 'abd'])).toBe("; did you mean 'abc' or 'abd'?");
    expect(didYouMean('qqqq', ['land'])).toBe('');
  });
});
