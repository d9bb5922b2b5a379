/**
 * Structural checks and evaluation order. Stocks and inputs are known at the start of a step;
 * auxiliaries and flows are ordered so that each comes after everything it reads (among ready
 * variables, declaration order wins, so the order is stable when the model is edited).
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
 * Kahn's algorithm over `nodes` (dependencies = reads among `nodes`), always taking the earliest
 * declared ready node. On a cycle, reports one cycle in data-flow direction, starting from its
 * earliest declared member.
 */
function topologicalOrder(nodes: readonly FlatVar[], what: string): VarId[] {
  const inSet = new Map<VarId, FlatVar>(nodes.map((n) => [n.def.id, n]));
  const deps = new Map<VarId, VarId[]>();
  const readers = new Map<VarId, VarId[]>();
  for (const n of nodes) {
    const d = (n.expr?.reads ?? []).filter((r) => inSet.has(r));
    deps.set(n.def.id, d);
    for (const r of d) {
      const list = readers.get(r) ?? [];
      list.push(n.def.id);
      readers.set(r, list);
    }
  }
  const pending = new Map<VarId, number>(nodes.map((n) => [n.def.id, deps.get(n.def.id)?.length ?? 0]));
  const indexOf = (id: VarId): number => inSet.get(id)?.index ?? 0;
  // Ready nodes kept sorted by declaration index; models have a few hundred variables at most.
  const ready: VarId[] = nodes.filter((n) => pending.get(n.def.id) === 0).map((n) => n.def.id);
  const order: VarId[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as VarId;
    order.push(id);
    for (const r of readers.get(id) ?? []) {
      const left = (pending.get(r) ?? 0) - 1;
      pending.set(r, left);
      if (left === 0) {
        const at = ready.findIndex((x) => indexOf(x) > indexOf(r));
        ready.splice(at < 0 ? ready.length : at, 0, r);
      }
    }
  }
  if (order.length < nodes.length) {
    const done = new Set(order);
    const remaining = nodes.filter((n) => !done.has(n.def.id));
    throw new ModelError(messages.cycle(what, findCycle(remaining, deps, done, indexOf)));
  }
  return order;
}

function findCycle(
  remaining: readonly FlatVar[],
  deps: ReadonlyMap<VarId, readonly VarId[]>,
  done: ReadonlySet<VarId>,
  indexOf: (id: VarId) => number,
): VarId[] {
  // Every remaining node has an unfinished dependency, so walking dependencies must revisit one.
  const first = remaining[0];
  if (!first) return [];
  const path: VarId[] = [];
  const pos = new Map<VarId, number>();
  let cur: VarId = first.def.id;
  while (!pos.has(cur)) {
    pos.set(cur, path.length);
    path.push(cur);
    const next = (deps.get(cur) ?? []).find((d) => !done.has(d));
    if (next === undefined) break;
    cur = next;
  }
  // path[k..] is the cycle in dependency direction (each reads the next); reverse for data flow.
  const cycle = path.slice(pos.get(cur) ?? 0).reverse();
  let start = 0;
  cycle.forEach((id, i) => {
    if (indexOf(id) < indexOf(cycle[start] as VarId)) start = i;
  });
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  return [...rotated, rotated[0] as VarId];
}
