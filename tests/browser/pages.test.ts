/**
 * The chart gallery and the briefing in a real browser: opened offline, no console error, no
 * network request, every chart rendered; screenshots (and the briefing's A4 PDF) in out/screenshots/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingFiles, chartFiles } from '../../src/cli/chart-files.js';
import { fixtureMonteCarlo, fixtureResults } from '../charts/fixture.js';
import { checkPage, chromium, pageProblems, withBrowser, type PageReport } from './browser.js';
import { bundledScenarioFiles } from '../../src/cli/commands/demo.js';
import { executeScenarios } from '../../src/cli/execute.js';
import type { CliIO } from '../../src/cli/io.js';
import { loadScenarios } from '../../src/scenario/index.js';

const langs = ['zh', 'en'] as const;
const dir = mkdtempSync(join(tmpdir(), 'hzsim-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!chromium)('pages in headless Chromium', () => {
  const reports = new Map<string, PageReport>();
  let galleryCharts = 0;

  beforeAll(async () => {
    // The demo's own glue, on the fixture: a deterministic and a Monte Carlo scenario.
    const results = [fixtureResults[0]!, fixtureMonteCarlo];
    const charts = await chartFiles(results, langs, ['svg', 'html']);
    galleryCharts = charts.figures.filter((f) => f.lang === 'zh').length;
    for (const [name, content] of [...charts.files, ...briefingFiles(results, langs, 'charts', charts.figures)]) {
      if (name.endsWith('.html')) writeFileSync(join(dir, name), content);
    }
    // The briefing moved on its own into an empty folder must still show its charts.
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    copyFileSync(join(dir, 'briefing.en.html'), join(alone, 'briefing.en.html'));
    await withBrowser(async (browser) => {
      for (const lang of langs) {
        reports.set(`charts.${lang}`, await checkPage(browser, { file: join(dir, `charts.${lang}.html`), name: `charts.${lang}`, minCharts: galleryCharts }));
        reports.set(`briefing.${lang}`, await checkPage(browser, { file: join(dir, `briefing.${lang}.html`), name: `briefing.${lang}`, minCharts: 5, pdf: true }));
      }
      reports.set('alone', await checkPage(browser, { file: join(alone, 'briefing.en.html'), name: 'briefing.en.moved', minCharts: 5 }));
    });
  }, 180_000);

  for (const lang of langs) {
    it(`chart gallery (${lang}): every chart drawn by vega-embed offline, no error, no request`, () => {
      const r = reports.get(`charts.${lang}`)!;
      expect(pageProblems(r)).toEqual([]);
      expect(r.charts).toHaveLength(galleryCharts);
      expect(r.charts.every((c) => c.kind === 'svg' && c.marks > 20)).toBe(true);
    });
    it(`briefing (${lang}): charts inlined and drawn, no error, no request, prints to A4`, () => {
      const r = reports.get(`briefing.${lang}`)!;
      expect(pageProblems(r)).toEqual([]);
      expect(r.pdf?.pages).toBeGreaterThan(2);
    });
  }

  it('briefing moved alone into an empty folder still shows every chart', () => {
    const r = reports.get('alone')!;
    expect(pageProblems(r)).toEqual([]);
    expect(r.charts.length).toBe(reports.get('briefing.en')!.charts.length);
  });

  it('the briefing of every bundled scenario fits the text column on screen and on A4: no table or paragraph wider than the body', async () => {
    const quiet: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: dir };
    const scenarios = loadScenarios(bundledScenarioFiles());
    const { results } = await executeScenarios(scenarios, { runs: 20, seed: 1, threads: 1, until: undefined }, quiet);
    const files = briefingFiles(results, langs, 'charts', []);
    // Elements whose right edge passes the body's content box, by tag and first words.
    const overflowing = `(() => {
      const body = document.body.getBoundingClientRect();
      const right = body.right - parseFloat(getComputedStyle(document.body).paddingRight) + 1;
      return [...document.querySelectorAll('table, p, li, h1, h2')].filter((e) => e.getBoundingClientRect().right > right).map((e) => e.tagName + ': ' + e.textContent.slice(0, 60));
    })()`;
    const found = await withBrowser(async (browser) => {
      const out: string[] = [];
      for (const lang of langs) {
        const file = join(dir, `briefing-all.${lang}.html`);
        writeFileSync(file, files.get(`briefing.${lang}.html`) ?? '');
        for (const media of ['screen', 'print'] as const) {
          // print: the A4 text width (210 mm less 2 × 15 mm margins) at 96 dpi
          const page = await browser.newPage({ viewport: { width: media === 'print' ? 680 : 900, height: 1000 } });
          await page.emulateMedia({ media });
          await page.goto(pathToFileURL(file).href);
          out.push(...((await page.evaluate(overflowing)) as string[]).map((t) => `${lang} ${media}: ${t}`));
          await page.close();
        }
      }
      return out;
    });
    expect(found).toEqual([]);
  }, 60_000);

  it('the check itself reports a missing chart, a console error and a refused request', async () => {
    const file = join(dir, 'broken.html');
    writeFileSync(file, '<!doctype html><title>x</title><div class="chart"></div><img src="https://example.invalid/a.png"><script>console.error("boom")</script>');
    const r = await withBrowser((b) => checkPage(b, { file, name: 'broken', timeout: 500 }));
    const problems = pageProblems(r);
    expect(problems).toContain('console error: boom');
    expect(problems).toContain('network request (refused): https://example.invalid/a.png');
    expect(problems, problems.join('; ')).toContain('chart 0: no rendered SVG or canvas');
  });
});
