/**
 * A model written out as one flat JavaScript function: the same equations in the same order with
 * the same arithmetic (codegen.ts), one local per variable, stocks in locals for the whole run,
 * levers read once a year, and nothing else — no slot array, no functions between stages. It is
 * what a careful programmer would write by hand, so it serves twice: as the speed limit the
 * benchmark measures the engine against, and as an independent check that the engine's generated
 * code computes exactly what the equations say (the tests compare them bit for bit).
 *
 * Euler only. A large model gives a function beyond V8's size limit for optimisation, which is why
 * the engine itself splits its code (generate.ts).
 */
import { toJs } from './codegen.js';
import { resolveOptions } from './compile.js';
import { cone, netFlow } from './generate.js';
import { flattenModel } from './model.js';
import { orderModel } from './order.js';
import type { ModelSpec, SimOptions, VarId } from './types.js';

export interface FlatModelFunction {
  /** Runs with lever table `T` (as CompiledModel.leverTable gives it) into `out` (as CompiledModel.run fills it). */
  readonly run: (T: Float64Array, out: Float64Array) => void;
  readonly source: string;
}

/** The flat function's source: `return function run(T, out) { … }`. */
export function flatSourceOf(spec: ModelSpec, options?: SimOptions): string {
  const opts = resolveOptions(options);
  if (opts.method !== 'euler') throw new RangeError('the flat form of a model integrates with Euler only');
  const model = flattenModel(spec);
  const order = orderModel(model);
  const NY = opts.until - opts.start + 1;
  const dt = String(opts.dt);
  const helpers = new Map<string, string>();
  const local = (id: VarId): string => `$${id}`;
  const code = (id: VarId): string => {
    const fv = model.byId.get(id);
    if (!fv?.expr) throw new Error(`engine: no expression for ${id}`);
    return toJs(fv.expr.node, local, opts.dt, opts.start, helpers);
  };

  // Rows of the lever table: levers in declaration order of the inputs that read them.
  const rows: string[] = [];
  const inputs: { id: VarId; row: number }[] = [];
  for (const v of model.vars) {
    if (v.def.kind !== 'input') continue;
    if (!rows.includes(v.def.param)) rows.push(v.def.param);
    inputs.push({ id: v.def.id, row: rows.indexOf(v.def.param) });
  }

  // What each year-end report needs: the outputs and everything they read.
  const needed = new Set(cone(model, order, spec.outputs.map((o) => o.variable)));
  const report = (y: string, indent: string): string[] => [
    ...order.evaluation.filter((id) => needed.has(id)).map((id) => `${indent}const ${local(id)} = ${code(id)};`),
    ...spec.outputs.map((o, i) => `${indent}out[${i * NY} + ${y}] = ${local(o.variable)};`),
  ];
  const stocks = model.vars.flatMap((v) => (v.def.kind === 'stock' ? [v.def] : []));
  const body: string[] = [];
  body.push(...stocks.map((s) => `  let ${local(s.id)} = 0;`));
  body.push(...inputs.map((i) => `  let ${local(i.id)} = T[${i.row * NY}];`));
  body.push(`  { const time = ${opts.start}, cy = ${opts.start};`);
  body.push(...order.initials.map((id) => `    ${local(id)} = ${code(id)};`));
  body.push(...report('0', '    '), '  }');
  body.push('  let n = 0;', `  for (let y = 1; y < ${NY}; y++) {`);
  body.push(...inputs.map((i) => `    ${local(i.id)} = T[${i.row * NY} + y];`));
  body.push(`    const cy = ${opts.start} + y;`, `    for (let m = 0; m < ${opts.stepsPerYear}; m++, n++) {`);
  body.push(`      const time = ${opts.start} + n * ${dt};`);
  body.push(...order.evaluation.map((id) => `      const ${local(id)} = ${code(id)};`));
  for (const s of stocks) {
    body.push(`      ${local(s.id)} = ${local(s.id)} + ${dt} * ${netFlow(s, local)};`);
  }
  body.push('    }', `    { const time = ${opts.start} + y;`, ...report('y', '      '), '    }', '  }');
  spec.outputs.forEach((o, i) => {
    if ((o.report ?? 'value') !== 'annual-increase') return;
    body.push(`  for (let j = ${i * NY + NY - 1}; j > ${i * NY}; j--) out[j] -= out[j - 1];`, `  out[${i * NY}] = NaN;`);
  });
  return ['"use strict";', ...helpers.values(), 'return function run(T, out) {', ...body, '};'].join('\n');
}

export function flatModelFunction(spec: ModelSpec, options?: SimOptions): FlatModelFunction {
  const source = flatSourceOf(spec, options);
  return { run: new Function(source)() as FlatModelFunction['run'], source };
}
