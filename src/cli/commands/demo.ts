/**
 * `hzsim demo [--out DIR]` (the README's `npm run demo`): runs every bundled scenario (Monte Carlo
 * where the scenario declares it), then writes the results, the standard charts in Chinese and
 * English (SVG, PNG, HTML) and a briefing in both languages to `out/`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadScenarios } from '../../scenario/index.js';
import { briefingFiles, chartFiles, executeScenarios, resultFiles } from '../execute.js';
import type { CliIO } from '../io.js';
import { checkOut, inFolder, parseNumbers, writeOut } from './run-options.js';

/** Reading order of the bundled scenarios: the baseline first, then the plan and its variants. */
const BUNDLED_ORDER = ['trend', 'plan', 'accelerated', 'stalled', 'hukou-first', 'land-first', 'insurance-first'];

/** The scenarios shipped with the package (scenarios/*.yaml beside src/ or dist/), in reading order. */
export function bundledScenarioFiles(): string[] {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scenarios');
  const rank = (f: string): number => {
    const i = BUNDLED_ORDER.indexOf(f.replace(/\.yaml$/, ''));
    return i < 0 ? BUNDLED_ORDER.length : i;
  };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((f) => join(dir, f));
}

export function register(program: Command, io: CliIO): Command {
  return program
    .command('demo')
    .description('run every bundled scenario; write results, charts (zh + en) and a briefing · 运行全部内置情景并生成图表与简报')
    .option('--out <dir>', 'output folder', 'out')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: as for hzsim run)')
    .action(async (opts: { out: string; threads?: string }) => {
      const started = performance.now();
      const flags = parseNumbers({ threads: opts.threads });
      const files = bundledScenarioFiles();
      const scenarios = loadScenarios(files, { cwd: io.cwd });
      checkOut(io.cwd, opts.out);
      io.stdout(`running ${scenarios.length} scenarios: ${scenarios.map((s) => s.id).join(', ')}\n`);
      const execution = await executeScenarios(scenarios, flags, io);
      const langs = ['zh', 'en'] as const;
      const charts = await chartFiles(execution.results, langs, ['svg', 'png', 'html']);
      const results = resultFiles(execution, scenarios, flags, io.cwd);
      const briefing = briefingFiles(execution.results, langs, 'charts', charts.svgNames);
      const written = await writeOut(io.cwd, opts.out, new Map([...results, ...inFolder('charts', charts.files), ...briefing]));
      for (const r of execution.results) {
        const mode = r.mode === 'montecarlo' ? `Monte Carlo ${r.runs} runs, seed ${r.seed}` : 'deterministic';
        const classes = new Map<string, number>();
        for (const a of r.attainment) classes.set(a.class, (classes.get(a.class) ?? 0) + 1);
        io.stdout(`  ${r.scenario.id.padEnd(16)} ${mode.padEnd(32)} ${[...classes].map(([c, n]) => `${n} ${c}`).join(', ')}\n`);
      }
      io.stdout(
        `wrote ${written.length} files to ${opts.out}/ (${results.size} result files, ${charts.files.size} chart files, ${briefing.size} briefing files) in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
          `  ${relative(io.cwd, resolve(io.cwd, opts.out, 'briefing.zh.html'))}  ·  ${relative(io.cwd, resolve(io.cwd, opts.out, 'briefing.en.html'))}\n`,
      );
      if (charts.skipped.length > 0) io.stdout(`skipped charts: ${charts.skipped.join('; ')}\n`);
    });
}
