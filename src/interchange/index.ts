/**
 * Models that travel: any compiled model written as Vensim `.mdl` or XMILE 1.0 (the OASIS
 * standard Stella and other tools read), with units, documentation and lever ranges, and the same
 * subset read back. A model exported and imported again compiles to the same outputs, bit for bit.
 *
 *   const mdl = exportModel(compiled, 'vensim');
 *   const { spec, levers, options } = importModel(mdl, 'vensim', 'model.mdl');
 *   compileModel(spec, levers, options).run();   // the same numbers as compiled.run()
 */
import { InputError, ModelError } from '../errors.js';
import type { CompiledModel } from '../engine/types.js';
import type { Format } from './expression.js';
import type { InterchangeModel } from './plan.js';
import { readVensim, writeVensim } from './vensim.js';
import { readXmile, writeXmile } from './xmile.js';

export type { Format } from './expression.js';
export type { InterchangeModel } from './plan.js';
export { exportPlan } from './plan.js';

export const FORMATS = ['vensim', 'xmile'] as const satisfies readonly Format[];
export const FORMAT_EXTENSIONS: Readonly<Record<Format, string>> = { vensim: '.mdl', xmile: '.xmile' };

/** The model's text in `format`. `model` is a compiled model or its spec, levers and options. */
export function exportModel(model: CompiledModel | InterchangeModel, format: Format): string {
  if (model.spec === undefined) throw new ModelError('this compiled model carries no definition (it was rebuilt from plain data), so it cannot be exported; export the model it was compiled from');
  const m: InterchangeModel = { spec: model.spec, levers: model.levers, options: model.options };
  return format === 'vensim' ? writeVensim(m) : writeXmile(m);
}

/** Reads a model written by exportModel; throws InputError naming the file and every problem. */
export function importModel(text: string, format: Format, file = `<${format}>`): InterchangeModel {
  return format === 'vensim' ? readVensim(text, file) : readXmile(text, file);
}

/** The format of a file by its extension (.mdl; .xmile, .stmx, .xml), or an InputError. */
export function formatOfFile(file: string): Format {
  if (/\.mdl$/i.test(file)) return 'vensim';
  if (/\.(xmile|stmx|xml)$/i.test(file)) return 'xmile';
  throw new InputError([{ file, path: '', message: 'cannot tell the format from the file name: expected .mdl (Vensim) or .xmile, .stmx, .xml (XMILE); or give --format' }]);
}
