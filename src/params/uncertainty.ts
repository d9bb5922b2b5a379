/**
 * Shorthands for the plausible range of an assumed lever default (`ParamRecord.uncertainty`), so
 * the lever modules state the range and its reason in one line.
 */
import type { LeverUncertainty } from './types.js';

/** Triangular over [min, max], most likely at `mode` (usually the default). */
export const triangular = (min: number, mode: number, max: number, reason: string): LeverUncertainty => ({
  distribution: { dist: 'triangular', min, mode, max },
  reason,
});

/** Uniform over [min, max]: nothing makes one value in the range likelier than another. */
export const uniform = (min: number, max: number, reason: string): LeverUncertainty => ({
  distribution: { dist: 'uniform', min, max },
  reason,
});

/** One of several years (or other discrete values), with weights. */
export const discrete = (values: number[], weights: number[], reason: string): LeverUncertainty => ({
  distribution: { dist: 'discrete', values, weights },
  reason,
});
