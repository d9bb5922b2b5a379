import { describe, expect, it } from 'vitest';
import { parseObservationsCsv, readObservationsCsv } from '../../src/analysis/index.js';
import { InputError } from '../../src/errors.js';

const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('observations from CSV', () => {
  it('reads id, year, value and an optional weight in any column order, ignoring other columns and blank lines', () => {
    const text = '\uFEFFsource,Year,id,value,weight\r\nbulletin,2011,population.resident,8737700,\r\n\r\nx,2012,population.resident,8801700,2\r\n';
    expect(parseObservationsCsv(text, 'obs.csv')).toEqual([
      { id: 'population.resident', year: 2011, value: 8737700 },
      { id: 'population.resident', year: 2012, value: 8801700, weight: 2 },
    ]);
  });

  it('names the file, line and column of every bad cell at once', () => {
    const text = 'id,year,value,weight\nx,20x2,1\n,2012,abc,-1\nx,2013,1\nx,2013,2\n';
    expect(problems(() => parseObservationsCsv(text, 'obs.csv'))).toEqual([
      "obs.csv: line 2, year: got '20x2' — expected a four-digit year, e.g. 2012",
      'obs.csv: line 3, id: is empty — expected an output id such as population.resident',
      "obs.csv: line 3, value: got 'abc' — expected a number in the output's model unit",
      "obs.csv: line 3, weight: got '-1' — expected a number ≥ 0 (or an empty cell for 1)",
      'obs.csv: line 5: x in 2013 is observed twice (lines 4 and 5) — expected one value per output and year',
    ]);
  });

  it('refuses a header without the required columns, an empty file and a missing file', () => {
    expect(problems(() => parseObservationsCsv('indicator,year,value\n', 'a.csv'))).toEqual(["a.csv: line 1: the header has no id column — expected columns id,year,value[,weight], got 'indicator,year,value'"]);
    expect(problems(() => parseObservationsCsv('id,year,value\n', 'a.csv'))).toEqual(['a.csv: : has no observations — expected rows id,year,value below the header']);
    expect(problems(() => readObservationsCsv('no/such.csv', '/tmp'))[0]).toBe('no/such.csv: : cannot read the file: no such file — expected a CSV file with columns id,year,value[,weight]');
    expect(problems(() => readObservationsCsv('.', '/tmp'))[0]).toMatch(/cannot read the file: it is a directory/);
  });
});
