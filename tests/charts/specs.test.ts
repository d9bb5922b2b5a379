import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileChart } from '../../src/charts/index.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { chartCases, snapshotText } from './cases.js';

const require = createRequire(import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const validateVegaLite = ajv.compile(require('vega-lite/vega-lite-schema.json') as object);

describe('chart specs', () => {
  for (const c of chartCases) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${c.kind} (${lang}) is a valid Vega-Lite spec that compiles without warnings`, () => {
        const spec = c.build(lang, c.size);
        const valid = validateVegaLite(spec);
        expect(validateVegaLite.errors ?? [], JSON.stringify(validateVegaLite.errors?.slice(0, 3))).toEqual([]);
        expect(valid).toBe(true);
        const { warnings } = compileChart(spec);
        expect(warnings).toEqual([]);
      });
    }
    it.skipIf(c.snapshot === false)(`${c.kind} spec matches its inspected snapshot`, async () => {
      await expect(snapshotText(c.build('zh', c.size), PACKAGE_VERSION)).toMatchFileSnapshot(`./__snapshots__/${c.kind}.zh.vl.json`);
    });
  }
});

describe('the schema check itself', () => {
  it('rejects a spec Vega-Lite does not know', () => {
    expect(validateVegaLite({ mark: 'pie-chart', data: { values: [] } })).toBe(false);
  });
});
