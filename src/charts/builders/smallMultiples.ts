/**
 * One domain's indicators, one small panel each (own vertical scale), one line per scenario.
 */
import type { TopLevelSpec } from 'vega-lite';
import { Domains, type Domain } from '../../catalog/types.js';
import { InputError } from '../../errors.js';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { allYears, centralNote, centralSeries, requireResults, scenarioName } from '../data.js';
import { chartErrors, t, withUnit } from '../i18n.js';
import { fontSizes } from '../theme.js';
import { wrapBalanced } from '../text-width.js';
import { legendLayout, seriesLayers } from './shared.js';

/** Line height of panel headers (label font 11 px). */
const HEADER_LINE = 14;
/** Height of a panel's own year labels. */
const X_AXIS_LABELS = 18;

/** Options of {@link smallMultiples}. */
export interface SmallMultiplesOptions extends CommonChartOptions {
  /** Indicator (or series) ids, one panel each, in this order. */
  readonly indicators: readonly string[];
  /** The domain they belong to: its name is the default title. */
  readonly domain?: Domain;
  /** Panels per row; default 3 (2 for a half-page chart). */
  readonly columns?: number;
}

/**
 * Several indicators, one small panel each with its own vertical scale, one line per scenario.
 *
 * @throws InputError when `indicators` is empty or none has projections in the results.
 */
export function smallMultiples(results: readonly ScenarioResult[], options: SmallMultiplesOptions): TopLevelSpec {
  requireResults(results);
  if (options.indicators.length === 0) throw new InputError([{ file: '<chart>', path: 'indicators', message: chartErrors.emptyPanelList() }]);
  const { lang, size, labels } = resolveCommon(options);
  const names = results.map((r) => scenarioName(r, lang));
  // Indicators without projections in these results are left out rather than drawn empty.
  const ids = options.indicators.filter((id) => results.some((r) => centralSeries(r, id).length > 0));
  if (ids.length === 0) throw new InputError([{ file: '<chart>', path: 'indicators', message: chartErrors.noData(options.indicators.join(', '), results.map((r) => r.scenario.id)) }]);
  const legendTitle = t('scenario', lang);
  const legend = legendLayout(names, legendTitle, size);
  const columns = Math.min(ids.length, options.columns ?? (size.width < 600 ? 2 : 3));
  // Per panel: y-axis labels (~40 px) and the gap to the next panel (16 px) besides the plot.
  const panelWidth = Math.max(100, Math.floor((size.width - legend.width - 20) / columns) - 56);
  const panelHeight = 110;
  // Panel titles carry the unit (there is no y-axis title) and wrap to the panel width.
  // All headers get the same number of lines (empty ones on top), so the plots of a row line up.
  const wrapped = ids.map((id) => wrapBalanced(withUnit(labels.name(id, lang), labels.unit(id, lang), lang), fontSizes.label + 1, panelWidth + 12, true));
  const headerLines = Math.max(...wrapped.map((w) => w.length));
  const panels = wrapped.map((w) => [...Array<string>(headerLines - w.length).fill(''), ...w].join('\n'));
  const values = ids.flatMap((id, k) =>
    results.flatMap((r, i) => centralSeries(r, id).map((p) => ({ panel: panels[k], scenario: names[i], year: p.year, value: p.value }))),
  );
  const years = allYears(results);
  const body = {
    data: { values },
    columns,
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: panels,
      title: null,
      header: { labelExpr: "split(datum.label, '\\n')", labelAnchor: 'start', labelFontWeight: 'bold', labelLimit: 0, labelPadding: 4, labelLineHeight: HEADER_LINE },
    },
    spec: {
      width: panelWidth,
      height: panelHeight,
      layer: seriesLayers({ names, field: 'scenario', legendTitle, years, yTitle: '', lang, legend }).map((layer) => withoutYTitle(layer)),
    },
    // Every panel has its own x axis: a shared footer axis would also sit under an empty grid slot.
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    // Flush bounds line the plots up in a grid whatever their y-label widths; the column gap
    // leaves room for the labels, the row gap for the x-axis labels and the next header.
    bounds: 'flush',
    spacing: { row: headerLines * HEADER_LINE + 14 + X_AXIS_LABELS, column: 56 },
  };
  const domainName = options.domain ? Domains[options.domain][lang] : undefined;
  return finish({
    body,
    title: options.title ?? domainName ?? ids.map((id) => labels.name(id, lang)).join(t('listSeparator', lang)),
    subtitle: options.subtitle ?? [t('smallMultiplesSubtitle', lang, { from: years[0] ?? '', to: years[years.length - 1] ?? '' }), centralNote(results, lang)].filter((p) => p !== '').join(t('clauseSeparator', lang)),
    footnote: footnoteText({ results, ids, labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${domainName ?? ''} ${ids.join(', ')}`,
  });
}

/** Small panels have no y-axis title (the panel header names the indicator and unit). */
function withoutYTitle(layer: Record<string, unknown>): Record<string, unknown> {
  const enc = layer.encoding as Record<string, Record<string, unknown>> | undefined;
  if (!enc?.y) return layer;
  const xAxis = (enc.x?.axis ?? {}) as Record<string, unknown>;
  const years = (xAxis.values ?? []) as number[];
  // Narrow panels label every other year, counted back from the horizon's end (the target year).
  const everyOther = years.filter((_, i) => (years.length - 1 - i) % 2 === 0);
  return {
    ...layer,
    encoding: { ...enc, y: { ...enc.y, title: null, axis: { tickCount: 4 } }, x: { ...enc.x, title: null, axis: { ...xAxis, values: everyOther } } },
  };
}
