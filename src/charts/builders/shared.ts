/**
 * Encodings builders share: scenario series styled by colour + dash + point shape, and year axes.
 */
import type { AttainmentRow } from '../../runner/types.js';
import { formatNumber } from '../data.js';
import { t, type Lang } from '../i18n.js';
import { plotArea } from '../compose.js';
import { annotationColour, cyclic, fontSizes, seriesColours, seriesDashes, seriesShapes, type ChartSize } from '../theme.js';
import { textWidth, wrapBalanced, wrapText } from '../text-width.js';

/** Scales that give series i the i-th colour, dash and shape (in the order given). */
export function seriesScales(names: readonly string[]): {
  color: Record<string, unknown>;
  strokeDash: Record<string, unknown>;
  shape: Record<string, unknown>;
} {
  const idx = names.map((_, i) => i);
  return {
    color: { domain: [...names], range: idx.map((i) => cyclic(seriesColours, i)) },
    strokeDash: { domain: [...names], range: idx.map((i) => [...cyclic(seriesDashes, i)]) },
    shape: { domain: [...names], range: idx.map((i) => cyclic(seriesShapes, i)) },
  };
}

/** x encoding for report years: integer ticks, one per year. */
export function yearX(years: readonly number[], lang: Lang): Record<string, unknown> {
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return {
    field: 'year',
    type: 'quantitative',
    title: t('year', lang),
    scale: { domain: [lo, hi], nice: false },
    axis: { format: 'd', values: [...years], grid: false, labelFlush: false },
  };
}

/** Width a right-hand legend needs for these labels (symbol, padding, title). */
export function legendWidth(labels: readonly string[], title: string): number {
  const widest = Math.max(textWidth(title, fontSizes.legend, true), ...labels.map((l) => textWidth(l, fontSizes.legend) + 28));
  return Math.ceil(widest) + 16;
}

/** Where a legend goes and the room it takes; `props` go into the Vega-Lite legend object. */
export interface LegendLayout {
  readonly orient: 'right' | 'bottom';
  readonly width: number;
  readonly height: number;
  readonly props: Readonly<Record<string, unknown>>;
}

/** A right-hand legend may take at most this share of the chart's width; wider ones go below. */
const MAX_RIGHT_LEGEND_SHARE = 0.3;
const LEGEND_ROW = 18;
const LEGEND_SYMBOL = 28;
const LEGEND_COLUMN_GAP = 12;

/**
 * Legend beside the plot when its measured width leaves the plot most of the chart, else below it
 * in as many columns as fit (a half-page chart with long English names keeps a readable plot).
 */
export function legendLayout(labels: readonly string[], title: string, size: { readonly width: number }): LegendLayout {
  const right = legendWidth(labels, title);
  return right <= size.width * MAX_RIGHT_LEGEND_SHARE ? { orient: 'right', width: right, height: 0, props: {} } : legendBelow(labels, size);
}

/** A legend below the plot, in as many columns as its measured entries fit. */
export function legendBelow(labels: readonly string[], size: { readonly width: number }): LegendLayout {
  const entry = Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSizes.legend)))) + LEGEND_SYMBOL + LEGEND_COLUMN_GAP;
  // A legend below the plot may use the plot's width and the margin right of it.
  const columns = Math.max(1, Math.min(labels.length, Math.floor((size.width - 60) / entry)));
  const rows = Math.ceil(labels.length / columns);
  return {
    orient: 'bottom',
    width: 0,
    height: 16 + rows * LEGEND_ROW + 12,
    props: { orient: 'bottom', direction: 'horizontal', columns, columnPadding: LEGEND_COLUMN_GAP, labelLimit: 0 },
  };
}

/**
 * Plot area for a single view with this legend. A legend below the plot takes at most 40 px of the
 * plot's height; a taller one makes the chart taller instead of squashing the plot.
 */
export const plotAreaWith = (size: ChartSize, legend: LegendLayout): ChartSize => plotArea(size, legend.orient, legend.width, Math.min(40, legend.height));

/** Line + point layers of a tidy {series, year, value} table, one styled series per name. */
export function seriesLayers(args: {
  names: readonly string[];
  field: string;
  legendTitle: string;
  years: readonly number[];
  /** The y quantity's name (tooltip; the axis title unless `yAxisTitle` is given). */
  yTitle: string;
  /** The axis title as drawn, e.g. wrapped by `fitYTitle`. */
  yAxisTitle?: string | string[];
  lang: Lang;
  legend: boolean | LegendLayout;
  yFormat?: string;
}): Record<string, unknown>[] {
  const scales = seriesScales(args.names);
  const legendProps = typeof args.legend === 'object' ? args.legend.props : {};
  const legend = args.legend ? { title: args.legendTitle, symbolSize: 70, symbolStrokeWidth: 2, ...legendProps } : null;
  const x = yearX(args.years, args.lang);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: args.yAxisTitle ?? args.yTitle,
    scale: { zero: false },
    axis: args.yFormat ? { format: args.yFormat } : {},
  };
  const tooltip = [
    { field: args.field, type: 'nominal', title: args.legendTitle },
    { field: 'year', type: 'quantitative', title: t('year', args.lang), format: 'd' },
    { field: 'value', type: 'quantitative', title: args.yTitle, format: ',.2~f' },
  ];
  return [
    {
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x,
        y,
        color: { field: args.field, type: 'nominal', scale: scales.color, legend },
        strokeDash: { field: args.field, type: 'nominal', scale: scales.strokeDash, legend },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 45, opacity: 1 },
      encoding: {
        x,
        y,
        color: { field: args.field, type: 'nominal', scale: scales.color, legend },
        shape: { field: args.field, type: 'nominal', scale: scales.shape, legend },
        tooltip,
      },
    },
  ];
}

/** Line height of a wrapped axis title. */
const AXIS_TITLE_LINE = fontSizes.axisTitle + 2;

/**
 * A y-axis title that fits along the plot's height: wrapped (balanced) onto lines, the plot made
 * narrower by the room the extra lines take, so the chart keeps its width.
 */
export function fitYTitle(text: string, area: ChartSize): { title: string | string[]; area: ChartSize } {
  const lines = wrapBalanced(text, fontSizes.axisTitle, area.height);
  if (lines.length <= 1) return { title: text, area };
  return { title: lines, area: { ...area, width: area.width - (lines.length - 1) * AXIS_TITLE_LINE } };
}

/**
 * Text layers for data whose `lines` field holds 1…`maxLines` lines: one layer per line count, as
 * Vega offsets only the first line by the baseline and writes the others below it; `dyOf(n)` says
 * where an n-line block starts.
 */
export function multiLineTextLayers(
  maxLines: number,
  mark: Record<string, unknown>,
  encoding: Record<string, unknown>,
  dyOf: (lines: number) => number,
): Record<string, unknown>[] {
  return Array.from({ length: maxLines }, (_, i) => ({
    transform: [{ filter: `length(datum.lines) == ${i + 1}` }],
    mark: { ...mark, dy: (typeof mark.dy === 'number' ? mark.dy : 0) + dyOf(i + 1) },
    encoding: { ...encoding, text: { field: 'lines' } },
  }));
}

const ANNOTATION_LINE = 12;

/**
 * A text layer drawn twice: first as a white halo (thick white stroke), then itself, so lines
 * crossing a label do not cut through its letters.
 */
export function withHalo(layer: Record<string, unknown>): Record<string, unknown>[] {
  const mark = layer.mark as Record<string, unknown>;
  const { tooltip: _tooltip, ...encoding } = (layer.encoding ?? {}) as Record<string, unknown>;
  return [{ ...layer, mark: { ...mark, color: '#FFFFFF', stroke: '#FFFFFF', strokeWidth: 3, strokeJoin: 'round' }, encoding }, layer];
}

/**
 * Numeric targets as a dashed level, a diamond at the target year and a label above the level's
 * left end (near the first year the scenarios have not yet diverged from the baseline, which a
 * target differs from, so the label stays clear of the lines); long labels wrap to the plot width.
 */
export function targetLayers(targets: readonly AttainmentRow[], x: Record<string, unknown>, firstYear: number, plotWidth: number, lang: Lang): Record<string, unknown> {
  const values = targets.map((a) => ({
    year: a.year,
    value: a.required,
    lines: wrapText(t('targetLabel', lang, { label: a.label[lang], value: formatNumber(a.required ?? 0, lang) }), fontSizes.annotation, plotWidth - 8),
  }));
  const maxLines = Math.max(1, ...values.map((v) => v.lines.length));
  return {
    data: { values },
    layer: [
      { mark: { type: 'rule', color: annotationColour, strokeDash: [5, 3], strokeWidth: 1 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
      { mark: { type: 'point', shape: 'diamond', size: 110, filled: false, strokeWidth: 2, color: '#000000' }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
      ...multiLineTextLayers(
        maxLines,
        { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, fontSize: fontSizes.annotation, lineHeight: ANNOTATION_LINE, color: '#000000' },
        { x: { datum: firstYear, type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
        (lines) => -(lines - 1) * ANNOTATION_LINE,
      ).flatMap(withHalo),
    ],
  };
}
