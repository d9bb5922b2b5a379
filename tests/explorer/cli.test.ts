import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PAGE_IDS } from '../../src/explorer/page-ids.js';
import type { ExplorerData } from '../../src/explorer/data.js';

let dir = '';
const io = (): CliIO & { out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd: dir };
};

/** The data a written page embeds (as the page's script reads it). */
function embedded(html: string): ExplorerData {
  const open = `<script type="application/json" id="${PAGE_IDS.data}">`;
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start))) as ExplorerData;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzsim-explore-cli-'));
  writeFileSync(
    join(dir, 'mine.yaml'),
    ['id: mine', 'title: {zh: "我的</script><!--情景", en: Mine}', 'parameters:', '  quota_trade_share: 40', 'targets:', '  - {indicator: urbanisation.rate, year: 2018, level: 78, comparator: ">="}', ''].join('\n'),
  );
});

describe('hzsim explore', () => {
  it('writes one offline page: the bundled scenarios, starting from the plan, both horizons, the plan’s targets', async () => {
    const r = io();
    expect(await main(['explore', '--out', 'page/explorer.html'], r), r.err.join('')).toBe(0);
    const html = readFileSync(join(dir, 'page/explorer.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    // The page's own markup loads nothing: no src or href outside the inlined scripts.
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/\s(src|href)=/);
    expect(markup.match(/<script/g)).toHaveLength(2);
    const data = embedded(html);
    expect(data.scenarios.map((s) => s.id)).toEqual(['trend', 'plan', 'as-happened', 'accelerated', 'stalled', 'hukou-first', 'land-first', 'insurance-first']);
    expect([data.start, data.references, data.lang]).toEqual(['plan', ['trend', 'plan'], 'zh']);
    expect(data.horizons.map((h) => h.years.at(-1))).toEqual([2015, 2020]);
    expect(data.planTargets.length).toBeGreaterThan(20);
    expect(r.out.join('')).toMatch(/^wrote page\/explorer\.html \(\d\.\d MB; 8 starting scenarios; opens offline\)\n$/);
  });

  it('starts from the scenarios given, keeps trend and plan for comparison, and survives </script> in a title', async () => {
    const r = io();
    expect(await main(['explore', 'mine.yaml', '--lang', 'en'], r), r.err.join('')).toBe(0);
    const data = embedded(readFileSync(join(dir, 'explorer.en.html'), 'utf8'));
    expect(data.scenarios.map((s) => s.id)).toEqual(['mine', 'trend', 'plan']);
    expect([data.start, data.lang]).toEqual(['mine', 'en']);
    expect(data.scenarios[0]?.title.zh).toBe('我的</script><!--情景');
    // A 2018 target is kept: the page runs to 2020 too.
    expect(data.scenarios[0]?.targets.map((t) => [t.id, t.year])).toEqual([['scenario.mine.1', 2018]]);
  });

  it('reports every bad option at once, exit 2, and writes nothing', async () => {
    const r = io();
    expect(await main(['explore', 'missing.yaml', '--lang', 'fr', '--out', 'bad.html'], r)).toBe(2);
    expect(r.err.join('')).toBe("hzsim: 1 problem(s):\n<cli>: --lang: got 'fr' — expected zh or en\n");
    const s = io();
    expect(await main(['explore', 'missing.yaml', '--out', 'bad.html'], s)).toBe(2);
    expect(s.err.join('')).toBe('hzsim: 1 problem(s):\nmissing.yaml: cannot read the file: no such file\n');
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });
});
