/**
 * The bundled scenarios as API: `extends: plan` from any folder resolves the bundled plan when no
 * file of that name is beside the scenario (a sibling wins), a bare id loads it from anywhere,
 * and a reference found nowhere says where it looked.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { BUNDLED_SCENARIOS_DIR, bundledScenarios, checkScenarios, loadScenario } from '../../src/scenario/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hz-bundled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, text: string): void => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
write('studies/push.yaml', 'id: push\ntitle: {zh: 加力, en: Push}\nextends: plan\nparameters:\n  rd_share_growth: 0.06\n');
write('local/plan.yaml', 'id: plan\ntitle: {zh: 本地, en: Local plan}\n');
write('local/push.yaml', 'id: push\ntitle: {zh: 加力, en: Push}\nextends: plan\n');
write('typo/x.yaml', 'id: x\ntitle: {zh: x, en: x}\nextends: plann\n');

describe('bundledScenarios', () => {
  it('lists every scenarios/*.yaml in reading order, each file named by its id', () => {
    const files = readdirSync(BUNDLED_SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
    expect(bundledScenarios.map((s) => s.id).slice(0, 2)).toEqual(['trend', 'plan']);
    expect(bundledScenarios.map((s) => `${s.id}.yaml`).sort()).toEqual(files.sort());
    for (const s of bundledScenarios) expect(loadScenario(s.file).id).toBe(s.id);
  });
});

describe('extends a bundled id', () => {
  it('from a folder without that file: the bundled one, which heads the chain', () => {
    const s = loadScenario('studies/push.yaml', { cwd: dir });
    expect(s.chain).toEqual(['plan', 'push']);
    expect(s.sources?.[0]?.file).toBe(join(BUNDLED_SCENARIOS_DIR, 'plan.yaml'));
    expect(Object.keys(s.uncertainty).length).toBeGreaterThan(0); // inherited from the bundled plan
  });

  it('a file of that name beside the scenario comes first', () => {
    const s = loadScenario('local/push.yaml', { cwd: dir });
    expect(s.sources?.[0]?.file).toBe(join(dir, 'local', 'plan.yaml'));
  });

  it('found nowhere: the message lists the files tried and the bundled scenarios, and suggests', () => {
    const [check] = checkScenarios(['typo/x.yaml'], { cwd: dir });
    expect(check?.problems.map((p) => p.message)).toEqual([
      `extends 'plann': no scenario file found — looked for typo/plann.yaml, typo/plann.yml, typo/plann.json, the bundled scenarios (${bundledScenarios.map((b) => b.id).join(', ')}) — did you mean plan? (line 3, column 10)`,
    ]);
  });
});

describe('a bare id as the file argument', () => {
  it('loads the bundled scenario from any working directory', () => {
    expect(loadScenario('trend', { cwd: dir }).file).toBe(join(BUNDLED_SCENARIOS_DIR, 'trend.yaml'));
  });

  it('unknown: InputError saying where it looked (files relative to the working directory)', () => {
    try {
      loadScenario('plam', { cwd: dir });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]?.message).toBe(
        `no scenario 'plam' — looked for plam.yaml, plam.yml, plam.json and the bundled scenarios (${bundledScenarios.map((b) => b.id).join(', ')}); did you mean plan?`,
      );
    }
  });
});
