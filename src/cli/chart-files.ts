/**
 * The chart and briefing files of `hzsim run --charts` and `hzsim demo`, rendered in memory. Kept
 * apart from execute.ts so that vega, vega-lite and resvg load only when charts are asked for.
 */
import { defaultLabels } from '../charts/default-labels.js';
import type { Lang } from '../charts/i18n.js';
import { renderFormats, standardChartSpecs, HEADLINE_INDICATORS } from '../charts/standard.js';
import { renderHtmlGallery, specTitle, type ChartFormat } from '../charts/render.js';
import type { ScenarioResult } from '../runner/types.js';
import { briefingDocuments, type BriefingFilesInput, type ChartFigure } from '../report/files.js';
import { params } from '../params/index.js';
import { PACKAGE_VERSION } from '../version.js';

export interface ChartFiles {
  /** File name (relative to the charts folder) → contents. */
  readonly files: Map<string, string | Uint8Array>;
  readonly skipped: readonly string[];
  /** The SVG of each chart, for the briefing. */
  readonly svgNames: readonly string[];
  /** Each rendered chart with its caption, SVG and PNG file, per language (for the briefing). */
  readonly figures: readonly ChartFigure[];
}

/**
 * Fan charts for one Monte Carlo scenario only — the plan if it is one — so a briefing gets the
 * uncertainty picture without a fan per scenario and indicator.
 */
export function fanScenario(results: readonly ScenarioResult[]): string | null {
  const mc = results.filter((r) => r.mode === 'montecarlo');
  return (mc.find((r) => r.scenario.id === 'plan') ?? mc[0])?.scenario.id ?? null;
}

/**
 * The standard chart set rendered in memory, in each language: `<name>.<lang>.svg` / `.png` per
 * chart, and one interactive page `charts.<lang>.html` holding every chart of that language.
 */
export async function chartFiles(
  results: readonly ScenarioResult[],
  langs: readonly Lang[],
  formats: readonly ChartFormat[],
  onProgress?: (done: number, total: number) => void,
): Promise<ChartFiles> {
  const files = new Map<string, string | Uint8Array>();
  const skipped = new Set<string>();
  const svgNames: string[] = [];
  const fans = fanScenario(results);
  const perChart = formats.filter((f) => f !== 'html');
  const sets = langs.map((lang) => ({ lang, ...standardChartSpecs(results, { lang, fanScenarios: fans ? [fans] : [] }) }));
  const jobs = sets.flatMap(({ lang, specs }) => specs.map(({ name, spec, caption }) => ({ lang, name, file: `${name}.${lang}`, spec, caption: caption ?? specTitle(spec) })));
  const rendered = new Array<Map<ChartFormat, string | Uint8Array>>(jobs.length);
  let next = 0;
  let done = 0;
  // Two charts at a time: PNG rasterising runs on libuv's threads, so both cores stay busy.
  const worker = async (): Promise<void> => {
    for (let i = next++; i < jobs.length; i = next++) {
      rendered[i] = await renderFormats((jobs[i] as (typeof jobs)[number]).spec, perChart);
      onProgress?.(++done, jobs.length);
    }
  };
  await Promise.all([worker(), worker()]);
  const figures: ChartFigure[] = [];
  jobs.forEach(({ lang, name, file, caption }, i) => {
    const formats = rendered[i] ?? new Map<ChartFormat, string | Uint8Array>();
    for (const [format, content] of formats) {
      files.set(`${file}.${format}`, content);
      if (format === 'svg') svgNames.push(`${file}.${format}`);
    }
    const svg = formats.get('svg');
    if (typeof svg === 'string') figures.push({ lang, name, caption, svg, png: formats.has('png') ? `${file}.png` : `${file}.svg` });
  });
  for (const { lang, specs, skipped: s } of sets) {
    s.forEach((x) => skipped.add(x));
    if (formats.includes('html')) {
      const title = lang === 'zh' ? '杭州市“十二五”综合配套改革 — 情景图表' : 'Hangzhou 12th Five-Year reform plan — scenario charts';
      files.set(`charts.${lang}.html`, renderHtmlGallery(specs.map(({ spec }) => ({ spec, title: specTitle(spec) })), title, lang));
    }
  }
  return { files, skipped: [...skipped], svgNames, figures };
}

/** What the briefing adds to the results and charts: the drivers screening, the lever table, caveats. */
export interface BriefingExtras {
  readonly drivers?: BriefingFilesInput['drivers'];
  readonly caveats?: BriefingFilesInput['caveats'];
  readonly focus?: string;
}

/**
 * briefing.<lang>.md (charts as the PNGs in `chartsDir`, relative) and briefing.<lang>.html (charts
 * inlined: the file stands alone).
 */
export function briefingFiles(results: readonly ScenarioResult[], langs: readonly Lang[], chartsDir: string, figures: readonly ChartFigure[], extras: BriefingExtras = {}): Map<string, string> {
  return briefingDocuments({
    results,
    langs,
    chartsDir,
    figures,
    labels: defaultLabels(),
    headline: HEADLINE_INDICATORS,
    version: PACKAGE_VERSION,
    levers: params,
    ...(extras.focus ? { focus: extras.focus } : {}),
    ...(extras.drivers ? { drivers: extras.drivers } : {}),
    ...(extras.caveats ? { caveats: extras.caveats } : {}),
  });
}
