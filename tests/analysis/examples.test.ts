/**
 * Every `@example` in src/analysis runs as written (with the package import pointed at the
 * sources), and prints what its `// …` comment says, so the documentation cannot rot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const dir = resolve(fileURLToPath(import.meta.url), '../../../src/analysis');

/** The example blocks of a source file: the comment lines after `@example` up to the next tag or the end. */
function examples(source: string): string[] {
  const blocks: string[] = [];
  for (const match of source.matchAll(/@example\n((?:\s*\*(?: {3}.*)?\n)+)/g)) {
    blocks.push((match[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* {3}/, '').replace(/^\s*\*$/, '')).join('\n').trim());
  }
  return blocks;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .flatMap((file) => examples(readFileSync(join(dir, file), 'utf8')).map((code, i) => ({ file, i, code })));

describe('@example blocks in src/analysis', () => {
  it('there is one for each exported method', () => {
    const documented = cases.map((c) => c.code).join('\n');
    for (const name of ['oat', 'morris', 'sobol', 'goalSeek', 'calibrate', 'backtest', 'scenarioModel', 'leverGoal']) expect(documented).toMatch(new RegExp(`\\b${name}\\(`));
  });

  for (const { file, i, code } of cases) {
    it(`${file} #${i + 1} runs and prints what it says`, async () => {
      const imports = [...code.matchAll(/import \{([^}]+)\} from 'hangzhou-reform-sim';/g)].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.trim()));
      const body = code.replace(/import \{[^}]+\} from 'hangzhou-reform-sim';\n?/g, '');
      const expected = [...body.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1]);
      expect(expected.length, 'an example shows what it prints').toBeGreaterThan(0);
      const printed: string[] = [];
      const log = (...xs: unknown[]): void => void printed.push(xs.map(String).join(' '));
      const values = imports.map((name) => (api as Record<string, unknown>)[name]);
      expect(values.every((v) => v !== undefined), `exports ${imports.join(', ')}`).toBe(true);
      await new AsyncFunction('console', ...imports, body)({ log }, ...values);
      expect(printed).toEqual(expected);
    });
  }
});
