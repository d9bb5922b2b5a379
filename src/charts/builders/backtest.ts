/**
 * Backtest: one indicator's projection (the line, with its 90 % band under Monte Carlo) against the
 * observed values — filled black circles in the years the model was fitted to, vermillion diamonds
 * out of sample — with a dashed divider after the last fitted year. Shape and colour both tell the
 * two kinds of observation apart, so a grey-scale print keeps the distinction.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BacktestResult } from '../../analysis/results.js';
import { InputError } from '../../errors.js';
import { finish, resolveCommon, type CommonChartOptions } from '../compose.js';
import { formatNumber } from '../data.js';
import { chartErrors, t, withUnit } from '../i18n.js';
import { annotationColour, fanColours, fontSizes, seriesColours } from '../theme.js';
import { analysisFootnote } from './analysis.js';
import { fitYTitle, legendLayout, plotAreaWith, yearX } from './shared.js';

export interface BacktestChartOptions extends CommonChartOptions {
  /** The indicator to draw (default: the first one scored). */
  readonly indicator?: string;
}

const percent = (v: number | undefined, lang: 'zh' | 'en'): string => (v === undefined || !Number.isFinite(v) ? '—' : `${formatNumber(v, lang)}%`);

export function backtest(result: BacktestResult, options: BacktestChartOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const id = options.indicator ?? result.series[0]?.id ?? '';
  const series = result.series.find((s) => s.id === id);
  if (!series) throw new InputError([{ file: '<chart>', path: 'indicator', message: chartErrors.noBacktestSeries(id, result.series.map((s) => s.id)) }]);
  const rows = result.rows.filter((r) => r.id === id);
  const monteCarlo = result.mode === 'montecarlo';
  // A band only where the runs differ (an indicator no drawn lever reaches has none to show).
  const band = monteCarlo && series.points.some((p) => p.low !== null && p.high !== null && p.high - p.low > 1e-9 * Math.max(1, Math.abs(p.central)));
  const name = labels.name(id, lang);
  const yTitle = withUnit(name, labels.unit(id, lang), lang);
  const projectionKey = monteCarlo ? t('backtestMedian', lang) : t('backtestProjection', lang);
  const bandKey = t('band90', lang);
  const fittedKey = t('backtestObservedFitted', lang);
  const outKey = t('backtestObservedOut', lang);
  // Legend entries only for what the chart shows: key, colour, symbol.
  const entries: [string, string, string][] = [
    [projectionKey, fanColours.median, 'stroke'],
    ...(band ? [[bandKey, fanColours.band90, 'square'] as [string, string, string]] : []),
    ...(rows.some((r) => r.split !== 'out-of-sample') ? [[fittedKey, '#000000', 'circle'] as [string, string, string]] : []),
    ...(rows.some((r) => r.split === 'out-of-sample') ? [[outKey, seriesColours[1], 'diamond'] as [string, string, string]] : []),
  ];
  const keys = entries.map((e) => e[0]);
  // Beside the plot when it leaves the plot most of the chart, else below (the fan's rule).
  const legend = legendLayout(keys, t('backtestSeries', lang), size);
  const colour = {
    field: 'key',
    type: 'nominal',
    scale: { domain: keys, range: entries.map((e) => e[1]) },
    legend: { title: t('backtestSeries', lang), symbolStrokeWidth: 2, ...legend.props },
  };
  const shape = { field: 'key', type: 'nominal', scale: { domain: keys, range: entries.map((e) => e[2]) } };
  const years = [...new Set([...series.points.map((p) => p.year), ...rows.map((r) => r.year)])].sort((a, b) => a - b);
  const { area, title: yAxisTitle } = fitYTitle(yTitle, plotAreaWith(size, legend));
  const x = yearX(years, lang);
  const y = { type: 'quantitative', title: yAxisTitle, scale: { zero: false } };
  const projection = series.points.map((p) => ({ key: projectionKey, year: p.year, value: p.central, lo: p.low, hi: p.high }));
  const observed = rows.map((r) => ({ key: r.split === 'out-of-sample' ? outKey : fittedKey, year: r.year, value: r.observed, projected: r.projected, error: r.percentError }));
  const layers: Record<string, unknown>[] = [];
  if (band) {
    layers.push({
      data: { values: projection.map((p) => ({ ...p, key: bandKey })) },
      mark: { type: 'area', opacity: 1 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colour },
    });
  }
  // The divider between the last fitted year and the first out-of-sample one.
  const divider = result.fittedUntil + 0.5;
  if (divider > (years[0] ?? Infinity) && divider < (years[years.length - 1] ?? -Infinity)) {
    layers.push({
      data: { values: [{ year: divider }] },
      layer: [
        // The year encoding itself (scale and axis), so the divider never widens the year scale.
        { mark: { type: 'rule', color: annotationColour, strokeDash: [4, 3], strokeWidth: 1 }, encoding: { x } },
        { mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, y: 2, fontSize: fontSizes.annotation, color: annotationColour, text: t('backtestFittedSide', lang) }, encoding: { x } },
        { mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 2, fontSize: fontSizes.annotation, color: annotationColour, text: t('backtestOutSide', lang) }, encoding: { x } },
      ],
    });
  }
  layers.push({
    data: { values: projection },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: { x, y: { ...y, field: 'value' }, color: colour, shape },
  });
  layers.push({
    data: { values: observed },
    mark: { type: 'point', filled: true, size: 70, opacity: 1, strokeWidth: 1.5 },
    encoding: {
      x,
      y: { ...y, field: 'value' },
      color: colour,
      shape,
      tooltip: [
        { field: 'year', type: 'quantitative', title: t('year', lang), format: 'd' },
        { field: 'value', type: 'quantitative', title: t('observed', lang), format: ',.4~g' },
        { field: 'projected', type: 'quantitative', title: projectionKey, format: ',.4~g' },
        { field: 'error', type: 'quantitative', title: '%', format: '+.2f' },
      ],
    },
  });
  const mape = (split: 'fitted' | 'out-of-sample'): number | undefined => result.metrics.find((m) => m.id === id && m.split === split)?.mape;
  const scenario = result.scenario.title[lang] || result.scenario.id;
  const method = [
    t(monteCarlo ? 'seed' : 'deterministic', lang, { seeds: result.seed ?? '', runs: result.runs }),
    t('backtestScores', lang, { fitted: percent(mape('fitted'), lang), outOfSample: percent(mape('out-of-sample'), lang) }),
  ].join(t('clauseSeparator', lang));
  return finish({
    body: { width: area.width, height: area.height, layer: layers },
    title: options.title ?? t('backtestTitle', lang, { indicator: name }),
    subtitle: options.subtitle ?? t('backtestSubtitle', lang, { scenario, fitted: result.fittedUntil }),
    footnote: analysisFootnote({ scenario: result.scenario, method, output: { id }, labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${yTitle}: projection and ${rows.length} observed values`,
  });
}
