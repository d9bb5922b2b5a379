/**
 * Monte Carlo fan: the median with its 50 % (P25–P75) and 90 % (P5–P95) ranges, targets overlaid.
 */
import type { TopLevelSpec } from 'vega-lite';
import { InputError } from '../../errors.js';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { hasVisibleSpread, numericTargets, percentileSeries, pickScenario, scenarioName } from '../data.js';
import { chartErrors, t, withUnit } from '../i18n.js';
import { fanColours } from '../theme.js';
import { fitYTitle, legendLayout, plotAreaWith, targetLayers, yearX } from './shared.js';

/** Options of {@link fan}. */
export interface FanOptions extends CommonChartOptions {
  readonly indicator: string;
  /** Scenario id; default the first Monte Carlo result. */
  readonly scenario?: string;
}

/**
 * Monte Carlo fan of one indicator in one scenario: the median with the P25–P75 and P5–P95 bands,
 * numeric targets overlaid.
 *
 * @throws InputError when the scenario was run deterministically (no percentiles) or lacks the indicator.
 */
export function fan(results: readonly ScenarioResult[], options: FanOptions): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const result = options.scenario === undefined ? (results.find((r) => r.mode === 'montecarlo') ?? pickScenario(results)) : pickScenario(results, options.scenario);
  const id = options.indicator;
  const rows = percentileSeries(result, id);
  if (rows.length === 0) {
    const message = result.rows.some((r) => r.output === id) ? chartErrors.needsMonteCarlo(result.scenario.id) : chartErrors.noData(id, [result.scenario.id]);
    throw new InputError([{ file: '<chart>', path: '', message }]);
  }
  const years = rows.map((r) => r.year);
  const name = labels.name(id, lang);
  const yTitle = withUnit(name, labels.unit(id, lang), lang);
  const series = [t('band90', lang), t('band50', lang), t('median', lang)];
  const legendTitle = scenarioName(result, lang);
  const legend = legendLayout(series, legendTitle, size);
  const { area, title: yAxisTitle } = fitYTitle(yTitle, plotAreaWith(size, legend));
  const x = yearX(years, lang);
  const colour = {
    field: 'series',
    type: 'nominal',
    scale: { domain: series, range: [fanColours.band90, fanColours.band50, fanColours.median] },
    legend: { title: legendTitle, symbolType: 'square', symbolSize: 140, symbolStrokeWidth: 0, ...legend.props },
  };
  const y = { type: 'quantitative', title: yAxisTitle, scale: { zero: false } };
  const band90 = rows.map((r) => ({ series: series[0], year: r.year, lo: r.p05, hi: r.p95 }));
  const band50 = rows.map((r) => ({ series: series[1], year: r.year, lo: r.p25, hi: r.p75 }));
  const median = rows.map((r) => ({ series: series[2], year: r.year, value: r.p50 }));
  const layers: Record<string, unknown>[] = [
    // Two layers, so the 50 % band is always drawn over the 90 % band.
    ...[band90, band50].map((values) => ({
      data: { values },
      mark: { type: 'area', opacity: 1 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colour },
    })),
    {
      data: { values: median },
      layer: [
        { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y: { ...y, field: 'value' }, color: colour } },
        {
          mark: { type: 'point', filled: true, size: 40, opacity: 1 },
          encoding: {
            x,
            y: { ...y, field: 'value' },
            color: colour,
            tooltip: [
              { field: 'year', type: 'quantitative', title: t('year', lang), format: 'd' },
              { field: 'value', type: 'quantitative', title: t('median', lang), format: ',.2~f' },
            ],
          },
        },
      ],
    },
  ];
  const targets = numericTargets([result], id);
  if (targets.length > 0) layers.push(targetLayers(targets, x, years[0] ?? result.years[0] ?? 0, area.width, lang));
  return finish({
    body: { width: area.width, height: area.height, layer: layers },
    title: options.title ?? t('fanTitle', lang, { indicator: name, scenario: scenarioName(result, lang) }),
    // A band over every assumption must not read like the scenario's own (delivery) uncertainty.
    subtitle:
      options.subtitle ??
      [t('fanSubtitle', lang, { runs: result.runs }), result.uncertainty?.mode === 'all' ? t('fanAllAssumptions', lang) : '', hasVisibleSpread(rows) ? '' : t('fanNoSpread', lang)].filter((p) => p !== '').join(t('clauseSeparator', lang)),
    footnote: footnoteText({ results: [result], ids: [id], labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${yTitle}: Monte Carlo median, 50 % and 90 % ranges`,
  });
}
