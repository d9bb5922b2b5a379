/**
 * Conversions to urban hukou in each year by the plan's three channels (line 151): farmers inside
 * urban-planning areas, farmers outside them, migrant workers — stacked bars of one scenario.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { pickScenario, requireCentralSeries, scenarioName, scenarioSubtitle } from '../data.js';
import { t } from '../i18n.js';
import { withoutCommonPrefix } from '../labels.js';
import { seriesColours } from '../theme.js';
import { fitYTitle, legendLayout, plotAreaWith } from './shared.js';

/** Model series of the yearly conversions to urban hukou by the plan's three channels (persons). */
export const HUKOU_CHANNELS = ['hukou.conversions.plan_area', 'hukou.conversions.outside_plan_area', 'hukou.conversions.migrant'] as const;

/** Options of {@link hukouChannels}. */
export interface HukouChannelsOptions extends CommonChartOptions {
  readonly scenario?: string;
}

/** Persons are shown in 万人 (zh) or thousands (en), the units readers of each language expect. */
const personsDivisor = { zh: 10_000, en: 1_000 } as const;

/** Conversions to urban hukou in each year of one scenario, stacked by channel (万人 in Chinese, thousands in English). */
export function hukouChannels(results: readonly ScenarioResult[], options: HukouChannelsOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const result = pickScenario(results, options.scenario);
  const names = withoutCommonPrefix(HUKOU_CHANNELS.map((id) => labels.name(id, lang)));
  const firstYear = Math.min(...result.years);
  const values = HUKOU_CHANNELS.flatMap((id, i) =>
    requireCentralSeries(result, id)
      // Conversions in the baseline year happened before the reform period.
      .filter((p) => p.year > firstYear)
      .map((p) => ({ channel: names[i], order: i, year: p.year, value: p.value / personsDivisor[lang] })),
  );
  const legendTitle = t('hukouChannel', lang);
  const legend = legendLayout(names, legendTitle, size);
  const unit = t('personsTenThousand', lang);
  const yTitle = t('personsConverted', lang, { unit });
  const { area, title: yAxisTitle } = fitYTitle(yTitle, plotAreaWith(size, legend));
  const body = {
    width: area.width,
    height: area.height,
    data: { values },
    mark: { type: 'bar', stroke: '#FFFFFF', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: t('year', lang), axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: yAxisTitle, stack: 'zero', axis: { format: ',.1~f' } },
      color: {
        field: 'channel',
        type: 'nominal',
        scale: { domain: names, range: [seriesColours[0], seriesColours[3], seriesColours[2]] },
        legend: { title: legendTitle, symbolType: 'square', symbolSize: 120, ...legend.props },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'channel', type: 'nominal', title: legendTitle },
        { field: 'year', type: 'ordinal', title: t('year', lang) },
        { field: 'value', type: 'quantitative', title: yTitle, format: ',.2f' },
      ],
    },
  };
  return finish({
    body,
    title: options.title ?? t('hukouTitle', lang),
    subtitle: options.subtitle ?? scenarioSubtitle(result, lang),
    footnote: footnoteText({ results: [result], ids: [...HUKOU_CHANNELS, 'urbanisation.hukou-rate'], labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${t('hukouTitle', lang)}: ${scenarioName(result, lang)}`,
  });
}
