import { describe, expect, it } from 'vitest';
import { latinQuotes } from '../../src/charts/compose.js';

describe('latinQuotes', () => {
  it('straightens curly quotes inside English words and keeps full-width quotes around Chinese', () => {
    expect(latinQuotes("urban employees’ medical insurance")).toBe("urban employees' medical insurance");
    expect(latinQuotes('the “plan” as written')).toBe('the "plan" as written');
    expect(latinQuotes('杭州市“十二五”规划')).toBe('杭州市“十二五”规划');
  });
  it('walks a whole spec: nested titles, data values, arrays', () => {
    const spec = { title: { text: 'residents’ pension' }, data: { values: [{ series: 'migrants’ coverage', v: 1 }] }, n: 3 };
    expect(latinQuotes(spec)).toEqual({ title: { text: "residents' pension" }, data: { values: [{ series: "migrants' coverage", v: 1 }] }, n: 3 });
  });
});
