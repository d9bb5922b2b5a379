/** Every error text the engine produces, in one place (model authors and scenario users read these). */
import { LANGUAGE_SUMMARY } from './functions.js';

const q = (s: string): string => `\`${s}\``;

export const messages = {
  badId: (id: string, sub: string) =>
    `variable id ${q(id)} in subsystem ${q(sub)} is not an identifier (expected letters, digits and _, not starting with a digit)`,
  reservedId: (id: string, sub: string) =>
    `variable id ${q(id)} in subsystem ${q(sub)} is reserved (a function of the equation language, or time/dt/start)`,
  duplicateId: (id: string, first: string, second: string) =>
    `duplicate variable id ${q(id)} (declared in subsystem ${q(first)} and again in ${q(second)})`,
  syntax: (owner: string, field: string, source: string, detail: string) =>
    `cannot parse ${field} of ${q(owner)}: ${q(source)}: ${detail}`,
  notInLanguage: (owner: string, field: string, source: string, what: string) =>
    `${field} of ${q(owner)} = ${q(source)} uses ${what}, which is not in the equation language ` +
    `(${LANGUAGE_SUMMARY})`,
  unknownSymbol: (owner: string, field: string, source: string, symbol: string, near: readonly string[]) =>
    `unknown symbol ${q(symbol)} in ${field} of ${q(owner)} = ${q(source)}` +
    (near.length > 0 ? `; nearest ids: ${near.map(q).join(', ')}` : ''),
  notAFlow: (stock: string, side: 'inflows' | 'outflows', id: string, actual: string | null) =>
    `stock ${q(stock)} lists ${q(id)} in its ${side}, but ` +
    (actual === null ? 'no variable has that id' : `${q(id)} is a ${actual}, not a flow`),
  flowListedTwice: (stock: string, flow: string) =>
    `stock ${q(stock)} lists flow ${q(flow)} more than once among its inflows and outflows`,
  cycle: (what: string, path: readonly string[]) =>
    `cycle: ${path.join(' → ')} (${what}; each arrow reads "is read by"; make one of them a stock or remove a dependency)`,
  initialReadsNonStock: (stock: string, source: string, other: string, kind: string) =>
    `initial of stock ${q(stock)} = ${q(source)} reads ${kind} ${q(other)}; initials may read only inputs and other stocks`,
  unknownOutputVariable: (output: string, variable: string, near: readonly string[]) =>
    `output ${q(output)} reports unknown variable ${q(variable)}` +
    (near.length > 0 ? `; nearest ids: ${near.map(q).join(', ')}` : ''),
  duplicateOutput: (output: string) => `duplicate output id ${q(output)}`,
  // units
  badUnit: (where: string, unit: string, detail: string) =>
    `unit ${q(unit)} of ${where} is not a unit expression over person, household, hectare, yuan, percent, year, 1: ${detail}`,
  unitMismatch: (kind: string, owner: string, source: string, detail: string) =>
    `unit mismatch in ${kind} ${q(owner)} = ${q(source)}: ${detail}`,
  cannotCombine: (verb: string, a: string, b: string) => `cannot ${verb} ${a} and ${b}`,
  needsDimensionless: (fn: string, actual: string) => `${fn} needs a dimensionless argument, got ${actual}`,
  powExponent: (detail: string) => `exponent ${detail}`,
  resultUnit: (actual: string, declared: string) => `result has unit ${actual} but the declared unit is ${declared}`,
  flowFeedsStock: (flow: string, stock: string, stockUnit: string, flowUnit: string, expected: string) =>
    `flow ${q(flow)} feeds stock ${q(stock)} (${stockUnit}) but has unit ${flowUnit} (expected ${expected})`,
  inputParamUnit: (input: string, inputUnit: string, param: string, paramUnit: string) =>
    `input ${q(input)} has unit ${inputUnit} but its lever ${q(param)} has unit ${paramUnit}`,
  // compile and run
  unknownInputParam: (input: string, param: string, near: readonly string[]) =>
    `input ${q(input)} takes lever ${q(param)}, which is not among the parameters given to compileModel` +
    (near.length > 0 ? `; nearest ids: ${near.map(q).join(', ')}` : ''),
  unknownRunParam: (param: string, near: readonly string[]) =>
    `unknown parameter ${q(param)} given to run/prepare` + (near.length > 0 ? `; nearest ids: ${near.map(q).join(', ')}` : ''),
  badParamValue: (param: string, value: unknown) =>
    `parameter ${q(param)} has value ${JSON.stringify(value)}; expected a finite number or a schedule {year: number, ...}`,
  badDt: (dt: number) =>
    `time step dt = ${dt} does not divide one year into a whole number of steps (use e.g. 1, 1/2, 1/4, 1/12, 1/52)`,
  badStart: (start: number) => `start = ${start} must be an integer year (reports fall on year ends)`,
  badUntil: (until: number, start: number) => `until = ${until} must be an integer year not before start = ${start}`,
  badMethod: (method: string) => `integration method ${q(method)} is unknown (expected 'euler' or 'rk4')`,
  unknownOutput: (output: string, near: readonly string[]) =>
    `no output ${q(output)}` + (near.length > 0 ? `; nearest ids: ${near.map(q).join(', ')}` : ''),
  yearNotReported: (year: number, first: number, last: number) => `year ${year} is not reported (the run reports ${first}–${last})`,
  outTooShort: (length: number, needed: number) => `output buffer has length ${length}; needs at least ${needed}`,
  overrideLengths: (idx: number, values: number) =>
    `overrideIdx has ${idx} entries but overrideValues has ${values}; they must match`,
  overrideIndex: (i: number, index: number, count: number) =>
    `overrideIdx[${i}] = ${index} is not a lever index (0…${count - 1})`,
} as const;
