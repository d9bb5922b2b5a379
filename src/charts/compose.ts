/**
 * Pieces every builder shares: options, sizes, the footnote, and wrapping a chart body into a
 * complete top-level spec (title, subtitle, config, footnote below the chart).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../runner/types.js';
import { PACKAGE_VERSION } from '../version.js';
import { t, type Lang } from './i18n.js';
import type { LabelSource } from './labels.js';
import { defaultLabels } from './default-labels.js';
import { chartConfig, fontSizes, footnoteColour, sizes, type ChartSize, type SizeName } from './theme.js';
import { wrapBalanced, wrapText } from './text-width.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Options every builder takes. */
export interface CommonChartOptions {
  /** Language of all text; default 'zh'. */
  readonly lang?: Lang;
  /** 'half' (A4 half page, 480×300), 'full' (680×360) or explicit px; default 'full'. */
  readonly size?: SizeName | ChartSize;
  /** Names, units and plan lines of ids; default: the catalog and the model series list. */
  readonly labels?: LabelSource;
  /** Replace the built title / subtitle. */
  readonly title?: string;
  readonly subtitle?: string;
}

export interface Resolved {
  readonly lang: Lang;
  readonly size: ChartSize;
  readonly labels: LabelSource;
}

export const resolveCommon = (o: CommonChartOptions): Resolved => ({
  lang: o.lang ?? 'zh',
  size: typeof o.size === 'object' ? o.size : sizes[o.size ?? 'full'],
  labels: o.labels ?? defaultLabels(),
});

/** What the footnote says about a run: scenario, mode, runs, seed (a ScenarioResult has all four). */
export type FootnoteRun = Pick<ScenarioResult, 'scenario' | 'mode' | 'runs' | 'seed'>;

export interface FootnoteInput {
  readonly results: readonly FootnoteRun[];
  /** Ids whose plan lines are cited as the source. */
  readonly ids: readonly string[];
  readonly labels: LabelSource;
  readonly lang: Lang;
}

/** Source (plan lines), scenarios, seed and runs, package version — as one text. */
export function footnoteText({ results, ids, labels, lang }: FootnoteInput): string {
  const sep = t('clauseSeparator', lang);
  const lines = [...new Set(ids.map((id) => labels.planLine?.(id)).filter((l): l is number => l !== undefined))].sort((a, b) => a - b);
  const source = t('sourcePlan', lang) + (lines.length > 0 ? (lang === 'zh' ? '' : ', ') + t('sourceLines', lang, { lines: lines.join(lang === 'zh' ? '、' : ', ') }) : '');
  const parts = [source, t('sourceModel', lang)];
  if (results.length > 0) parts.push(t('scenarios', lang, { list: results.map((r) => r.scenario.title[lang] || r.scenario.id).join(t('listSeparator', lang)) }));
  const mc = results.filter((r) => r.mode === 'montecarlo');
  if (mc.length > 0) {
    const seeds = [...new Set(mc.map((r) => (r.seed === null ? '—' : String(r.seed))))].join('/');
    const runs = [...new Set(mc.map((r) => r.runs))].join('/');
    parts.push(t('seed', lang, { seeds, runs }));
  } else if (results.length > 0) {
    parts.push(t('deterministic', lang));
  }
  parts.push(t('generator', lang, { version: PACKAGE_VERSION }));
  return parts.join(sep) + (lang === 'zh' ? '。' : '.');
}

const FOOTNOTE_LINE_HEIGHT = 12;

/** A small view holding the footnote text, wrapped to `width`. */
export function footnoteView(text: string, width: number, indent = 0): Record<string, unknown> {
  // Wrap a little short of the edge: the width estimate is per character, the font's is per glyph
  // with kerning, and a footnote that touches the image edge looks clipped.
  const lines = wrapText(text, fontSizes.footnote, width * 0.97 - 8);
  return {
    // A 1 px wide view: the text overflows it (marks are not clipped), so the footnote never
    // widens the chart and pushes a right-hand legend away from its plot.
    width: 1,
    height: lines.length * FOOTNOTE_LINE_HEIGHT,
    data: { values: [{}] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: fontSizes.footnote,
      color: footnoteColour,
      lineHeight: FOOTNOTE_LINE_HEIGHT,
      // Start under the chart's left edge (axis labels and titles stick out left of the plot).
      x: -indent,
      y: 0,
    },
    encoding: { text: { value: lines } },
  };
}

export interface FinishInput {
  readonly body: Record<string, unknown>;
  readonly title: string;
  readonly subtitle?: string;
  readonly footnote: string;
  /** Width the footnote wraps to (the chart's overall width less padding). */
  readonly footnoteWidth: number;
  /** How far left of the plot the chart's left edge is (y-axis labels and title), in px. */
  readonly footnoteIndent?: number;
  readonly description: string;
}

/** A clause list as a sentence: first letter upper-case (English; Chinese has no case). */
export const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One line as a string, several as an array (Vega draws arrays as lines). */
const linesOrText = (lines: readonly string[], text: string): string | string[] => (lines.length > 1 ? [...lines] : text);

/**
 * Title and subtitle on top (wrapped to the chart's width), chart body, footnote below; config
 * inlined so the spec stands alone.
 */
export function finish({ body, title, subtitle, footnote, footnoteWidth, footnoteIndent = Y_AXIS_EXTENT, description }: FinishInput): TopLevelSpec {
  const titleText = linesOrText(wrapBalanced(title, fontSizes.title, footnoteWidth, true), title);
  const subtitleText = subtitle ? linesOrText(wrapBalanced(subtitle, fontSizes.subtitle, footnoteWidth), subtitle) : undefined;
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    description,
    title: subtitleText ? { text: titleText, subtitle: subtitleText } : { text: titleText },
    config: chartConfig(),
    vconcat: [body, footnoteView(footnote, footnoteWidth, footnoteIndent)],
    spacing: 14,
    // Independent legends stay inside the chart body's group, so a right-hand legend sits beside
    // the plot instead of beside the (wider) footnote.
    resolve: { legend: { color: 'independent', fill: 'independent', shape: 'independent', strokeDash: 'independent', opacity: 'independent' } },
  };
  // Bodies are assembled as plain objects; tests check every built spec against the Vega-Lite JSON
  // Schema and compile it with no warnings, which is stronger than the structural type here.
  return latinPunctuation(spec) as unknown as TopLevelSpec;
}

/**
 * Punctuation the CJK chart face draws full-width, narrowed where it sits in Latin text or before a
 * number: curly quotes next to Latin letters become straight ones (employees’ → employees'), and
 * the minus sign (U+2212) before a digit an en dash (−20 % → –20 %). Quotes around Chinese text
 * (“十二五”) keep their full-width form, as Chinese typesetting expects.
 */
export function latinPunctuation<T>(value: T): T {
  if (typeof value === 'string') {
    return value
      .replace(/(?<=[A-Za-z0-9])[‘’]|[‘’](?=[A-Za-z0-9])/g, "'")
      .replace(/(?<=[A-Za-z0-9.,!?])[“”]|[“”](?=[A-Za-z0-9])/g, '"')
      .replace(/\u2212(?=\s?\d)/g, '\u2013') as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => latinPunctuation(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, latinPunctuation(v)])) as T;
  }
  return value;
}

/** Typical room taken left of the plot by a y axis (labels + title). */
export const Y_AXIS_EXTENT = 50;

/**
 * Plot-area size for a single view, leaving room for axes, title, footnote and a legend (right:
 * `legendWidth` px beside the plot; bottom: `legendHeight` px below it, 40 when not given).
 */
export function plotArea(size: ChartSize, legend: 'right' | 'bottom' | 'none', legendWidth = 0, legendHeight = 40): ChartSize {
  const width = size.width - 70 - (legend === 'right' ? legendWidth : 0);
  const height = size.height - 110 - (legend === 'bottom' ? legendHeight : 0);
  return { width: Math.max(120, Math.round(width)), height: Math.max(100, Math.round(height)) };
}
