/**
 * The briefing files of a run: `briefing.<lang>.md` and `briefing.<lang>.html` for each language,
 * in memory (the caller writes them with the rest of the run's outputs).
 */
import type { ScenarioResult } from '../runner/types.js';
import { briefingHtml, briefingMarkdown, type BriefingLabels } from './briefing.js';
import type { Lang } from './strings.js';

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
}

/** Chart names the briefing leaves out: fan charts stay in the chart gallery. */
const inBriefing = (name: string): boolean => !name.startsWith('fan-');

export function briefingDocuments(input: BriefingFilesInput): Map<string, string> {
  const files = new Map<string, string>();
  for (const lang of input.langs) {
    const charts = input.figures
      .filter((f) => f.lang === lang && inBriefing(f.name))
      .map((f) => ({ name: f.name, caption: f.caption, svg: f.svg, png: `${input.chartsDir}/${f.png}` }));
    const options = { lang, results: input.results, labels: input.labels, headline: input.headline, charts, version: input.version };
    files.set(`briefing.${lang}.md`, briefingMarkdown(options));
    files.set(`briefing.${lang}.html`, briefingHtml(options));
  }
  return files;
}
