import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { OBSERVED_COLUMNS } from '../../src/data/observed.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out, err };
}

interface JsonRow {
  id: string;
  year: number;
  value: number;
  unit: string;
  stated: { value: string; unit: string };
  trust: string;
  role: string;
  sample: string;
  source: { title: string; url: string };
  quote: string;
  line: number;
}

describe('hzsim observed', () => {
  it('--json prints every row in model units with its provenance', async () => {
    const { code, out, err } = await run('observed', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as { file: string; lastFittedYear: number; rows: JsonRow[] };
    expect(parsed.file).toBe('data/observed/hangzhou.csv');
    expect(parsed.lastFittedYear).toBe(2013);
    const gdp2014 = parsed.rows.find((r) => r.id === 'economy.gdp' && r.year === 2014);
    expect(gdp2014).toMatchObject({ value: 9201.16, unit: '亿元', stated: { value: '9201.16', unit: '亿元' }, trust: 'A', role: 'primary', sample: 'out-of-sample' });
    expect(gdp2014?.quote).toContain('9201.16亿元');
    expect(gdp2014?.source.url).toMatch(/^http:\/\/www\.hangzhou\.gov\.cn\//);
  });

  it('--id filters and --lang en labels the table', async () => {
    const { code, out } = await run('observed', '--id', 'population.registered', '--lang', 'en');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^id\s+year\s+value\s+unit\s+as stated\s+trust\s+role\s+sample\s+source$/);
    expect(lines.filter((l) => l.startsWith('population.'))).toHaveLength(4);
    expect(out).toMatch(/population\.registered\s+2008\s+6776400\s+persons\s+6\.7764 million persons\s+A\s+primary\s+fit\s+Hangzhou official English portal/);
    expect(out).toContain('4 rows (3 primary, the rest corroboration); 2 primary rows up to 2013 may be fitted');
  });

  it('does not count figures the model cannot be compared with as fit material', async () => {
    // The provincial coordination score (2005, 2010) is recorded but marked not comparable.
    const { code, out } = await run('observed', '--id', 'integration.coordination-score', '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toContain('2 rows (2 primary, the rest corroboration); 0 primary rows up to 2013 may be fitted');
  });

  it('reports bad options together (exit 2)', async () => {
    const { code, out, err } = await run('observed', '--id', 'economy.gpd', '--lang', 'de');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("<cli>: --lang: unknown language 'de' — expected zh or en");
    expect(err).toContain("<cli>: --id: unknown observable 'economy.gpd'; did you mean 'economy.gdp'?");
  });

  describe('--file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzsim-observed-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('checks another file and reports its problems with line and column (exit 2, nothing on stdout)', async () => {
      const path = join(dir, 'bad.csv');
      writeFileSync(path, `${OBSERVED_COLUMNS.join(',')}\nurbanisation.rate,2011,70,万人,,,A,primary,T,http://x,城镇化率70,\n`);
      const { code, out, err } = await run('observed', '--file', path);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`hzsim: 1 problem(s):\n${path}: line 2, unit: unit '万人' converts to 人, but urbanisation.rate is measured in % — expected one of: %\n`);
    });

    it('a missing file is bad input, not a crash', async () => {
      const { code, err } = await run('observed', '--file', join(dir, 'none.csv'));
      expect(code).toBe(2);
      expect(err).toContain('none.csv: cannot read the file: no such file');
    });
  });
});
