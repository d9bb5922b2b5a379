import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBSERVED_COLUMNS, parseObserved, readObserved } from '../../src/data/observed.js';
import { compoundAnnualRate, observedGrowth, PACE_PROXIES } from '../../src/data/paces.js';
import { toCsv } from '../../src/util/csv.js';

type Column = (typeof OBSERVED_COLUMNS)[number];
/** A coordination-score row; tests change the fields that matter. */
const BASE: Record<Column, string> = {
  id: 'integration.coordination-score',
  year: '2010',
  value: '87.4',
  unit: '分',
  period: 'calendar year',
  scope: '全市',
  trust: 'C',
  role: 'primary',
  source_title: 'A magazine article',
  source_url: 'http://example.org/article',
  quote: '综合评价从72.7分提高到了87.4分',
  notes: '',
};
const rowsOf = (...rs: Partial<Record<Column, string>>[]) =>
  parseObserved(toCsv(OBSERVED_COLUMNS, rs.map((r) => OBSERVED_COLUMNS.map((c) => r[c] ?? BASE[c]))), 'fixture.csv');

describe('observed paces from published figures', () => {
  it('known answer: 72.7 (2005) → 87.4 (2010) of one source is (87.4 / 72.7)^(1/5) − 1 = 3.75 % a year', () => {
    const [g] = observedGrowth(rowsOf({ year: '2005', value: '72.7' }, {}), ['integration.level']);
    expect(g?.rate).toBeCloseTo((87.4 / 72.7) ** 0.2 - 1, 14);
    expect(g?.rate).toBeCloseTo(0.037517, 6);
    expect(g).toMatchObject({ indicator: 'integration.level', observable: 'integration.coordination-score', from: { year: 2005, value: 72.7, line: 2 }, to: { year: 2010, value: 87.4, line: 3 } });
    expect(g?.source).toContain('72.7 分 (2005) → 87.4 分 (2010), 3.75 %/yr; A magazine article (http://example.org/article)');
    expect(g?.source).toContain(PACE_PROXIES['integration.level']?.reason);
  });

  it('an indicator is read from the observable of its own id unless it has a proxy', () => {
    const rows = rowsOf(
      { id: 'finance.rd-share', year: '2005', value: '2.0', unit: '%', quote: '由2.0%提高到2.5%' },
      { id: 'finance.rd-share', year: '2010', value: '2.5', unit: '%', quote: '由2.0%提高到2.5%' },
    );
    const [g] = observedGrowth(rows, ['finance.rd-share', 'integration.level']);
    expect(g).toMatchObject({ indicator: 'finance.rd-share', observable: 'finance.rd-share' });
    expect(g?.rate).toBeCloseTo(1.25 ** 0.2 - 1, 14);
    expect(observedGrowth(rows, ['integration.level'])).toEqual([]);
  });

  it('an end-of-2006 start gives a four-year pace when 2005 is not published; 2005 is preferred when both are', () => {
    const from2006 = observedGrowth(rowsOf({ year: '2006', value: '80', quote: '从80分提高到了87.4分' }, {}), ['integration.level']);
    expect(from2006[0]?.rate).toBeCloseTo((87.4 / 80) ** 0.25 - 1, 14);
    const both = observedGrowth(rowsOf({ year: '2006', value: '80', quote: '80分' }, { year: '2005', value: '72.7' }, {}), ['integration.level']);
    expect(both[0]?.from.year).toBe(2005);
  });

  it('no pace when the two ends come from different sources, when an end is only a corroboration, or when 2010 is missing', () => {
    expect(observedGrowth(rowsOf({ year: '2005', value: '72.7', source_url: 'http://example.org/other' }, {}), ['integration.level'])).toEqual([]);
    expect(observedGrowth(rowsOf({ year: '2005', value: '72.7', role: 'corroboration' }, {}), ['integration.level'])).toEqual([]);
    expect(observedGrowth(rowsOf({ year: '2005', value: '72.7' }, { year: '2009', value: '86', quote: '86分' }), ['integration.level'])).toEqual([]);
  });

  it('the bundled file: the integration level has a pace (the provincial score, 72.7 → 87.4); urbanisation, hukou, R&D and top-500 have none', () => {
    const growth = observedGrowth(readObserved(), ['integration.level', 'urbanisation.rate', 'urbanisation.hukou-rate', 'finance.rd-share', 'private-economy.top500-firms']);
    expect(growth.map((g) => g.indicator)).toEqual(['integration.level']);
    expect(growth[0]?.rate).toBeCloseTo((87.4 / 72.7) ** 0.2 - 1, 14);
  });

  it('property: growing the start value at the rate for the years gives the end value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 10 }), (a, b, n) => {
        const r = compoundAnnualRate(a, b, n);
        expect(a * (1 + r) ** n).toBeCloseTo(b, Math.max(0, 8 - Math.ceil(Math.log10(b + 1))));
      }),
    );
    expect(compoundAnnualRate(0, 5, 5)).toBeNaN();
    expect(compoundAnnualRate(5, 5, 0)).toBeNaN();
  });
});
