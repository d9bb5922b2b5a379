/**
 * Feedback-loop finder (like Vensim's loop finder): every elementary cycle of the model's causal
 * graph, with its polarity.
 *
 * The graph comes from `inspectModel`: an edge r → v for each variable r an auxiliary or flow v
 * reads, and an edge f → s for each inflow or outflow f of a stock s (stock initials are read once
 * and make no feedback). Levers are not nodes. Every cycle of a valid model passes through a stock
 * (the engine refuses algebraic loops). Cycles are enumerated with Johnson's algorithm (1975),
 * bounded by a maximum count and length.
 *
 * Polarity is determined numerically: each link's sign is the sign of the central difference of
 * the target's equation in the source variable, evaluated at reference states taken from a trace
 * of the compiled model (mid-year points, so `step` switches are not at an edge). Inflow links are
 * +, outflow links −; a loop is reinforcing when the product of its signs is +, balancing when −.
 * `min`, `max` and `clamp` are evaluated as their monotone envelope (the mean of min's/max's
 * arguments, clamp's first argument), so a link that is structurally increasing keeps its sign
 * where a bound happens to bind at the reference state; whether the loop is active there with the
 * real functions is reported separately. A loop whose sign differs between reference states is
 * reported as `varies`; one with a link that is zero at every reference state as `inactive`.
 */
import type { EvalFunction } from 'mathjs';
import { createMathInstance, type MathJsInstance } from './mathjs.js';
import { inspectModel } from './inspect.js';
import type { CompiledModel, ModelSpec, Trace, VarId } from './types.js';
import type { ParamValue } from '../params/types.js';

export type LoopPolarity = 'reinforcing' | 'balancing' | 'varies' | 'inactive';
export type LinkSign = 1 | -1 | 0;

export interface LoopLink {
  readonly from: VarId;
  readonly to: VarId;
  /** 'equation': `to` reads `from`; 'inflow' / 'outflow': `from` is a flow of stock `to`. */
  readonly kind: 'equation' | 'inflow' | 'outflow';
  /** Sign at each reference state (structural: min/max/clamp as their monotone envelope). */
  readonly signs: readonly LinkSign[];
}

export interface FeedbackLoop {
  /** `L1`, `L2`, …: loops sorted by length, then by their variables. */
  readonly id: string;
  /** Variables in causal order, starting at the loop's first stock (alphabetically); the last links back to the first. */
  readonly variables: readonly VarId[];
  readonly stocks: readonly VarId[];
  /** Subsystems the loop's variables belong to, in the order first met. */
  readonly subsystems: readonly string[];
  readonly links: readonly LoopLink[];
  readonly polarity: LoopPolarity;
  /** Whether, with the real min/max/clamp, every link is non-zero at some reference state. */
  readonly activeAtReference: boolean;
}

export interface LoopAnalysis {
  /** A shortest independent loop set: every causal link on a loop is on at least one of these. */
  readonly loops: readonly FeedbackLoop[];
  /** Elementary loops in the whole graph, counted up to `maxLoops`. */
  readonly totalLoops: number;
  /** True when the count stopped at `maxLoops` (more loops exist). */
  readonly truncated: boolean;
  /** Decimal times of the reference states. */
  readonly referenceTimes: readonly number[];
  readonly maxLength: number;
}

export interface LoopOptions {
  /** Lever values of the reference run (default: every lever at its default). */
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Times of the reference states; default the middle of every simulated year. */
  readonly referenceTimes?: readonly number[];
  /** Stop counting loops at this many (default 10,000). */
  readonly maxLoops?: number;
  /** Longest loop searched, in variables (default 40). */
  readonly maxLength?: number;
}

interface Edge {
  readonly to: number;
  readonly kind: LoopLink['kind'];
}

/**
 * Elementary cycles of a directed graph (Johnson 1975): `adjacency[i]` lists i's successors.
 * Calls `emit` with each cycle's nodes (starting at its smallest index); stops when `emit` returns
 * false. Cycles longer than `maxLength` are not followed.
 */
export function elementaryCycles(adjacency: readonly (readonly number[])[], maxLength: number, emit: (cycle: readonly number[]) => boolean): boolean {
  const n = adjacency.length;
  const blocked = new Uint8Array(n);
  const blockMap: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const stack: number[] = [];
  let stopped = false;

  const unblock = (u: number): void => {
    const pending = [u];
    while (pending.length > 0) {
      const w = pending.pop() as number;
      if (!blocked[w]) continue;
      blocked[w] = 0;
      for (const x of blockMap[w] as Set<number>) pending.push(x);
      (blockMap[w] as Set<number>).clear();
    }
  };

  for (let s = 0; s < n && !stopped; s++) {
    const inScc = sccContaining(adjacency, s);
    if (inScc === null) continue;
    for (const v of inScc) {
      blocked[v] = 0;
      (blockMap[v] as Set<number>).clear();
    }
    // Iterative circuit search from s within the component.
    const successors = (v: number): number[] => (adjacency[v] as readonly number[]).filter((w) => inScc.has(w));
    const frames: { v: number; next: number[]; found: boolean }[] = [];
    const push = (v: number): void => {
      stack.push(v);
      blocked[v] = 1;
      frames.push({ v, next: successors(v), found: false });
    };
    push(s);
    while (frames.length > 0 && !stopped) {
      const frame = frames[frames.length - 1] as { v: number; next: number[]; found: boolean };
      const w = frame.next.pop();
      if (w !== undefined) {
        if (w === s) {
          frame.found = true;
          if (!emit(stack)) stopped = true;
        } else if (!blocked[w]) {
          // A path cut by the length bound may still close: treat it as found, so nothing stays
          // blocked because of the bound (conservative; never misses a cycle within the bound).
          if (stack.length < maxLength) push(w);
          else frame.found = true;
        }
        continue;
      }
      frames.pop();
      stack.pop();
      if (frame.found) {
        unblock(frame.v);
        const parent = frames[frames.length - 1];
        if (parent) parent.found = true;
      } else {
        for (const x of successors(frame.v)) (blockMap[x] as Set<number>).add(frame.v);
      }
    }
    stack.length = 0;
  }
  return !stopped;
}

/** The strongly connected component containing s among nodes ≥ s, or null if it has no cycle through s. */
function sccContaining(adjacency: readonly (readonly number[])[], s: number): Set<number> | null {
  const forward = reach(adjacency, s, (v) => adjacency[v] as readonly number[], s);
  const reverse = new Map<number, number[]>();
  for (const v of forward) {
    for (const w of adjacency[v] as readonly number[]) {
      if (!forward.has(w)) continue;
      let list = reverse.get(w);
      if (!list) reverse.set(w, (list = []));
      list.push(v);
    }
  }
  const backward = reach(adjacency, s, (v) => reverse.get(v) ?? [], s);
  const scc = new Set([...forward].filter((v) => backward.has(v)));
  const selfLoop = (adjacency[s] as readonly number[]).includes(s);
  return scc.size > 1 || selfLoop ? scc : null;
}

function reach(_adjacency: readonly (readonly number[])[], start: number, next: (v: number) => readonly number[], min: number): Set<number> {
  const seen = new Set<number>([start]);
  const pending = [start];
  while (pending.length > 0) {
    const v = pending.pop() as number;
    for (const w of next(v)) {
      if (w < min || seen.has(w)) continue;
      seen.add(w);
      pending.push(w);
    }
  }
  return seen;
}

let mathInstance: MathJsInstance | null = null;
function math(): MathJsInstance {
  if (!mathInstance) {
    mathInstance = createMathInstance();
    // A negative base to a fractional power is NaN, not a complex number.
    mathInstance.config({ predictable: true });
  }
  return mathInstance;
}

/** The engine's time functions at a non-integer time (a step simulating year ⌊time⌋ + 1). */
function timeFunctions(time: number, structural: boolean): Record<string, (...args: number[]) => number> {
  const year = Math.floor(time) + 1;
  const asNumber = (x: unknown): number => (typeof x === 'boolean' ? Number(x) : (x as number));
  return {
    step: (h, y) => (year >= y ? h : 0),
    ramp: (s, y0, y1) => (time > y0 ? s * (Math.min(time, y1) - y0) : 0),
    clamp: (x, lo, hi) => (structural ? x : Math.min(Math.max(x, lo), hi)),
    min: (...xs) => (structural ? xs.reduce((a, b) => a + asNumber(b), 0) / xs.length : Math.min(...xs.map(asNumber))),
    max: (...xs) => (structural ? xs.reduce((a, b) => a + asNumber(b), 0) / xs.length : Math.max(...xs.map(asNumber))),
  };
}

const signOf = (delta: number, scale: number): LinkSign => {
  if (!Number.isFinite(delta) || Math.abs(delta) <= 1e-10 * scale) return 0;
  return delta > 0 ? 1 : -1;
};

/** The model's causal graph: variables (levers excluded) and their links. */
export interface CausalGraph {
  readonly nodes: readonly VarId[];
  /** successors[i]: edges out of nodes[i]. */
  readonly successors: readonly (readonly { readonly to: number; readonly kind: LoopLink['kind'] }[])[];
  readonly index: ReadonlyMap<VarId, number>;
  readonly kindOf: ReadonlyMap<VarId, 'stock' | 'flow' | 'aux'>;
  readonly subsystemOf: ReadonlyMap<VarId, string>;
  readonly expressionOf: ReadonlyMap<VarId, string>;
}

export function causalGraph(spec: ModelSpec): CausalGraph {
  const inspection = inspectModel(spec);
  const nodes = inspection.variables.filter((v) => v.kind !== 'input');
  const index = new Map(nodes.map((v, i) => [v.id, i]));
  const successors: Edge[][] = nodes.map(() => []);
  const addEdge = (from: VarId, to: VarId, kind: Edge['kind']): void => {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) return;
    const list = successors[a] as Edge[];
    if (!list.some((e) => e.to === b)) list.push({ to: b, kind });
  };
  for (const v of nodes) if (v.kind !== 'stock') for (const r of v.reads) addEdge(r, v.id, 'equation');
  for (const st of inspection.stocks) {
    for (const f of st.inflows) addEdge(f, st.id, 'inflow');
    for (const f of st.outflows) addEdge(f, st.id, 'outflow');
  }
  return {
    nodes: nodes.map((v) => v.id),
    successors,
    index,
    kindOf: new Map(nodes.map((v) => [v.id, v.kind as 'stock' | 'flow' | 'aux'])),
    subsystemOf: new Map(nodes.map((v) => [v.id, v.subsystem])),
    expressionOf: new Map(nodes.map((v) => [v.id, v.expression])),
  };
}

/** Shortest path from `from` to `to` (node indices, both included) avoiding `avoid`; null if none. */
function shortestPath(graph: CausalGraph, from: number, to: number, avoid: ReadonlySet<number>): number[] | null {
  const previous = new Map<number, number>([[from, -1]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const { to: w } of graph.successors[v] as readonly Edge[]) {
        if (previous.has(w) || (avoid.has(w) && w !== to)) continue;
        previous.set(w, v);
        if (w === to) {
          const path = [w];
          for (let u = v; u !== -1; u = previous.get(u) as number) path.push(u);
          return path.reverse();
        }
        next.push(w);
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * A shortest independent loop set (after Oliva 2004): for every causal link that lies on some
 * loop, the shortest loop through it, loops taken in order of length and kept only when they add a
 * link no earlier loop has. Every link on a loop is covered; the set grows with the links, not
 * with the (combinatorial) number of loops.
 */
export function shortestIndependentLoops(graph: CausalGraph, maxLength = 40): number[][] {
  const candidates: number[][] = [];
  graph.successors.forEach((edges, u) => {
    for (const { to: v } of edges) {
      const back = u === v ? [v] : shortestPath(graph, v, u, new Set());
      if (back && back.length <= maxLength) candidates.push(back);
    }
  });
  candidates.sort((a, b) => a.length - b.length || a.join(',').localeCompare(b.join(',')));
  const covered = new Set<string>();
  const linksOf = (cycle: readonly number[]): string[] => cycle.map((v, k) => `${v}>${cycle[(k + 1) % cycle.length]}`);
  const chosen: number[][] = [];
  for (const cycle of candidates) {
    const links = linksOf(cycle);
    if (links.every((l) => covered.has(l))) continue;
    links.forEach((l) => covered.add(l));
    chosen.push(cycle);
  }
  return chosen;
}

/**
 * The shortest loop passing through `keys` in this order (each leg the shortest path that avoids
 * the nodes already used), or null if there is none. Like Vensim's loops through a variable, with
 * the route pinned down.
 */
export function loopThrough(graph: CausalGraph, keys: readonly VarId[]): number[] | null {
  const ids = keys.map((k) => graph.index.get(k));
  if (ids.some((i) => i === undefined) || ids.length === 0) return null;
  const route = ids as number[];
  const used = new Set<number>(route);
  const cycle: number[] = [];
  for (let k = 0; k < route.length; k++) {
    const from = route[k] as number;
    const to = route[(k + 1) % route.length] as number;
    used.delete(from);
    used.delete(to);
    const leg = shortestPath(graph, from, to, new Set([...used, ...cycle]));
    used.add(from);
    used.add(to);
    if (!leg) return null;
    cycle.push(...leg.slice(0, -1));
  }
  return new Set(cycle).size === cycle.length ? cycle : null;
}

/** Counts elementary cycles up to `limit` (Johnson's algorithm); `complete` is false when stopped there. */
export function countLoops(graph: CausalGraph, limit: number, maxLength = 40): { count: number; complete: boolean } {
  let count = 0;
  const complete = elementaryCycles(
    graph.successors.map((edges) => edges.map((e) => e.to)),
    maxLength,
    () => ++count < limit,
  );
  return { count, complete };
}

/** Signs of causal links at reference states of one run (cached per link). */
export interface LinkSigner {
  readonly referenceTimes: readonly number[];
  /** Structural signs (min/max/clamp as their monotone envelope) and signs with the real functions. */
  signs(from: VarId, to: VarId): { structural: LinkSign[]; actual: LinkSign[] };
}

export function linkSigner(graph: CausalGraph, compiled: CompiledModel, options: Pick<LoopOptions, 'params' | 'referenceTimes'> = {}): LinkSigner {
  const trace = compiled.trace(options.params ?? {});
  const { start, dt } = compiled.options;
  const referenceTimes = options.referenceTimes ?? compiled.years.slice(1).map((y) => y - 0.5);
  const states = referenceTimes.map((t) => stateAt(trace, t));
  // Each variable's scale over the run sets its perturbation where it happens to be 0 at a reference state.
  const scaleOf = new Map(Object.entries(trace.values).map(([id, v]) => [id, v.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0)]));
  // One evaluation scope per reference state and mode, perturbed in place link by link.
  const scopeFor = (state: ReturnType<typeof stateAt>, structural: boolean): Record<string, unknown> => ({
    ...state.values,
    time: state.time,
    dt,
    start,
    ...timeFunctions(state.time, structural),
  });
  const structuralScopes = states.map((st) => scopeFor(st, true));
  const actualScopes = states.map((st) => scopeFor(st, false));
  const equations = new Map<VarId, EvalFunction>();
  const cache = new Map<string, { structural: LinkSign[]; actual: LinkSign[] }>();
  return {
    referenceTimes,
    signs(from, to) {
      const key = `${from}\u0000${to}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const a = graph.index.get(from);
      const edge = a === undefined ? undefined : (graph.successors[a] as readonly Edge[]).find((e) => graph.nodes[e.to] === to);
      let result: { structural: LinkSign[]; actual: LinkSign[] };
      if (!edge) {
        result = { structural: states.map(() => 0), actual: states.map(() => 0) };
      } else if (edge.kind !== 'equation') {
        const sign: LinkSign = edge.kind === 'inflow' ? 1 : -1;
        result = { structural: states.map(() => sign), actual: states.map(() => sign) };
      } else {
        let f = equations.get(to);
        if (!f) {
          f = math().parse(graph.expressionOf.get(to) ?? '0').compile();
          equations.set(to, f);
        }
        const equation = f;
        const evaluate = (k: number, structural: boolean): LinkSign => {
          const scope = (structural ? structuralScopes : actualScopes)[k] as Record<string, unknown>;
          const x = scope[from] as number;
          const h = 1e-4 * Math.max(Math.abs(x), scaleOf.get(from) ?? 0, 1e-6);
          const at = (value: number): number => {
            scope[from] = value;
            return Number(equation.evaluate(scope));
          };
          const hi = at(x + h);
          const lo = at(x - h);
          scope[from] = x;
          return signOf(hi - lo, Math.max(Math.abs(hi), Math.abs(lo), 1e-300));
        };
        result = { structural: states.map((_, k) => evaluate(k, true)), actual: states.map((_, k) => evaluate(k, false)) };
      }
      cache.set(key, result);
      return result;
    },
  };
}

/** A cycle of node indices as a FeedbackLoop (rotated to start at its first stock, alphabetically). */
export function describeLoop(graph: CausalGraph, signer: LinkSigner, cycle: readonly number[], id: string): FeedbackLoop {
  const ids = cycle.map((i) => graph.nodes[i] as VarId);
  const stocks = ids.filter((v) => graph.kindOf.get(v) === 'stock');
  const first = [...stocks].sort()[0] ?? ids[0];
  const offset = Math.max(0, ids.indexOf(first as VarId));
  const variables = [...ids.slice(offset), ...ids.slice(0, offset)];
  const links = variables.map((from, k) => {
    const to = variables[(k + 1) % variables.length] as VarId;
    const a = graph.index.get(from) as number;
    const kind = (graph.successors[a] as readonly Edge[]).find((e) => graph.nodes[e.to] === to)?.kind ?? 'equation';
    return { from, to, kind, ...signer.signs(from, to) };
  });
  const times = signer.referenceTimes.map((_, t) => t);
  const products = times.map((t) => links.reduce((p, l) => p * (l.structural[t] ?? 0), 1));
  const nonZero = [...new Set(products.filter((p) => p !== 0))];
  const polarity: LoopPolarity = nonZero.length === 0 ? 'inactive' : nonZero.length > 1 ? 'varies' : nonZero[0] === 1 ? 'reinforcing' : 'balancing';
  return {
    id,
    variables,
    stocks: variables.filter((v) => graph.kindOf.get(v) === 'stock'),
    subsystems: [...new Set(variables.map((v) => graph.subsystemOf.get(v) ?? ''))],
    links: links.map(({ from, to, kind, structural }) => ({ from, to, kind, signs: structural })),
    polarity,
    activeAtReference: times.some((t) => links.every((l) => (l.actual[t] ?? 0) !== 0)),
  };
}

/**
 * The model's feedback loops: a shortest independent loop set, each with its polarity at the
 * reference states of a run of `compiled` (compiled from `spec`), and how many loops exist in all
 * (counted up to `maxLoops`).
 */
export function findFeedbackLoops(spec: ModelSpec, compiled: CompiledModel, options: LoopOptions = {}): LoopAnalysis {
  const maxLength = options.maxLength ?? 40;
  const graph = causalGraph(spec);
  const signer = linkSigner(graph, compiled, options);
  const cycles = shortestIndependentLoops(graph, maxLength);
  const described = cycles.map((c) => describeLoop(graph, signer, c, ''));
  described.sort((a, b) => a.variables.length - b.variables.length || a.variables.join(' ').localeCompare(b.variables.join(' ')));
  const { count, complete } = countLoops(graph, options.maxLoops ?? 10_000, maxLength);
  return {
    loops: described.map((l, k) => ({ ...l, id: `L${k + 1}` })),
    totalLoops: count,
    truncated: !complete,
    referenceTimes: signer.referenceTimes,
    maxLength,
  };
}

/** Every variable's value at the trace point nearest `time`. */
function stateAt(trace: Trace, time: number): { time: number; values: Record<VarId, number> } {
  let best = 0;
  for (let k = 1; k < trace.times.length; k++) {
    if (Math.abs((trace.times[k] as number) - time) < Math.abs((trace.times[best] as number) - time)) best = k;
  }
  const values: Record<VarId, number> = {};
  for (const [id, series] of Object.entries(trace.values)) values[id] = series[best] as number;
  return { time: trace.times[best] as number, values };
}
