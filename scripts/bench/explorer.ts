/**
 * `npm run bench:explorer`: how fast the explorer page answers a slider move, in headless
 * Chromium. The page is assembled from the current sources (bundle + bundled scenarios), opened
 * offline at 1280 × 900, and a lever is moved by keyboard (ArrowRight/ArrowLeft alternately);
 * the page times each update itself, from the input event to every chart and the attainment
 * matrix rendered ("update"), and to the animation frame that paints it ("to paint").
 * Reported, never asserted; writes out/bench-explorer.json. Never part of `npm test`.
 *
 *   npm run bench:explorer              4 and 8 charts deterministic, 4 charts under Monte Carlo
 *                                       (the scenario's uncertainty, and every assumption's)
 *   npm run bench:explorer -- --quick   fewer moves
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { bundledExplorerData } from '../../tests/explorer/fixture.js';
import { chromiumMissing, launchChromium, openWatched } from '../../tests/browser/explorer-chromium.js';
import { explorerHtml } from '../../src/explorer/assemble.js';
import { bundleExplorerPage } from '../build-explorer.js';

const quick = process.argv.includes('--quick');
const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(0);
}

const root = resolve(import.meta.dirname, '../..');
const cache = join(root, '.cache', 'bench');
mkdirSync(cache, { recursive: true });
const pageFile = join(cache, 'explorer.html');
const bundle = await bundleExplorerPage();
const html = explorerHtml(bundledExplorerData(), bundle);
writeFileSync(pageFile, html);

interface Timing {
  ms: number;
  frameMs: number;
  phases: { model: number; levers: number; charts: number; matrix: number };
}

const FRAME_MS = 1000 / 60;
const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
};

async function moves(page: Page, lever: string, count: number): Promise<Timing[]> {
  await page.evaluate((id) => window.hzsimExplorer?.focusLever(id), lever);
  const out: Timing[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.evaluate(() => window.hzsimExplorer?.whenIdle());
    const t = await page.evaluate(() => window.hzsimExplorer?.lastUpdate);
    if (t && i > 0) out.push(t); // the first move may re-mount a chart (a label side flips)
  }
  return out;
}

const browser = await launchChromium();
const report: Record<string, unknown> = { pageBytes: Buffer.byteLength(html), scriptBytes: bundle.script.length, cores: cpus().length, loadAverage: loadavg()[0] };
const rows: string[][] = [];
const cases: { name: string; hash: string; lever: string; n: number }[] = [
  { name: 'deterministic, 4 charts', hash: '', lever: 'approval_reduction_rate', n: quick ? 12 : 40 },
  {
    name: 'deterministic, 8 charts',
    hash: '#from=plan&show=integration.level,urbanisation.rate,urbanisation.hukou-gap,administration.approval-items,land.transfer-share,insurance.migrant-coverage,insurance.pension.residents,urbanisation.hukou-rate',
    lever: 'approval_reduction_rate',
    n: quick ? 12 : 40,
  },
  { name: 'Monte Carlo 200 runs, 4 charts', hash: '#from=plan&mc=scenario', lever: 'homestead_reclaim_rate', n: quick ? 6 : 20 },
  // Every assumption drawn (~110 levers); the lever moved has no assumed range, so each move draws the same set.
  { name: 'Monte Carlo 200 runs, every assumption, 4 charts', hash: '#from=plan&mc=all', lever: 'reform_projects_per_year', n: quick ? 6 : 20 },
];
for (const c of cases) {
  const watched = await openWatched(browser, pageFile, { width: 1280, height: 900 }, c.hash);
  await watched.page.waitForFunction(() => window.hzsimExplorer?.lastUpdate != null, null, { timeout: 120_000 });
  const timings = await moves(watched.page, c.lever, c.n);
  if (watched.problems.length > 0) throw new Error(`page problems: ${watched.problems.join('; ')}`);
  const ms = timings.map((t) => t.ms);
  const paint = timings.map((t) => t.frameMs);
  const phase = (k: keyof Timing['phases']): number => quantile(timings.map((t) => t.phases[k]), 0.5);
  const entry = {
    moves: timings.length,
    updateMsMedian: quantile(ms, 0.5),
    updateMsP90: quantile(ms, 0.9),
    toPaintMsMedian: quantile(paint, 0.5),
    framesToPaintMedian: quantile(paint, 0.5) / FRAME_MS,
    withinOneFrame: ms.filter((x) => x <= FRAME_MS).length / ms.length,
    phasesMedianMs: { model: phase('model'), levers: phase('levers'), charts: phase('charts'), matrix: phase('matrix') },
  };
  report[c.name] = entry;
  rows.push([
    c.name,
    entry.updateMsMedian.toFixed(1),
    entry.updateMsP90.toFixed(1),
    entry.toPaintMsMedian.toFixed(1),
    entry.framesToPaintMedian.toFixed(2),
    `${Math.round(entry.withinOneFrame * 100)}%`,
    `${entry.phasesMedianMs.model.toFixed(1)} / ${entry.phasesMedianMs.levers.toFixed(1)} / ${entry.phasesMedianMs.charts.toFixed(1)} / ${entry.phasesMedianMs.matrix.toFixed(1)}`,
  ]);
  await watched.context.close();
}
await browser.close();

const header = ['case', 'update ms (median)', 'p90', 'to paint ms', 'frames (60 Hz)', '≤ 1 frame', 'model / levers / charts / matrix ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: readonly string[]): string => r.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
console.log(`explorer page: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB (script ${(bundle.script.length / 1024).toFixed(0)} KB); ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`);
console.log([line(header), ...rows.map(line)].join('\n'));
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out', 'bench-explorer.json'), `${JSON.stringify(report, null, 2)}\n`);
