/**
 * Structure and parameter assessment: where every lever's default comes from (its provenance
 * kind), by domain; which assumed defaults carry a plausible range; which were calibrated.
 * Kinds are read from the data, so a new kind (e.g. `calibrated`) appears without a code change.
 */
import { Domains, type Domain } from '../catalog/types.js';
import { params } from '../params/index.js';
import { formatParamValue } from '../params/format.js';
import type { ParamRecord } from '../params/types.js';
import { distributionSupport } from '../scenario/merge.js';

export interface ProvenanceByDomain {
  readonly domain: Domain;
  readonly name: string;
  readonly total: number;
  /** Levers per provenance kind. */
  readonly kinds: Readonly<Record<string, number>>;
  /** Assumed defaults with a plausible range (drawn under `--uncertainty all`). */
  readonly assumedWithRange: number;
}

export interface AssumptionRange {
  readonly lever: string;
  readonly domain: Domain;
  readonly distribution: string;
  /** Width of the plausible range relative to the default (NaN when the default is 0). */
  readonly relativeWidth: number;
}

export interface CalibratedLever {
  readonly lever: string;
  readonly domain: Domain;
  readonly default: string;
  readonly range: { readonly min: number; readonly max: number };
  /** The fit's interval for the lever, when the provenance records one. */
  readonly interval: readonly [number, number] | null;
  /** The assumed default the fit replaced, when recorded. */
  readonly assumed: number | null;
  /** Observations fitted to and their last year, when recorded (never after 2013). */
  readonly rows: number | null;
  readonly lastYear: number | null;
}

/** Fields a calibrated provenance may carry, read structurally (whatever else it holds). */
function calibrationDetails(provenance: unknown): Pick<CalibratedLever, 'interval' | 'assumed' | 'rows' | 'lastYear'> {
  const p = (typeof provenance === 'object' && provenance !== null ? provenance : {}) as Record<string, unknown>;
  const interval = Array.isArray(p.interval) && p.interval.length === 2 && p.interval.every((x) => typeof x === 'number') ? (p.interval as [number, number]) : null;
  const assumed = typeof p.assumed === 'object' && p.assumed !== null && typeof (p.assumed as Record<string, unknown>).value === 'number' ? ((p.assumed as Record<string, unknown>).value as number) : null;
  const rows = Array.isArray(p.rows) ? (p.rows as unknown[]) : null;
  const years = (rows ?? []).flatMap((r) => (typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).year === 'number' ? [(r as Record<string, unknown>).year as number] : []));
  return { interval, assumed, rows: rows ? rows.length : null, lastYear: years.length > 0 ? Math.max(...years) : null };
}

export interface ParameterResult {
  readonly total: number;
  /** Provenance kinds in the order first met in the preferred order, then alphabetically. */
  readonly kinds: readonly string[];
  readonly totals: Readonly<Record<string, number>>;
  readonly byDomain: readonly ProvenanceByDomain[];
  readonly assumptions: number;
  /** Assumed defaults drawn under `--uncertainty all` (with a plausible range). */
  readonly withRange: number;
  /** Assumed defaults held fixed because they are tied to a value the plan states. */
  readonly fixedBy: readonly { readonly lever: string; readonly reason: string }[];
  /** Assumed defaults with neither a range nor a reason to hold them. */
  readonly withoutRange: readonly string[];
  /** The assumed ranges that are widest relative to their default (most uncertain). */
  readonly widest: readonly AssumptionRange[];
  readonly calibrated: readonly CalibratedLever[];
}

const KIND_ORDER = ['plan', 'external', 'calibrated', 'assumption'];

const kindOf = (p: ParamRecord): string => p.provenance.kind;

function orderedKinds(levers: readonly ParamRecord[]): string[] {
  const present = [...new Set(levers.map(kindOf))];
  const rank = (k: string): number => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const countKinds = (levers: readonly ParamRecord[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const p of levers) counts[kindOf(p)] = (counts[kindOf(p)] ?? 0) + 1;
  return counts;
};

function describeDistribution(p: ParamRecord): string {
  const d = p.uncertainty?.distribution;
  if (!d) return '';
  switch (d.dist) {
    case 'uniform':
      return `uniform(${d.min}, ${d.max})`;
    case 'triangular':
      return `triangular(${d.min}, ${d.mode}, ${d.max})`;
    case 'normal':
      return `normal(${d.mean}, ${d.sd})`;
    case 'beta':
      return `beta(${d.alpha}, ${d.beta}) on [${d.min}, ${d.max}]`;
    case 'discrete':
      return `one of ${d.values.join(', ')}`;
  }
}

export function parameterAssessment(levers: readonly ParamRecord[] = params): ParameterResult {
  const kinds = orderedKinds(levers);
  const assumed = levers.filter((p) => kindOf(p) === 'assumption');
  const ranges = assumed.flatMap((p): AssumptionRange[] => {
    const d = p.uncertainty?.distribution;
    if (!d) return [];
    const support = distributionSupport(d);
    const reference = typeof p.default === 'number' ? p.default : NaN;
    return [{ lever: p.id, domain: p.domain, distribution: describeDistribution(p), relativeWidth: reference === 0 ? NaN : (support.max - support.min) / Math.abs(reference) }];
  });
  return {
    total: levers.length,
    kinds,
    totals: countKinds(levers),
    byDomain: (Object.keys(Domains) as Domain[]).flatMap((domain) => {
      const own = levers.filter((p) => p.domain === domain);
      const assumedWithRange = own.filter((p) => kindOf(p) === 'assumption' && p.uncertainty !== undefined).length;
      return own.length === 0 ? [] : [{ domain, name: Domains[domain].en, total: own.length, kinds: countKinds(own), assumedWithRange }];
    }),
    assumptions: assumed.length,
    withRange: ranges.length,
    fixedBy: assumed.flatMap((p) => (p.fixedBy && !p.uncertainty ? [{ lever: p.id, reason: p.fixedBy }] : [])),
    withoutRange: assumed.filter((p) => !p.uncertainty && !p.fixedBy).map((p) => p.id),
    widest: ranges
      .filter((r) => Number.isFinite(r.relativeWidth))
      .sort((a, b) => b.relativeWidth - a.relativeWidth || a.lever.localeCompare(b.lever))
      .slice(0, 8),
    calibrated: levers
      .filter((p) => kindOf(p) === 'calibrated')
      .map((p) => ({ lever: p.id, domain: p.domain, default: formatParamValue(p.default), range: p.range, ...calibrationDetails(p.provenance) })),
  };
}
