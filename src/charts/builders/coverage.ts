/**
 * Coverage by insurance scheme over time (lines), one scenario.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { centralSeries, pickScenario, requireCentralSeries, scenarioName, scenarioSubtitle } from '../data.js';
import { t } from '../i18n.js';
import { withoutCommonPrefix } from '../labels.js';
import { fitYTitle, legendLayout, plotAreaWith, seriesLayers } from './shared.js';

/** Insurance schemes with a coverage series (`insurance.coverage.<scheme>`). */
export const COVERAGE_SCHEMES = ['urban_employee', 'urban_resident', 'rural_cooperative', 'residents_merged', 'pension_residents', 'migrant'] as const;
/** The model series id of a scheme's coverage. */
export const coverageSeriesId = (scheme: string): string => `insurance.coverage.${scheme}`;

/** Options of {@link coverage}. */
export interface CoverageOptions extends CommonChartOptions {
  readonly scenario?: string;
  /** Scheme names (the part after `insurance.coverage.`); default all present in the result. */
  readonly schemes?: readonly string[];
}

/** Coverage of each insurance scheme over the horizon in one scenario, one line per scheme. */
export function coverage(results: readonly ScenarioResult[], options: CoverageOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const result = pickScenario(results, options.scenario);
  const ids = (options.schemes ?? COVERAGE_SCHEMES.filter((s) => centralSeries(result, coverageSeriesId(s)).length > 0)).map(coverageSeriesId);
  // At least one scheme must be there; asking for a missing one names it.
  if (ids.length === 0) requireCentralSeries(result, coverageSeriesId(COVERAGE_SCHEMES[0]));
  const names = withoutCommonPrefix(ids.map((id) => labels.name(id, lang)));
  const values = ids.flatMap((id, i) => requireCentralSeries(result, id).map((p) => ({ scheme: names[i], year: p.year, value: p.value })));
  const legendTitle = t('scheme', lang);
  const legend = legendLayout(names, legendTitle, size);
  const { area, title: yAxisTitle } = fitYTitle(t('coverageAxis', lang), plotAreaWith(size, legend));
  return finish({
    body: {
      width: area.width,
      height: area.height,
      data: { values },
      layer: seriesLayers({ names, field: 'scheme', legendTitle, years: result.years, yTitle: t('coverageAxis', lang), yAxisTitle, lang, legend }),
    },
    title: options.title ?? t('coverageTitle', lang),
    subtitle: options.subtitle ?? scenarioSubtitle(result, lang),
    footnote: footnoteText({ results: [result], ids: [...ids, 'insurance.medical.urban-employee'], labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${t('coverageTitle', lang)}: ${scenarioName(result, lang)}`,
  });
}
