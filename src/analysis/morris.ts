/**
 * Morris's elementary-effects screening (Morris 1991, with Campolongo et al.'s μ*, 2007).
 *
 * Design: r trajectories on a p-level grid of the unit cube, step Δ = p / (2(p − 1)). Each
 * trajectory starts at a random grid point, and moves one input at a time, in a random order, by
 * +Δ or −Δ (so every coordinate stays in [0, 1]); k + 1 points per trajectory.
 *
 * An elementary effect of input i is the change of the output per unit of the input's *whole
 * range*: EE = Δy / (Δx / (max − min)). For a linear model y = Σ cᵢ xᵢ every effect equals
 * cᵢ × (maxᵢ − minᵢ), so μ* is |cᵢ| × range and σ is 0. Per input: μ (mean effect), μ* (mean
 * absolute effect: the importance ranking) and σ (standard deviation: non-linearity or
 * interaction). For integer inputs the step is measured after rounding; a step that rounding
 * collapses to zero is left out.
 */
import { analysisStream, byDescending, evaluatePoints, fromUnit, inputsOf } from './evaluate.js';
import type { MorrisEffect, MorrisOutput, MorrisResult } from './results.js';
import type { AnalysisOptions, Evaluable, Input } from './types.js';

export type { MorrisEffect, MorrisOutput, MorrisResult };

export interface MorrisOptions extends AnalysisOptions {
  /** Trajectories (default 20). */
  readonly trajectories?: number;
  /** Grid levels, an even number ≥ 2 (default 4). */
  readonly levels?: number;
  /** Seed of the design (default 2011). */
  readonly seed?: number;
}

/** The design: `trajectories × (k + 1)` unit points (row-major) and which input each step moves. */
export function morrisDesign(k: number, trajectories: number, levels: number, seed: number): { unit: Float64Array; moved: Int32Array } {
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new RangeError(`trajectories must be an integer ≥ 2, got ${trajectories}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`levels must be an even integer ≥ 2, got ${levels}`);
  const random = analysisStream(seed, 'morris');
  const delta = levels / (2 * (levels - 1));
  const starts = levels / 2; // grid points x with x + Δ ≤ 1: 0, 1/(p−1), …, 1 − Δ
  const rows = k + 1;
  const unit = new Float64Array(trajectories * rows * k);
  const moved = new Int32Array(trajectories * k);
  const x = new Float64Array(k);
  const low = new Float64Array(k);
  const atLow = new Uint8Array(k);
  const order = new Int32Array(k);
  for (let t = 0; t < trajectories; t++) {
    // Each coordinate takes two values on the trajectory: a grid point and that point + Δ.
    for (let i = 0; i < k; i++) {
      low[i] = Math.floor(random() * starts) / (levels - 1);
      atLow[i] = random() < 0.5 ? 1 : 0;
      x[i] = (low[i] as number) + (atLow[i] ? 0 : delta);
      order[i] = i;
    }
    // Fisher–Yates: the order in which this trajectory moves the inputs.
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    const first = t * rows;
    unit.set(x, first * k);
    for (let s = 0; s < k; s++) {
      const i = order[s] as number;
      x[i] = (low[i] as number) + (atLow[i] ? delta : 0);
      atLow[i] = atLow[i] ? 0 : 1;
      unit.set(x, (first + s + 1) * k);
      moved[t * k + s] = i;
    }
  }
  return { unit, moved };
}

/**
 * Elementary effects of every input on every output.
 *
 * @example
 *   import { morris } from 'hangzhou-reform-sim';
 *   const inputs = [{ id: 'a', min: 0, max: 1 }, { id: 'b', min: 0, max: 10 }];
 *   const r = await morris((x) => 3 * x[0] + 0.5 * x[1], { inputs, trajectories: 10, seed: 1 });
 *   console.log(r.outputs[0].effects.map((e) => `${e.input} μ*=${e.muStar.toFixed(2)} σ=${e.sigma.toFixed(2)}`).join(', ')); // b μ*=5.00 σ=0.00, a μ*=3.00 σ=0.00
 */
export async function morris(model: Evaluable, options: MorrisOptions = {}): Promise<MorrisResult> {
  const inputs = inputsOf(model, options);
  const k = inputs.length;
  const trajectories = options.trajectories ?? 20;
  const levels = options.levels ?? 4;
  const seed = options.seed ?? 2011;
  const { unit, moved } = morrisDesign(k, trajectories, levels, seed);
  const count = trajectories * (k + 1);
  const points = new Float64Array(unit.length);
  for (let p = 0; p < count; p++) for (let i = 0; i < k; i++) points[p * k + i] = fromUnit(inputs[i] as Input, unit[p * k + i] as number);
  const { values, outputs } = await evaluatePoints(model, points, count, k, options);
  const m = outputs.length;

  const results = outputs.map((output, j): MorrisOutput => {
    const effects: number[][] = inputs.map(() => []);
    for (let t = 0; t < trajectories; t++) {
      for (let s = 0; s < k; s++) {
        const i = moved[t * k + s] as number;
        const input = inputs[i] as Input;
        const before = t * (k + 1) + s;
        const after = before + 1;
        const range = input.max - input.min;
        const dx = (points[after * k + i] as number) - (points[before * k + i] as number);
        const dy = (values[after * m + j] as number) - (values[before * m + j] as number);
        if (range === 0) effects[i]?.push(0);
        else if (dx !== 0) effects[i]?.push(dy / (dx / range));
      }
    }
    const stats = inputs.map((input, i): MorrisEffect => {
      const ee = effects[i] ?? [];
      const n = ee.length;
      const mu = n > 0 ? ee.reduce((a, b) => a + b, 0) / n : NaN;
      const muStar = n > 0 ? ee.reduce((a, b) => a + Math.abs(b), 0) / n : NaN;
      const sigma = n > 1 ? Math.sqrt(ee.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : NaN;
      return { input: input.id, label: input.label ?? null, mu, muStar, sigma, n };
    });
    stats.sort(byDescending((e) => e.muStar, (e) => e.input));
    return { output, effects: stats };
  });
  return { method: 'morris', inputs, outputs: results, trajectories, levels, seed, evaluations: count };
}
