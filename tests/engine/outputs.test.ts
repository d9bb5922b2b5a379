import { describe, expect, it } from 'vitest';
import { compileModel, outputLayout } from '../../src/engine/index.js';
import { aux, flow, input, lever, spec, stock } from './helpers.js';

describe('outputs view', () => {
  const m = compileModel(
    spec(
      [stock('s', 'person', '100', ['inflow']), flow('inflow', 'person/year', 'k'), input('k', 'person/year'), aux('twice', 'person', '2 * s')],
      ['s', 'twice'],
    ),
    [lever('k', 12, 'person/year')],
  );

  it('reads series and single years by id, from simulate or from a run’s vector', () => {
    const outputs = m.simulate();
    expect(Array.from(outputs.series('s'))).toEqual([100, 112, 124, 136, 148, 160].map((x) => expect.closeTo(x, 9)));
    expect(outputs.at('twice', 2013)).toBeCloseTo(272, 9);
    const out = m.run({ k: 24 });
    expect(m.layout.view(out).at('s', 2015)).toBeCloseTo(220, 9);
    // A series is a view into the vector, not a copy.
    expect(m.layout.view(out).series('twice').buffer).toBe(out.buffer);
  });

  it('gives cell indices for per-cell statistics, −1 for what is not reported', () => {
    expect(m.layout.cell('s', 2010)).toBe(0);
    expect(m.layout.cell('twice', 2011)).toBe(7);
    expect(m.layout.cell('twice', 2016)).toBe(-1);
    expect(m.layout.cell('twice', 2012.5)).toBe(-1);
    expect(m.layout.cell('nope', 2012)).toBe(-1);
    expect(m.layout.size).toBe(12);
  });

  it('names an unknown output with the nearest ids, and a year outside the run with the range', () => {
    const outputs = m.simulate();
    expect(() => outputs.series('twise')).toThrow('no output `twise`; nearest ids: `twice`');
    expect(() => outputs.at('s', 2020)).toThrow('year 2020 is not reported (the run reports 2010–2015)');
    expect(() => outputLayout(['a'], [2010, 2011]).view(new Float64Array(1))).toThrow('output buffer has length 1; needs at least 2');
  });
});
