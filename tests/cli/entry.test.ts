import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, recursively. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the CLI entry module', () => {
  // Under `tsx src/cli/main.ts` (npm run demo) main.ts is the entry and awaits at top level: a
  // module it loads that imports main.ts back waits for its own caller, and Node exits with 13.
  it('is imported by no other module of the library', () => {
    const importers = sources('src').filter((f) => /from '(\.\.?\/)+(cli\/)?main\.js'/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
