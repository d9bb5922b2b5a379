/**
 * Checks one scenario file's data (already parsed) against the format and against the levers,
 * indicators and horizon. Every problem is collected; nothing stops at the first one. Problems are
 * local (a field path and a message); the loader adds the file and the line.
 */
import { LIMITS } from '../limits.js';
import type { ParamRecord } from '../params/types.js';
import type { FullContext } from './context.js';
import { messages } from './messages.js';
import { suggestIds } from '../util/suggest.js';
import type { PathSegment } from './source.js';
import type { DistributionKind, ScenarioFile } from './types.js';

export interface LocalProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** Point at the key (unknown names) rather than the value. */
  readonly focus?: 'key' | 'value';
}

export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Top-level fields of a scenario file, in the order they are documented. */
export const TOP_LEVEL_FIELDS = [
  '$schema',
  'id',
  'title',
  'description',
  'extends',
  'parameters',
  'uncertainty',
  'montecarlo',
  'targets',
] as const satisfies readonly (keyof ScenarioFile)[];

/** Fields of each distribution: required first, then optional. */
export const DISTRIBUTION_FIELDS = {
  uniform: { required: ['min', 'max'], optional: [] },
  triangular: { required: ['min', 'mode', 'max'], optional: [] },
  normal: { required: ['mean', 'sd'], optional: ['min', 'max'] },
  beta: { required: ['alpha', 'beta', 'min', 'max'], optional: [] },
  discrete: { required: ['values'], optional: ['weights'] },
} as const satisfies Record<DistributionKind, { required: readonly string[]; optional: readonly string[] }>;
const DISTRIBUTION_KINDS = Object.keys(DISTRIBUTION_FIELDS) as DistributionKind[];
const isDistributionKind = (s: unknown): s is DistributionKind =>
  typeof s === 'string' && Object.hasOwn(DISTRIBUTION_FIELDS, s);

const LEVEL_TARGET_FIELDS = ['indicator', 'year', 'level', 'comparator', 'tolerance', 'label'] as const;
const CHANGE_TARGET_FIELDS = ['indicator', 'year', 'change', 'relative', 'baseYear', 'label'] as const;
const COMPARATORS = ['>=', '<=', '≈'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isYear = (v: unknown): v is number => isNum(v) && Number.isInteger(v);

/** C0 controls except tab and line feed, DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const TEXT_EXPECTED = "a bilingual text {zh: '…', en: '…'}";

/**
 * Validates `data`; returns the problems and, when there are none, the data typed as a
 * ScenarioFile.
 */
export function validateScenarioData(
  data: unknown,
  ctx: FullContext,
): { problems: LocalProblem[]; file: ScenarioFile | null } {
  const problems: LocalProblem[] = [];
  const report = (path: readonly PathSegment[], message: string, focus?: 'key' | 'value'): void => {
    problems.push(focus ? { path, message, focus } : { path, message });
  };

  if (!isObj(data)) {
    report([], messages.notAMapping(data));
    return { problems, file: null };
  }

  checkUnknownFields(data, TOP_LEVEL_FIELDS, [], report);

  if (data.$schema !== undefined && typeof data.$schema !== 'string')
    report(['$schema'], messages.wrongType(data.$schema, 'a path to scenario.schema.json'));

  if (data.id === undefined) report(['id'], messages.missingField('id', "an id such as 'hukou-first'"));
  else if (typeof data.id !== 'string' || !SCENARIO_ID_PATTERN.test(data.id)) report(['id'], messages.badId(data.id));

  if (data.title === undefined) report(['title'], messages.missingField('title', TEXT_EXPECTED));
  else checkText(data.title, ['title'], report);
  if (data.description !== undefined) checkText(data.description, ['description'], report);

  if (data.extends !== undefined && (typeof data.extends !== 'string' || data.extends.trim() === ''))
    report(['extends'], messages.wrongType(data.extends, "another scenario's id (e.g. 'plan') or a relative path"));

  if (data.parameters !== undefined) checkParameters(data.parameters, ctx, report);
  if (data.uncertainty !== undefined) checkUncertainty(data.uncertainty, ctx, report);
  if (data.montecarlo !== undefined) checkMonteCarlo(data.montecarlo, report);
  if (data.targets !== undefined) checkTargets(data.targets, ctx, report);

  // The checks above establish every property of ScenarioFile.
  return { problems, file: problems.length === 0 ? (data as unknown as ScenarioFile) : null };
}

type Report = (path: readonly PathSegment[], message: string, focus?: 'key' | 'value') => void;

function checkUnknownFields(obj: Obj, allowed: readonly string[], path: readonly PathSegment[], report: Report): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) report([...path, key], messages.unknownField(key, allowed, suggestIds(key, allowed)), 'key');
  }
}

function checkText(value: unknown, path: readonly PathSegment[], report: Report): void {
  if (!isObj(value)) {
    report(path, messages.wrongType(value, TEXT_EXPECTED));
    return;
  }
  for (const lang of ['zh', 'en'] as const) {
    const v = value[lang];
    if (v === undefined) report([...path, lang], messages.missingField(lang, `a non-empty ${lang === 'zh' ? 'Chinese' : 'English'} text`));
    else if (typeof v !== 'string' || v.trim() === '') report([...path, lang], messages.wrongType(v, 'a non-empty text'));
    else {
      // Texts are printed in tables and briefings: a control character could rewrite a terminal.
      const control = CONTROL_CHARACTER.exec(v);
      if (control) report([...path, lang], messages.controlCharacter(control[0].charCodeAt(0)));
    }
  }
  checkUnknownFields(value, ['zh', 'en'], path, report);
}

// --- levers -------------------------------------------------------------------------------------

function lookupLever(id: string, path: readonly PathSegment[], ctx: FullContext, report: Report): ParamRecord | null {
  const lever = ctx.params.get(id);
  if (!lever) report(path, messages.unknownLever(id, suggestIds(id, ctx.paramIds)), 'key');
  return lever ?? null;
}

/** Range and integer checks of one number set on a lever. */
function checkLeverNumber(value: number, lever: ParamRecord, path: readonly PathSegment[], report: Report): void {
  const { min, max } = lever.range;
  if (value < min || value > max) report(path, messages.outOfRange(value, lever.id, min, max, lever.unit));
  if (lever.integer && !Number.isInteger(value)) report(path, messages.notInteger(value, lever.id));
}

function checkParameters(value: unknown, ctx: FullContext, report: Report): void {
  if (!isObj(value)) {
    report(['parameters'], messages.wrongType(value, 'a mapping from lever id to a number, a schedule or {scale: k}'));
    return;
  }
  for (const [id, v] of Object.entries(value)) {
    const path = ['parameters', id];
    const lever = lookupLever(id, path, ctx, report);
    if (!lever) continue;
    if (isNum(v)) {
      checkLeverNumber(v, lever, path, report);
    } else if (isObj(v) && Object.hasOwn(v, 'scale')) {
      // {scale: k}: k × the inherited value; the result is checked against the range once merged.
      const extra = Object.keys(v).filter((k) => k !== 'scale');
      for (const key of extra) report([...path, key], messages.unknownField(key, ['scale'], suggestIds(key, ['scale'])), 'key');
      if (!isNum(v.scale) || v.scale < 0) report([...path, 'scale'], messages.badScale(v.scale));
    } else if (isObj(v)) {
      const entries = Object.entries(v);
      if (entries.length === 0) report(path, messages.emptySchedule());
      for (const [yearKey, x] of entries) {
        if (!/^-?\d+$/.test(yearKey)) report([...path, yearKey], messages.scheduleYearNotInteger(yearKey), 'key');
        else {
          const year = Number(yearKey);
          if (year < ctx.start || year > ctx.until)
            report([...path, yearKey], messages.scheduleYearOutsideHorizon(year, ctx.start, ctx.until), 'key');
        }
        if (!isNum(x)) report([...path, yearKey], messages.wrongType(x, `a number in [${lever.range.min}, ${lever.range.max}]`));
        else checkLeverNumber(x, lever, [...path, yearKey], report);
      }
    } else {
      report(path, messages.leverValueType(v));
    }
  }
}

// --- uncertainty --------------------------------------------------------------------------------

function checkUncertainty(value: unknown, ctx: FullContext, report: Report): void {
  if (!isObj(value)) {
    report(['uncertainty'], messages.wrongType(value, 'a mapping from lever id to a distribution'));
    return;
  }
  for (const [id, spec] of Object.entries(value)) {
    const path = ['uncertainty', id];
    const lever = lookupLever(id, path, ctx, report);
    if (!isObj(spec)) {
      report(path, messages.wrongType(spec, 'a distribution such as {dist: triangular, min: 0.05, mode: 0.08, max: 0.1}'));
      continue;
    }
    checkDistribution(spec, path, lever, report);
  }
}

function checkDistribution(spec: Obj, path: readonly PathSegment[], lever: ParamRecord | null, report: Report): void {
  const dist = spec.dist;
  if (dist === undefined) {
    report([...path, 'dist'], messages.missingField('dist', `one of ${DISTRIBUTION_KINDS.join(', ')}`));
    return;
  }
  if (!isDistributionKind(dist)) {
    const suggestions = typeof dist === 'string' ? suggestIds(dist, DISTRIBUTION_KINDS) : [];
    report([...path, 'dist'], messages.unknownDist(dist, DISTRIBUTION_KINDS, suggestions));
    return;
  }
  const fields = DISTRIBUTION_FIELDS[dist];
  const allowed: readonly string[] = ['dist', ...fields.required, ...fields.optional];
  checkUnknownFields(spec, allowed, path, report);

  // Numbers first; the relations between them only make sense once they are numbers.
  let numbersOk = true;
  const num = (field: string, required: boolean): number | undefined => {
    const v = spec[field];
    if (v === undefined) {
      if (required) {
        report([...path, field], messages.missingField(field, 'a number'));
        numbersOk = false;
      }
      return undefined;
    }
    if (!isNum(v)) {
      report([...path, field], messages.wrongType(v, 'a number'));
      numbersOk = false;
      return undefined;
    }
    return v;
  };

  const leverSupport = (what: string, lo: number, hi: number): void => {
    if (!lever) return;
    const { min, max } = lever.range;
    if (lo < min || hi > max) report(path, messages.supportOutsideLever(what, lo, hi, lever.id, min, max, lever.unit));
  };

  switch (dist) {
    case 'uniform':
    case 'triangular':
    case 'beta': {
      const min = num('min', true);
      const mode = dist === 'triangular' ? num('mode', true) : undefined;
      const max = num('max', true);
      if (dist === 'beta') {
        for (const shape of ['alpha', 'beta'] as const) {
          const s = num(shape, true);
          if (s !== undefined && s <= 0) report([...path, shape], messages.notPositive(shape, s));
        }
      }
      if (min === undefined || max === undefined) return;
      if (min > max) {
        report([...path, 'min'], messages.minAboveMax(min, max));
        return;
      }
      if (mode !== undefined && (mode < min || mode > max)) report([...path, 'mode'], messages.modeOutside(mode, min, max));
      if (numbersOk) leverSupport(`the distribution's support`, min, max);
      return;
    }
    case 'normal': {
      const mean = num('mean', true);
      const sd = num('sd', true);
      const min = num('min', false);
      const max = num('max', false);
      if (sd !== undefined && sd <= 0) report([...path, 'sd'], messages.notPositive('sd', sd));
      if (min !== undefined && max !== undefined && min > max) {
        report([...path, 'min'], messages.minAboveMax(min, max));
        return;
      }
      if (mean !== undefined && (min !== undefined || max !== undefined)) {
        const lo = min ?? -Infinity;
        const hi = max ?? Infinity;
        if (mean < lo || mean > hi) report([...path, 'mean'], messages.meanOutside(mean, lo, hi));
      }
      if (lever && mean !== undefined) {
        const r = lever.range;
        if (mean < r.min || mean > r.max) report([...path, 'mean'], messages.outOfRange(mean, lever.id, r.min, r.max, lever.unit));
      }
      if (lever && (min !== undefined || max !== undefined))
        leverSupport('the truncation interval', min ?? lever.range.min, max ?? lever.range.max);
      return;
    }
    case 'discrete': {
      const values = spec.values;
      const weights = spec.weights;
      if (values === undefined) {
        report([...path, 'values'], messages.missingField('values', 'a list of numbers'));
        return;
      }
      if (!Array.isArray(values)) {
        report([...path, 'values'], messages.wrongType(values, 'a list of numbers'));
        return;
      }
      if (values.length === 0) report([...path, 'values'], messages.discreteEmpty());
      values.forEach((v: unknown, i) => {
        if (!isNum(v)) report([...path, 'values', i], messages.wrongType(v, 'a number'));
        else if (lever) checkLeverNumber(v, lever, [...path, 'values', i], report);
      });
      if (weights === undefined) return;
      if (!Array.isArray(weights)) {
        report([...path, 'weights'], messages.wrongType(weights, 'a list of numbers ≥ 0, one per value'));
        return;
      }
      if (weights.length !== values.length) report([...path, 'weights'], messages.weightsLength(weights.length, values.length));
      let total = 0;
      let allNumbers = true;
      weights.forEach((w: unknown, i) => {
        if (!isNum(w)) {
          allNumbers = false;
          report([...path, 'weights', i], messages.wrongType(w, 'a number ≥ 0'));
        } else if (w < 0) report([...path, 'weights', i], messages.weightNegative(w));
        else total += w;
      });
      if (allNumbers && weights.length > 0 && total === 0 && weights.every((w) => w === 0))
        report([...path, 'weights'], messages.weightsZero());
      return;
    }
  }
}

// --- Monte Carlo --------------------------------------------------------------------------------

function checkMonteCarlo(value: unknown, report: Report): void {
  const path = ['montecarlo'];
  if (!isObj(value)) {
    report(path, messages.wrongType(value, '{runs: 200, seed: 2011}'));
    return;
  }
  checkUnknownFields(value, ['runs', 'seed'], path, report);
  if (value.runs === undefined) report([...path, 'runs'], messages.missingField('runs', 'an integer ≥ 1'));
  else if (!isNum(value.runs) || !Number.isInteger(value.runs) || value.runs < 1 || value.runs > LIMITS.runs.value) report([...path, 'runs'], messages.runsInvalid(value.runs));
  if (value.seed === undefined) report([...path, 'seed'], messages.missingField('seed', 'a non-negative integer'));
  else if (!isNum(value.seed) || !Number.isSafeInteger(value.seed) || value.seed < 0) report([...path, 'seed'], messages.seedInvalid(value.seed));
}

// --- targets ------------------------------------------------------------------------------------

function checkTargets(value: unknown, ctx: FullContext, report: Report): void {
  if (!Array.isArray(value)) {
    report(['targets'], messages.wrongType(value, 'a list of targets'));
    return;
  }
  value.forEach((item: unknown, i) => {
    const path = ['targets', i];
    if (!isObj(item)) {
      report(path, messages.wrongType(item, '{indicator, year, level, comparator} or {indicator, year, change, relative}'));
      return;
    }
    const hasLevel = item.level !== undefined;
    const hasChange = item.change !== undefined;
    if (hasLevel && hasChange) report(path, messages.targetKindBoth());
    if (!hasLevel && !hasChange) report(path, messages.targetKindUnclear());
    const isChange = hasChange && !hasLevel;
    checkUnknownFields(item, isChange ? CHANGE_TARGET_FIELDS : LEVEL_TARGET_FIELDS, path, report);

    let indicator = null;
    if (item.indicator === undefined) report([...path, 'indicator'], messages.missingField('indicator', 'an indicator id (see `hzsim catalog`)'));
    else if (typeof item.indicator !== 'string') report([...path, 'indicator'], messages.wrongType(item.indicator, 'an indicator id'));
    else {
      indicator = ctx.indicators.find(item.indicator) ?? null;
      if (!indicator) report([...path, 'indicator'], messages.unknownIndicator(item.indicator, suggestIds(item.indicator, ctx.indicators.ids)));
    }

    let year: number | null = null;
    if (item.year === undefined) report([...path, 'year'], messages.missingField('year', `an integer year in ${ctx.start + 1}..${ctx.until}`));
    else if (!isYear(item.year)) report([...path, 'year'], messages.yearNotInteger(item.year));
    else if (item.year < ctx.start || item.year > ctx.until)
      report([...path, 'year'], messages.targetYearOutsideHorizon(item.year, ctx.start, ctx.until));
    else year = item.year;

    if (item.label !== undefined) checkText(item.label, [...path, 'label'], report);

    if (hasLevel) {
      if (!isNum(item.level)) report([...path, 'level'], messages.wrongType(item.level, 'a number'));
      else if (indicator) {
        const { min, max } = indicator.bounds;
        if (item.level < min || item.level > max)
          report([...path, 'level'], messages.levelOutsideBounds(item.level, indicator.id, min, max, indicator.unit));
      }
      if (item.comparator === undefined) report([...path, 'comparator'], messages.missingField('comparator', "one of '>=', '<=', '≈'"));
      else if (!COMPARATORS.includes(item.comparator as (typeof COMPARATORS)[number]))
        report([...path, 'comparator'], messages.badComparator(item.comparator));
      if (item.tolerance !== undefined) {
        if (!isNum(item.tolerance)) report([...path, 'tolerance'], messages.wrongType(item.tolerance, 'a number ≥ 0'));
        else if (item.tolerance < 0) report([...path, 'tolerance'], messages.toleranceNegative(item.tolerance));
      } else if (item.comparator === '≈') report([...path, 'tolerance'], messages.toleranceNeeded());
    }
    if (isChange) {
      if (!isNum(item.change)) report([...path, 'change'], messages.wrongType(item.change, 'a number (e.g. -0.2 with relative: true)'));
      if (item.relative === undefined)
        report([...path, 'relative'], messages.missingField('relative', 'true (change is a fraction, -0.2 = −20 %) or false (in the indicator\'s unit)'));
      else if (typeof item.relative !== 'boolean') report([...path, 'relative'], messages.wrongType(item.relative, 'true or false'));
      else if (item.relative && isNum(item.change) && item.change < -1) report([...path, 'change'], messages.relativeChangeBelow(item.change));
      if (item.baseYear !== undefined) {
        if (!isYear(item.baseYear)) report([...path, 'baseYear'], messages.yearNotInteger(item.baseYear));
        else if (year !== null && (item.baseYear < ctx.start || item.baseYear >= year))
          report([...path, 'baseYear'], messages.baseYearNotBefore(item.baseYear, year, ctx.start));
      }
    }
  });
}
