import { describe, expect, it } from 'vitest';
import { portableModel, portableRunnerContext } from '../../src/explorer/portable.js';
import { resolveReference } from '../../src/explorer/explored.js';
import { CompiledModelCache, createRunnerContext, runMonteCarlo, runScenario } from '../../src/runner/index.js';
import type { ParamValue } from '../../src/params/types.js';
import { bundledExplorerData } from './fixture.js';

const data = bundledExplorerData();
const real = createRunnerContext();
const cache = new CompiledModelCache(real);
const page = portableRunnerContext(data);

describe('the model in the page (portable horizons)', () => {
  it('reads one calendar year per lever-table column: the engine’s table has a column per year of the horizon', () => {
    const h = data.horizons[0]!;
    expect(h.columnYears).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
  });

  it('builds the engine’s lever table bit for bit for every bundled scenario, both horizons, and a schedule', () => {
    for (const h of data.horizons) {
      const compiled = cache.get({ until: h.options.until });
      const model = portableModel(h, data.params);
      const same = (params: Record<string, ParamValue>): boolean =>
        Buffer.from(model.leverTable(params).buffer).equals(Buffer.from(compiled.leverTable(params).buffer));
      for (const s of data.scenarios) expect(same(s.parameters), s.id).toBe(true);
      expect(same({ hukou_conv_rate_migrant: { 2010: 0.03, 2013: 0.06 } })).toBe(true);
      expect(same({ hukou_conv_rate_migrant: 0.031 })).toBe(true);
      expect(same({ hukou_conv_rate_migrant: 0.03 })).toBe(true);
    }
  });

  it('runScenario gives the same rows and attainment in the page as in Node', () => {
    for (const s of data.scenarios) {
      const resolved = resolveReference(s);
      expect(runScenario(resolved, { context: page })).toEqual(runScenario(resolved, { context: real, cache }));
    }
    const plan = resolveReference(data.scenarios.find((s) => s.id === 'plan')!);
    expect(runScenario(plan, { context: page, until: 2020 })).toEqual(runScenario(plan, { context: real, cache, until: 2020 }));
  });

  it('a seeded Monte Carlo gives the same summaries and P(met) in the page as in Node', async () => {
    const plan = resolveReference(data.scenarios.find((s) => s.id === 'plan')!);
    const options = { runs: 60, seed: 7 };
    const inPage = await runMonteCarlo(plan, { context: page, ...options });
    expect(inPage).toEqual(await runMonteCarlo(plan, { context: real, cache, ...options }));
    expect(inPage.attainment.some((a) => a.probability !== null && a.probability > 0 && a.probability < 1)).toBe(true);
  });

  it('refuses a horizon the page does not carry, naming it', () => {
    expect(() => page.compile(page.model, page.params, { until: 2030 })).toThrow('the page carries no compiled model for 2010, 2030, 0.08333333333333333, euler');
  });
});
