/** inspectModel: the model as the generated documentation shows it (after all build checks). */
import { flattenModel } from './model.js';
import { orderModel } from './order.js';
import { checkUnits } from './units.js';
import type { ModelInspection, ModelSpec, VariableInfo } from './types.js';

/**
 * Per variable: kind, unit, doc, subsystem, expression and what it reads; the evaluation order;
 * each stock's inflows and outflows. Throws ModelError like compileModel for an invalid model
 * (lever units are not checked here: that needs the parameter records).
 */
export function inspectModel(spec: ModelSpec): ModelInspection {
  const model = flattenModel(spec);
  const order = orderModel(model);
  checkUnits(model);
  const variables: VariableInfo[] = model.vars.map(({ def, subsystem, expr }) => ({
    id: def.id,
    kind: def.kind,
    unit: def.unit,
    doc: def.doc,
    subsystem,
    expression: def.kind === 'input' ? def.param : (expr?.source ?? ''),
    reads: expr?.reads ?? [],
  }));
  const stocks = model.vars.flatMap(({ def }) =>
    def.kind === 'stock' ? [{ id: def.id, inflows: def.inflows, outflows: def.outflows }] : [],
  );
  return { variables, evaluationOrder: order.evaluation, initialOrder: order.initials, stocks };
}
