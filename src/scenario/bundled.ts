/**
 * The scenarios shipped with the package (its scenarios/ folder), part of the API: a bundled id
 * loads from anywhere (`loadScenario('plan')`, `hzsim run plan`) and can be extended
 * (`extends: plan`) by a scenario in any folder — a file of that name beside the scenario (or in
 * the working directory, for a command-line argument) comes first.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BundledScenario {
  /** The scenario's id, which is also its file name (`plan` → scenarios/plan.yaml). */
  readonly id: string;
  /** Absolute path of the file. */
  readonly file: string;
}

/** The folder holding the bundled scenarios (beside src/ and dist/ alike). */
export const BUNDLED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Reading order: the baseline first, then the plan and its variants; others after, by name. */
const READING_ORDER = ['trend', 'plan', 'as-happened', 'accelerated', 'stalled', 'hukou-first', 'land-first', 'insurance-first'];

function listBundled(): BundledScenario[] {
  let names: string[];
  try {
    names = readdirSync(BUNDLED_SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
  } catch {
    return [];
  }
  const rank = (id: string): number => {
    const i = READING_ORDER.indexOf(id);
    return i < 0 ? READING_ORDER.length : i;
  };
  return names
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((id) => ({ id, file: join(BUNDLED_SCENARIOS_DIR, `${id}.yaml`) }));
}

/** Every bundled scenario, in reading order. */
export const bundledScenarios: readonly BundledScenario[] = Object.freeze(listBundled().map((s) => Object.freeze(s)));
