/**
 * The scenarios shipped in scenarios/: each validates against the real levers and catalog and
 * against the JSON Schema, says what it assumes, and the set spans what planners argue about.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { createRunnerContext } from '../../src/runner/hangzhou.js';
import { runScenario } from '../../src/runner/run.js';
import { checkScenarios, loadScenarios, type ResolvedScenario } from '../../src/scenario/index.js';

const DIR = join(process.cwd(), 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const EXPECTED = ['accelerated', 'as-happened', 'hukou-first', 'insurance-first', 'land-first', 'plan', 'stalled', 'trend'];

test('the eight bundled scenarios are there', () => {
  expect(files.map((f) => f.replace(/\.yaml$/, ''))).toEqual(EXPECTED);
});

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');

  test('starts with the schema line and a comment citing the plan lines it follows', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).toMatch(/[Ll]ines? \d+/);
    expect(header).toMatch(/Assumes/);
  });

  test('validates against the real levers and indicators, with no problem', () => {
    const [check] = checkScenarios([join(DIR, file)]);
    expect(check?.problems).toEqual([]);
    expect(check?.scenario?.id).toBe(file.replace(/\.yaml$/, ''));
  });

  test('matches the JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(DIR, 'scenario.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the set', () => {
  const byId = new Map<string, ResolvedScenario>(loadScenarios(files.map((f) => join(DIR, f))).map((s) => [s.id, s]));
  const get = (id: string): ResolvedScenario => byId.get(id)!;
  const rate = (id: string): number => get(id).parameters.approval_reduction_rate as number;

  test('trend is deterministic; plan, accelerated and stalled carry mixed uncertainty and 200 seeded runs', () => {
    expect(get('trend').uncertainty).toEqual({});
    expect(get('trend').montecarlo).toBeNull();
    for (const id of ['plan', 'accelerated', 'stalled']) {
      const s = get(id);
      expect(s.montecarlo).toEqual({ runs: 200, seed: 2011 });
      expect(new Set(Object.values(s.uncertainty).map((d) => d.dist)).size).toBeGreaterThanOrEqual(4);
    }
  });

  test('the focused scenarios, accelerated and stalled extend plan', () => {
    for (const id of ['hukou-first', 'land-first', 'insurance-first', 'accelerated', 'stalled']) expect(get(id).chain).toEqual(['plan', id]);
  });

  test("approvals: plan is line 251's −20 % in five years, accelerated in four, stalled at half the pace", () => {
    // The model abolishes items continuously: index(t) = 100·exp(−rate·t).
    expect(Math.exp(-5 * rate('plan'))).toBeCloseTo(0.8, 4);
    expect(Math.exp(-4 * rate('accelerated'))).toBeCloseTo(0.8, 3);
    expect(rate('stalled')).toBeCloseTo(rate('plan') / 2, 4);
    expect(rate('trend')).toBeLessThan(rate('stalled'));
  });

  test('stalled and accelerated land in different attainment classes for the −20 % target', () => {
    const context = createRunnerContext();
    const classOf = (id: string) =>
      runScenario(get(id), { context }).attainment.find((a) => a.target === 'administration.approval-items.cut-20pct')?.class;
    // Required change −20; stalled reaches about −10.6 (ratio 0.53 < 0.6), accelerated about −24.4.
    expect(classOf('stalled')).toBe('insufficient');
    expect(classOf('accelerated')).toBe('on-track');
    expect(classOf('plan')).toBe('on-track');
  });
});
