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

/** "12 of 22 targets on track, 5 of them met" — the one headline for a scenario's targets. */
export function attainmentHeadline(rows: readonly Pick<AttainmentRow, 'class' | 'met'>[], lang: Lang): string {
  const onTrack = rows.filter((r) => isOnTrack(r.class)).length;
  const met = rows.filter((r) => r.met === true || r.class === 'met').length;
  return lang === 'zh'
    ? `${rows.length} 个目标中 ${onTrack} 个进展顺利，其中 ${met} 个如期完成`
    : `${onTrack} of ${rows.length} targets on track, ${met} of them met`;
}

/** Counts by class, in the vocabulary's order, leaving out classes with none: "3 on track, 2 moderate progress". */
export function classCounts(rows: readonly Pick<AttainmentRow, 'class'>[], lang: Lang): string {
  return ATTAINMENT_CLASSES.map((c) => [c, rows.filter((r) => r.class === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${classLabel(c, lang)}`)
    .join(lang === 'zh' ? '，' : ', ');
}
