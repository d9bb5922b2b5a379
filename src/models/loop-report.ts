/**
 * The model's feedback loops as users see them (`hzsim loops`, the model reference): the named
 * loops of ./loops.ts located in the graph, and a shortest independent loop set found by the
 * loop finder, with polarities at the reference states of one run.
 */
import { compileModel } from '../engine/compile.js';
import { causalGraph, countLoops, describeLoop, linkSigner, loopThrough, shortestIndependentLoops, type FeedbackLoop } from '../engine/loops.js';
import type { ParamValue } from '../params/types.js';
import { params } from '../params/index.js';
import { hangzhouModel } from './index.js';
import { documentedLoops, type DocumentedLoop } from './loops.js';

export interface LoopReport {
  /** Each documented loop with the loop the finder located for it (null if the graph has none). */
  readonly documented: readonly { readonly spec: DocumentedLoop; readonly loop: FeedbackLoop | null }[];
  /** A shortest independent loop set of the whole model. */
  readonly loops: readonly FeedbackLoop[];
  /** Elementary loops in the model, counted up to the count limit. */
  readonly totalLoops: number;
  readonly countComplete: boolean;
  readonly referenceTimes: readonly number[];
}

export interface LoopReportOptions {
  /** Lever values of the reference run (default: the defaults). */
  readonly parameters?: Readonly<Record<string, ParamValue>>;
  readonly until?: number;
  /** Stop counting loops at this many (default 10,000). */
  readonly countLimit?: number;
}

export function loopReport(options: LoopReportOptions = {}): LoopReport {
  const graph = causalGraph(hangzhouModel);
  const compiled = compileModel(hangzhouModel, params, options.until === undefined ? {} : { until: options.until });
  const signer = linkSigner(graph, compiled, { params: options.parameters ?? {} });
  const loops = shortestIndependentLoops(graph)
    .map((cycle) => describeLoop(graph, signer, cycle, ''))
    .sort((a, b) => a.variables.length - b.variables.length || a.variables.join(' ').localeCompare(b.variables.join(' ')))
    .map((loop, k) => ({ ...loop, id: `L${k + 1}` }));
  const documented = documentedLoops.map((spec) => {
    const cycle = loopThrough(graph, spec.through);
    return { spec, loop: cycle === null ? null : describeLoop(graph, signer, cycle, spec.id) };
  });
  const { count, complete } = countLoops(graph, options.countLimit ?? 10_000);
  return { documented, loops, totalLoops: count, countComplete: complete, referenceTimes: signer.referenceTimes };
}
