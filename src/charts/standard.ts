/**
 * The standard chart set written after a run (`hzsim run --charts`, `npm run demo`, `hzsim chart
 * standard`): scenario comparisons of the headline indicators, the attainment dashboard, and per
 * scenario the quota ledger, hukou channels and insurance coverage, plus fan charts of the
 * headline indicators for every Monte Carlo scenario. Charts whose series the results lack, and
 * fans whose runs do not differ, are skipped (and listed), never drawn empty.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../runner/types.js';
import { writeFilesAtomic } from '../util/atomic.js';
import { attainmentDashboard } from './builders/attainmentDashboard.js';
import { coverage, COVERAGE_SCHEMES, coverageSeriesId } from './builders/coverage.js';
import { fan } from './builders/fan.js';
import { HUKOU_CHANNELS, hukouChannels } from './builders/hukouChannels.js';
import { QUOTA_FLOWS, quotaLedger } from './builders/quotaLedger.js';
import { scenarioComparison } from './builders/scenarioComparison.js';
import { allYears, centralNote, formatNumber, hasVisibleSpread, numericTargets, outputsOf, percentileSeries, scenarioName } from './data.js';
import { t, withUnit, type Lang } from './i18n.js';
import { sentence } from './compose.js';
import { defaultLabels } from './default-labels.js';
import type { LabelSource } from './labels.js';
import { type ChartFormat, renderHtml, renderSvg, specTitle, svgToPngAsync } from './render.js';
import type { SizeName } from './theme.js';

/** Indicators charted across scenarios by default: the plan's headline figures. */
export const HEADLINE_INDICATORS = [
  'integration.level',
  'urbanisation.rate',
  'urbanisation.hukou-rate',
  'urbanisation.hukou-gap',
  'land.transfer-share',
  'insurance.migrant-coverage',
  'insurance.pension.residents',
  'administration.approval-items',
  'finance.rd-share',
] as const;

export interface StandardChartOptions {
  readonly lang?: Lang;
  /** Default ['svg', 'png']. */
  readonly formats?: readonly ChartFormat[];
  readonly size?: SizeName;
  readonly labels?: LabelSource;
  /** Indicators for comparison and fan charts; default HEADLINE_INDICATORS present in the results. */
  readonly indicators?: readonly string[];
  /** Monte Carlo scenarios that get fan charts (default: every Monte Carlo scenario). */
  readonly fanScenarios?: readonly string[];
}

export interface NamedSpec {
  /** File name without extension, e.g. `comparison-urbanisation.rate`. */
  readonly name: string;
  readonly spec: TopLevelSpec;
  /** What the chart shows, in a sentence or two (for figure captions). */
  readonly caption?: string;
}

export interface StandardChartsReport {
  /** File names written, in order. */
  readonly files: readonly string[];
  /** Charts left out and why (missing series). */
  readonly skipped: readonly string[];
}

/** File-name-safe form of an id (ids are ASCII already; anything else becomes '_'). */
const slug = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** Caption sentences of the standard charts, in `lang`. */
function captions(results: readonly ScenarioResult[], lang: Lang, labels: LabelSource) {
  const end = lang === 'zh' ? '。' : '.';
  const years = allYears(results);
  const [from, to] = [years[0] ?? '', years[years.length - 1] ?? ''];
  const named = (id: string): string => withUnit(labels.name(id, lang), labels.unit(id, lang), lang);
  const medians = (rs: readonly ScenarioResult[]): string => {
    const note = centralNote(rs, lang);
    return note === '' ? '' : `${sentence(note)}${end}`;
  };
  const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(lang === 'zh' ? '' : ' ');
  return {
    comparison: (id: string): string => {
      const target = numericTargets(results, id)[0];
      const marks = target?.required != null ? t('captionTarget', lang, { value: formatNumber(target.required, lang), year: from }) : t('captionBaseline', lang, { year: from });
      return join(t('captionComparison', lang, { indicator: named(id), from, to }), marks, medians(results));
    },
    attainment: (): string => {
      const year = Math.max(...results.flatMap((r) => r.attainment.map((a) => a.year)));
      const probabilities = results.some((r) => r.attainment.some((a) => a.probability !== null));
      return join(t('captionAttainment', lang, { year }), probabilities ? t('captionProbability', lang) : '');
    },
    perScenario: (key: 'captionQuota' | 'captionHukou' | 'captionCoverage', r: ScenarioResult): string => join(t(key, lang, { scenario: scenarioName(r, lang) }), medians([r])),
    fan: (r: ScenarioResult, id: string): string => t('captionFan', lang, { indicator: named(id), scenario: scenarioName(r, lang), runs: r.runs }),
  };
}

/** Builds the specs of the standard set (no rendering), each with its caption. */
export function standardChartSpecs(results: readonly ScenarioResult[], options: StandardChartOptions = {}): { specs: NamedSpec[]; skipped: string[] } {
  const common = { lang: options.lang ?? 'zh', size: options.size ?? 'full', ...(options.labels ? { labels: options.labels } : {}) } as const;
  const caption = captions(results, common.lang, options.labels ?? defaultLabels());
  const specs: NamedSpec[] = [];
  const skipped: string[] = [];
  if (results.length === 0) return { specs, skipped: ['all charts: no scenario results'] };
  const everywhere = (id: string): boolean => results.every((r) => outputsOf(r).has(id));
  const indicators = options.indicators ?? HEADLINE_INDICATORS;
  for (const id of indicators) {
    if (everywhere(id)) specs.push({ name: `comparison-${slug(id)}`, spec: scenarioComparison(results, { ...common, indicator: id }), caption: caption.comparison(id) });
    else skipped.push(`comparison-${id}: not in every scenario's results`);
  }
  if (results.some((r) => r.attainment.length > 0)) specs.push({ name: 'attainment', spec: attainmentDashboard(results, common), caption: caption.attainment() });
  else skipped.push('attainment: no targets judged');

  for (const r of results) {
    const outputs = outputsOf(r);
    const sid = slug(r.scenario.id);
    const has = (ids: readonly string[]): boolean => ids.every((id) => outputs.has(id));
    if (has(QUOTA_FLOWS)) specs.push({ name: `quota-ledger-${sid}`, spec: quotaLedger(results, { ...common, scenario: r.scenario.id }), caption: caption.perScenario('captionQuota', r) });
    else skipped.push(`quota-ledger-${sid}: land.quota_* series missing`);
    if (has(HUKOU_CHANNELS)) specs.push({ name: `hukou-channels-${sid}`, spec: hukouChannels(results, { ...common, scenario: r.scenario.id }), caption: caption.perScenario('captionHukou', r) });
    else skipped.push(`hukou-channels-${sid}: hukou.conversions.* series missing`);
    if (COVERAGE_SCHEMES.some((s) => outputs.has(coverageSeriesId(s)))) specs.push({ name: `coverage-${sid}`, spec: coverage(results, { ...common, scenario: r.scenario.id }), caption: caption.perScenario('captionCoverage', r) });
    else skipped.push(`coverage-${sid}: insurance.coverage.* series missing`);
    if (r.mode === 'montecarlo' && (options.fanScenarios?.includes(r.scenario.id) ?? true)) {
      for (const id of indicators) {
        const rows = percentileSeries(r, id);
        if (rows.length === 0) continue;
        // A fan without a visible spread shows nothing the comparison chart does not.
        if (hasVisibleSpread(rows)) specs.push({ name: `fan-${sid}-${slug(id)}`, spec: fan(results, { ...common, scenario: r.scenario.id, indicator: id }), caption: caption.fan(r, id) });
        else skipped.push(`fan-${sid}-${slug(id)}: the runs do not differ`);
      }
    }
  }
  return { specs, skipped };
}

/** Renders one spec into every requested format (the SVG is rendered once and reused for PNG). */
export async function renderFormats(spec: TopLevelSpec, formats: readonly ChartFormat[]): Promise<Map<ChartFormat, string | Buffer>> {
  const out = new Map<ChartFormat, string | Buffer>();
  const needsSvg = formats.includes('svg') || formats.includes('png');
  const svg = needsSvg ? await renderSvg(spec) : '';
  for (const f of formats) {
    if (f === 'vl.json') out.set(f, `${JSON.stringify(spec, null, 2)}\n`);
    else if (f === 'svg') out.set(f, svg);
    else if (f === 'png') out.set(f, await svgToPngAsync(svg));
    else out.set(f, renderHtml(spec, specTitle(spec)));
  }
  return out;
}

/** Charts rendered at once: PNG rasterising runs on libuv's threads, 2 keeps both cores busy. */
const CONCURRENCY = 2;

/** Renders named specs into `outDir` (created if needed), all files written atomically at the end. */
export async function writeCharts(specs: readonly NamedSpec[], outDir: string, formats: readonly ChartFormat[]): Promise<string[]> {
  const files = await renderCharts(specs, formats);
  writeFilesAtomic(outDir, files);
  return [...files.keys()];
}

/** Renders named specs in memory: `<name>.<format>` → contents. */
export async function renderCharts(specs: readonly NamedSpec[], formats: readonly ChartFormat[]): Promise<Map<string, string | Uint8Array>> {
  const rendered: Map<ChartFormat, string | Buffer>[] = new Array(specs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < specs.length) {
      const i = next++;
      const item = specs[i];
      if (item) rendered[i] = await renderFormats(item.spec, formats);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, specs.length) }, worker));
  const files = new Map<string, string | Uint8Array>();
  specs.forEach(({ name }, i) => {
    for (const [format, content] of rendered[i] ?? []) files.set(`${name}.${format}`, content);
  });
  return files;
}

/** Builds, renders and writes the standard set; returns the files written and what was skipped. */
export async function writeStandardCharts(
  results: readonly ScenarioResult[],
  outDir: string,
  options: StandardChartOptions = {},
): Promise<StandardChartsReport> {
  const { specs, skipped } = standardChartSpecs(results, options);
  const files = await writeCharts(specs, outDir, options.formats ?? ['svg', 'png']);
  return { files, skipped };
}
