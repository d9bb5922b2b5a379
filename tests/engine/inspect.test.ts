import { describe, expect, it } from 'vitest';
import { inspectModel } from '../../src/engine/index.js';
import { aux, flow, input, spec, stock } from './helpers.js';

describe('inspectModel', () => {
  it('lists variables with what they read, the evaluation order and each stock’s flows', () => {
    const m = spec([
      aux('late', 'person/year', 'early * 2'),
      stock('pop', 'person', 'p0', ['births'], ['deaths']),
      flow('births', 'person/year', 'late + pop * k'),
      flow('deaths', 'person/year', 'pop * k / 2'),
      aux('early', 'person/year', 'pop * k'),
      input('k', '1/year', 'birth_rate'),
      input('p0', 'person'),
    ]);
    const info = inspectModel(m);
    // Each right after what it reads (`late` after `early`, `births` after `late`), otherwise in declaration order.
    expect(info.evaluationOrder).toEqual(['early', 'late', 'births', 'deaths']);
    expect(info.initialOrder).toEqual(['pop']);
    expect(info.stocks).toEqual([{ id: 'pop', inflows: ['births'], outflows: ['deaths'] }]);
    const births = info.variables.find((v) => v.id === 'births');
    expect(births).toEqual({
      id: 'births',
      kind: 'flow',
      unit: 'person/year',
      doc: 'births',
      subsystem: 'test',
      expression: 'late + pop * k',
      reads: ['late', 'pop', 'k'],
    });
    expect(info.variables.find((v) => v.id === 'k')?.expression).toBe('birth_rate');
    expect(info.variables.map((v) => v.id)).toEqual(['late', 'pop', 'births', 'deaths', 'early', 'k', 'p0']);
  });
});
