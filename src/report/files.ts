/**
 * The briefing files of a run: `briefing.<lang>.md` and `briefing.<lang>.html` for each language,
 * in memory (the caller writes them with the rest of the run's outputs).
 */
import type { ScenarioResult } from '../runner/types.js';
import { briefingHtml, briefingMarkdown, focusScenario, type BriefingLabels, type BriefingOptions } from './briefing.js';
import { UNCERTAINTY_LABELS } from '../runner/vocabulary.js';
import { briefingStrings, fill, type Lang } from './strings.js';

/** A rendered chart of the standard set, in one language. */
export interface ChartFigure {
  readonly lang: Lang;
  /** Chart name without language or extension, e.g. `comparison-urbanisation.rate`. */
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
  /** The chart's image file name inside the charts folder. */
  readonly png: string;
}

export interface BriefingFilesInput {
  readonly results: readonly ScenarioResult[];
  readonly langs: readonly Lang[];
  /** Folder of the chart images, relative to the briefing files. */
  readonly chartsDir: string;
  readonly figures: readonly ChartFigure[];
  readonly labels: BriefingLabels;
  readonly headline: readonly string[];
  readonly version: string;
  readonly focus?: string;
  readonly drivers?: BriefingOptions['drivers'];
  readonly levers?: BriefingOptions['levers'];
  /** Extra caveats per language (e.g. the validation report's). */
  readonly caveats?: (lang: Lang) => readonly string[];
}

/** Charts of one scenario: the linkage quota ledger, hukou channels, insurance coverage, fans. */
const PER_SCENARIO = ['quota-ledger-', 'hukou-channels-', 'coverage-'] as const;
/** Fan charts the briefing keeps (of the focus scenario): the indicators its summary speaks about. */
const BRIEFING_FANS = ['urbanisation.hukou-gap', 'administration.approval-items'] as const;

/**
 * Which charts the briefing shows: every comparison, the attainment matrix, the focus scenario's
 * detail charts and its fans of the summary's indicators; the rest stay in the chart gallery.
 */
export function inBriefing(name: string, focus: string | undefined): boolean {
  if (name.startsWith('fan-')) return focus !== undefined && BRIEFING_FANS.some((id) => name === `fan-${focus}-${id}`);
  const prefix = PER_SCENARIO.find((p) => name.startsWith(p));
  return prefix === undefined || name === `${prefix}${focus}`;
}

/** Reading order of the briefing's charts: the attainment matrix, the comparisons, the fans, then the focus scenario's detail. */
const readingRank = (name: string): number => (name === 'attainment' ? 0 : name.startsWith('comparison-') ? 1 : name.startsWith('fan-') ? 2 : 3);

export function briefingDocuments(input: BriefingFilesInput): Map<string, string> {
  const files = new Map<string, string>();
  const focused = focusScenario({ results: input.results, ...(input.focus ? { focus: input.focus } : {}) });
  const focus = focused?.scenario.id;
  // A fan's bands: which uncertainty they show, in the vocabulary's words.
  const mode = focused?.mode === 'montecarlo' ? (focused.uncertainty?.mode ?? 'scenario') : null;
  const withUncertainty = (caption: string, lang: Lang): string =>
    mode === null ? caption : `${caption}${lang === 'zh' ? '' : ' '}${fill(briefingStrings[lang].bandsShow, { what: UNCERTAINTY_LABELS[mode][lang] })}`;
  for (const lang of input.langs) {
    const mine = input.figures.filter((f) => f.lang === lang);
    const charts = mine
      .filter((f) => inBriefing(f.name, focus))
      .sort((a, b) => readingRank(a.name) - readingRank(b.name))
      .map((f) => ({ name: f.name, caption: f.name.startsWith('fan-') ? withUncertainty(f.caption, lang) : f.caption, svg: f.svg, png: `${input.chartsDir}/${f.png}` }));
    const leftOut = mine.length > charts.length;
    const options: BriefingOptions = {
      lang,
      results: input.results,
      labels: input.labels,
      headline: input.headline,
      charts,
      version: input.version,
      ...(focus ? { focus } : {}),
      ...(input.drivers ? { drivers: input.drivers } : {}),
      ...(input.levers ? { levers: input.levers } : {}),
      ...(input.caveats ? { caveats: input.caveats(lang) } : {}),
      ...(leftOut ? { chartsNote: briefingStrings[lang].moreCharts } : {}),
    };
    files.set(`briefing.${lang}.md`, briefingMarkdown(options));
    files.set(`briefing.${lang}.html`, briefingHtml(options));
  }
  return files;
}
