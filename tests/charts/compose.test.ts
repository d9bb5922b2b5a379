import { describe, expect, it } from 'vitest';
import { latinPunctuation } from '../../src/charts/compose.js';

describe('latinPunctuation', () => {
  it('straightens curly quotes inside English words and keeps full-width quotes around Chinese', () => {
    expect(latinPunctuation("urban employees’ medical insurance")).toBe("urban employees' medical insurance");
    expect(latinPunctuation('the “plan” as written')).toBe('the "plan" as written');
    expect(latinPunctuation('杭州市“十二五”规划')).toBe('杭州市“十二五”规划');
  });
  it('narrows the full-width minus sign before a number to an en dash', () => {
    expect(latinPunctuation('approvals −20 % in five years')).toBe('approvals –20 % in five years');
    expect(latinPunctuation('gap − 3')).toBe('gap – 3');
    expect(latinPunctuation('a − b')).toBe('a − b');
  });
  it('walks a whole spec: nested titles, data values, arrays', () => {
    const spec = { title: { text: 'residents’ pension' }, data: { values: [{ series: 'migrants’ coverage', v: 1 }] }, n: 3 };
    expect(latinPunctuation(spec)).toEqual({ title: { text: "residents' pension" }, data: { values: [{ series: "migrants' coverage", v: 1 }] }, n: 3 });
  });
});
