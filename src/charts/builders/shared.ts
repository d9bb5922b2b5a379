/**
 * Encodings builders share: scenario series styled by colour + dash + point shape, and year axes.
 */
import { t, type Lang } from '../i18n.js';
import { cyclic, fontSizes, seriesColours, seriesDashes, seriesShapes } from '../theme.js';
import { textWidth } from '../text-width.js';

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

/** Line + point layers of a tidy {series, year, value} table, one styled series per name. */
export function seriesLayers(args: {
  names: readonly string[];
  field: string;
  legendTitle: string;
  years: readonly number[];
  yTitle: string;
  lang: Lang;
  legend: boolean;
  yFormat?: string;
}): Record<string, unknown>[] {
  const scales = seriesScales(args.names);
  const legend = args.legend ? { title: args.legendTitle, symbolSize: 70, symbolStrokeWidth: 2 } : null;
  const x = yearX(args.years, args.lang);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: args.yTitle,
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
