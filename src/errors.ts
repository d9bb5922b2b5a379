/**
 * Errors users see. An InputError is bad input (exit code 2): it lists every problem found, each
 * naming the file, the field path, the bad value and what was expected.
 */
import { safeText } from './util/quote.js';

export interface InputProblem {
  /** File the problem is in, or '<cli>' for command-line usage. */
  readonly file: string;
  /** Field path, e.g. `parameters.hukou_conv_rate_migrant` or `uncertainty.x.min`; '' for the file. */
  readonly path: string;
  /** What is wrong and what was expected, naming the bad value. */
  readonly message: string;
}

/** `file: path: message`; the file and the path (which holds the user's keys) are escaped and cut when long. */
export const formatProblem = (p: InputProblem): string => {
  const file = safeText(p.file, 200);
  return p.path ? `${file}: ${safeText(p.path, 200)}: ${p.message}` : `${file}: ${p.message}`;
};

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
