/**
 * The one look of every chart: fonts, colours, point shapes and dash patterns, sizes, and the
 * Vega-Lite config that applies them. Chosen for a printed briefing paper: legible in grey-scale,
 * safe for colour-blind readers, Chinese text first.
 */
import type { Config } from 'vega-lite';
import type { AttainmentClass } from '../runner/types.js';

/** CJK-capable sans-serif faces, best first; the renderer maps the final `sans-serif` to its bundled Noto face. */
export const fontFamily = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Okabe & Ito (2008) colour-blind-safe palette, reordered so neighbouring series also differ in
 * lightness (blue, vermillion, bluish green, orange, sky blue, reddish purple, yellow, black).
 */
export const seriesColours = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#000000', '#F0E442'] as const;

/** One point shape per series, so series survive grey-scale printing (all solid and of one size: a wedge or a stroke read as a smudge). */
export const seriesShapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'] as const;

/** One dash pattern per series (solid first), for the same reason. */
export const seriesDashes: readonly (readonly number[])[] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [3, 5], [1, 3], [10, 2, 2, 2, 2, 2]];

/** The i-th entry of a cyclic style list. */
export const cyclic = <T>(list: readonly T[], i: number): T => {
  const v = list[i % list.length];
  if (v === undefined) throw new Error('empty style list');
  return v;
};

/**
 * Attainment classes: blue = good, orange/red = bad (a colour-blind-safe axis), and the four
 * progress classes sit at four distinct grey levels (≈ 25 %, 61 %, 72 %, 42 % luminance) so a
 * grey-scale print still separates them; cells also carry the class in words.
 */
export const attainmentColours: Readonly<Record<AttainmentClass, string>> = {
  met: '#08306B',
  'on-track': '#2171B5',
  moderate: '#9ECAE1',
  insufficient: '#FDAE6B',
  'moving-away': '#D94801',
  'not-met': '#7F2704',
};
/** Order of the classes in legends: best to worst. */
export const attainmentOrder: readonly AttainmentClass[] = ['met', 'on-track', 'moderate', 'insufficient', 'moving-away', 'not-met'];
/** Dark fills get white text. */
export const attainmentTextColour = (c: AttainmentClass): string =>
  c === 'moderate' || c === 'insufficient' ? '#000000' : '#FFFFFF';

/** Monte Carlo bands: one hue, two lightnesses, median in full strength. */
export const fanColours = { band90: '#C6DBEF', band50: '#6BAED6', median: '#08306B' } as const;
/** Target and baseline annotations. */
export const annotationColour = '#444444';
export const gridColour = '#E4E4E4';
export const textColour = '#222222';
export const footnoteColour = '#555555';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}
/** Overall chart sizes in px (at 96 dpi ≈ an A4 half-page and a full text width). */
export const sizes = {
  half: { width: 480, height: 300 },
  full: { width: 680, height: 360 },
} as const satisfies Record<string, ChartSize>;
export type SizeName = keyof typeof sizes;

export const fontSizes = { title: 15, subtitle: 11, axisTitle: 11, label: 10, legend: 10, footnote: 9, annotation: 10 } as const;

/** The Vega-Lite config every spec carries, so a spec renders the same anywhere (vega-embed too). */
export function chartConfig(): Config {
  return {
    font: fontFamily,
    background: '#FFFFFF',
    padding: 8,
    view: { stroke: null },
    title: {
      font: fontFamily,
      fontSize: fontSizes.title,
      fontWeight: 'bold',
      subtitleFontSize: fontSizes.subtitle,
      subtitleColor: footnoteColour,
      anchor: 'start',
      color: textColour,
      offset: 10,
    },
    axis: {
      labelFont: fontFamily,
      titleFont: fontFamily,
      labelFontSize: fontSizes.label,
      titleFontSize: fontSizes.axisTitle,
      titleFontWeight: 'normal',
      titleColor: textColour,
      labelColor: textColour,
      gridColor: gridColour,
      domainColor: '#888888',
      tickColor: '#888888',
    },
    legend: {
      labelFont: fontFamily,
      titleFont: fontFamily,
      labelFontSize: fontSizes.legend,
      titleFontSize: fontSizes.legend,
      titleFontWeight: 'bold',
      labelLimit: 220,
      symbolStrokeWidth: 2,
    },
    header: {
      labelFont: fontFamily,
      titleFont: fontFamily,
      labelFontSize: fontSizes.label + 1,
      labelColor: textColour,
    },
    text: { font: fontFamily },
    line: { strokeWidth: 2 },
    point: { size: 40, filled: true },
  };
}
