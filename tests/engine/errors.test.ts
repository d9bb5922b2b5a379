import { describe, expect, it } from 'vitest';
import { compileModel, inspectModel, type VarDef } from '../../src/engine/index.js';
import { ModelError } from '../../src/errors.js';
import { aux, flow, input, lever, spec, stock } from './helpers.js';

const build = (vars: VarDef[], params = [lever('k', 1, '1/year')], options = {}) => () => compileModel(spec(vars), params, options);
const expectModelError = (f: () => unknown, ...parts: string[]) => {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ModelError);
  for (const p of parts) expect((caught as Error).message).toContain(p);
  return (caught as Error).message;
};

describe('structure', () => {
  it('refuses a cycle among auxiliaries, naming it in data-flow order from its first declared member', () => {
    const msg = expectModelError(
      build([aux('x', '1', 'z + 1'), aux('ok', '1', '2'), aux('y', '1', 'x * 2'), aux('z', '1', 'y - ok')]),
      'cycle: x → y → z → x',
    );
    expect(msg).not.toContain('ok');
  });

  it('refuses a cycle through a flow but not one broken by a stock', () => {
    expectModelError(build([stock('s', 'person', '1', ['f']), flow('f', 'person/year', 'g'), flow('g', 'person/year', 'f')]), 'cycle: f → g → f');
    expect(build([stock('s', 'person', '1', ['f']), flow('f', 'person/year', 's * k'), input('k', '1/year')])).not.toThrow();
  });

  it('refuses a cycle among stock initials', () => {
    expectModelError(build([stock('a', 'person', 'b'), stock('b', 'person', 'a')]), 'cycle: a → b → a', 'stock initials');
  });

  it('refuses an initial that reads an auxiliary', () => {
    expectModelError(build([stock('a', 'person', 'x'), aux('x', 'person', '1')]), 'initial of stock `a`', 'reads aux `x`');
  });

  it('names the unknown symbol, the variable, its expression and the nearest ids', () => {
    expectModelError(
      build([aux('rural_hukou', 'person', '1'), aux('urban_hukou', 'person', '2'), aux('total', 'person', 'rural_hukuo + urban_hukou')]),
      'unknown symbol `rural_hukuo`',
      'equation of `total` = `rural_hukuo + urban_hukou`',
      'nearest ids: `rural_hukou`',
    );
  });

  it.each([
    ['a % 2', 'operator `%`'],
    ['sin(a)', 'function `sin`'],
    ['2 a', 'implicit multiplication'],
    ['a and 1', 'operator `and`'],
    ['[a, 1]', 'ArrayNode'],
    ['clamp(a, 1)', '`clamp` with 2 argument(s) (expected 3)'],
    ['50%', 'percentage'],
    ['x = 3', 'AssignmentNode'],
  ])('refuses %s (outside the equation language)', (equation, part) => {
    expectModelError(build([aux('a', '1', '1'), aux('b', '1', equation)]), 'equation of `b`', part);
  });

  it('refuses duplicate ids, reserved ids, and stocks listing non-flows', () => {
    expectModelError(build([aux('a', '1', '1'), aux('a', '1', '2')]), 'duplicate variable id `a`');
    expectModelError(build([aux('time', '1', '1')]), '`time`', 'reserved');
    expectModelError(build([stock('s', 'person', '1', ['a']), aux('a', 'person/year', '1')]), 'stock `s` lists `a` in its inflows', 'is a aux, not a flow');
    expectModelError(build([stock('s', 'person', '1', [], ['nope'])]), 'no variable has that id');
  });

  it('lets one flow leave one stock and enter another', () => {
    expect(
      build([stock('a', 'person', '1', [], ['f']), stock('b', 'person', '0', ['f']), flow('f', 'person/year', 'a * k'), input('k', '1/year')]),
    ).not.toThrow();
  });
});

describe('units', () => {
  it('refuses person + hectare at build time', () => {
    expectModelError(
      build([input('pop', 'person', 'k'), aux('land_area', 'hectare', '5'), aux('x', 'person', 'pop + land_area')], [lever('k', 1, 'person')]),
      'unit mismatch in aux `x` = `pop + land_area`: cannot add person and hectare',
    );
  });

  it('refuses a flow whose unit is not stock unit per year', () => {
    expectModelError(
      build([stock('s', 'person', '1', ['f']), flow('f', 'hectare/year', '2')]),
      'flow `f` feeds stock `s` (person) but has unit hectare/year (expected person/year)',
    );
    // An equation that yields person (not person/year) for a person/year flow.
    expectModelError(build([stock('s', 'person', '1', ['f']), flow('f', 'person/year', 's * 2')]), 'flow `f`', 'result has unit person');
  });

  it('refuses a flow feeding stocks of different units', () => {
    expectModelError(build([stock('a', 'person', '1', [], ['f']), stock('b', 'household', '1', ['f']), flow('f', 'person/year', 'a * k'), input('k', '1/year')]), 'feeds stock `b` (household)');
  });

  it('checks exp/log, comparisons, powers and lever units', () => {
    expectModelError(build([aux('p', 'person', '3'), aux('x', '1', 'exp(p)')]), 'exp needs a dimensionless argument, got person');
    expectModelError(build([aux('p', 'person', '3'), aux('h', 'hectare', '3'), aux('x', '1', 'p > h ? 1 : 0')]), 'cannot compare person and hectare');
    expectModelError(build([aux('h', 'hectare', '3'), aux('x', 'hectare', 'h ^ 2')]), 'result has unit hectare^2');
    expectModelError(build([input('k', 'person')], [lever('k', 1, 'hectare')]), 'input `k` has unit person but its lever `k` has unit hectare');
    expectModelError(build([aux('x', 'widgets', '1')]), 'unit `widgets` of aux `x`');
  });

  it('accepts consistent units: percent as dimensionless, literals adapting in sums and bounds, ramp per year', () => {
    expect(
      build(
        [
          stock('pop', 'person', '1000', ['births']),
          flow('births', 'person/year', 'pop * rate / 100'),
          input('rate', 'percent/year', 'k'),
          aux('share', 'percent', 'clamp(100 * pop / (pop + 1000), 0, 100)'),
          aux('area', 'hectare', 'max(0, sqrt(area_sq))'),
          aux('area_sq', 'hectare^2', '4'),
          aux('ramped', 'person', 'ramp(births, 2011, 2013) + step(pop, 2012)'),
          aux('late', '1', 'time >= 2012 ? exp(-dt * rate / 100) : 1'),
        ],
        [lever('k', 1, 'percent/year')],
      ),
    ).not.toThrow();
  });
});

describe('options and parameters', () => {
  const ok = [stock('s', 'person', '1', [], ['f']), flow('f', 'person/year', 's * k'), input('k', '1/year')];
  it('refuses a dt that does not divide a year', () => {
    expect(build(ok, undefined, { dt: 0.3 })).toThrow(/dt = 0.3 does not divide one year/);
    expect(build(ok, undefined, { dt: 1 / 7 })).not.toThrow();
  });

  it('refuses an input whose lever is not among the parameters, and unknown ids in run', () => {
    expectModelError(build(ok, [lever('kk', 1, '1/year')]), 'input `k` takes lever `k`', 'nearest ids: `kk`');
    const m = compileModel(spec(ok), [lever('k', 1, '1/year'), lever('unused', 2)]);
    expectModelError(() => m.run({ kay: 2 }), 'unknown parameter `kay`', 'nearest ids: `k`');
    expectModelError(() => m.prepare({ k: Number.NaN }), 'parameter `k` has value');
    // A known lever the model does not read is accepted (scenarios pass every lever).
    expect(() => m.run({ unused: 3 })).not.toThrow();
  });

  it('inspectModel reports the same problems without parameters', () => {
    expectModelError(() => inspectModel(spec([aux('a', '1', 'b'), aux('b', '1', 'a')])), 'cycle: a → b → a');
  });
});
