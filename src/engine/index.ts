/** The system-dynamics engine: build checks, compilation to one typed-array function, inspection. */
export { compileModel, generatedSourceOf, DEFAULT_OPTIONS } from './compile.js';
export { inspectModel } from './inspect.js';
export { unitDims, formatDims } from './units.js';
export { valueForYear, toSchedule } from './inputs.js';
export type { ResolvedSchedule, Interpolation } from './inputs.js';
export type * from './types.js';
