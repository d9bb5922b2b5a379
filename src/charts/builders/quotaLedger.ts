/**
 * The construction-land linkage quota ledger of one scenario: quota generated, used and traded in
 * each year (grouped bars) and the unused balance (line), all in hectares.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../runner/types.js';
import { finish, footnoteText, resolveCommon, type CommonChartOptions } from '../compose.js';
import { centralSeries, pickScenario, requireCentralSeries, scenarioName, scenarioSubtitle } from '../data.js';
import { t } from '../i18n.js';
import { seriesColours } from '../theme.js';
import { legendLayout, plotAreaWith } from './shared.js';

/** Model series of the yearly linkage-quota flows (generated, used, traded), in hectares. */
export const QUOTA_FLOWS = ['land.quota_generated', 'land.quota_used', 'land.quota_traded'] as const;
/** Model series of the unused linkage-quota balance, in hectares. */
export const QUOTA_BALANCE = 'land.quota_balance';

/** Options of {@link quotaLedger}. */
export interface QuotaLedgerOptions extends CommonChartOptions {
  /** Scenario id; default the first result. */
  readonly scenario?: string;
}

/** The linkage-quota ledger of one scenario: yearly flows as grouped bars, the balance as a line. */
export function quotaLedger(results: readonly ScenarioResult[], options: QuotaLedgerOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const result = pickScenario(results, options.scenario);
  const names = [...QUOTA_FLOWS, QUOTA_BALANCE].map((id) => labels.name(id, lang));
  const balanceName = names[3] ?? QUOTA_BALANCE;
  const flows = QUOTA_FLOWS.flatMap((id, i) => requireCentralSeries(result, id).map((p) => ({ series: names[i], year: p.year, value: p.value })));
  // Flows in the baseline year are not part of the reform period; the ledger starts with 2011.
  const firstYear = Math.min(...result.years);
  const bars = flows.filter((f) => f.year > firstYear);
  const balance = centralSeries(result, QUOTA_BALANCE).map((p) => ({ series: balanceName, year: p.year, value: p.value }));
  const legendTitle = t('quotaSeries', lang);
  const legend = legendLayout(names, legendTitle, size);
  const area = plotAreaWith(size, legend);
  const x = { field: 'year', type: 'ordinal', title: t('year', lang), axis: { labelAngle: 0 } };
  const colour = {
    field: 'series',
    type: 'nominal',
    scale: { domain: names, range: [seriesColours[0], seriesColours[1], seriesColours[4], '#000000'] },
    legend: { title: legendTitle, symbolType: 'square', symbolSize: 120, ...legend.props },
  };
  const y = { field: 'value', type: 'quantitative', title: t('quotaAxis', lang), axis: { format: ',d' } };
  const tooltip = [
    { field: 'series', type: 'nominal', title: legendTitle },
    { field: 'year', type: 'ordinal', title: t('year', lang) },
    { field: 'value', type: 'quantitative', title: t('quotaAxis', lang), format: ',.0f' },
  ];
  const layers: Record<string, unknown>[] = [
    { data: { values: bars }, mark: { type: 'bar' }, encoding: { x, xOffset: { field: 'series', sort: names.slice(0, 3) }, y, color: colour, tooltip } },
  ];
  if (balance.length > 0) {
    layers.push({
      data: { values: balance.filter((b) => b.year >= firstYear) },
      layer: [
        { mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x, y, color: colour } },
        { mark: { type: 'point', filled: true, size: 45, opacity: 1, shape: 'diamond' }, encoding: { x, y, color: colour, tooltip } },
      ],
    });
  }
  return finish({
    body: { width: area.width, height: area.height, layer: layers },
    title: options.title ?? t('quotaTitle', lang),
    subtitle: options.subtitle ?? scenarioSubtitle(result, lang),
    footnote: footnoteText({ results: [result], ids: [...QUOTA_FLOWS, QUOTA_BALANCE, 'land.quota-balance'], labels, lang }),
    footnoteWidth: size.width - 20,
    description: `${t('quotaTitle', lang)}: ${scenarioName(result, lang)}`,
  });
}
