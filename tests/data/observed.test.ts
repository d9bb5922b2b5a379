import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, planTargets } from '../../src/catalog/index.js';
import {
  bundledObservedPath,
  LAST_FITTED_YEAR,
  observations,
  OBSERVED_COLUMNS,
  parseObserved,
  quoteStatesValue,
  readObserved,
} from '../../src/data/observed.js';
import { observables } from '../../src/data/observables.js';
import { StatedUnits, statedUnitNames, statedUnitsFor, toModelUnit } from '../../src/data/units.js';
import { InputError } from '../../src/errors.js';
import { params } from '../../src/params/index.js';
import { toCsv } from '../../src/util/csv.js';

const rows = readObserved();

/** A valid row; tests change one field at a time. */
const BASE: Record<(typeof OBSERVED_COLUMNS)[number], string> = {
  id: 'population.resident',
  year: '2008',
  value: '796.6',
  unit: '万人',
  period: 'year-end',
  scope: '全市',
  trust: 'A',
  role: 'primary',
  source_title: 'A bulletin',
  source_url: 'http://example.org/bulletin',
  quote: '全市常住人口796.6万人',
  notes: '',
};
type Row = Partial<typeof BASE>;
const csv = (...rs: Row[]): string => toCsv(OBSERVED_COLUMNS, rs.map((r) => OBSERVED_COLUMNS.map((c) => r[c] ?? BASE[c])));

/** The problems parseObserved reports for `text`, formatted as users see them. */
function problemsOf(text: string): string[] {
  try {
    parseObserved(text, 'fixture.csv');
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  return [];
}

describe('the shipped data/observed/hangzhou.csv', () => {
  it('validates, and opens in Excel as UTF-8 (byte-order mark, CRLF records)', () => {
    expect(rows.length).toBeGreaterThan(80);
    const text = readFileSync(bundledObservedPath(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${OBSERVED_COLUMNS.join(',')}`);
  });

  it('converts stated figures to model units (known answers)', () => {
    const value = (id: string, year: number, role = 'primary') => rows.find((r) => r.id === id && r.year === year && r.role === role);
    expect(value('population.resident', 2008)).toMatchObject({ value: 7966000, unit: '人', stated: { value: '7.966', unit: 'million persons' }, trust: 'A' });
    expect(value('population.resident', 2010)).toMatchObject({ value: 8700400, unit: '人', period: expect.stringContaining('2010-11-01') });
    expect(value('population.resident', 2010, 'corroboration')?.value).toBe(8700400);
    expect(value('economy.gdp', 2008)).toMatchObject({ value: 4781.16, unit: '亿元' });
    expect(value('economy.gdp', 2012, 'corroboration')).toMatchObject({ value: 7803.98, stated: { value: '780.398', unit: 'billion yuan' } });
    expect(value('population.resident-increase', 2012)).toMatchObject({ value: 64000, unit: '人/年' });
    expect(value('land.farmland-area', 2009)?.value).toBeCloseTo(325.27e4 / 15, 4);
    expect(value('milestone.hzbank-listing', 2016)).toMatchObject({ value: 2016, kind: 'milestone' });
  });

  it('never lets an aggregator stand as the primary figure, and has one primary row per id and year', () => {
    const primary = rows.filter((r) => r.role === 'primary');
    expect(primary.filter((r) => r.trust === 'D')).toEqual([]);
    const keys = primary.map((r) => `${r.id} ${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the 2014 income-survey break visible: rural 纯收入 ends in 2013, rural disposable income starts in 2014', () => {
    const years = (id: string) => rows.filter((r) => r.id === id && r.role === 'primary').map((r) => r.year);
    expect(Math.max(...years('income.rural-net'))).toBe(2013);
    expect(Math.min(...years('income.rural-disposable'))).toBe(2014);
  });

  it('observations() gives the fit set: primary model outputs up to the cut-off, no milestones or corroboration', () => {
    const fit = observations(rows, { through: LAST_FITTED_YEAR });
    expect(fit.length).toBeGreaterThan(30);
    expect(fit.every((o) => o.year <= LAST_FITTED_YEAR)).toBe(true);
    expect(fit.some((o) => o.id.startsWith('milestone.'))).toBe(false);
    expect(Object.keys(fit[0] ?? {}).sort()).toEqual(['id', 'value', 'year']);
    const primaryFit = rows.filter((r) => r.role === 'primary' && r.kind === 'output' && r.year <= LAST_FITTED_YEAR);
    expect(fit).toHaveLength(primaryFit.length);
    const outOfSample = observations(rows, { from: LAST_FITTED_YEAR + 1, ids: ['economy.gdp'] });
    expect(outOfSample.map((o) => o.year)).toEqual([2014, 2015]);
    expect(outOfSample[1]?.value).toBe(10050.21);
  });
});

describe('observables', () => {
  it('ids that are catalog indicators use the catalog unit', () => {
    for (const o of observables) {
      const indicator = catalog.find((i) => i.id === o.id);
      if (indicator) expect(`${o.id}: ${indicator.unit}`).toBe(`${o.id}: ${o.unit}`);
    }
  });

  it('each milestone is a catalog milestone target judged on the lever named', () => {
    const milestones = observables.filter((o) => o.kind === 'milestone');
    expect(milestones.length).toBeGreaterThan(0);
    for (const m of milestones) {
      const target = planTargets.find((t) => t.id === m.id);
      expect(target).toMatchObject({ kind: 'milestone', completionParam: m.lever });
      expect(params.some((p) => p.id === m.lever)).toBe(true);
    }
  });
});

describe('unit conversion', () => {
  it('known answers', () => {
    expect(toModelUnit(796.6, '万人')).toBe(7966000);
    expect(toModelUnit(6.7764, 'million persons')).toBe(6776400);
    expect(toModelUnit(3.76, '万人/年')).toBe(37600);
    expect(toModelUnit(780.398, 'billion yuan')).toBe(7803.98);
    expect(toModelUnit(12345, '万元')).toBe(1.2345);
    expect(toModelUnit(15, '亩')).toBe(1);
    expect(toModelUnit(1.5, '万亩')).toBe(1000);
    expect(toModelUnit(24104, 'yuan')).toBe(24104);
  });

  it('every model unit can be stated at least in itself, and each stated unit converts to one model unit', () => {
    expect(statedUnitsFor('人')).toEqual(['人', '万人', 'million persons']);
    expect(statedUnitsFor('公顷')).toEqual(['公顷', '亩', '万亩']);
    for (const o of observables) expect(statedUnitsFor(o.unit)).toContain(o.unit);
  });

  it('is multiplication by the table factor, to 12 significant digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statedUnitNames), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (unit, v) => {
        const exact = v * StatedUnits[unit].factor;
        expect(Math.abs(toModelUnit(v, unit) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-11 + 1e-300);
      }),
    );
  });
});

describe('quoteStatesValue', () => {
  it('finds the value as written, also with thousands separators, but not inside a longer number', () => {
    expect(quoteStatesValue('reached 24,104 RMB', '24104')).toBe(true);
    expect(quoteStatesValue('2.96 2.98 3.01', '2.98')).toBe(true);
    expect(quoteStatesValue('增加17.0万人', '17.0')).toBe(true);
    expect(quoteStatesValue('增加17.0万人', '17')).toBe(false);
    expect(quoteStatesValue('达到12.6%', '2.6')).toBe(false);
    expect(quoteStatesValue('达到2.65%', '2.6')).toBe(false);
  });

  it('a decimal is found when it stands alone and never when a digit is prefixed', () => {
    const decimal = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => `${i}.${f}`);
    fc.assert(
      fc.property(decimal, (s) => {
        expect(quoteStatesValue(`常住人口${s}万人`, s)).toBe(true);
        expect(quoteStatesValue(`常住人口1${s}万人`, s)).toBe(false);
      }),
    );
  });
});

describe('parseObserved: every problem, with file, line, column and what was expected', () => {
  it('accepts a minimal valid file and keeps stated and model values', () => {
    const [row] = parseObserved(csv({}), 'fixture.csv');
    expect(row).toMatchObject({ id: 'population.resident', year: 2008, value: 7966000, line: 2, sample: 'fit', stated: { value: '796.6', unit: '万人' } });
    expect(parseObserved(csv({ year: '2014', quote: '2014年常住人口796.6万人' }), 'f.csv')[0]?.sample).toBe('out-of-sample');
  });

  it('empty file', () => {
    expect(problemsOf('\uFEFF\r\n')).toEqual([`fixture.csv: the file is empty — expected a header line: ${OBSERVED_COLUMNS.join(',')}`]);
  });

  it('header: missing, unknown and repeated columns', () => {
    const header = OBSERVED_COLUMNS.filter((c) => c !== 'trust').map((c) => (c === 'notes' ? 'note' : c));
    expect(problemsOf(`${[...header, 'quote'].join(',')}\r\n`)).toEqual([
      `fixture.csv: line 1, header: unknown column 'note'; did you mean 'notes', 'role' or 'quote'? — expected only the columns ${OBSERVED_COLUMNS.join(', ')}`,
      "fixture.csv: line 1, header: column 'quote' appears more than once — expected each column once",
      `fixture.csv: line 1, header: missing column 'trust' — expected the columns ${OBSERVED_COLUMNS.join(', ')}`,
      `fixture.csv: line 1, header: missing column 'notes' — expected the columns ${OBSERVED_COLUMNS.join(', ')}`,
    ]);
  });

  it('wrong field count and an unclosed quote', () => {
    const text = `${OBSERVED_COLUMNS.join(',')}\r\npopulation.resident,2008,796.6\r\n`;
    expect(problemsOf(text)).toEqual(['fixture.csv: line 2: has 3 fields, expected 12 as in the header — a field containing a comma must be in double quotes']);
    const unclosed = `${csv({}).trimEnd()}\r\npopulation.resident,"2009\r\n`;
    expect(problemsOf(unclosed)[0]).toBe('fixture.csv: line 3: a quoted field starting here is never closed — expected a closing double quote (")');
  });

  it('ids, years, values, units, trust and role', () => {
    expect(
      problemsOf(
        csv(
          { id: 'population.residnet' },
          { year: '08', value: '8,700,373', quote: '8,700,373' },
          { unit: '万户' },
          { id: 'urbanisation.rate', quote: '城镇化率796.6' },
          { trust: 'E', role: 'main' },
          { trust: 'D' },
        ),
      ),
    ).toEqual([
      "fixture.csv: line 2, id: unknown observable 'population.residnet'; did you mean 'population.resident' or 'population.registered'? — expected one of the 23 observable ids (hzsim observed lists the ids in use)",
      "fixture.csv: line 3, year: year '08' is not a calendar year — expected a four-digit year from 1990 to 2030",
      "fixture.csv: line 3, value: value '8,700,373' is not a plain number — expected digits with an optional minus sign and decimal point, no thousands separators or units (e.g. 8700373 or 870.04)",
      "fixture.csv: line 4, unit: unknown unit '万户'; did you mean '万人', '万元' or '万亩'? — expected one of: " + Object.keys(StatedUnits).join(', '),
      "fixture.csv: line 5, unit: unit '万人' converts to 人, but urbanisation.rate is measured in % — expected one of: %",
      "fixture.csv: line 6, trust: trust 'E' — expected A, B, C, D (A official government or statistics site; B mainstream news quoting officials or the statistics bureau; C a mirror of an official document or journal article; D an aggregator or repost (corroboration only))",
      "fixture.csv: line 6, role: role 'main' — expected primary or corroboration",
      'fixture.csv: line 7, role: trust D (an aggregator or repost) may only corroborate — expected role corroboration, or a better source for the primary row',
    ]);
  });

  it('empty required fields and a quote that does not state the value', () => {
    expect(problemsOf(csv({ source_url: '', quote: '常住人口79.66万人' }))).toEqual([
      "fixture.csv: line 2, source_url: source_url is empty — expected the source's URL, or the document it comes from",
      "fixture.csv: line 2, quote: the quote does not state the value '796.6' as written — expected the source's own words containing the figure",
    ]);
  });

  it('a second primary row for the same figure, and a repeated row', () => {
    const other = { source_url: 'http://example.org/other', role: 'corroboration' };
    expect(problemsOf(csv({}, other, { source_url: 'http://example.org/third' }, {}))).toEqual([
      'fixture.csv: line 4, role: a second primary row for population.resident 2008 (the first is on line 2) — expected at most one primary row per id and year; mark the others corroboration',
      'fixture.csv: line 5: repeats line 2 (same id, year, source URL and value) — expected each figure once',
    ]);
  });

  it('names the right line when a quoted field spans lines', () => {
    expect(problemsOf(csv({ notes: 'first\r\nsecond' }, { trust: 'X' }))[0]).toMatch(/^fixture\.csv: line 4, trust: /);
  });

  describe('readObserved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzsim-observed-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a missing file as bad input', () => {
      expect(() => readObserved(join(dir, 'none.csv'), 'none.csv')).toThrow('none.csv: cannot read the file: no such file');
    });

    it('reads a file of the same format', () => {
      const path = join(dir, 'mine.csv');
      writeFileSync(path, csv({}, { year: '2009', value: '810', quote: '810万人' }));
      expect(readObserved(path).map((r) => r.value)).toEqual([7966000, 8100000]);
    });
  });
});
