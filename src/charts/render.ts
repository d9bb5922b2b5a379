/**
 * Rendering a Vega-Lite spec to a file format: the spec itself (vl.json), SVG (headless vega),
 * PNG (SVG rasterised by resvg at 2×, with the bundled Noto CJK font when installed) and a
 * self-contained HTML page that works offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { InputError } from '../errors.js';
import { chartErrors, type Lang } from './i18n.js';
import { estimateTextWidth } from './text-width.js';

export const ChartFormats = ['vl.json', 'svg', 'png', 'html'] as const;
export type ChartFormat = (typeof ChartFormats)[number];
export const isChartFormat = (s: string): s is ChartFormat => (ChartFormats as readonly string[]).includes(s);

/** Parses "vl.json,svg,png" into formats; bad names are an InputError naming the option. */
export function parseFormats(list: string, field = '--format'): ChartFormat[] {
  const items = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = items.filter((s) => !isChartFormat(s));
  if (bad.length > 0) throw new InputError(bad.map((b) => ({ file: '<cli>', path: field, message: chartErrors.unknownFormat(b, ChartFormats) })));
  return [...new Set(items)] as ChartFormat[];
}

/** PNG pixels per SVG pixel: 2× gives ~190 dpi at the chart sizes, enough for print. */
export const PNG_SCALE = 2;

// ---------------------------------------------------------------------------------------------
// Text metrics: without a canvas vega estimates 0.8 em per character; ours counts CJK as 1 em.

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly text?: unknown;
}
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

const textOf = (item: TextItem, text: unknown): string => {
  const v = text ?? item.text;
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.map(String).join(' ') : String(v);
};

let metricsInstalled = false;
/** Replaces vega's headless text-width estimate (idempotent). */
export function installTextMetrics(): void {
  if (metricsInstalled) return;
  const tm = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (!tm) throw new Error('vega.textMetrics not found: vega version changed?');
  tm.width = (item, text) => {
    const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
    const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
    return estimateTextWidth(textOf(item, text), size, bold);
  };
  metricsInstalled = true;
}

// ---------------------------------------------------------------------------------------------
// Compile.

export interface CompiledChart {
  readonly vega: vega.Spec;
  /** Vega-Lite warnings (tests require none). */
  readonly warnings: readonly string[];
}

/** Compiles with Vega-Lite, collecting warnings instead of printing them. */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const logger = {
    level(_?: number) {
      return logger;
    },
    error(...args: unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const out = compile(spec, { logger: logger as unknown as NonNullable<Parameters<typeof compile>[1]>['logger'] });
  return { vega: out.spec as vega.Spec, warnings };
}

/** SVG text of a spec, rendered headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  const { vega: vgSpec } = compileChart(spec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

// ---------------------------------------------------------------------------------------------
// PNG.

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

/** Family name inside the bundled OTF files (@embedpdf/fonts-sc). */
export const BUNDLED_FONT_FAMILY = 'Noto Sans S Chinese';

export interface FontSetup {
  readonly fontFiles: readonly string[];
  readonly loadSystemFonts: boolean;
}

let fontSetup: FontSetup | undefined;
let warnedNoFont = false;

/** Bundled Noto Sans CJK (reproducible output) or, when the optional package is absent, system fonts. */
export function fonts(warn: (message: string) => void = (m) => void process.stderr.write(m)): FontSetup {
  if (fontSetup) return fontSetup;
  const root = packageRoot('@embedpdf/fonts-sc');
  const files = root ? ['Regular', 'Bold'].map((w) => join(root, 'fonts', `NotoSansHans-${w}.otf`)) : [];
  if (files.length > 0 && files.every((f) => existsSync(f))) {
    fontSetup = { fontFiles: files, loadSystemFonts: false };
  } else {
    if (!warnedNoFont) {
      warnedNoFont = true;
      warn(
        'hzsim: warning: the optional package @embedpdf/fonts-sc (Noto Sans CJK fonts) is not installed; ' +
          'PNG charts use system fonts, Chinese text may be missing and output differs between machines. ' +
          'Install it with `npm install @embedpdf/fonts-sc`.\n',
      );
    }
    fontSetup = { fontFiles: [], loadSystemFonts: true };
  }
  return fontSetup;
}

function resvgOptions(): ResvgRenderOptions {
  const f = fonts();
  return {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#FFFFFF',
    font: {
      fontFiles: [...f.fontFiles],
      loadSystemFonts: f.loadSystemFonts,
      // The theme's font list ends in sans-serif: that resolves to the bundled face.
      ...(f.loadSystemFonts ? {} : { defaultFontFamily: BUNDLED_FONT_FAMILY, sansSerifFamily: BUNDLED_FONT_FAMILY }),
    },
  };
}

/** PNG bytes of an SVG at PNG_SCALE. */
export function svgToPng(svg: string): Buffer {
  return Buffer.from(new Resvg(svg, resvgOptions()).render().asPng());
}

/**
 * The same off the main thread. Loading the 8 MB CJK font dominates (~0.2 s a chart), so callers
 * rendering many charts run a few of these at once.
 */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  return Buffer.from((await renderAsync(svg, resvgOptions())).asPng());
}

// ---------------------------------------------------------------------------------------------
// HTML.

const scriptCache = new Map<string, string>();
function browserBuild(pkg: string, file: string): string {
  const key = `${pkg}/${file}`;
  const cached = scriptCache.get(key);
  if (cached !== undefined) return cached;
  const root = packageRoot(pkg);
  if (!root) throw new Error(`package ${pkg} is not installed; it is needed for HTML charts`);
  // `</script` inside inlined code would end the script element early.
  const code = readFileSync(join(root, file), 'utf8').replace(/<\/script/gi, '<\\/script');
  scriptCache.set(key, code);
  return code;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page that shows the chart offline: vega, vega-lite and vega-embed inlined, spec embedded. */
export function renderHtml(spec: TopLevelSpec, title = 'hzsim chart'): string {
  return renderHtmlGallery([{ spec, title }], title);
}

/**
 * One self-contained page showing several charts: the vega runtime is inlined once (≈ 0.8 MB)
 * whatever the number of charts, so a whole chart set opens offline from a single file.
 */
export function renderHtmlGallery(charts: readonly { spec: TopLevelSpec; title: string }[], pageTitle: string, lang: Lang = 'zh'): string {
  const json = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c');
  const single = charts.length === 1;
  // Each chart carries its own title; the figure's aria-label names it for screen readers.
  const figures = charts.map((c, i) => `<figure id="c${i}" aria-label="${escapeHtml(c.title)}"><div class="chart"></div></figure>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(pageTitle)}</title>
<style>body{font-family:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:16px;background:#fff}figure{margin:0 0 32px}</style>
<script>${browserBuild('vega', 'build/vega.min.js')}</script>
<script>${browserBuild('vega-lite', 'build/vega-lite.min.js')}</script>
<script>${browserBuild('vega-embed', 'build/vega-embed.min.js')}</script>
</head>
<body>
${single ? '' : `<h1 style="font-size:20px">${escapeHtml(pageTitle)}</h1>\n`}${figures}
<script type="application/json" id="specs">${json(charts.map((c) => c.spec))}</script>
<script>
JSON.parse(document.getElementById('specs').textContent).forEach(function (spec, i) {
  vegaEmbed('#c' + i + ' .chart', spec, {renderer: 'svg', actions: {export: true, source: false, compiled: false, editor: false}});
});
</script>
</body>
</html>
`;
}

/** Title text of a spec, for HTML pages and file names. */
export function specTitle(spec: TopLevelSpec): string {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'text' in title) {
    const text = (title as { text: unknown }).text;
    return Array.isArray(text) ? text.join(' ') : String(text);
  }
  return 'hzsim chart';
}

/** Renders `spec` as `format`: text for vl.json / svg / html, bytes for png. */
export async function render(spec: TopLevelSpec, format: ChartFormat): Promise<string | Buffer> {
  switch (format) {
    case 'vl.json':
      return `${JSON.stringify(spec, null, 2)}\n`;
    case 'svg':
      return renderSvg(spec);
    case 'png':
      return svgToPngAsync(await renderSvg(spec));
    case 'html':
      return renderHtml(spec, specTitle(spec));
  }
}
