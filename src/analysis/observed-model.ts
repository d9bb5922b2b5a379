/**
 * Where the observed data (src/data) meet the model: which observations can be scored, the
 * quantities computed from model outputs for observables the model does not report itself, and
 * the one rule that calibration never sees a year after LAST_FITTED_YEAR.
 *
 * Scored rows: primary rows only (one value per id and year; corroborating rows show agreement
 * between sources and would count one figure twice), of observables the model is compared with
 * (`notComparable` ones are kept in the file but never scored), in years the projection covers.
 */
import { InputError } from '../errors.js';
import { LAST_FITTED_YEAR, observations, type ObservationFilter, type ObservedRow } from '../data/observed.js';
import { observables, type Observable } from '../data/observables.js';
import type { ResultRow, ScenarioResult } from '../runner/types.js';
import type { Observation } from './types.js';

export { LAST_FITTED_YEAR };

/** Observables computed from another output (e.g. a growth rate from the resident population). */
type DerivedObservable = Observable & { readonly derived: NonNullable<Observable['derived']> };
const all: readonly Observable[] = observables;
export const derivedObservables: readonly DerivedObservable[] = all.filter((o): o is DerivedObservable => o.derived !== undefined && o.notComparable === undefined);

/** Ids of observables that are kept as published but not compared with the model. */
export const notComparableIds: ReadonlySet<string> = new Set(all.filter((o) => o.notComparable !== undefined).map((o) => o.id));

/** The primary rows of comparable model outputs, as Observations (see `observations` for the filter). */
export function comparableObservations(rows: readonly ObservedRow[], filter: ObservationFilter = {}): Observation[] {
  return observations(rows, filter).filter((o) => !notComparableIds.has(o.id));
}

/**
 * Observations a calibration may fit: refuses any year after LAST_FITTED_YEAR (2014 and later are
 * out of sample, for backtests only) rather than dropping it silently.
 */
export function fitObservations<T extends Observation>(rows: readonly T[], file = 'observations', lastYear: number = LAST_FITTED_YEAR): T[] {
  if (lastYear > LAST_FITTED_YEAR) {
    throw new InputError([{ file, path: 'until', message: `got ${lastYear} — calibration may use data up to ${LAST_FITTED_YEAR} only; later years are out of sample` }]);
  }
  const late = rows.filter((r) => r.year > lastYear);
  if (late.length > 0) {
    const shown = late.slice(0, 5).map((r) => `${r.id} ${r.year}`).join(', ');
    throw new InputError([
      {
        file,
        path: 'year',
        message: `${late.length} observation${late.length > 1 ? 's are' : ' is'} after ${lastYear} (${shown}${late.length > 5 ? ', …' : ''}) — calibration may use data up to ${lastYear} only; later years are for the backtest`,
      },
    ]);
  }
  return [...rows];
}

/**
 * The projection with the derived observables added as outputs: a percent growth is
 * 100 × (xₜ / xₜ₋₁ − 1) of the same statistic (exact for a deterministic run; for Monte Carlo
 * quantiles it is the growth of the quantile, an approximation of the quantile of the growth).
 */
export function withDerivedOutputs(result: ScenarioResult): ScenarioResult {
  const present = new Set(result.rows.map((r) => r.output));
  const added: ResultRow[] = [];
  for (const d of derivedObservables) {
    if (present.has(d.id)) continue;
    const source = new Map<string, number>();
    for (const r of result.rows) if (r.output === d.derived.of) source.set(`${r.year}\u0000${r.statistic}`, r.value);
    for (const r of result.rows) {
      if (r.output !== d.derived.of) continue;
      const before = source.get(`${r.year - 1}\u0000${r.statistic}`);
      if (before === undefined || before === 0) continue;
      added.push({ scenario: r.scenario, output: d.id, year: r.year, statistic: r.statistic, value: 100 * (r.value / before - 1) });
    }
  }
  return added.length === 0 ? result : { ...result, rows: [...result.rows, ...added] };
}

/** Ids the backtest can score: the model's outputs plus the derived observables whose source it reports. */
export function scorableIds(outputIds: readonly string[]): string[] {
  const known = new Set(outputIds);
  return [...outputIds, ...derivedObservables.filter((d) => known.has(d.derived.of)).map((d) => d.id)];
}
