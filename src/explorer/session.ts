/**
 * Running what the page shows: the planner's scenario (deterministic or Monte Carlo, drawing the
 * scenario's own or every assumption's uncertainty) and the reference scenarios beside it, all
 * through the runner's own runScenario / runMonteCarlo on the portable model. References are run once per horizon. No DOM here: tests run it in Node.
 */
// The runner's modules directly, not its index: the index also exports the worker pool and file output.
import { CompiledModelCache, type RunnerContext } from '../runner/context.js';
import { runMonteCarlo, runScenario } from '../runner/run.js';
import type { ScenarioResult } from '../runner/types.js';
import type { DistributionSpec, ScenarioFile } from '../scenario/types.js';
import type { ExplorerData } from './data.js';
import { exploredFile, findScenario, resolveExplored, resolveReference } from './explored.js';
import { portableRunnerContext } from './portable.js';
import type { ExplorerState } from './state.js';
import { drawnFor } from './uncertainty.js';

export interface SessionResults {
  /** References (trend, plan, and the starting scenario when it is neither), deterministic. */
  readonly references: readonly ScenarioResult[];
  /** The planner's scenario. */
  readonly explored: ScenarioResult;
  /** The scenario file that reproduces `explored` (what "download scenario" writes). */
  readonly file: ScenarioFile;
  /** Levers drawn in the Monte Carlo, with their distributions (none when deterministic). */
  readonly drawn: Readonly<Record<string, DistributionSpec>>;
}

export interface Session {
  readonly context: RunnerContext;
  run(state: ExplorerState): Promise<SessionResults>;
}

export function createSession(data: ExplorerData): Session {
  const context = portableRunnerContext(data);
  const cache = new CompiledModelCache(context);
  const referenceRuns = new Map<string, ScenarioResult>();
  // Additionality is measured against trend, as `hzsim run` measures it.
  const trend = data.references.includes('trend') ? { reference: resolveReference(findScenario(data, 'trend')) } : {};
  const reference = (id: string, until: number): ScenarioResult => {
    const key = `${id}|${until}`;
    let result = referenceRuns.get(key);
    if (!result) {
      result = runScenario(resolveReference(findScenario(data, id)), { context, cache, until, ...trend });
      referenceRuns.set(key, result);
    }
    return result;
  };
  return {
    context,
    async run(state) {
      const ids = [...data.references];
      if (!ids.includes(state.scenario)) ids.push(state.scenario);
      const references = ids.map((id) => reference(id, state.until));
      const file = exploredFile(data, state);
      const resolved = resolveExplored(data, file);
      // What the runner will draw, by its own rule (the page shows it beside each lever).
      const drawn = drawnFor(resolved, data.params, state.uncertainty);
      const explored =
        state.uncertainty !== 'off' && Object.keys(drawn).length > 0
          ? await runMonteCarlo(resolved, { context, cache, until: state.until, runs: state.runs, seed: state.seed, uncertainty: state.uncertainty, ...trend })
          : runScenario(resolved, { context, cache, until: state.until, ...trend });
      return { references, explored, file, drawn: explored.mode === 'montecarlo' ? drawn : {} };
    },
  };
}
