/**
 * One test per kind of scenario-file problem, asserting the whole problem: file, field path, the
 * bad value and what was expected, and the line and column where it is written.
 */
import { describe, expect, test } from 'vitest';
import { check, yaml } from './fixtures.js';

/** The single problem of a file (fails if there are more or none). */
function only(files: Record<string, string>, entry?: string, until?: number) {
  const r = check(files, entry, until);
  expect(r.scenario).toBeNull();
  expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toHaveLength(1);
  return r.problems[0]!;
}

describe('reading', () => {
  test('YAML syntax error names line and column', () => {
    const p = only({ 'a.yaml': 'id: x\ntitle: {zh: 甲, en: A\nparameters: {}\n' });
    expect(p).toEqual({
      file: 'a.yaml',
      path: '',
      message: 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } (line 3, column 1)',
      line: 3,
      column: 1,
    });
  });

  test('duplicate YAML keys are a syntax error at the second key', () => {
    const p = only({ 'a.yaml': yaml('id: again') });
    expect(p.message).toBe('YAML syntax error: Map keys must be unique (line 3, column 1)');
  });

  test('JSON syntax error names line and column', () => {
    const p = only({ 'a.json': '{"id": "x",\n "title": {"zh": "甲", "en": "A"}\n' }, 'a.json');
    expect(p.file).toBe('a.json');
    expect(p.message).toMatch(/^JSON syntax error: .+ \(line 3, column 1\)$/);
  });

  test('a JSON file is validated like YAML, with positions', () => {
    const p = only({ 'a.json': '{"id": "x",\n "title": {"zh": "甲", "en": "A"},\n "parameters": {"pilot_year": 2030}}' }, 'a.json');
    expect(p).toMatchObject({
      path: 'parameters.pilot_year',
      message: 'value 2030 is outside the range of lever pilot_year — expected a number in [2011, 2020] (year) (line 3, column 31)',
    });
  });

  test('missing file', () => {
    const p = only({ 'a.yaml': yaml() }, 'b.yaml');
    expect(p).toEqual({ file: 'b.yaml', path: '', message: 'cannot read the file: no such file' });
  });

  test('unsupported extension', () => {
    const p = only({ 'a.txt': yaml() }, 'a.txt');
    expect(p.message).toBe("unsupported file type '.txt' — expected a scenario file ending in .yaml, .yml or .json");
  });

  test('a file that is not a mapping', () => {
    const p = only({ 'a.yaml': '- 1\n- 2\n' });
    expect(p.message).toBe('the file holds [1,2] — expected a mapping with at least id and title (see scenarios/plan.yaml) (line 1, column 1)');
  });
});

describe('required fields', () => {
  test('missing id', () => {
    const p = only({ 'a.yaml': 'title: {zh: 甲, en: A}\n' });
    expect(p).toMatchObject({ path: 'id', message: "required field 'id' is missing — expected an id such as 'hukou-first' (line 1, column 1)" });
  });

  test('id not matching the pattern', () => {
    const p = only({ 'a.yaml': 'id: Hukou_First\ntitle: {zh: 甲, en: A}\n' });
    expect(p).toMatchObject({
      path: 'id',
      message: "id 'Hukou_First' is not valid — expected lowercase letters, digits and single hyphens, e.g. 'hukou-first' (line 1, column 5)",
    });
  });

  test('id of the wrong type', () => {
    const p = only({ 'a.yaml': 'id: 12.5\ntitle: {zh: 甲, en: A}\n' });
    expect(p.message).toBe("id 12.5 is not valid — expected lowercase letters, digits and single hyphens, e.g. 'hukou-first' (line 1, column 5)");
  });

  test('title without en', () => {
    const p = only({ 'a.yaml': 'id: x\ntitle: {zh: 甲}\n' });
    expect(p).toMatchObject({ path: 'title.en', message: "required field 'en' is missing — expected a non-empty English text (line 2, column 8)" });
  });

  test('title.zh of the wrong type', () => {
    const p = only({ 'a.yaml': 'id: x\ntitle: {zh: 3, en: A}\n' });
    expect(p).toMatchObject({ path: 'title.zh', message: 'got 3 — expected a non-empty text (line 2, column 13)' });
  });

  test('title as a plain string', () => {
    const p = only({ 'a.yaml': 'id: x\ntitle: Hukou first\n' });
    expect(p).toMatchObject({ path: 'title', message: "got 'Hukou first' — expected a bilingual text {zh: '…', en: '…'} (line 2, column 8)" });
  });

  test('unknown top-level key with the nearest key', () => {
    const p = only({ 'a.yaml': yaml('paramters: {pilot_year: 2012}') });
    expect(p).toMatchObject({ path: 'paramters', message: "unknown field 'paramters' — did you mean parameters? (line 3, column 1)" });
  });

  test('unknown top-level key with nothing near lists the fields', () => {
    const p = only({ 'a.yaml': yaml('zzz: 1') });
    expect(p.message).toBe(
      "unknown field 'zzz' — expected one of $schema, id, title, description, extends, parameters, uncertainty, montecarlo, targets (line 3, column 1)",
    );
  });
});

describe('levers', () => {
  test('unknown lever with the nearest ids', () => {
    const p = only({ 'a.yaml': yaml('parameters:', '  hukou_conv_rat: 0.05') });
    expect(p).toMatchObject({
      path: 'parameters.hukou_conv_rat',
      message: "unknown lever 'hukou_conv_rat' — did you mean hukou_conv_rate_migrant, hukou_conv_rate_plan_area? (line 4, column 3)",
    });
  });

  test('unknown lever with nothing near points to hzsim params', () => {
    const p = only({ 'a.yaml': yaml('parameters: {zz: 1}') });
    expect(p.message).toBe("unknown lever 'zz' — run `hzsim params` for the list of levers (line 3, column 14)");
  });

  test('constant outside the range names the range and unit', () => {
    const p = only({ 'a.yaml': yaml('parameters:', '  hukou_conv_rate_migrant: 0.5') });
    expect(p).toMatchObject({
      path: 'parameters.hukou_conv_rate_migrant',
      message: 'value 0.5 is outside the range of lever hukou_conv_rate_migrant — expected a number in [0, 0.2] (1/year) (line 4, column 28)',
    });
  });

  test('schedule value outside the range points at that year', () => {
    const p = only({ 'a.yaml': yaml('parameters:', '  approvals_cut_rate: {2011: 0.02, 2013: -0.1}') });
    expect(p).toMatchObject({
      path: 'parameters.approvals_cut_rate.2013',
      message: 'value -0.1 is outside the range of lever approvals_cut_rate — expected a number in [0, 0.15] (1/year) (line 4, column 42)',
    });
  });

  test('non-integer value for an integer lever', () => {
    const p = only({ 'a.yaml': yaml('parameters: {pilot_year: 2012.5}') });
    expect(p).toMatchObject({
      path: 'parameters.pilot_year',
      message: 'value 2012.5 is not an integer — lever pilot_year takes whole numbers (years) (line 3, column 26)',
    });
  });

  test('value of the wrong type', () => {
    const p = only({ 'a.yaml': yaml('parameters: {pilot_year: soon}') });
    expect(p.message).toBe("got 'soon' — expected a number, a schedule by year such as {2011: 0.02, 2013: 0.05}, or {scale: 1.5} of the inherited value (line 3, column 26)");
  });

  test('schedule year before the base year', () => {
    const p = only({ 'a.yaml': yaml('parameters:', '  approvals_cut_rate: {2009: 0.02}') });
    expect(p).toMatchObject({
      path: 'parameters.approvals_cut_rate.2009',
      message: 'schedule year 2009 is outside the horizon — expected a year in 2010..2015 (line 4, column 24)',
    });
  });

  test('schedule year after the horizon, which follows --until', () => {
    const files = { 'a.yaml': yaml('parameters:', '  approvals_cut_rate: {2018: 0.02}') };
    expect(only(files).message).toBe('schedule year 2018 is outside the horizon — expected a year in 2010..2015 (line 4, column 24)');
    expect(check(files, 'a.yaml', 2020).problems).toEqual([]);
  });

  test('schedule year that is not an integer', () => {
    const p = only({ 'a.yaml': yaml('parameters:', '  approvals_cut_rate: {2013.5: 0.02}') });
    expect(p).toMatchObject({
      path: 'parameters.approvals_cut_rate.2013.5',
      message: "schedule year '2013.5' is not a whole year — expected an integer year such as 2013 (line 4, column 24)",
    });
  });

  test('empty schedule', () => {
    const p = only({ 'a.yaml': yaml('parameters: {approvals_cut_rate: {}}') });
    expect(p.message).toBe('the schedule is empty — expected at least one year, e.g. {2012: 0.05} (line 3, column 34)');
  });
});

describe('distributions', () => {
  const dist = (spec: string, lever = 'approvals_cut_rate') => only({ 'a.yaml': yaml('uncertainty:', `  ${lever}: ${spec}`) });

  test('unknown dist with the kinds expected', () => {
    const p = dist('{dist: triangulr, min: 0, mode: 0.05, max: 0.1}');
    expect(p).toMatchObject({
      path: 'uncertainty.approvals_cut_rate.dist',
      message: "unknown distribution 'triangulr' — did you mean triangular? — expected one of uniform, triangular, normal, beta, discrete (line 4, column 30)",
    });
  });

  test('missing dist', () => {
    const p = dist('{min: 0, max: 0.1}');
    expect(p.message).toBe("required field 'dist' is missing — expected one of uniform, triangular, normal, beta, discrete (line 4, column 23)");
  });

  test('min > max', () => {
    const p = dist('{dist: uniform, min: 0.1, max: 0.05}');
    expect(p).toMatchObject({ path: 'uncertainty.approvals_cut_rate.min', message: 'min 0.1 is greater than max 0.05 — expected min ≤ max (line 4, column 44)' });
  });

  test('mode outside [min, max]', () => {
    const p = dist('{dist: triangular, min: 0.02, mode: 0.12, max: 0.1}');
    expect(p).toMatchObject({
      path: 'uncertainty.approvals_cut_rate.mode',
      message: 'mode 0.12 is outside [0.02, 0.1] — expected min ≤ mode ≤ max (line 4, column 59)',
    });
  });

  test('sd ≤ 0', () => {
    const p = dist('{dist: normal, mean: 0.05, sd: 0}');
    expect(p).toMatchObject({ path: 'uncertainty.approvals_cut_rate.sd', message: 'sd 0 must be greater than 0 (line 4, column 54)' });
  });

  test('alpha and beta ≤ 0 are two problems', () => {
    const r = check({ 'a.yaml': yaml('uncertainty:', '  approvals_cut_rate: {dist: beta, alpha: -1, beta: 0, min: 0, max: 0.1}') });
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      ['uncertainty.approvals_cut_rate.alpha', 'alpha -1 must be greater than 0 (line 4, column 43)'],
      ['uncertainty.approvals_cut_rate.beta', 'beta 0 must be greater than 0 (line 4, column 53)'],
    ]);
  });

  test("support outside the lever's range", () => {
    const p = dist('{dist: uniform, min: 0.05, max: 0.3}');
    expect(p).toMatchObject({
      path: 'uncertainty.approvals_cut_rate',
      message:
        "the distribution's support [0.05, 0.3] reaches outside the range of lever approvals_cut_rate — expected values within [0, 0.15] (1/year) (line 4, column 23)",
    });
  });

  test("normal mean outside the lever's range", () => {
    const p = dist('{dist: normal, mean: 0.2, sd: 0.01}');
    expect(p).toMatchObject({
      path: 'uncertainty.approvals_cut_rate.mean',
      message: 'value 0.2 is outside the range of lever approvals_cut_rate — expected a number in [0, 0.15] (1/year) (line 4, column 44)',
    });
  });

  test('normal truncation interval outside the lever', () => {
    const p = dist('{dist: normal, mean: 0.05, sd: 0.01, min: -0.1}');
    expect(p.message).toBe(
      'the truncation interval [-0.1, 0.15] reaches outside the range of lever approvals_cut_rate — expected values within [0, 0.15] (1/year) (line 4, column 23)',
    );
  });

  test('discrete weights length mismatch', () => {
    const p = dist('{dist: discrete, values: [0.02, 0.05], weights: [1, 2, 3]}');
    expect(p).toMatchObject({
      path: 'uncertainty.approvals_cut_rate.weights',
      message: 'weights has 3 entries but values has 2 — expected one weight per value (line 4, column 71)',
    });
  });

  test('discrete negative weight', () => {
    const p = dist('{dist: discrete, values: [0.02, 0.05], weights: [1, -2]}');
    expect(p).toMatchObject({ path: 'uncertainty.approvals_cut_rate.weights[1]', message: 'weight -2 is negative — expected weights ≥ 0 (line 4, column 75)' });
  });

  test('discrete value outside the lever', () => {
    const p = dist('{dist: discrete, values: [2012, 2025]}', 'pilot_year');
    expect(p).toMatchObject({
      path: 'uncertainty.pilot_year.values[1]',
      message: 'value 2025 is outside the range of lever pilot_year — expected a number in [2011, 2020] (year) (line 4, column 47)',
    });
  });

  test('a field that does not belong to the distribution', () => {
    const p = dist('{dist: uniform, min: 0, max: 0.1, mode: 0.05}');
    expect(p).toMatchObject({ path: 'uncertainty.approvals_cut_rate.mode', message: "unknown field 'mode' — expected one of dist, min, max (line 4, column 57)" });
  });

  test('uncertainty over an unknown lever', () => {
    const p = dist('{dist: uniform, min: 0, max: 0.1}', 'approval_cut_rate');
    expect(p.message).toBe("unknown lever 'approval_cut_rate' — did you mean approvals_cut_rate? (line 4, column 3)");
  });
});

describe('montecarlo', () => {
  test('runs < 1', () => {
    const p = only({ 'a.yaml': yaml('montecarlo: {runs: 0, seed: 1}') });
    expect(p).toMatchObject({ path: 'montecarlo.runs', message: 'runs 0 is not valid — expected an integer from 1 to 1,000,000 (line 3, column 20)' });
  });

  test('runs not an integer', () => {
    const p = only({ 'a.yaml': yaml('montecarlo: {runs: 10.5, seed: 1}') });
    expect(p.message).toBe('runs 10.5 is not valid — expected an integer from 1 to 1,000,000 (line 3, column 20)');
  });

  test('seed negative', () => {
    const p = only({ 'a.yaml': yaml('montecarlo: {runs: 10, seed: -3}') });
    expect(p).toMatchObject({ path: 'montecarlo.seed', message: 'seed -3 is not valid — expected an integer from 0 to 9007199254740991 (line 3, column 30)' });
  });

  test('seed not an integer', () => {
    const p = only({ 'a.yaml': yaml("montecarlo: {runs: 10, seed: '2011'}") });
    expect(p.message).toBe("seed '2011' is not valid — expected an integer from 0 to 9007199254740991 (line 3, column 30)");
  });
});

describe('extends', () => {
  test('missing parent names what was looked for and the nearest scenario', () => {
    const p = only({ 'a.yaml': yaml('extends: plann'), 'plan.yaml': 'id: plan\ntitle: {zh: 规划, en: Plan}\n' });
    expect(p).toMatchObject({
      file: 'a.yaml',
      path: 'extends',
      message: "extends 'plann': no scenario file found — looked for plann.yaml, plann.yml, plann.json — did you mean plan? (line 3, column 10)",
    });
  });

  test('missing parent by relative path', () => {
    const p = only({ 'a.yaml': yaml('extends: ../base/plan.yaml') });
    expect(p.message).toBe("extends '../base/plan.yaml': no scenario file found — looked for /base/plan.yaml (line 3, column 10)");
  });

  test('circular extends names the chain', () => {
    const r = check({
      'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: b\n',
      'b.yaml': 'id: b\ntitle: {zh: 乙, en: B}\nextends: a\n',
    });
    expect(r.scenario).toBeNull();
    expect(r.problems).toEqual([
      { file: 'b.yaml', path: 'extends', message: 'circular extends: a → b → a (line 3, column 10)', line: 3, column: 10 },
    ]);
  });

  test('a scenario extending itself', () => {
    const p = only({ 'a.yaml': 'id: a\ntitle: {zh: 甲, en: A}\nextends: a\n' });
    expect(p.message).toBe('circular extends: a → a (line 3, column 10)');
  });

  test("a parent's problems are reported with the parent's file", () => {
    const r = check({ 'a.yaml': yaml('extends: plan'), 'plan.yaml': 'id: plan\ntitle: {zh: 规划, en: Plan}\nparameters: {pilot_year: 1999}\n' });
    expect(r.problems.map((p) => `${p.file}: ${p.path}`)).toEqual(['plan.yaml: parameters.pilot_year']);
  });
});

describe('targets', () => {
  test('unknown indicator with the nearest ids', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rat, year: 2015, level: 60, comparator: ">="}') });
    expect(p).toMatchObject({
      path: 'targets[0].indicator',
      message: "unknown indicator 'urbanisation.hukou-rat' — did you mean urbanisation.hukou-rate, urbanisation.rate? (line 4, column 17)",
    });
  });

  test('year outside the horizon', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rate, year: 2020, level: 60, comparator: ">="}') });
    expect(p).toMatchObject({ path: 'targets[0].year', message: 'target year 2020 is outside the horizon — expected a year in 2010..2015 (line 4, column 48)' });
  });

  test('year not an integer', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rate, year: 2014.5, level: 60, comparator: ">="}') });
    expect(p.message).toBe('year 2014.5 is not valid — expected an integer year such as 2015 (line 4, column 48)');
  });

  test('neither level nor change', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rate, year: 2015}') });
    expect(p).toMatchObject({
      path: 'targets[0]',
      message:
        "the target has neither 'level' nor 'change' — expected {indicator, year, level, comparator} or {indicator, year, change, relative} (line 4, column 5)",
    });
  });

  test('bad comparator', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rate, year: 2015, level: 60, comparator: ">"}') });
    expect(p.message).toBe("comparator '>' is not valid — expected one of '>=', '<=', '≈' (line 4, column 77)");
  });

  test('level outside the indicator bounds', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: urbanisation.hukou-rate, year: 2015, level: 120, comparator: ">="}') });
    expect(p.message).toBe('level 120 is outside the bounds of indicator urbanisation.hukou-rate — expected a value in [0, 100] (%) (line 4, column 61)');
  });

  test('change target missing relative', () => {
    const p = only({ 'a.yaml': yaml('targets:', '  - {indicator: administration.approval-items, year: 2015, change: -0.2}') });
    expect(p).toMatchObject({ path: 'targets[0].relative' });
    expect(p.message).toMatch(/^required field 'relative' is missing — expected true/);
  });
});

describe('all problems at once', () => {
  test('a file with three errors gives three problems, in file order', () => {
    const r = check({
      'a.yaml': yaml(
        'parameters:',
        '  hukou_conv_rate_migrant: 0.5',
        '  hukou_conv_rat: 0.1',
        'montecarlo: {runs: 0, seed: 1}',
      ),
    });
    expect(r.scenario).toBeNull();
    expect(r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      'a.yaml: parameters.hukou_conv_rate_migrant: value 0.5 is outside the range of lever hukou_conv_rate_migrant — expected a number in [0, 0.2] (1/year) (line 4, column 28)',
      "a.yaml: parameters.hukou_conv_rat: unknown lever 'hukou_conv_rat' — did you mean hukou_conv_rate_migrant, hukou_conv_rate_plan_area? (line 5, column 3)",
      'a.yaml: montecarlo.runs: runs 0 is not valid — expected an integer from 1 to 1,000,000 (line 6, column 20)',
    ]);
  });

  test('problems in a file and in its parent are reported together', () => {
    const r = check({
      'a.yaml': yaml('extends: plan', 'parameters: {pilot_year: 2030}'),
      'plan.yaml': 'id: plan\ntitle: {zh: 规划}\n',
    });
    expect(r.problems.map((p) => `${p.file}: ${p.path}`)).toEqual(['a.yaml: parameters.pilot_year', 'plan.yaml: title.en']);
  });
});

describe('after merging the chain', () => {
  test('a distribution over a lever that follows a schedule is refused (a draw would replace the schedule)', () => {
    const r = check({
      'a.yaml': yaml('extends: plan', 'uncertainty:', '  approvals_cut_rate: {dist: uniform, min: 0.02, max: 0.06}'),
      'plan.yaml': 'id: plan\ntitle: {zh: 规划, en: Plan}\nparameters: {approvals_cut_rate: {2012: 0.04}}\n',
    });
    expect(r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      'a.yaml: uncertainty.approvals_cut_rate: lever approvals_cut_rate follows a schedule here ({"2010":0.01,"2012":0.04}) and also has a distribution; a draw is one value for every year and would replace the schedule — expected either a constant with a distribution, or a schedule without one (line 5, column 23)',
    ]);
  });
});

describe('inherited distributions', () => {
  const plan = 'id: plan\ntitle: {zh: 规划, en: Plan}\nparameters: {pilot_year: 2013}\nuncertainty:\n  pilot_year: {dist: discrete, values: [2012, 2013, 2014]}\n';
  test('a lever set in the child but drawn from the parent’s distribution is refused', () => {
    const r = check({ 'a.yaml': yaml('extends: plan', 'parameters: {pilot_year: 2011}'), 'plan.yaml': plan });
    expect(r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      'a.yaml: parameters.pilot_year: lever pilot_year is set here but keeps the distribution inherited from plan ({"dist":"discrete","values":[2012,2013,2014]}); in Monte Carlo runs its draws would replace this value — expected a distribution of its own under uncertainty.pilot_year (line 4, column 26)',
    ]);
  });

  test('giving the lever its own distribution resolves it', () => {
    const r = check({ 'a.yaml': yaml('extends: plan', 'parameters: {pilot_year: 2011}', 'uncertainty:', '  pilot_year: {dist: discrete, values: [2011, 2012]}'), 'plan.yaml': plan });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.uncertainty).toEqual({ pilot_year: { dist: 'discrete', values: [2011, 2012] } });
  });
});
