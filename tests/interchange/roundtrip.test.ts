/**
 * Models that travel: export → import → compile reproduces every output bit for bit, for the
 * Hangzhou model, synthetic rings and a model using every feature of the language; the files
 * themselves are kept as golden copies (reviewed when the writer changes); bad files are refused
 * naming the file, the variable and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { InputError, ModelError } from '../../src/errors.js';
import { compileModel, type CompiledModel, type ModelSpec, type SimOptions } from '../../src/engine/index.js';
import { exportModel, FORMATS, importModel, type Format } from '../../src/interchange/index.js';
import { featureModel, syntheticModel } from '../../scripts/bench/synthetic.js';
import { compiled as hangzhou } from '../models/helpers.js';
import { aux, input, lever, spec } from '../engine/helpers.js';

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

function roundTrip(m: CompiledModel, format: Format): { back: CompiledModel; text: string } {
  const text = exportModel(m, format);
  const imported = importModel(text, format, `model.${format}`);
  return { back: compileModel(imported.spec, imported.levers, imported.options), text };
}

const features = featureModel();
const featureSpec = { ...(features.spec as ModelSpec), name: 'features' };

describe.each(FORMATS)('round trip through %s', (format) => {
  it('the Hangzhou model: every output, every year, bit for bit; the same outputs, levers and options', () => {
    const m = hangzhou();
    const { back } = roundTrip(m, format);
    expect(back.outputIds).toEqual(m.outputIds);
    expect(back.options).toEqual(m.options);
    expect(sameBits(back.run(), m.run())).toBe(true);
    // Levers keep their defaults and ranges, so runs with other values agree too.
    expect(back.levers.map((l) => [l.id, l.default, l.range])).toEqual(m.levers.map((l) => [l.id, l.default, l.range]));
    const other = m.levers.find((l) => l.id !== 'hukou_conv_rate_migrant' && l.range !== undefined && typeof l.default === 'number');
    const given = { hukou_conv_rate_migrant: 0.07, [other?.id ?? '']: { 2012: other?.range?.min ?? 0, 2014: other?.range?.max ?? 0 } };
    expect(sameBits(back.run(given), m.run(given))).toBe(true);
  });

  it.each([100, 1000])('a ring of %i stocks', (n) => {
    const { spec: ring, inputs } = syntheticModel(n);
    const m = compileModel({ ...(ring as ModelSpec), name: `ring${n}` }, inputs);
    expect(sameBits(roundTrip(m, format).back.run(), m.run())).toBe(true);
  });

  it.each<[string, SimOptions]>([
    ['euler, monthly', {}],
    ['rk4, quarterly, to 2018', { method: 'rk4', dt: 1 / 4, until: 2018 }],
  ])('every feature of the language (%s): schedules, step, ramp, year-end copies, documentation', (_, options) => {
    const m = compileModel(featureSpec, features.inputs, options);
    const { back, text } = roundTrip(m, format);
    expect(sameBits(back.run(), m.run())).toBe(true);
    expect(back.options).toEqual(m.options);
    // Levers that vary by year are reported through year-end copies.
    expect(text).toContain(format === 'vensim' ? 'campaign at year end' : 'campaign_at_year_end');
    const lever = back.levers.find((l) => l.id === 'vaccination');
    expect(lever).toEqual({ id: 'vaccination', unit: '1/year', default: { 2011: 0, 2014: 0.3 }, interpolation: 'linear', range: { min: 0, max: 1 } });
    const doc = back.spec?.subsystems[0]?.vars.find((v) => v.id === 'mix')?.doc;
    expect(doc).toBe('mix | with ~ and &#38; in its documentation');
    expect(back.spec?.subsystems[0]).toMatchObject({ id: 'epidemic', name: { zh: '流行病', en: 'Epidemic' }, doc: 'Every feature of the language in one model.\nTwo lines.' });
  });

  it('is kept as a golden file (review the diff when the writer changes)', async () => {
    const m = compileModel(featureSpec, features.inputs, { dt: 1 / 4 });
    await expect(exportModel(m, format)).toMatchFileSnapshot(`__golden__/features.${format === 'vensim' ? 'mdl' : 'xmile'}`);
  });
});

describe('problems', () => {
  it('refuses to export names that the other tools would take for one', () => {
    const clash = compileModel(spec([input('Rate', '1'), aux('rate', '1', 'Rate * 2')], ['rate']), [lever('Rate', 1)]);
    expect(() => exportModel(clash, 'vensim')).toThrow(ModelError);
    expect(() => exportModel(clash, 'xmile')).toThrow('the names `Rate` and `rate` are the same there');
  });

  it('names the file, the variable and what was expected for what it cannot read', () => {
    const m = compileModel(featureSpec, features.inputs);
    const mdl = exportModel(m, 'vensim')
      .replace('infected / duration', 'DELAY1(infected, duration)')
      .replace(/^population = 1000$/m, 'population = RANDOM UNIFORM(0, 1, 2)');
    let problems: readonly { file: string; path: string; message: string }[] = [];
    try {
      importModel(mdl, 'vensim', 'epidemic.mdl');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      problems = (err as InputError).problems;
    }
    expect(problems).toEqual([
      { file: 'epidemic.mdl', path: 'recovery', message: 'cannot read the equation: the function DELAY1, which the engine does not have' },
      { file: 'epidemic.mdl', path: 'population', message: expect.stringContaining('a lever (a unit with [min,max]) must be a number or a schedule') },
    ]);
    expect(() => importModel('<xmile><model>', 'xmile', 'broken.xmile')).toThrow(/^broken\.xmile: /);
  });
});
