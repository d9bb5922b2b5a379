/**
 * Every notebook page in a real browser: each notebook is run (quick counts) into a temporary
 * folder, and its page opened offline in headless Chromium — no console error, no network request,
 * every chart box drawn by vega-embed; full-page screenshots in out/screenshots/notebook-<id>.png.
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
      for (const [id, files] of written) {
        // Moved alone into an empty folder: the page must not need anything beside it.
        const alone = join(dir, 'alone', id);
        mkdirSync(alone, { recursive: true });
        copyFileSync(files.html, join(alone, `${id}.html`));
        charts.set(id, files.pngs.length);
        reports.set(id, await checkPage(browser, { file: join(alone, `${id}.html`), name: `notebook-${id}`, minCharts: files.pngs.length, pdf: true }));
      }
    });
  }, 240_000);

  for (const { id } of NOTEBOOKS) {
    it(`${id}: opens alone and offline, every chart drawn by vega-embed, no error, no request`, () => {
      const r = reports.get(id)!;
      expect(pageProblems(r)).toEqual([]);
      expect(r.charts).toHaveLength(charts.get(id)!);
      expect(r.charts.every((c) => c.kind === 'svg' && c.marks > 10), JSON.stringify(r.charts)).toBe(true);
      expect(r.pdf?.pages).toBeGreaterThan(1);
    });
  }
});
