/**
 * The system-dynamics engine: build checks, compilation to straight-line typed-array functions,
 * typed outputs, inspection. Standalone: nothing here knows the Hangzhou model.
 */
export { compileModel, generatedSourceOf, DEFAULT_OPTIONS } from './compile.js';
export { inspectModel } from './inspect.js';
export { outputLayout, type OutputLayout, type RunOutputs } from './outputs.js';
export { FUNCTIONS, FUNCTION_NAMES, TIME_SYMBOLS, type EquationFunction, type FunctionName } from './functions.js';
export { unitDims, formatDims } from './units.js';
export { valueForYear, toSchedule, leverValueForYear } from './inputs.js';
export type { ResolvedSchedule } from './inputs.js';
export type * from './types.js';
