/**
 * Which uncertainty a Monte Carlo draws. `scenario` (the default): the scenario's own
 * distributions — how its policies are delivered. `all`: also every lever whose default is an
 * assumption, from the plausible range documented with the lever (`ParamRecord.uncertainty`),
 * wherever the scenario leaves the lever at its default or sets it relative to it (`{scale: k}`:
 * k × the default's distribution). A scenario's own distribution wins for its levers; levers it
 * sets to a value of its own are not drawn.
 */
import type { DistributionSpec, ParamRecord } from '../params/types.js';
import type { RunnerLever } from './context.js';
import { scaleDistribution } from '../scenario/merge.js';
import type { ResolvedScenario } from '../scenario/types.js';

export const UNCERTAINTY_MODES = ['scenario', 'all'] as const;
export type UncertaintyMode = (typeof UNCERTAINTY_MODES)[number];
export const isUncertaintyMode = (s: string): s is UncertaintyMode => (UNCERTAINTY_MODES as readonly string[]).includes(s);

/** The distributions a Monte Carlo of `scenario` draws under `mode`, by lever id. */
export function drawnUncertainty(
  scenario: Pick<ResolvedScenario, 'parameters' | 'uncertainty' | 'relativeToDefault'>,
  params: readonly (RunnerLever & { readonly uncertainty?: ParamRecord['uncertainty'] })[],
  mode: UncertaintyMode,
): Record<string, DistributionSpec> {
  if (mode === 'scenario') return { ...scenario.uncertainty };
  const drawn: Record<string, DistributionSpec> = {};
  for (const p of params) {
    const assumed = p.uncertainty?.distribution;
    if (!assumed) continue;
    const factor = scenario.parameters[p.id] === undefined ? 1 : scenario.relativeToDefault?.[p.id];
    if (factor === undefined) continue;
    drawn[p.id] = factor === 1 ? assumed : scaleDistribution(assumed, factor);
  }
  return { ...drawn, ...scenario.uncertainty };
}
