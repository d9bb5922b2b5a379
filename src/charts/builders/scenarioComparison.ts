/**
 * One indicator over the horizon, one line per scenario; the baseline year marked, the targets on
 * the indicator drawn as a dashed level with a labelled point at the target year. Lines of Monte
 * Carlo scenarios are medians, as the subtitle says.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { allYears, centralNote, formatNumber, numericTargets, requireCentralSeries, requireResults, scenarioName } from '../data.js';
import { t, withUnit } from '../i18n.js';
import { annotationColour, fontSizes } from '../theme.js';
import { fitYTitle, legendLayout, plotAreaWith, seriesLayers, targetLayers, yearX } from './shared.js';

/** Options of {@link scenarioComparison}. */
export interface ScenarioComparisonOptions extends CommonChartOptions {
  readonly indicator: string;
}

/**
 * One indicator (or model series) over the horizon, one line per scenario (Monte Carlo scenarios
 * draw their median), with the baseline year and any numeric target on the indicator marked.
 *
 * @example
 * ```ts
 * import { charts, render } from 'hangzhou-reform-sim';
 * const spec = charts.scenarioComparison(results, { indicator: 'urbanisation.rate', lang: 'en' });
 * const svg = await render(spec, 'svg');
 * ```
 * @throws InputError when no result has rows for `indicator`.
 */
export function scenarioComparison(results: readonly ScenarioResult[], options: ScenarioComparisonOptions): TopLevelSpec {
  requireResults(results);
  const { lang, size, labels } = resolveCommon(options);
  const id = options.indicator;
  const names = results.map((r) => scenarioName(r, lang));
  const values = results.flatMap((r, i) => requireCentralSeries(r, id).map((p) => ({ scenario: names[i], year: p.year, value: p.value })));
  const years = allYears(results);
  const name = labels.name(id, lang);
  const unit = labels.unit(id, lang);
  const yTitle = withUnit(name, unit, lang);
  const legendTitle = t('scenario', lang);
  const legend = legendLayout(names, legendTitle, size);
  const { area, title: yAxisTitle } = fitYTitle(yTitle, plotAreaWith(size, legend));
  const x = yearX(years, lang);

  const baseYear = years[0] ?? 2010;
  const baseValue = values.find((v) => v.year === baseYear)?.value;
  // The baseline label goes where along the rule it is farthest from what sits near it on the left:
  // the lines (they all leave from the baseline value) and the target labels — the top, the bottom,
  // or the middle when both ends are taken (a target above, the lines leaving from below).
  const targets = numericTargets(results, id);
  const obstacles = [baseValue, ...targets.map((a) => a.required)].filter((v): v is number => v !== null && v !== undefined);
  const all = [...values.map((v) => v.value), ...obstacles];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const clearance = (end: number): number => Math.min(1, ...obstacles.map((v) => Math.abs((hi > lo ? (v - lo) / (hi - lo) : 0.5) - end)));
  // Preference on ties: top, bottom, middle. A position needs a quarter of the height to count as clear.
  const place = (['top', 'bottom', 'middle'] as const).reduce<{ at: 'top' | 'bottom' | 'middle'; room: number }>(
    (best, at) => {
      const room = clearance(at === 'top' ? 1 : at === 'bottom' ? 0 : 0.5);
      return room > best.room + 1e-9 && (at !== 'middle' || room >= 0.25) ? { at, room } : best;
    },
    { at: 'top', room: clearance(1) },
  ).at;
  const labelMark =
    place === 'bottom'
      ? { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: area.height - 2, fontSize: fontSizes.annotation, color: annotationColour }
      : place === 'top'
        ? { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 2, fontSize: fontSizes.annotation, color: annotationColour }
        : { type: 'text', align: 'left', baseline: 'middle', dx: 4, y: area.height / 2, fontSize: fontSizes.annotation, color: annotationColour };
  const layers: Record<string, unknown>[] = [
    // The baseline year: a thin vertical rule with its value, behind the series.
    {
      data: {
        values: [
          {
            year: baseYear,
            text:
              baseValue === undefined
                ? t('baselineYear', lang, { year: baseYear })
                : t('baselineLabel', lang, { year: baseYear, value: formatNumber(baseValue, lang) }),
          },
        ],
      },
      layer: [
        { mark: { type: 'rule', color: annotationColour, strokeDash: [2, 2], strokeWidth: 1 }, encoding: { x } },
        { mark: labelMark, encoding: { x, text: { field: 'text' } } },
      ],
    },
    { data: { values }, layer: seriesLayers({ names, field: 'scenario', legendTitle, years, yTitle, yAxisTitle, lang, legend }) },
  ];

  if (targets.length > 0) layers.push(targetLayers(targets, x, baseYear, area.width, lang));

  const body = { width: area.width, height: area.height, layer: layers };
  return finish({
    body,
    title: options.title ?? name,
    subtitle: options.subtitle ?? [t('comparisonSubtitle', lang, { from: years[0] ?? '', to: years[years.length - 1] ?? '' }), centralNote(results, lang)].filter((p) => p !== '').join(t('clauseSeparator', lang)),
    footnote: footnoteText({ results, ids: [id], labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${yTitle}: ${names.join(', ')}`,
  });
}
