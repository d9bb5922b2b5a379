/**
 * The calibration of the lever defaults (`npm run calibrate` → data/calibration/hangzhou.json):
 * which assumed levers the published figures up to LAST_FITTED_YEAR can inform, fitted group by
 * group with the toolkit's `calibrate` on the as-happened scenario.
 *
 * Groups are fitted in causal order, each to its own series, the levers of later groups held at
 * their assumed values and those of earlier groups at their fits: GDP is exogenous; migrant
 * arrivals respond to job growth (GDP); incomes follow GDP per resident (GDP and population);
 * R&D spending is a share of GDP. Each group's standard errors then come from its own residuals.
 * Starts and held values are the assumed defaults (`assumedParams`), never the committed fit, so
 * a rerun does not depend on the file it reproduces.
 *
 * Identification: a lever's default is replaced only when the fit has more rows than levers, a
 * standard error, does not sit on the range's end, and its 95 % interval is narrower than half
 * the lever's range; otherwise the file says why and the lever stays an assumption.
 */
import type { ObservedRow } from '../data/observed.js';
import { InputError } from '../errors.js';
import { assumedParams } from '../params/index.js';
import type { CalibratedLeverEntry, CalibrationFile, CalibrationGroupResult } from '../params/calibration.js';
import { CALIBRATION_FILE } from '../params/calibration.js';
import type { ParamValue } from '../params/types.js';
import { CompiledModelCache, createRunnerContext } from '../runner/index.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { PACKAGE_VERSION } from '../version.js';
import { calibrate } from './calibrate.js';
import { scenarioModel } from './model.js';
import { comparableObservations, fitObservations, LAST_FITTED_YEAR } from './observed-model.js';

export { CALIBRATION_FILE };

export interface LeverGroup {
  readonly id: string;
  readonly levers: readonly string[];
  readonly series: readonly string[];
  readonly why: string;
}

/** The levers the ≤ 2013 data can inform, in the order they are fitted. */
export const CALIBRATION_GROUPS: readonly LeverGroup[] = [
  {
    id: 'gdp',
    levers: ['gdp_real_growth_initial'],
    series: ['economy.gdp'],
    why: 'Nominal GDP 2011–2013 fixes the growth path given the assumed deflator; the convergence time and the deflator are not separable from it in three years (fitted together, their intervals cover the whole range).',
  },
  {
    id: 'population',
    levers: ['migrant_arrivals'],
    series: ['population.resident-increase'],
    why: 'The yearly increase of residents 2011–2013 is births − deaths + arrivals − departures; arrivals are the one unpublished gross flow (the departure rate trades off against it, so it is held).',
  },
  {
    id: 'income',
    levers: ['urban_income_elasticity', 'rural_income_elasticity'],
    series: ['income.urban-disposable', 'income.rural-net'],
    why: 'Urban disposable and rural net income 2011–2013 against GDP per resident give each elasticity.',
  },
  {
    id: 'rd',
    levers: ['rd_share_growth'],
    series: ['finance.rd-share'],
    why: 'The R&D share of GDP in 2012 and 2013 gives its logistic growth from the 2010 share.',
  },
  {
    id: 'top500',
    levers: ['private_economy_top500_growth'],
    series: ['private-economy.top500-firms'],
    why: 'Firms among the top-500 private enterprises: the 2011 list is the only figure after 2010 up to 2013.',
  },
  {
    id: 'hukou',
    levers: ['hukou_trend_conv_rate_migrant', 'registered_in_migration'],
    series: ['population.registered'],
    why: 'The registered population would inform conversions and registered in-migration, but the data hold no figure for 2011–2013.',
  },
];

export const CALIBRATION_SETTINGS = { residual: 'relative', starts: 8, seed: 2011, maxIterations: 100 } as const;

/** The widest 95 % interval, as a share of the lever's range, for a lever to count as identified. */
export const IDENTIFIED_INTERVAL_SHARE = 0.5;

export interface LeverCalibrationOptions {
  /** The observed rows (default: none — the caller reads data/observed/hangzhou.csv). */
  readonly rows: readonly ObservedRow[];
  /** The as-happened scenario, loaded. */
  readonly scenario: ResolvedScenario;
  readonly starts?: number;
  readonly groups?: readonly LeverGroup[];
}

const assumed = new Map<string, (typeof assumedParams)[number]>(assumedParams.map((p) => [p.id, p]));
const fourDigits = (v: number): number => Number(v.toPrecision(4));

/** Runs the calibration; returns the content of data/calibration/hangzhou.json. */
export async function calibrateLevers(options: LeverCalibrationOptions): Promise<CalibrationFile> {
  const groups = options.groups ?? CALIBRATION_GROUPS;
  const starts = options.starts ?? CALIBRATION_SETTINGS.starts;
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const scenario = options.scenario;
  const allLevers = groups.flatMap((g) => g.levers);
  const setByScenario = allLevers.filter((id) => scenario.parameters[id] !== undefined);
  if (setByScenario.length > 0) {
    throw new InputError([{ file: scenario.file ?? scenario.id, path: 'parameters', message: `sets ${setByScenario.join(', ')}, which calibration fits — expected the scenario to leave calibrated levers at their defaults` }]);
  }
  const held: Record<string, ParamValue> = {};
  for (const id of allLevers) {
    const record = assumed.get(id);
    if (!record) throw new RangeError(`calibration group lever ${id} is not a lever`);
    if (record.provenance.kind !== 'assumption' || typeof record.default !== 'number') throw new RangeError(`${id}: only a lever with one assumed number as its default can be calibrated`);
    held[id] = record.default;
  }

  const groupResults: CalibrationGroupResult[] = [];
  const entries: CalibratedLeverEntry[] = [];
  for (const group of groups) {
    const observed = comparableObservations(options.rows, { ids: group.series, through: LAST_FITTED_YEAR }).filter((o) => o.year > 2010);
    const rows = fitObservations(observed, 'data/observed/hangzhou.csv');
    const inputs = group.levers.map((id) => {
      const record = assumed.get(id)!;
      return { id, min: record.range.min, max: record.range.max, label: record.name, reference: record.default as number };
    });
    if (rows.length <= group.levers.length) {
      // Least squares needs more figures than levers: none, or an exact fit with no standard error.
      const verdict =
        rows.length === 0
          ? `not identified: no ${group.series.join(' or ')} figure after 2010 and up to ${LAST_FITTED_YEAR} in the observed data`
          : `not identified: ${rows.length} figure${rows.length > 1 ? 's' : ''} (${rows.map((r) => `${r.id} ${r.year}`).join(', ')}) for ${group.levers.length} lever${group.levers.length > 1 ? 's' : ''} — no standard error, not fitted`;
      groupResults.push({ id: group.id, levers: group.levers, series: group.series, why: group.why, rows: rows.map((o) => ({ id: o.id, year: o.year, value: o.value })), fit: [], objective: null, starts: [], evaluations: 0 });
      for (const input of inputs) {
        entries.push({ lever: input.id, group: group.id, assumed: input.reference, fitted: null, default: null, standardError: null, interval: null, atBound: null, identified: false, verdict });
      }
      continue;
    }
    const fitScenario: ResolvedScenario = { ...scenario, parameters: { ...scenario.parameters, ...held } };
    const model = scenarioModel(fitScenario, { context, cache, levers: group.levers, outputs: rows, until: LAST_FITTED_YEAR });
    const result = await calibrate(model, { observations: rows, inputs, starts, seed: CALIBRATION_SETTINGS.seed, residual: CALIBRATION_SETTINGS.residual, maxIterations: CALIBRATION_SETTINGS.maxIterations });
    groupResults.push({
      id: group.id,
      levers: group.levers,
      series: group.series,
      why: group.why,
      rows: rows.map((o) => ({ id: o.id, year: o.year, value: o.value })),
      fit: result.byOutput.map((b) => ({ id: b.id ?? '', n: b.n, rmse: b.rmse, mape: b.mape })),
      objective: result.objective,
      starts: result.starts.map((s) => ({ objective: s.objective, iterations: s.iterations })),
      evaluations: result.evaluations,
    });
    for (const f of result.fitted) {
      const width = f.interval ? f.interval[1] - f.interval[0] : Infinity;
      const share = width / (f.max - f.min);
      const verdict =
        f.atBound !== null
            ? `not identified: the fit sits on the range's ${f.atBound}imum (${f.value}) — the data pull it beyond the plausible range, so the model's structure, not the lever, is at fault`
            : f.standardError === null
              ? 'not identified: no standard error (the data do not move the fit)'
              : share > IDENTIFIED_INTERVAL_SHARE
                ? `not identified: the 95 % interval spans ${(100 * share).toFixed(0)} % of the lever's range`
                : `identified: the 95 % interval spans ${(100 * share).toFixed(0)} % of the lever's range`;
      const identified = verdict.startsWith('identified');
      entries.push({
        lever: f.input,
        group: group.id,
        assumed: held[f.input] as number,
        fitted: f.value,
        default: identified ? fourDigits(f.value) : null,
        standardError: f.standardError,
        interval: f.interval,
        atBound: f.atBound,
        identified,
        verdict,
      });
      // Later groups see this group's fit where identified, the assumption otherwise.
      if (identified) held[f.input] = fourDigits(f.value);
    }
  }

  return {
    about:
      'Lever defaults fitted to the published figures of 2011–2013 (data/observed/hangzhou.csv, primary rows only; 2014 and later are out of sample). Written by `npm run calibrate` (scripts/calibrate.ts); the model reads the identified defaults from here (src/params/calibration.ts).',
    toolkit: {
      package: 'hangzhou-reform-sim',
      version: PACKAGE_VERSION,
      method: 'calibrate (src/analysis/calibrate.ts): bounded Levenberg–Marquardt (ml-levenberg-marquardt), multi-start, relative residuals; SE from the Jacobian at the fit',
      residual: CALIBRATION_SETTINGS.residual,
      starts,
      seed: CALIBRATION_SETTINGS.seed,
      maxIterations: CALIBRATION_SETTINGS.maxIterations,
    },
    scenario: scenario.id,
    observed: 'data/observed/hangzhou.csv',
    lastFittedYear: LAST_FITTED_YEAR,
    identification: `A lever is identified when it has more figures than levers in its group, a standard error, a fit inside its range and a 95 % interval narrower than ${100 * IDENTIFIED_INTERVAL_SHARE} % of its range; only then does the fit replace the assumed default.`,
    groups: groupResults,
    levers: entries,
  };
}
