/**
 * Reading a scenario file's text into plain data while keeping where each field was written, so
 * that problems can point at a line and column. JSON is read with the YAML parser too (YAML 1.2 is
 * a superset of JSON), after JSON.parse has confirmed it is strict JSON.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { messages } from './messages.js';

/** One step of a field path: a key of a mapping or an index of a list. */
export type PathSegment = string | number;

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where a field is written; for a key, `focus: 'key'` points at the key instead of its value. */
export type Locate = (path: readonly PathSegment[], focus?: 'key' | 'value') => SourcePosition | null;

export interface ParsedSource {
  /** The data, or undefined when the text could not be parsed. */
  readonly data: unknown;
  readonly locate: Locate;
  /** Verbatim text of the node at `path` (used to quote a planner's target). */
  readonly textAt: (path: readonly PathSegment[]) => string | null;
  /** Syntax errors, each with its position. */
  readonly syntaxErrors: readonly { message: string; position: SourcePosition | null }[];
}

export type SourceFormat = 'yaml' | 'json';

export function parseSource(text: string, format: SourceFormat): ParsedSource {
  const lineCounter = new LineCounter();
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // Node 20: "... in JSON at position 42" — turn the offset into line and column.
      const at = /position (\d+)/.exec(reason);
      const offset = at?.[1] === undefined ? null : Number(at[1]);
      const position = offset === null ? null : offsetToPosition(text, offset);
      const clean = reason.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
      return {
        data: undefined,
        locate: () => null,
        textAt: () => null,
        syntaxErrors: [{ message: messages.jsonSyntax(clean), position }],
      };
    }
  }

  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      data: undefined,
      locate: () => null,
      textAt: () => null,
      syntaxErrors: doc.errors.map((e) => ({
        message: format === 'json' ? messages.jsonSyntax(e.message) : messages.yamlSyntax(e.message),
        position: positionOf(e.pos[0]),
      })),
    };
  }
  const data: unknown = doc.toJS();
  const locate: Locate = (path, focus = 'value') => {
    const found = walk(doc, path);
    const node = focus === 'key' && found.key && found.complete ? found.key : found.node;
    const start = node?.range?.[0];
    return start === undefined ? null : positionOf(start);
  };
  const textAt = (path: readonly PathSegment[]): string | null => {
    const found = walk(doc, path);
    if (!found.complete || !found.node?.range) return null;
    return text.slice(found.node.range[0], found.node.range[1]).trim();
  };
  return { data, locate, textAt, syntaxErrors: [] };
}

/** Follows `path` as far as it exists; returns the deepest node reached and the key node that led to it. */
function walk(
  doc: Document,
  path: readonly PathSegment[],
): { node: Node | null; key: Node | null; complete: boolean } {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let key: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, key, complete: false };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { node, key, complete: false };
      key = item;
      node = item;
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

function offsetToPosition(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
