/**
 * `hzsim sensitivity | goal-seek | calibrate | backtest` end to end: JSON and files, charts in the
 * asked language, exit 2 with every problem named and nothing written, and scenarios written by
 * goal-seek and calibrate that `hzsim run` / the loader reproduce.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { SENSITIVITY_CSV_HEADERS } from '../../src/cli/commands/sensitivity.js';
import { BACKTEST_CSV_HEADER } from '../../src/cli/commands/backtest.js';
import { createRunnerContext, runScenario } from '../../src/runner/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { parseCsv } from '../../src/util/csv.js';
import { OBSERVED_COLUMNS } from '../../src/data/observed.js';

const plan = resolve(fileURLToPath(import.meta.url), '../../../scenarios/plan.yaml');
let dir = '';

function io(): CliIO & { out: string[]; err: string[]; text: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, text: () => out.join(''), stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false, cwd: dir };
}
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const x = io();
  const code = await main(args, x);
  return { code, out: x.text(), err: x.err.join('') };
}
/** The files in an output folder (with the folder's marker, .hzsim-output). */
const listed = (sub: string): string[] => readdirSync(join(dir, sub)).sort();
const valueIn = (result: ReturnType<typeof runScenario>, id: string, year: number) => result.rows.find((r) => r.output === id && r.year === year)?.value ?? NaN;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzsim-analysis-'));
  // Observations of the plan itself with 350 000 migrant arrivals a year (truth for calibrate).
  const truth = runScenario({ ...loadScenario(plan), parameters: { ...loadScenario(plan).parameters, migrant_arrivals: 350_000 } }, { context: createRunnerContext() });
  // In the format of data/observed/hangzhou.csv (whole persons: the file states plain numbers).
  const row = (id: string, year: number, value: number | string, unit = '人'): string => `${id},${year},${value},${unit},year-end,全市,A,primary,synthetic,https://example.org,"stated ${value}",`;
  const rows = [2011, 2012, 2013, 2014].map((y) => row('population.resident', y, Math.round(valueIn(truth, 'population.resident', y))));
  writeFileSync(join(dir, 'observed.csv'), [OBSERVED_COLUMNS.join(','), ...rows, row('integration.coordination-score', 2012, 88, '分'), ''].join('\n'));
});

describe('hzsim sensitivity', () => {
  it('OAT --json: the approvals lever swings the 2015 index by 100 − 100·(1 − 0.2/12)^60 (its range 0–0.2), an unrelated lever by 0', async () => {
    const r = await run(['sensitivity', plan, '--indicator', 'administration.approval-items', '--levers', 'approval_reduction_rate,rural_urban_move_rate', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.method).toBe('oat');
    const swings = json.result.outputs[0].swings;
    expect(swings.map((s: { input: string }) => s.input)).toEqual(['approval_reduction_rate', 'rural_urban_move_rate']);
    expect(swings[0].swing).toBeCloseTo(100 - 100 * (1 - 0.2 / 12) ** 60, 9);
    expect(swings[1].swing).toBe(0);
    expect(json.runs).toBe(5);
  });

  it('Morris --out: CSV with the documented header, JSON, and a chart per indicator in the asked language', async () => {
    const r = await run(['sensitivity', plan, '--indicator', 'urbanisation.hukou-gap', '--method', 'morris', '--samples', '4', '--domain', 'urbanisation', '--out', 'morris', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/urbanisation\.hukou-gap 2015 · plan · Morris, 4 trajectories/);
    expect(listed('morris')).toEqual(['.hzsim-output', 'morris-urbanisation.hukou-gap-2015.en.png', 'morris-urbanisation.hukou-gap-2015.en.svg', 'sensitivity.csv', 'sensitivity.json']);
    const csv = parseCsv(readFileSync(join(dir, 'morris', 'sensitivity.csv'), 'utf8'));
    expect(csv[0]).toEqual([...SENSITIVITY_CSV_HEADERS.morris]);
    expect(csv.slice(1).every((row) => row[0] === 'morris' && row[1] === 'urbanisation.hukou-gap')).toBe(true);
    expect(readFileSync(join(dir, 'morris', 'morris-urbanisation.hukou-gap-2015.en.svg'), 'utf8')).toContain('Morris screening');
  });

  it('Sobol: indices for each indicator, the same for any number of threads', async () => {
    const args = ['sensitivity', plan, '--indicator', 'urbanisation.hukou-gap,integration.level', '--method', 'sobol', '--samples', '64', '--levers', 'rural_urban_move_rate,hukou_conv_rate_plan_area,integration_effort_industry', '--json'];
    const [one, two] = [await run(args), await run([...args, '--threads', '2'])];
    expect(one.code).toBe(0);
    expect(JSON.parse(two.out).result).toEqual(JSON.parse(one.out).result);
    const outputs = JSON.parse(one.out).result.outputs;
    expect(outputs.map((o: { output: { id: string } }) => o.output.id)).toEqual(['urbanisation.hukou-gap', 'integration.level']);
    expect(outputs[0].indices[0].input).toBe('rural_urban_move_rate');
  });

  it('bad input: exit 2, every problem named, nothing written', async () => {
    const r = await run(['sensitivity', plan, '--indicator', 'urbanisation.hukou-gap,no.such', '--method', 'sobl', '--levers', 'hukou_conv', '--top', '0', '--out', 'never']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("<cli>: --method: got 'sobl' — expected oat, morris or sobol");
    expect(r.err).toContain("<cli>: --top: got '0' — expected a positive whole number");
    expect(r.err).toMatch(/<cli>: --levers: unknown lever 'hukou_conv'; did you mean/);
    expect(r.err).toContain("<cli>: --indicator: 'no.such' is not an output of the model");
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('hzsim goal-seek', () => {
  it('finds the approvals rate, writes a scenario that extends plan, and running it meets −20 % exactly', async () => {
    const r = await run(['goal-seek', plan, '--lever', 'approval_reduction_rate', '--indicator', 'administration.approval-items', '--target', '80', '--write', 'approvals.yaml', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.result.status).toBe('found');
    expect(json.result.value).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 9);
    expect(json.result.comparator).toBe('<='); // fewer approvals is better
    const written = loadScenario(join(dir, 'approvals.yaml'));
    expect(written.chain).toEqual(['plan', 'approvals']);
    const det = runScenario(written, { context: createRunnerContext() });
    expect(Math.abs(valueIn(det, 'administration.approval-items', 2015) - 80)).toBeLessThan(1e-6);
    // hzsim run on it (plan declares Monte Carlo; the lever is pinned): 80 in every run, so P(met) = 1.
    const ran = JSON.parse((await run(['run', 'approvals.yaml', '--json', '--quiet'])).out);
    const cut = ran.scenarios[0].attainment.find((a: { target: string }) => a.target === 'administration.approval-items.cut-20pct');
    expect(Math.abs(cut.projected - 80)).toBeLessThan(1e-6);
    expect(cut.probability).toBe(1);
  });

  it('says when the target is out of reach, shows the best value, and writes nothing', async () => {
    const r = await run(['goal-seek', plan, '--lever', 'hukou_conv_rate_plan_area', '--indicator', 'urbanisation.hukou-gap', '--target', '1', '--write', 'unreachable.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No value of hukou_conv_rate_plan_area in its range reaches urbanisation\.hukou-gap .* <= 1 in 2015\.\nBest reachable: hukou_conv_rate_plan_area = 0\.3 gives/);
    expect(r.err).toContain('nothing written to unreachable.yaml');
    expect(existsSync(join(dir, 'unreachable.yaml'))).toBe(false);
  });

  it('refuses a start year for a lever the scenario draws, and a target after the horizon start year', async () => {
    const r = await run(['goal-seek', plan, '--lever', 'approval_reduction_rate', '--indicator', 'administration.approval-items', '--target', '80', '--from', '2013']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('<cli>: --from: lever approval_reduction_rate is drawn from a distribution in plan');
    const bad = await run(['goal-seek', plan, '--lever', 'approval_reduction_rate', '--indicator', 'administration.approval-items', '--target', '80', '--from', '2016', '--probability', '2']);
    expect(bad.err).toContain('--from: got 2016 — expected a year no later than the target year 2015');
    expect(bad.err).toContain("--probability: got '2' — expected a probability in (0, 1]");
  });
});

describe('hzsim calibrate and backtest', () => {
  it('calibrate recovers the migrant arrivals the observations came from and writes a scenario that reproduces them', async () => {
    const r = await run(['calibrate', plan, '--observed', 'observed.csv', '--levers', 'migrant_arrivals', '--write', 'calibrated.yaml', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.fitted).toBe(3); // 2011–2013: 2014 is out of sample
    expect(json.result.fitted[0].value).toBeCloseTo(350_000, -1);
    expect(json.result.fitted[0].atBound).toBeNull();
    const again = runScenario(loadScenario(join(dir, 'calibrated.yaml')), { context: createRunnerContext() });
    const observed = parseCsv(readFileSync(join(dir, 'observed.csv'), 'utf8')).find((row) => row[1] === '2014');
    // The observations are rounded to whole persons: the fit reproduces 2014 within a few of them.
    expect(Math.abs(valueIn(again, 'population.resident', 2014) - Number(observed?.[2]))).toBeLessThan(5);
  });

  it('backtest --out: rows with the documented header, metrics by split, a chart per indicator; an all-unknown file is bad input', async () => {
    const r = await run(['backtest', plan, '--observed', 'observed.csv', '--runs', '1', '--out', 'bt', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out).result;
    expect(result.metrics.map((m: { split: string }) => m.split)).toEqual(['fitted', 'out-of-sample', 'all']);
    // Theil's U from the rows: √Σ error² / √Σ (naive − observed)², the naive value the 2010 projection.
    const fitted = result.rows.filter((x: { split: string }) => x.split === 'fitted');
    const u = Math.sqrt(fitted.reduce((a: number, x: { error: number }) => a + x.error ** 2, 0)) / Math.sqrt(fitted.reduce((a: number, x: { naive: number; observed: number }) => a + (x.naive - x.observed) ** 2, 0));
    expect(result.metrics[0].theilU).toBeCloseTo(u, 12);
    expect(listed('bt')).toEqual(['.hzsim-output', 'backtest-metrics.csv', 'backtest-population.resident.zh.png', 'backtest-population.resident.zh.svg', 'backtest.csv', 'backtest.json']);
    expect(parseCsv(readFileSync(join(dir, 'bt', 'backtest.csv'), 'utf8'))[0]).toEqual([...BACKTEST_CSV_HEADER]);
    writeFileSync(join(dir, 'unknown.csv'), `${OBSERVED_COLUMNS.join(',')}\npopulation.residnet,2012,1,人,,,A,primary,t,u,"1",\n`);
    const bad = await run(['backtest', plan, '--observed', 'unknown.csv']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown\.csv: line 2, id: unknown observable 'population\.residnet'; did you mean 'population\.resident'/);
    expect(bad.out).toBe('');
  });

  it('backtest reads the bundled observed data by default: primary rows, not-comparable ones left out, derived growth rate scored', async () => {
    const r = await run(['backtest', 'as-happened', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.observed).toBe('data/observed/hangzhou.csv');
    expect(json.skipped).toEqual([]);
    const result = json.result;
    const keys = result.rows.map((x: { id: string; year: number }) => `${x.id} ${x.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('population.resident-increase 2015');
    expect(keys).toContain('population.resident-growth-rate 2016');
    expect(keys.some((k: string) => k.startsWith('integration.coordination-score') || k.startsWith('income.rural-disposable'))).toBe(false);
    // Both splits are told apart for a series observed on both sides of 2013.
    const gdp = result.metrics.filter((m: { id: string }) => m.id === 'economy.gdp').map((m: { split: string; n: number }) => [m.split, m.n]);
    expect(gdp).toEqual([['fitted', 3], ['out-of-sample', 2], ['all', 5]]);
    const text = await run(['backtest', 'as-happened']);
    expect(text.out).toContain('economy.gdp [calibrated: gdp_real_growth_initial]');
    expect(text.out).toContain("'fitted' = years up to 2013 (the calibration window)");
  });

  it('calibrate refuses a window after 2013: later years are out of sample', async () => {
    const r = await run(['calibrate', 'as-happened', '--levers', 'migrant_arrivals', '--until', '2014']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--until: got 2014 — calibration may use data up to 2013 only; 2014 and later are out of sample (hzsim backtest scores them)');
    expect(r.out).toBe('');
  });
});
