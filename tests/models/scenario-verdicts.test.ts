/**
 * What the bundled scenarios and a no-effort scenario show when judged (deterministic runs): the
 * orderings the mechanisms imply, not fixed numbers. The plan asks more than trend delivers, more
 * effort judges better, and without any reform effort the hukou gap widens.
 */
import { describe, expect, it } from 'vitest';
import { params } from '../../src/params/index.js';
import { createRunnerContext, runScenario, type AttainmentRow, type ScenarioResult } from '../../src/runner/index.js';
import { loadScenarios, type ResolvedScenario } from '../../src/scenario/index.js';

const context = createRunnerContext();
const [trend, plan, accelerated, stalled, hukouFirst] = loadScenarios(['trend', 'plan', 'accelerated', 'stalled', 'hukou-first']) as ResolvedScenario[];
const run = (s: ResolvedScenario): ScenarioResult => runScenario(s, { context, ...(trend ? { reference: trend } : {}) });
const onTrack = (r: ScenarioResult): number => r.attainment.filter((a) => a.class === 'on-track' || a.class === 'met').length;
const row = (r: ScenarioResult, target: string): AttainmentRow => {
  const found = r.attainment.find((a) => a.target === target);
  if (!found) throw new Error(`no target ${target}`);
  return found;
};

const noEffort: ResolvedScenario = {
  id: 'no-effort',
  title: { zh: '无改革力度', en: 'No reform effort' },
  description: null,
  file: '<memory>',
  hash: '',
  chain: ['no-effort'],
  parameters: Object.fromEntries(params.filter((p) => p.effort).map((p) => [p.id, p.range.min])),
  uncertainty: {},
  montecarlo: null,
  targets: [],
};

describe('judging the bundled scenarios', () => {
  const results = { trend: run(trend as ResolvedScenario), plan: run(plan as ResolvedScenario), accelerated: run(accelerated as ResolvedScenario), stalled: run(stalled as ResolvedScenario) };

  it('more effort is on track for more targets: stalled ≤ plan < accelerated, and trend < plan', () => {
    expect(onTrack(results.trend)).toBeLessThan(onTrack(results.plan));
    expect(onTrack(results.stalled)).toBeLessThanOrEqual(onTrack(results.plan));
    expect(onTrack(results.plan)).toBeLessThan(onTrack(results.accelerated));
  });

  it('the plan is better than trend on the hukou gap, and hukou-first better still (additionality, in the target’s direction)', () => {
    const gap = (r: ScenarioResult): AttainmentRow => row(r, 'urbanisation.hukou-gap.narrow');
    expect(gap(results.plan).versusTrend).toBe('better');
    const first = run(hukouFirst as ResolvedScenario);
    expect(gap(first).additionality).toBeLessThan(gap(results.plan).additionality ?? 0);
    expect(gap(results.trend).versusTrend).toBe('reference');
  });
});

describe('every policy-effort lever at zero', () => {
  const result = run(noEffort);

  it('the hukou gap moves away from its target, and urbanisation and the hukou rate progress less than under the plan', () => {
    const plan_ = run(plan as ResolvedScenario);
    expect(row(result, 'urbanisation.hukou-gap.narrow').class).toBe('moving-away');
    for (const target of ['urbanisation.rate.rise', 'urbanisation.hukou-rate.rise']) {
      expect(row(result, target).projected ?? NaN, target).toBeLessThan(row(plan_, target).projected ?? NaN);
      expect(row(result, target).versusTrend, target).toBe('worse');
    }
  });

  it('converts nobody through the reform channels and spends nothing on discretionary measures', () => {
    const at2015 = (id: string): number => result.rows.find((r) => r.output === id && r.year === 2015)?.value ?? NaN;
    expect(at2015('population.reform-citizens')).toBe(0);
    expect(at2015('land.quota_traded')).toBe(0);
  });
});
