/**
 * Every notebook page in a real browser: each notebook is run (quick counts) into a temporary
 * folder, and its page opened offline in headless Chromium — no console error, no network request,
 * every chart box drawn by vega-embed; full-page screenshots in out/screenshots/notebook-<id>.png
 * (and the first page printed to an A4 PDF beside them).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS, runAll } from '../../notebooks/all.js';
import { checkPage, chromium, pageProblems, withBrowser, type PageReport } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-notebook-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!chromium)('notebook pages in headless Chromium', () => {
  const reports = new Map<string, PageReport>();
  const charts = new Map<string, number>();

  beforeAll(async () => {
    const written = await runAll(dir, { quick: true, log: () => {} });
    await withBrowser(async (browser) => {
      const pages = [...written].map(([id, files]) => {
        // Moved alone into an empty folder: the page must not need anything beside it.
        const alone = join(dir, 'alone', id);
        mkdirSync(alone, { recursive: true });
        copyFileSync(files.html, join(alone, `${id}.html`));
        charts.set(id, files.pngs.length);
        return { id, file: join(alone, `${id}.html`), minCharts: files.pngs.length };
      });
      // Two pages at a time (each in its own offline context); every page prints with the report
      // document's stylesheet, so one PDF is enough to check it.
      for (let i = 0; i < pages.length; i += 2) {
        const batch = pages.slice(i, i + 2);
        const done = await Promise.all(batch.map((p) => checkPage(browser, { file: p.file, name: `notebook-${p.id}`, minCharts: p.minCharts, pdf: p.id === NOTEBOOKS[0]?.id })));
        batch.forEach((p, j) => reports.set(p.id, done[j]!));
      }
    });
  }, 240_000);

  for (const { id } of NOTEBOOKS) {
    it(`${id}: opens alone and offline, every chart drawn by vega-embed, no error, no request`, () => {
      const r = reports.get(id)!;
      expect(pageProblems(r)).toEqual([]);
      expect(r.charts).toHaveLength(charts.get(id)!);
      expect(r.charts.every((c) => c.kind === 'svg' && c.marks > 10), JSON.stringify(r.charts)).toBe(true);
      if (id === NOTEBOOKS[0]?.id) expect(r.pdf?.pages).toBeGreaterThan(1);
    });
  }
});
