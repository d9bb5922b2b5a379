/** Bounds shared by the indicator records. */

/** A share in percent. */
export const SHARE = { min: 0, max: 100 } as const;
/**
 * A count or an amount: non-negative, with no upper limit implied by the plan. A finite number
 * (not Infinity) so that the catalog survives JSON.
 */
export const COUNT = { min: 0, max: 1e9 } as const;

/** The plan's review (part 一) reports the state at the end of the 11th Five-Year period. */
export const BASE_YEAR = 2010;
