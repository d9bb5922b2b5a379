/**
 * Extreme-condition tests (Sterman, Business Dynamics ch. 21): every lever at its range minimum,
 * and again at its maximum, over a long horizon. Shares must stay in [0, 100], no count may grow
 * past 20 × its 2010 value (nor real GDP: money amounts are in current prices, so inflation
 * multiplies them), population must be conserved and the ledgers must stay non-negative.
 *
 * The checks and their thresholds live here once; tests and the validation report both use them.
 */
import { catalog } from '../catalog/index.js';
import { compileModel } from '../engine/compile.js';
import type { CompiledModel } from '../engine/types.js';
import { hangzhouModel, modelSeries } from '../models/index.js';
import { params } from '../params/index.js';

export type Extreme = 'min' | 'max';

/** The longest growth a count may show over the horizon, as a multiple of its 2010 value. */
export const COUNT_GROWTH_LIMIT = 20;
/** Population accounting error allowed, relative to the resident population. */
export const CONSERVATION_TOLERANCE = 1e-9;
/** Stocks that may never go below zero (the quota ledger, the reform budget, land, people). */
export const NON_NEGATIVE_STOCKS = ['quota_balance', 'reform_budget', 'farmland', 'homestead_area', 'migrant_settled', 'land_swap_insured'] as const;
const SHARE_SLACK = 1e-9;
const LEDGER_SLACK = 1e-6;

/** The unit of every indicator and model series, by output id. */
export const unitOf: ReadonlyMap<string, string> = new Map<string, string>([...catalog.map((i): [string, string] => [i.id, i.unit]), ...modelSeries.map((s): [string, string] => [s.id, s.unit])]);
/** Shares: percentages and scores out of 100. */
export const isShare = (unit: string): boolean => unit === '%' || unit.startsWith('分');
/** Counts: people, firms, organisations, items, hectares — not money, ratios, indices or points. */
export const isCount = (unit: string): boolean => !/元|%|分|比例|倍|percentage|index/.test(unit);

export interface ExtremeResult {
  readonly extreme: Extreme;
  readonly until: number;
  readonly outputs: number;
  readonly shares: number;
  readonly counts: number;
  /** Outputs with a value that is not a finite number. */
  readonly nonFinite: readonly string[];
  /** The lowest and the highest value of any share, and which share. */
  readonly shareLow: { readonly id: string; readonly value: number };
  readonly shareHigh: { readonly id: string; readonly value: number };
  /** The count that grows most, as a multiple of its 2010 value, and real GDP's multiple. */
  readonly largestGrowth: { readonly id: string; readonly ratio: number };
  readonly realGdpGrowth: number;
  /** Largest |population accounting error| / residents over all steps. */
  readonly conservationError: number;
  /** The lowest value of each stock that must stay non-negative. */
  readonly ledgerMinimum: readonly { readonly id: string; readonly value: number }[];
  /** Every violated condition, in words (empty: all hold). */
  readonly problems: readonly string[];
}

const compiledByHorizon = new Map<number, CompiledModel>();
function compiledUntil(until: number): CompiledModel {
  let m = compiledByHorizon.get(until);
  if (!m) {
    m = compileModel(hangzhouModel, params, { until });
    compiledByHorizon.set(until, m);
  }
  return m;
}

/** Every lever at its range minimum or maximum, as constants. */
export const leversAt = (extreme: Extreme): Record<string, number> => Object.fromEntries(params.map((p) => [p.id, p.range[extreme]]));

/** Runs the model with every lever at `extreme` until `until` and checks the conditions. */
export function extremeConditions(extreme: Extreme, until = 2040): ExtremeResult {
  const m = compiledUntil(until);
  const levers = leversAt(extreme);
  const view = m.layout.view(m.run(levers));
  const trace = m.trace(levers);
  const problems: string[] = [];
  const nonFinite: string[] = [];
  let shareLow = { id: '', value: Infinity };
  let shareHigh = { id: '', value: -Infinity };
  let largestGrowth = { id: '', ratio: 0 };
  let shares = 0;
  let counts = 0;
  for (const id of m.outputIds) {
    const unit = unitOf.get(id) ?? '';
    const all = Array.from(view.series(id));
    // The first year of an "in the year" series has no value (NaN): it is not an output yet.
    const series = all.slice(1);
    if (series.some((v) => !Number.isFinite(v))) {
      nonFinite.push(id);
      problems.push(`${id} is not finite`);
    }
    if (isShare(unit)) {
      shares++;
      const lo = Math.min(...series);
      const hi = Math.max(...series);
      if (lo < shareLow.value) shareLow = { id, value: lo };
      if (hi > shareHigh.value) shareHigh = { id, value: hi };
      if (lo < -SHARE_SLACK || hi > 100 + SHARE_SLACK) problems.push(`${id} leaves [0, 100]: ${lo} … ${hi}`);
    }
    if (isCount(unit)) {
      counts++;
      const first = all[0] as number;
      const peak = Math.max(...all.filter((v) => !Number.isNaN(v)));
      if (first > 0) {
        const ratio = peak / first;
        if (ratio > largestGrowth.ratio) largestGrowth = { id, ratio };
        if (ratio > COUNT_GROWTH_LIMIT) problems.push(`${id}: ×${ratio.toFixed(1)}`);
      }
    }
  }
  const gdp = trace.values.real_gdp as Float64Array;
  const realGdpGrowth = Math.max(...gdp) / (gdp[0] as number);
  if (realGdpGrowth > COUNT_GROWTH_LIMIT) problems.push(`real_gdp: ×${realGdpGrowth.toFixed(1)}`);
  const err = trace.values.population_accounting_error as Float64Array;
  const residents = trace.values.resident_population as Float64Array;
  let conservationError = 0;
  err.forEach((e, k) => (conservationError = Math.max(conservationError, Math.abs(e) / (residents[k] as number))));
  if (!(conservationError <= CONSERVATION_TOLERANCE)) problems.push(`population is not conserved: accounting error ${conservationError} of residents`);
  const ledgerMinimum = NON_NEGATIVE_STOCKS.map((id) => ({ id, value: Math.min(...(trace.values[id] as Float64Array)) }));
  for (const l of ledgerMinimum) if (!(l.value >= -LEDGER_SLACK)) problems.push(`${l.id} goes below zero: ${l.value}`);
  return {
    extreme,
    until,
    outputs: m.outputIds.length,
    shares,
    counts,
    nonFinite,
    shareLow,
    shareHigh,
    largestGrowth,
    realGdpGrowth,
    conservationError,
    ledgerMinimum,
    problems,
  };
}
