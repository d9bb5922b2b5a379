/**
 * "Did you mean …?" for unknown ids: the nearest candidates by edit distance.
 *
 * @example suggestIds('urbanisation.rat', ['urbanisation.rate', 'land.transfer-share'])
 *          // → ['urbanisation.rate']
 */

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
 * two adjacent characters each cost 1 (so 'hukuo' is one step from 'hukou').
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // rows[i][j] = distance between the first i chars of s and the first j chars of t.
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(s.length, t.length);
}

export interface SuggestOptions {
  /** At most this many suggestions (default 3). */
  readonly max?: number;
  /** Largest distance still suggested (default: max(2, a third of the input's length)). */
  readonly maxDistance?: number;
}

/**
 * Candidates nearest to `input`, closest first (ties keep the candidates' order). When none is
 * within the distance limit, candidates containing the input (case-insensitive, input of three or
 * more characters) are offered instead, so 'hukou' still finds 'urbanisation.hukou-rate'.
 */
export function suggestIds(input: string, candidates: readonly string[], options: SuggestOptions = {}): string[] {
  const max = options.max ?? 3;
  const limit = options.maxDistance ?? Math.max(2, Math.floor([...input].length / 3));
  const scored = candidates
    .map((c, order) => ({ c, order, d: editDistance(input.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d > 0 && x.d <= limit)
    .sort((x, y) => x.d - y.d || x.order - y.order)
    .map((x) => x.c);
  if (scored.length > 0) return scored.slice(0, max);
  if ([...input].length < 3) return [];
  const needle = input.toLowerCase();
  return candidates.filter((c) => c.toLowerCase().includes(needle) && c !== input).slice(0, max);
}

/** `; did you mean 'a' or 'b'?` — or '' when nothing is near. For appending to an error message. */
export function didYouMean(input: string, candidates: readonly string[], options: SuggestOptions = {}): string {
  const found = suggestIds(input, candidates, options).map((c) => `'${c}'`);
  if (found.length === 0) return '';
  const last = found.pop() as string;
  return `; did you mean ${found.length > 0 ? `${found.join(', ')} or ${last}` : last}?`;
}
