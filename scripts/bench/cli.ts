/**
 * The user-facing figures of `npm run bench`: start-up of the built CLI and of the package as
 * ratios to `node -e 0` measured in the same run (targets: `hzsim --version` and `hzsim params`
 * ≤ 2.5×, a deterministic `hzsim run plan` ≤ 5×, `import 'hangzhou-reform-sim'` ≤ 4×), the
 * seconds `hzsim demo` takes (target ≤ 15 s on 2 cores) and the peak memory of a million Monte
 * Carlo runs of the plan (target < 1.5 GB). Each figure starts a fresh process, as a user does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export type Record = (key: string, label: string, value: number, unit: string, digits?: number) => void;

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'hzsim.js');

/** Wall milliseconds of one process run (its exit code must be 0). */
function wall(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function cliFigures(record: Record, quick: boolean): void {
  // Interleaved, so a burst of load on a shared machine hits the reference and the commands alike.
  const cases = {
    node: ['-e', '0'],
    version: [bin, '--version'],
    params: [bin, 'params'],
    run: [bin, 'run', 'plan', '--runs', '1'],
    import: ['--input-type=module', '-e', `await import(${JSON.stringify(join(repo, 'dist', 'index.js'))})`],
  } as const;
  const samples: { [K in keyof typeof cases]: number[] } = { node: [], version: [], params: [], run: [], import: [] };
  const reps = quick ? 5 : 11;
  for (const args of Object.values(cases)) wall(args); // warm the file cache
  for (let i = 0; i < reps; i++) for (const [name, args] of Object.entries(cases)) samples[name as keyof typeof cases].push(wall(args));
  const node = median(samples.node);
  record('startupNodeMs', `start-up reference: node -e 0 (median of ${reps})`, node, 'ms', 0);
  record('startupVersionRatio', '  hzsim --version (target ≤ 2.5×)', median(samples.version) / node, '×', 2);
  record('startupParamsRatio', '  hzsim params (target ≤ 2.5×)', median(samples.params) / node, '×', 2);
  record('startupRunRatio', '  hzsim run plan --runs 1, deterministic (target ≤ 5×)', median(samples.run) / node, '×', 2);
  record('startupImportRatio', "  import 'hangzhou-reform-sim' (target ≤ 4×)", median(samples.import) / node, '×', 2);
  if (quick) return;

  const out = mkdtempSync(join(tmpdir(), 'hz-bench-demo-'));
  try {
    record('demoSeconds', 'hzsim demo: 7 scenarios, charts zh + en, briefing (target ≤ 15 s)', wall([bin, 'demo', '--quiet', '--out', out]) / 1000, 's', 1);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  // The process reports its own peak resident memory (worker threads included) as it exits.
  const hook = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write(`\\nmaxrss=${process.resourceUsage().maxRSS}\\n`));")}`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, bin, 'run', 'plan', '--runs', '1000000', '--quiet'], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  const kib = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0) throw new Error(`the million-run Monte Carlo failed: ${r.stderr}`);
  record('monteCarlo1MPeakMiB', 'hzsim run plan --runs 1000000: peak memory (target < 1.5 GB)', kib / 1024, 'MiB', 0);
  record('monteCarlo1MSeconds', '  its wall time', seconds, 's', 0);
}
