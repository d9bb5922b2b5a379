/**
 * The face that draws chart text, opened once per process with fontkit: it measures every label
 * while a chart is laid out (vega's text metrics and the builders' wrapping) and draws the glyph
 * outlines into PNGs, so what is measured is exactly what is drawn. The bundled Noto Sans CJK
 * (optional package @embedpdf/fonts-sc) comes first; without it a system Noto Sans CJK is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as fontkit from 'fontkit';

/** Family name inside the bundled OTF files (@embedpdf/fonts-sc). */
export const BUNDLED_FONT_FAMILY = 'Noto Sans S Chinese';

export type FontWeight = 'regular' | 'bold';

/** Where a face was found: the bundled package (reproducible output) or the system. */
export type FaceSource = 'bundled' | 'system';

export interface FaceFile {
  readonly path: string;
  /** The face inside a collection (.ttc); absent for a single-face file. */
  readonly postscriptName?: string;
}

/** Ink extent of a text run in px, relative to its pen origin on the baseline (y grows downwards). */
export interface InkBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** One shaped line: its advance and its outline as SVG path data, both in font units. */
interface ShapedLine {
  readonly advance: number;
  readonly path: string;
  readonly ink: InkBox | null;
}

/** Shaped lines kept per weight (a chart has a few hundred distinct texts). */
const MAX_CACHED_LINES = 20_000;

/** A weight of the chart face, shaping and caching lines of text. */
class Face {
  private readonly lines = new Map<string, ShapedLine>();
  constructor(private readonly font: fontkit.Font) {}

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** Shapes `text` as the PNG renderer will draw it (OpenType features, kerning), once per text. */
  shape(text: string): ShapedLine {
    const cached = this.lines.get(text);
    if (cached) return cached;
    const run = this.font.layout(text);
    let pen = 0;
    const parts: string[] = [];
    let ink: { x1: number; y1: number; x2: number; y2: number } | null = null;
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i];
      const dx = pen + (pos?.xOffset ?? 0);
      const dy = pos?.yOffset ?? 0;
      const commands = glyph.path.commands;
      if (commands.length > 0) {
        parts.push(pathData(commands, dx, dy));
        const b = glyph.bbox;
        // Font units, y up → px-style box, y down.
        const box = { x1: dx + b.minX, x2: dx + b.maxX, y1: -(dy + b.maxY), y2: -(dy + b.minY) };
        ink = ink === null ? box : { x1: Math.min(ink.x1, box.x1), y1: Math.min(ink.y1, box.y1), x2: Math.max(ink.x2, box.x2), y2: Math.max(ink.y2, box.y2) };
      }
      pen += pos?.xAdvance ?? glyph.advanceWidth;
    });
    const shaped = { advance: pen, path: parts.join(''), ink };
    // Bounded, for long-lived processes: chart text repeats, so a cleared cache refills quickly.
    if (this.lines.size >= MAX_CACHED_LINES) this.lines.clear();
    this.lines.set(text, shaped);
    return shaped;
  }
}

/** Glyph commands, moved by (dx, dy), as compact SVG path data in font units (y up). */
function pathData(commands: readonly fontkit.PathCommand[], dx: number, dy: number): string {
  const n = (v: number): string => String(Math.round(v * 10) / 10);
  let d = '';
  for (const { command, args } of commands) {
    const pts: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) pts.push(`${n((args[i] ?? 0) + dx)} ${n((args[i + 1] ?? 0) + dy)}`);
    if (command === 'moveTo') d += `M${pts.join(' ')}`;
    else if (command === 'lineTo') d += `L${pts.join(' ')}`;
    else if (command === 'quadraticCurveTo') d += `Q${pts.join(' ')}`;
    else if (command === 'bezierCurveTo') d += `C${pts.join(' ')}`;
    else d += 'Z';
  }
  return d;
}

export interface ChartFaces {
  readonly source: FaceSource;
  readonly files: Readonly<Record<FontWeight, FaceFile>>;
  face(weight: FontWeight): Face;
}

export type { Face };

const require = createRequire(import.meta.url);

/** Root folder of an installed package (resolved like an import would, then up to its package.json). */
export function packageRoot(name: string): string | undefined {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    // Fall back to node_modules beside this module (packages without a require-able entry).
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
  let dir = dirname(entry);
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      const parsed = JSON.parse(readFileSync(pj, 'utf8')) as { name?: unknown };
      if (parsed.name === name) return dir;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Noto Sans CJK as Debian, Fedora, Arch and Homebrew install it (Simplified Chinese face). */
const SYSTEM_CANDIDATES: readonly Readonly<Record<FontWeight, FaceFile>>[] = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/opt/homebrew/share/fonts',
].map((dir) => ({
  regular: { path: join(dir, 'NotoSansCJK-Regular.ttc'), postscriptName: 'NotoSansCJKsc-Regular' },
  bold: { path: join(dir, 'NotoSansCJK-Bold.ttc'), postscriptName: 'NotoSansCJKsc-Bold' },
}));

function bundledFiles(): Readonly<Record<FontWeight, FaceFile>> | undefined {
  const root = packageRoot('@embedpdf/fonts-sc');
  if (!root) return undefined;
  const files = { regular: { path: join(root, 'fonts', 'NotoSansHans-Regular.otf') }, bold: { path: join(root, 'fonts', 'NotoSansHans-Bold.otf') } };
  return existsSync(files.regular.path) && existsSync(files.bold.path) ? files : undefined;
}

function openFace(file: FaceFile): fontkit.Font {
  // Required on first use (~0.2 s to load), so importing the package stays fast.
  const { openSync } = require('fontkit') as typeof fontkit;
  const opened = openSync(file.path, file.postscriptName);
  if (!('layout' in opened)) throw new Error(`${file.path}: a font collection without the face ${file.postscriptName ?? '(none named)'}`);
  return opened;
}

let loaded: ChartFaces | null | undefined;
let warned = false;

/**
 * The chart faces, opened on first use and kept for the process (fontkit reads tables lazily, so
 * opening the 8 MB files costs milliseconds). `null` when no Noto Sans CJK is installed at all.
 */
export function chartFaces(warn: (message: string) => void = (m) => void process.stderr.write(m)): ChartFaces | null {
  if (loaded !== undefined) return loaded;
  const bundled = bundledFiles();
  const system = bundled ? undefined : SYSTEM_CANDIDATES.find((c) => existsSync(c.regular.path) && existsSync(c.bold.path));
  const files = bundled ?? system;
  if (!files) {
    loaded = null;
  } else {
    const faces = { regular: new Face(openFace(files.regular)), bold: new Face(openFace(files.bold)) };
    loaded = { source: bundled ? 'bundled' : 'system', files, face: (w) => faces[w] };
  }
  if (loaded?.source !== 'bundled' && !warned) {
    warned = true;
    warn(
      'hzsim: warning: the optional package @embedpdf/fonts-sc (Noto Sans CJK fonts) is not installed; ' +
        (loaded ? 'charts use the system Noto Sans CJK, output may differ between machines. ' : 'no Noto Sans CJK was found either: text widths are estimated and PNG text uses system fonts. ') +
        'Install it with `npm install @embedpdf/fonts-sc`.\n',
    );
  }
  return loaded;
}

const weightOf = (bold: boolean): FontWeight => (bold ? 'bold' : 'regular');

/**
 * Width in px of one line of `text` at `fontSize` px, as the chart face draws it. Without any CJK
 * face installed, a per-character fallback (1 em for full-width characters, 0.55 em otherwise).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const faces = chartFaces();
  if (!faces) return fallbackWidth(text) * fontSize;
  const face = faces.face(weightOf(bold));
  return (face.shape(text).advance / face.unitsPerEm) * fontSize;
}

/** Ink box of one line in px relative to its pen origin; null for blank text or without a face. */
export function inkBox(text: string, fontSize: number, bold = false): InkBox | null {
  const faces = chartFaces();
  if (!faces) return null;
  const face = faces.face(weightOf(bold));
  const ink = face.shape(text).ink;
  if (!ink) return null;
  const s = fontSize / face.unitsPerEm;
  return { x1: ink.x1 * s, y1: ink.y1 * s, x2: ink.x2 * s, y2: ink.y2 * s };
}

/** Outline of one line as SVG path data in font units (y up), with its advance. */
export function lineOutline(text: string, bold: boolean): { path: string; advance: number; unitsPerEm: number } | null {
  const faces = chartFaces();
  if (!faces) return null;
  const face = faces.face(weightOf(bold));
  const { path, advance } = face.shape(text);
  return { path, advance, unitsPerEm: face.unitsPerEm };
}

const fullWidth = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
function fallbackWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += fullWidth.test(ch) ? 1 : 0.55;
  return em;
}
