/**
 * A tiny stand-in for the engine and model so the runner is tested on its own: two indicators
 * with closed-form trajectories and one milestone lever.
 *   fx.index  = 100 · (1 − cut)^(year − 2010)     (lever `cut`, default 0.02, range 0–0.2)
 *   fx.share  = 50 + push · (year − 2010)         (lever `push`, default 1, range 0–10)
 *   fx.added  = annual increase of fx.share (NaN in 2010)
 *   milestone_fx_year (default 2014; not read by the model)
 */
import type { PlanSource, Target } from '../../src/catalog/types.js';
import type { CompiledModel, ModelSpec, SimOptions } from '../../src/engine/types.js';
import type { ParamRecord, ParamValue } from '../../src/params/types.js';
import type { RunnerContext } from '../../src/runner/context.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

const lever = (id: string, def: number, min: number, max: number, integer = false): ParamRecord => ({
  id,
  name: { zh: id, en: id },
  unit: '1',
  domain: 'administration',
  default: def,
  range: { min, max },
  source: null,
  provenance: { kind: 'assumption', reason: 'test fixture' },
  description: { zh: id, en: id },
  ...(integer ? { integer: true } : {}),
});

export const fixtureParams: readonly ParamRecord[] = [lever('cut', 0.02, 0, 0.2), lever('push', 1, 0, 10), lever('milestone_fx_year', 2014, 2011, 2020, true)];

const modelParamIds = ['cut', 'push'];
export const fixtureOutputs = ['fx.index', 'fx.share', 'fx.added'];

/** Value of a lever in a calendar year (step schedule). */
function at(value: ParamValue, year: number): number {
  if (typeof value === 'number') return value;
  const keys = Object.keys(value).map(Number).sort((a, b) => a - b);
  const key = keys.filter((k) => k <= year).pop() ?? keys[0] ?? 0;
  return value[key] ?? NaN;
}

export let compileCount = 0;

export function fixtureCompile(_spec: ModelSpec, params: readonly ParamRecord[], options: SimOptions): CompiledModel {
  compileCount++;
  const until = options.until ?? 2015;
  const years = Array.from({ length: until - 2010 + 1 }, (_, i) => 2010 + i);
  const defaults = Object.fromEntries(params.map((p) => [p.id, p.default]));
  const simulate = (levers: Record<string, ParamValue>, out: Float64Array): Float64Array => {
    const n = years.length;
    let index = 100;
    let share = 50;
    years.forEach((year, y) => {
      if (y > 0) {
        index *= 1 - at(levers.cut ?? 0, year);
        share += at(levers.push ?? 0, year);
      }
      out[y] = index;
      out[n + y] = share;
      out[2 * n + y] = y === 0 ? NaN : at(levers.push ?? 0, year);
    });
    return out;
  };
  const compiled: CompiledModel = {
    years,
    outputIds: fixtureOutputs,
    paramIds: modelParamIds,
    options: { start: 2010, until, dt: options.dt ?? 1 / 12, method: options.method ?? 'euler' },
    run: (overrides = {}, out = new Float64Array(3 * years.length)) => simulate({ ...defaults, ...overrides }, out),
    prepare: (overrides = {}) => ({
      runWith: (idx, values, out = new Float64Array(3 * years.length)) => {
        const levers: Record<string, ParamValue> = { ...defaults, ...overrides };
        idx.forEach((i, k) => {
          levers[modelParamIds[i] ?? ''] = values[k] ?? NaN;
        });
        return simulate(levers, out);
      },
    }),
    trace: () => {
      throw new Error('trace is not used by the runner');
    },
  };
  return compiled;
}

const source: PlanSource = { section: 'test', line: 251, quote: '减少20%' };
export const fixtureTargets: readonly Target[] = [
  { kind: 'change', id: 'fx.index.-10pct', indicator: 'fx.index', year: 2015, baseYear: 2010, change: -0.1, relative: true, label: { zh: '减少10%', en: '−10 %' }, source },
  { kind: 'direction', id: 'fx.share.up', indicator: 'fx.share', year: 2015, baseYear: 2010, direction: 'increase', label: { zh: '提高', en: 'rise' }, source },
  { kind: 'milestone', id: 'fx.done', completionParam: 'milestone_fx_year', year: 2015, label: { zh: '完成', en: 'done' }, source },
];

export const fixtureContext: RunnerContext = {
  model: { subsystems: [], outputs: [] },
  params: fixtureParams,
  compile: fixtureCompile,
  planTargets: fixtureTargets,
  describeOutput: (id) =>
    ({
      'fx.index': { name: { zh: '审批事项, "指数"', en: 'Approval items, "index"' }, unit: 'index (2010 = 100)' },
      'fx.share': { name: { zh: '份额', en: 'Share' }, unit: '%' },
      'fx.added': { name: { zh: '年增', en: 'Added' }, unit: 'pp/year' },
    })[id],
  workerModule: import.meta.url,
};

/** Lets the worker pool rebuild this context in its threads. */
export const createRunnerContext = (): RunnerContext => fixtureContext;

export function scenario(id: string, patch: Partial<ResolvedScenario> = {}): ResolvedScenario {
  return {
    id,
    title: { zh: `情景 ${id}`, en: `Scenario ${id}` },
    description: null,
    file: `/tmp/${id}.yaml`,
    hash: '0'.repeat(64),
    chain: [id],
    parameters: {},
    uncertainty: {},
    montecarlo: null,
    targets: [],
    ...patch,
  };
}
