/**
 * The notebooks are runnable analyses; these tests execute each one into a temporary folder and
 * check what it concludes, so a notebook that stops working or starts saying something false fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, planTargets } from '../../src/index.js';
import { main as planAtAGlance } from '../../notebooks/01-plan-at-a-glance.js';
import { main as approvalsOdds } from '../../notebooks/02-approvals-target-odds.js';
import { main as hukouSensitivity } from '../../notebooks/03-hukou-gap-sensitivity.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-notebooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = (): void => {};

describe('notebook 01: the plan at a glance', () => {
  it('counts every indicator and target, and the plan cuts approvals by 20 % where the trend does not', async () => {
    const r = await planAtAGlance(join(dir, '01'), quiet);
    expect(Object.values(r.indicatorsByDomain).reduce((a, b) => a + b, 0)).toBe(catalog.length);
    expect(Object.values(r.targetsByKind).reduce((a, b) => a + b, 0)).toBe(planTargets.length);
    const approvals = r.change['administration.approval-items']!;
    expect(approvals.plan).toBeLessThanOrEqual(-20); // plan.yaml sets the even-pace rate −ln(0.8)/5
    expect(approvals.trend).toBeGreaterThan(-20);
    expect(readFileSync(join(dir, '01', 'comparison-integration.level.svg'), 'utf8')).toContain('城乡一体化');
  });
});

describe('notebook 02: odds of the −20 % approvals target', () => {
  it('goal-seeks the rate the closed form gives, and ranks the scenarios’ odds accelerated > plan > stalled', async () => {
    const r = await approvalsOdds(join(dir, '02'), 200, quiet);
    // 100·(1 − r/12)^60 = 80 under monthly Euler steps of continuous abolition.
    expect(r.goal.status).toBe('found');
    expect(r.requiredRate).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 8);
    expect(Math.abs(r.goal.achieved - 80)).toBeLessThan(1e-6);
    const p = r.probability;
    expect(p.accelerated).toBeGreaterThan(p.plan!);
    expect(p.plan).toBeGreaterThan(p.stalled!);
    expect(existsSync(join(dir, '02', 'fan-approvals-plan.svg'))).toBe(true);
  });
});

describe('notebook 03: hukou-gap sensitivity', () => {
  it('finds that faster conversion narrows the gap, agrees between OAT and Morris on the top lever, and writes both charts in both languages', async () => {
    const r = await hukouSensitivity(join(dir, '03'), quiet, 6);
    const swings = r.oat.outputs[0]!.swings;
    const swing = (id: string) => swings.find((s) => s.input === id)!;
    // More conversion to urban hukou → fewer town dwellers without it → a smaller gap.
    expect(swing('hukou_conv_rate_plan_area').high.result).toBeLessThan(swing('hukou_conv_rate_plan_area').low.result);
    // More rural people moving to towns without converting → a larger gap.
    expect(swing('rural_urban_move_rate').high.result).toBeGreaterThan(r.baseline);
    for (const s of swings) expect(Number.isFinite(s.low.result) && Number.isFinite(s.high.result)).toBe(true);
    expect(swings.some((s) => s.input.startsWith('init_'))).toBe(false);
    expect(r.morris.outputs[0]!.effects[0]!.input).toBe(swings[0]!.input);
    expect(readFileSync(join(dir, '03', 'tornado-hukou-gap.zh.svg'), 'utf8')).toContain('户籍');
    expect(readFileSync(join(dir, '03', 'tornado-hukou-gap.en.svg'), 'utf8')).toContain('hukou');
    expect(readFileSync(join(dir, '03', 'morris-hukou-gap.en.svg'), 'utf8')).toContain('Morris screening');
  });
});
