/**
 * Tornado: the levers that move one indicator most. Each bar runs from the reference projection
 * to the projection with one lever at its low (or high) value; widest swing on top.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OatResult } from '../../analysis/results.js';
import type { Text } from '../../catalog/types.js';
import { InputError } from '../../errors.js';
import { finish, footnoteText, resolveCommon, Y_AXIS_EXTENT, type CommonChartOptions, type FootnoteRun } from '../compose.js';
import { formatNumber } from '../data.js';
import { chartErrors, t, withUnit } from '../i18n.js';
import { annotationColour, fontSizes, seriesColours } from '../theme.js';
import { widestLine } from '../text-width.js';
import { legendBelow, legendLayout } from './shared.js';

/** One lever set to its low and high value, and the indicator each gives. */
export interface TornadoSwing {
  readonly param: string;
  readonly label: Text;
  readonly low: { readonly value: number; readonly result: number };
  readonly high: { readonly value: number; readonly result: number };
}

/** What a one-at-a-time sensitivity run found for one indicator in one year. */
export interface TornadoInput {
  readonly indicator: string;
  readonly year: number;
  /** The indicator in `year` with every lever at its reference value. */
  readonly baseline: number;
  readonly swings: readonly TornadoSwing[];
}

/** Options of {@link tornado}. */
export interface TornadoOptions extends CommonChartOptions {
  /** Show at most this many levers (the widest swings); default 12. */
  readonly top?: number;
  /** The run(s) the swings were computed around, for the footnote. */
  readonly runs?: readonly FootnoteRun[];
}

const BAR_STEP = 26;
const MIN_BARS_WIDTH = 200;
/** Gap between a bar's end and its lever-value label. */
const LABEL_GAP = 4;

/** Swings sorted widest first (|high − low| of the results). */
export const sortSwings = (swings: readonly TornadoSwing[]): TornadoSwing[] =>
  [...swings].sort((a, b) => Math.abs(b.high.result - b.low.result) - Math.abs(a.high.result - a.low.result) || a.param.localeCompare(b.param));

/**
 * Tornado: one bar per lever from the reference projection to the projection with the lever at
 * its low or high value, widest swing on top, each bar end labelled with the lever value.
 *
 * @throws InputError when `input.swings` is empty.
 */
export function tornado(input: TornadoInput, options: TornadoOptions = {}): TopLevelSpec {
  if (input.swings.length === 0) throw new InputError([{ file: '<chart>', path: 'swings', message: chartErrors.noSwings() }]);
  const { lang, size, labels } = resolveCommon(options);
  const swings = sortSwings(input.swings).slice(0, options.top ?? 12);
  const name = labels.name(input.indicator, lang);
  const unit = labels.unit(input.indicator, lang);
  const settings = [t('leverLow', lang), t('leverHigh', lang)];
  const levers = swings.map((s) => s.label[lang]);
  const values = swings.flatMap((s) =>
    (['low', 'high'] as const).map((end, i) => ({
      lever: s.label[lang],
      setting: settings[i],
      result: s[end].result,
      baseline: input.baseline,
      // The lever value at the bar's end, so a reader sees what range was tried.
      valueText: formatNumber(s[end].value, lang),
    })),
  );
  const leverWidth = Math.min(260, Math.ceil(widestLine(levers, fontSizes.label)) + 8);
  // The legend moves below when beside the bars it would leave them too little room.
  const beside = legendLayout(settings, t('setting', lang), size);
  const legend = size.width - leverWidth - beside.width - 40 < MIN_BARS_WIDTH ? legendBelow(settings, size) : beside;
  const width = Math.max(MIN_BARS_WIDTH, size.width - leverWidth - legend.width - 40);
  // Room beyond the bar ends for the lever-value labels: the widest label on each side, in px,
  // turned into data units at the scale the remaining width gives.
  const results = [input.baseline, ...swings.flatMap((s) => [s.low.result, s.high.result])];
  const lo = Math.min(...results);
  const hi = Math.max(...results);
  const sideWidth = (left: boolean): number =>
    Math.ceil(widestLine(values.filter((v) => (v.result < input.baseline) === left).map((v) => v.valueText), fontSizes.annotation - 1)) + LABEL_GAP + 4;
  const [padLeft, padRight] = [sideWidth(true), sideWidth(false)];
  const span = hi - lo || Math.abs(hi) || 1;
  const perPx = span / Math.max(1, width - padLeft - padRight);
  const x = { field: 'result', type: 'quantitative', scale: { domain: [lo - padLeft * perPx, hi + padRight * perPx], nice: false }, title: t('atYear', lang, { title: withUnit(name, unit, lang), year: input.year }) };
  const y = { field: 'lever', type: 'nominal', sort: levers, title: null, axis: { labelLimit: leverWidth, ticks: false, domain: false } };
  const colour = {
    field: 'setting',
    type: 'nominal',
    scale: { domain: settings, range: [seriesColours[3], seriesColours[0]] },
    legend: { title: t('setting', lang), symbolType: 'square', symbolSize: 120, ...legend.props },
  };
  const sideLabel = (above: boolean): Record<string, unknown> => ({
    transform: [{ filter: above ? 'datum.result >= datum.baseline' : 'datum.result < datum.baseline' }],
    mark: { type: 'text', align: above ? 'left' : 'right', dx: above ? LABEL_GAP : -LABEL_GAP, fontSize: fontSizes.annotation - 1, color: annotationColour },
    encoding: { x, y, text: { field: 'valueText' } },
  });
  const body = {
    width,
    height: { step: BAR_STEP },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          x,
          x2: { field: 'baseline' },
          y,
          color: colour,
          tooltip: [
            { field: 'lever', type: 'nominal', title: t('lever', lang) },
            { field: 'setting', type: 'nominal', title: t('setting', lang) },
            { field: 'valueText', type: 'nominal', title: t('leverValue', lang) },
            { field: 'result', type: 'quantitative', title: name, format: ',.2~f' },
          ],
        },
      },
      sideLabel(true),
      sideLabel(false),
      { data: { values: [{ baseline: input.baseline }] }, mark: { type: 'rule', color: '#000000', strokeWidth: 1.5 }, encoding: { x: { field: 'baseline', type: 'quantitative' } } },
    ],
  };
  return finish({
    body,
    title: options.title ?? t('tornadoTitle', lang, { indicator: name, year: input.year }),
    subtitle: options.subtitle ?? t('tornadoSubtitle', lang, { baseline: formatNumber(input.baseline, lang) }),
    footnote: footnoteText({ results: options.runs ?? [], ids: [input.indicator], labels, lang }),
    footnoteWidth: size.width - 20,
    footnoteIndent: Math.max(Y_AXIS_EXTENT, leverWidth + 6),
    description: `${name} ${input.year}: ${levers.join(', ')}`,
  });
}

export interface OatTornadoOptions extends TornadoOptions {
  /** Which output of the OAT result (default 0). */
  readonly output?: number;
}

/** The tornado of one output of an OAT result (`oat(...)`): swings from each lever's low to high end. */
export function tornadoFromOat(result: OatResult, options: OatTornadoOptions = {}): TopLevelSpec {
  const out = result.outputs[options.output ?? 0];
  if (!out) throw new InputError([{ file: '<chart>', path: 'output', message: chartErrors.noOutput(options.output ?? 0, result.outputs.length) }]);
  const swings = out.swings.map((s): TornadoSwing => ({ param: s.input, label: s.label ?? { zh: s.input, en: s.input }, low: s.low, high: s.high }));
  return tornado({ indicator: out.output.id, year: out.output.year ?? NaN, baseline: out.base, swings }, options);
}
