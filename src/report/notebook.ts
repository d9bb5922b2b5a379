/**
 * The notebook kit: a notebook (a script in notebooks/) narrates an analysis into a page — lead,
 * sections of paragraphs, tables and charts — and `write` turns it into one self-contained HTML
 * file (charts drawn interactively by vega-embed, whose runtime is inlined, so the page opens
 * offline and can be mailed alone) and Markdown with the charts as PNG files beside it.
 *
 * The kit also holds the phrases every notebook states results in, so they all say it the same
 * way: "median 81.3, 90 % of runs between 77.1 and 86.8", P(met) as "33 %", attainment in the
 * runner's vocabulary (class labels, the headline).
 *
 *   const page = notebook({ id: '02-approvals', title: 'Will approvals fall by 20 %?', source: 'notebooks/02-approvals.ts' });
 *   page.lead('…');
 *   page.section('The odds');
 *   page.paragraph(`The plan: ${medianRange(result, 'administration.approval-items', 2015)}.`);
 *   page.chart('fan-approvals', charts.fan([result], { indicator: 'administration.approval-items', lang: 'en' }), 'What the fan shows.');
 *   await page.write('out/notebooks/02-approvals');
 *
 * Importing this module loads no chart code: vega and resvg load when `write` renders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../catalog/types.js';
import { bandWords, classLabel } from '../runner/vocabulary.js';
import type { AttainmentRow, ScenarioResult, Statistic } from '../runner/types.js';
import { PACKAGE_VERSION } from '../version.js';
import { type Block, type Cell, type ReportDocument, renderHtml, renderMarkdown, type Section, type Table } from './document.js';

export type { Cell as NotebookCell, Table as NotebookTable };

// ---------------------------------------------------------------------------------------------
// Phrases.

/**
 * A number for prose and tables: thousands grouped and rounded to whole numbers; below 1000 at most
 * `decimals` decimals (trailing zeros dropped). Without `decimals`: two, but three significant
 * digits below 1, so a rate of 0.04463 a year reads 0.0446, not 0.04 — and a solver's residue
 * below 10⁻⁶ reads 0. Negative numbers take a minus sign (−), not a hyphen.
 */
export function formatValue(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const a = Math.abs(value);
  const text =
    a >= 1000
      ? Math.round(value).toLocaleString('en-US')
      : decimals === undefined && a >= 1e-6 && a < 1
        ? Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 10 })
        : value.toLocaleString('en-US', { maximumFractionDigits: decimals ?? (a < 1e-6 ? 0 : 2) });
  // A typographic minus, and no "-0" from rounding.
  return text === '-0' ? '0' : text.replace(/^-/, '−');
}

/**
 * A share (0–1) as a percentage: 0.333 → "33 %". Below 1 % and above 99 % one decimal, rounded
 * away from the ends, so a share that is not 0 or 1 never reads "0 %" or "100 %".
 */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const p = share * 100;
  const text = p > 0 && p < 1 ? (Math.ceil(p * 10) / 10).toFixed(1) : p > 99 && p < 100 ? (Math.floor(p * 10) / 10).toFixed(1) : String(Math.round(p));
  return `${text} %`;
}

/** A statistic of an output in a year (`value` deterministic; `mean`, `p05` … `p95` Monte Carlo), or null. */
export function statisticAt(result: ScenarioResult, output: string, year: number, stat: Statistic): number | null {
  return result.rows.find((r) => r.output === output && r.year === year && r.statistic === stat)?.value ?? null;
}

/** The central value of an output in a year: the value of a deterministic run, the median of a Monte Carlo. */
export function centralValue(result: ScenarioResult, output: string, year: number): number | null {
  return statisticAt(result, output, year, result.mode === 'montecarlo' ? 'p50' : 'value');
}

/**
 * An output in a year as prose: the value of a deterministic run ("81.3"), or under Monte Carlo
 * "median 81.3, 90 % of runs between 77.1 and 86.8" (just "median 81.3" when the range is too
 * narrow to show at the precision given).
 */
export function medianRange(result: ScenarioResult, output: string, year: number, decimals?: number): string {
  if (result.mode !== 'montecarlo') return formatValue(statisticAt(result, output, year, 'value'), decimals);
  const [median, lo, hi] = bandValues(result, output, year, decimals);
  return lo === hi ? `median ${median}` : bandWords({ median, low: lo, high: hi }, 'en');
}

/** The same as a table cell: the median with its 90 % range under it (deterministic: the value). */
export function medianRangeCell(result: ScenarioResult, output: string, year: number, decimals?: number): Cell {
  if (result.mode !== 'montecarlo') return formatValue(statisticAt(result, output, year, 'value'), decimals);
  const [median, lo, hi] = bandValues(result, output, year, decimals);
  return lo === hi ? median : { value: median, range: `${lo}–${hi}` };
}

/** The median, 5th and 95th percentiles of a Monte Carlo output in a year, formatted alike. */
const bandValues = (result: ScenarioResult, output: string, year: number, decimals?: number): [string, string, string] =>
  (['p50', 'p05', 'p95'] as const).map((s) => formatValue(statisticAt(result, output, year, s), decimals)) as [string, string, string];

/** How a result was run: "deterministic" or "Monte Carlo, 1,000 runs, seed 2011". */
export function runDescription(result: Pick<ScenarioResult, 'mode' | 'runs' | 'seed'>): string {
  return result.mode === 'montecarlo' ? `Monte Carlo, ${result.runs.toLocaleString('en-US')} runs, seed ${result.seed ?? '—'}` : 'deterministic';
}

/** The attainment row of a target in a result; a missing one is a bug in the notebook, said plainly. */
export function attainmentOf(result: ScenarioResult, target: string): AttainmentRow {
  const row = result.attainment.find((a) => a.target === target);
  if (!row) throw new Error(`target ${target} is not judged in scenario ${result.scenario.id}`);
  return row;
}

/** A target's verdict in the vocabulary: "moderate progress" and, under Monte Carlo, "(P(met) 33 %)". */
export function attainmentVerdict(row: AttainmentRow, lang: Lang = 'en'): string {
  const label = classLabel(row.class, lang);
  return row.probability === null ? label : `${label} (P(met) ${formatPercent(row.probability)})`;
}

/** Targets × scenarios: each cell the verdict (class, P(met) under Monte Carlo); default every target of the first result. */
export function attainmentTable(results: readonly ScenarioResult[], targets?: readonly string[], lang: Lang = 'en'): Table {
  const ids = targets ?? results[0]?.attainment.map((a) => a.target) ?? [];
  return {
    header: [lang === 'zh' ? '目标' : 'Target', ...results.map((r) => r.scenario.title[lang])],
    numeric: [],
    rows: ids.map((id) => {
      const label = results.map((r) => r.attainment.find((a) => a.target === id)).find((a) => a !== undefined)?.label[lang] ?? id;
      return [label, ...results.map((r) => {
        const a = r.attainment.find((x) => x.target === id);
        return a ? attainmentVerdict(a, lang) : '—';
      })];
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The page.

export interface NotebookOptions {
  /** File stem of the page: `<id>.html`, `<id>.md`. */
  readonly id: string;
  readonly title: string;
  /** Language of the page and its charts' surroundings (default 'en'). */
  readonly lang?: Lang;
  /** The notebook's file, relative to the repository (named in the footer, with how to rerun it). */
  readonly source: string;
  /** Echoes the narrative as it is written (e.g. console.log), so a run reads like the page. */
  readonly log?: (text: string) => void;
}

/** How a notebook script is run: by hand (full counts, narrated on the console) or by a test (quiet, quick). */
export interface NotebookRunOptions {
  /** Where the narrative is echoed (default console.log; a no-op keeps a test quiet). */
  readonly log?: (text: string) => void;
  /** Small run counts (Monte Carlo runs, Morris trajectories) for tests; the page states the counts used. */
  readonly quick?: boolean;
}

/** What `write` wrote, with absolute or outDir-joined paths. */
export interface NotebookFiles {
  readonly html: string;
  readonly markdown: string;
  readonly pngs: readonly string[];
}

interface PendingChart {
  readonly name: string;
  readonly spec: TopLevelSpec;
  readonly caption: string;
}

type PendingBlock = Exclude<Block, { kind: 'chart' | 'figure' }> | { readonly kind: 'pending-chart'; readonly chart: PendingChart };

/**
 * English pages set Latin text in a Latin face first: a CJK face draws ’ and “ ” full-width
 * ("plan’ s"). CJK text still falls back to the CJK faces. Charts' action menus stay off paper.
 */
const pageStyle = (lang: Lang): string =>
  [
    lang === 'en' ? 'body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; }' : '',
    '.chart .vega-embed { display: block; }',
    '.chart .vega-embed summary { opacity: 0.6; }',
    '@media print { .chart .vega-embed details { display: none; } }',
  ]
    .filter((l) => l !== '')
    .join('\n');

/** Draws every `data-spec` chart box of the page with vega-embed (the runtime is inlined before it). */
const EMBED_CHARTS = `document.querySelectorAll('.chart[data-spec]').forEach(function (box) {
  var spec = JSON.parse(document.getElementById(box.getAttribute('data-spec')).textContent);
  vegaEmbed(box, spec, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } })
    .catch(function (e) { console.error('chart ' + box.getAttribute('data-chart') + ': ' + e); });
});`;

/** A notebook page being written: add blocks in reading order, then `write`. */
export class Notebook {
  private readonly lang: Lang;
  private readonly leadBlocks: PendingBlock[] = [];
  private readonly sections: { id: string; heading: string; blocks: PendingBlock[] }[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly options: NotebookOptions) {
    this.lang = options.lang ?? 'en';
    this.options.log?.(`# ${options.title}\n`);
  }

  private get current(): PendingBlock[] {
    return this.sections.at(-1)?.blocks ?? this.leadBlocks;
  }

  private add(block: PendingBlock, echo: string): this {
    this.current.push(block);
    this.options.log?.(`${echo}\n`);
    return this;
  }

  /** A paragraph under the title (before the first section). */
  lead(text: string): this {
    this.leadBlocks.push({ kind: 'paragraph', text });
    this.options.log?.(`${text}\n`);
    return this;
  }

  /** Starts a section; the blocks that follow belong to it. */
  section(heading: string, id = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `section-${this.sections.length + 1}`): this {
    this.sections.push({ id, heading, blocks: [] });
    this.options.log?.(`## ${heading}\n`);
    return this;
  }

  paragraph(text: string): this {
    return this.add({ kind: 'paragraph', text }, text);
  }

  /** Small print: method, caveats, where a number comes from. */
  note(text: string): this {
    return this.add({ kind: 'note', text }, `(${text})`);
  }

  table(table: Table): this {
    const block: PendingBlock = { kind: 'table', table };
    return this.add(block, renderMarkdown({ lang: this.lang, title: '', lead: [block], sections: [], footer: '' }).split('\n\n')[1] ?? '');
  }

  /**
   * A chart: interactive in the HTML page, a PNG beside the Markdown (`<name>.png`). `name` is
   * unique in the page; `caption` says what the chart shows and how to read it.
   */
  chart(name: string, spec: TopLevelSpec, caption: string): this {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`chart name '${name}': expected letters, digits, '.', '_' or '-' (it names a file)`);
    if (this.names.has(name)) throw new Error(`chart name '${name}' is used twice in notebook ${this.options.id}`);
    this.names.add(name);
    return this.add({ kind: 'pending-chart', chart: { name, spec, caption } }, `[chart ${name}.png: ${caption}]`);
  }

  /** Number of charts added so far. */
  get chartCount(): number {
    return this.names.size;
  }

  /** Renders the charts and writes `<id>.html`, `<id>.md` and one PNG per chart into `outDir`. */
  async write(outDir: string): Promise<NotebookFiles> {
    const { browserBuild, renderSvg, svgToPngAsync } = await import('../charts/render.js');
    const pending = [...this.leadBlocks, ...this.sections.flatMap((s) => s.blocks)].flatMap((b) => (b.kind === 'pending-chart' ? [b.chart] : []));
    const rendered = new Map<string, { svg: string; png: Buffer }>();
    // Two at a time: PNG rasterising runs on libuv's threads while the next SVG renders.
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < pending.length; i = next++) {
        const c = pending[i] as PendingChart;
        const svg = await renderSvg(c.spec);
        rendered.set(c.name, { svg, png: await svgToPngAsync(svg) });
      }
    };
    await Promise.all([worker(), worker()]);
    const finish = (b: PendingBlock): Block => {
      if (b.kind !== 'pending-chart') return b;
      const r = rendered.get(b.chart.name) as { svg: string };
      return { kind: 'chart', spec: b.chart.spec, figure: { name: b.chart.name, caption: b.chart.caption, svg: r.svg, png: `${b.chart.name}.png` } };
    };
    const sections: Section[] = this.sections.map((s) => ({ id: s.id, heading: s.heading, blocks: s.blocks.map(finish) }));
    const o = this.options;
    const footer =
      `Written by ${o.source} with hangzhou-reform-sim ${PACKAGE_VERSION}. Rerun it with: npx tsx ${o.source} [outDir] — every Monte Carlo is seeded, so the numbers come out the same. ` +
      'How the numbers are made: docs/MODEL-REFERENCE.md gives every equation and every lever, with the plan line or source behind its default or the reason for an assumption and its plausible range; hzsim catalog and hzsim params list the plan lines.';
    const doc: ReportDocument = {
      lang: this.lang,
      title: o.title,
      lead: this.leadBlocks.map(finish),
      sections,
      footer,
      style: pageStyle(this.lang),
      ...(pending.length > 0
        ? { scripts: [browserBuild('vega', 'build/vega.min.js'), browserBuild('vega-lite', 'build/vega-lite.min.js'), browserBuild('vega-embed', 'build/vega-embed.min.js'), EMBED_CHARTS] }
        : {}),
    };
    mkdirSync(outDir, { recursive: true });
    const html = join(outDir, `${o.id}.html`);
    const markdown = join(outDir, `${o.id}.md`);
    writeFileSync(html, renderHtml(doc));
    writeFileSync(markdown, renderMarkdown(doc));
    const pngs = pending.map((c) => {
      const file = join(outDir, `${c.name}.png`);
      writeFileSync(file, (rendered.get(c.name) as { png: Buffer }).png);
      return file;
    });
    o.log?.(`wrote ${html}, ${markdown} and ${pngs.length} PNG${pngs.length === 1 ? '' : 's'}`);
    return { html, markdown, pngs };
  }
}

/** Starts a notebook page. */
export const notebook = (options: NotebookOptions): Notebook => new Notebook(options);
