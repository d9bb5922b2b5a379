/**
 * `hzsim demo [--out DIR] [--threads N] [--quiet]` (the README's `npm run demo`): runs every
 * bundled scenario (Monte Carlo where the scenario declares it), then writes the results, the
 * standard charts in Chinese and English (SVG, PNG, HTML), a briefing and the scenario explorer in
 * both languages to `out/`. On a terminal a progress bar follows the runs, then the charts.
 */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { bundledScenarios } from '../../scenario/bundled.js';
import { loadScenarios } from '../../scenario/index.js';
import { executeScenarios, progressBar, resultFiles } from '../execute.js';
import { BUNDLED_START, explorerPage, pageAssetsOrExit, referenceScenarios } from './explore.js';
import type { CliIO } from '../io.js';
import { outputOptions, status } from '../kit.js';
import { checkOut, inFolder, parseNumbers, writeOut } from './run-options.js';

/** The scenarios shipped with the package, in reading order (absolute paths). */
export function bundledScenarioFiles(): string[] {
  return bundledScenarios.map((s) => s.file);
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('demo')
    .option('--out <dir>', 'output folder', 'out')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: as for hzsim run)');
  return outputOptions(cmd, { json: false, lang: false }).action(
    async (opts: { out: string; threads?: string; quiet?: boolean }) => {
      const started = performance.now();
      const flags = { ...parseNumbers({ threads: opts.threads }), quiet: opts.quiet === true };
      const scenarios = loadScenarios(bundledScenarioFiles(), { cwd: io.cwd });
      status(io, flags, `running ${scenarios.length} scenarios: ${scenarios.map((s) => s.id).join(', ')}`);
      checkOut(io.cwd, opts.out);
      const execution = await executeScenarios(scenarios, flags, io);
      const langs = ['zh', 'en'] as const;
      const { chartFiles, briefingFiles } = await import('../chart-files.js');
      const bar = await progressBar(io, flags, 'charts [{bar}] {value}/{total}');
      let charts;
      try {
        charts = await chartFiles(execution.results, langs, ['svg', 'png', 'html'], (done, total) => {
          if (done === 1) bar?.start(total, 0);
          bar?.update(done);
        });
      } finally {
        bar?.stop();
      }
      const results = resultFiles(execution, scenarios, flags, io.cwd);
      const briefing = briefingFiles(execution.results, langs, 'charts', charts.figures);
      const assets = pageAssetsOrExit(io);
      const references = referenceScenarios(io.cwd);
      const explorer = new Map(langs.map((lang) => [`explorer.${lang}.html`, explorerPage(scenarios, references, lang, assets, BUNDLED_START)]));
      const written = await writeOut(io.cwd, opts.out, new Map([...results, ...inFolder('charts', charts.files), ...briefing, ...explorer]));
      for (const r of execution.results) {
        const mode = r.mode === 'montecarlo' ? `Monte Carlo ${r.runs} runs, seed ${r.seed}` : 'deterministic';
        const classes = new Map<string, number>();
        for (const a of r.attainment) classes.set(a.class, (classes.get(a.class) ?? 0) + 1);
        io.stdout(`  ${r.scenario.id.padEnd(16)} ${mode.padEnd(32)} ${[...classes].map(([c, n]) => `${n} ${c}`).join(', ')}\n`);
      }
      status(
        io,
        flags,
        `wrote ${written.length} files to ${opts.out}/ (${results.size} result files, ${charts.files.size} chart files, ${briefing.size} briefing files, ${explorer.size} explorer pages) in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
          `  ${relative(io.cwd, resolve(io.cwd, opts.out, 'briefing.zh.html'))}  ·  ${relative(io.cwd, resolve(io.cwd, opts.out, 'briefing.en.html'))}\n` +
          `  ${relative(io.cwd, resolve(io.cwd, opts.out, 'explorer.zh.html'))}  ·  ${relative(io.cwd, resolve(io.cwd, opts.out, 'explorer.en.html'))}`,
      );
      if (charts.skipped.length > 0) status(io, flags, `skipped charts: ${charts.skipped.join('; ')}`);
    },
  );
}
