/**
 * Property tests over every lever: any value within its range (integer for integer levers),
 * constant or schedule, validates; any value outside fails with exactly one problem that names the
 * lever's range. Run on the fixture levers and on the model's real levers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ParamRecord } from '../../src/params/types.js';
import { completeContext } from '../../src/scenario/context.js';
import { ScenarioLoader } from '../../src/scenario/load.js';
import { range } from '../../src/scenario/messages.js';
import { params as realLevers } from '../../src/params/index.js';
import { DIR, INDICATOR_LOOKUP, LEVERS, memoryFs } from './fixtures.js';

function checkValue(levers: readonly ParamRecord[], id: string, value: unknown) {
  const text = JSON.stringify({ id: 'p', title: { zh: '性质', en: 'Property' }, parameters: { [id]: value } });
  const ctx = completeContext({ cwd: DIR, fs: memoryFs({ 'p.json': text }) }, { params: levers, indicators: INDICATOR_LOOKUP });
  return new ScenarioLoader(ctx).check('p.json');
}

const inRange = (p: ParamRecord): fc.Arbitrary<number> =>
  p.integer
    ? fc.integer({ min: Math.ceil(p.range.min), max: Math.floor(p.range.max) })
    : fc.double({ min: p.range.min, max: p.range.max, noNaN: true, noDefaultInfinity: true });

const outOfRange = (p: ParamRecord): fc.Arbitrary<number> => {
  const { min, max } = p.range;
  if (p.integer) {
    // Integer levers: stay on integers so the only problem is the range.
    return fc.oneof(fc.integer({ min: Math.ceil(min) - 1000, max: Math.ceil(min) - 1 }), fc.integer({ min: Math.floor(max) + 1, max: Math.floor(max) + 1000 }));
  }
  const width = Math.max(1, max - min);
  return fc
    .oneof(
      fc.double({ min: min - 10 * width, max: min, noNaN: true, maxExcluded: true, noDefaultInfinity: true }),
      fc.double({ min: max, max: max + 10 * width, noNaN: true, minExcluded: true, noDefaultInfinity: true }),
    )
    .filter((x) => x < min || x > max); // fast-check orders −0 below 0; numerically it is inside
};

const scheduleOf = (values: fc.Arbitrary<number>) =>
  fc.dictionary(fc.integer({ min: 2010, max: 2015 }).map(String), values, { minKeys: 1, maxKeys: 4 });

function properties(levers: readonly ParamRecord[]) {
  test.each(levers.map((p) => [p.id, p] as const))('%s: values in range validate, constant or schedule', (_id, p) => {
    fc.assert(
      fc.property(fc.oneof(inRange(p), scheduleOf(inRange(p))), (v) => {
        const r = checkValue(levers, p.id, v);
        expect(r.problems).toEqual([]);
        expect(r.scenario).not.toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  test.each(levers.map((p) => [p.id, p] as const))('%s: a value outside the range fails naming the range', (_id, p) => {
    fc.assert(
      fc.property(outOfRange(p), fc.boolean(), (v, asSchedule) => {
        const r = checkValue(levers, p.id, asSchedule ? { 2013: v } : v);
        expect(r.scenario).toBeNull();
        expect(r.problems).toHaveLength(1);
        const problem = r.problems[0]!;
        expect(problem.path).toBe(asSchedule ? `parameters.${p.id}.2013` : `parameters.${p.id}`);
        expect(problem.message).toContain(`value ${v} is outside the range of lever ${p.id}`);
        expect(problem.message).toContain(`expected a number in ${range(p.range.min, p.range.max, p.unit)}`);
      }),
      { numRuns: 40 },
    );
  });
}

describe('fixture levers', () => properties(LEVERS));
describe('the model levers', () => properties(realLevers));
