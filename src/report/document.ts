/**
 * A report as data — sections of paragraphs, notes, tables and figures — and its two renderings:
 * Markdown that shows the charts as PNG files beside it, and one self-contained HTML file with the
 * charts inlined as SVG (it survives being moved or mailed alone) and a print stylesheet for A4.
 * Content (what a briefing says) lives in briefing.ts; this module only packages it.
 */

/** A table cell: text, or a value with the range around it (printed under it in HTML). */
export type Cell = string | { readonly value: string; readonly range: string };

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Columns whose cells are numbers (right-aligned, tabular figures); default all but the first. */
  readonly numeric?: readonly number[];
  /** Smaller type and padding, for tables with many columns (HTML). */
  readonly compact?: boolean;
}

/** A chart in a report. */
export interface Figure {
  /** Chart name, unique in the document (the PNG file name stem, the HTML element id). */
  readonly name: string;
  /** What the chart shows, in a sentence or two. */
  readonly caption: string;
  /** The chart as SVG text, inlined into HTML. */
  readonly svg: string;
  /** The chart's PNG, relative to the Markdown file. */
  readonly png: string;
}

/**
 * A run of text in prose: plain, or a number (or other fact) with where it comes from, e.g.
 * `results.csv?scenario=plan&output=urbanisation.hukou-gap&year=2015&statistic=p50`. HTML keeps
 * the source in a `data-source` attribute (a test reads every number back against its file).
 */
export type Inline = string | { readonly text: string; readonly source: string };

/** One piece of a section: a paragraph, a small-print note, a table, a figure, sourced prose or a list. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'prose'; readonly parts: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'table'; readonly table: Table }
  | { readonly kind: 'figure'; readonly figure: Figure }
  /**
   * An interactive chart: in HTML an empty `.chart` box whose `data-spec` names the JSON script
   * holding its Vega-Lite spec, for a script of the document (`scripts`) to draw with vega-embed,
   * and the static SVG in a `<noscript>` for readers without scripts; in Markdown, the PNG.
   */
  | { readonly kind: 'chart'; readonly figure: Figure; readonly spec: unknown };

/** A headed part of a report. */
export interface Section {
  /** Stable anchor id (HTML) for links into the section. */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

/** A whole report: title, lead paragraphs, sections and a footer, in one language. */
export interface ReportDocument {
  readonly lang: 'zh' | 'en';
  readonly title: string;
  /** Paragraphs right under the title. */
  readonly lead: readonly Block[];
  readonly sections: readonly Section[];
  /** Small print at the end. */
  readonly footer: string;
  /** Inline script code run at the end of the page (e.g. the chart runtime of 'chart' blocks). */
  readonly scripts?: readonly string[];
  /** Extra CSS after the document's own styles. */
  readonly style?: string;
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const mdCell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A value and its range on one line: 81.3 (77.1–86.8), 81.3（77.1–86.8）. */
const cellText = (c: Cell, lang: ReportDocument['lang']): string => (typeof c === 'string' ? c : lang === 'zh' ? `${c.value}（${c.range}）` : `${c.value} (${c.range})`);

function markdownTable(t: Table, lang: ReportDocument['lang']): string {
  const numeric = new Set(t.numeric ?? t.header.map((_, i) => i).slice(1));
  const line = (cells: readonly Cell[]): string => `| ${cells.map((c) => mdCell(cellText(c, lang))).join(' | ')} |`;
  const rule = t.header.map((_, i) => (numeric.has(i) ? '---:' : '---'));
  return [line(t.header), line(rule), ...t.rows.map(line)].join('\n');
}

/** Sourced prose as plain text. */
export const inlineText = (parts: readonly Inline[]): string => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

function markdownBlock(b: Block, lang: ReportDocument['lang']): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'prose':
      return inlineText(b.parts);
    case 'list':
      return b.items.map((item) => `- ${inlineText(item).replace(/\n/g, ' ')}`).join('\n');
    case 'note':
      return `*${b.text}*`;
    case 'table':
      return markdownTable(b.table, lang);
    case 'figure':
    case 'chart':
      return `![${mdCell(b.figure.caption)}](${b.figure.png})\n\n*${b.figure.caption}*`;
  }
}

/** The document as Markdown; figures point at their PNG files. */
export function renderMarkdown(doc: ReportDocument): string {
  const block = (b: Block): string => markdownBlock(b, doc.lang);
  const parts = [`# ${doc.title}`, ...doc.lead.map(block)];
  for (const s of doc.sections) parts.push(`## ${s.heading}`, ...s.blocks.map(block));
  parts.push(`---\n${doc.footer}`);
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML.

export const escapeHtml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An SVG made safe to inline next to others: its ids (Vega's clip paths and gradients) prefixed,
 * so `url(#clip1)` of one chart cannot pick up another chart's clip; the XML prolog dropped; a
 * fixed size turned into a scalable one (the width stays the maximum).
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`)
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}

function htmlTable(t: Table): string {
  const numeric = new Set(t.numeric ?? t.header.map((_, i) => i).slice(1));
  const cls = (i: number): string => (numeric.has(i) ? ' class="num"' : '');
  const head = `<tr>${t.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const cell = (c: Cell): string => (typeof c === 'string' ? escapeHtml(c) : `${escapeHtml(c.value)}<br><span class="range">${escapeHtml(c.range)}</span>`);
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cell(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${t.compact ? ' class="compact"' : ''}>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const inlineHtml = (parts: readonly Inline[]): string =>
  parts.map((p) => (typeof p === 'string' ? codeHtml(p) : `<span data-source="${escapeHtml(p.source)}">${escapeHtml(p.text)}</span>`)).join('');

/** Escaped text with `code` spans as <code>, as Markdown shows them. */
const codeHtml = (t: string): string => escapeHtml(t).replace(/`([^`]+)`/g, '<code>$1</code>');

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'prose':
      return `<p>${inlineHtml(b.parts)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'table':
      return htmlTable(b.table);
    case 'figure': {
      const id = `fig-${b.figure.name.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
      return `<figure id="${id}"><div class="chart" data-chart="${escapeHtml(b.figure.name)}">${inlineSvg(b.figure.svg, id, b.figure.caption)}</div><figcaption>${escapeHtml(b.figure.caption)}</figcaption></figure>`;
    }
    case 'chart': {
      const id = `fig-${b.figure.name.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
      // `<` escaped so the spec's text cannot end its script element.
      const spec = JSON.stringify(b.spec).replace(/</g, '\\u003c');
      return `<figure id="${id}" aria-label="${escapeHtml(b.figure.caption)}"><div class="chart" data-chart="${escapeHtml(b.figure.name)}" data-spec="${id}-spec"></div><noscript>${inlineSvg(b.figure.svg, id, b.figure.caption)}</noscript><figcaption>${escapeHtml(b.figure.caption)}</figcaption></figure>\n<script type="application/json" id="${id}-spec">${spec}</script>`;
    }
  }
}

/** Screen and A4 print styles: charts scale to the text width, figures and table rows never split. */
const STYLE = `
:root { color: #222; background: #fff; }
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #888; vertical-align: bottom; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child { min-width: 8rem; }
td.num { white-space: nowrap; }
table.compact { font-size: 0.78rem; }
table.compact th, table.compact td { padding: 0.22rem 0.3rem; }
table.compact td:first-child { min-width: 7rem; }
/* Class words and numbers break at spaces only (进展顺利 stays whole); row labels and column heads
   (scenario names, eight of them side by side) wrap as they need. */
table.compact td:not(:first-child) { word-break: keep-all; }
.range { color: #666; font-size: 0.85em; }
figure { margin: 1.2rem 0 1.6rem; }
.chart svg { display: block; max-width: 100%; height: auto; }
figcaption, .note, footer { color: #555; font-size: 0.85rem; }
figcaption { margin-top: 0.3rem; }
ul { padding-left: 1.3rem; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.88em; }
li { margin: 0.2rem 0; }
footer { margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 0.5rem; }
/* English text: curly quotes and apostrophes from a Latin face (CJK faces draw them full-width). */
@font-face { font-family: "hz-latin-punctuation"; src: local("Noto Sans"), local("Source Sans 3"), local("Liberation Sans"), local("Arial"), local("DejaVu Sans"); unicode-range: U+2018-201F; }
:lang(en) body { font-family: "hz-latin-punctuation", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12.5pt; break-after: avoid; page-break-after: avoid; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8pt; }
  table.compact { font-size: 7.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The document as one HTML file: no external resource of any kind, charts inlined as SVG. */
export function renderHtml(doc: ReportDocument): string {
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, ...doc.lead.map(htmlBlock)];
  for (const s of doc.sections) body.push(`<section id="${escapeHtml(s.id)}">`, `<h2>${escapeHtml(s.heading)}</h2>`, ...s.blocks.map(htmlBlock), '</section>');
  body.push(`<footer>${escapeHtml(doc.footer)}</footer>`);
  // `</script` inside inlined code would end its element early.
  for (const code of doc.scripts ?? []) body.push(`<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`);
  return `<!doctype html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}${doc.style ? `\n${doc.style}` : ''}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
