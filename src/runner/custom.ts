/**
 * Running any model, not only Hangzhou's: a runner context for your own spec and levers (compiled
 * by the engine, no plan targets), and scenarios built in code rather than loaded from files —
 * so `runScenario`, `runMonteCarlo`, the worker pool and the charts work for it unchanged.
 */
import type { Text } from '../catalog/types.js';
import { compileModel } from '../engine/compile.js';
import type { LeverValues, ModelSpec } from '../engine/types.js';
import type { DistributionSpec, ResolvedScenario } from '../scenario/types.js';
import type { OutputInfo, RunnerContext, RunnerLever } from './context.js';

/** A runner context for `spec` and its `levers`; `describeOutput` names outputs in CSV/JSON files. */
export function modelContext(
  spec: ModelSpec,
  levers: readonly RunnerLever[],
  describeOutput: (id: string) => OutputInfo | undefined = () => undefined,
): RunnerContext<RunnerLever> {
  return { model: spec, params: levers, compile: (s, p, options) => compileModel(s, p, options), planTargets: [], describeOutput };
}

/** A scenario of levers set (`parameters`) and drawn (`uncertainty`), for runScenario and runMonteCarlo. */
export function scenarioOf(
  id: string,
  { title = { zh: id, en: id }, parameters = {}, uncertainty = {} }: { title?: Text; parameters?: LeverValues; uncertainty?: Readonly<Record<string, DistributionSpec>> } = {},
): ResolvedScenario {
  return { id, title, description: null, file: '<code>', hash: '', chain: [id], parameters, uncertainty, montecarlo: null, targets: [] };
}
