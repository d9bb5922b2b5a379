/**
 * The loop finder (src/engine/loops.ts) on graphs with known answers, and on the model: every
 * documented loop is found in the model graph with the polarity its documentation states.
 */
import { describe, expect, it } from 'vitest';
import { countLoops, elementaryCycles, loopThrough, shortestIndependentLoops, type CausalGraph } from '../../src/engine/loops.js';
import { loopReport } from '../../src/models/loop-report.js';
import { documentedLoops } from '../../src/models/loops.js';

/** A causal graph from adjacency lists (all links read by equations). */
function graph(adjacency: readonly (readonly number[])[]): CausalGraph {
  const nodes = adjacency.map((_, i) => `v${i}`);
  return {
    nodes,
    successors: adjacency.map((list) => list.map((to) => ({ to, kind: 'equation' as const }))),
    index: new Map(nodes.map((n, i) => [n, i])),
    kindOf: new Map(nodes.map((n) => [n, 'aux' as const])),
    subsystemOf: new Map(nodes.map((n) => [n, 's'])),
    expressionOf: new Map(nodes.map((n) => [n, '0'])),
  };
}

const allCycles = (adjacency: readonly (readonly number[])[], maxLength = 40): string[] => {
  const found: string[] = [];
  elementaryCycles(adjacency, maxLength, (c) => (found.push(c.join('-')), true));
  return found.sort();
};

describe('elementary cycles (Johnson)', () => {
  it('finds the 5 cycles of the complete digraph on 3 nodes (three 2-cycles, two 3-cycles) and self-loops', () => {
    expect(allCycles([[1, 2], [0, 2], [0, 1]])).toEqual(['0-1', '0-1-2', '0-2', '0-2-1', '1-2']);
    expect(allCycles([[0, 1], [0]])).toEqual(['0', '0-1']);
  });
  it('counts Σ C(n,k)(k−1)! cycles of the complete digraph on 5 nodes (84), and honours the length bound', () => {
    const k5 = [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].filter((j) => j !== i));
    expect(allCycles(k5)).toHaveLength(10 + 20 + 30 + 24);
    expect(allCycles(k5, 2)).toHaveLength(10);
    expect(countLoops(graph(k5), 50)).toEqual({ count: 50, complete: false });
    expect(countLoops(graph(k5), 1000)).toEqual({ count: 84, complete: true });
  });
  it('a DAG has none', () => {
    expect(allCycles([[1, 2], [2], []])).toEqual([]);
  });
});

describe('shortest independent loop set and loops through variables', () => {
  const g = graph([[1], [2, 0], [0, 3], [2]]); // 0→1→2→0, 0↔1, 2↔3
  it('covers every link that lies on a loop, each loop adding a new link', () => {
    const loops = shortestIndependentLoops(g).map((c) => c.join('-'));
    expect(loops.sort()).toEqual(['0-1', '0-1-2', '2-3']);
  });
  it('finds the loop through given variables in order', () => {
    expect(loopThrough(g, ['v1', 'v2'])).toEqual([1, 2, 0]);
    expect(loopThrough(g, ['v3', 'v0'])).toBeNull();
  });
});

describe('the model’s loops', () => {
  const report = loopReport({ countLimit: 100 });

  it('every documented loop is found in the graph, with the polarity its documentation states', () => {
    for (const { spec, loop } of report.documented) {
      expect(loop, spec.id).not.toBeNull();
      expect(loop?.polarity, spec.id).toBe(spec.polarity);
      for (const v of spec.through) expect(loop?.variables, `${spec.id} passes ${v}`).toContain(v);
    }
    expect(report.documented.map((d) => d.spec.id)).toEqual(documentedLoops.map((d) => d.id));
  });

  it('at least five documented loops cross subsystems, and the independent set holds more', () => {
    const crossing = report.documented.filter((d) => (d.loop?.subsystems.length ?? 0) > 1);
    expect(crossing.length).toBeGreaterThanOrEqual(5);
    expect(report.loops.filter((l) => l.subsystems.length > 1).length).toBeGreaterThanOrEqual(20);
    expect(report.totalLoops).toBe(100);
    expect(report.countComplete).toBe(false);
  });

  it('link signs are read from the equations: inflows +, outflows −, and numerically elsewhere', () => {
    const settlement = report.documented.find((d) => d.spec.id === 'B-settlement')?.loop;
    const link = (from: string, to: string) => settlement?.links.find((l) => l.from === from && l.to === to);
    expect(link('migrant_qualifying', 'migrant_settled')).toMatchObject({ kind: 'inflow' });
    expect(new Set(link('migrant_qualifying', 'migrant_settled')?.signs)).toEqual(new Set([1]));
    expect(new Set(link('conv_migrant_settled', 'cov_migrant_change')?.signs)).toEqual(new Set([-1]));
  });
});
