/**
 * The `<text>` elements of a rendered chart SVG, read and redrawn. Vega writes every text item one
 * way: position, rotation and baseline offset in a `transform`, `text-anchor`, `font-size` in px,
 * an optional `font-weight`, and either plain content or one `<tspan>` per line (the lines after
 * the first with `dy` = the line height). Reading them here serves two uses: PNGs draw each line as
 * glyph outlines of the chart face (so resvg needs no font at all), and the text-fit test measures
 * the same lines.
 */
import { chartFaces, lineOutline } from './fonts.js';

export interface SvgTextLine {
  readonly text: string;
  /** Baseline offset of this line below the first, in px. */
  readonly dy: number;
}

export interface SvgText {
  /** Raw attributes as written (entities decoded). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly fontSize: number;
  readonly bold: boolean;
  readonly lines: readonly SvgTextLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five named entities decoded. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** Attributes of a start tag's attribute text (`a="1" b="x"`), entities decoded. */
export function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1] ?? ''] = decodeXml(m[2] ?? '');
  return out;
}

const isBold = (weight: string | undefined): boolean => weight === 'bold' || weight === 'bolder' || (weight !== undefined && Number(weight) >= 600);

/** Reads one text element from its attribute text and its content (plain or tspans). */
export function readSvgText(attributeSource: string, content: string): SvgText {
  const attributes = parseAttributes(attributeSource);
  const anchor = attributes['text-anchor'] === 'middle' || attributes['text-anchor'] === 'end' ? attributes['text-anchor'] : 'start';
  const fontSize = parseFloat(attributes['font-size'] ?? '') || 12;
  const lines: SvgTextLine[] = [];
  if (content.includes('<tspan')) {
    let dy = 0;
    for (const m of content.matchAll(/<tspan([^>]*?)(?:\/>|>([\s\S]*?)<\/tspan>)/g)) {
      const a = parseAttributes(m[1] ?? '');
      dy += parseFloat(a.dy ?? '0') || 0;
      lines.push({ text: decodeXml(m[2] ?? ''), dy });
    }
  } else {
    lines.push({ text: decodeXml(content), dy: 0 });
  }
  return { attributes, anchor, fontSize, bold: isBold(attributes['font-weight']), lines };
}

const TEXT_ELEMENT = /<text\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text>)/g;

/** Every text element of an SVG, in document order. */
export function svgTexts(svg: string): SvgText[] {
  return [...svg.matchAll(TEXT_ELEMENT)].map((m) => readSvgText(m[1] ?? '', m[2] ?? ''));
}

/** Where a line starts relative to the anchor, for its advance `width`. */
export const anchorOffset = (anchor: SvgText['anchor'], width: number): number => (anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0);

/** Paint attributes a text's outline keeps (position comes from `transform`). */
const PAINT = ['transform', 'fill', 'fill-opacity', 'opacity', 'clip-path', 'stroke', 'stroke-opacity', 'stroke-linejoin'] as const;
const escapeAttribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The SVG with every text drawn as glyph outlines of the chart face (one `<path>` per text).
 * Returns null when no chart face is installed (the caller then lets resvg use system fonts).
 */
export function outlineTexts(svg: string): string | null {
  if (chartFaces() === null) return null;
  return svg.replace(TEXT_ELEMENT, (_whole, attributeSource: string, content: string | undefined) => {
    const text = readSvgText(attributeSource, content ?? '');
    const d: string[] = [];
    for (const line of text.lines) {
      const outline = lineOutline(line.text, text.bold);
      if (!outline || outline.path === '') continue;
      const scale = text.fontSize / outline.unitsPerEm;
      // Path data are in font units, y up: move to the line's start and baseline, then scale.
      const x = anchorOffset(text.anchor, outline.advance);
      // A stroke (a halo behind the text) keeps its width in px under the path's scaling.
      const stroke = text.attributes['stroke-width'] === undefined ? '' : ` stroke-width="${round(parseFloat(text.attributes['stroke-width']) / scale)}"`;
      d.push(`<path transform="translate(${round(x * scale)},${round(line.dy)}) scale(${scale},${-scale})"${stroke} d="${outline.path}"/>`);
    }
    if (d.length === 0) return '';
    const paint = PAINT.filter((k) => text.attributes[k] !== undefined).map((k) => ` ${k}="${escapeAttribute(text.attributes[k] ?? '')}"`).join('');
    const fill = text.attributes.fill === undefined ? ' fill="#000"' : '';
    return `<g${paint}${fill}>${d.join('')}</g>`;
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
