/**
 * Number formatting for the validation report: rounded so that the generated file is byte-stable
 * (the last bits of a floating-point result may differ between platforms; three or four
 * significant digits do not).
 */

/** `x` to `digits` significant digits, without exponent notation for ordinary magnitudes. */
export function sig(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e12) return x.toExponential(digits - 1).replace('-', '−');
  const rounded = Number(x.toPrecision(digits));
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(decimals).replace(/^-/, '−');
}

/** A share in [0, 1] as a percentage with `decimals` decimals: 0.925 → `92.5 %`. */
export const percent = (share: number, decimals = 0): string => (Number.isNaN(share) ? '—' : `${(100 * share).toFixed(decimals)} %`);

/** A number with fixed decimals, minus sign typeset. */
export const fixed = (x: number, decimals: number): string => (Number.isNaN(x) ? '—' : (Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x).toFixed(decimals).replace(/^-/, '−'));
