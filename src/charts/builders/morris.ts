/**
 * Morris screening: each lever's mean absolute elementary effect μ* (influence) against the
 * standard deviation σ of its effects (non-linearity or interaction). The most influential levers
 * are numbered on the plot and named in a list beside it, so labels never collide; the rest are
 * small grey dots. Dashed rays σ/μ* = 0.1, 0.5 and 1 read as "almost linear", "monotonic" and
 * "non-linear or interacting" (Garcia Sanchez et al. 2014).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MorrisResult } from '../../analysis/results.js';
import { InputError } from '../../errors.js';
import { finish, resolveCommon, type CommonChartOptions } from '../compose.js';
import { formatNumber } from '../data.js';
import { chartErrors, t } from '../i18n.js';
import { annotationColour, fontSizes, gridColour, seriesColours } from '../theme.js';
import { estimateTextWidth } from '../text-width.js';
import { analysisFootnote, type AnalysisScenario, leverName, pickOutput } from './analysis.js';

export interface MorrisChartOptions extends CommonChartOptions {
  /** Which output of the result (default 0). */
  readonly output?: number;
  /** Levers numbered and listed (default 10). */
  readonly top?: number;
  /** The scenario analysed, for the footnote. */
  readonly scenario?: AnalysisScenario;
}

const RATIOS = [0.1, 0.5, 1] as const;
const LIST_LINE = 22;

export function morris(result: MorrisResult, options: MorrisChartOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const out = pickOutput(result.outputs, options.output);
  const effects = out.effects.filter((e) => Number.isFinite(e.muStar) && Number.isFinite(e.sigma));
  if (effects.length === 0) throw new InputError([{ file: '<chart>', path: 'effects', message: chartErrors.noEffects() }]);
  const id = out.output.id;
  const name = labels.name(id, lang);
  const unit = labels.unit(id, lang);
  const top = Math.min(options.top ?? 10, effects.length);
  const points = effects.map((e, i) => ({
    rank: i < top ? i + 1 : null,
    lever: leverName(e, lang),
    muStar: e.muStar,
    sigma: e.sigma,
    mu: e.mu,
  }));
  const listed = points.slice(0, top).map((p) => ({ rank: p.rank, entry: `${p.rank}  ${p.lever}` }));
  const others = effects.length - top;
  if (others > 0) listed.push({ rank: top + 1, entry: t('morrisOthers', lang, { count: others }) });

  const listWidth = Math.min(240, Math.ceil(Math.max(...listed.map((l) => estimateTextWidth(l.entry, fontSizes.label)), estimateTextWidth(t('morrisList', lang), fontSizes.label, true))) + 8);
  const width = Math.max(200, size.width - listWidth - 100);
  const height = Math.max(160, size.height - 110);
  const xMax = Math.max(...points.map((p) => p.muStar)) * 1.08 || 1;
  const yMax = Math.max(...points.map((p) => p.sigma)) * 1.1 || 1;
  const x = { field: 'muStar', type: 'quantitative', title: unit ? t('morrisMuStar', lang, { unit }) : t('morrisMuStarPlain', lang), scale: { domain: [0, xMax], nice: false } };
  const y = { field: 'sigma', type: 'quantitative', title: t('morrisSigma', lang), scale: { domain: [0, yMax], nice: false } };
  // Each ray σ = r·μ* from the origin to where it leaves the plot, labelled there.
  const rays = RATIOS.map((ratio) => {
    const xEnd = Math.min(xMax, yMax / ratio);
    return { ratio, x0: 0, y0: 0, x1: xEnd, y1: ratio * xEnd, text: t('morrisRatio', lang, { ratio: formatNumber(ratio, lang) }), top: ratio * xMax > yMax };
  });
  const placed = placeRankLabels(points.slice(0, top), { width, height, xMax, yMax });
  const tooltip = [
    { field: 'lever', type: 'nominal', title: t('lever', lang) },
    { field: 'muStar', type: 'quantitative', title: 'μ*', format: ',.3~g' },
    { field: 'mu', type: 'quantitative', title: 'μ', format: ',.3~g' },
    { field: 'sigma', type: 'quantitative', title: 'σ', format: ',.3~g' },
  ];
  const scatter = {
    width,
    height,
    layer: [
      {
        data: { values: rays },
        layer: [
          {
            mark: { type: 'rule', color: gridColour, strokeDash: [4, 3], strokeWidth: 1.2, clip: true },
            encoding: { x: { field: 'x0', type: 'quantitative', scale: x.scale }, y: { field: 'y0', type: 'quantitative', scale: y.scale }, x2: { field: 'x1' }, y2: { field: 'y1' } },
          },
          // Rays leaving through the top are labelled below their end, the others above it.
          ...[true, false].map((top) => ({
            transform: [{ filter: top ? 'datum.top' : '!datum.top' }],
            mark: { type: 'text', fontSize: fontSizes.annotation - 1, color: annotationColour, align: 'right', dx: -3, dy: top ? 9 : -6 },
            encoding: { x: { field: 'x1', type: 'quantitative', scale: x.scale }, y: { field: 'y1', type: 'quantitative', scale: y.scale }, text: { field: 'text' } },
          })),
        ],
      },
      {
        data: { values: points.filter((p) => p.rank === null) },
        mark: { type: 'point', filled: true, size: 22, color: '#9A9A9A', opacity: 0.8 },
        encoding: { x, y, tooltip },
      },
      {
        data: { values: points.filter((p) => p.rank !== null) },
        layer: [
          { mark: { type: 'point', filled: true, size: 55, color: seriesColours[0], opacity: 1 }, encoding: { x, y, tooltip } },
        ],
      },
      {
        data: { values: placed },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: fontSizes.label, fontWeight: 'bold', color: seriesColours[0] },
        encoding: { x: { field: 'lx', type: 'quantitative', scale: x.scale }, y: { field: 'ly', type: 'quantitative', scale: y.scale }, text: { field: 'rank' } },
      },
    ],
  };
  const list = {
    width: listWidth,
    // One line per entry; a short list stays at the top instead of spreading down the plot.
    height: Math.min(height, listed.length * LIST_LINE),
    title: { text: t('morrisList', lang), fontSize: fontSizes.label, anchor: 'start', orient: 'top', offset: 4 },
    data: { values: listed },
    mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: fontSizes.label, color: '#222222' },
    encoding: {
      y: { field: 'rank', type: 'ordinal', axis: null, scale: { paddingOuter: 0.5 } },
      x: { value: 0 },
      text: { field: 'entry' },
    },
  };
  const method = t('morrisMethod', lang, { trajectories: result.trajectories, levels: result.levels, runs: formatNumber(result.evaluations, lang), seed: result.seed });
  return finish({
    body: { hconcat: [scatter, list], spacing: 24 },
    title: options.title ?? t('morrisTitle', lang, { indicator: name, year: out.output.year ?? '' }),
    subtitle: options.subtitle ?? t('morrisSubtitle', lang),
    footnote: analysisFootnote({ scenario: options.scenario, method, output: out.output, labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${name}: Morris μ* and σ of ${effects.length} levers`,
  });
}

/**
 * Label centre offsets tried around a point, in px (x right, y down): rings of directions at
 * growing distance, up-right first (the usual place of a point label).
 */
const DIRECTIONS = [[1, -1], [-1, -1], [1, 1], [-1, 1], [1.3, 0], [-1.3, 0], [0, -1.1], [0, 1.1], [0.45, -1.2], [1.25, -0.45], [-0.45, -1.2]] as const;
const OFFSETS: readonly (readonly [number, number])[] = Array.from({ length: 9 }, (_, ring) => 12 + 8 * ring).flatMap((r) =>
  DIRECTIONS.map(([dx, dy]) => [Math.round(dx * r * 0.8), Math.round(dy * r * 0.7)] as const),
);

/**
 * Where each rank number goes: the first offset around its point whose box overlaps neither a
 * number placed before it nor any numbered point (two levers with nearly equal effects would
 * otherwise print "4" over "3"). Positions are returned in data units.
 */
export function placeRankLabels(
  points: readonly { readonly rank: number | null; readonly muStar: number; readonly sigma: number }[],
  plot: { readonly width: number; readonly height: number; readonly xMax: number; readonly yMax: number },
): { rank: number; lx: number; ly: number }[] {
  const px = (p: { muStar: number; sigma: number }): [number, number] => [(p.muStar / plot.xMax) * plot.width, plot.height - (p.sigma / plot.yMax) * plot.height];
  const dots = points.map(px);
  const boxes: [number, number, number, number][] = [];
  const overlaps = (a: [number, number, number, number], b: [number, number, number, number]): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  return points.flatMap((p) => {
    if (p.rank === null) return [];
    const [cx, cy] = px(p);
    const w = 7 * String(p.rank).length + 2;
    const box = ([dx, dy]: readonly [number, number]): [number, number, number, number] => [cx + dx - w / 2, cy + dy - 6, cx + dx + w / 2, cy + dy + 6];
    const free = (b: [number, number, number, number]): boolean => !boxes.some((o) => overlaps(o, b)) && !dots.some(([x, y]) => overlaps([x - 4, y - 4, x + 4, y + 4], b));
    const inside = (b: [number, number, number, number]): boolean => b[0] >= 0 && b[2] <= plot.width + 8 && b[1] >= -4 && b[3] <= plot.height;
    // Inside the plot and clear of everything; else clear of the other numbers at least.
    const offset =
      OFFSETS.find((o) => inside(box(o)) && free(box(o))) ?? OFFSETS.find((o) => !boxes.some((b) => overlaps(b, box(o)))) ?? (OFFSETS[0] as readonly [number, number]);
    boxes.push(box(offset));
    return [{ rank: p.rank, lx: ((cx + offset[0]) / plot.width) * plot.xMax, ly: ((plot.height - (cy + offset[1])) / plot.height) * plot.yMax }];
  });
}
