/**
 * Target attainment (MODEL.md §4). For a level or change target the projected change from the
 * base is compared with the change the target requires:
 *
 *   progress ratio r = (projected − base) / (required − base)
 *
 * and classed r ≥ 0.95 on-track, 0.6 ≤ r < 0.95 moderate, 0 ≤ r < 0.6 insufficient, r < 0
 * moving-away. These defaults are the thresholds of Eurostat's SDG progress assessment for
 * quantified targets ("Sustainable development in the European Union — monitoring report",
 * methodological annex: ≥ 95 % of the required pace = significant progress, 60–95 % moderate,
 * 0–60 % insufficient, < 0 movement away), which UN ESCAP's Asia-Pacific SDG Progress Report also
 * measures as the ratio of anticipated to required progress. Eurostat compares compound growth
 * rates over the period; here the ratio of changes over the same period is used, which ranks the
 * same way for a single period and stays defined when the base is 0.
 *
 * Special cases, documented because they decide classes:
 * - a target already met at base is on-track while it is still met at the target year, and
 *   moving-away otherwise (it was lost);
 * - a projection that meets the target is on-track whatever its ratio;
 * - '≈' targets (with tolerance) are met within the tolerance; their ratio is
 *   1 − |projected − level| / |level − base|, so overshooting counts like falling short;
 * - "meets" allows a relative slack of 1e-9 so that 100 × (1 − 0.2) computed through a model
 *   that lands on 79.99999999999999 still meets "−20 %".
 * Direction targets are met / not-met by the sign of the change from baseYear to year (strict);
 * milestones are met when the completion lever is ≤ the due year.
 */
import type { ChangeTarget, LevelTarget, Target } from '../catalog/types.js';
import type { AttainmentClass } from './types.js';

export interface AttainmentThresholds {
  /** Ratio at or above which a target is on-track (default 0.95). */
  readonly onTrack: number;
  /** Ratio at or above which progress is moderate (default 0.6); below it, down to 0, insufficient. */
  readonly moderate: number;
}

/** Eurostat SDG progress-assessment thresholds (see the module comment). */
export const DEFAULT_THRESHOLDS: AttainmentThresholds = Object.freeze({ onTrack: 0.95, moderate: 0.6 });

const SLACK = 1e-9;
/** −0 reads as a sign in CSV/JSON output; report 0. */
const unsignedZero = (x: number): number => (x === 0 ? 0 : x);

/** Value of an indicator at a reporting year in one trajectory; NaN when not available. */
export type ValueAt = (indicator: string, year: number) => number;
/** The completion year (milestone lever value) in a run. */
export type LeverAt = (param: string) => number;

export interface Judgement {
  readonly projected: number | null;
  readonly required: number | null;
  readonly gap: number | null;
  readonly yearReached: number | null;
  readonly class: AttainmentClass;
  /** The progress ratio for level/change targets (NaN when undefined), null otherwise. */
  readonly ratio: number | null;
}

/** Classes a progress ratio with `thresholds`. */
export function classifyRatio(ratio: number, thresholds: AttainmentThresholds = DEFAULT_THRESHOLDS): AttainmentClass {
  if (ratio >= thresholds.onTrack) return 'on-track';
  if (ratio >= thresholds.moderate) return 'moderate';
  if (ratio >= 0) return 'insufficient';
  return 'moving-away';
}

/** The comparison a level/change target makes: which way is "beyond", or '≈'. */
type Sense = 'up' | 'down' | 'near';

interface Requirement {
  readonly indicator: string;
  readonly baseYear: number;
  readonly sense: Sense;
  readonly tolerance: number;
  required(base: number): number;
}

function requirementOf(target: LevelTarget | ChangeTarget, startYear: number): Requirement {
  if (target.kind === 'level') {
    const sense: Sense = target.comparator === '>=' ? 'up' : target.comparator === '<=' ? 'down' : 'near';
    return { indicator: target.indicator, baseYear: startYear, sense, tolerance: target.tolerance ?? 0, required: () => target.level };
  }
  const sense: Sense = target.change >= 0 ? 'up' : 'down';
  const required = target.relative ? (base: number): number => base * (1 + target.change) : (base: number): number => base + target.change;
  return { indicator: target.indicator, baseYear: target.baseYear, sense, tolerance: 0, required };
}

function meets(value: number, required: number, sense: Sense, tolerance: number): boolean {
  if (Number.isNaN(value)) return false;
  const slack = SLACK * Math.max(1, Math.abs(required));
  if (sense === 'up') return value >= required - slack;
  if (sense === 'down') return value <= required + slack;
  return Math.abs(value - required) <= tolerance + slack;
}

/** Required value for a level/change target given the trajectory (null when not numeric). */
export function requiredValue(target: Target, valueAt: ValueAt, startYear: number): number | null {
  if (target.kind !== 'level' && target.kind !== 'change') return null;
  const req = requirementOf(target, startYear);
  return req.required(valueAt(req.indicator, req.baseYear));
}

/** Whether the target's condition holds in one trajectory at its year (used for MC probability). */
export function targetHolds(target: Target, valueAt: ValueAt, leverAt: LeverAt, startYear: number): boolean {
  switch (target.kind) {
    case 'level':
    case 'change': {
      const req = requirementOf(target, startYear);
      const required = req.required(valueAt(req.indicator, req.baseYear));
      return meets(valueAt(req.indicator, target.year), required, req.sense, req.tolerance);
    }
    case 'direction': {
      const change = valueAt(target.indicator, target.year) - valueAt(target.indicator, target.baseYear);
      return target.direction === 'increase' ? change > 0 : change < 0;
    }
    case 'milestone':
      return leverAt(target.completionParam) <= target.year;
  }
}

/**
 * Judges one target on one trajectory (the deterministic run, or the median trajectory under
 * Monte Carlo). `years` are the reporting years available; the target year must be among them.
 */
export function judgeTarget(
  target: Target,
  valueAt: ValueAt,
  leverAt: LeverAt,
  years: readonly number[],
  thresholds: AttainmentThresholds = DEFAULT_THRESHOLDS,
): Judgement {
  const startYear = years[0] ?? target.year;
  switch (target.kind) {
    case 'milestone': {
      const done = leverAt(target.completionParam);
      const last = years[years.length - 1] ?? target.year;
      return {
        projected: null,
        required: null,
        gap: null,
        yearReached: done <= last ? Math.max(done, startYear) : null,
        class: done <= target.year ? 'met' : 'not-met',
        ratio: null,
      };
    }
    case 'direction': {
      const base = valueAt(target.indicator, target.baseYear);
      const moved = (y: number): boolean => {
        const change = valueAt(target.indicator, y) - base;
        return target.direction === 'increase' ? change > 0 : change < 0;
      };
      const projected = valueAt(target.indicator, target.year);
      return {
        projected: Number.isNaN(projected) ? null : projected,
        required: null,
        gap: null,
        yearReached: years.find((y) => y > target.baseYear && moved(y)) ?? null,
        class: moved(target.year) ? 'met' : 'not-met',
        ratio: null,
      };
    }
    case 'level':
    case 'change': {
      const req = requirementOf(target, startYear);
      const base = valueAt(req.indicator, req.baseYear);
      const required = req.required(base);
      const projected = valueAt(req.indicator, target.year);
      const holds = (v: number): boolean => meets(v, required, req.sense, req.tolerance);
      const metAtBase = holds(base);
      const metAtYear = holds(projected);
      const ratio = progressRatio(projected, base, required, req.sense);
      let cls: AttainmentClass;
      if (metAtYear) cls = 'on-track';
      else if (metAtBase) cls = 'moving-away';
      else cls = Number.isNaN(ratio) ? 'moving-away' : classifyRatio(ratio, thresholds);
      const sign = req.sense === 'down' ? -1 : 1;
      return {
        projected: Number.isNaN(projected) ? null : projected,
        required: Number.isNaN(required) ? null : required,
        gap: Number.isNaN(projected - required) ? null : unsignedZero(sign * (projected - required)),
        yearReached: years.find((y) => y >= req.baseYear && holds(valueAt(req.indicator, y))) ?? null,
        class: cls,
        ratio: unsignedZero(ratio),
      };
    }
  }
}

/** (projected − base) / (required − base); for '≈', 1 − |projected − required| / |required − base|. */
export function progressRatio(projected: number, base: number, required: number, sense: Sense): number {
  const needed = required - base;
  if (needed === 0) return NaN;
  if (sense === 'near') return 1 - Math.abs(projected - required) / Math.abs(needed);
  return (projected - base) / needed;
}
