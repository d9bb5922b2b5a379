/**
 * The units published figures are stated in, and how each converts to a model unit. This table is
 * the only place a stated figure is rescaled: a row of the observed-data file keeps the value and
 * unit as its source writes them, and the loader converts through here.
 *
 * Each stated unit converts to exactly one model unit (the unit the model's output is reported
 * in), so a unit of the wrong kind for an observable — 万人 for a percentage — is caught by
 * comparing model units.
 */
import { roundNumber } from '../util/csv.js';

/** Units the model reports observable quantities in. */
export const ModelUnits = {
  '人': { zh: '人', en: 'persons' },
  '人/年': { zh: '人/年', en: 'persons per year' },
  '%': { zh: '%', en: '%' },
  ratio: { zh: '比值（农村 = 1）', en: 'ratio (rural = 1)' },
  '亿元': { zh: '亿元', en: '100 million yuan' },
  '元': { zh: '元（人均）', en: 'yuan per person' },
  '家': { zh: '家', en: 'firms' },
  '分': { zh: '分（0–100）', en: 'points (0–100)' },
  '公顷': { zh: '公顷', en: 'hectares' },
  '项': { zh: '项', en: 'items' },
  '年': { zh: '年', en: 'calendar year' },
} as const;
export type ModelUnit = keyof typeof ModelUnits;

export interface StatedUnit {
  /** The model unit a value in this unit converts to. */
  readonly to: ModelUnit;
  /** Multiply the stated value by this to get the model value. */
  readonly factor: number;
  /** What the unit means, for documentation and messages. */
  readonly meaning: string;
}

/** 1 亩 = 10000/15 m² = 1/15 hectare (the statutory market mu). */
const HECTARES_PER_MU = 1 / 15;

/**
 * Every unit a row may state. Chinese units as the statistics bureaus write them, English units as
 * the city's English portal writes them. "/年" marks a flow over the calendar year in the row's
 * year column (the sources write 增加3.76万 for "up 37,600 in the year").
 */
export const StatedUnits = {
  '人': { to: '人', factor: 1, meaning: 'persons' },
  '万人': { to: '人', factor: 1e4, meaning: '10,000 persons' },
  'million persons': { to: '人', factor: 1e6, meaning: 'million persons' },
  '人/年': { to: '人/年', factor: 1, meaning: 'persons over the year' },
  '万人/年': { to: '人/年', factor: 1e4, meaning: '10,000 persons over the year' },
  '%': { to: '%', factor: 1, meaning: 'percent' },
  ratio: { to: 'ratio', factor: 1, meaning: 'urban ÷ rural, written n︰1' },
  '亿元': { to: '亿元', factor: 1, meaning: '100 million yuan' },
  '万元': { to: '亿元', factor: 1e-4, meaning: '10,000 yuan' },
  'billion yuan': { to: '亿元', factor: 10, meaning: 'billion yuan (RMB)' },
  '元': { to: '元', factor: 1, meaning: 'yuan per person (per-capita figures)' },
  yuan: { to: '元', factor: 1, meaning: 'yuan (RMB) per person (per-capita figures)' },
  '家': { to: '家', factor: 1, meaning: 'firms' },
  '分': { to: '分', factor: 1, meaning: 'evaluation points on a 0–100 scale' },
  '公顷': { to: '公顷', factor: 1, meaning: 'hectares' },
  '亩': { to: '公顷', factor: HECTARES_PER_MU, meaning: 'mu (1/15 hectare)' },
  '万亩': { to: '公顷', factor: 1e4 * HECTARES_PER_MU, meaning: '10,000 mu' },
  '项': { to: '项', factor: 1, meaning: 'items or cases' },
  '年': { to: '年', factor: 1, meaning: 'calendar year (of a milestone)' },
} as const satisfies Record<string, StatedUnit>;
export type StatedUnitName = keyof typeof StatedUnits;

export const statedUnitNames = Object.keys(StatedUnits) as StatedUnitName[];
export const isStatedUnit = (u: string): u is StatedUnitName => Object.hasOwn(StatedUnits, u);

/** The stated units that convert to `modelUnit`. */
export const statedUnitsFor = (modelUnit: ModelUnit): StatedUnitName[] =>
  statedUnitNames.filter((u) => StatedUnits[u].to === modelUnit);

/**
 * A stated value in model units, with the project's output rounding (12 significant digits) so
 * that 780.398 billion yuan reads as 7803.98 亿元 and not 7803.9800000000005.
 */
export function toModelUnit(value: number, unit: StatedUnitName): number {
  return roundNumber(value * StatedUnits[unit].factor) ?? Number.NaN;
}
