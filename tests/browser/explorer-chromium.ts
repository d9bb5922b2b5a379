/**
 * Headless Chromium for the explorer's browser test and benchmark (playwright-core driving the
 * system's Chromium; no browser download). A page is opened from disk and watched: every console
 * error, uncaught exception and network request (anything but the page file itself, data: and
 * blob: URLs) is collected, so a check can fail on any of them.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HZSIM_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser checks cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium not found at ${CHROMIUM_PATH} (install the Debian package 'chromium', or set HZSIM_CHROMIUM): browser checks skipped`;
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, page errors and network requests seen so far. */
  readonly problems: string[];
}

/** Opens `file` offline at the given viewport, collecting every problem from the start. */
export async function openWatched(browser: Browser, file: string, viewport: { width: number; height: number }, hash = ''): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, offline: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.split('#')[0] !== url && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`network request: ${u}`);
  });
  await page.goto(url + hash);
  return { context, page, problems };
}
