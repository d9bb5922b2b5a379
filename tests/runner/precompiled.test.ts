/**
 * The model compiled at build time is the model compiled at run time: a CompiledModel rebuilt from
 * the stored artefact (as `npm run build` writes it, through JSON) has the same generated code,
 * ids and options, the same lever tables for every bundled scenario, and gives bit-identical runs
 * and the same errors. The runner uses the artefact only for exactly what it was built from.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { hangzhouModel } from '../../src/models/index.js';
import { params } from '../../src/params/index.js';
import { compilerWith, fingerprint, fromPrecompiled, precompile, type PrecompiledModel } from '../../src/runner/precompiled.js';
import { bundledScenarios, loadScenario } from '../../src/scenario/index.js';

const fresh = compileModel(hangzhouModel, params);
const artefact = JSON.parse(JSON.stringify(precompile(hangzhouModel, params))) as PrecompiledModel;
const rebuilt = fromPrecompiled(artefact, hangzhouModel, params);
const scenarios = bundledScenarios.map((s) => loadScenario(s.file));

describe('the precompiled Hangzhou model', () => {
  it('has the same generated code, sizes, ids and options as a fresh compilation', () => {
    expect(rebuilt.portable).toEqual(fresh.portable);
    expect(rebuilt.years).toEqual(fresh.years);
    expect(rebuilt.outputIds).toEqual(fresh.outputIds);
    expect(rebuilt.paramIds).toEqual(fresh.paramIds);
    expect(rebuilt.options).toEqual(fresh.options);
    expect(artefact.columnYears).toHaveLength(fresh.portable.columns);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: the same lever table and bit-identical outputs', (_, s) => {
    expect(rebuilt.leverTable(s.parameters)).toEqual(fresh.leverTable(s.parameters));
    expect(Buffer.from(rebuilt.run(s.parameters).buffer)).toEqual(Buffer.from(fresh.run(s.parameters).buffer));
  });

  it('prepared runs with overrides and the defaults agree too; an unknown lever is the same error', () => {
    const idx = Int32Array.of(0, fresh.paramIds.length - 1);
    const values = Float64Array.of(0.5, 2);
    expect(rebuilt.prepare().runWith(idx, values)).toEqual(fresh.prepare().runWith(idx, values));
    expect(rebuilt.run()).toEqual(fresh.run());
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const typo = { hukou_conv_rate_migrnt: 1 };
    expect(message(() => rebuilt.run(typo))).toBe(message(() => fresh.run(typo)));
    expect(message(() => rebuilt.run(typo))).toContain('hukou_conv_rate_migrant');
  });

  it('trace (for tests and docs) compiles on demand and agrees', () => {
    const a = rebuilt.trace(scenarios[1]?.parameters);
    const b = fresh.trace(scenarios[1]?.parameters);
    expect(a.times).toEqual(b.times);
    expect(Object.keys(a.values)).toEqual(Object.keys(b.values));
  });
});

describe('compilerWith', () => {
  it('uses the artefact only for its own spec, levers and options, and never a stale one', () => {
    const compile = compilerWith(artefact, hangzhouModel, params);
    expect(compile(hangzhouModel, params, {}).portable.source).toBe(fresh.portable.source);
    // Other options: compiled afresh (a different horizon has other years).
    expect(compile(hangzhouModel, params, { until: 2016 }).years.at(-1)).toBe(2016);
    const stale = compilerWith({ ...artefact, fingerprint: 'another build', portable: { ...artefact.portable, source: 'throw new Error("stale")' } }, hangzhouModel, params);
    expect(stale(hangzhouModel, params, {}).run()).toEqual(fresh.run());
    expect(artefact.fingerprint).toBe(fingerprint(hangzhouModel, params));
  });
});
