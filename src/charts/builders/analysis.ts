/**
 * Pieces the analysis charts (Morris, Sobol, backtest) share: picking one output of a result, the
 * lever names, and a footnote that says how the numbers were computed before the usual sources.
 */
import type { OutputRef } from '../../analysis/types.js';
import type { Text } from '../../catalog/types.js';
import { InputError } from '../../errors.js';
import { footnoteText } from '../compose.js';
import { chartErrors, t, type Lang } from '../i18n.js';
import type { LabelSource } from '../labels.js';

/** The scenario an analysis ran on, for the footnote. */
export interface AnalysisScenario {
  readonly id: string;
  readonly title: Text;
}

export function pickOutput<T>(outputs: readonly T[], index = 0): T {
  const found = outputs[index];
  if (found === undefined) throw new InputError([{ file: '<chart>', path: 'output', message: chartErrors.noOutput(index, outputs.length) }]);
  return found;
}

/** A lever's display name: its label in `lang`, else its id. */
export const leverName = (row: { readonly input: string; readonly label: Text | null }, lang: Lang): string => row.label?.[lang] || row.input;

/** "Scenario: …; <method>; <sources>." */
export function analysisFootnote(args: { scenario?: AnalysisScenario | undefined; method: string; output: OutputRef; labels: LabelSource; lang: Lang }): string {
  const { scenario, method, output, labels, lang } = args;
  const sep = t('clauseSeparator', lang);
  const run = scenario ? t('analysisRun', lang, { scenario: scenario.title[lang] || scenario.id, method }) : method;
  const sources = footnoteText({ results: [], ids: [output.id], labels, lang });
  // footnoteText starts with a capital ("Source: …"): lower it after the clause separator in English.
  return `${run}${sep}${lang === 'en' ? sources.charAt(0).toLowerCase() + sources.slice(1) : sources}`;
}

/** The output's name with its year, e.g. 户籍城镇化差距（2015年）. */
export const outputYear = (output: OutputRef): number | string => output.year ?? '';
