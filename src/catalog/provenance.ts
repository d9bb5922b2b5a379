/**
 * Checks that every figure in the catalog is what the plan says, where the plan says it.
 * Pure functions returning lists of problems (empty = fine), so that tests can show a wrong record
 * is caught, and so that users who add records can run the same checks.
 */
import type { Baseline, IndicatorRecord, PlanSource, ReformTask, Target } from './types.js';

/** Chinese numerals the plan uses for small counts (e.g. 十多个 = more than ten). */
const CHINESE_NUMERALS: Readonly<Record<number, string>> = {
  1: '一', 2: '两', 3: '三', 4: '四', 5: '五', 6: '六', 7: '七', 8: '八', 9: '九', 10: '十',
};

const QUALIFIER_MARKERS = { 'at-least': '以上', about: '左右', 'more-than': '多' } as const;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for the value as the plan writes it: the number (Arabic, or a Chinese numeral up to
 * ten) not part of a longer number, then `%`/`％` when the unit is a percentage (and no percent sign
 * otherwise), then 以上 / 左右 / 多 exactly when the baseline has that qualifier.
 * So 93.66 matches `93.66％`, 90 at-least matches `90%以上`, 1860 more-than matches `1860多个`.
 */
export function valuePattern(baseline: Baseline, unit: string): RegExp {
  const forms = [escapeRegExp(String(baseline.value))];
  const numeral = CHINESE_NUMERALS[baseline.value];
  if (numeral) forms.push(numeral);
  // Not part of a longer number, Arabic (93.6 in 93.66) or Chinese (十 in 二十 or 十一).
  const number = `(?<![0-9.一二两三四五六七八九十百千])(?:${forms.join('|')})(?![0-9一二三四五六七八九百千]|\\.[0-9])`;
  const percent = unit === '%' ? '\\s*[%％]' : '(?!\\s*[%％])';
  const markers = Object.values(QUALIFIER_MARKERS).join('|');
  const qualifier = baseline.qualifier ? QUALIFIER_MARKERS[baseline.qualifier] : `(?!${markers})`;
  return new RegExp(`${number}${percent}${qualifier}`);
}

/** How the plan would write the value, for messages: `93%以上`, `1860多`, `3.6`. */
export function valueAsWritten(baseline: Baseline, unit: string): string {
  return `${baseline.value}${unit === '%' ? '%' : ''}${baseline.qualifier ? QUALIFIER_MARKERS[baseline.qualifier] : ''}`;
}

/** The plan's text split into lines; `plan[line - 1]` is the cited line. */
export type PlanLines = readonly string[];

/** The quote stands verbatim on the cited line, and each heading of `section` opens an earlier line. */
export function checkSource(what: string, source: PlanSource, plan: PlanLines): string[] {
  const problems: string[] = [];
  const text = plan[source.line - 1];
  if (text === undefined) return [`${what}: line ${source.line} is outside the plan (${plan.length} lines)`];
  if (!text.includes(source.quote)) problems.push(`${what}: quote "${source.quote}" is not on line ${source.line}`);
  let from = 0;
  for (const heading of source.section.split(' / ')) {
    const at = plan.findIndex((l, i) => i >= from && i < source.line && l.trim().startsWith(heading));
    if (at < 0) {
      problems.push(`${what}: section heading "${heading}" does not open a line between ${from + 1} and ${source.line}`);
      break;
    }
    from = at + 1;
  }
  return problems;
}

/** One indicator record on its own; with `plan`, also against the plan's text. */
export function checkIndicatorRecord(r: IndicatorRecord, plan?: PlanLines): string[] {
  const problems: string[] = [];
  const what = `indicator ${r.id}`;
  if (r.source.quote.trim() === '') problems.push(`${what}: empty quote`);
  if (r.baselineProvenance) {
    const reason = r.baselineProvenance.kind === 'external' ? r.baselineProvenance.citation : r.baselineProvenance.reason;
    if (reason.trim() === '') problems.push(`${what}: baselineProvenance '${r.baselineProvenance.kind}' needs a non-empty reason or citation`);
  } else if (!valuePattern(r.baseline, r.unit).test(r.source.quote)) {
    problems.push(`${what}: quote "${r.source.quote}" does not state the baseline as written (${valueAsWritten(r.baseline, r.unit)})`);
  }
  const { min, max } = r.bounds;
  if (!(min <= max)) problems.push(`${what}: bounds [${min}, ${max}] are empty`);
  if (!(r.baseline.value >= min && r.baseline.value <= max)) {
    problems.push(`${what}: baseline ${r.baseline.value} lies outside its bounds [${min}, ${max}]`);
  }
  if (r.unit === '%' && (min < 0 || max > 100)) problems.push(`${what}: a share must lie in [0, 100], bounds are [${min}, ${max}]`);
  if (!Number.isFinite(r.baseline.value)) problems.push(`${what}: baseline ${r.baseline.value} is not a finite number`);
  if (plan) problems.push(...checkSource(what, r.source, plan));
  return problems;
}

export function checkTarget(t: Target, plan?: PlanLines): string[] {
  const problems: string[] = [];
  const what = `target ${t.id}`;
  if (t.source.quote.trim() === '') problems.push(`${what}: empty quote`);
  if ((t.kind === 'change' || t.kind === 'direction') && !(t.baseYear < t.year)) {
    problems.push(`${what}: base year ${t.baseYear} must come before the target year ${t.year}`);
  }
  if (plan) problems.push(...checkSource(what, t.source, plan));
  return problems;
}

export function checkTask(t: ReformTask, plan?: PlanLines): string[] {
  const problems: string[] = [];
  const what = `task ${t.id}`;
  if (t.source.quote !== t.tasks.zh) problems.push(`${what}: quote must be the task cell (tasks.zh)`);
  if (plan) {
    problems.push(...checkSource(what, t.source, plan));
    // In the 专栏 tables each row is: number, project name, tasks — on consecutive lines.
    if (plan[t.source.line - 3]?.trim() !== String(t.row)) problems.push(`${what}: line ${t.source.line - 2} is not row ${t.row}`);
    if (plan[t.source.line - 2]?.trim() !== t.name.zh) problems.push(`${what}: name "${t.name.zh}" is not line ${t.source.line - 1}`);
    if (plan[t.source.line - 1]?.trim() !== t.tasks.zh) problems.push(`${what}: tasks.zh is not line ${t.source.line} verbatim`);
  }
  return problems;
}

/** The whole catalog: each record, plus uniqueness and every link resolving. */
export function checkCatalog(
  indicators: readonly IndicatorRecord[],
  targets: readonly Target[],
  tasks: readonly ReformTask[],
  plan?: PlanLines,
): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const id of [...indicators.map((r) => r.id), ...targets.map((t) => t.id), ...tasks.map((t) => t.id)]) {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  }
  const indicatorIds = new Set(indicators.map((r) => r.id));
  for (const r of indicators) problems.push(...checkIndicatorRecord(r, plan));
  for (const t of targets) {
    problems.push(...checkTarget(t, plan));
    if (t.kind !== 'milestone' && !indicatorIds.has(t.indicator)) problems.push(`target ${t.id}: unknown indicator ${t.indicator}`);
  }
  for (const t of tasks) {
    problems.push(...checkTask(t, plan));
    for (const i of t.indicators) if (!indicatorIds.has(i)) problems.push(`task ${t.id}: unknown indicator ${i}`);
  }
  return problems;
}
