/**
 * Every text a user sees when a scenario file is wrong, in one place. Each message names the bad
 * value and says what was expected; the file and field path are added by the caller.
 */
import { formatLimit, LIMITS } from '../limits.js';
import { quote, safeText } from '../util/quote.js';

/** A value as it appears in a message: quoted, control characters escaped, long values cut (util/quote). */
export const show = (value: unknown): string => quote(value);

const safeName = (name: string): string => safeText(name, 40);

const didYouMean = (candidates: readonly string[]): string =>
  candidates.length ? ` — did you mean ${candidates.join(', ')}?` : '';

const list = (xs: readonly (string | number)[]): string => xs.join(', ');

/** Interval as written in messages: [min, max] with the unit when there is one. */
export const range = (min: number, max: number, unit?: string): string =>
  `[${min}, ${max}]${unit ? ` (${unit})` : ''}`;

export const messages = {
  // --- reading -----------------------------------------------------------------------------
  unreadable: (reason: string) => `cannot read the file: ${reason}`,
  yamlVersion: (version: string) =>
    `the file declares %YAML ${version}; scenario files are read as YAML 1.2 (core schema) — expected no %YAML directive, or %YAML 1.2`,
  multipleDocuments: () => 'the file holds more than one YAML document (a second ---) — expected one scenario per file',
  tagNotAllowed: (tag: string) =>
    `YAML tag ${show(tag.replace(/^tag:yaml\.org,2002:/, '!!'))} is not supported — scenario files use plain YAML 1.2 values only (remove the tag)`,
  mergeKey: () => "merge keys (<<) are not supported — write the fields out, or use an alias (*name) for a whole value",
  keyNotScalar: () => 'a key must be plain text, not a mapping or a list',
  keyTooLong: (length: number) => `a key of ${length.toLocaleString('en-US')} characters — keys may be at most ${formatLimit('keyLength')}`,
  stringTooLong: (length: number) => `a text of ${length.toLocaleString('en-US')} characters — texts may be at most ${formatLimit('stringLength')}`,
  tooDeep: () => `mappings and lists are nested more than ${formatLimit('nestingDepth')} deep — scenario files need at most 4`,
  tooManyAliases: (count: number) => `the file uses ${count.toLocaleString('en-US')} aliases (*name) — at most ${formatLimit('aliases')} are allowed`,
  aliasCycle: (name: string) => `alias *${safeName(name)} refers to a value that contains the alias itself`,
  aliasUnknown: (name: string) => `alias *${safeName(name)} refers to no anchor &${safeName(name)} defined before it`,
  tooManyValues: () => `the file expands to more than ${formatLimit('expandedValues')} once its aliases are resolved`,
  controlCharacter: (code: number) =>
    `the text contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')} — expected printable text (line breaks and tabs are allowed)`,
  unsupportedExtension: (ext: string) =>
    `unsupported file type ${show(ext)} — expected a scenario file ending in .yaml, .yml or .json`,
  yamlSyntax: (reason: string) => `YAML syntax error: ${reason}`,
  jsonSyntax: (reason: string) => `JSON syntax error: ${reason}`,
  notAMapping: (value: unknown) =>
    `the file holds ${show(value)} — expected a mapping with at least id and title (see scenarios/plan.yaml)`,
  atLocation: (message: string, line: number, column: number) => `${message} (line ${line}, column ${column})`,

  // --- shape ---------------------------------------------------------------------------------
  missingField: (field: string, expected: string) => `required field '${field}' is missing — expected ${expected}`,
  wrongType: (value: unknown, expected: string) => `got ${show(value)} — expected ${expected}`,
  unknownField: (field: string, allowed: readonly string[], suggestions: readonly string[]) =>
    `unknown field ${show(field)}${didYouMean(suggestions)}${suggestions.length ? '' : ` — expected one of ${list(allowed)}`}`,
  badId: (value: unknown) =>
    `id ${show(value)} is not valid — expected lowercase letters, digits and single hyphens, e.g. 'hukou-first'`,
  duplicateId: (id: string, otherFile: string) => `scenario id ${show(id)} is also used by ${safeText(otherFile, 200)} — ids must be unique`,

  // --- levers -------------------------------------------------------------------------------
  unknownLever: (id: string, suggestions: readonly string[]) =>
    suggestions.length
      ? `unknown lever ${show(id)}${didYouMean(suggestions)}`
      : `unknown lever ${show(id)} — run \`hzsim params\` for the list of levers`,
  leverValueType: (value: unknown) => `got ${show(value)} — expected a number, a schedule by year such as {2011: 0.02, 2013: 0.05}, or {scale: 1.5} of the inherited value`,
  outOfRange: (value: number, lever: string, min: number, max: number, unit: string) =>
    `value ${show(value)} is outside the range of lever ${lever} — expected a number in ${range(min, max, unit)}`,
  notInteger: (value: number, lever: string) => `value ${show(value)} is not an integer — lever ${lever} takes whole numbers (years)`,
  scaledOutOfRange: (scale: number, value: number, lever: string, min: number, max: number, unit: string) =>
    `{scale: ${scale}} of the inherited value gives ${Number(value.toPrecision(12))}, outside ${lever}'s range [${min}, ${max}] ${unit}`,
  badScale: (value: unknown) => `got ${show(value)} — expected {scale: k} with a number k ≥ 0 (k × the inherited value)`,
  emptySchedule: () => 'the schedule is empty — expected at least one year, e.g. {2012: 0.05}',
  scheduleYearNotInteger: (year: string) => `schedule year ${show(year)} is not a whole year — expected an integer year such as 2013`,
  scheduleYearOutsideHorizon: (year: number, start: number, until: number) =>
    `schedule year ${year} is outside the horizon — expected a year in ${start}..${until}`,

  // --- distributions ------------------------------------------------------------------------
  unknownDist: (dist: unknown, kinds: readonly string[], suggestions: readonly string[]) =>
    `unknown distribution ${show(dist)}${didYouMean(suggestions)} — expected one of ${list(kinds)}`,
  minAboveMax: (min: number, max: number) => `min ${min} is greater than max ${max} — expected min ≤ max`,
  modeOutside: (mode: number, min: number, max: number) => `mode ${mode} is outside [${min}, ${max}] — expected min ≤ mode ≤ max`,
  meanOutside: (mean: number, min: number, max: number) => `mean ${mean} is outside [${min}, ${max}] — expected min ≤ mean ≤ max`,
  notPositive: (field: string, value: number) => `${field} ${value} must be greater than 0`,
  supportOutsideLever: (what: string, lo: number, hi: number, lever: string, min: number, max: number, unit: string) =>
    `${what} [${lo}, ${hi}] reaches outside the range of lever ${lever} — expected values within ${range(min, max, unit)}`,
  discreteEmpty: () => 'values is empty — expected at least one value',
  weightsLength: (weights: number, values: number) =>
    `weights has ${weights} entries but values has ${values} — expected one weight per value`,
  weightNegative: (value: number) => `weight ${value} is negative — expected weights ≥ 0`,
  weightsZero: () => 'the weights sum to 0 — expected at least one positive weight',
  discreteNotInteger: (value: number, lever: string) =>
    `value ${value} is not an integer — lever ${lever} takes whole numbers (years)`,

  uncertainScheduled: (lever: string, schedule: unknown) =>
    `lever ${lever} follows a schedule here (${show(schedule)}) and also has a distribution; a draw is one value for every year and would replace the schedule — expected either a constant with a distribution, or a schedule without one`,

  inheritedDistribution: (lever: string, parent: string, dist: unknown) =>
    `lever ${lever} is set here but keeps the distribution inherited from ${parent} (${show(dist)}); in Monte Carlo runs its draws would replace this value — expected a distribution of its own under uncertainty.${lever}`,

  // --- Monte Carlo ---------------------------------------------------------------------------
  runsInvalid: (value: unknown) => `runs ${show(value)} is not valid — expected an integer from 1 to ${LIMITS.runs.value.toLocaleString('en-US')}`,
  seedInvalid: (value: unknown) => `seed ${show(value)} is not valid — expected an integer from 0 to ${formatLimit('seed')}`,

  // --- extends -------------------------------------------------------------------------------
  extendsNotFound: (ref: string, lookedFor: readonly string[], suggestions: readonly string[]) =>
    `extends ${show(ref)}: no scenario file found — looked for ${lookedFor.map((f) => safeText(f, 200)).join(', ')}${didYouMean(suggestions)}`,
  extendsCircular: (chain: readonly string[]) => `circular extends: ${chain.map((c) => safeName(c)).join(' → ')}`,
  extendsTooDeep: (chain: readonly string[]) =>
    `the extends chain is longer than ${formatLimit('extendsDepth')} (${chain.slice(0, 3).map((c) => safeName(c)).join(' → ')} → …) — expected a shorter chain`,

  // --- targets -------------------------------------------------------------------------------
  unknownIndicator: (id: string, suggestions: readonly string[]) =>
    suggestions.length
      ? `unknown indicator ${show(id)}${didYouMean(suggestions)}`
      : `unknown indicator ${show(id)} — run \`hzsim catalog\` for the list of indicators`,
  targetYearOutsideHorizon: (year: number, start: number, until: number) =>
    `target year ${year} is outside the horizon — expected a year in ${start}..${until}`,
  yearNotInteger: (value: unknown) => `year ${show(value)} is not valid — expected an integer year such as 2015`,
  targetKindUnclear: () =>
    "the target has neither 'level' nor 'change' — expected {indicator, year, level, comparator} or {indicator, year, change, relative}",
  targetKindBoth: () => "the target has both 'level' and 'change' — expected one of them",
  badComparator: (value: unknown) => `comparator ${show(value)} is not valid — expected one of '>=', '<=', '≈'`,
  toleranceNeeded: () => "comparator '≈' needs a tolerance (in the indicator's unit), e.g. tolerance: 0.5",
  toleranceNegative: (value: number) => `tolerance ${value} is negative — expected a number ≥ 0`,
  levelOutsideBounds: (level: number, indicator: string, min: number, max: number, unit: string) =>
    `level ${level} is outside the bounds of indicator ${indicator} — expected a value in ${range(min, max, unit)}`,
  baseYearNotBefore: (baseYear: number, year: number, start: number) =>
    `baseYear ${baseYear} is not valid — expected a year from ${start} up to the target year ${year} (exclusive)`,
  relativeChangeBelow: (change: number) =>
    `relative change ${change} is below −1 (−100 %) — expected e.g. -0.2 for a 20 % reduction`,
} as const;
