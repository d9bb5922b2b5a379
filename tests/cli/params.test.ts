import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { params } from '../../src/params/index.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('hzsim params --json', () => {
  it('prints every lever with the documented fields (INTERFACES.md)', async () => {
    const { code, out, err } = await run('params', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    expect(parsed.map((p) => p.id)).toEqual(params.map((p) => p.id));
    for (const p of parsed) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'unit', 'default', 'range', 'source', 'provenance']));
    }
    const migrant = parsed.find((p) => p.id === 'hukou_conv_rate_migrant');
    expect(migrant).toMatchObject({
      unit: '1/year',
      default: 0.03,
      range: { min: 0, max: 0.3 },
      source: { line: 151, quote: '以农民工户籍入城作为户籍制度改革的突破口' },
      provenance: { kind: 'assumption' },
    });
    const population = parsed.find((p) => p.id === 'init_resident_population');
    expect(population).toMatchObject({ default: 8_700_373, source: null, provenance: { kind: 'external' } });
  });

  it('--domain filters the levers', async () => {
    const { code, out } = await run('params', '--json', '--domain', 'land');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { domain: string }[];
    expect(parsed.length).toBe(params.filter((p) => p.domain === 'land').length);
    expect(parsed.every((p) => p.domain === 'land')).toBe(true);
  });
});

describe('hzsim params (table)', () => {
  it('lists id, Chinese name, unit, default, range and provenance kind by default', async () => {
    const { code, out } = await run('params');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^编号\s+名称\s+单位\s+默认值\s+范围\s+规划行\s+默认值来源$/);
    const row = lines.find((l) => l.startsWith('hukou_pilot_start_year '));
    expect(row).toMatch(/户籍改革试点启动年份\s+year\s+2012\s+2011–2020\s+151\s+假设$/);
    expect(lines.find((l) => l.startsWith('init_resident_population '))).toMatch(/8700373\s+8600000–8800000\s+—\s+外部$/);
    expect(out).toContain(`共 ${params.length} 个参数`);
  });

  it('--lang en prints English names and provenance kinds', async () => {
    const { code, out } = await run('params', '--lang', 'en');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^id\s+name\s+unit\s+default\s+range\s+plan line\s+default from$/);
    expect(out.split('\n').find((l) => l.startsWith('milestone_hzbank_listing_year '))).toMatch(/Bank of Hangzhou listed \(year\)\s+year\s+2016\s+2011–2030\s+109\s+external$/);
  });

  it('rejects an unknown domain or language with exit code 2 and a message naming the option', async () => {
    const bad = await run('params', '--domain', 'lands');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain("<cli>: --domain: unknown domain 'lands'");
    expect(bad.err).toContain('land');
    const lang = await run('params', '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.err).toContain("--lang: unknown language 'fr'");
  });
});
