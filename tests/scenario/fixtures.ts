/**
 * Small levers, indicators and an in-memory file system for scenario tests, so messages can be
 * asserted exactly without depending on the model's real levers.
 */
import { dirname, join } from 'node:path';
import type { ParamRecord } from '../../src/params/types.js';
import { completeContext, type FileAccess, type FullContext, type IndicatorInfo, type IndicatorLookup } from '../../src/scenario/context.js';
import { ScenarioLoader } from '../../src/scenario/load.js';

const lever = (p: Partial<ParamRecord> & Pick<ParamRecord, 'id' | 'default' | 'range' | 'unit'>): ParamRecord => ({
  name: { zh: p.id, en: p.id },
  domain: 'urbanisation',
  source: null,
  provenance: { kind: 'assumption', reason: 'test fixture' },
  description: { zh: '', en: '' },
  ...p,
});

export const LEVERS: readonly ParamRecord[] = [
  lever({ id: 'hukou_conv_rate_migrant', unit: '1/year', default: 0.01, range: { min: 0, max: 0.2 } }),
  lever({ id: 'hukou_conv_rate_plan_area', unit: '1/year', default: 0.02, range: { min: 0, max: 0.3 } }),
  lever({ id: 'approvals_cut_rate', unit: '1/year', default: 0.01, range: { min: 0, max: 0.15 }, domain: 'administration' }),
  lever({ id: 'pilot_year', unit: 'year', default: 2013, range: { min: 2011, max: 2020 }, integer: true }),
  lever({ id: 'quota_effort', unit: 'hectare/year', default: 100, range: { min: 0, max: 1000 }, interpolation: 'linear', domain: 'land' }),
];

const indicator = (id: string, unit: string, min: number, max: number, value: number): IndicatorInfo => ({
  id,
  name: { zh: `指标${id}`, en: `indicator ${id}` },
  unit,
  bounds: { min, max },
  baseline: { year: 2010, value },
});
const INDICATORS = [
  indicator('administration.approval-items', 'index (2010 = 100)', 0, 200, 100),
  indicator('urbanisation.hukou-rate', '%', 0, 100, 50),
  indicator('urbanisation.rate', '%', 0, 100, 70),
];
export const INDICATOR_LOOKUP: IndicatorLookup = {
  find: (id) => INDICATORS.find((i) => i.id === id),
  ids: INDICATORS.map((i) => i.id),
};

export const DIR = '/sc';

/** Files under /sc, by name. */
export function memoryFs(files: Readonly<Record<string, string>>): FileAccess {
  const abs = new Map(Object.entries(files).map(([name, text]) => [join(DIR, name), text]));
  return {
    read: (p) => {
      const text = abs.get(p);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return Buffer.from(text, 'utf8');
    },
    exists: (p) => abs.has(p),
    list: (dir) => [...abs.keys()].filter((p) => dirname(p) === dir).map((p) => p.slice(dir.length + 1)),
  };
}

export function fixtureContext(files: Readonly<Record<string, string>>, until?: number): FullContext {
  return completeContext(
    { cwd: DIR, fs: memoryFs(files), ...(until ? { until } : {}) },
    { params: LEVERS, indicators: INDICATOR_LOOKUP },
  );
}

/** Checks `entry` among `files`. */
export function check(files: Readonly<Record<string, string>>, entry = Object.keys(files)[0] ?? 'a.yaml', until?: number) {
  return new ScenarioLoader(fixtureContext(files, until)).check(entry);
}

/** A valid minimal scenario with extra YAML lines appended. */
export const yaml = (...lines: string[]): string =>
  ['id: test', 'title: {zh: 测试, en: Test}', ...lines].join('\n') + '\n';
