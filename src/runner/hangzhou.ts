/**
 * The runner context of the real Hangzhou model: its spec, levers, compiler, the plan's targets
 * and output names from the catalog (indicators) and the model's series list, and the indicators'
 * observed 2006–2010 growth from the published figures (data/observed/hangzhou.csv), which grades
 * direction targets.
 */
import { catalog, findIndicator, planTargets } from '../catalog/index.js';
import { readObserved } from '../data/observed.js';
import { observedGrowth } from '../data/paces.js';
import { hangzhouModel, modelSeries } from '../models/index.js';
import { params } from '../params/index.js';
import type { OutputInfo, RunnerContext } from './context.js';
import { compilerWith, HANGZHOU_ARTEFACT, readPrecompiled } from './precompiled.js';

let context: RunnerContext | null = null;

/**
 * The context for the Hangzhou model (built once per thread). At the default options it runs the
 * model compiled at build time when there is one (see precompiled.ts).
 */
export function createRunnerContext(): RunnerContext {
  if (context) return context;
  const series = new Map(modelSeries.map((s) => [s.id, { name: s.name, unit: s.unit }]));
  const growth = new Map(observedGrowth(readObserved(), catalog.map((i) => i.id)).map((g) => [g.indicator, { rate: g.rate, source: g.source }]));
  const describeOutput = (id: string): OutputInfo | undefined => {
    const indicator = findIndicator(id);
    const observed = growth.get(id);
    return indicator ? { name: indicator.name, unit: indicator.unit, ...(observed ? { observedGrowth: observed } : {}) } : series.get(id);
  };
  context = {
    model: hangzhouModel,
    params,
    compile: compilerWith(readPrecompiled(HANGZHOU_ARTEFACT), hangzhouModel, params),
    planTargets,
    describeOutput,
  };
  return context;
}
