/**
 * Every limit is refused with exit code 2 and a message that states it, before the work or the
 * allocation it bounds; the README's table is the one generated from src/limits.ts. Internal
 * errors are one line unless --debug asks for the trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { checkMonteCarloSize, LIMITS, LimitError, limitsTable } from '../../src/limits.js';
import { createRunnerContext } from '../../src/runner/hangzhou.js';
import { loadScenario } from '../../src/scenario/index.js';
import { createWorkerPoolRunner, runMonteCarlo } from '../../src/runner/index.js';
import { fixtureContext, scenario } from '../runner/fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'base.yaml'), 'id: base\ntitle: {zh: 基准, en: Base}\n');
writeFileSync(
  join(dir, 'mc.yaml'),
  'id: mc\ntitle: {zh: 蒙特卡洛, en: MC}\nuncertainty:\n  approval_reduction_rate: {dist: uniform, min: 0.02, max: 0.07}\n',
);

async function cli(io: Partial<CliIO>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd: dir, ...io });
  return { code, out, err };
}

test("the README's limits table is generated from src/limits.ts", () => {
  expect(readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')).toContain(limitsTable());
});

describe('command-line numbers state their limits', () => {
  test('every bad option at once, each with its range', async () => {
    const r = await cli({}, 'run', 'base.yaml', '--runs', '1000001', '--seed', '9007199254740992', '--until', '2101', '--threads', '65', '--steps-per-year', '366');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        'hzsim: 5 problem(s):',
        "<cli>: --runs: got '1000001' — expected an integer from 1 to 1,000,000, e.g. 1000",
        "<cli>: --seed: got '9007199254740992' — expected an integer from 0 to 9007199254740991, e.g. 2011",
        "<cli>: --until: got '2101' — expected a year from 2011 to 2100, e.g. 2020",
        "<cli>: --threads: got '65' — expected a number of worker threads from 1 to 64, e.g. 2",
        "<cli>: --steps-per-year: got '366' — expected a whole number of time steps per year from 1 to 365, e.g. 12 (monthly) or 52 (weekly)",
        '',
      ].join('\n'),
    );
  });

  test('a Monte Carlo keeping every value (exact quantiles) too large for memory is refused before it starts, with the memory it would need', async () => {
    const plan = loadScenario('plan');
    const err = await runMonteCarlo(plan, { context: createRunnerContext(), runs: 1_000_000, seed: 1, until: 2100, quantiles: 'exact' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect((err as Error).message).toMatch(
      /: montecarlo\.runs: 1,000,000 runs would need [\d.]+ GiB for their results \(1,000,000 runs × \([\d,]+ output-years \+ \d+ uncertain levers\) × 8 bytes\) — at most 2 GiB are allowed: use at most [\d,]+ runs, or a shorter horizon$/,
    );
  });

  test('with sketched quantiles (the default beyond 2^25 values) the results do not grow with the runs: no memory refusal', () => {
    expect(() => checkMonteCarloSize(1_000_000, 6_825, 5, { file: '<cli>', path: '--runs' }, false)).not.toThrow();
    expect(() => checkMonteCarloSize(1_000_000, 6_825, 5, { file: '<cli>', path: '--runs' }, true)).toThrow(LimitError);
  });

  test('montecarlo.runs: 1e12 in a file is refused by validate and run alike', async () => {
    writeFileSync(join(dir, 'huge.yaml'), 'id: huge\ntitle: {zh: 大, en: Huge}\nmontecarlo: {runs: 1e12, seed: 1}\n');
    for (const command of ['validate', 'run']) {
      const r = await cli({}, command, 'huge.yaml');
      expect(r.code).toBe(2);
      expect(r.err).toBe('hzsim: 1 problem(s):\nhuge.yaml: montecarlo.runs: runs 1000000000000 is not valid — expected an integer from 1 to 1,000,000 (line 3, column 20)\n');
    }
  });

  test('the library refuses them too: runs beyond the limit, threads beyond the limit', async () => {
    const err = await runMonteCarlo(scenario('s'), { context: fixtureContext, runs: LIMITS.runs.value + 1, seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect((err as Error).message).toMatch(/: montecarlo\.runs: 1000001 runs — expected an integer from 1 to 1,000,000$/);
    expect(() => createWorkerPoolRunner(fixtureContext, 65)).toThrow('threads must be an integer from 1 to 64, got 65');
  });
});

describe('what is printed', () => {
  test('at most 50 problems, the rest counted', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `zz${i}: 1`).join('\n');
    writeFileSync(join(dir, 'many.yaml'), `id: many\ntitle: {zh: 多, en: Many}\n${fields}\n`);
    const r = await cli({}, 'validate', 'many.yaml');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('hzsim: 60 problem(s):');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines.at(-1)).toBe('… and 10 more problems');
  });

  test('an internal error is one line pointing at --debug; --debug adds the stack trace', async () => {
    const broken = { stdout: (): void => { throw new TypeError('stdout exploded'); } };
    const plain = await cli(broken, 'params');
    expect(plain).toEqual({ code: 1, out: '', err: 'hzsim: internal error (a bug; please report it): TypeError: stdout exploded — rerun with --debug for the stack trace\n' });
    const debug = await cli(broken, 'params', '--debug');
    expect(debug.code).toBe(1);
    expect(debug.err.split('\n')[0]).toBe('hzsim: internal error (a bug; please report it): TypeError: stdout exploded');
    expect(debug.err).toMatch(/\n {4}at /);
  });

  test('terminal escapes in a file name, an option and a scenario id are printed escaped', async () => {
    writeFileSync(join(dir, 'esc.yaml'), 'id: "\\e[2Jx"\ntitle: {zh: 甲, en: A}\n');
    const r = await cli({}, 'run', 'esc.yaml', '--lang', '\u001b]0;pwned\u0007');
    expect(r.err).toBe(
      [
        'hzsim: 1 problem(s):',
        "<cli>: --lang: unknown language '\\e]0;pwned\\x07' — expected zh or en",
        '',
      ].join('\n'),
    );
    const v = await cli({}, 'validate', 'esc.yaml', '\u001b[2J.yaml');
    expect(v.err.includes('\u001b')).toBe(false);
    expect(v.err).toContain("esc.yaml: id: id '\\e[2Jx' is not valid");
    expect(v.err).toContain('\\e[2J.yaml: cannot read the file: no such file');
  });
});
