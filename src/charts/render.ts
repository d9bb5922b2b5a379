/**
 * Rendering a Vega-Lite spec to a file format: the spec itself (vl.json), SVG (headless vega),
 * PNG (SVG rasterised by resvg at 2×, text drawn in the chart face's outlines) and a
 * self-contained HTML page that works offline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { InputError } from '../errors.js';
import { chartErrors, type Lang } from './i18n.js';
import { packageRoot, textWidth } from './fonts.js';
import { outlineTexts } from './svg-text.js';

export const ChartFormats = ['vl.json', 'svg', 'png', 'html'] as const;
/** A file format a chart renders to: the Vega-Lite spec, SVG, PNG (2×) or a self-contained HTML page. */
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
// Text metrics: without a canvas vega estimates 0.8 em per character; ours measures in the chart face.

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
/** Replaces vega's headless text-width estimate by the chart face's measure (idempotent). */
export function installTextMetrics(): void {
  if (metricsInstalled) return;
  const tm = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (!tm) throw new Error('vega.textMetrics not found: vega version changed?');
  tm.width = (item, text) => {
    const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
    const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
    return textWidth(textOf(item, text), size, bold);
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

function resvgOptions(svg: string): { svg: string; options: ResvgRenderOptions } {
  const base = { fitTo: { mode: 'zoom', value: PNG_SCALE }, background: '#FFFFFF' } as const;
  // Text drawn as the chart face's glyph outlines: resvg then loads no font (it would re-read the
  // whole 8 MB font file for every text element it draws).
  const outlined = outlineTexts(svg);
  if (outlined !== null) return { svg: outlined, options: { ...base, font: { loadSystemFonts: false } } };
  return { svg, options: { ...base, font: { loadSystemFonts: true } } };
}

/** PNG bytes of an SVG at PNG_SCALE. */
export function svgToPng(svg: string): Buffer {
  const r = resvgOptions(svg);
  return Buffer.from(new Resvg(r.svg, r.options).render().asPng());
}

/** The same off the main thread (resvg rasterises on libuv's thread pool). */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  const r = resvgOptions(svg);
  return Buffer.from((await renderAsync(r.svg, r.options)).asPng());
}

// ---------------------------------------------------------------------------------------------
// HTML.

const scriptCache = new Map<string, string>();
/** A package's browser build (e.g. vega's build/vega.min.js), ready to inline in a script element. */
export function browserBuild(pkg: string, file: string): string {
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
