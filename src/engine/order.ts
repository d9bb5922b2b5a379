/**
 * Structural checks and evaluation order. Stocks and inputs are known at the start of a step;
 * auxiliaries and flows are ordered so that each comes after everything it reads (otherwise in
 * declaration order, so the order is stable when the model is edited).
 * Stock initials may read inputs and other stocks' initials; they are ordered the same way.
 */
import { ModelError } from '../errors.js';
import type { StockDef, VarId } from './types.js';
import { messages } from './messages.js';
import type { FlatModel, FlatVar } from './model.js';

export interface ModelOrder {
  /** Auxiliaries and flows, each after what it reads. */
  readonly evaluation: readonly VarId[];
  /** Stocks, each after the stocks its initial reads. */
  readonly initials: readonly VarId[];
}

/** Checks stock wiring and computes both orders; throws ModelError naming the problem. */
export function orderModel(model: FlatModel): ModelOrder {
  checkStockFlows(model);
  const computed = model.vars.filter((v) => v.def.kind === 'aux' || v.def.kind === 'flow');
  const evaluation = topologicalOrder(computed, 'auxiliaries and flows');

  const stocks = model.vars.filter((v) => v.def.kind === 'stock');
  for (const s of stocks) {
    for (const r of s.expr?.reads ?? []) {
      const other = model.byId.get(r);
      if (other && other.def.kind !== 'stock' && other.def.kind !== 'input') {
        throw new ModelError(messages.initialReadsNonStock(s.def.id, s.expr?.source ?? '', r, other.def.kind));
      }
    }
  }
  const initials = topologicalOrder(stocks, 'stock initials');
  return { evaluation, initials };
}

function checkStockFlows(model: FlatModel): void {
  for (const v of model.vars) {
    if (v.def.kind !== 'stock') continue;
    const stock: StockDef = v.def;
    const listed = new Set<VarId>();
    for (const side of ['inflows', 'outflows'] as const) {
      for (const id of stock[side]) {
        const target = model.byId.get(id);
        if (!target || target.def.kind !== 'flow') {
          throw new ModelError(messages.notAFlow(stock.id, side, id, target ? target.def.kind : null));
        }
        if (listed.has(id)) throw new ModelError(messages.flowListedTwice(stock.id, id));
        listed.add(id);
      }
    }
  }
}

/**
 * Depth-first topological order over `nodes` (dependencies = reads among `nodes`), roots taken in
 * declaration order: each node comes right after the last of what it reads, otherwise in declaration
 * order. O(V + E), iterative (a dependency chain may be thousands long). On a cycle, reports it in
 * data-flow direction, starting from its earliest declared member.
 */
function topologicalOrder(nodes: readonly FlatVar[], what: string): VarId[] {
  const position = new Map<VarId, number>(nodes.map((n, i) => [n.def.id, i]));
  const deps: number[][] = nodes.map((n) => {
    const d: number[] = [];
    for (const r of n.expr?.reads ?? []) {
      const i = position.get(r);
      if (i !== undefined) d.push(i);
    }
    return d;
  });
  const NEW = 0;
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(nodes.length);
  const order: VarId[] = [];
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < nodes.length; root++) {
    if (state[root] !== NEW) continue;
    stack.push(root);
    next.push(0);
    state[root] = OPEN;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top] as number;
      const nodeDeps = deps[node] as number[];
      const k = next[top] as number;
      if (k < nodeDeps.length) {
        next[top] = k + 1;
        const d = nodeDeps[k] as number;
        if (state[d] === NEW) {
          state[d] = OPEN;
          stack.push(d);
          next.push(0);
        } else if (state[d] === OPEN) {
          // stack[from..] each reads the next and the last reads d: a cycle in dependency direction.
          const cycle = stack.slice(stack.indexOf(d)).reverse();
          throw new ModelError(messages.cycle(what, rotateToFirst(cycle.map((i) => nodes[i] as FlatVar))));
        }
      } else {
        stack.pop();
        next.pop();
        state[node] = DONE;
        order.push((nodes[node] as FlatVar).def.id);
      }
    }
  }
  return order;
}

/** The cycle (in data-flow order) starting at its earliest declared member, closed: a → b → a. */
function rotateToFirst(cycle: readonly FlatVar[]): VarId[] {
  let start = 0;
  cycle.forEach((v, i) => {
    if (v.index < (cycle[start] as FlatVar).index) start = i;
  });
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)].map((v) => v.def.id);
  return [...rotated, rotated[0] as VarId];
}
