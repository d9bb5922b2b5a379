/**
 * The briefing's "which assumptions drive the conclusions": a Morris screening around one
 * scenario (the plan) of the headline indicators, over every lever a Monte Carlo with
 * `--uncertainty all` would draw there — the assumed lever defaults and the scenario's own
 * delivery uncertainty — each across its plausible range (the support of its distribution).
 * Written as drivers.csv beside the briefing, so every driver number the briefing states can be
 * read back.
 */
import { morris } from '../analysis/morris.js';
import { scenarioModel } from '../analysis/model.js';
import type { MorrisResult } from '../analysis/results.js';
import type { DistributionSpec } from '../params/types.js';
import type { RunnerContext } from '../runner/context.js';
import { drawnUncertainty } from '../runner/uncertainty.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { toCsv, type CsvField } from '../util/csv.js';

/** Indicators whose drivers the briefing names, read in 2015. */
export const DRIVER_OUTPUTS = ['urbanisation.hukou-gap', 'administration.approval-items', 'insurance.migrant-coverage'] as const;
export const DRIVER_YEAR = 2015;
/** Morris trajectories: r = 10 screens the ~100 drawn levers in about a thousand runs (well under a second). */
export const DRIVER_TRAJECTORIES = 10;
export const DRIVER_SEED = 2011;

/** The range a distribution draws from: its support; for an unbounded normal, mean ± 2 sd; always inside the lever's range. */
export function plausibleRange(spec: DistributionSpec, lever: { readonly min: number; readonly max: number }): { min: number; max: number } {
  const clip = (lo: number, hi: number): { min: number; max: number } => ({ min: Math.max(lever.min, Math.min(lo, hi)), max: Math.min(lever.max, Math.max(lo, hi)) });
  switch (spec.dist) {
    case 'uniform':
    case 'triangular':
    case 'beta':
      return clip(spec.min, spec.max);
    case 'normal':
      return clip(spec.min ?? spec.mean - 2 * spec.sd, spec.max ?? spec.mean + 2 * spec.sd);
    case 'discrete':
      return clip(Math.min(...spec.values), Math.max(...spec.values));
  }
}

export interface BriefingDrivers {
  readonly scenario: string;
  readonly result: MorrisResult;
}

/** Morris screening of DRIVER_OUTPUTS around `scenario` over the levers `--uncertainty all` draws. */
export async function briefingDrivers(scenario: ResolvedScenario, context: RunnerContext): Promise<BriefingDrivers | null> {
  const drawn = drawnUncertainty(scenario, context.params, 'all');
  const records = new Map(context.params.map((p) => [p.id, p]));
  const ranges: Record<string, { min: number; max: number }> = {};
  for (const [id, spec] of Object.entries(drawn)) {
    const record = records.get(id);
    if (!record) continue;
    const range = plausibleRange(spec, record.range);
    if (range.max > range.min) ranges[id] = range;
  }
  const levers = Object.keys(ranges).sort();
  if (levers.length === 0) return null;
  const outputs = DRIVER_OUTPUTS.map((id) => ({ id, year: DRIVER_YEAR }));
  const model = scenarioModel(scenario, { context, levers, ranges, outputs });
  const result = await morris(model, { trajectories: DRIVER_TRAJECTORIES, seed: DRIVER_SEED });
  return { scenario: scenario.id, result };
}

export const DRIVERS_CSV_HEADER = ['scenario', 'output', 'year', 'rank', 'lever', 'name_zh', 'name_en', 'range_min', 'range_max', 'mu_star', 'mu', 'sigma', 'effects', 'trajectories', 'levers'] as const;

/** drivers.csv: one row per output × lever, largest μ* first. */
export function driversCsv(drivers: BriefingDrivers): string {
  const { result } = drivers;
  const inputs = new Map(result.inputs.map((i) => [i.id, i]));
  const n = (v: number): CsvField => (Number.isFinite(v) ? v : null);
  const rows = result.outputs.flatMap((o) =>
    o.effects.map((e, i): CsvField[] => {
      const input = inputs.get(e.input);
      return [drivers.scenario, o.output.id, o.output.year ?? null, i + 1, e.input, e.label?.zh ?? '', e.label?.en ?? '', input?.min ?? null, input?.max ?? null, n(e.muStar), n(e.mu), n(e.sigma), e.n, result.trajectories, result.inputs.length];
    }),
  );
  return toCsv(DRIVERS_CSV_HEADER, rows);
}
