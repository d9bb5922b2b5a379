/**
 * Observed paces: how fast an indicator moved over the five years before the plan, read from the
 * published figures (data/observed/hangzhou.csv). Attainment grades a direction target (提高 /
 * 扩大 …) against this pace where one is known (see src/runner/attainment.ts).
 *
 * A pace is the compound annual growth rate from an end-of-2005 (or, failing that, end-of-2006)
 * figure to the end-of-2010 figure, i.e. over 2006–2010 (the 十一五 period):
 *
 *   rate = (value₂₀₁₀ / value_start)^(1 / (2010 − start)) − 1
 *
 * Both ends must be `primary` rows of the same source (same title and address), so that the two
 * figures are on one basis; nothing is interpolated, and an indicator without such a pair has no
 * observed pace.
 */
import type { ObservedRow } from './observed.js';

/** The pace ends at the plan's base year. */
export const PACE_END_YEAR = 2010;
/** The years a pace may start from, preferred first: end of 2005 (the whole 2006–2010 period), else end of 2006. */
export const PACE_START_YEARS = [2005, 2006] as const;

/**
 * Plan indicators whose pace is read from an observable of another id, with why the pace carries
 * over. An indicator not listed here is read from the observable of its own id.
 */
export const PACE_PROXIES: Readonly<Record<string, { readonly observable: string; readonly reason: string }>> = {
  'integration.level': {
    observable: 'integration.coordination-score',
    reason:
      'the plan’s 城乡一体化水平 (87.1 % in 2010) has no published series; Zhejiang’s evaluation of Hangzhou’s urban-rural coordination (87.4 points in 2010) scores the same six integrations on a 0–100 scale and is the closest measured pace (whether the plan’s figure is this index is not confirmed)',
  },
};

/** One end of a pace: the figure and the file line it comes from. */
export interface PaceEnd {
  readonly year: number;
  readonly value: number;
  readonly line: number;
}

/** An indicator's observed 2006–2010 growth. */
export interface ObservedGrowth {
  /** The plan indicator the pace is for. */
  readonly indicator: string;
  /** The observable the figures are of (the indicator itself, or its proxy). */
  readonly observable: string;
  readonly from: PaceEnd;
  readonly to: PaceEnd;
  /** Compound annual growth rate, signed (0.02 = 2 % a year up, −0.01 = 1 % a year down). */
  readonly rate: number;
  /** Where it comes from, in words: the figures, the source and, for a proxy, why. */
  readonly source: string;
}

/** Compound annual growth rate from `from` to `to` over `years` years. */
export function compoundAnnualRate(from: number, to: number, years: number): number {
  if (!(years > 0) || !(from > 0) || !(to > 0)) return NaN;
  return (to / from) ** (1 / years) - 1;
}

const sameSource = (a: ObservedRow, b: ObservedRow): boolean => a.source.title === b.source.title && a.source.url === b.source.url;

const formatRate = (rate: number): string => `${(100 * rate).toFixed(2)} %/yr`;

/**
 * The observed 2006–2010 growth of each of `indicators` that has one (see the module comment);
 * indicators without a pair of figures from one source are left out.
 */
export function observedGrowth(rows: readonly ObservedRow[], indicators: readonly string[]): ObservedGrowth[] {
  const found: ObservedGrowth[] = [];
  for (const indicator of new Set(indicators)) {
    const proxy = PACE_PROXIES[indicator];
    const observable = proxy?.observable ?? indicator;
    const primary = rows.filter((r) => r.id === observable && r.kind === 'output' && r.role === 'primary');
    const end = primary.find((r) => r.year === PACE_END_YEAR);
    if (!end) continue;
    const start = PACE_START_YEARS.map((y) => primary.find((r) => r.year === y && sameSource(r, end))).find((r) => r !== undefined);
    if (!start) continue;
    const rate = compoundAnnualRate(start.value, end.value, PACE_END_YEAR - start.year);
    if (!Number.isFinite(rate)) continue;
    const figures = `${start.stated.value} ${start.stated.unit} (${start.year}) → ${end.stated.value} ${end.stated.unit} (${end.year}), ${formatRate(rate)}`;
    const via = proxy ? ` — ${observable} as the measure of ${indicator}: ${proxy.reason}` : '';
    found.push({
      indicator,
      observable,
      from: { year: start.year, value: start.value, line: start.line },
      to: { year: end.year, value: end.value, line: end.line },
      rate,
      source: `${figures}; ${end.source.title} (${end.source.url}): “${end.quote}”${via}`,
    });
  }
  return found;
}
