/**
 * One-at-a-time sensitivity: each input at the low and the high end of its range, every other
 * input at its reference value. The input for a tornado chart; cheap (1 + 2k evaluations) and easy
 * to read, but blind to interactions — Morris and Sobol see those.
 */
import { byDescending, evaluatePoints, inputsOf, referencePoint } from './evaluate.js';
import type { OatOutput, OatResult, OatSwing } from './results.js';
import type { AnalysisOptions, Evaluable } from './types.js';

export type { OatOutput, OatResult, OatSwing };

export interface OatOptions extends AnalysisOptions {
  /** The point swings start from; default the model's reference (each input's `reference`, else mid-range). */
  readonly base?: Float64Array;
}

/**
 * Swings of every output as each input goes from its min to its max alone.
 *
 * @example
 *   import { oat } from 'hangzhou-reform-sim';
 *   const inputs = [{ id: 'a', min: 0, max: 1 }, { id: 'b', min: 0, max: 10 }];
 *   const r = await oat((x) => 3 * x[0] + 0.5 * x[1], { inputs });
 *   console.log(r.outputs[0].swings.map((s) => `${s.input} ${s.swing}`).join(', ')); // b 5, a 3
 */
export async function oat(model: Evaluable, options: OatOptions = {}): Promise<OatResult> {
  const inputs = inputsOf(model, options);
  const k = inputs.length;
  const base = options.base ?? referencePoint(model, inputs);
  if (base.length !== k) throw new RangeError(`base has ${base.length} values for ${k} inputs`);
  // Point 0 is the base; point 1 + 2i has input i at its min, 2 + 2i at its max.
  const count = 1 + 2 * k;
  const points = new Float64Array(count * k);
  for (let p = 0; p < count; p++) points.set(base, p * k);
  inputs.forEach((input, i) => {
    points[(1 + 2 * i) * k + i] = input.min;
    points[(2 + 2 * i) * k + i] = input.max;
  });
  const { values, outputs } = await evaluatePoints(model, points, count, k, options);
  const m = outputs.length;
  const results = outputs.map((output, j): OatOutput => {
    const at = (p: number): number => values[p * m + j] ?? NaN;
    const swings = inputs.map((input, i): OatSwing => {
      const low = { value: input.min, result: at(1 + 2 * i) };
      const high = { value: input.max, result: at(2 + 2 * i) };
      const b = base[i] ?? NaN;
      return {
        input: input.id,
        label: input.label ?? null,
        reference: input.reference ?? (Number.isNaN(b) ? null : b),
        low,
        high,
        swing: Math.abs(high.result - low.result),
      };
    });
    swings.sort(byDescending((s) => s.swing, (s) => s.input));
    return { output, base: at(0), swings };
  });
  return { method: 'oat', inputs, outputs: results, evaluations: count };
}
