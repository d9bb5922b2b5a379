/**
 * `hzsim explore [scenario...] [--out FILE] [--lang zh|en]`: writes the scenario explorer, one
 * self-contained HTML page (model, levers, targets, scenarios, Vega and the page's script inlined)
 * that opens from disk with no network. The scenarios given are the starting points a planner can
 * choose from, the first being where the page starts (default: every bundled scenario, starting
 * from the plan); the bundled trend and plan are always drawn beside the planner's scenario.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import { isLang } from '../../charts/i18n.js';
import { InputError } from '../../errors.js';
import { builtPageAssets, EXPLORER_HORIZONS, explorerData, explorerHtml, MissingBundleError, type PageAssets } from '../../explorer/assemble.js';
import { loadScenarios, type ResolvedScenario } from '../../scenario/index.js';
import type { CliIO } from '../io.js';
import { ExitSignal } from '../exit.js';
import { bundledScenarioFiles } from './demo.js';
import { writeFilesAtomic } from '../../util/atomic.js';
import { quote } from '../../util/quote.js';
import { DEFAULT_SEED } from './run-options.js';

/** Scenarios every page draws for comparison. */
const REFERENCE_IDS = ['trend', 'plan'] as const;
/** Where a page of the bundled scenarios starts: the plan as written. */
export const BUNDLED_START = 'plan';
/** Runs of a page Monte Carlo for a scenario that declares none (each slider move reruns it). */
const PAGE_DEFAULT_RUNS = 200;

const lastHorizon = Math.max(...EXPLORER_HORIZONS);

/** The bundled reference scenarios (trend, plan), read for the page's longest horizon. */
export function referenceScenarios(cwd: string): ResolvedScenario[] {
  const files = bundledScenarioFiles().filter((f) => (REFERENCE_IDS as readonly string[]).includes(basename(f, '.yaml')));
  return loadScenarios(files, { cwd, until: lastHorizon });
}

/** The explorer page in `lang` for starting scenarios `scenarios`. */
export function explorerPage(
  scenarios: readonly ResolvedScenario[],
  references: readonly ResolvedScenario[],
  lang: Lang,
  assets: PageAssets = builtPageAssets(),
  start: string | undefined = scenarios[0]?.id,
): string {
  // A starting scenario with a reference's id stands for that reference (the planner's own copy).
  const shown = references.map((r) => scenarios.find((s) => s.id === r.id) ?? r);
  const data = explorerData({ scenarios, references: shown, lang, defaultRuns: PAGE_DEFAULT_RUNS, defaultSeed: DEFAULT_SEED, ...(start === undefined ? {} : { start }) });
  return explorerHtml(data, assets);
}

/** The page's bundle, or exit 1 with one line saying how to build it. */
export function pageAssetsOrExit(io: CliIO): PageAssets {
  try {
    return builtPageAssets();
  } catch (err) {
    if (!(err instanceof MissingBundleError)) throw err;
    io.stderr(`hzsim: ${err.message}\n`);
    throw new ExitSignal(1);
  }
}

export function register(program: Command, io: CliIO): Command {
  return program
    .command('explore')
    .description('write the scenario explorer: one offline HTML page with the model, levers as sliders and live charts · 情景探索页面')
    .argument('[files...]', 'scenarios to start from (.yaml, .yml or .json; default: every bundled scenario)')
    .option('--out <file>', 'the HTML file to write (default: explorer.<lang>.html)')
    .option('--lang <lang>', 'language the page opens in: zh or en (the page switches too)', 'zh')
    .action((files: string[], opts: { out?: string; lang: string }) => {
      const problems = [];
      if (!isLang(opts.lang)) problems.push({ file: '<cli>', path: '--lang', message: `got ${quote(opts.lang)} — expected zh or en` });
      const lang: Lang = isLang(opts.lang) ? opts.lang : 'zh';
      const out = resolve(io.cwd, opts.out ?? `explorer.${lang}.html`);
      if (isDirectory(out)) problems.push({ file: '<cli>', path: '--out', message: `${quote(opts.out)} is a directory — expected a file name such as explorer.html` });
      if (problems.length > 0) throw new InputError(problems);
      const scenarios = loadScenarios(files.length > 0 ? files : bundledScenarioFiles(), { cwd: io.cwd, until: lastHorizon });
      const start = files.length > 0 ? scenarios[0]?.id : BUNDLED_START;
      const html = explorerPage(scenarios, referenceScenarios(io.cwd), lang, pageAssetsOrExit(io), start);
      // One file, written atomically beside its target (not an output folder: --out names a file).
      writeFilesAtomic(dirname(out), new Map([[basename(out), html]]));
      io.stdout(`wrote ${opts.out ?? basename(out)} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(1)} MB; ${scenarios.length} starting scenarios; opens offline)\n`);
    });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
