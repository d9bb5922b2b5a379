/**
 * A tiny stand-in for the engine and model so the runner is tested on its own: two indicators
 * with closed-form trajectories and one milestone lever.
 *   fx.index  = 100 · (1 − cut)^(year − 2010)     (lever `cut`, default 0.02, range 0–0.2)
 *   fx.share  = 50 + push · (year − 2010)         (lever `push`, default 1, range 0–10)
 *   fx.added  = annual increase of fx.share (NaN in 2010)
 *   milestone_fx_year (default 2014; not read by the model)
 */
import type { PlanSource, Target } from '../../src/catalog/types.js';
import { outputLayout } from '../../src/engine/outputs.js';
import { createPreparedRun, instantiate, type PortableModel } from '../../src/engine/runtime.js';
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

/**
 * A stand-in for the engine: a three-output model written directly as "generated" source over a
 * lever table with one column per year (row 0 `cut`, row 1 `push`), so the worker pool runs
 * exactly what the single thread runs, from plain data.
 */
export function fixtureCompile(_spec: ModelSpec, params: readonly ParamRecord[], options: SimOptions): CompiledModel {
  compileCount++;
  const until = options.until ?? 2015;
  const years = Array.from({ length: until - 2010 + 1 }, (_, i) => 2010 + i);
  const n = years.length;
  const defaults = Object.fromEntries(params.map((p) => [p.id, p.default]));
  const source = `
    const n = ${n};
    return {
      v: new Float64Array(0),
      run(T, out) {
        let index = 100;
        let share = 50;
        for (let y = 0; y < n; y++) {
          if (y > 0) { index *= 1 - T[y]; share += T[n + y]; }
          out[y] = index;
          out[n + y] = share;
          out[2 * n + y] = y === 0 ? NaN : T[n + y];
        }
      },
    };`;
  const portable: PortableModel = { source, levers: modelParamIds.length, columns: n, outLength: 3 * n };
  const generated = instantiate(source);
  const leverTable = (overrides: Readonly<Record<string, ParamValue>> = {}): Float64Array => {
    const levers: Record<string, ParamValue> = { ...defaults, ...overrides };
    const T = new Float64Array(modelParamIds.length * n);
    modelParamIds.forEach((id, row) => years.forEach((year, y) => (T[row * n + y] = at(levers[id] ?? 0, year))));
    return T;
  };
  const layout = outputLayout(fixtureOutputs, years);
  const run = (overrides = {}, out = new Float64Array(3 * n)): Float64Array => {
    generated.run(leverTable(overrides), out);
    return out;
  };
  return {
    years,
    outputIds: fixtureOutputs,
    layout,
    paramIds: modelParamIds,
    options: { start: 2010, until, dt: options.dt ?? 1 / 12, method: options.method ?? 'euler' },
    spec: _spec,
    levers: params.filter((p) => modelParamIds.includes(p.id)),
    run,
    simulate: (overrides) => layout.view(run(overrides)),
    prepare: (overrides = {}) => createPreparedRun(generated, leverTable(overrides), portable),
    portable,
    leverTable,
    trace: () => {
      throw new Error('trace is not used by the runner');
    },
  };
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
};


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
