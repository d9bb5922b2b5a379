/**
 * "Every assumption" in the explorer: the page's Monte Carlo draws what `hzsim run <scenario>
 * --uncertainty all` draws (same levers, same seeded streams), so its fans and P(met) are the
 * runner's to the last bit; the downloaded file, run with `--uncertainty all`, reproduces them.
 * Expected numbers always come from the library's own runMonteCarlo, never written down here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarioFiles } from '../../src/cli/commands/demo.js';
import { indicatorChart, pageLabels } from '../../src/explorer/charts.js';
import { exploredFile, scenarioYaml } from '../../src/explorer/explored.js';
import { createSession } from '../../src/explorer/session.js';
import { t } from '../../src/charts/i18n.js';
import { initialState, type ExplorerState } from '../../src/explorer/state.js';
import { CompiledModelCache, createRunnerContext, drawnUncertainty, runMonteCarlo } from '../../src/runner/index.js';
import type { ScenarioResult } from '../../src/runner/types.js';
import { checkScenarios, loadScenario, loadScenarios } from '../../src/scenario/index.js';
import { bundledExplorerData } from './fixture.js';

const data = bundledExplorerData();
const real = createRunnerContext();
const cache = new CompiledModelCache(real);
const session = createSession(data);
const dir = mkdtempSync(join(tmpdir(), 'hzsim-explore-all-'));
const bundled = (until: number): ReturnType<typeof loadScenarios> => loadScenarios(bundledScenarioFiles(), { until });
const byId = (until: number, id: string): ReturnType<typeof loadScenario> => {
  const found = bundled(until).find((s) => s.id === id);
  if (!found) throw new Error(`no bundled scenario ${id}`);
  return found;
};

const stateFor = (scenario: string, patch: Partial<ExplorerState> = {}): ExplorerState => ({
  ...initialState(data, scenario),
  uncertainty: 'all',
  runs: 60,
  seed: 2011,
  ...patch,
});

/** What `hzsim run <scenario> --runs N --seed S --uncertainty all [--until Y]` computes (trend as the reference, as the CLI takes it). */
const cli = (scenario: string, state: ExplorerState): Promise<ScenarioResult> =>
  runMonteCarlo(byId(state.until, scenario), {
    context: real,
    cache,
    until: state.until,
    runs: state.runs,
    seed: state.seed,
    uncertainty: 'all',
    reference: byId(state.until, 'trend'),
  });

const stat = (r: ScenarioResult, output: string, year: number, statistic: string): number | undefined =>
  r.rows.find((row) => row.output === output && row.year === year && row.statistic === statistic)?.value;

/** Rows and attainment without the scenario's id (the page's scenario is `<id>-explored`). */
const numbers = (r: ScenarioResult): unknown => ({
  rows: r.rows.map(({ scenario: _s, ...rest }) => rest),
  attainment: r.attainment.map(({ scenario: _s, ...rest }) => rest),
  uncertainty: r.uncertainty,
  runs: r.runs,
  seed: r.seed,
});

describe('Monte Carlo over every assumption in the page', () => {
  it('gives hzsim run --uncertainty all’s P5/P50/P95 and P(met) exactly, for the plan and a scenario that scales its levers', async () => {
    for (const scenario of ['plan', 'accelerated']) {
      const state = stateFor(scenario);
      const page = (await session.run(state)).explored;
      const expected = await cli(scenario, state);
      expect(page.mode).toBe('montecarlo');
      expect(page.uncertainty?.mode).toBe('all');
      for (const output of ['integration.level', 'urbanisation.rate', 'urbanisation.hukou-gap', 'administration.approval-items']) {
        for (const statistic of ['p05', 'p50', 'p95']) {
          const want = stat(expected, output, 2015, statistic);
          expect(want, `${scenario} ${output} ${statistic}`).toBeTypeOf('number');
          expect(stat(page, output, 2015, statistic), `${scenario} ${output} ${statistic}`).toBe(want);
        }
      }
      expect(page.attainment.map((a) => [a.target, a.probability, a.probabilityOnTrack])).toEqual(expected.attainment.map((a) => [a.target, a.probability, a.probabilityOnTrack]));
      // Not only a few cells: every number of the result.
      expect(numbers(page)).toEqual(numbers(expected));
    }
  });

  it('draws every assumed lever the runner draws, and more than the scenario’s own uncertainty', async () => {
    const state = stateFor('plan');
    const results = await session.run(state);
    const plan = byId(2015, 'plan');
    const runnerDraws = drawnUncertainty(plan, real.params, 'all');
    expect(results.drawn).toEqual(runnerDraws);
    expect(results.explored.uncertainty?.levers).toEqual(Object.keys(runnerDraws).sort());
    expect(Object.keys(results.drawn).length).toBeGreaterThan(Object.keys(plan.uncertainty).length);
    // Different seeds, different fans: the draws are seeded, not fixed.
    const other = (await session.run({ ...state, seed: 2012 })).explored;
    expect(stat(other, 'integration.level', 2015, 'p95')).not.toBe(stat(results.explored, 'integration.level', 2015, 'p95'));
  });

  it('fixes an assumption the planner moves (it is no longer drawn) and keeps a delivery lever to its draw', async () => {
    const assumed = data.params.find((p) => p.uncertainty !== undefined && !p.integer && data.scenarios.every((s) => s.parameters[p.id] === undefined))!;
    const plan = data.scenarios.find((s) => s.id === 'plan')!;
    const delivery = Object.keys(plan.uncertainty)[0]!;
    const lever = data.params.find((p) => p.id === delivery)!;
    const moved = (assumed.range.min + assumed.range.max) / 2;
    const state = stateFor('plan', { overrides: { [assumed.id]: moved, [delivery]: lever.range.min } });
    const results = await session.run(state);
    expect(Object.keys(results.drawn)).not.toContain(assumed.id);
    expect(Object.keys(results.drawn)).toContain(delivery);
    expect(results.file.parameters?.[assumed.id]).toBe(moved);
    expect(results.file.parameters?.[delivery]).toEqual(plan.parameters[delivery]);
  });
});

describe('charts under every assumption', () => {
  it('say in their subtitle that every assumption is uncertain (a fan of the scenario’s own uncertainty does not)', async () => {
    const subtitle = async (uncertainty: ExplorerState['uncertainty'], lang: 'zh' | 'en'): Promise<string> => {
      const spec = indicatorChart(await session.run(stateFor('plan', { uncertainty })), 'integration.level', { lang, size: { width: 480, height: 330 }, labels: pageLabels(data) });
      const title = spec.title as { subtitle?: string | string[] };
      return [title.subtitle ?? ''].flat().join(' ');
    };
    for (const lang of ['zh', 'en'] as const) {
      expect(await subtitle('all', lang)).toContain(t('fanAllAssumptions', lang));
      expect(await subtitle('scenario', lang)).not.toContain(t('fanAllAssumptions', lang));
    }
  });
});

describe('download scenario under every assumption', () => {
  const save = (state: ExplorerState, name: string): string => {
    const file = exploredFile(data, state);
    const yaml = scenarioYaml(file, { version: data.version, base: state.scenario, changed: Object.keys(state.overrides), until: state.until, fileName: `${name}.yaml`, defaultUntil: 2015, uncertainty: state.uncertainty });
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, yaml);
    return path;
  };

  it('writes a file hzsim validate accepts and hzsim run --uncertainty all reproduces exactly (moved levers, scaled levers, to 2020)', async () => {
    const assumed = data.params.find((p) => p.uncertainty !== undefined && !p.integer && data.scenarios.every((s) => s.parameters[p.id] === undefined))!;
    for (const [scenario, until] of [['accelerated', 2015], ['stalled', 2020]] as const) {
      const state = stateFor(scenario, { until, overrides: { [assumed.id]: { 2013: assumed.range.max } } });
      const path = save(state, `${scenario}-all`);
      expect(checkScenarios([path], { until })[0]?.problems).toEqual([]);
      const loaded = loadScenario(path, { until });
      const page = (await session.run(state)).explored;
      const run = await runMonteCarlo(loaded, { context: real, cache, until, runs: state.runs, seed: state.seed, uncertainty: 'all', reference: byId(until, 'trend') });
      expect(page).toEqual(run);
    }
  });

  it('keeps a lever the scenario scales from its default as that scale, so the draw is scaled the same way', () => {
    const accelerated = data.scenarios.find((s) => s.id === 'accelerated')!;
    const [id, scale] = Object.entries(accelerated.relativeToDefault).find(([lever]) => data.params.find((p) => p.id === lever)?.uncertainty !== undefined && !Object.hasOwn(accelerated.uncertainty, lever))!;
    expect(exploredFile(data, stateFor('accelerated')).parameters?.[id]).toEqual({ scale });
    // Without every assumption drawn the value is written as the scenario has it.
    expect(exploredFile(data, stateFor('accelerated', { uncertainty: 'scenario' })).parameters?.[id]).toEqual(accelerated.parameters[id]);
  });

  it('says in its header which command line reproduces it', () => {
    const state = stateFor('plan', { until: 2020 });
    const yaml = scenarioYaml(exploredFile(data, state), { version: '9.9.9', base: 'plan', changed: [], until: 2020, fileName: 'mine.yaml', defaultUntil: 2015, uncertainty: 'all' });
    expect(yaml.split('\n').slice(0, 5)).toEqual([
      '# Written by the hzsim scenario explorer (hangzhou-reform-sim 9.9.9), starting from scenario "plan".',
      '# No lever moved from it.',
      '# The page drew every assumed lever from its plausible range too; a scenario file cannot ask for that, the command line does.',
      "# Reproduce the page's numbers: hzsim run mine.yaml --until 2020 --uncertainty all --out results",
      '# Check it:                     hzsim validate mine.yaml --until 2020',
    ]);
    expect(yaml).toContain('montecarlo:\n  runs: 60\n  seed: 2011\n');
  });

  it('a scenario with no uncertainty of its own still runs Monte Carlo under every assumption (trend)', async () => {
    const state = stateFor('trend');
    const file = exploredFile(data, state);
    expect(file.uncertainty).toBeUndefined();
    expect(file.montecarlo).toEqual({ runs: 60, seed: 2011 });
    const page = (await session.run(state)).explored;
    const run = await cli('trend', state);
    // Trend run on its own is the reference (no additionality); the page's copy is compared with it.
    expect(page.rows.map(({ scenario: _s, ...rest }) => rest)).toEqual(run.rows.map(({ scenario: _s, ...rest }) => rest));
    expect(page.attainment.map((a) => a.probability)).toEqual(run.attainment.map((a) => a.probability));
  });
});
