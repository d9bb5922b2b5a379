/**
 * CSV per RFC 4180: fields separated by commas, records by CRLF, a field quoted when it contains
 * a comma, a double quote, CR or LF (quotes doubled inside). Written with a UTF-8 byte-order mark
 * by default so that Excel opens Chinese text correctly.
 */

export type CsvField = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
export const UTF8_BOM = '\uFEFF';

/** One field: null → empty; numbers must be formatted by the caller (see formatNumber). */
export function csvField(value: CsvField): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return (options.bom === false ? '' : UTF8_BOM) + lines.join('\r\n') + '\r\n';
}

/**
 * Fixed number formatting for every output file: 12 significant digits, shortest form, so that
 * floating noise (79.99999999999999) reads as 80 and the same numbers always give the same text.
 * NaN/±Infinity → '' (CSV) — callers writing JSON use null.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(12));
  return rounded === 0 ? '0' : String(rounded);
}

/** The same rounding as formatNumber, as a number (for JSON); null when not finite. */
export function roundNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(12));
  return rounded === 0 ? 0 : rounded;
}

/** One record of a CSV file: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

export interface CsvRecords {
  readonly records: CsvRecord[];
  /** Line of a quoted field that is never closed (it swallows the rest of the file), else null. */
  readonly unclosedQuoteLine: number | null;
}

/**
 * Parses RFC 4180 text (BOM optional) into records with the line each starts on, so that a
 * validator can name the line of a bad field even when quoted fields span lines.
 */
export function parseCsvRecords(text: string): CsvRecords {
  const src = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = (): void => {
    row.push(field);
    records.push({ fields: row, line: recordLine });
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || row.length > 0 || quoted) endRecord();
  return { records, unclosedQuoteLine: quoted ? quoteLine : null };
}

/** Parses RFC 4180 text (BOM optional) into rows of strings; for tests and round trips. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).records.map((r) => r.fields);
}
