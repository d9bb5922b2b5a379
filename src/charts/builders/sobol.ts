/**
 * Sobol′ indices: for the levers with the largest total index, the first-order index S1 (the share
 * of the output's variance the lever explains alone) beside the total index ST (alone and through
 * its interactions), each with its bootstrap confidence interval. S1 is the lighter bar of the
 * same hue: it is part of ST.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SobolResult } from '../../analysis/results.js';
import { InputError } from '../../errors.js';
import { finish, resolveCommon, type CommonChartOptions } from '../compose.js';
import { formatNumber } from '../data.js';
import { chartErrors, t } from '../i18n.js';
import { fontSizes } from '../theme.js';
import { estimateTextWidth } from '../text-width.js';
import { analysisFootnote, type AnalysisScenario, leverName, pickOutput } from './analysis.js';
import { legendLayout } from './shared.js';

export interface SobolChartOptions extends CommonChartOptions {
  /** Which output of the result (default 0). */
  readonly output?: number;
  /** Levers shown, largest total index first (default 12). */
  readonly top?: number;
  readonly scenario?: AnalysisScenario;
}

/** Sky blue (S1) inside blue (ST): one hue, two lightnesses (Okabe & Ito). */
const COLOURS = ['#56B4E9', '#0072B2'] as const;
const LEVER_STEP = 34;

export function sobol(result: SobolResult, options: SobolChartOptions = {}): TopLevelSpec {
  const { lang, size, labels } = resolveCommon(options);
  const out = pickOutput(result.outputs, options.output);
  const shown = out.indices.filter((s) => Number.isFinite(s.total)).slice(0, options.top ?? 12);
  if (shown.length === 0) throw new InputError([{ file: '<chart>', path: 'indices', message: chartErrors.noEffects() }]);
  const id = out.output.id;
  const name = labels.name(id, lang);
  const kinds = [t('sobolFirst', lang), t('sobolTotal', lang)];
  const levers = shown.map((s) => leverName(s, lang));
  const values = shown.flatMap((s, i) =>
    ([
      [kinds[0], s.first, s.firstInterval],
      [kinds[1], s.total, s.totalInterval],
    ] as const).map(([kind, value, interval]) => ({
      lever: levers[i],
      kind,
      value,
      lo: interval?.[0] ?? value,
      hi: interval?.[1] ?? value,
      interval: interval ? `${formatNumber(interval[0], lang)} – ${formatNumber(interval[1], lang)}` : t('notApplicable', lang),
    })),
  );
  const lo = Math.min(0, ...values.map((v) => v.lo));
  const hi = Math.max(0.1, ...values.map((v) => v.hi));
  const leverWidth = Math.min(260, Math.ceil(Math.max(...levers.map((l) => estimateTextWidth(l, fontSizes.label)))) + 8);
  const legend = legendLayout(kinds, t('sobolIndex', lang), size);
  const width = Math.max(160, size.width - leverWidth - legend.width - 40);
  const x = { field: 'value', type: 'quantitative', title: t('sobolAxis', lang), scale: { domain: [lo, hi * 1.05], nice: false }, axis: { format: '.1f', tickCount: 6 } };
  const y = { field: 'lever', type: 'nominal', sort: levers, title: null, axis: { labelLimit: leverWidth, ticks: false, domain: false } };
  const yOffset = { field: 'kind', type: 'nominal', sort: kinds, scale: { paddingInner: 0.15 } };
  const colour = { field: 'kind', type: 'nominal', sort: kinds, scale: { domain: kinds, range: [...COLOURS] }, legend: { title: t('sobolIndex', lang), symbolType: 'square', symbolSize: 120, ...legend.props } };
  const body = {
    width,
    height: { step: LEVER_STEP, for: 'position' },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: {
          x,
          x2: { datum: 0 },
          y,
          yOffset,
          color: colour,
          tooltip: [
            { field: 'lever', type: 'nominal', title: t('lever', lang) },
            { field: 'kind', type: 'nominal', title: t('sobolIndex', lang) },
            { field: 'value', type: 'quantitative', title: t('sobolIndex', lang), format: '.3f' },
            { field: 'interval', type: 'nominal', title: t('sobolInterval', lang) },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#000000', strokeWidth: 1.2 },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y, yOffset },
      },
    ],
  };
  const method = t('sobolMethod', lang, { samples: formatNumber(result.samples, lang), runs: formatNumber(result.evaluations, lang), seed: result.seed });
  return finish({
    body,
    title: options.title ?? t('sobolTitle', lang, { indicator: name, year: out.output.year ?? '' }),
    subtitle: options.subtitle ?? t('sobolSubtitle', lang, { confidence: Math.round(result.confidence * 100) }),
    footnote: analysisFootnote({ scenario: options.scenario, method, output: out.output, labels, lang }),
    footnoteWidth: size.width - 20,
    footnoteIndent: leverWidth + 6,
    description: `${name}: Sobol′ first-order and total indices of ${shown.length} levers`,
  });
}
