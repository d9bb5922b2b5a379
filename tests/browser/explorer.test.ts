/**
 * The explorer page in headless Chromium, offline: a slider moved by keyboard changes a chart's
 * data and an attainment cell; the downloaded scenario, run by `hzsim run`, gives the page's
 * numbers to 1e-9 (deterministic and Monte Carlo); a reload from the URL hash restores the state;
 * the language switch works; and no console error or network request happens at any point.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleExplorerPage } from '../../scripts/build-explorer.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { explorerHtml } from '../../src/explorer/assemble.js';
import { pageText } from '../../src/explorer/strings.js';
import type { ResultRow, ScenarioResult } from '../../src/runner/types.js';
import { bundledExplorerData } from '../explorer/fixture.js';
import { chromiumMissing, launchChromium, openWatched, type WatchedPage } from './explorer-chromium.js';

const missing = chromiumMissing();
if (missing) console.warn(missing);

const dir = mkdtempSync(join(tmpdir(), 'hzsim-explorer-browser-'));
const pageFile = join(dir, 'explorer.html');
let browser: Browser;

const io = (): CliIO & { out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd: dir };
};

const idle = (page: Page): Promise<void> => page.evaluate(async () => window.hzsimExplorer?.whenIdle());
const explored = (page: Page): Promise<ScenarioResult> =>
  page.evaluate(() => {
    const r = window.hzsimExplorer?.currentResults()?.explored;
    if (!r) throw new Error('no results');
    return JSON.parse(JSON.stringify(r)) as ScenarioResult;
  });
/** The chart's rows that carry a series (scenario lines, or the fan's bands and median). */
const chartRows = (page: Page, indicator: string): Promise<Record<string, unknown>[]> =>
  page.evaluate((id) => {
    const sets = Object.values(window.hzsimExplorer?.chartDatasets(id) ?? {});
    const rows = sets.filter((rows) => rows.some((r) => r !== null && typeof r === 'object' && ('scenario' in r || 'series' in r))).flat();
    return JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[];
  }, indicator);
const cell = (page: Page, target: string, scenario: string): Promise<{ cls: string | null; p: string | null }> =>
  page.$eval(`td[data-target="${target}"][data-scenario="${scenario}"]`, (td) => ({ cls: td.getAttribute('data-class'), p: td.getAttribute('data-probability') }));

/** Saves the page's "download scenario" file and runs `hzsim run` on it; returns its results.json scenario. */
async function downloadAndRun(page: Page, name: string, until?: number, runArgs: readonly string[] = []): Promise<{ file: string; result: RunJson }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载情景|Download scenario/ }).click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  const untilArgs = until === undefined ? [] : ['--until', String(until)];
  const v = io();
  expect(await main(['validate', file, ...untilArgs], v), v.err.join('')).toBe(0);
  const r = io();
  const out = join(dir, `${name}.out`);
  expect(await main(['run', file, ...untilArgs, ...runArgs, '--out', out], r), r.err.join('')).toBe(0);
  return { file, result: runJson(out) };
}

const runJson = (out: string): RunJson => (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scenarios: RunJson[] }).scenarios[0] as RunJson;

interface RunJson {
  readonly id: string;
  readonly mode: string;
  readonly years: number[];
  readonly outputs: { id: string; statistics: Record<string, (number | null)[]> }[];
  /** The runner's attainment rows (without the scenario id), every field as results.json writes it. */
  readonly attainment: Record<string, unknown>[];
}

/** Every number of the page's result equals hzsim run's to 1e-9 (relative), and every class and P(met) is the same. */
function expectSameNumbers(page: ScenarioResult, run: RunJson): void {
  expect(run.id).toBe(page.scenario.id);
  expect(run.mode).toBe(page.mode);
  const byKey = new Map<string, number>();
  for (const o of run.outputs) {
    for (const [stat, values] of Object.entries(o.statistics)) values.forEach((v, y) => v !== null && byKey.set(`${o.id}|${run.years[y]}|${stat}`, v));
  }
  expect(page.rows.length).toBe(byKey.size);
  const off = page.rows.filter((row: ResultRow) => {
    const v = byKey.get(`${row.output}|${row.year}|${row.statistic}`);
    return v === undefined || Math.abs(v - row.value) > 1e-9 * Math.max(1, Math.abs(v));
  });
  expect(off).toEqual([]);
  // Every field of every attainment row (class, projected, gap, P(met), and whatever the runner
  // adds); results.json writes numbers to 10–12 decimals.
  expect(page.attainment.map((a) => a.target)).toEqual(run.attainment.map((a) => a.target));
  const differing = run.attainment.flatMap((row, i) => {
    const mine = page.attainment[i] as unknown as Record<string, unknown>;
    return Object.entries(row).filter(([k, v]) =>
      typeof v === 'number' ? !(Math.abs((mine[k] as number) - v) <= 1e-9 * Math.max(1, Math.abs(v))) : JSON.stringify(mine[k]) !== JSON.stringify(v),
    ).map(([k, v]) => `${String(row.target)}.${k}: page ${JSON.stringify(mine[k])}, hzsim run ${JSON.stringify(v)}`);
  });
  expect(differing).toEqual([]);
}

describe.skipIf(missing !== null)('the explorer page in Chromium', () => {
  let watched: WatchedPage;

  beforeAll(async () => {
    writeFileSync(pageFile, explorerHtml(bundledExplorerData(), await bundleExplorerPage()));
    browser = await launchChromium();
    watched = await openWatched(browser, pageFile, { width: 1280, height: 900 });
    await watched.page.waitForFunction(() => window.hzsimExplorer?.lastUpdate != null, null, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const target = 'administration.approval-items.cut-20pct';

  it('moves a slider by keyboard: the chart data and the attainment cell change, and equal hzsim run of the downloaded scenario', async () => {
    const { page } = watched;
    const before = await chartRows(page, 'administration.approval-items');
    expect(await cell(page, target, 'plan-explored')).toEqual({ cls: 'on-track', p: null });

    // The plan's 0.04463 sits between slider steps of 0.002: the first step down lands on 0.042.
    await page.evaluate(() => window.hzsimExplorer?.focusLever('approval_reduction_rate'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lever-approval_reduction_rate');
    await page.keyboard.press('ArrowLeft');
    await idle(page);
    expect(await page.evaluate(() => window.hzsimExplorer?.currentState().overrides)).toEqual({ approval_reduction_rate: 0.042 });

    const after = await chartRows(page, 'administration.approval-items');
    expect(after).not.toEqual(before);
    // 100 · e^(−0.042 · 5) = 81.06: short of 80 by 2015, progress ratio 18.94 / 20 = 0.947 < 0.95.
    const mine = after.filter((r) => r.scenario === '规划如期实施 · 调整后');
    expect(mine.find((r) => r.year === 2015)?.value).toBeCloseTo(100 * Math.exp(-0.042 * 5), 1);
    expect(await cell(page, target, 'plan-explored')).toEqual({ cls: 'moderate', p: null });
    expect(await cell(page, target, 'plan')).toEqual({ cls: 'on-track', p: null });

    const result = await explored(page);
    const { result: run } = await downloadAndRun(page, 'plan-explored.yaml');
    expectSameNumbers(result, run);
    // What the chart draws is what hzsim run computes.
    const runSeries = run.outputs.find((o) => o.id === 'administration.approval-items')?.statistics.value ?? [];
    mine.forEach((r, i) => expect(r.value).toBeCloseTo(runSeries[i] ?? NaN, 9));
    expect(watched.problems).toEqual([]);
  });

  it('reloads from the URL hash into the same state and numbers', async () => {
    const { page } = watched;
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toBe('#from=plan&set.approval_reduction_rate=0.042');
    const before = await explored(page);
    await page.reload();
    await page.waitForFunction(() => window.hzsimExplorer?.lastUpdate != null);
    await idle(page);
    expect(await explored(page)).toEqual(before);
    expect(await page.inputValue('#lever-approval_reduction_rate')).toBe('0.042');
    expect(await cell(page, target, 'plan-explored')).toEqual({ cls: 'moderate', p: null });
    expect(watched.problems).toEqual([]);
  });

  it('under Monte Carlo shows fans and P(met), identical to hzsim run with the same runs and seed (to 2020)', async () => {
    const { page } = watched;
    await page.getByLabel('2020年').check();
    await page.getByLabel(/本情景的不确定性/).check();
    await page.fill('#mc-runs', '60');
    await page.press('#mc-runs', 'Enter');
    await page.locator('#mc-runs').blur();
    await idle(page);
    const result = await explored(page);
    expect([result.mode, result.runs, result.seed, result.years.at(-1)]).toEqual(['montecarlo', 60, 2011, 2020]);
    const fan = await chartRows(page, 'administration.approval-items');
    expect(new Set(fan.map((r) => r.series))).toEqual(new Set(['90% 区间（P5–P95）', '50% 区间（P25–P75）', '中位数']));
    const p = Number((await cell(page, target, 'plan-explored')).p);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // The drawn lever's slider is locked: the draw decides its value.
    expect(await page.isDisabled('#lever-approval_reduction_rate')).toBe(true);

    const { result: run } = await downloadAndRun(page, 'plan-explored-mc.yaml', 2020);
    expectSameNumbers(result, run);
    expect(watched.problems).toEqual([]);
  });

  it('draws every assumption when "all" is chosen by keyboard: fans, and P(met) equal to hzsim run --uncertainty all', async () => {
    const { page } = watched;
    // Where the Monte Carlo test left the page (set again, so this test also runs alone).
    await page.evaluate(() => (location.hash = '#from=plan&until=2020&mc=scenario&runs=60&set.approval_reduction_rate=0.042'));
    await expect.poll(() => page.evaluate(() => window.hzsimExplorer?.currentState().uncertainty)).toBe('scenario');
    await idle(page);
    // The radio group is operated like any other: focus the current choice, arrow to the next.
    await page.focus('input[name=mc][value=scenario]');
    await page.keyboard.press('ArrowRight');
    await idle(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('all');
    expect(await page.getByLabel(/全部假设的不确定性/).isChecked()).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#from=plan&until=2020&mc=all&runs=60&set.approval_reduction_rate=0.042');
    const result = await explored(page);
    expect([result.mode, result.uncertainty?.mode, result.runs, result.seed]).toEqual(['montecarlo', 'all', 60, 2011]);
    const drawn = (await page.evaluate(() => window.hzsimExplorer?.currentResults()?.drawn)) ?? {};
    expect(result.uncertainty?.levers).toEqual(Object.keys(drawn).sort());
    const fan = await chartRows(page, 'integration.level');
    expect(new Set(fan.map((r) => r.series))).toEqual(new Set(['90% 区间（P5–P95）', '50% 区间（P25–P75）', '中位数']));
    // The fan is drawn: its bands are in the chart's SVG, not only in its data.
    const svg = await page.evaluate(() => window.hzsimExplorer?.chartSvg('integration.level'));
    const bands = [...(svg ?? '').matchAll(/<g class="mark-area role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].map((m) => m[1] ?? '');
    expect(bands.filter((g) => /<path [^>]*d="M/.test(g)).length).toBeGreaterThanOrEqual(2);
    // The page says which command line reproduces it (a scenario file cannot ask for every assumption).
    expect(await page.locator('.reproduce code').textContent()).toBe('hzsim run plan-explored.yaml --until 2020 --uncertainty all');
    // An assumption's slider stays free (moving it fixes it); a delivery lever's stays locked to its draw.
    expect(await page.isDisabled('#lever-approval_reduction_rate')).toBe(true);
    expect(await page.isDisabled('#lever-birth_rate')).toBe(false);

    const p = Number((await cell(page, target, 'plan-explored')).p);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // The same settings on the command line: the bundled plan (the moved lever is a delivery lever, drawn anyway) …
    const r = io();
    const out = join(dir, 'plan-all.out');
    expect(await main(['run', 'plan', '--until', '2020', '--runs', '60', '--seed', '2011', '--uncertainty', 'all', '--out', out], r), r.err.join('')).toBe(0);
    const cliRow = runJson(out).attainment.find((a) => a.target === target);
    // results.json writes 10–12 decimals: compare the runs that met the target, exactly.
    expect(Math.round(Number(cliRow?.probability) * 60)).toBe(Math.round(p * 60));
    expect(Math.abs(Number(cliRow?.probability) - p)).toBeLessThanOrEqual(1e-9);
    // … and the downloaded file, every number.
    const { result: run } = await downloadAndRun(page, 'plan-explored-all.yaml', 2020, ['--uncertainty', 'all']);
    expectSameNumbers(result, run);

    // Moving an assumption by keyboard fixes it: it is no longer drawn, and its row says so.
    await page.evaluate(() => window.hzsimExplorer?.focusLever('birth_rate'));
    await page.keyboard.press('ArrowRight');
    await idle(page);
    const drawnAfter = (await page.evaluate(() => window.hzsimExplorer?.currentResults()?.drawn)) ?? {};
    expect(Object.keys(drawnAfter)).not.toContain('birth_rate');
    expect(Object.keys(drawnAfter).length).toBe(Object.keys(drawn).length - 1);
    expect(await page.locator('[data-lever="birth_rate"] .lever-drawn').textContent()).toBe(pageText('fixedByYou', 'zh'));
    expect(watched.problems).toEqual([]);
  });

  it('switches language and stays readable on a 768 px tablet', async () => {
    const tablet = await openWatched(browser, pageFile, { width: 768, height: 1024 }, '#from=land-first');
    const { page } = tablet;
    await page.waitForFunction(() => window.hzsimExplorer?.lastUpdate != null);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await idle(page);
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1')?.textContent])).toEqual([
      'en',
      'Hangzhou 12th Five-Year reform plan · scenario explorer',
    ]);
    expect(await page.evaluate(() => location.hash)).toBe('#from=land-first&lang=en');
    // Nothing wider than the screen: no sideways scrolling on the tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    // Every slider has a label a screen reader announces.
    const unlabelled = await page.$$eval('input[type=range]', (els) => els.filter((e) => (e as HTMLInputElement).labels?.length !== 1).map((e) => e.id));
    expect(unlabelled).toEqual([]);
    expect(tablet.problems).toEqual([]);
    await tablet.context.close();
  });
});
