/**
 * Visual regression: every chart kind rendered to SVG in each language and compared with the
 * snapshot in __snapshots__/svg/. Numbers are rounded to two decimals (as Observable Plot's tests
 * do) and the package version masked, so only a change a reader could see fails the test. When one
 * differs, the new rendering is written beside the snapshot as `<kind>.<lang>-changed.svg` for a
 * person to open next to the old one; `npx vitest run -u` (or UPDATE_SNAPSHOTS=1) accepts it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/index.js';
import { chartFaces } from '../../src/charts/fonts.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { chartCases, LANGS } from './cases.js';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__', 'svg');

/** The SVG one element a line, numbers rounded to 2 decimals, the version masked. */
export function normaliseSvg(svg: string, version: string): string {
  return `${svg
    .split(`hzsim ${version}`)
    .join('hzsim <version>')
    .replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></g, '>\n<')}\n`;
}

/** Whether this run accepts changed renderings as the new snapshots. */
function updating(): boolean {
  const state = expect.getState() as unknown as { snapshotState?: { _updateSnapshot?: string } };
  return process.env.UPDATE_SNAPSHOTS === '1' || state.snapshotState?._updateSnapshot === 'all';
}

/** Compares with the stored snapshot; writes `-changed.svg` beside it and fails when they differ. */
function matchSvgSnapshot(name: string, svg: string): void {
  const file = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  const actual = normaliseSvg(svg, PACKAGE_VERSION);
  if (existsSync(file) && readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  if (updating() || (!existsSync(file) && !process.env.CI)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) expect.fail(`no SVG snapshot ${file} (CI does not write new snapshots; run the test locally and commit the file)`);
  writeFileSync(changed, actual);
  expect.fail(`${name}: the rendered SVG differs from ${file}; look at ${changed} beside it, and if the change is intended accept it with \`npx vitest run -u\``);
}

const noFace = chartFaces(() => undefined)?.source !== 'bundled';
if (noFace) console.warn('SVG snapshots skipped: they are taken with the bundled Noto Sans CJK (npm install @embedpdf/fonts-sc)');

describe.skipIf(noFace)('rendered SVG matches its snapshot', () => {
  for (const c of chartCases.filter((x) => x.snapshot !== false)) {
    for (const lang of LANGS) {
      it(`${c.kind} (${lang})`, async () => {
        matchSvgSnapshot(`${c.kind}.${lang}`, await renderSvg(c.build(lang, c.size)));
      });
    }
  }
});

describe('SVG normalisation', () => {
  it('rounds numbers to two decimals, masks the version and puts one element on a line', () => {
    expect(normaliseSvg('<g transform="translate(0.123456,-7.005)"><text>hzsim 1.2.3 · 2015</text></g>', '1.2.3')).toBe(
      '<g transform="translate(0.12,-7)">\n<text>hzsim <version> · 2015</text>\n</g>\n',
    );
  });
});
