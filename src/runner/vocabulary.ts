/**
 * One vocabulary for target attainment: the words for each class, for "met", for the comparison
 * with trend, and the headline that counts them. The CLI tables and attainment.csv use it, so a
 * run says the same thing wherever it is read.
 *
 * - on-track: the projected progress is at least 95 % of the required progress (or the target is
 *   met); moderate 60–95 %; insufficient 0–60 %; moving-away below 0 (src/runner/attainment.ts);
 * - met: the required value is reached — a milestone done — by the target's year. Every met
 *   target is on track; a milestone is either met or not-met;
 * - the headline counts targets on track (on-track or met) and, among them, those met.
 */
import type { Lang, Text } from '../catalog/types.js';
import type { AttainmentClass, AttainmentRow, RequirementBasis, VersusTrend } from './types.js';
import type { UncertaintyMode } from './uncertainty.js';

export const ATTAINMENT_CLASSES = ['on-track', 'moderate', 'insufficient', 'moving-away', 'met', 'not-met'] as const satisfies readonly AttainmentClass[];

export const CLASS_LABELS: Readonly<Record<AttainmentClass, Text>> = {
  'on-track': { zh: '进展顺利', en: 'on track' },
  moderate: { zh: '进展一般', en: 'moderate progress' },
  insufficient: { zh: '进展不足', en: 'insufficient progress' },
  'moving-away': { zh: '背离目标', en: 'moving away' },
  met: { zh: '如期完成', en: 'met' },
  'not-met': { zh: '未如期完成', en: 'not met' },
};

export const VERSUS_TREND_LABELS: Readonly<Record<VersusTrend, Text>> = {
  better: { zh: '优于趋势', en: 'better than trend' },
  worse: { zh: '劣于趋势', en: 'worse than trend' },
  indistinguishable: { zh: '与趋势无异', en: 'indistinguishable from trend' },
  reference: { zh: '（趋势基准）', en: '(the trend itself)' },
};

export const BASIS_LABELS: Readonly<Record<RequirementBasis, Text>> = {
  stated: { zh: '规划数值', en: 'stated number' },
  'observed-pace': { zh: '2006–2010年实际速度', en: 'observed 2006–2010 pace' },
  'eurostat-pace': { zh: '参考速度（年1%）', en: 'reference pace (1 %/yr)' },
  'eurostat-pace-stronger': { zh: '参考速度（加快，年1.5%）', en: 'reference pace, stronger (1.5 %/yr)' },
  milestone: { zh: '完成年份', en: 'completion year' },
};

/** Whether a class counts as on track in the headline (on-track, or a milestone met). */
export const isOnTrack = (c: AttainmentClass): boolean => c === 'on-track' || c === 'met';

export const classLabel = (c: AttainmentClass, lang: Lang): string => CLASS_LABELS[c][lang];

/** The counts a headline states: targets, those on track (on-track or met), and among them those met. */
export interface HeadlineCounts {
  readonly total: number;
  readonly onTrack: number;
  readonly met: number;
}

export function headlineCounts(rows: readonly Pick<AttainmentRow, 'class' | 'met'>[]): HeadlineCounts {
  return {
    total: rows.length,
    onTrack: rows.filter((r) => isOnTrack(r.class)).length,
    met: rows.filter((r) => r.met === true || r.class === 'met').length,
  };
}

/** The headline's words, with `{total}`, `{onTrack}` and `{met}` placeholders (the briefing fills them with sourced numbers). */
export const HEADLINE_TEMPLATE: Readonly<Record<Lang, string>> = {
  zh: '{total} 个目标中 {onTrack} 个进展顺利，其中 {met} 个如期完成',
  en: '{onTrack} of {total} targets on track, {met} of them met',
};

/** "12 of 22 targets on track, 5 of them met" — the one headline for a scenario's targets. */
export function attainmentHeadline(rows: readonly Pick<AttainmentRow, 'class' | 'met'>[], lang: Lang): string {
  const counts = headlineCounts(rows);
  return HEADLINE_TEMPLATE[lang].replace(/\{(\w+)\}/g, (_, k: keyof HeadlineCounts) => String(counts[k]));
}

/** Counts by class, in the vocabulary's order, leaving out classes with none: "3 on track, 2 moderate progress". */
export function classCounts(rows: readonly Pick<AttainmentRow, 'class'>[], lang: Lang): string {
  return ATTAINMENT_CLASSES.map((c) => [c, rows.filter((r) => r.class === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${classLabel(c, lang)}`)
    .join(lang === 'zh' ? '，' : ', ');
}

/**
 * Uncertainty in words, one form everywhere: "median 81.3, 90 % of runs between 77.1 and 86.8".
 * `{median}`, `{low}` (5th percentile) and `{high}` (95th) are placeholders.
 */
export const BAND_TEMPLATE: Readonly<Record<Lang, string>> = {
  zh: '中位数 {median}，90% 的模拟结果介于 {low} 与 {high} 之间',
  en: 'median {median}, 90 % of runs between {low} and {high}',
};

/** When the 5th and 95th percentiles agree at the precision shown: the runs do not differ. */
export const NO_SPREAD_TEMPLATE: Readonly<Record<Lang, string>> = {
  zh: '{median}（各次模拟结果相同）',
  en: '{median} (the same in every run)',
};

/** A value with its 90 % band: the median and the 5th and 95th percentiles of the runs. */
export interface Band {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The three numbers of a band as text, with one number of decimals for all three: about three
 * significant figures for the median, more (up to 4 decimals) until the 5th and 95th percentiles
 * read differently; `spread` false when they never do.
 */
export function bandNumbers(band: Band): { readonly median: string; readonly low: string; readonly high: string; readonly spread: boolean } {
  const magnitude = Math.max(Math.abs(band.median), Math.abs(band.low), Math.abs(band.high));
  let decimals = significantDecimals(magnitude);
  const most = Math.min(MAX_DECIMALS, Math.max(4, decimals + 4));
  const text = (v: number, d: number): string => groupedFixed(v, d);
  while (decimals < most && text(band.low, decimals) === text(band.high, decimals)) decimals++;
  const [median, low, high] = [text(band.median, decimals), text(band.low, decimals), text(band.high, decimals)];
  if (low === high) return { median: text(band.median, Math.min(decimals, significantDecimals(band.median))), low, high, spread: false };
  return { median, low, high, spread: true };
}

/** "median 81.3, 90 % of runs between 77.1 and 86.8" (or "81.3 (the same in every run)"). */
export function bandText(band: Band, lang: Lang): string {
  const n = bandNumbers(band);
  return bandWords(n, lang, n.spread ? BAND_TEMPLATE : NO_SPREAD_TEMPLATE);
}

/** A band's numbers, already formatted by the caller, in the band wording (or `template`). */
export function bandWords(n: { readonly median: string; readonly low: string; readonly high: string }, lang: Lang, template: Readonly<Record<Lang, string>> = BAND_TEMPLATE): string {
  return template[lang].replace(/\{(\w+)\}/g, (_, k: 'median' | 'low' | 'high') => n[k]);
}

/** Decimals in text never exceed this (toFixed's range, and what a reader can take in). */
const MAX_DECIMALS = 10;

/** Decimals that show about three significant figures of `v` (at most 10). */
export function significantDecimals(v: number): number {
  return v === 0 || !Number.isFinite(v) ? 0 : Math.min(MAX_DECIMALS, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v)))));
}

/** A number with `decimals` decimals, thousands grouped, a true minus sign, no "−0". */
export function groupedFixed(v: number, decimals: number): string {
  const rounded = Number(v.toFixed(decimals));
  const s = Math.abs(rounded).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return rounded < 0 ? `−${s}` : s;
}

/**
 * Which uncertainty a Monte Carlo band shows: the scenario's own (how its policies are
 * delivered), or also every lever default that is an assumption (`--uncertainty all`).
 */
export const UNCERTAINTY_LABELS: Readonly<Record<UncertaintyMode, Text>> = {
  scenario: { zh: '实施不确定性（情景自身 uncertainty 段所列参数）', en: "delivery uncertainty (the levers in the scenario's own uncertainty block)" },
  all: { zh: '全部假设参数的不确定性（另加各假设默认值的合理区间）', en: 'every assumption (delivery, plus each assumed lever default over its plausible range)' },
};
