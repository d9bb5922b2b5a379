import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

describe('public API (what `import … from "hangzhou-reform-sim"` gives)', () => {
  it('runs the README example', () => {
    const rate = api.getIndicator('urbanisation.rate');
    expect(rate.baseline.value).toBe(70);
    expect(rate.source.line).toBe(17);
    expect(api.catalog.length).toBeGreaterThanOrEqual(37);
  });

  it('offers one builder per chart kind under `charts`, each returning a Vega-Lite spec', () => {
    for (const kind of ['scenarioComparison', 'fan', 'attainmentDashboard', 'tornado', 'tornadoFromOat', 'morris', 'sobol', 'backtest', 'quotaLedger', 'hukouChannels', 'coverage', 'smallMultiples']) {
      expect(typeof (api.charts as Record<string, unknown>)[kind], kind).toBe('function');
    }
  });

  it('exports the analysis toolkit', () => {
    for (const name of ['oat', 'morris', 'sobol', 'goalSeek', 'calibrate', 'backtest', 'scenarioModel', 'leverGoal', 'readObservationsCsv']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
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

describe('README', () => {
  it('its scenario example is a valid scenario file (extends the bundled plan)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'hzsim-readme-'));
    try {
      copyFileSync(join(root, 'scenarios', 'plan.yaml'), join(dir, 'plan.yaml'));
      writeFileSync(join(dir, 'example.yaml'), yaml!);
      const s = api.loadScenario(join(dir, 'example.yaml'));
      expect(s.chain).toEqual(['plan', 'my-hukou-push']);
      expect(s.targets).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
