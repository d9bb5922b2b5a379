/**
 * Errors users see. An InputError is bad input (exit code 2): it lists every problem found, each
 * naming the file, the field path, the bad value and what was expected.
 */

export interface InputProblem {
  /** File the problem is in, or '<cli>' for command-line usage. */
  readonly file: string;
  /** Field path, e.g. `parameters.hukou_conv_rate_migrant` or `uncertainty.x.min`; '' for the file. */
  readonly path: string;
  /** What is wrong and what was expected, naming the bad value. */
  readonly message: string;
}

export const formatProblem = (p: InputProblem): string =>
  p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;

export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** A model that cannot be built (cycle, unit mismatch, unknown variable): a programming error. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}
