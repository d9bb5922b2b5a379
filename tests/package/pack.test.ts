/**
 * The package as a user gets it: `npm pack`, install the tarball in a fresh project (from the npm
 * cache `npm ci` filled), then run the README's Library snippet verbatim — type-checked with
 * `tsc --strict` — its CommonJS example, and `npx hzsim` with a bundled scenario id. The snippets
 * are read from README.md, so the README and the package cannot drift apart. Packs the built
 * dist/ (`npm ci` and `npm run build` make it).
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = process.cwd();
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
let dir = '';
let project = '';
let packed: { files: { path: string }[]; filename: string } = { files: [], filename: '' };

const run = (cmd: string, args: readonly string[], options: ExecFileSyncOptions = {}): string =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000, ...options }) as string;

/** The first fenced block of `lang` after the heading `section` in the README. */
function readmeBlock(section: string, lang: string, nth = 0): string {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${section}\n`);
  expect(start, `README has a "## ${section}" section`).toBeGreaterThan(-1);
  const blocks = [...readme.slice(start).matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))];
  const block = blocks[nth]?.[1];
  expect(block, `README's ${section} section has a ${lang} block`).toBeTruthy();
  return block as string;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hz-pack-'));
  const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repo });
  packed = (JSON.parse(out) as (typeof packed)[])[0] as typeof packed;
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'reader', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, packed.filename)], { cwd: project });
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

describe('the packed tarball', () => {
  it('holds the library, the CLI, the bundled scenarios and a LICENSE, and no test, fixture, cache or source map', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'bin/hzsim.js', 'dist/index.js', 'dist/index.d.ts', 'dist/runner/hangzhou-model.json', 'scenarios/plan.yaml', 'scenarios/scenario.schema.json']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /(^|\/)(tests?|fixtures?|__snapshots__|\.cache|coverage|notebooks)\//.test(p) || p.endsWith('.map') || p.endsWith('.test.js'))).toEqual([]);
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('installs without build tools: tsx and ajv are not runtime dependencies', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'hangzhou-reform-sim', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(Object.keys(installed.dependencies)).not.toContain('ajv');
  });
});

describe('in a fresh project', () => {
  it("runs the README's Library snippet verbatim, type-checked with tsc --strict", () => {
    writeFileSync(join(project, 'snippet.ts'), readmeBlock('Library', 'ts'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', skipLibCheck: true,
          types: ['node'], typeRoots: [join(repo, 'node_modules', '@types')],
        },
        files: ['snippet.ts'],
      }),
    );
    run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project });
    const out = run(process.execPath, [join(project, 'out', 'snippet.js')], { cwd: project });
    expect(out).toMatch(/\d+ indicators; bundled scenarios: trend, plan, /);
    expect(out).toMatch(/P\(approvals −20 % by 2015\) = (0(\.\d+)?|1)\n/);
    expect(out).toMatch(/chart: \d{4,} characters of SVG/);
  });

  it("runs the README's CommonJS example verbatim", () => {
    writeFileSync(join(project, 'example.cjs'), readmeBlock('Library', 'js'));
    expect(run(process.execPath, [join(project, 'example.cjs')], { cwd: project })).toMatch(/^\d+ targets judged\n$/);
  });

  it('npx hzsim runs a bundled scenario by id and prints its version', () => {
    const bin = join(project, 'node_modules', '.bin', 'hzsim');
    expect(run(bin, ['--version'], { cwd: project }).trim()).toBe(version);
    const json = JSON.parse(run(bin, ['run', 'plan', '--runs', '1', '--json'], { cwd: project })) as { scenarios: { id: string; mode: string }[] };
    expect(json.scenarios.map((s) => [s.id, s.mode])).toEqual([['plan', 'deterministic']]);
  });
});
