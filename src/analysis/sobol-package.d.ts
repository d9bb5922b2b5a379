/** Types of the `sobol` package (it ships none): a Sobol' sequence generator, Joe–Kuo direction numbers. */
declare module 'sobol' {
  export class SobolSequenceGenerator {
    constructor(dimension: number);
    readonly dimension: number;
    /** The next point of the sequence (the first call returns the all-zero point). */
    nextVector(): number[];
  }
}
