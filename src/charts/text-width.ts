/**
 * Fitting text into room: widths measured in the chart face (fonts.ts), lines broken between
 * words or CJK characters with the punctuation rules of both languages, balanced line lengths, and
 * abbreviation with an ellipsis when a label must stay on one line (the caller shows the full text
 * in a tooltip).
 */
import { textWidth } from './fonts.js';

export { textWidth };

/**
 * @deprecated Use `textWidth`: widths are measured in the chart face now, not estimated. Kept so
 * code written against the old name keeps compiling (it measures too).
 */
export const estimateTextWidth = textWidth;

/** Widest of several lines, in px. */
export const widestLine = (lines: readonly string[], fontSize: number, bold = false): number =>
  Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold)));

/** No line may start with these (closing punctuation) … */
const noLineStart = new Set([...'）)」』】〕》〉，。、；：！？”’%％·…,.;:!?']);
/** … or end with these (opening punctuation). */
const noLineEnd = new Set([...'（(「『【〔《〈“‘']);

const CJK_RUN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u2e80-\\u2fff\\uff00-\\uff60\\u3000-\\u303f\\u201c\\u201d\\u2014\\u2026';
const TOKENS = new RegExp(`[${CJK_RUN}]+|[${CJK_PUNCT}]|[^\\s${CJK_RUN}${CJK_PUNCT}]+|\\s+`, 'g');
const IDEOGRAPHS = new RegExp(`^[${CJK_RUN}]`);
/** Chinese words (ICU's dictionary), so lines break between words: 规划|如期|实施, not 规划如期实|施. */
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Break units: a Latin word, a Chinese word, one CJK punctuation mark, or whitespace; punctuation
 * stays with its neighbour.
 */
export function breakUnits(text: string): string[] {
  const raw = (text.match(TOKENS) ?? []).flatMap((tok) => (IDEOGRAPHS.test(tok) ? [...chineseWords.segment(tok)].map((s) => s.segment) : [tok]));
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

/**
 * Breaks `text` into lines no wider than `maxWidth` px (between words or CJK characters, keeping
 * punctuation rules); a single word wider than the room stays whole on its own line.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of breakUnits(text)) {
    const candidate = line + tok;
    if (line.trim() !== '' && tok.trim() !== '' && textWidth(candidate.trimEnd(), fontSize, bold) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Like wrapText, but with lines of even length: the narrowest width that still gives as few lines
 * as `maxWidth` does, so a header never ends in a lone character ("规划如期实 / 施" becomes
 * "规划如期 / 实施").
 */
export function wrapBalanced(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const greedy = wrapText(text, fontSize, maxWidth, bold);
  if (greedy.length < 2) return greedy;
  let lo = widestLine(greedy, fontSize, bold) / greedy.length;
  let hi = maxWidth;
  let best = greedy;
  // Bisection on the width; 8 steps get within 0.4 % of the room.
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapText(text, fontSize, mid, bold);
    if (lines.length <= greedy.length && widestLine(lines, fontSize, bold) <= maxWidth) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/**
 * `text` on at most `maxLines` lines of `maxWidth` px: wrapped and balanced, the last line
 * shortened with "…" when the text does not fit. `abbreviated` tells the caller to offer the
 * full text (a tooltip).
 */
export function fitLines(text: string, fontSize: number, maxWidth: number, maxLines: number, bold = false): { lines: string[]; abbreviated: boolean } {
  const lines = wrapBalanced(text, fontSize, maxWidth, bold);
  const fits = lines.length <= maxLines && widestLine(lines, fontSize, bold) <= maxWidth;
  if (fits) return { lines, abbreviated: false };
  const kept = wrapText(text, fontSize, maxWidth, bold).slice(0, maxLines);
  const rest = kept.pop() ?? '';
  return { lines: [...kept, abbreviate(rest, fontSize, maxWidth, bold, true)], abbreviated: true };
}

/** `text` cut to fit `maxWidth` px with a trailing "…" (unchanged when it fits already). */
export function abbreviate(text: string, fontSize: number, maxWidth: number, bold = false, force = false): string {
  if (!force && textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text.trimEnd()];
  let n = chars.length;
  while (n > 0 && textWidth(`${chars.slice(0, n).join('').trimEnd()}…`, fontSize, bold) > maxWidth) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
