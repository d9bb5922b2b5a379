/**
 * Text width without a canvas. Vega's own estimate (0.8 em per character) is too wide for Latin
 * text and too narrow for Chinese, which clips labels and lets legends overlap. Noto Sans CJK
 * ideographs and full-width forms are exactly 1 em; Latin glyphs use per-class Noto Sans widths.
 */

const isFullWidth = (code: number): boolean =>
  (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
  (code >= 0x2e80 && code <= 0x303e) || // CJK radicals, punctuation
  (code >= 0x3041 && code <= 0x33ff) || // kana, CJK symbols
  (code >= 0x3400 && code <= 0x4dbf) || // CJK ext. A
  (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
  (code >= 0xa000 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
  (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) || // full-width forms
  (code >= 0xffe0 && code <= 0xffe6) ||
  (code >= 0x20000 && code <= 0x3fffd) ||
  code === 0x2014 || code === 0x2026 || code === 0x201c || code === 0x201d; // —…“” are full width in CJK fonts

/** Approximate advance widths of Noto Sans (in em) by character class. */
function latinWidth(ch: string): number {
  if (' '.includes(ch)) return 0.26;
  if ('iljI|!.,:;\'`'.includes(ch)) return 0.26;
  if ('ftr()[]{}/\\"-'.includes(ch)) return 0.34;
  if ('mwMW'.includes(ch)) return 0.86;
  if ('%@'.includes(ch)) return 0.85;
  if ('–'.includes(ch)) return 0.5;
  if (ch >= '0' && ch <= '9') return 0.57;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  return 0.55;
}

/** Width in px of `text` at `fontSize` px; bold text is ~5 % wider. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += isFullWidth(code) ? 1 : latinWidth(ch);
  }
  return em * fontSize * (bold ? 1.05 : 1);
}

/** No line may start with these (closing punctuation) … */
const noLineStart = new Set([...'）)」』】〕》〉，。、；：！？”’%％·…,.;:!?']);
/** … or end with these (opening punctuation). */
const noLineEnd = new Set([...'（(「『【〔《〈“‘']);

/** Break units: a Latin word, one CJK character, or whitespace; punctuation stays with its neighbour. */
function breakUnits(text: string): string[] {
  const raw = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60\u3000-\u303f\u201c\u201d\u2014\u2026]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60\u3000-\u303f\u201c\u201d\u2014\u2026]+|\s+/g) ?? [];
  const units: string[] = [];
  let carry = '';
  for (const tok of raw) {
    const first = [...tok][0] ?? '';
    if (units.length > 0 && carry === '' && noLineStart.has(first)) {
      // Glue to the previous word, across a space if need be ("plan 、" must not break before 、).
      const last = units.pop() ?? '';
      if (last.trim() === '' && units.length > 0) units[units.length - 1] += last + tok;
      else units.push(last + tok);
    } else if (noLineEnd.has([...tok].at(-1) ?? '') && tok.trim() !== '') {
      carry += tok;
    } else {
      units.push(carry + tok);
      carry = '';
    }
  }
  if (carry) units.push(carry);
  return units;
}

/** Breaks `text` into lines no wider than `maxWidth` px (between words or CJK characters, keeping punctuation rules). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of breakUnits(text)) {
    const candidate = line + tok;
    if (line.trim() !== '' && tok.trim() !== '' && estimateTextWidth(candidate.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
