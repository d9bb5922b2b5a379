/**
 * Target attainment. Every target is judged on one scale: the projected change from the base is
 * compared with the change the target requires,
 *
 *   progress ratio r = (projected − base) / (required − base),
 *
 * and classed r ≥ 0.95 on-track, 0.6 ≤ r < 0.95 moderate, 0 ≤ r < 0.6 insufficient, r < 0
 * moving-away. These are the thresholds of Eurostat's SDG progress assessment for indicators with
 * a quantified target (Eurostat, "Sustainable development in the European Union — Monitoring
 * report on progress towards the SDGs in an EU context", 2021 edition, methodological annex: the
 * observed growth rate as a share of the growth rate required to meet the target — ≥ 95 %
 * significant progress, 60–95 % moderate, 0–60 % insufficient, < 0 movement away), which UN
 * ESCAP's Asia-Pacific SDG Progress Report also measures as anticipated over required progress.
 * Eurostat compares compound growth rates over the period; here the ratio of changes over the
 * same period is used, which ranks the same way for a single period and stays defined when the
 * base is 0.
 *
 * What is required:
 * - level and change targets: the plan's (or the scenario's) own number;
 * - direction targets (提高 / 扩大 / 推进 …), which the plan states without a number: a reference
 *   pace, turned into a required value at the target year — the observed 2006–2010 pace where one
 *   is known (`observedPaces`: the plan states none; the runner reads them from the published
 *   figures, src/data/paces.ts, and a pace against the target's direction is no reference, so the
 *   default applies), else Eurostat's threshold for indicators
 *   without a quantified target: growth of 1 % a year in the desired direction (same annex:
 *   > 1 % a year significant progress), strengthened to 1.5 % where the plan's words ask for more
 *   (加快 / 加大 / 大力 — the same 1.5 × reading the bundled plan scenario applies to its levers).
 *   A required value beyond an indicator's bound (a share past 100 %) is capped at 90 % of the
 *   room left to the bound;
 * - milestones: done by the target year (the completion lever ≤ the year).
 *
 * "Met" means the required value is reached by the target year (for a milestone: done by then);
 * a met target is on-track whatever its ratio.
 *
 * Special cases, documented because they decide classes:
 * - a target already met at base is on-track while it is still met at the target year, and
 *   moving-away otherwise (it was lost);
 * - '≈' targets (with tolerance) are met within the tolerance; their ratio is
 *   1 − |projected − level| / |level − base|, so overshooting counts like falling short;
 * - "meets" allows a relative slack of 1e-9 so that 100 × (1 − 0.2) computed through a model
 *   that lands on 79.99999999999999 still meets "−20 %".
 */
import type { ChangeTarget, DirectionTarget, LevelTarget, Target } from '../catalog/types.js';
import type { AttainmentClass, RequirementBasis } from './types.js';

export interface AttainmentThresholds {
  /** Ratio at or above which a target is on-track (default 0.95). */
  readonly onTrack: number;
  /** Ratio at or above which progress is moderate (default 0.6); below it, down to 0, insufficient. */
  readonly moderate: number;
}

/** Eurostat SDG progress-assessment thresholds (see the module comment). */
export const DEFAULT_THRESHOLDS: AttainmentThresholds = Object.freeze({ onTrack: 0.95, moderate: 0.6 });

/** Eurostat's growth threshold for indicators without a quantified target: 1 % a year. */
export const EUROSTAT_DEFAULT_PACE = 0.01;
/** The plan's "more" (加快 / 加大 / 大力): half again, as in the bundled plan scenario. */
export const STRONGER_PACE_FACTOR = 1.5;
/** Words of a direction target that ask for more than the default pace. */
export const STRONGER_WORDINGS = ['加快', '加大', '大力'] as const;
/** Share of the room left to a bound that a capped reference value requires. */
export const BOUND_CAP = 0.9;

const SLACK = 1e-9;
/** −0 reads as a sign in CSV/JSON output; report 0. */
const unsignedZero = (x: number): number => (x === 0 ? 0 : x);

/** Value of an indicator at a reporting year in one trajectory; NaN when not available. */
export type ValueAt = (indicator: string, year: number) => number;
/** The completion year (milestone lever value) in a run. */
export type LeverAt = (param: string) => number;

/** An observed 2006–2010 pace of an indicator: compound annual rate, with where it comes from. */
export interface ObservedPace {
  /** Compound annual growth rate of the indicator in the desired direction (0.02 = 2 % a year). */
  readonly pace: number;
  readonly source: string;
}

/** An indicator's observed growth as src/data/paces.ts gives it: signed compound annual rate, and source. */
export interface IndicatorGrowth {
  readonly indicator: string;
  readonly rate: number;
  readonly source: string;
}

/**
 * The observed paces of the direction targets among `targets`: each target's indicator growth
 * turned into a pace in the target's direction. A growth against the direction (the indicator fell
 * where the plan asks for a rise) or of zero is no reference — requiring the past fall again would
 * grade a fall as on track — so such a target keeps the default pace.
 */
export function observedPacesFor(targets: readonly Target[], growth: readonly IndicatorGrowth[]): Record<string, ObservedPace> {
  const byIndicator = new Map(growth.map((g) => [g.indicator, g]));
  const paces: Record<string, ObservedPace> = {};
  for (const target of targets) {
    if (target.kind !== 'direction') continue;
    const g = byIndicator.get(target.indicator);
    if (!g || !Number.isFinite(g.rate)) continue;
    const pace = target.direction === 'increase' ? g.rate : -g.rate;
    if (pace > 0) paces[target.indicator] = { pace, source: g.source };
  }
  return paces;
}

/** What the judge needs to know about indicators besides their values. */
export interface AttainmentSettings {
  readonly thresholds?: AttainmentThresholds;
  /** Bounds of an indicator (the runner gives shares — outputs in % — [0, 100]); undefined when unbounded. */
  readonly boundsOf?: (indicator: string) => { readonly min: number; readonly max: number } | undefined;
  /** Observed 2006–2010 paces by indicator id (the runner's: from the published figures, see observedPacesFor); none here by default. */
  readonly observedPaces?: Readonly<Record<string, ObservedPace>>;
}

/** The reference pace of a direction target and where it comes from. */
export interface ReferencePace {
  readonly pace: number;
  readonly basis: Extract<RequirementBasis, 'observed-pace' | 'eurostat-pace' | 'eurostat-pace-stronger'>;
}

export interface Judgement {
  readonly projected: number | null;
  readonly required: number | null;
  readonly gap: number | null;
  readonly yearReached: number | null;
  readonly class: AttainmentClass;
  /** The progress ratio (NaN when undefined), null for milestones. */
  readonly ratio: number | null;
  /** Whether the required value is reached (milestone: done) by the target year. */
  readonly met: boolean;
  readonly basis: RequirementBasis;
  /** The annual reference pace of a direction target, null otherwise. */
  readonly referencePace: number | null;
}

/** Classes a progress ratio with `thresholds`. */
export function classifyRatio(ratio: number, thresholds: AttainmentThresholds = DEFAULT_THRESHOLDS): AttainmentClass {
  if (ratio >= thresholds.onTrack) return 'on-track';
  if (ratio >= thresholds.moderate) return 'moderate';
  if (ratio >= 0) return 'insufficient';
  return 'moving-away';
}

/** The reference pace of a direction target: observed where known, else Eurostat's, stronger for 加快 / 加大 / 大力. */
export function referencePace(target: DirectionTarget, settings: AttainmentSettings = {}): ReferencePace {
  const observed = settings.observedPaces?.[target.indicator];
  if (observed) return { pace: observed.pace, basis: 'observed-pace' };
  const stronger = STRONGER_WORDINGS.some((w) => target.source.quote.includes(w) || target.label.zh.includes(w));
  return stronger ? { pace: EUROSTAT_DEFAULT_PACE * STRONGER_PACE_FACTOR, basis: 'eurostat-pace-stronger' } : { pace: EUROSTAT_DEFAULT_PACE, basis: 'eurostat-pace' };
}

/** The comparison a target makes: which way is "beyond", or '≈'. */
type Sense = 'up' | 'down' | 'near';

interface Requirement {
  readonly indicator: string;
  readonly baseYear: number;
  readonly sense: Sense;
  readonly tolerance: number;
  readonly basis: RequirementBasis;
  readonly pace: number | null;
  required(base: number): number;
}

function requirementOf(target: LevelTarget | ChangeTarget | DirectionTarget, startYear: number, settings: AttainmentSettings): Requirement {
  if (target.kind === 'level') {
    const sense: Sense = target.comparator === '>=' ? 'up' : target.comparator === '<=' ? 'down' : 'near';
    return { indicator: target.indicator, baseYear: startYear, sense, tolerance: target.tolerance ?? 0, basis: 'stated', pace: null, required: () => target.level };
  }
  if (target.kind === 'change') {
    const sense: Sense = target.change >= 0 ? 'up' : 'down';
    const required = target.relative ? (base: number): number => base * (1 + target.change) : (base: number): number => base + target.change;
    return { indicator: target.indicator, baseYear: target.baseYear, sense, tolerance: 0, basis: 'stated', pace: null, required };
  }
  const { pace, basis } = referencePace(target, settings);
  const up = target.direction === 'increase';
  const years = target.year - target.baseYear;
  const bounds = settings.boundsOf?.(target.indicator);
  const required = (base: number): number => {
    const paced = base * (up ? 1 + pace : 1 - pace) ** years;
    const bound = up ? bounds?.max : bounds?.min;
    if (bound === undefined || !Number.isFinite(bound)) return paced;
    const cap = base + BOUND_CAP * (bound - base);
    return up ? Math.min(paced, cap) : Math.max(paced, cap);
  };
  return { indicator: target.indicator, baseYear: target.baseYear, sense: up ? 'up' : 'down', tolerance: 0, basis, pace, required };
}

function meets(value: number, required: number, sense: Sense, tolerance: number): boolean {
  if (Number.isNaN(value)) return false;
  const slack = SLACK * Math.max(1, Math.abs(required));
  if (sense === 'up') return value >= required - slack;
  if (sense === 'down') return value <= required + slack;
  return Math.abs(value - required) <= tolerance + slack;
}

/** Required value at the target year given the trajectory (null for milestones). */
export function requiredValue(target: Target, valueAt: ValueAt, startYear: number, settings: AttainmentSettings = {}): number | null {
  if (target.kind === 'milestone') return null;
  const req = requirementOf(target, startYear, settings);
  return req.required(valueAt(req.indicator, req.baseYear));
}

/** Whether the target is met (its required value reached by its year) in one trajectory. */
export function targetHolds(target: Target, valueAt: ValueAt, leverAt: LeverAt, startYear: number, settings: AttainmentSettings = {}): boolean {
  if (target.kind === 'milestone') return leverAt(target.completionParam) <= target.year;
  const req = requirementOf(target, startYear, settings);
  const required = req.required(valueAt(req.indicator, req.baseYear));
  return meets(valueAt(req.indicator, target.year), required, req.sense, req.tolerance);
}

/**
 * Judges one target on one trajectory (the deterministic run, each Monte Carlo run, or the
 * median trajectory). `years` are the reporting years available; the target year must be among them.
 */
export function judgeTarget(target: Target, valueAt: ValueAt, leverAt: LeverAt, years: readonly number[], settings: AttainmentSettings = {}): Judgement {
  const startYear = years[0] ?? target.year;
  if (target.kind === 'milestone') {
    const done = leverAt(target.completionParam);
    const last = years[years.length - 1] ?? target.year;
    const met = done <= target.year;
    return {
      projected: null,
      required: null,
      gap: null,
      yearReached: done <= last ? Math.max(done, startYear) : null,
      class: met ? 'met' : 'not-met',
      ratio: null,
      met,
      basis: 'milestone',
      referencePace: null,
    };
  }
  const req = requirementOf(target, startYear, settings);
  const base = valueAt(req.indicator, req.baseYear);
  const required = req.required(base);
  const projected = valueAt(req.indicator, target.year);
  const holds = (v: number): boolean => meets(v, required, req.sense, req.tolerance);
  const metAtBase = holds(base);
  const met = holds(projected);
  const ratio = progressRatio(projected, base, required, req.sense);
  let cls: AttainmentClass;
  if (met) cls = 'on-track';
  else if (metAtBase) cls = 'moving-away';
  else cls = Number.isNaN(ratio) ? 'moving-away' : classifyRatio(ratio, settings.thresholds ?? DEFAULT_THRESHOLDS);
  const sign = req.sense === 'down' ? -1 : 1;
  return {
    projected: Number.isNaN(projected) ? null : projected,
    required: Number.isNaN(required) ? null : required,
    gap: Number.isNaN(projected - required) ? null : unsignedZero(sign * (projected - required)),
    yearReached: years.find((y) => y >= req.baseYear && holds(valueAt(req.indicator, y))) ?? null,
    class: cls,
    ratio: unsignedZero(ratio),
    met,
    basis: req.basis,
    referencePace: req.pace,
  };
}

/** (projected − base) / (required − base); for '≈', 1 − |projected − required| / |required − base|. */
export function progressRatio(projected: number, base: number, required: number, sense: Sense): number {
  const needed = required - base;
  if (needed === 0) return NaN;
  if (sense === 'near') return 1 - Math.abs(projected - required) / Math.abs(needed);
  return (projected - base) / needed;
}

/** The change of a target's indicator from its base year to its year (null for milestones). */
export function targetChange(target: Target, valueAt: ValueAt, startYear: number): number | null {
  if (target.kind === 'milestone') return null;
  const baseYear = target.kind === 'level' ? startYear : target.baseYear;
  const change = valueAt(target.indicator, target.year) - valueAt(target.indicator, baseYear);
  return Number.isNaN(change) ? null : change;
}

/** +1 when a rise of the target's indicator is progress, −1 when a fall is (null for milestones and '≈'). */
export function desiredSign(target: Target): 1 | -1 | null {
  switch (target.kind) {
    case 'milestone':
      return null;
    case 'direction':
      return target.direction === 'increase' ? 1 : -1;
    case 'change':
      return target.change >= 0 ? 1 : -1;
    case 'level':
      return target.comparator === '>=' ? 1 : target.comparator === '<=' ? -1 : null;
  }
}
