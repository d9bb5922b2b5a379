/**
 * A minimal reader of observations from CSV, for library users with their own figures (the CLI
 * reads the documented observed-data format, src/data/observed.ts): columns
 * `id,year,value[,weight]` (header required, any order; other columns ignored), values already in
 * the model's units. Every problem is reported at once, naming the file, the line and the column.
 */
import { relative, resolve } from 'node:path';
import { InputError, type InputProblem } from '../errors.js';
import { parseCsv } from '../util/csv.js';
import { decodeUtf8, invalidUtf8Reason, readRegularFile, unreadableReason } from '../util/input-file.js';
import type { Observation } from './types.js';

const REQUIRED = ['id', 'year', 'value'] as const;

/** Parses CSV text into observations; `file` names it in messages. */
export function parseObservationsCsv(text: string, file: string): Observation[] {
  const rows = parseCsv(text);
  const problems: InputProblem[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const missing = REQUIRED.filter((c) => column(c) < 0);
  if (missing.length > 0) {
    throw new InputError([{ file, path: 'line 1', message: `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} — expected columns id,year,value[,weight], got '${(rows[0] ?? []).join(',')}'` }]);
  }
  const [idAt, yearAt, valueAt, weightAt] = [column('id'), column('year'), column('value'), column('weight')];
  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const at = (c: number): string => (row[c] ?? '').trim();
    const where = (name: string): string => `line ${line}, ${name}`;
    const id = at(idAt);
    const year = Number(at(yearAt));
    const value = Number(at(valueAt));
    const weightText = weightAt >= 0 ? at(weightAt) : '';
    const weight = weightText === '' ? undefined : Number(weightText);
    const before = problems.length;
    if (id === '') problems.push({ file, path: where('id'), message: 'is empty — expected an output id such as population.resident' });
    if (!/^\d{4}$/.test(at(yearAt))) problems.push({ file, path: where('year'), message: `got '${at(yearAt)}' — expected a four-digit year, e.g. 2012` });
    if (at(valueAt) === '' || !Number.isFinite(value)) problems.push({ file, path: where('value'), message: `got '${at(valueAt)}' — expected a number in the output's model unit` });
    if (weight !== undefined && !(Number.isFinite(weight) && weight >= 0)) problems.push({ file, path: where('weight'), message: `got '${weightText}' — expected a number ≥ 0 (or an empty cell for 1)` });
    if (problems.length > before) return;
    const key = `${id}@${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file, path: `line ${line}`, message: `${id} in ${year} is observed twice (lines ${first} and ${line}) — expected one value per output and year` });
      return;
    }
    seen.set(key, line);
    observations.push({ id, year, value, ...(weight === undefined ? {} : { weight }) });
  });
  if (problems.length > 0) throw new InputError(problems);
  if (observations.length === 0) throw new InputError([{ file, path: '', message: 'has no observations — expected rows id,year,value below the header' }]);
  return observations;
}

/** Reads observations from a CSV file (path relative to `cwd`). */
export function readObservationsCsv(path: string, cwd: string = process.cwd()): Observation[] {
  const abs = resolve(cwd, path);
  const shown = relative(cwd, abs) || path;
  const unreadable = (reason: string): InputError =>
    new InputError([{ file: shown, path: '', message: `cannot read the file: ${reason} — expected a CSV file with columns id,year,value[,weight]` }]);
  let text: ReturnType<typeof decodeUtf8>;
  try {
    // A regular file within the size limit only (never a FIFO or a device), valid UTF-8.
    text = decodeUtf8(readRegularFile(abs));
  } catch (err) {
    throw unreadable(unreadableReason(err));
  }
  if (typeof text !== 'string') throw unreadable(invalidUtf8Reason(text));
  return parseObservationsCsv(text, shown);
}
