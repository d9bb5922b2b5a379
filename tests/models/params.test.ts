/** The levers as data: ids, defaults within ranges, provenance of every default, plan quotes verbatim. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, isDomain, planTargets } from '../../src/catalog/index.js';
import { unitDims } from '../../src/engine/index.js';
import { defaultValue, getParam, isParamId, params } from '../../src/params/index.js';
import { compiled, valueIn } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const planPath = path.resolve(repoRoot, '../shared/seed/hangzhou-12th-fyp-reform-plan.zh.txt');
const plan = existsSync(planPath) ? readFileSync(planPath, 'utf8').split('\n') : null;

const scheduleValues = (v: (typeof params)[number]['default']): number[] => (typeof v === 'number' ? [v] : Object.values(v));

describe('levers', () => {
  it('have unique snake_case ids usable as mathjs symbols', () => {
    const ids = params.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(isParamId('hukou_conv_rate_migrant')).toBe(true);
    expect(isParamId('hukou_conv_rate_migrants')).toBe(false);
  });

  it('every default lies within its range, and integer levers are integers', () => {
    for (const p of params) {
      expect(p.range.min, p.id).toBeLessThanOrEqual(p.range.max);
      for (const v of scheduleValues(p.default)) {
        expect(v, p.id).toBeGreaterThanOrEqual(p.range.min);
        expect(v, p.id).toBeLessThanOrEqual(p.range.max);
        if (p.integer) expect(Number.isInteger(v), p.id).toBe(true);
      }
      if (p.integer) expect(Number.isInteger(p.range.min) && Number.isInteger(p.range.max), p.id).toBe(true);
    }
  });

  it('every lever has provenance: a plan line, a citation or a reason', () => {
    for (const p of params) {
      const prov = p.provenance;
      if (prov.kind === 'plan') expect(prov.quote.length, p.id).toBeGreaterThan(0);
      else if (prov.kind === 'external') expect(prov.citation.length, p.id).toBeGreaterThan(20);
      else expect(prov.reason.length, p.id).toBeGreaterThan(20);
      expect(p.description.zh.length, p.id).toBeGreaterThan(0);
      expect(p.description.en.length, p.id).toBeGreaterThan(0);
      expect(isDomain(p.domain), p.id).toBe(true);
      expect(() => unitDims(p.unit, p.id)).not.toThrow();
    }
  });

  it.runIf(plan !== null)('every plan quote stands verbatim on the cited line', () => {
    const lines = plan as string[];
    for (const p of params) {
      const quotes = [p.source, p.provenance.kind === 'plan' ? p.provenance : null].filter((q) => q !== null);
      for (const q of quotes) expect(lines[q.line - 1], `${p.id}: line ${q.line}`).toContain(q.quote);
    }
  });

  it('includes the four milestone levers, as integer years, that the plan’s milestone targets name', () => {
    for (const t of planTargets) {
      if (t.kind !== 'milestone') continue;
      expect(isParamId(t.completionParam), t.completionParam).toBe(true);
      const p = getParam(t.completionParam);
      expect(p.integer).toBe(true);
      expect(p.unit).toBe('year');
    }
    expect(getParam('milestone_hzbank_listing_year').default).toBe(2016);
    expect(getParam('milestone_hzbank_listing_year').provenance.kind).toBe('external');
  });

  it('defaults of the assumption-based model indicators equal their catalog baselines', () => {
    const pairs = [
      ['init_hukou_rate', 'urbanisation.hukou-rate'],
      ['init_quota_balance', 'land.quota-balance'],
      ['init_land_transfer_share', 'land.transfer-share'],
      ['init_cov_pension_residents', 'insurance.pension.residents'],
      ['init_cov_migrant', 'insurance.migrant-coverage'],
      ['init_rd_share', 'finance.rd-share'],
    ] as const;
    for (const [lever, indicator] of pairs) {
      expect(defaultValue(getParam(lever)), lever).toBe(catalog.find((i) => i.id === indicator)?.baseline.value);
    }
  });

  it('every assumed default has a plausible range as a distribution within the lever’s range, around the default, with its reason', () => {
    const support = (d: NonNullable<(typeof params)[number]['uncertainty']>['distribution']): [number, number] =>
      d.dist === 'discrete' ? [Math.min(...d.values), Math.max(...d.values)] : d.dist === 'normal' ? [d.min ?? -Infinity, d.max ?? Infinity] : [d.min, d.max];
    for (const p of params) {
      if (p.provenance.kind !== 'assumption') continue;
      if (p.uncertainty === undefined) {
        expect(p.fixedBy, `${p.id}: an assumption needs an uncertainty or the stated value that fixes it`).toMatch(/.{20,}/);
        continue;
      }
      const [lo, hi] = support(p.uncertainty.distribution);
      expect(lo, p.id).toBeGreaterThanOrEqual(p.range.min);
      expect(hi, p.id).toBeLessThanOrEqual(p.range.max);
      for (const v of scheduleValues(p.default)) {
        expect(v, `${p.id} default inside its plausible range`).toBeGreaterThanOrEqual(lo);
        expect(v, `${p.id} default inside its plausible range`).toBeLessThanOrEqual(hi);
      }
      expect(p.uncertainty.reason.length, p.id).toBeGreaterThan(10);
    }
    // Only the integration weights and 2010 sub-scores are fixed by a stated value (87.1, line 17).
    expect(params.filter((p) => p.fixedBy).map((p) => p.id).every((id) => id.startsWith('integration_weight_') || id.startsWith('init_integration_'))).toBe(true);
  });

  it('policy-effort levers are marked, and a range minimum of 0 (or the plan’s floor) means the measure is not pursued', () => {
    const effort = params.filter((p) => p.effort).map((p) => p.id);
    expect(effort).toEqual(expect.arrayContaining(['hukou_conv_rate_migrant', 'homestead_reclaim_rate', 'insurance_effort_migrant', 'approval_reduction_rate', 'reform_budget_share', 'central_town_development']));
    for (const p of params.filter((x) => x.effort)) expect(p.range.min, p.id).toBe(0);
  });

  it('the model reads every lever', () => {
    expect([...compiled().paramIds].sort()).toEqual(params.map((p) => p.id).sort());
  });

  it('an initial-condition lever moves the 2010 value it sets (levers are overridable)', () => {
    const m = compiled();
    expect(valueIn(m, m.run({ init_hukou_rate: 48 }), 'urbanisation.hukou-rate', 2010)).toBeCloseTo(48, 12);
    expect(valueIn(m, m.run({ init_resident_population: 8_650_000 }), 'population.resident', 2010)).toBeCloseTo(8_650_000, 6);
  });
});
