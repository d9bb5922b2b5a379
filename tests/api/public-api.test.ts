import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('public API (what `import … from "hangzhou-reform-sim"` gives)', () => {
  it('runs the README example', () => {
    const rate = api.getIndicator('urbanisation.rate');
    expect(rate.baseline.value).toBe(70);
    expect(rate.source.line).toBe(17);
    expect(api.catalog.length).toBeGreaterThanOrEqual(37);
  });

  it('offers one builder per chart kind under `charts`, each returning a Vega-Lite spec', () => {
    for (const kind of ['scenarioComparison', 'fan', 'attainmentDashboard', 'tornado', 'quotaLedger', 'hukouChannels', 'coverage', 'smallMultiples']) {
      expect(typeof (api.charts as Record<string, unknown>)[kind], kind).toBe('function');
    }
  });

  it('runs the bundled model from a scenario object and reproduces the 2010 baselines', () => {
    const resolved: api.ResolvedScenario = {
      id: 'api-test',
      title: { zh: '接口测试', en: 'API test' },
      description: null,
      file: '<memory>',
      hash: '',
      chain: ['api-test'],
      parameters: {},
      uncertainty: {},
      montecarlo: null,
      targets: [],
    };
    const result = api.runScenario(resolved, { context: api.createRunnerContext() });
    const at2010 = (id: string) => result.rows.find((r) => r.output === id && r.year === 2010)?.value;
    expect(at2010('integration.level')).toBe(87.1);
    expect(at2010('insurance.medical.urban-employee')).toBe(93.66);
    expect(result.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015]);
  });
});
