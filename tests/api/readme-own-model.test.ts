import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

describe('README, “Your own model”', () => {
  it('compiles, runs, Monte-Carlos and charts the SIR model as written', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Your own model'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    const dir = join(root, '.cache', 'test', 'readme-own-model');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const svg = join(dir, 'sir-fan.svg');
    const logged: unknown[] = [];
    // The example as a module importing the library's sources, writing its chart into .cache/test (not out/, which demo replaces whole), logging to us.
    const file = join(dir, 'example.ts');
    writeFileSync(
      file,
      (code as string)
        .replace("from 'hangzhou-reform-sim'", `from ${JSON.stringify(pathToFileURL(join(root, 'src', 'index.ts')).href)}`)
        .replace("'sir-fan.svg'", JSON.stringify(svg))
        .replace(/console\.log\(/g, '(globalThis as unknown as { readmeLog: (x: unknown) => void }).readmeLog('),
    );
    (globalThis as unknown as { readmeLog: (x: unknown) => void }).readmeLog = (x) => logged.push(x);
    await import(pathToFileURL(file).href);
    const infected = Array.from(logged[0] as Float64Array);
    expect(infected).toHaveLength(16);
    expect(infected[0]).toBe(100);
    // R0 = contacts × duration = 2: the epidemic grows, peaks and recedes within the horizon.
    const peak = Math.max(...infected);
    expect(peak).toBeGreaterThan(10_000);
    expect(infected[15]).toBeLessThan(peak / 10);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
  });
});
