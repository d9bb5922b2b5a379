/**
 * `hzsim demo [--out DIR] [--threads N] [--uncertainty scenario|all] [--quiet]` (the README's
 * `npm run demo`): runs every bundled scenario (Monte Carlo where the scenario declares it, drawing
 * what --uncertainty says), screens which assumptions drive the plan's headline indicators (Morris,
 * drivers.csv), then writes the results, the standard charts in Chinese and English (SVG, PNG,
 * HTML), a briefing and the scenario explorer in both languages to `out/`. On a terminal a progress
 * bar follows the runs, then the charts.
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
import { parseUncertainty } from './run.js';
import { attainmentHeadline, classCounts } from '../../runner/vocabulary.js';

/** The scenarios shipped with the package, in reading order (absolute paths). */
export function bundledScenarioFiles(): string[] {
  return bundledScenarios.map((s) => s.file);
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('demo')
    .option('--out <dir>', 'output folder', 'out')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: as for hzsim run)')
    .option('--uncertainty <what>', 'what a Monte Carlo draws: scenario (its own delivery distributions, default) or all (also every assumed lever default)');
  return outputOptions(cmd, { json: false, lang: false }).action(
    async (opts: { out: string; threads?: string; uncertainty?: string; quiet?: boolean }) => {
      const started = performance.now();
      const flags = { ...parseNumbers({ threads: opts.threads }), uncertainty: parseUncertainty(opts.uncertainty), quiet: opts.quiet === true };
      const scenarios = loadScenarios(bundledScenarioFiles(), { cwd: io.cwd });
      status(io, flags, `running ${scenarios.length} scenarios: ${scenarios.map((s) => s.id).join(', ')}`);
      checkOut(io.cwd, opts.out);
      const execution = await executeScenarios(scenarios, flags, io);
      const langs = ['zh', 'en'] as const;
      const { chartFiles, briefingFiles } = await import('../chart-files.js');
      const { briefingDrivers, driversCsv } = await import('../briefing-drivers.js');
      const focus = scenarios.find((s) => s.id === 'plan');
      const drivers = focus ? await briefingDrivers(focus, execution.context) : null;
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
      if (drivers) results.set('drivers.csv', driversCsv(drivers));
      // The validation report's caveats concern the bundled model and data, which the demo runs.
      const { validationCaveats } = await import('../../validation/caveats.js');
      const briefing = briefingFiles(execution.results, langs, 'charts', charts.figures, { ...(drivers ? { drivers } : {}), caveats: (lang) => validationCaveats(lang, undefined, { leverCounts: false }) });
      const assets = pageAssetsOrExit(io);
      const references = referenceScenarios(io.cwd);
      const explorer = new Map(langs.map((lang) => [`explorer.${lang}.html`, explorerPage(scenarios, references, lang, assets, BUNDLED_START)]));
      const written = await writeOut(io.cwd, opts.out, new Map([...results, ...inFolder('charts', charts.files), ...briefing, ...explorer]));
      const modes = execution.results.map((r) => (r.mode === 'montecarlo' ? `Monte Carlo ${r.runs} runs, seed ${r.seed}${r.uncertainty?.mode === 'all' ? ', all uncertain' : ''}` : 'deterministic'));
      const width = Math.max(...modes.map((m) => m.length));
      execution.results.forEach((r, i) => {
        io.stdout(`  ${r.scenario.id.padEnd(16)} ${(modes[i] ?? '').padEnd(width)}  ${attainmentHeadline(r.attainment, 'en')} (${classCounts(r.attainment, 'en')})\n`);
      });
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
