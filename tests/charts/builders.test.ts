import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../src/runner/types.js';
import {
  attainmentDashboard,
  fan,
  scenarioComparison,
  smallMultiples,
  sortSwings,
  tornado,
  type TornadoSwing,
} from '../../src/charts/index.js';
import { footnoteText } from '../../src/charts/compose.js';
import { displayUnit, t } from '../../src/charts/i18n.js';
import { abbreviate, breakUnits, fitLines, textWidth, wrapBalanced, wrapText } from '../../src/charts/text-width.js';
import { centralNote, formatNumber, hasVisibleSpread, percentileSeries } from '../../src/charts/data.js';
import { InputError } from '../../src/errors.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { tornadoInput } from './cases.js';
import { fixtureLabels as labels, fixtureMonteCarlo, fixtureResults } from './fixture.js';

type Json = Record<string, unknown>;
const body = (spec: unknown): Json => ((spec as Json).vconcat as Json[])[0] as Json;
const footnote = (spec: unknown): string[] => ((((spec as Json).vconcat as Json[])[1] as Json).encoding as { text: { value: string[] } }).text.value;

describe('scenarioComparison', () => {
  const spec = scenarioComparison(fixtureResults, { indicator: 'administration.approval-items', labels });
  const layers = body(spec).layer as Json[];

  it('draws one series per scenario from the central values, baseline marked, target at its level', () => {
    const series = ((layers[1] as Json).data as { values: { scenario: string; year: number; value: number }[] }).values;
    expect(new Set(series.map((v) => v.scenario))).toEqual(new Set(['趋势（无新改革）', '规划方案', '加快改革', '改革停滞']));
    // plan: 100 − 4.2 × 5 = 79 in 2015 (fixture)
    expect(series.find((v) => v.scenario === '规划方案' && v.year === 2015)?.value).toBeCloseTo(79, 10);
    const baseline = ((layers[0] as Json).data as { values: { year: number; text: string }[] }).values;
    expect(baseline).toEqual([{ year: 2010, text: '基期 2010：100' }]);
    const target = ((layers[2] as Json).data as { values: { year: number; value: number; lines: string[] }[] }).values;
    expect(target).toEqual([{ year: 2015, value: 80, lines: ['目标：市级直接审批项目五年内减少20%（80）'] }]);
  });

  it('puts the baseline label where the rule is clear: the middle when a target sits at the top and the lines leave from the bottom', () => {
    const labelBaseline = (results: readonly ScenarioResult[]): unknown => {
      const rule = (body(scenarioComparison(results, { indicator: 'urbanisation.rate', labels })).layer as Json[])[0] as Json;
      return ((rule.layer as Json[])[1]?.mark as Json).baseline;
    };
    // Plan alone: lines 70 → 75.5, the own 75 % target near the top (0.91 of the range): the middle is clearest.
    expect(labelBaseline([fixtureResults[1]!])).toBe('middle');
    // All four: the range reaches 77.4, the target sits at 0.68 of it, the top is clear again.
    expect(labelBaseline(fixtureResults)).toBe('top');
  });

  it('wraps a long target label onto lines within the plot, lifted above the level, with a halo', () => {
    const narrow = scenarioComparison(fixtureResults, { indicator: 'administration.approval-items', labels, lang: 'en', size: { width: 280, height: 300 } });
    const plotWidth = body(narrow).width as number;
    const targetLayer = (body(narrow).layer as Json[])[2] as Json;
    const target = (targetLayer.data as { values: { lines: string[] }[] }).values[0];
    expect(target?.lines.join(' ')).toBe('Target: City-level direct approvals –20 % in five years (80)');
    expect(target?.lines).toHaveLength(2);
    for (const line of target?.lines ?? []) expect(textWidth(line, 10)).toBeLessThanOrEqual(plotWidth - 8);
    const texts = (targetLayer.layer as Json[]).filter((l) => (l.mark as Json).type === 'text');
    // Per line count one halo (white stroke) and one text layer; two-line labels start one line higher.
    expect(texts.map((l) => [(l.mark as Json).stroke ?? null, (l.mark as Json).dy])).toEqual([
      ['#FFFFFF', -3],
      [null, -3],
      ['#FFFFFF', -15],
      [null, -15],
    ]);
  });

  it('says in the subtitle when lines are Monte Carlo medians', () => {
    const mixed = scenarioComparison([fixtureResults[0]!, fixtureMonteCarlo], { indicator: 'urbanisation.rate', labels, lang: 'en' });
    expect(((mixed as unknown as Json).title as Json).subtitle).toBe('Projections by scenario, 2010–2015; medians of 1000 Monte Carlo runs; Trend (no new reform): deterministic');
    // The smaller group is named.
    expect(centralNote([...fixtureResults.slice(0, 3), fixtureMonteCarlo], 'en')).toBe('Plan as written: medians of 1000 Monte Carlo runs; the others deterministic');
    expect(centralNote([fixtureMonteCarlo], 'zh')).toBe('蒙特卡洛模拟1000次的中位数');
    expect(centralNote(fixtureResults, 'en')).toBe('');
  });

  it('puts the unit in the y-axis title and cites the plan line, scenarios and version in the footnote', () => {
    const y = (((layers[1] as Json).layer as Json[])[0]?.encoding as Json).y as Json;
    expect(y.title).toBe('市级直接审批项目（指数，2010 = 100）');
    const note = footnote(spec).join('');
    expect(note).toContain('第251行');
    expect(note).toContain('情景：趋势（无新改革）、规划方案、加快改革、改革停滞');
    expect(note).toContain('确定性运行');
    expect(note).toContain(`hzsim ${PACKAGE_VERSION}`);
  });

  it('is English with lang en', () => {
    const en = scenarioComparison(fixtureResults, { indicator: 'administration.approval-items', labels, lang: 'en' });
    expect((en as unknown as Json).title).toEqual({ text: 'City-level direct approval items', subtitle: 'Projections by scenario, 2010–2015' });
    expect(footnote(en).join(' ')).toContain('line 251');
  });

  it('rejects an id with no rows, naming it and the scenario', () => {
    expect(() => scenarioComparison(fixtureResults, { indicator: 'no.such', labels })).toThrow(InputError);
    expect(() => scenarioComparison(fixtureResults, { indicator: 'no.such', labels })).toThrow(/"no\.such" in scenario\(s\) trend/);
  });
});

describe('fan', () => {
  it('draws the 90 % band under the 50 % band, the median on top, from p05…p95', () => {
    const spec = fan([fixtureMonteCarlo], { indicator: 'urbanisation.rate', labels });
    const layers = body(spec).layer as Json[];
    const values = (i: number) => ((layers[i] as Json).data as { values: Json[] }).values;
    const y2015 = (i: number) => values(i).find((v) => v.year === 2015);
    const p50 = 70 + 1.1 * 5;
    const w = 0.012 * p50 * 5;
    expect(y2015(0)).toMatchObject({ series: '90% 区间（P5–P95）', lo: p50 - 1.64 * w, hi: p50 + 1.64 * w });
    expect(y2015(1)).toMatchObject({ series: '50% 区间（P25–P75）', lo: p50 - 0.67 * w, hi: p50 + 0.67 * w });
    expect(y2015(2)).toMatchObject({ series: '中位数', value: p50 });
    expect(footnote(spec).join('')).toContain('随机种子2011，模拟1000次');
  });

  it('says so when the runs hardly differ (the bands would be hairlines)', () => {
    const flat = { ...fixtureMonteCarlo, rows: fixtureMonteCarlo.rows.map((r) => (r.statistic === 'value' || r.statistic === 'mean' ? r : { ...r, value: fixtureMonteCarlo.rows.find((x) => x.output === r.output && x.year === r.year && x.statistic === 'p50')?.value ?? r.value })) };
    const rows = (m: typeof fixtureMonteCarlo) => percentileSeries(m, 'urbanisation.rate');
    expect(hasVisibleSpread(rows(fixtureMonteCarlo))).toBe(true);
    expect(hasVisibleSpread(rows(flat))).toBe(false);
    const spec = fan([flat], { indicator: 'urbanisation.rate', labels, lang: 'en' });
    expect([((spec as unknown as Json).title as Json).subtitle].flat().join(' ')).toBe('Monte Carlo, 1000 runs: median with 50% and 90% ranges; the runs hardly differ: no uncertain lever moves this indicator in this scenario');
  });

  it('says when its bands draw every assumption, not only the scenario\'s own uncertainty', () => {
    const subtitle = (r: ScenarioResult, lang: 'zh' | 'en') => [((fan([r], { indicator: 'urbanisation.rate', labels, lang }) as unknown as Json).title as Json).subtitle].flat().join(' ');
    const all: ScenarioResult = { ...fixtureMonteCarlo, uncertainty: { mode: 'all', levers: ['rural_urban_move_rate'] } };
    const own: ScenarioResult = { ...fixtureMonteCarlo, uncertainty: { mode: 'scenario', levers: ['rural_urban_move_rate'] } };
    expect(subtitle(all, 'en')).toBe('Monte Carlo, 1000 runs: median with 50% and 90% ranges; every assumption uncertain');
    expect(subtitle(all, 'zh')).toContain('含全部假设参数的不确定性');
    expect(subtitle(own, 'en')).toBe('Monte Carlo, 1000 runs: median with 50% and 90% ranges');
  });

  it('refuses a deterministic result with a message that says how to get percentiles', () => {
    expect(() => fan(fixtureResults, { indicator: 'urbanisation.rate', labels, scenario: 'plan' })).toThrow(/needs Monte Carlo results.*--runs N/);
  });
});

describe('attainmentDashboard', () => {
  it('has one cell per scenario × target, with the class in words and the probability when known', () => {
    const results = [fixtureResults[0]!, { ...fixtureMonteCarlo, scenario: { id: 'mc', title: { zh: '蒙特卡洛', en: 'MC' } } }];
    const spec = attainmentDashboard(results, { labels });
    const cells = (body(spec).data as { values: Json[] }).values;
    expect(cells).toHaveLength(2 * 5);
    expect(cells.find((c) => c.scenario === '蒙特卡洛' && String(c.target).startsWith('市级直接审批'))).toMatchObject({ cls: '进展顺利', lines: ['顺利 62%'], ink: '#FFFFFF' });
    expect(cells.find((c) => c.scenario === '趋势（无新改革）' && String(c.target).startsWith('市级直接审批'))).toMatchObject({ cls: '进展不足', lines: ['不足'], ink: '#000000' });
  });

  it('puts a shared target year in the subtitle, and splits cells onto two lines when one-line cells leave the labels too little room', () => {
    const results = [...fixtureResults, { ...fixtureMonteCarlo, scenario: { id: 'mc', title: { zh: '蒙特卡洛', en: 'MC' } } }];
    const en = attainmentDashboard(results, { labels, lang: 'en', size: 'half' });
    expect(((en as unknown as Json).title as Json).subtitle).toBe('Targets for 2015; percentages: share of Monte Carlo runs meeting the target');
    const cells = (body(en).data as { values: Json[] }).values;
    expect(cells.find((c) => c.scenario === 'MC' && c.cls === 'On track')?.lines).toEqual(['on track', '62%']);
    const zh = attainmentDashboard(results, { labels, lang: 'zh', size: 'full' });
    expect((body(zh).data as { values: Json[] }).values.find((c) => c.scenario === '蒙特卡洛' && c.cls === '进展顺利')?.lines).toEqual(['顺利 62%']);
  });

  it('keeps only the requested targets, in the requested order', () => {
    const spec = attainmentDashboard(fixtureResults, { labels, targets: ['milestone.city-car-reform', 'administration.approval-items.-20pct'] });
    const y = ((body(spec).layer as Json[])[0]?.encoding as Json).y as { sort: string[] };
    expect(y.sort).toEqual(['milestone.city-car-reform|2015', 'administration.approval-items.-20pct|2015']);
    const rowLabels = ((body(spec).layer as Json[]).find((l) => Array.isArray((l.data as { values?: unknown } | undefined)?.values) && 'layer' in l)?.data as { values: Json[] }).values;
    expect(rowLabels.map((r) => r.lines)).toEqual([['完成市级机关公车改革'], ['市级直接审批项目五年内减少20%']]);
  });
});

describe('tornado', () => {
  const swing = fc.record({
    param: fc.string({ minLength: 1, maxLength: 6 }),
    label: fc.record({ zh: fc.constant('参数'), en: fc.constant('lever') }),
    low: fc.record({ value: fc.double({ min: -10, max: 10, noNaN: true }), result: fc.double({ min: -100, max: 100, noNaN: true }) }),
    high: fc.record({ value: fc.double({ min: -10, max: 10, noNaN: true }), result: fc.double({ min: -100, max: 100, noNaN: true }) }),
  });

  it('sorts swings widest first and keeps every swing', () => {
    fc.assert(
      fc.property(fc.array(swing, { maxLength: 20 }), (swings: TornadoSwing[]) => {
        const sorted = sortSwings(swings);
        expect(sorted).toHaveLength(swings.length);
        const widths = sorted.map((s) => Math.abs(s.high.result - s.low.result));
        for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThanOrEqual(widths[i - 1] ?? Infinity);
      }),
    );
  });

  it('orders the bars by swing width and labels each bar end with the lever value', () => {
    const spec = tornado(tornadoInput, { labels });
    const b = body(spec);
    const y = ((b.layer as Json[])[0]?.encoding as Json).y as { sort: string[] };
    expect(y.sort).toEqual(['外来农民工转换率', '符合条件人口比例', '中心镇试点推开年份', '宅基地置换率']);
    const values = (b.data as { values: Json[] }).values;
    expect(values.find((v) => v.lever === '中心镇试点推开年份' && v.setting === '参数取高值')).toMatchObject({ result: 57.2, valueText: '2014' });
    expect(values.find((v) => v.lever === '宅基地置换率' && v.setting === '参数取低值')).toMatchObject({ valueText: '0.002' });
  });

  it('shows at most `top` levers and refuses an empty list', () => {
    const spec = tornado(tornadoInput, { labels, top: 2 });
    expect((body(spec).data as { values: unknown[] }).values).toHaveLength(4);
    expect(() => tornado({ ...tornadoInput, swings: [] }, { labels })).toThrow(/at least one lever swing/);
  });
});

describe('smallMultiples', () => {
  it('one panel per indicator with data, titled with its unit, independent y scales', () => {
    const spec = smallMultiples(fixtureResults, { indicators: ['urbanisation.rate', 'not.there', 'urbanisation.hukou-gap'], labels, lang: 'en' });
    const b = body(spec);
    expect((b.facet as { sort: string[] }).sort).toEqual(['\nUrbanisation rate (residents) (%)', 'Gap between urbanisation and\nhukou rates (percentage points)']);
    expect(b.resolve).toEqual({ scale: { y: 'independent' }, axis: { x: 'independent' } });
  });
});

describe('text width and wrapping', () => {
  it('measures in the chart face: CJK ideographs and full-width forms are exactly 1 em', () => {
    expect(textWidth('城镇化率', 10)).toBe(40);
    expect(textWidth('（％）', 12)).toBe(36);
  });

  it('shapes Latin text as the renderer does: proportional, kerned, bold wider', () => {
    expect(textWidth('m', 10)).toBeGreaterThan(2 * textWidth('i', 10));
    // "To" is kerned tighter than its two letters set apart.
    expect(textWidth('To', 10)).toBeLessThan(textWidth('T', 10) + textWidth('o', 10) - 0.5);
    expect(textWidth('met 100%', 10, true)).toBeGreaterThan(textWidth('met 100%', 10));
    expect(textWidth('met 100%', 20)).toBeCloseTo(2 * textWidth('met 100%', 10), 10);
  });

  it('wraps within the width (unless a single unit is wider), between Chinese words, and loses no characters', () => {
    const piece = fc.constantFrom('城镇化', '率', 'reform', ' ', '（百分点）', '2015', '，', '《规划》', 'plan', '、');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 40, max: 400 }), fc.boolean(), (parts, width, balanced) => {
        const text = parts.join('');
        const lines = (balanced ? wrapBalanced : wrapText)(text, 10, width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        if (balanced) expect(lines.length).toBe(wrapText(text, 10, width).length);
        lines.forEach((line, i) => {
          // No break before closing or after opening punctuation (the text's own ends excepted).
          if (i > 0) expect(/^[）」》，。、；：]/.test(line)).toBe(false);
          if (i < lines.length - 1) expect(/[（《「“]$/.test(line)).toBe(false);
          // Only a line holding one unbreakable unit may be wider than the room.
          if (textWidth(line, 10) > width) expect(breakUnits(line).filter((u) => u.trim() !== '')).toHaveLength(1);
        });
      }),
    );
  });

  it('balances lines so a header does not end in a lone character', () => {
    const width = textWidth('规划如期实', 10) + 1;
    expect(wrapText('规划如期实施', 10, width)).toEqual(['规划如期', '实施']);
    expect(wrapBalanced('规划如期实施', 10, width)).toEqual(['规划如期', '实施']);
    expect(wrapText('户籍改革优先', 10, textWidth('户籍改革优', 10))).toEqual(['户籍改革', '优先']);
  });

  it('abbreviates to the room with an ellipsis, and says when it did', () => {
    const long = 'Migrants who work in towns register urban hukou: hukou urbanisation rises';
    const cut = abbreviate(long, 10, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(100);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(abbreviate('short', 10, 100)).toBe('short');
    const two = fitLines(long, 10, 120, 2);
    expect(two.abbreviated).toBe(true);
    expect(two.lines).toHaveLength(2);
    expect(fitLines(long, 10, 200, 2)).toEqual({ lines: wrapBalanced(long, 10, 200), abbreviated: false });
  });
});

describe('labels and numbers', () => {
  it('formats numbers for labels', () => {
    expect(formatNumber(2014, 'zh')).toBe('2014');
    expect(formatNumber(12_345.6, 'en')).toBe('12,346');
    expect(formatNumber(87.14, 'zh')).toBe('87.1');
    expect(formatNumber(0.0023, 'en')).toBe('0.0023');
    expect(formatNumber(3.456, 'en')).toBe('3.46');
  });

  it('translates catalog units for English and keeps Chinese ones in zh', () => {
    expect(displayUnit('亿元', 'en')).toBe('100 million yuan');
    expect(displayUnit('亿元', 'zh')).toBe('亿元');
    expect(displayUnit('% (urban-hukou share of the registered population)', 'zh')).toBe('%');
    expect(displayUnit('公顷 (ha), unused linkage quota', 'zh')).toBe('公顷 (ha), unused linkage quota');
    expect(displayUnit('index (2010 = 100)', 'zh')).toBe('指数，2010 = 100');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('fanTitle', 'en', { indicator: 'X', scenario: 'Y' })).toBe('X: Y');
    expect(t('fanTitle', 'zh', { indicator: 'X' })).toBe('X：{scenario}');
  });

  it('footnote without runs cites the plan and version only', () => {
    expect(footnoteText({ results: [], ids: ['urbanisation.rate'], labels, lang: 'en' })).toBe(
      `Source: Hangzhou 12th Five-Year comprehensive reform plan, line 17; values from 2011 are model projections; hzsim ${PACKAGE_VERSION}.`,
    );
  });
});
