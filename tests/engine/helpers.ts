/** Small builders for engine tests: models are written inline, levers get neutral metadata. */
import type { ParamRecord, ParamValue } from '../../src/params/types.js';
import type { CompiledModel, ModelSpec, OutputDef, VarDef } from '../../src/engine/index.js';

export const stock = (id: string, unit: string, initial: string, inflows: string[] = [], outflows: string[] = []): VarDef => ({
  kind: 'stock', id, unit, doc: id, initial, inflows, outflows,
});
export const flow = (id: string, unit: string, equation: string): VarDef => ({ kind: 'flow', id, unit, doc: id, equation });
export const aux = (id: string, unit: string, equation: string): VarDef => ({ kind: 'aux', id, unit, doc: id, equation });
export const input = (id: string, unit: string, param = id): VarDef => ({ kind: 'input', id, unit, doc: id, param });

export const lever = (
  id: string,
  value: ParamValue,
  unit = '1',
  interpolation: 'step' | 'linear' = 'step',
): ParamRecord => ({
  id,
  name: { zh: id, en: id },
  unit,
  domain: 'reform',
  default: value,
  range: { min: -1e9, max: 1e9 },
  source: null,
  provenance: { kind: 'assumption', reason: 'test lever' },
  description: { zh: id, en: id },
  interpolation,
});

export const spec = (vars: VarDef[], outputs: (string | OutputDef)[] = []): ModelSpec => ({
  subsystems: [{ id: 'test', name: { zh: '测试', en: 'Test' }, doc: '', vars }],
  outputs: outputs.map((o) => (typeof o === 'string' ? { id: o, variable: o, kind: 'series' } : o)),
});

/** The series of output `id` of a run's outputs, as a plain array. */
export const series = (m: CompiledModel, out: Float64Array, id: string): number[] => Array.from(m.layout.view(out).series(id));
