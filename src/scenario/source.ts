/**
 * Reading a scenario file's text into plain data while keeping where each field was written, so
 * that problems can point at a line and column. JSON is read with the YAML parser too (YAML 1.2 is
 * a superset of JSON), after JSON.parse has confirmed it is strict JSON.
 *
 * Reading is safe for hostile files: util/input-file opens only regular files (never a device or
 * a FIFO) and checks their size before reading them, the bytes must be valid UTF-8, and the YAML is
 * checked before it is turned into data — nesting depth, aliases (count, cycles and the size they
 * expand to), key and text lengths, and tags (the YAML 1.2 core schema's only; `!!set`, `!!omap`,
 * `!!timestamp` and custom tags are refused, as are `<<` merge keys and YAML 1.1 documents).
 * Every limit is in src/limits.ts.
 */
import {
  type CST, Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node,
} from 'yaml';
import { LIMITS } from '../limits.js';
import { decodeUtf8, invalidUtf8Reason, tooLargeReason, unreadableReason } from '../util/input-file.js';
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

interface SyntaxProblem {
  readonly message: string;
  readonly position: SourcePosition | null;
}

/** The problem for a file that could not be read: "cannot read the file: no such file", … */
export const readFailure = (err: unknown): string => messages.unreadable(unreadableReason(err));

/**
 * Parses a file's bytes: size and UTF-8 are checked first (a byte-order mark is dropped), then
 * the text is parsed as by parseSource.
 */
export function parseSourceBytes(bytes: Uint8Array, format: SourceFormat): ParsedSource {
  if (bytes.length > LIMITS.fileBytes.value) return failed([{ message: tooLargeReason(bytes.length), position: null }]);
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') return failed([{ message: invalidUtf8Reason(decoded), position: offsetToPosition(decoded.text, decoded.index) }]);
  return parseSource(decoded, format);
}

const failed = (syntaxErrors: readonly SyntaxProblem[]): ParsedSource => ({ data: undefined, locate: () => null, textAt: () => null, syntaxErrors });

/** The YAML 1.2 core schema's tags: the only ones a scenario file may write. */
const CORE_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function parseSource(text: string, format: SourceFormat): ParsedSource {
  const lineCounter = new LineCounter();
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (Buffer.byteLength(text) > LIMITS.fileBytes.value) return failed([{ message: tooLargeReason(Buffer.byteLength(text)), position: null }]);

  // The parser is iterative; composing is recursive, so the nesting is measured first.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeepAt(tokens);
  if (deep !== null) return failed([{ message: messages.tooDeep(), position: positionOf(deep) }]);

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
      return failed([{ message: messages.jsonSyntax(clean), position }]);
    }
  }

  const composer = new Composer({ version: '1.2', schema: 'core', resolveKnownTags: false, merge: false, uniqueKeys: true, prettyErrors: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (!doc) return failed([{ message: messages.notAMapping(undefined), position: null }]);
  const syntax = format === 'json' ? messages.jsonSyntax : messages.yamlSyntax;
  const problems: SyntaxProblem[] = [...doc.errors, ...doc.warnings]
    .filter((e) => e.code !== 'TAG_RESOLVE_FAILED') // reported below, with the tag
    .map((e) => ({ message: syntax(e.message), position: positionOf(e.pos[0]) }));
  if (docs.length > 1) problems.push({ message: messages.multipleDocuments(), position: positionOf(docs[1]?.range[0] ?? 0) });
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') problems.push({ message: messages.yamlVersion(version.version), position: positionOf(0) });
  if (problems.length === 0) problems.push(...unsafeStructure(doc).map((p) => ({ message: p.message, position: positionOf(p.offset) })));
  if (problems.length > 0) return failed(problems);

  // Aliases were counted, sized and checked for cycles above, so expanding them is bounded.
  const data: unknown = doc.toJS({ maxAliasCount: -1 });
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

/** The offset of the first collection nested deeper than the limit (counted on the parser's tokens), or null. */
function tooDeepAt(tokens: readonly CST.Token[]): number | null {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [token, depth] = entry;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > LIMITS.nestingDepth.value) return token.offset;
      for (const item of token.items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return null;
}

/**
 * What a file must not do before its data is built: tags outside the core schema, merge keys,
 * keys that are collections or aliases, over-long keys and texts, aliases to nothing or to a
 * value containing them, too many aliases, and aliases expanding to too many or too deeply nested
 * values. One iterative pass in document order: an alias may only name an anchor already
 * complete, whose expanded size and depth are known by then.
 */
function unsafeStructure(doc: Document): { message: string; offset: number }[] {
  const problems: { message: string; offset: number }[] = [];
  const report = (message: string, node: Node | null | undefined): void => void problems.push({ message, offset: node?.range?.[0] ?? 0 });
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, { values: number; depth: number }>();
  const open = new Set<Node>();
  let aliases = 0;
  type Step = { node: Node; exit: false } | { node: Node; exit: true; kids: readonly Node[] };
  const stack: Step[] = [];
  const root = doc.contents as Node | null;
  if (root) stack.push({ node: root, exit: false });
  const children = (node: Node): Node[] => {
    if (!isMap(node) && !isSeq(node)) return [];
    const out: Node[] = [];
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        if (key) {
          if (!isScalar(key)) report(messages.keyNotScalar(), key);
          else if (String(key.value).length > LIMITS.keyLength.value) report(messages.keyTooLong(String(key.value).length), key);
          else if (key.value === '<<') report(messages.mergeKey(), key);
          out.push(key);
        }
        if (item.value) out.push(item.value as Node);
      } else if (item) out.push(item as Node);
    }
    return out;
  };
  while (stack.length > 0 && problems.length === 0) {
    const step = stack.pop() as Step;
    const { node } = step;
    if (step.exit) {
      open.delete(node);
      let values = 1;
      let depth = 0;
      for (const child of step.kids) {
        const s = sizes.get(child);
        values += s?.values ?? 1;
        depth = Math.max(depth, s?.depth ?? 0);
      }
      sizes.set(node, { values, depth: depth + 1 });
      continue;
    }
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) report(messages.tagNotAllowed(node.tag), node);
    if (isAlias(node)) {
      if (++aliases > LIMITS.aliases.value) report(messages.tooManyAliases(aliases), node);
      const target = anchors.get(node.source);
      if (!target) report(messages.aliasUnknown(node.source), node);
      else if (open.has(target)) report(messages.aliasCycle(node.source), node);
      else sizes.set(node, sizes.get(target) ?? { values: 1, depth: 0 });
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.length > LIMITS.stringLength.value) report(messages.stringTooLong(node.value.length), node);
      sizes.set(node, { values: 1, depth: 0 });
      continue;
    }
    open.add(node);
    const kids = children(node);
    stack.push({ node, exit: true, kids });
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as Node, exit: false });
  }
  if (problems.length === 0 && root) {
    const total = sizes.get(root) ?? { values: 0, depth: 0 };
    if (total.values > LIMITS.expandedValues.value) report(messages.tooManyValues(), root);
    else if (total.depth > LIMITS.nestingDepth.value) report(messages.tooDeep(), root);
  }
  return problems;
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
