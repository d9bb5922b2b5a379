/**
 * The committed calibration (data/calibration/hangzhou.json): a rerun of `npm run calibrate`'s fit
 * gives the same numbers, no fitted figure is after 2013 (and the code refuses one), and the lever
 * defaults carry exactly what the file says — fitted and identified levers as `calibrated`, the
 * rest as the assumptions they were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateLevers, CALIBRATION_GROUPS, CALIBRATION_SETTINGS } from '../../src/analysis/lever-calibration.js';
import { fitObservations, LAST_FITTED_YEAR } from '../../src/analysis/observed-model.js';
import { readObserved } from '../../src/data/observed.js';
import { InputError } from '../../src/errors.js';
import { assumedParams, params } from '../../src/params/index.js';
import { applyCalibration, type CalibrationFile } from '../../src/params/calibration.js';
import { loadScenario } from '../../src/scenario/index.js';

const committed = JSON.parse(readFileSync(join(process.cwd(), 'data/calibration/hangzhou.json'), 'utf8')) as CalibrationFile;
/** Rerun and committed fits agree to this relative tolerance (the same seeded starts: only float noise may differ). */
const TOLERANCE = 1e-6;
const close = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)));

describe('the committed calibration', () => {
  let rerun: CalibrationFile;
  beforeAll(async () => {
    rerun = await calibrateLevers({ rows: readObserved(), scenario: loadScenario(join(process.cwd(), 'scenarios/as-happened.yaml')) });
  }, 60_000);

  it(`is what a rerun of the fit gives (relative tolerance ${TOLERANCE})`, () => {
    expect(rerun.toolkit.starts).toBe(committed.toolkit.starts);
    expect(rerun.toolkit.seed).toBe(committed.toolkit.seed);
    expect(rerun.levers.map((l) => l.lever)).toEqual(committed.levers.map((l) => l.lever));
    for (const [i, l] of rerun.levers.entries()) {
      const c = committed.levers[i]!;
      expect(close(l.fitted, c.fitted), `${l.lever} fitted ${l.fitted} vs ${c.fitted}`).toBe(true);
      expect(close(l.standardError, c.standardError), `${l.lever} SE`).toBe(true);
      expect(l.default, l.lever).toBe(c.default);
      expect(l.identified, l.lever).toBe(c.identified);
    }
    for (const [i, g] of rerun.groups.entries()) {
      expect(g.rows).toEqual(committed.groups[i]!.rows);
      g.fit.forEach((f, j) => expect(close(f.rmse, committed.groups[i]!.fit[j]!.rmse), `${g.id} ${f.id} RMSE`).toBe(true));
    }
  });

  it(`fits no figure after ${LAST_FITTED_YEAR}, and only primary rows of the bundled data`, () => {
    const primary = new Set(readObserved().filter((r) => r.role === 'primary').map((r) => `${r.id} ${r.year} ${r.value}`));
    const rows = committed.groups.flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.year, `${r.id} ${r.year}`).toBeLessThanOrEqual(LAST_FITTED_YEAR);
      expect(primary.has(`${r.id} ${r.year} ${r.value}`), `${r.id} ${r.year}`).toBe(true);
    }
    expect(LAST_FITTED_YEAR).toBe(2013);
  });

  it('identifies a lever only with a standard error, inside its range and a 95 % interval under half the range', () => {
    const range = new Map<string, { min: number; max: number }>(assumedParams.map((p) => [p.id, p.range]));
    for (const l of committed.levers) {
      if (!l.identified) {
        expect(l.default, l.lever).toBeNull();
        expect(l.verdict, l.lever).toMatch(/^not identified: /);
        continue;
      }
      const r = range.get(l.lever)!;
      expect(l.standardError, l.lever).not.toBeNull();
      expect(l.atBound, l.lever).toBeNull();
      expect(l.interval![1] - l.interval![0], l.lever).toBeLessThanOrEqual(0.5 * (r.max - r.min));
      expect(l.default, l.lever).toBe(Number(l.fitted!.toPrecision(4)));
    }
    // Every group lever appears once; the hukou and top-500 levers are not identified by these data.
    expect(committed.levers.map((l) => l.lever)).toEqual(CALIBRATION_GROUPS.flatMap((g) => g.levers));
    expect(committed.levers.filter((l) => !l.identified).map((l) => l.lever)).toEqual(['private_economy_top500_growth', 'hukou_trend_conv_rate_migrant', 'registered_in_migration']);
    expect(committed.toolkit).toMatchObject({ residual: CALIBRATION_SETTINGS.residual, seed: CALIBRATION_SETTINGS.seed });
  });

  it('sets the lever defaults: calibrated provenance with the rows, fit and interval; the assumption it replaced kept', () => {
    for (const l of committed.levers) {
      const p = params.find((x) => x.id === l.lever)!;
      const before = assumedParams.find((x) => x.id === l.lever)!;
      if (!l.identified) {
        expect(p).toBe(before);
        continue;
      }
      expect(p.default).toBe(l.default);
      expect(p.provenance.kind).toBe('calibrated');
      if (p.provenance.kind !== 'calibrated') continue;
      const group = committed.groups.find((g) => g.id === l.group)!;
      expect(p.provenance.rows).toEqual(group.rows);
      expect(p.provenance.fit.map((f) => f.id)).toEqual(group.series);
      expect(p.provenance.interval).toEqual(l.interval);
      expect(p.provenance.assumed.value).toBe(before.default);
      expect(p.provenance.reason).toMatch(/^Fitted by least squares/);
      const four = (v: number): number => Number(v.toPrecision(4));
      expect(p.uncertainty?.distribution).toEqual({ dist: 'normal', mean: l.default, sd: four(l.standardError!), min: four(l.interval![0]), max: four(l.interval![1]) });
      // The drawn range lies within the lever's range and around the default.
      const d = p.uncertainty!.distribution as { min: number; max: number };
      expect(d.min).toBeGreaterThanOrEqual(p.range.min);
      expect(d.max).toBeLessThanOrEqual(p.range.max);
      expect(p.default as number).toBeGreaterThan(d.min);
      expect(p.default as number).toBeLessThan(d.max);
    }
  });

  it('refuses to lay a calibration over a default that is not an assumption', () => {
    const planLever = assumedParams.find((p) => p.provenance.kind === 'plan' && typeof p.default === 'number')!;
    const entry = { ...committed.levers.find((l) => l.identified)!, lever: planLever.id };
    expect(() => applyCalibration(planLever, { ...committed, levers: [entry] })).toThrow(`lever ${planLever.id} is calibrated, but its default is not a single assumed number`);
  });
});

describe('the fitting window', () => {
  const rows = [
    { id: 'economy.gdp', year: 2013, value: 8343.52 },
    { id: 'economy.gdp', year: 2014, value: 9201.16 },
    { id: 'finance.rd-share', year: 2016, value: 3.06 },
  ];

  it('refuses any observation after 2013, naming them', () => {
    expect(() => fitObservations(rows, 'obs.csv')).toThrow(InputError);
    try {
      fitObservations(rows, 'obs.csv');
    } catch (err) {
      expect((err as InputError).problems).toEqual([
        { file: 'obs.csv', path: 'year', message: '2 observations are after 2013 (economy.gdp 2014, finance.rd-share 2016) — calibration may use data up to 2013 only; later years are for the backtest' },
      ]);
    }
    expect(fitObservations(rows.slice(0, 1))).toEqual(rows.slice(0, 1));
  });

  it('refuses a window that ends after 2013', () => {
    expect(() => fitObservations([], 'obs.csv', 2014)).toThrow('got 2014 — calibration may use data up to 2013 only; later years are out of sample');
  });

  it('fits primary rows only: a corroborating 2013 figure changes nothing', async () => {
    const extra = readObserved().map((r) => (r.id === 'economy.gdp' && r.year === 2014 ? { ...r, year: 2013, value: 1, role: 'corroboration' as const } : r));
    const a = await calibrateLevers({ rows: extra, scenario: loadScenario(join(process.cwd(), 'scenarios/as-happened.yaml')), groups: [CALIBRATION_GROUPS[0]!], starts: 1 });
    expect(a.groups[0]!.rows).toEqual(committed.groups[0]!.rows);
  });

  it('refuses a scenario that sets a lever it fits', async () => {
    const scenario = loadScenario(join(process.cwd(), 'scenarios/as-happened.yaml'));
    const setting = { ...scenario, parameters: { ...scenario.parameters, migrant_arrivals: 200_000 } };
    await expect(calibrateLevers({ rows: readObserved(), scenario: setting, starts: 1 })).rejects.toThrow(InputError);
  });
});
