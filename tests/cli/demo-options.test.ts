import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-demo-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hzsim demo --uncertainty', () => {
  it('refuses an unknown value before running anything: exit 2, the flag, the value and what was expected, nothing written', async () => {
    let err = '';
    const io: CliIO = { stdout: () => undefined, stderr: (t) => void (err += t), isTTY: false, cwd: dir };
    expect(await main(['demo', '--uncertainty', 'some', '--out', 'out'], io)).toBe(2);
    expect(err).toContain("<cli>: --uncertainty: got 'some' — expected scenario or all");
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
