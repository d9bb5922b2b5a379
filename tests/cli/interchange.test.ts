import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { hangzhouModel } from '../../src/models/index.js';

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, cwd };
  return { code: await main(argv, io), out, err };
}

describe('hzsim export and import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hzsim-interchange-'));

  it('exports the Hangzhou model as XMILE to a file, and import reads it back', async () => {
    const exported = await run(dir, 'export', '--format', 'xmile', '--steps-per-year', '16', '--out', 'hz.xmile');
    expect(exported).toMatchObject({ code: 0, out: '', err: 'wrote hz.xmile\n' });
    expect(readFileSync(join(dir, 'hz.xmile'), 'utf8')).toContain('<dt>0.0625</dt>');
    const imported = await run(dir, 'import', 'hz.xmile', '--out', 'hz.json');
    expect(imported.code).toBe(0);
    // The summary counts what the model has (read from the model, so it follows model changes).
    const vars = hangzhouModel.subsystems.flatMap((s) => s.vars);
    const levers = new Set(vars.flatMap((v) => (v.kind === 'input' ? [v.param] : []))).size;
    expect(imported.out).toMatch(
      new RegExp(
        `^hz\\.xmile: model \`hangzhou\`, ${hangzhouModel.subsystems.length} subsystems, ${vars.length} variables \\(.*\\), ${levers} levers, ${hangzhouModel.outputs.length} outputs; 2010–2015, 16 steps a year, euler\\n$`,
      ),
    );
    // The JSON converts to Vensim with --model.
    const vensim = await run(dir, 'export', '--model', 'hz.json', '--format', 'vensim');
    expect(vensim.code).toBe(0);
    expect(vensim.out).toMatch(/^\{UTF-8\}\n/);
    expect(vensim.out).toContain('TIME STEP = 0.0625');
  });

  it('refuses a bad format, a missing file and a broken one (exit 2, nothing written)', async () => {
    expect(await run(dir, 'export', '--format', 'stella')).toMatchObject({ code: 2, err: "hzsim: 1 problem(s):\n<cli>: --format: got 'stella' — expected vensim or xmile\n" });
    expect(await run(dir, 'import', 'missing.mdl')).toMatchObject({ code: 2, err: 'hzsim: 1 problem(s):\nmissing.mdl: cannot read the file: ENOENT\n' });
    writeFileSync(join(dir, 'broken.mdl'), '{UTF-8}\nx = DELAY1(y, 3)\n\t~\t1\n\t~\t\n\t|\n');
    const broken = await run(dir, 'import', 'broken.mdl', '--out', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.mdl: x: cannot read the equation: unknown name `y`');
    expect(existsSync(join(dir, 'broken.json'))).toBe(false);
    writeFileSync(join(dir, 'model.txt'), 'x');
    expect((await run(dir, 'import', 'model.txt')).err).toContain('model.txt: cannot tell the format from the file name');
  });
});
