/** Shared set-up for the model tests: the model compiled once per option set, and lever draws. */
import fc from 'fast-check';
import { compileModel, type CompiledModel, type SimOptions } from '../../src/engine/index.js';
import { hangzhouModel } from '../../src/models/index.js';
import { params } from '../../src/params/index.js';

const cache = new Map<string, CompiledModel>();

export function compiled(options: SimOptions = {}): CompiledModel {
  const key = JSON.stringify(options);
  let m = cache.get(key);
  if (!m) {
    m = compileModel(hangzhouModel, params, options);
    cache.set(key, m);
  }
  return m;
}

/** Output `id` of a run as a plain array, one value per reporting year. */
export function seriesOf(m: CompiledModel, out: Float64Array, id: string): number[] {
  return Array.from(m.layout.view(out).series(id));
}

/** Value of output `id` in `year`. */
export function valueIn(m: CompiledModel, out: Float64Array, id: string, year: number): number {
  return m.layout.view(out).at(id, year);
}

/** Every lever drawn within its range (integers for year levers), as constants. */
export const leverDraws: fc.Arbitrary<Record<string, number>> = fc.record(
  Object.fromEntries(
    params.map((p) => [
      p.id,
      p.integer
        ? fc.integer({ min: p.range.min, max: p.range.max })
        : fc.double({ min: p.range.min, max: p.range.max, noNaN: true, noDefaultInfinity: true }),
    ]),
  ),
);
