/**
 * The flattened view of a ModelSpec that every engine stage works on: variables in declaration
 * order with their subsystem, parsed expressions and what they read.
 */
import type { ModelSpec, VarDef, VarId } from './types.js';
import { ModelError } from '../errors.js';
import { messages } from './messages.js';
import { FUNCTION_NAMES, TIME_SYMBOLS } from './functions.js';
import { parseExpression, type ParsedExpr } from './parse.js';

export interface FlatVar {
  readonly def: VarDef;
  readonly subsystem: string;
  /** Declaration index across all subsystems. */
  readonly index: number;
  /** Equation (aux, flow), initial (stock), or null (input). */
  readonly expr: ParsedExpr | null;
}

export interface FlatModel {
  readonly vars: readonly FlatVar[];
  readonly byId: ReadonlyMap<VarId, FlatVar>;
}

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set<string>([...FUNCTION_NAMES, ...TIME_SYMBOLS]);

/** Flattens the subsystems, checks ids, parses every expression once. */
export function flattenModel(spec: ModelSpec): FlatModel {
  const defs: { def: VarDef; subsystem: string }[] = [];
  const byIdDef = new Map<VarId, { def: VarDef; subsystem: string }>();
  for (const sub of spec.subsystems) {
    for (const def of sub.vars) {
      if (!ID_PATTERN.test(def.id)) throw new ModelError(messages.badId(def.id, sub.id));
      if (RESERVED.has(def.id)) throw new ModelError(messages.reservedId(def.id, sub.id));
      const prev = byIdDef.get(def.id);
      if (prev) throw new ModelError(messages.duplicateId(def.id, prev.subsystem, sub.id));
      const entry = { def, subsystem: sub.id };
      byIdDef.set(def.id, entry);
      defs.push(entry);
    }
  }
  const known = new Set(byIdDef.keys());
  const vars: FlatVar[] = defs.map(({ def, subsystem }, index) => {
    let expr: ParsedExpr | null = null;
    if (def.kind === 'stock') expr = parseExpression(def.id, 'initial', def.initial, known);
    else if (def.kind === 'aux' || def.kind === 'flow') expr = parseExpression(def.id, 'equation', def.equation, known);
    return { def, subsystem, index, expr };
  });
  return { vars, byId: new Map(vars.map((v) => [v.def.id, v])) };
}
