/**
 * Small builders for the model's variables, so that the subsystem modules read like equations.
 * Plan-stated 2010 values come from the catalog (one source of truth), written into equations as
 * exact decimal literals.
 */
import { getIndicator, type IndicatorId } from '../catalog/index.js';
import type { AuxDef, FlowDef, InputDef, StockDef, VarId } from '../engine/types.js';
import { getParam, type ParamId } from '../params/index.js';

export const stock = (
  id: VarId,
  unit: string,
  initial: string,
  inflows: readonly VarId[],
  outflows: readonly VarId[],
  doc: string,
): StockDef => ({ kind: 'stock', id, unit, initial, inflows, outflows, doc });

export const flow = (id: VarId, unit: string, equation: string, doc: string): FlowDef => ({ kind: 'flow', id, unit, equation, doc });

export const aux = (id: VarId, unit: string, equation: string, doc: string): AuxDef => ({ kind: 'aux', id, unit, equation, doc });

/** One input per lever, named like the lever, with the lever's unit and description. */
export const inputs = (...ids: readonly ParamId[]): InputDef[] =>
  ids.map((id) => {
    const p = getParam(id);
    return { kind: 'input', id, param: id, unit: p.unit, doc: p.description.en };
  });

/** The catalog's 2010 baseline of an indicator as an equation literal (exact round-trip). */
export const baseline = (id: IndicatorId): string => String(getIndicator(id).baseline.value);

/** `a + b + c` (for sums over generated ids). */
export const sum = (ids: readonly string[]): string => ids.join(' + ');

/** Unit of amounts the plan gives in 亿元 (10^8 yuan). */
export const YI_YUAN = '1e8 yuan';
