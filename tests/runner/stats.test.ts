import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ss from 'simple-statistics';
import { orderQuantiles, quantileSorted, RunMatrix, summarise } from '../../src/runner/stats.js';

describe('quantileSorted', () => {
  it('interpolates at (n − 1)·p: worked example [1, 2, 3, 4]', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted([7], 0.05)).toBe(7);
  });
  it('agrees with simple-statistics quantileSorted on known and random samples', () => {
    const known = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(quantileSorted(known, p)).toBe(ss.quantileSorted(known, p));
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.constantFrom(0.05, 0.25, 0.5, 0.75, 0.95), (xs, p) => {
        const sorted = [...xs].sort((a, b) => a - b);
        return quantileSorted(sorted, p) === ss.quantileSorted(sorted, p);
      }),
    );
  });
  it('rejects an empty sample', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(/empty/);
  });
});

describe('summarise and RunMatrix', () => {
  it('ignores NaN and returns null for an all-NaN cell', () => {
    const s = summarise(Float64Array.from([4, NaN, 1, 3, 2]));
    expect(s).toEqual({ n: 4, mean: 2.5, p05: 1.15, p25: 1.75, p50: 2.5, p75: 3.25, p95: 3.8499999999999996 });
    expect(summarise(Float64Array.from([NaN, NaN]))).toBeNull();
  });
  it('stores runs cell-major and summarises each output × year cell', () => {
    const m = new RunMatrix(3, 4);
    m.setRun(2, [30, 300, 3000]);
    m.setRun(0, [10, 100, 1000]);
    m.setRuns(1, 1, Float64Array.from([20, 200, 2000]));
    m.setRun(3, [40, 400, NaN]);
    expect([...m.cell(1)]).toEqual([100, 200, 300, 400]);
    const sums = m.summarise();
    expect(sums[0]?.mean).toBe(25);
    expect(sums[2]?.n).toBe(3);
    expect(sums[2]?.p50).toBe(2000);
  });
});

describe('orderQuantiles (selection instead of a full sort)', () => {
  const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
  it('gives exactly the values quantileSorted gives on the sorted sample, for any sample', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 2000 }), (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const expected = levels.map((p) => quantileSorted(sorted, p));
        expect(Array.from(orderQuantiles(Float64Array.from(xs)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
  it('handles samples with many ties and the Floyd–Rivest range (> 600 values)', () => {
    const xs = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 13); // 13 distinct values
    const sorted = Float64Array.from(xs).sort();
    expect(Array.from(orderQuantiles(Float64Array.from(xs)))).toEqual(levels.map((p) => quantileSorted(sorted, p)));
  });
});
