/**
 * Dimensional consistency: the engine's unit check (src/engine/units.ts) over every equation of
 * the model and every lever feeding it, with what it counted.
 */
import { ModelError } from '../errors.js';
import { flattenModel } from '../engine/model.js';
import { checkUnits } from '../engine/units.js';
import { hangzhouModel } from '../models/index.js';
import { params } from '../params/index.js';

export interface UnitResult {
  /** Auxiliary and flow equations checked against their declared unit. */
  readonly equations: number;
  /** Stock initial values checked against the stock's unit. */
  readonly initials: number;
  /** Inputs checked against the unit of the lever they read. */
  readonly inputs: number;
  /** Flow–stock connections checked (flow unit = stock unit per year). */
  readonly stockFlows: number;
  /** Numeric literals in the equations: the check lets them adapt to their context. */
  readonly literals: number;
  /** The problems found (the engine stops at the first one). */
  readonly problems: readonly string[];
}

export function dimensionalConsistency(): UnitResult {
  const flat = flattenModel(hangzhouModel);
  const count = (kind: string): number => flat.vars.filter((v) => v.def.kind === kind && v.expr !== null).length;
  let stockFlows = 0;
  let literals = 0;
  for (const v of flat.vars) {
    if (v.def.kind === 'stock') stockFlows += v.def.inflows.length + v.def.outflows.length;
    if (v.expr) literals += (v.expr.source.match(/(?<![\w.])\d+(\.\d+)?(e-?\d+)?(?![\w.])/g) ?? []).length;
  }
  const problems: string[] = [];
  try {
    checkUnits(flat, new Map(params.map((p) => [p.id, p])));
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    problems.push(err.message);
  }
  return {
    equations: count('aux') + count('flow'),
    initials: count('stock'),
    inputs: flat.vars.filter((v) => v.def.kind === 'input').length,
    stockFlows,
    literals,
    problems,
  };
}
