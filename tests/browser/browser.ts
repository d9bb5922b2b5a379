/**
 * Headless-Chromium checks of the pages the package writes (chart gallery, briefing, explorer…):
 * open a page offline, record every console error, page error and network request, wait until each
 * chart container holds a rendered SVG or canvas with marks, and save a screenshot (and, on
 * request, an A4 PDF) under out/screenshots/ for a person to look at.
 *
 * Uses playwright-core with the system's Chromium (Debian: `apt-get install chromium
 * fonts-noto-cjk`; elsewhere set HZSIM_CHROMIUM); tests skip with `noChromiumReason` when none is
 * installed. Typical use:
 *
 *   describe.skipIf(!chromium)('my page', () => {
 *     it('renders offline', async () => {
 *       const report = await withBrowser((b) => checkPage(b, { file, name: 'my-page', minCharts: 3 }));
 *       expect(pageProblems(report)).toEqual([]);
 *     });
 *   });
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * The little of the DOM the in-page functions use, declared here (module scope) because the project
 * compiles without the DOM library; at run time they execute in the page, where it exists.
 */
interface PageElement {
  readonly id: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { readonly length: number };
}
interface PageCanvas extends PageElement {
  width: number;
  height: number;
  getContext(kind: '2d'): { drawImage(source: PageCanvas, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
declare const document: PageElement & { createElement(tag: 'canvas'): PageCanvas };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where screenshots and PDFs go (inside the git-ignored out/). */
export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.HZSIM_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((c) => existsSync(c));
}

export const chromium = findChromium();
export const noChromiumReason =
  'browser tests skipped: no Chromium found (install Debian\'s chromium and fonts-noto-cjk, or set HZSIM_CHROMIUM to a Chrome/Chromium executable)';
if (!chromium) console.warn(noChromiumReason);

/** Runs `fn` with a headless Chromium, closed afterwards whatever happens. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  if (!chromium) throw new Error(noChromiumReason);
  const browser = await playwright.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export interface PageCheck {
  /** The HTML file to open (absolute or relative to the working directory). */
  readonly file: string;
  /** Screenshot (and PDF) file name stem under out/screenshots/. */
  readonly name: string;
  /** Elements that must each hold a rendered chart; default `[data-chart], .chart`. */
  readonly chartSelector?: string;
  /** At least this many chart containers (default 1). */
  readonly minCharts?: number;
  /** Viewport; default 1000 × 800. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Also print the page to an A4 PDF (print stylesheet applied) and count its pages. */
  readonly pdf?: boolean;
  /** How long to wait for the charts to render, in ms (default 20 000). */
  readonly timeout?: number;
  /**
   * Let the page load local files under this folder (scripts and styles beside it). Default none:
   * a page that must stand alone may request nothing but itself.
   */
  readonly allowFilesUnder?: string;
}

export interface ChartState {
  /** 'svg' or 'canvas' when the container holds one, 'none' otherwise. */
  readonly kind: 'svg' | 'canvas' | 'none';
  /** Drawn shapes (SVG) or painted pixels (canvas). */
  readonly marks: number;
  /** The container's name (data-chart, id or index), for messages. */
  readonly label: string;
}

export interface PageReport {
  readonly file: string;
  readonly consoleErrors: readonly string[];
  /** Every request the page made except for its own file (and allowed local files): all were refused. */
  readonly requests: readonly string[];
  readonly charts: readonly ChartState[];
  readonly minCharts: number;
  readonly screenshot: string;
  readonly pdf?: { readonly file: string; readonly pages: number };
}

/** Opens `check.file` offline in a fresh page and reports what happened. */
export async function checkPage(browser: Browser, check: PageCheck): Promise<PageReport> {
  const url = pathToFileURL(resolve(check.file)).href;
  const allowed = check.allowFilesUnder === undefined ? undefined : pathToFileURL(`${resolve(check.allowFilesUnder)}/`).href;
  const context = await browser.newContext({ viewport: check.viewport ?? { width: 1000, height: 800 }, offline: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  await page.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested === url || (allowed !== undefined && requested.startsWith(allowed))) return route.continue();
    requests.push(requested);
    return route.abort();
  });
  const selector = check.chartSelector ?? '[data-chart], .chart';
  const minCharts = check.minCharts ?? 1;
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Charts drawn by script (vega-embed) appear after load: wait until every container has marks.
    await page
      .waitForFunction(
        ({ sel, min }) => {
          const boxes = [...document.querySelectorAll(sel)];
          return boxes.length >= min && boxes.every((b) => b.querySelector('svg path, svg text, svg rect, canvas') !== null);
        },
        { sel: selector, min: minCharts },
        { timeout: check.timeout ?? 20_000 },
      )
      .catch(() => undefined);
    const charts = await page.evaluate((sel) => {
      const shapes = 'path, rect, circle, ellipse, line, polyline, polygon, text, image';
      return [...document.querySelectorAll(sel)].map((box, i) => {
        const label = box.getAttribute('data-chart') || box.id || String(i);
        const svg = box.querySelector('svg');
        if (svg) return { kind: 'svg' as const, marks: svg.querySelectorAll(shapes).length, label };
        const canvas = box.querySelector('canvas') as PageCanvas | null;
        if (!canvas || canvas.width === 0 || canvas.height === 0) return { kind: 'none' as const, marks: 0, label };
        // Painted pixels: those differing from the top-left (background) pixel.
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d');
        if (!ctx) return { kind: 'canvas' as const, marks: 0, label };
        ctx.drawImage(canvas, 0, 0);
        const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
        let painted = 0;
        for (let p = 4; p < data.length; p += 4) if (data[p] !== data[0] || data[p + 1] !== data[1] || data[p + 2] !== data[2] || data[p + 3] !== data[3]) painted++;
        return { kind: 'canvas' as const, marks: painted, label };
      });
    }, selector);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const screenshot = join(SCREENSHOTS, `${check.name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    let pdf: PageReport['pdf'];
    if (check.pdf) {
      const file = join(SCREENSHOTS, `${check.name}.pdf`);
      const bytes = await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
      // Each page of Chromium's PDF is one /Type /Page object.
      pdf = { file, pages: (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length };
    }
    return { file: check.file, consoleErrors, requests, charts, minCharts, screenshot, ...(pdf ? { pdf } : {}) };
  } finally {
    await context.close();
  }
}

/** Everything wrong with a page, one sentence each (empty when it is clean). */
export function pageProblems(report: PageReport): string[] {
  const problems = [
    ...report.consoleErrors.map((e) => `console error: ${e}`),
    ...report.requests.map((r) => `network request (refused): ${r}`),
  ];
  if (report.charts.length < report.minCharts) problems.push(`${report.charts.length} chart containers, expected at least ${report.minCharts}`);
  for (const c of report.charts) if (c.kind === 'none' || c.marks === 0) problems.push(`chart ${c.label}: no rendered ${c.kind === 'none' ? 'SVG or canvas' : `marks in its ${c.kind}`}`);
  return problems;
}
