/**
 * The one place that decides what the page's Monte Carlo draws. "scenario" is the scenario's own
 * `uncertainty` block (how its policies are delivered); "all" also draws every lever whose default
 * is an assumption, from its documented plausible range — both by the runner's own rule
 * (`drawnUncertainty`, the function `hzsim run --uncertainty` uses), on the scenario the page runs.
 *
 * Two kinds of drawn lever follow from that rule, and the page treats them differently:
 * - the scenario's own (delivery) distributions win over anything set: their sliders are locked
 *   while Monte Carlo is on, and a value the planner set waits until it is off;
 * - an assumption is drawn only where the scenario leaves the lever at its default (or scales
 *   it): a planner who moves its slider sets a value of their own, and the lever is then fixed,
 *   exactly as a scenario file that sets it is under `hzsim run --uncertainty all`.
 */
import type { ParamRecord } from '../params/types.js';
import { drawnUncertainty } from '../runner/uncertainty.js';
import type { DistributionSpec, ResolvedScenario } from '../scenario/types.js';
import type { ExplorerScenario, UncertaintyMode } from './data.js';

/** The runner's mode for a page mode that draws (`off` draws nothing). */
export type DrawingMode = Exclude<UncertaintyMode, 'off'>;

/** The distributions a Monte Carlo of `resolved` draws under `mode`, by lever id (none when off). */
export function drawnFor(
  resolved: Pick<ResolvedScenario, 'parameters' | 'uncertainty' | 'relativeToDefault'>,
  params: readonly ParamRecord[],
  mode: UncertaintyMode,
): Readonly<Record<string, DistributionSpec>> {
  return mode === 'off' ? {} : drawnUncertainty(resolved, params, mode);
}

/** Levers whose slider Monte Carlo locks: the scenario's own delivery distributions (none when off). */
export function lockedLevers(base: ExplorerScenario, mode: UncertaintyMode): ReadonlySet<string> {
  return new Set(mode === 'off' ? [] : Object.keys(base.uncertainty));
}

/**
 * Whether `mode` would draw anything for the starting scenario as it is (a mode with nothing to
 * draw is offered disabled, with the reason).
 */
export function drawsAnything(base: ExplorerScenario, params: readonly ParamRecord[], mode: DrawingMode): boolean {
  return Object.keys(drawnFor(base, params, mode)).length > 0;
}
