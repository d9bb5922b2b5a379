/**
 * Every number in the catalog is the plan's own, stated on the cited line in the quoted words.
 * The plan text lives outside the repo (../shared/seed); when it is absent the verbatim checks are
 * skipped and the self-contained checks still run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  checkCatalog,
  checkIndicatorRecord,
  checkSource,
  checkTarget,
  checkTask,
  planTargets,
  reformTasks,
  valuePattern,
  type IndicatorRecord,
} from '../../src/catalog/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const planPath = path.resolve(repoRoot, '../shared/seed/hangzhou-12th-fyp-reform-plan.zh.txt');
const planAvailable = existsSync(planPath);
const plan: readonly string[] = planAvailable ? readFileSync(planPath, 'utf8').split('\n') : [];

describe('each indicator states its baseline in its quote', () => {
  it.each(catalog.map((i) => [i.id, i] as const))('%s', (_id, indicator) => {
    expect(checkIndicatorRecord(indicator)).toEqual([]);
  });

  it('plan-stated values appear as the plan writes them (％ vs %, 以上, 多, 左右)', () => {
    const asWritten = (id: string): string => {
      const i = catalog.find((x) => x.id === id);
      if (!i) throw new Error(id);
      return i.source.quote.match(valuePattern(i.baseline, i.unit))?.[0] ?? '';
    };
    expect(asWritten('insurance.medical.urban-employee')).toBe('93.66％');
    expect(asWritten('insurance.medical.urban-resident')).toBe('94.57％');
    expect(asWritten('insurance.medical.rural-cooperative')).toBe('99％以上');
    expect(asWritten('education.kindergarten-groups.participation')).toBe('30.03%');
    expect(asWritten('community.civil-organisations')).toBe('1860多');
    expect(asWritten('community.organised-share')).toBe('90%以上');
    expect(asWritten('finance.guidance-fund.committed')).toBe('3.6');
    expect(asWritten('administration.car-reform.cost-saving')).toBe('30%左右');
    expect(asWritten('integration.policy-documents')).toBe('十多');
  });

  it('records without a plan value carry a documented reason instead', () => {
    const assumed = catalog.filter((i) => i.baselineProvenance);
    expect(assumed.map((i) => i.id).sort()).toEqual(
      [
        'administration.approval-items',
        'finance.rd-share',
        'insurance.migrant-coverage',
        'insurance.pension.residents',
        'land.quota-balance',
        'land.transfer-share',
        'urbanisation.hukou-gap',
        'urbanisation.hukou-rate',
      ].sort(),
    );
    for (const i of assumed) {
      expect(i.baselineProvenance?.kind).toBe('assumption');
      expect(i.baselineProvenance?.kind === 'assumption' && i.baselineProvenance.reason.length).toBeGreaterThan(20);
    }
  });
});

describe('the catalog as a whole', () => {
  it('has no problems without the plan text (ids unique, bounds hold baselines, links resolve)', () => {
    expect(checkCatalog(catalog, planTargets, reformTasks)).toEqual([]);
  });

  it('shares lie in [0, 100] and bounds contain the baseline', () => {
    for (const i of catalog) {
      expect(i.bounds.min).toBeLessThanOrEqual(i.baseline.value);
      expect(i.bounds.max).toBeGreaterThanOrEqual(i.baseline.value);
      if (i.unit === '%') {
        expect(i.bounds.min).toBeGreaterThanOrEqual(0);
        expect(i.bounds.max).toBeLessThanOrEqual(100);
      }
    }
  });

  it('every target names an existing indicator or a milestone lever', () => {
    const ids = new Set(catalog.map((i) => i.id));
    for (const t of planTargets) {
      if (t.kind === 'milestone') expect(t.completionParam).toMatch(/^milestone_[a-z0-9_]+_year$/);
      else expect(ids.has(t.indicator)).toBe(true);
    }
  });

  it('every task links only existing indicators', () => {
    const ids = new Set<string>(catalog.map((i) => i.id));
    for (const t of reformTasks) for (const i of t.indicators) expect(ids.has(i)).toBe(true);
  });
});

describe.skipIf(!planAvailable)('against the plan text', () => {
  it('the seed file is the plan (275 lines, part headings where expected)', () => {
    expect(plan[2]).toBe('一、改革基础与环境');
    expect(plan[102]).toBe('三、主要任务');
  });

  it.each(catalog.map((i) => [i.id, i] as const))('indicator %s: quote verbatim on its line, section headings found', (_id, i) => {
    expect(checkIndicatorRecord(i, plan)).toEqual([]);
  });

  it.each(planTargets.map((t) => [t.id, t] as const))('target %s: quote verbatim on its line', (_id, t) => {
    expect(checkTarget(t, plan)).toEqual([]);
  });

  it.each(reformTasks.map((t) => [t.id, t] as const))('task %s: row, name and tasks are the table cells', (_id, t) => {
    expect(checkTask(t, plan)).toEqual([]);
  });

  it('the whole catalog checks clean against the plan', () => {
    expect(checkCatalog(catalog, planTargets, reformTasks, plan)).toEqual([]);
  });
});

describe('the checker catches wrong records', () => {
  const good: IndicatorRecord = {
    id: 'test.medical',
    name: { zh: '城镇职工医保覆盖面', en: 'Urban employees' },
    unit: '%',
    domain: 'insurance',
    direction: 'higher',
    bounds: { min: 0, max: 100 },
    baseline: { year: 2010, value: 93.66 },
    source: {
      section: '一、改革基础与环境 / 5. 社区服务得到加强，社会领域改革不断深化',
      line: 3,
      quote: '城镇职工和城居医保覆盖面分别达到93.66％和94.57％',
    },
  };
  const fakePlan = [
    '一、改革基础与环境',
    '5. 社区服务得到加强，社会领域改革不断深化',
    '至2010年末，我市城镇职工和城居医保覆盖面分别达到93.66％和94.57％，新农合参合率达到99％以上。',
  ];

  it('accepts the correct record', () => {
    expect(checkIndicatorRecord(good, fakePlan)).toEqual([]);
  });

  it('rejects a value the quote does not state (93.6 is a prefix of 93.66, not the value)', () => {
    const problems = checkIndicatorRecord({ ...good, baseline: { year: 2010, value: 93.6 } });
    expect(problems).toEqual([
      'indicator test.medical: quote "城镇职工和城居医保覆盖面分别达到93.66％和94.57％" does not state the baseline as written (93.6%)',
    ]);
  });

  it('rejects a missing or wrong qualifier', () => {
    const quote = '新农合参合率达到99％以上';
    expect(checkIndicatorRecord({ ...good, baseline: { year: 2010, value: 99 }, source: { ...good.source, quote } })).toHaveLength(1);
    expect(
      checkIndicatorRecord({ ...good, baseline: { year: 2010, value: 99, qualifier: 'about' }, source: { ...good.source, quote } }),
    ).toHaveLength(1);
    expect(
      checkIndicatorRecord({ ...good, baseline: { year: 2010, value: 99, qualifier: 'at-least' }, source: { ...good.source, quote } }),
    ).toEqual([]);
  });

  it('rejects a percentage unit on a count and a count unit on a percentage', () => {
    expect(checkIndicatorRecord({ ...good, unit: '个', bounds: { min: 0, max: 1e9 } })).toHaveLength(1);
    const count = { ...good, unit: '%', baseline: { year: 2010, value: 297 }, bounds: { min: 0, max: 1000 } };
    expect(checkIndicatorRecord({ ...count, source: { ...good.source, quote: '组成297个互助共同体' } })).toEqual([
      'indicator test.medical: quote "组成297个互助共同体" does not state the baseline as written (297%)',
      'indicator test.medical: a share must lie in [0, 100], bounds are [0, 1000]',
    ]);
  });

  it('does not read 10 into 二十 or 十一', () => {
    const ten = { ...good, unit: '个', bounds: { min: 0, max: 1e9 }, baseline: { year: 2010, value: 10 } };
    expect(checkIndicatorRecord({ ...ten, source: { ...good.source, quote: '出台二十个文件' } })).toHaveLength(1);
    expect(checkIndicatorRecord({ ...ten, source: { ...good.source, quote: '出台十一个文件' } })).toHaveLength(1);
    expect(checkIndicatorRecord({ ...ten, source: { ...good.source, quote: '出台十个文件' } })).toEqual([]);
  });

  it('rejects a baseline outside its bounds', () => {
    expect(checkIndicatorRecord({ ...good, bounds: { min: 0, max: 90 } })).toEqual([
      'indicator test.medical: baseline 93.66 lies outside its bounds [0, 90]',
    ]);
  });

  it('rejects an assumption without a reason', () => {
    expect(checkIndicatorRecord({ ...good, baselineProvenance: { kind: 'assumption', reason: ' ' } })).toEqual([
      "indicator test.medical: baselineProvenance 'assumption' needs a non-empty reason or citation",
    ]);
  });

  it('rejects a quote that is not on the cited line, and a wrong section', () => {
    expect(checkIndicatorRecord({ ...good, source: { ...good.source, line: 2 } }, fakePlan)).toEqual([
      'indicator test.medical: quote "城镇职工和城居医保覆盖面分别达到93.66％和94.57％" is not on line 2',
    ]);
    // A quote altered by one character (％ → %) is not verbatim.
    const altered = { ...good, source: { ...good.source, quote: '城镇职工和城居医保覆盖面分别达到93.66%和94.57％' } };
    expect(checkIndicatorRecord(altered, fakePlan)).toEqual([
      'indicator test.medical: quote "城镇职工和城居医保覆盖面分别达到93.66%和94.57％" is not on line 3',
    ]);
    expect(checkSource('x', { ...good.source, section: '一、改革基础与环境 / 6．推进行政决策运行改革' }, fakePlan)).toEqual([
      'x: section heading "6．推进行政决策运行改革" does not open a line between 2 and 3',
    ]);
  });

  it('rejects duplicate ids and dangling links in a catalog', () => {
    const target = { ...planTargets[0]!, indicator: 'no.such-indicator' } as (typeof planTargets)[number];
    const problems = checkCatalog([good, good], [target], []);
    expect(problems).toContain('duplicate id test.medical');
    expect(problems).toContain(`target ${target.id}: unknown indicator no.such-indicator`);
  });
});
