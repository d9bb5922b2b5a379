/**
 * Values echoed into messages, made safe to print: control characters (which a crafted file could
 * use to rewrite the user's terminal) are shown as escapes, and long values are cut with their
 * length stated, so a 1 MB id gives a one-line message. Every message that echoes a user's value
 * goes through `quote`; everything printed on an error path goes through `printable`.
 *
 * @example quote('hukou-first')        // "'hukou-first'"
 * @example quote('\u001b[2J')          // "'\\e[2J'"
 * @example quote('a'.repeat(1e6))      // "'aaaa…aaa' (1,000,000 characters)"
 */

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides and isolates. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e', '\u0000': '\\0' };

const escapeOne = (c: string): string => NAMED[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);
const hex = (c: string, digits: number): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

/** `s` with every control character written as an escape (\n, \t, \e, \x07, \u202E…). */
export function escapeControl(s: string): string {
  return s.replace(UNSAFE, escapeOne);
}

/** The longest a quoted value gets in a message, in characters. */
export const QUOTE_MAX = 80;
/** The longest a printed line gets on an error path. */
export const LINE_MAX = 4000;

/** At most `max` characters of `s` (never splitting a surrogate pair), '…' marking a cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const code = s.charCodeAt(end);
  if (code >= 0xdc00 && code <= 0xdfff) end--; // do not split a surrogate pair
  return `${s.slice(0, end)}…`;
}

/** `render(clip(s, max))`, followed by the length of `s` when it had to be cut. */
function shorten(s: string, max: number, render: (cut: string) => string): string {
  const cut = clip(s, max);
  const shown = render(cut);
  return cut.length < s.length ? `${shown} (${s.length.toLocaleString('en-US')} characters)` : shown;
}

/** Text for a message: escaped and, when long, cut with its length stated. */
export const safeText = (s: string, max = QUOTE_MAX): string => shorten(s, max, escapeControl);

/**
 * A value as it appears in a message: strings in single quotes (escaped, cut when long, with their
 * length), undefined as 'nothing', other values as compact JSON cut at `max` characters. Never
 * serialises more than `max` characters of a large or cyclic structure.
 */
export function quote(value: unknown, max = QUOTE_MAX): string {
  if (typeof value === 'string') return shorten(value, max, (cut) => `'${escapeControl(cut)}'`);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) return String(value);
  const json = boundedJson(value, max + 1);
  if (json.length <= max) return escapeControl(json);
  const size = Array.isArray(value) ? ` (a list of ${value.length.toLocaleString('en-US')} items)` : isRecord(value) ? ` (a mapping of ${Object.keys(value).length.toLocaleString('en-US')} keys)` : '';
  return `${escapeControl(clip(json, max))}${size}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON.stringify's compact form, but stopping once `budget` characters are written (so a huge or
 * alias-expanded structure costs nothing) and writing a cycle as "[circular]".
 */
export function boundedJson(value: unknown, budget: number): string {
  let out = '';
  const ancestors = new Set<unknown>();
  const emit = (s: string): boolean => {
    out += s;
    return out.length < budget;
  };
  const write = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || v === undefined) return emit('null');
      if (typeof v === 'bigint') return emit(String(v));
      return emit(JSON.stringify(v) ?? 'null');
    }
    if (ancestors.has(v)) return emit('"[circular]"');
    ancestors.add(v);
    let ok: boolean;
    if (Array.isArray(v)) {
      ok = emit('[');
      for (let i = 0; ok && i < v.length; i++) ok = (i === 0 || emit(',')) && write(v[i]);
      ok = ok && emit(']');
    } else {
      ok = emit('{');
      let first = true;
      for (const key in v) {
        if (!ok) break;
        if (!Object.hasOwn(v, key)) continue;
        ok = (first || emit(',')) && emit(`${JSON.stringify(key)}:`) && write((v as Record<string, unknown>)[key]);
        first = false;
      }
      ok = ok && emit('}');
    }
    ancestors.delete(v);
    return ok;
  };
  write(value);
  return out;
}

/**
 * Text safe to print on an error path: control characters escaped except line breaks, and every
 * line cut at LINE_MAX characters (with its length stated).
 */
export function printable(text: string): string {
  return text
    .split('\n')
    .map((line) => shorten(line, LINE_MAX, (cut) => cut.replace(UNSAFE_BUT_NEWLINE, escapeOne)))
    .join('\n');
}
