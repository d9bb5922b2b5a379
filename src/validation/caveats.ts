/**
 * The report's main caveats, derived from the results (no number is typed by hand), in Chinese or
 * English, so the briefing can state them beside its own findings.
 */
import type { Lang } from '../catalog/types.js';
import { fixed, percent } from './format.js';
import { validationResults, type ValidationResults } from './results.js';
import { ROBUST_SHARE } from './sensitivity.js';

const list = (xs: readonly string[], lang: Lang): string => xs.join(lang === 'zh' ? '、' : ', ');

let computed: ValidationResults | null = null;

/** Which caveats to leave out: `leverCounts` for a reader that states the lever provenance counts itself (the briefing). */
export interface CaveatOptions {
  readonly leverCounts?: boolean;
}

/**
 * The main caveats of the validation, most important first. Without `results` the tests are run
 * once per process (a few seconds) and reused.
 */
export function validationCaveats(lang: Lang, results?: ValidationResults, options: CaveatOptions = {}): string[] {
  if (!results) computed ??= validationResults();
  return caveatsOf(lang, results ?? (computed as ValidationResults), options);
}

function caveatsOf(lang: Lang, results: ValidationResults, options: CaveatOptions): string[] {
  const zh = lang === 'zh';
  const caveats: string[] = [];
  const { parameters: p, behaviour: b, sensitivity: s, integration: i, units: u, extremes: e } = results;

  const assumed = p.totals.assumption ?? 0;
  const calibrated = p.totals.calibrated ?? 0;
  if (options.leverCounts !== false) caveats.push(
    zh
      ? `${p.total} 个杠杆默认值中有 ${assumed} 个是假设（${calibrated} 个由数据校准），其中 ${p.withRange} 个带有合理区间并在 --uncertainty all 下抽样。`
      : `${assumed} of the ${p.total} lever defaults are assumptions (${calibrated} calibrated to data); ${p.withRange} of them carry a plausible range drawn under --uncertainty all.`,
  );

  const poor = b.series.filter((x) => x.poor.length > 0).map((x) => x.id);
  const series = b.series.length;
  caveats.push(
    zh
      ? `回测（${b.scenario} 情景）：${series} 个观测序列中有 ${poor.length} 个拟合较差${poor.length > 0 ? `（${list(poor, lang)}）` : ''}。`
      : `Backtest (${b.scenario} scenario): ${poor.length} of ${series} observed series fit poorly${poor.length > 0 ? ` (${list(poor, lang)})` : ''}.`,
  );

  const fragile = s.targets.filter((t) => t.versusReference.some((v) => v.better && v.probability < ROBUST_SHARE));
  const betterCount = s.targets.reduce((a, t) => a + t.versusReference.filter((v) => v.better).length, 0);
  const fragileCount = s.targets.reduce((a, t) => a + t.versusReference.filter((v) => v.better && v.probability < ROBUST_SHARE).length, 0);
  caveats.push(
    zh
      ? `在模型假设的不确定性下（${s.runs} 次抽样），确定性结果中“优于趋势”的 ${betterCount} 个情景–目标组合里有 ${fragileCount} 个的概率低于 ${percent(ROBUST_SHARE)}，涉及 ${fragile.length} 个目标。`
      : `Under the assumptions' uncertainty (${s.runs} draws), ${fragileCount} of the ${betterCount} scenario–target pairs that beat trend deterministically do so in fewer than ${percent(ROBUST_SHARE)} of runs (${fragile.length} targets).`,
  );

  const unstable = s.targets.filter((t) => t.ranking.length > 1 && t.rankingHolds < ROBUST_SHARE).length;
  const trendRobust = betterCount > 0 && fragileCount <= (1 - ROBUST_SHARE) * betterCount;
  caveats.push(
    zh
      ? `${s.targets.length} 个规划目标中，有 ${unstable} 个目标上各情景的完整排序在不到 ${percent(ROBUST_SHARE)} 的抽样中保持不变${unstable > 0 && trendRobust ? '：情景之间的细致排序不稳健，与趋势的比较更可靠' : ''}。`
      : `On ${unstable} of ${s.targets.length} plan targets the full ranking of the bundled scenarios holds in fewer than ${percent(ROBUST_SHARE)} of runs${unstable > 0 && trendRobust ? ': the finer ordering among scenarios is not robust, the comparison with trend is' : ''}.`,
  );

  const top = s.drivers?.versusReference[0];
  if (s.drivers && top) {
    const delivery = top.drawnAs === 'delivery';
    caveats.push(
      zh
        ? `${s.drivers.scenario} 相对趋势缩小户籍差距的幅度主要取决于 ${top.lever}（Spearman ρ = ${fixed(top.rho, 2)}），${delivery ? '这是该情景自身的实施不确定性' : '这是一个假设值'}。`
        : `How much ${s.drivers.scenario} narrows the hukou gap beyond trend depends most on ${top.lever} (Spearman ρ = ${fixed(top.rho, 2)}), ${delivery ? 'a delivery uncertainty of the scenario' : 'an assumed value'}.`,
    );
  }

  caveats.push(
    zh
      ? '经济增长是外生的，2014 年后国家层面的户籍、养老、医保并轨改革不在模型边界内：2014 年以后的样本外误差部分来自于此。'
      : 'Economic growth is exogenous, and the national hukou, pension and medical-scheme reforms from 2014 on lie outside the model boundary: part of the out-of-sample error after 2014 comes from them.',
  );

  const worstIntegration = Math.max(...i.comparisons.map((c) => c.maxRelative.value));
  if (!i.smallEnough) {
    caveats.push(zh ? `积分误差不可忽略：关键指标最大相对差 ${percent(worstIntegration, 2)}。` : `Integration error is not negligible: key indicators differ by up to ${percent(worstIntegration, 2)}.`);
  }
  if (i.borderline.length > 0) {
    const which = i.borderline.map((x) => `${x.scenario} ${x.target}`);
    caveats.push(
      zh
        ? `${i.borderline.length} 个目标判定处在分类阈值附近，换用 RK4 或减半步长即会改变（${list(which, lang)}）：应视为临界。`
        : `${i.borderline.length} target verdict${i.borderline.length === 1 ? ' sits' : 's sit'} at a class threshold and change${i.borderline.length === 1 ? 's' : ''} with the integration method (${list(which, lang)}): read as borderline.`,
    );
  }
  if (u.problems.length > 0) caveats.push(zh ? `量纲检查发现问题：${u.problems[0]}` : `The unit check found a problem: ${u.problems[0]}`);
  const extremeProblems = e.flatMap((x) => x.problems);
  if (extremeProblems.length > 0) caveats.push(zh ? `极端条件检验有 ${extremeProblems.length} 项未通过。` : `${extremeProblems.length} extreme-condition checks fail.`);
  return caveats;
}
