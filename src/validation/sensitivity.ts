/**
 * Sensitivity of the conclusions: does a scenario's standing on each of the plan's targets survive
 * the uncertainty of the model's assumptions?
 *
 * Each bundled scenario is run `runs` times with what `--uncertainty all` draws for it (every
 * assumed lever default from its plausible range, relative levers scaled, the scenario's own
 * delivery distributions on top; see src/runner/uncertainty.ts). Scenarios are compared run by run
 * with common random numbers: in run r, lever k of the sorted union of drawn levers draws from
 * its own stream streamFor(seed, r × levers + k), so every scenario that draws a lever in run r
 * gets the same uniform numbers for it, whatever else it draws. A scenario's progress on a target
 * is its indicator's change from the base year to the target year (as additionality is measured).
 */
import { sampleRankCorrelation } from 'simple-statistics';
import type { Target } from '../catalog/types.js';
import type { CompiledModel } from '../engine/types.js';
import { desiredSign, targetChange } from '../runner/attainment.js';
import { CompiledModelCache } from '../runner/context.js';
import { createSampler, type Sampler } from '../runner/distributions.js';
import { createRunnerContext } from '../runner/hangzhou.js';
import { streamFor } from '../runner/random.js';
import { simOptionsOf } from '../runner/run.js';
import { drawnUncertainty } from '../runner/uncertainty.js';
import type { ResolvedScenario } from '../scenario/types.js';

export const SENSITIVITY_RUNS = 200;
export const SENSITIVITY_SEED = 2011;
/** A verdict "survives" when at least this share of runs agrees with the deterministic one. */
export const ROBUST_SHARE = 0.9;
/** The indicator whose drivers are ranked (the plan's central conversion target). */
export const DRIVER_INDICATOR = 'urbanisation.hukou-gap';

export interface TargetStanding {
  readonly target: string;
  readonly indicator: string;
  readonly year: number;
  /** +1: a rise is progress; −1: a fall is. */
  readonly sign: 1 | -1;
  /** Scenario ids, best first, on the deterministic runs (ties share a rank). */
  readonly ranking: readonly (readonly string[])[];
  /** Share of runs in which every strict pairwise order of the deterministic ranking holds. */
  readonly rankingHolds: number;
  /** Share of runs in which the deterministic best scenario(s) beat every other. */
  readonly bestHolds: number;
  /** Per scenario other than the reference: deterministically better than it, and P(better). */
  readonly versusReference: readonly { readonly scenario: string; readonly better: boolean; readonly tied: boolean; readonly probability: number }[];
}

export interface LeverDriver {
  readonly lever: string;
  /** Spearman's rank correlation of the lever's draw with the outcome over the runs. */
  readonly rho: number;
  /** Drawn as an assumed default (its plausible range) or as the scenario's own delivery uncertainty. */
  readonly drawnAs: 'assumption' | 'delivery';
}

export interface SensitivityResult {
  readonly runs: number;
  readonly seed: number;
  readonly reference: string;
  readonly scenarios: readonly string[];
  /** Levers drawn by at least one scenario. */
  readonly drawnLevers: number;
  readonly targets: readonly TargetStanding[];
  /** Drivers of the driver indicator's change in the first non-reference scenario (the plan when bundled) and of its difference from the reference. */
  readonly drivers: {
    readonly scenario: string;
    readonly indicator: string;
    readonly level: readonly LeverDriver[];
    readonly versusReference: readonly LeverDriver[];
  } | null;
}

export interface SensitivityOptions {
  readonly runs?: number;
  readonly seed?: number;
  /** The scenario others are compared with (default `trend`). */
  readonly reference?: string;
  /** The scenario whose drivers are ranked (default `plan`, else the first other scenario). */
  readonly driversOf?: string;
}

interface Drawn {
  readonly modelIndex: Int32Array;
  /** Position of each drawn lever in the union (its stream). */
  readonly union: Int32Array;
  readonly samplers: readonly Sampler[];
  readonly ids: readonly string[];
}

const tied = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function rankGroups(ids: readonly string[], score: readonly number[]): string[][] {
  const order = ids.map((id, i) => ({ id, s: score[i] as number })).sort((a, b) => b.s - a.s || a.id.localeCompare(b.id));
  const groups: { s: number; ids: string[] }[] = [];
  for (const x of order) {
    const last = groups[groups.length - 1];
    if (last && tied(last.s, x.s)) last.ids.push(x.id);
    else groups.push({ s: x.s, ids: [x.id] });
  }
  return groups.map((g) => g.ids);
}

function drivers(draws: readonly Float64Array[], ids: readonly string[], outcome: Float64Array, scenario: ResolvedScenario): LeverDriver[] {
  const ys = Array.from(outcome);
  return ids
    .flatMap((lever, k): LeverDriver[] => {
      const xs = Array.from(draws[k] as Float64Array);
      if (xs.every((x) => x === xs[0])) return [];
      const rho = sampleRankCorrelation(xs, ys);
      return Number.isFinite(rho) ? [{ lever, rho, drawnAs: scenario.uncertainty[lever] === undefined ? 'assumption' : 'delivery' }] : [];
    })
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.lever.localeCompare(b.lever))
    .slice(0, 5);
}

export function conclusionSensitivity(scenarios: readonly ResolvedScenario[], options: SensitivityOptions = {}): SensitivityResult {
  const runs = options.runs ?? SENSITIVITY_RUNS;
  const seed = options.seed ?? SENSITIVITY_SEED;
  const referenceId = options.reference ?? 'trend';
  const context = createRunnerContext();
  const targets = context.planTargets.filter((t): t is Exclude<Target, { kind: 'milestone' }> => t.kind !== 'milestone' && desiredSign(t) !== null);
  const until = Math.max(...targets.map((t) => t.year));
  const compiled: CompiledModel = new CompiledModelCache(context).get(simOptionsOf({ until }));
  const records = new Map(context.params.map((p) => [p.id, p]));
  const uncertainties = scenarios.map((s) => drawnUncertainty(s, context.params, 'all'));
  const unionIds = [...new Set(uncertainties.flatMap((u) => Object.keys(u)))].sort();
  const unionIndex = new Map(unionIds.map((id, k) => [id, k]));
  const drawn: Drawn[] = uncertainties.map((u) => {
    const ids = Object.keys(u).sort().filter((id) => compiled.paramIds.includes(id));
    return {
      ids,
      modelIndex: Int32Array.from(ids, (id) => compiled.paramIds.indexOf(id)),
      union: Int32Array.from(ids, (id) => unionIndex.get(id) ?? -1),
      samplers: ids.map((id) => {
        const r = records.get(id);
        if (!r) throw new Error(`uncertainty names an unknown lever: ${id}`);
        return createSampler(u[id] as NonNullable<(typeof u)[string]>, { min: r.range.min, max: r.range.max, integer: r.integer === true });
      }),
    };
  });

  const layout = compiled.layout;
  const change = (out: Float64Array, t: Exclude<Target, { kind: 'milestone' }>): number =>
    targetChange(t, (id, year) => {
      const c = layout.cell(id, year);
      return c < 0 ? NaN : (out[c] ?? NaN);
    }, compiled.years[0] ?? 2010) ?? NaN;

  // changes[s][t] deterministic; runChanges[s][t][r] per run; leverDraws[s][k][r].
  const deterministic = scenarios.map((s) => {
    const out = compiled.simulate(s.parameters).values;
    return targets.map((t) => change(out, t));
  });
  const perRun = scenarios.map(() => targets.map(() => new Float64Array(runs)));
  const leverDraws = drawn.map((d) => d.ids.map(() => new Float64Array(runs)));
  const out = new Float64Array(layout.size);
  scenarios.forEach((s, si) => {
    const d = drawn[si] as Drawn;
    const prepared = compiled.prepare(s.parameters);
    const values = new Float64Array(d.ids.length);
    for (let r = 0; r < runs; r++) {
      d.samplers.forEach((sample, k) => {
        const v = sample(streamFor(seed, r * unionIds.length + (d.union[k] as number)));
        values[k] = v;
        (leverDraws[si]?.[k] as Float64Array)[r] = v;
      });
      prepared.runWith(d.modelIndex, values, out);
      targets.forEach((t, ti) => ((perRun[si]?.[ti] as Float64Array)[r] = change(out, t)));
    }
  });

  const ids = scenarios.map((s) => s.id);
  const ref = ids.indexOf(referenceId);
  const standings = targets.map((t, ti): TargetStanding => {
    const sign = desiredSign(t) as 1 | -1;
    const det = deterministic.map((row) => sign * (row[ti] as number));
    const strictPairs: [number, number][] = [];
    for (let a = 0; a < ids.length; a++) for (let b = 0; b < ids.length; b++) if (a !== b && det[a]! > det[b]! && !tied(det[a]!, det[b]!)) strictPairs.push([a, b]);
    const ranking = rankGroups(ids, det);
    const best = new Set((ranking[0] ?? []).map((id) => ids.indexOf(id)));
    const bestPairs = strictPairs.filter(([a, b]) => best.has(a) && !best.has(b));
    let holds = 0;
    let bestHolds = 0;
    for (let r = 0; r < runs; r++) {
      const v = (s: number): number => sign * (perRun[s]?.[ti]?.[r] ?? NaN);
      const keeps = ([a, b]: [number, number]): boolean => v(a) > v(b) && !tied(v(a), v(b));
      if (strictPairs.every(keeps)) holds++;
      if (bestPairs.every(keeps)) bestHolds++;
    }
    const versusReference = ref < 0 ? [] : ids.flatMap((id, si) => {
      if (si === ref) return [];
      let better = 0;
      for (let r = 0; r < runs; r++) {
        const own = sign * (perRun[si]?.[ti]?.[r] ?? NaN);
        const base = sign * (perRun[ref]?.[ti]?.[r] ?? NaN);
        if (own > base && !tied(own, base)) better++;
      }
      const a = det[si] as number;
      const b = det[ref] as number;
      return [{ scenario: id, better: a > b && !tied(a, b), tied: tied(a, b), probability: better / runs }];
    });
    return { target: t.id, indicator: t.indicator, year: t.year, sign, ranking, rankingHolds: holds / runs, bestHolds: bestHolds / runs, versusReference };
  });

  const driverIndex = ids.indexOf(options.driversOf ?? 'plan');
  const di = driverIndex >= 0 ? driverIndex : ids.findIndex((_, i) => i !== ref);
  const ti = targets.findIndex((t) => t.indicator === DRIVER_INDICATOR);
  let driverResult: SensitivityResult['drivers'] = null;
  if (di >= 0 && ti >= 0) {
    const level = perRun[di]?.[ti] as Float64Array;
    const refRuns = ref >= 0 ? (perRun[ref]?.[ti] as Float64Array) : null;
    const difference = refRuns ? level.map((v, r) => v - (refRuns[r] as number)) : null;
    const d = drawn[di] as Drawn;
    driverResult = {
      scenario: ids[di] as string,
      indicator: DRIVER_INDICATOR,
      level: drivers(leverDraws[di] as Float64Array[], d.ids, level, scenarios[di] as ResolvedScenario),
      versusReference: difference ? drivers(leverDraws[di] as Float64Array[], d.ids, difference, scenarios[di] as ResolvedScenario) : [],
    };
  }
  return { runs, seed, reference: referenceId, scenarios: ids, drawnLevers: unionIds.length, targets: standings, drivers: driverResult };
}
