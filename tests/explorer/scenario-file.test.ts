import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploredFile, resolveExplored, scenarioYaml, type ExploredSettings } from '../../src/explorer/explored.js';
import { portableRunnerContext } from '../../src/explorer/portable.js';
import { decodeState, encodeState, initialState, type ExplorerState } from '../../src/explorer/state.js';
import type { ParamValue } from '../../src/params/types.js';
import { CompiledModelCache, createRunnerContext, runMonteCarlo, runScenario } from '../../src/runner/index.js';
import { checkScenarios, loadScenario } from '../../src/scenario/index.js';
import { bundledExplorerData } from './fixture.js';

const data = bundledExplorerData();
const real = createRunnerContext();
const cache = new CompiledModelCache(real);
const page = portableRunnerContext(data);
const dir = mkdtempSync(join(tmpdir(), 'hzsim-explore-'));
const continuous = data.params.filter((p) => !p.integer);

/** Lever moves a planner can make: a value in range, for all years or from a year on. */
const moves = fc.dictionary(
  fc.constantFrom(...continuous.map((p) => p.id)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.integer({ min: 2011, max: 2015 }), { nil: undefined })),
  { maxKeys: 4 },
).map((picked) =>
  Object.fromEntries(
    Object.entries(picked).map(([id, [u, from]]): [string, ParamValue] => {
      const { min, max } = continuous.find((p) => p.id === id)!.range;
      const value = min + u * (max - min);
      return [id, from === undefined ? value : { [from]: value }];
    }),
  ),
);

function download(settings: ExploredSettings, name: string): string {
  const file = exploredFile(data, settings);
  const yaml = scenarioYaml(file, { version: data.version, base: settings.scenario, changed: Object.keys(settings.overrides), until: settings.until, fileName: `${name}.yaml`, defaultUntil: 2015 });
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

describe('download scenario', () => {
  it('writes a file hzsim validate accepts and hzsim run reproduces exactly (deterministic, any lever moves)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...data.scenarios.map((s) => s.id)), moves, (scenario, overrides) => {
        const settings: ExploredSettings = { scenario, overrides, until: 2015, uncertainty: 'off', runs: 200, seed: 2011 };
        const path = download(settings, `d${n++}`);
        expect(checkScenarios([path])[0]?.problems).toEqual([]);
        const loaded = loadScenario(path);
        const inPage = runScenario(resolveExplored(data, exploredFile(data, settings)), { context: page });
        expect(inPage).toEqual(runScenario(loaded, { context: real, cache }));
      }),
      { numRuns: 12, seed: 15 },
    );
  });

  it('under Monte Carlo writes the uncertainty and runs/seed, leaves drawn levers to the draw, and reproduces P(met)', async () => {
    const settings: ExploredSettings = {
      scenario: 'plan',
      overrides: { hukou_conv_rate_migrant: 0.09, homestead_reclaim_rate: { 2012: 0.009 } },
      until: 2020,
      uncertainty: 'scenario',
      runs: 40,
      seed: 99,
    };
    const file = exploredFile(data, settings);
    expect(file.parameters?.hukou_conv_rate_migrant).toBe(0.045); // drawn: the scenario's value stays
    expect(file.parameters?.homestead_reclaim_rate).toEqual({ 2010: 0.006, 2012: 0.009 }); // plan's 0.006 until 2012
    expect(file.montecarlo).toEqual({ runs: 40, seed: 99 });
    const path = download(settings, 'mc');
    expect(checkScenarios([path], { until: 2020 })[0]?.problems).toEqual([]);
    const loaded = loadScenario(path, { until: 2020 });
    const inPage = await runMonteCarlo(resolveExplored(data, file), { context: page, runs: 40, seed: 99, until: 2020 });
    expect(inPage).toEqual(await runMonteCarlo(loaded, { context: real, cache, runs: 40, seed: 99, until: 2020 }));
  });

  it('says where it came from and how to reproduce it', () => {
    const settings: ExploredSettings = { scenario: 'plan', overrides: { quota_trade_share: 30 }, until: 2020, uncertainty: 'off', runs: 200, seed: 2011 };
    const yaml = scenarioYaml(exploredFile(data, settings), { version: '9.9.9', base: 'plan', changed: ['quota_trade_share'], until: 2020, fileName: 'mine.yaml', defaultUntil: 2015 });
    expect(yaml.split('\n').slice(0, 4)).toEqual([
      '# Written by the hzsim scenario explorer (hangzhou-reform-sim 9.9.9), starting from scenario "plan".',
      '# Levers moved: quota_trade_share.',
      "# Reproduce the page's numbers: hzsim run mine.yaml --until 2020 --out results",
      '# Check it:                     hzsim validate mine.yaml --until 2020',
    ]);
    expect(yaml).toContain('id: plan-explored\n');
    expect(yaml).toContain('  quota_trade_share: 30\n');
  });
});

describe('state in the URL hash', () => {
  const states = fc.record({
    scenario: fc.constantFrom(...data.scenarios.map((s) => s.id)),
    overrides: moves,
    until: fc.constantFrom(2015, 2020),
    uncertainty: fc.constantFrom('off' as const, 'scenario' as const, 'all' as const),
    runs: fc.integer({ min: 2, max: 5000 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    indicators: fc.subarray(data.indicators.map((i) => i.id), { minLength: 1, maxLength: 5 }),
    lang: fc.constantFrom('zh' as const, 'en' as const),
  });

  it('reads back exactly what it wrote (lever values to the last bit)', () => {
    fc.assert(
      fc.property(states, (state) => {
        const decoded = decodeState(data, encodeState(data, state));
        expect(decoded.problems).toEqual([]);
        const expected: ExplorerState = state.uncertainty === 'off' ? { ...state, ...initialRunsSeed(state.scenario) } : state;
        expect(decoded.state).toEqual(expected);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('writes only what differs from the defaults', () => {
    expect(encodeState(data, initialState(data, 'plan'))).toBe('#from=plan');
    const moved = { ...initialState(data, 'plan'), overrides: { homestead_reclaim_rate: { 2012: 0.008 } }, lang: 'en' as const };
    expect(encodeState(data, moved)).toBe('#from=plan&lang=en&set.homestead_reclaim_rate=2012:0.008');
  });

  it('drops what does not fit and says why, keeping the rest', () => {
    const { state, problems } = decodeState(data, '#from=plan&until=2031&set.quota_trade_share=101&set.nope=1&set.hukou_conv_rate_migrant=0.05&colour=red');
    expect(state.overrides).toEqual({ hukou_conv_rate_migrant: 0.05 });
    expect(state.until).toBe(2015);
    expect(problems).toEqual([
      'until=2031: expected one of 2015, 2020',
      'set.nope: no such lever',
      'set.quota_trade_share: value 101 is outside the range of lever quota_trade_share — expected a number in [0, 100] (percent)',
      'colour: not a setting of this page',
    ]);
  });
});

function initialRunsSeed(scenario: string): { runs: number; seed: number } {
  const { runs, seed } = initialState(data, scenario);
  return { runs, seed };
}
