/**
 * Reads a rendered chart SVG and says where text does not fit: ink outside the canvas, ink of two
 * texts overlapping, a text spilling out of the cell (rect) it is drawn in, or a label cut with "…".
 * Boxes are the ink of each line in the chart face, placed by the element's transform and those of
 * its groups — the same shaping the PNG draws.
 *
 * Texts with a stroke are halos (a white outline drawn under a label, see withHalo) and are not
 * checked: they overlap their own label by design.
 *
 * Vega writes the SVG with `<`, `>`, `&` and `"` escaped in text and attributes alike, so a tag
 * scanner reads it exactly.
 */
import { inkBox, textWidth } from '../../src/charts/fonts.js';
import { anchorOffset, parseAttributes, readSvgText } from '../../src/charts/svg-text.js';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A 2-D affine transform [a, b, c, d, e, f]: (x, y) → (a x + c y + e, b x + d y + f). */
type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** translate(…), rotate(…) and scale(…) as vega writes them, applied left to right. */
function parseTransform(source: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, op, args] of (source ?? '').matchAll(/(translate|rotate|scale)\(([^)]*)\)/g)) {
    const v = (args ?? '').split(/[\s,]+/).filter((s) => s !== '').map(Number);
    if (op === 'translate') m = multiply(m, [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0]);
    else if (op === 'scale') m = multiply(m, [v[0] ?? 1, 0, 0, v[1] ?? v[0] ?? 1, 0, 0]);
    else {
      const a = ((v[0] ?? 0) * Math.PI) / 180;
      m = multiply(m, [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]);
    }
  }
  return m;
}

function transformBox(m: Matrix, b: Box): Box {
  const pts = [
    [b.x1, b.y1],
    [b.x2, b.y1],
    [b.x1, b.y2],
    [b.x2, b.y2],
  ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** The box of a rect mark's path ("M0,0h56v26h-56Z"); undefined for anything but straight lines. */
function pathBox(d: string): Box | undefined {
  if (/[^MmLlHhVvZz\d.,\s-]/.test(d) || !/^M/.test(d.trim())) return undefined;
  let x = 0;
  let y = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, cmd, args] of d.matchAll(/([MmLlHhVvZz])([^MmLlHhVvZz]*)/g)) {
    const v = (args ?? '').split(/[\s,]+/).filter((s) => s !== '').map(Number);
    if (cmd === 'M' || cmd === 'L') [x, y] = [v[0] ?? x, v[1] ?? y];
    else if (cmd === 'm' || cmd === 'l') [x, y] = [x + (v[0] ?? 0), y + (v[1] ?? 0)];
    else if (cmd === 'H') x = v[0] ?? x;
    else if (cmd === 'h') x += v[0] ?? 0;
    else if (cmd === 'V') y = v[0] ?? y;
    else if (cmd === 'v') y += v[0] ?? 0;
    xs.push(x);
    ys.push(y);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

export interface PlacedLine {
  readonly text: string;
  /** Index of the text element the line belongs to. */
  readonly element: number;
  readonly ink: Box;
  /** The text element's anchor point on the canvas. */
  readonly anchor: { x: number; y: number };
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PlacedLine[];
  /** Rects drawn by rect (and bar) marks, on the canvas. */
  readonly cells: readonly Box[];
}

/** Every visible line of text and every rect-mark cell of a rendered chart, placed on the canvas. */
export function chartLayout(svg: string): ChartLayout {
  const size = /<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (!size) throw new Error('svg has no width/height');
  const stack: { m: Matrix; rectMark: boolean }[] = [{ m: IDENTITY, rectMark: false }];
  const lines: PlacedLine[] = [];
  const cells: Box[] = [];
  let element = 0;
  const tags = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>|([^<]+)/g;
  let textOpen: { attrs: string; m: Matrix; content: string } | null = null;
  for (const match of svg.matchAll(tags)) {
    const [whole, closing, name, attrSource = '', selfClosing] = match;
    if (textOpen) {
      if (closing && name === 'text') {
        placeText(textOpen.attrs, textOpen.content, textOpen.m, element++, lines);
        textOpen = null;
      } else {
        textOpen.content += whole;
      }
      continue;
    }
    if (!name) continue;
    const top = stack[stack.length - 1] ?? { m: IDENTITY, rectMark: false };
    if (closing) {
      if (name === 'g') stack.pop();
      continue;
    }
    const attrs = parseAttributes(attrSource);
    const m = multiply(top.m, parseTransform(attrs.transform));
    if (name === 'g' && !selfClosing) {
      const cls = attrs.class ?? '';
      stack.push({ m, rectMark: cls.includes('mark-rect') && cls.includes('role-mark') ? true : cls.includes('mark-') ? false : top.rectMark });
    } else if (name === 'text') {
      if (selfClosing) element++;
      else textOpen = { attrs: attrSource, m, content: '' };
    } else if (name === 'path' && top.rectMark && attrs.d) {
      const box = pathBox(attrs.d);
      if (box) cells.push(transformBox(m, box));
    }
  }
  return { width: Number(size[1]), height: Number(size[2]), lines, cells };
}

function placeText(attrSource: string, content: string, m: Matrix, element: number, out: PlacedLine[]): void {
  const t = readSvgText(attrSource, content);
  const opacity = Number(t.attributes.opacity ?? '1') * Number(t.attributes['fill-opacity'] ?? '1');
  if (opacity === 0 || t.attributes.fill === 'transparent' || t.attributes.fill === 'none' || t.attributes.stroke !== undefined) return;
  const anchor = { x: m[4], y: m[5] };
  for (const line of t.lines) {
    const ink = inkBox(line.text, t.fontSize, t.bold);
    if (!ink) continue;
    const dx = anchorOffset(t.anchor, textWidth(line.text, t.fontSize, t.bold));
    out.push({ text: line.text, element, anchor, ink: transformBox(m, { x1: ink.x1 + dx, x2: ink.x2 + dx, y1: ink.y1 + line.dy, y2: ink.y2 + line.dy }) });
  }
}

const overlaps = (a: Box, b: Box, tolerance: number): boolean =>
  a.x1 < b.x2 - tolerance && b.x1 < a.x2 - tolerance && a.y1 < b.y2 - tolerance && b.y1 < a.y2 - tolerance;
const inside = (p: { x: number; y: number }, b: Box): boolean => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;
const within = (a: Box, b: Box, tolerance: number): boolean =>
  a.x1 >= b.x1 - tolerance && a.x2 <= b.x2 + tolerance && a.y1 >= b.y1 - tolerance && a.y2 <= b.y2 + tolerance;
const fmt = (b: Box): string => `[${b.x1.toFixed(1)}, ${b.y1.toFixed(1)} – ${b.x2.toFixed(1)}, ${b.y2.toFixed(1)}]`;

/** Everything that does not fit, one sentence each (empty when every text fits). */
export function textFitProblems(svg: string): string[] {
  const { width, height, lines, cells } = chartLayout(svg);
  const problems: string[] = [];
  const canvas = { x1: 0, y1: 0, x2: width, y2: height };
  for (const l of lines) {
    if (!within(l.ink, canvas, 0)) problems.push(`"${l.text}" ${fmt(l.ink)} runs off the ${width}×${height} canvas`);
    if (l.text.endsWith('…')) problems.push(`"${l.text}" is cut short`);
    // A text whose anchor sits in a cell must stay inside it, with 1 px to spare.
    const cell = cells.find((c) => inside(l.anchor, c));
    if (cell && !within(l.ink, { x1: cell.x1 + 1, y1: cell.y1 + 1, x2: cell.x2 - 1, y2: cell.y2 - 1 }, 0)) {
      problems.push(`"${l.text}" ${fmt(l.ink)} spills out of its cell ${fmt(cell)}`);
    }
  }
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a && b && a.element !== b.element && overlaps(a.ink, b.ink, 0.25)) problems.push(`"${a.text}" ${fmt(a.ink)} overlaps "${b.text}" ${fmt(b.ink)}`);
    }
  }
  return problems;
}
