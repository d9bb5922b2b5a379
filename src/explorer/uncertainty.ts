/**
 * The one place that decides which uncertainty sets the explorer offers (Node side, when the page
 * is assembled). "scenario" is the scenario's own `uncertainty` block. "all" — every assumption's
 * plausible range, as `hzsim run --uncertainty all` draws it — is offered once the library
 * defines such a set; until then the page shows the choice disabled and says why.
 */
import type { ResolvedScenario } from '../scenario/types.js';
import type { ExplorerScenario } from './data.js';

export function uncertaintySets(scenario: ResolvedScenario): ExplorerScenario['uncertainty'] {
  return { scenario: scenario.uncertainty };
}
