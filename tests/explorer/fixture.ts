/** The explorer's data for the bundled scenarios, built once per test file. */
import { bundledScenarioFiles } from '../../src/cli/commands/demo.js';
import { BUNDLED_START } from '../../src/cli/commands/explore.js';
import { explorerData } from '../../src/explorer/assemble.js';
import type { ExplorerData } from '../../src/explorer/data.js';
import { loadScenarios } from '../../src/scenario/index.js';

let cached: ExplorerData | null = null;

export function bundledExplorerData(): ExplorerData {
  if (cached) return cached;
  const scenarios = loadScenarios(bundledScenarioFiles(), { until: 2020 });
  const references = scenarios.filter((s) => s.id === 'trend' || s.id === 'plan');
  cached = explorerData({ scenarios, references, lang: 'zh', defaultRuns: 200, defaultSeed: 2011, start: BUNDLED_START });
  return cached;
}
