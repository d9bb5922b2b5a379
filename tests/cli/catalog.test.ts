import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { displayWidth, renderTable } from '../../src/cli/table.js';
import { indicatorIds } from '../../src/catalog/index.js';

function capture(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: process.cwd() },
    out: () => out,
    err: () => err,
  };
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('hzsim catalog --json', () => {
  it('prints every indicator with the documented fields', async () => {
    const { code, out, err } = await run('catalog', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    expect(parsed.map((i) => i.id)).toEqual([...indicatorIds]);
    for (const i of parsed) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'name', 'unit', 'domain', 'direction', 'bounds', 'baseline', 'source', 'targets']));
    }
    const employee = parsed.find((i) => i.id === 'insurance.medical.urban-employee');
    expect(employee?.baseline).toEqual({ year: 2010, value: 93.66 });
    expect(employee?.source).toMatchObject({ line: 45, quote: '城镇职工和城居医保覆盖面分别达到93.66％和94.57％' });
    const approvals = parsed.find((i) => i.id === 'administration.approval-items');
    expect(approvals?.baselineProvenance).toMatchObject({ kind: 'assumption' });
    expect(approvals?.targets).toEqual([expect.objectContaining({ kind: 'change', change: -0.2, relative: true })]);
  });

  it('--domain filters', async () => {
    const { code, out } = await run('catalog', '--json', '--domain', 'education');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { id: string; domain: string }[];
    expect(parsed).toHaveLength(8);
    expect(new Set(parsed.map((i) => i.domain))).toEqual(new Set(['education']));
  });
});

describe('hzsim catalog (table)', () => {
  it('shows zh names by default with qualifiers as ≥ ≈ >, and en names with --lang en', async () => {
    const zh = await run('catalog', '--domain', 'insurance');
    expect(zh.code).toBe(0);
    const row = zh.out.split('\n').find((l) => l.startsWith('insurance.medical.rural-cooperative'));
    expect(row).toMatch(/^insurance\.medical\.rural-cooperative\s+新农合参合率\s+≥99\s+%\s+insurance\s+45$/);
    expect(zh.out).not.toContain('urbanisation.rate');
    const en = await run('catalog', '--lang', 'en');
    expect(en.out).toMatch(/administration\.car-reform\.cost-saving\s+Official-car reform: fall in car spending\s+≈30/);
    expect(en.out).toMatch(/community\.civil-organisations\s+.*>1860/);
    expect(en.out).toMatch(/urbanisation\.hukou-rate\s+.*151\*\s+↑2015/);
    expect(en.out).toContain('milestone_hzbank_listing_year');
  });

  it('aligns columns by display width (CJK counts two columns)', async () => {
    const { out } = await run('catalog', '--domain', 'education');
    const lines = out.split('\n').filter((l) => l.startsWith('education.'));
    expect(lines).toHaveLength(8);
    // The value column is right-aligned: its end falls at the same display column on every row.
    const valueEnds = lines.map((l) => {
      const m = /^(\S+\s+\S+\s+\S+)/.exec(l);
      return displayWidth(m?.[1] ?? '');
    });
    expect(new Set(valueEnds).size).toBe(1);
  });

  it('renderTable pads by display width', () => {
    expect(displayWidth('城镇化率')).toBe(8);
    expect(displayWidth('93.66％')).toBe(7);
    expect(displayWidth('≥99')).toBe(3);
    expect(renderTable(['a', 'b'], [['城镇', 'x'], ['ab', 'y']])).toBe('a     b\n────  ─\n城镇  x\nab    y\n');
  });
});

describe('hzsim catalog: bad input exits 2', () => {
  it('unknown domain names the bad value, the valid list and a suggestion', async () => {
    const { code, out, err } = await run('catalog', '--domain', 'educaton');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("--domain: unknown domain 'educaton'; did you mean 'education'?");
    expect(err).toContain('expected one of: integration, urbanisation, land, insurance, education');
  });

  it('unknown language', async () => {
    const { code, err } = await run('catalog', '--lang', 'fr');
    expect(code).toBe(2);
    expect(err).toContain("unknown language 'fr'");
  });

  it('unknown flag', async () => {
    const { code, err } = await run('catalog', '--domian', 'land');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '--domian'/);
  });

  it('--help exits 0 and lists the options', async () => {
    const { code, out } = await run('catalog', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--domain <domain>');
    expect(out).toContain('--json');
  });
});
