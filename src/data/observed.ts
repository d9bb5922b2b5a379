/**
 * Published figures for Hangzhou (data/observed/hangzhou.csv, shipped with the package): parsed,
 * validated and converted to model units.
 *
 * A row keeps the value and unit as its source states them, with the source's own words; the
 * loader checks every row (all problems reported at once, each naming the line and column) and
 * converts the stated unit through the one conversion table in ./units.ts.
 *
 *   const rows = readObserved();                      // the bundled file
 *   const fit = observations(rows, { through: LAST_FITTED_YEAR });
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../analysis/types.js';
import { decodeUtf8, type InvalidUtf8, invalidUtf8Reason, readRegularFile, unreadableReason } from '../util/input-file.js';
import { InputError, type InputProblem } from '../errors.js';
import { show } from '../scenario/messages.js';
import { parseCsvRecords } from '../util/csv.js';
import { didYouMean } from '../util/suggest.js';
import { findObservable, observableIds, type Observable } from './observables.js';
import { isStatedUnit, type ModelUnit, StatedUnits, type StatedUnitName, statedUnitsFor, toModelUnit } from './units.js';

/** What calibration and backtests consume: a model output id, a year and a value in model units. */
export type { Observation } from '../analysis/types.js';

/** How far a source can be trusted (the letters used in the file's trust column). */
export const Trusts = {
  A: { zh: '官方政府或统计网站', en: 'official government or statistics site' },
  B: { zh: '主流媒体引用官方或统计局', en: 'mainstream news quoting officials or the statistics bureau' },
  C: { zh: '官方文件或期刊文章的转载', en: 'a mirror of an official document or journal article' },
  D: { zh: '聚合站或转帖（仅作佐证）', en: 'an aggregator or repost (corroboration only)' },
} as const;
export type Trust = keyof typeof Trusts;
const trustNames = Object.keys(Trusts) as Trust[];

/**
 * `primary`: the figure to compare with (at most one per id and year; never trust D).
 * `corroboration`: another source for the same figure, kept to show agreement or a revision.
 */
export const Roles = ['primary', 'corroboration'] as const;
export type Role = (typeof Roles)[number];

/** The last year calibration may use; later rows are out-of-sample, for backtests only. */
export const LAST_FITTED_YEAR = 2013;

/** The years a row may name. */
export const YEAR_RANGE = { min: 1990, max: 2030 } as const;

/** The file's columns, in the order the bundled file writes them (any order is accepted). */
export const OBSERVED_COLUMNS = [
  'id', 'year', 'value', 'unit', 'period', 'scope', 'trust', 'role', 'source_title', 'source_url', 'quote', 'notes',
] as const;
type Column = (typeof OBSERVED_COLUMNS)[number];
/** Columns that may be left empty. */
const OPTIONAL: ReadonlySet<Column> = new Set(['period', 'scope', 'notes']);

/** One published figure with its provenance; `value` and `unit` are in model units. */
export interface ObservedRow extends Observation {
  /** Line of the file the row starts on. */
  readonly line: number;
  readonly unit: ModelUnit;
  readonly kind: Observable['kind'];
  /** The value and unit exactly as written in the file (as the source states them). */
  readonly stated: { readonly value: string; readonly unit: StatedUnitName };
  /** When the figure holds: year-end, census date, list publication… */
  readonly period: string;
  /** Area or population covered: 全市 (whole city), 市区 (urban districts)… */
  readonly scope: string;
  readonly trust: Trust;
  readonly role: Role;
  /** `fit` up to LAST_FITTED_YEAR, `out-of-sample` after. */
  readonly sample: 'fit' | 'out-of-sample';
  readonly source: { readonly title: string; readonly url: string };
  /** The source's words that state the figure (verbatim, runs of white space collapsed). */
  readonly quote: string;
  /** Caliber: scope, basis changes, revisions, what the figure is not. */
  readonly notes: string;
}

/** Every message about a bad observed-data file, in one place (file and line added by the caller). */
export const observedMessages = {
  unreadable: (reason: string) => `cannot read the file: ${reason}`,
  empty: () => `the file is empty — expected a header line: ${OBSERVED_COLUMNS.join(',')}`,
  unclosedQuote: () => 'a quoted field starting here is never closed — expected a closing double quote (")',
  missingColumn: (column: string) => `missing column ${show(column)} — expected the columns ${OBSERVED_COLUMNS.join(', ')}`,
  unknownColumn: (column: string) =>
    `unknown column ${show(column)}${didYouMean(column, OBSERVED_COLUMNS)} — expected only the columns ${OBSERVED_COLUMNS.join(', ')}`,
  duplicateColumn: (column: string) => `column ${show(column)} appears more than once — expected each column once`,
  fieldCount: (found: number, expected: number) =>
    `has ${found} fields, expected ${expected} as in the header — a field containing a comma must be in double quotes`,
  emptyField: (column: string) => `${column} is empty — expected ${FIELD_EXPECTATION[column as Column] ?? 'a value'}`,
  unknownId: (id: string) =>
    `unknown observable ${show(id)}${didYouMean(id, observableIds)} — expected one of the ${observableIds.length} observable ids (hzsim observed lists the ids in use)`,
  badYear: (year: string) => `year ${show(year)} is not a calendar year — expected a four-digit year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
  badValue: (value: string) =>
    `value ${show(value)} is not a plain number — expected digits with an optional minus sign and decimal point, no thousands separators or units (e.g. 8700373 or 870.04)`,
  unknownUnit: (unit: string) => `unknown unit ${show(unit)}${didYouMean(unit, Object.keys(StatedUnits))} — expected one of: ${Object.keys(StatedUnits).join(', ')}`,
  unitMismatch: (unit: string, converts: string, id: string, wanted: ModelUnit) =>
    `unit ${show(unit)} converts to ${converts}, but ${id} is measured in ${wanted} — expected one of: ${statedUnitsFor(wanted).join(', ')}`,
  badTrust: (trust: string) =>
    `trust ${show(trust)} — expected ${trustNames.join(', ')} (${trustNames.map((t) => `${t} ${Trusts[t].en}`).join('; ')})`,
  badRole: (role: string) => `role ${show(role)} — expected primary or corroboration`,
  aggregatorAsPrimary: () => 'trust D (an aggregator or repost) may only corroborate — expected role corroboration, or a better source for the primary row',
  quoteLacksValue: (value: string) =>
    `the quote does not state the value ${show(value)} as written — expected the source's own words containing the figure`,
  secondPrimary: (id: string, year: number, firstLine: number) =>
    `a second primary row for ${id} ${year} (the first is on line ${firstLine}) — expected at most one primary row per id and year; mark the others corroboration`,
  duplicateRow: (firstLine: number) => `repeats line ${firstLine} (same id, year, source URL and value) — expected each figure once`,
} as const;

const FIELD_EXPECTATION: Partial<Record<Column, string>> = {
  id: 'an observable id such as population.resident',
  year: 'the calendar year the figure is for',
  value: 'the number as the source states it',
  unit: 'the unit as the source states it',
  trust: 'A, B, C or D',
  role: 'primary or corroboration',
  source_title: "the source's title",
  source_url: "the source's URL, or the document it comes from",
  quote: "the source's own words that state the figure",
};

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const YEAR = /^\d{4}$/;

/** Thousands separators removed (24,104 → 24104), so a quote can be searched for a value as the file writes it. */
const searchableQuote = (quote: string): string => quote.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** True when `quote` contains `value` as a whole number (not as part of a longer one: 2.6 is not in 12.6). */
export function quoteStatesValue(quote: string, value: string): boolean {
  return new RegExp(`(?<![\\d.])${escapeRegExp(value)}(?!\\d|\\.\\d)`).test(searchableQuote(quote));
}

/**
 * Parses and validates the text of an observed-data file. `file` names it in messages. Throws an
 * InputError listing every problem found; returns the rows in file order otherwise.
 */
export function parseObserved(text: string, file: string): ObservedRow[] {
  const problems: InputProblem[] = [];
  const at = (line: number, column?: string): string => (column ? `line ${line}, ${column}` : `line ${line}`);
  const { records, unclosedQuoteLine } = parseCsvRecords(text);
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (unclosedQuoteLine !== null) problems.push({ file, path: at(unclosedQuoteLine), message: observedMessages.unclosedQuote() });
  const header = nonBlank[0];
  if (header === undefined) throw new InputError([...problems, { file, path: '', message: observedMessages.empty() }]);

  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const column = name.trim();
    const where = at(header.line, 'header');
    if (index.has(column)) problems.push({ file, path: where, message: observedMessages.duplicateColumn(column) });
    else if (!(OBSERVED_COLUMNS as readonly string[]).includes(column)) problems.push({ file, path: where, message: observedMessages.unknownColumn(column) });
    else index.set(column, i);
  });
  const missing = OBSERVED_COLUMNS.filter((c) => !index.has(c));
  for (const c of missing) problems.push({ file, path: at(header.line, 'header'), message: observedMessages.missingColumn(c) });
  if (missing.length > 0) throw new InputError(problems);

  const rows: ObservedRow[] = [];
  const firstPrimary = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const record of nonBlank.slice(1)) {
    const { fields, line } = record;
    if (fields.length !== header.fields.length) {
      problems.push({ file, path: at(line), message: observedMessages.fieldCount(fields.length, header.fields.length) });
      continue;
    }
    const get = (c: Column): string => (fields[index.get(c) as number] ?? '').trim();
    const rowProblems: InputProblem[] = [];
    const fail = (column: Column, message: string): void => void rowProblems.push({ file, path: at(line, column), message });
    for (const c of OBSERVED_COLUMNS) if (!OPTIONAL.has(c) && get(c) === '') fail(c, observedMessages.emptyField(c));

    const id = get('id');
    const observable = id === '' ? undefined : findObservable(id);
    if (id !== '' && observable === undefined) fail('id', observedMessages.unknownId(id));
    const yearText = get('year');
    const year = Number(yearText);
    if (yearText !== '' && (!YEAR.test(yearText) || year < YEAR_RANGE.min || year > YEAR_RANGE.max)) fail('year', observedMessages.badYear(yearText));
    const valueText = get('value');
    if (valueText !== '' && !PLAIN_NUMBER.test(valueText)) fail('value', observedMessages.badValue(valueText));
    const unit = get('unit');
    if (unit !== '' && !isStatedUnit(unit)) fail('unit', observedMessages.unknownUnit(unit));
    else if (isStatedUnit(unit) && observable && StatedUnits[unit].to !== observable.unit) {
      fail('unit', observedMessages.unitMismatch(unit, StatedUnits[unit].to, observable.id, observable.unit));
    }
    const trust = get('trust');
    if (trust !== '' && !(trustNames as string[]).includes(trust)) fail('trust', observedMessages.badTrust(trust));
    const role = get('role');
    if (role !== '' && !(Roles as readonly string[]).includes(role)) fail('role', observedMessages.badRole(role));
    else if (role === 'primary' && trust === 'D') fail('role', observedMessages.aggregatorAsPrimary());
    const quote = get('quote').replace(/\s+/g, ' ');
    if (quote !== '' && PLAIN_NUMBER.test(valueText) && !quoteStatesValue(quote, valueText)) fail('quote', observedMessages.quoteLacksValue(valueText));

    if (rowProblems.length > 0 || observable === undefined || !isStatedUnit(unit)) {
      problems.push(...rowProblems);
      continue;
    }
    const url = get('source_url');
    const sameFigure = `${id}\u0000${year}\u0000${url}\u0000${Number(valueText)}`;
    const seen = firstSeen.get(sameFigure);
    if (seen !== undefined) {
      problems.push({ file, path: at(line), message: observedMessages.duplicateRow(seen) });
      continue;
    }
    firstSeen.set(sameFigure, line);
    if (role === 'primary') {
      const key = `${id}\u0000${year}`;
      const first = firstPrimary.get(key);
      if (first !== undefined) {
        problems.push({ file, path: at(line, 'role'), message: observedMessages.secondPrimary(id, year, first) });
        continue;
      }
      firstPrimary.set(key, line);
    }
    rows.push({
      id,
      year,
      value: toModelUnit(Number(valueText), unit),
      line,
      unit: observable.unit,
      kind: observable.kind,
      stated: { value: valueText, unit },
      period: get('period'),
      scope: get('scope'),
      trust: trust as Trust,
      role: role as Role,
      sample: year <= LAST_FITTED_YEAR ? 'fit' : 'out-of-sample',
      source: { title: get('source_title'), url },
      quote,
      notes: get('notes'),
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return rows;
}

/** The observed-data file shipped with the package (data/observed/hangzhou.csv beside src/ or dist/). */
export const bundledObservedPath = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '../../data/observed/hangzhou.csv');

/** Reads and validates an observed-data file (default: the bundled one); `display` names it in messages. */
export function readObserved(path: string = bundledObservedPath(), display: string = path === bundledObservedPath() ? 'data/observed/hangzhou.csv' : path): ObservedRow[] {
  // A regular file of bounded size, valid UTF-8 (never a device or a FIFO: util/input-file).
  let text: string | InvalidUtf8;
  try {
    text = decodeUtf8(readRegularFile(path));
  } catch (err) {
    throw new InputError([{ file: display, path: '', message: observedMessages.unreadable(unreadableReason(err)) }]);
  }
  if (typeof text !== 'string') throw new InputError([{ file: display, path: '', message: invalidUtf8Reason(text) }]);
  return parseObserved(text, display);
}

export interface ObservationFilter {
  /** Only years up to and including this one (e.g. LAST_FITTED_YEAR for calibration). */
  readonly through?: number;
  /** Only years from this one on (e.g. LAST_FITTED_YEAR + 1 for an out-of-sample backtest). */
  readonly from?: number;
  /** Only these ids. */
  readonly ids?: readonly string[];
}

/**
 * The primary rows of model outputs as plain Observations (milestones and corroborating rows
 * left out), in file order.
 */
export function observations(rows: readonly ObservedRow[], filter: ObservationFilter = {}): Observation[] {
  const ids = filter.ids ? new Set(filter.ids) : undefined;
  return rows
    .filter(
      (r) =>
        r.role === 'primary' &&
        r.kind === 'output' &&
        (filter.through === undefined || r.year <= filter.through) &&
        (filter.from === undefined || r.year >= filter.from) &&
        (ids === undefined || ids.has(r.id)),
    )
    .map((r) => ({ id: r.id, year: r.year, value: r.value }));
}
