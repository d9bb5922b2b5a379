/**
 * Assembling the explorer page (Node side): the model compiled for each horizon, the levers, the
 * plan's targets, names and units, the scenarios — all as one JSON object — plus the page's own
 * bundled script and stylesheet, inlined into one HTML file that opens from disk with no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog, type Lang, type Text } from '../catalog/index.js';
import { defaultLabels } from '../charts/default-labels.js';
import { CompiledModelCache, createRunnerContext, type OutputInfo } from '../runner/index.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { PACKAGE_VERSION } from '../version.js';
import type { ExplorerData, ExplorerScenario } from './data.js';
import { PAGE_IDS } from './page-ids.js';
import { portableHorizon } from './portable.js';
import { pageText } from './strings.js';

/** Horizons the page can switch between: the plan period (default), and on to 2020. */
export const EXPLORER_HORIZONS = [2015, 2020] as const;

/** Charts a page opens with: the composite, urbanisation and its hukou gap, the one numeric target. */
export const EXPLORER_DEFAULT_INDICATORS = ['integration.level', 'urbanisation.rate', 'urbanisation.hukou-gap', 'administration.approval-items'] as const;

export interface ExplorerDataOptions {
  /** Scenarios a planner can start from. */
  readonly scenarios: readonly ResolvedScenario[];
  /** The one the page starts from (default: the first). */
  readonly start?: string;
  /** Scenarios drawn beside the planner's for comparison (appended to the start list if missing). */
  readonly references: readonly ResolvedScenario[];
  readonly lang: Lang;
  /** Monte Carlo defaults for scenarios without a `montecarlo` block. */
  readonly defaultRuns: number;
  readonly defaultSeed: number;
}

const explorerScenario = (s: ResolvedScenario): ExplorerScenario => ({
  id: s.id,
  title: s.title,
  description: s.description,
  parameters: s.parameters,
  uncertainty: s.uncertainty,
  relativeToDefault: s.relativeToDefault ?? {},
  montecarlo: s.montecarlo,
  targets: s.targets,
});

/** The page's data: everything it runs and shows. */
export function explorerData(options: ExplorerDataOptions): ExplorerData {
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const horizons = EXPLORER_HORIZONS.map((until) => portableHorizon(cache.get({ until })));
  const outputIds = horizons[0]?.outputIds ?? [];
  const labelSource = defaultLabels();
  const bilingual = (f: (lang: Lang) => string): Text => ({ zh: f('zh'), en: f('en') });
  const labels = Object.fromEntries(
    outputIds.map((id) => {
      const line = labelSource.planLine?.(id);
      return [id, { name: bilingual((l) => labelSource.name(id, l)), unit: bilingual((l) => labelSource.unit(id, l)), ...(line === undefined ? {} : { line }) }];
    }),
  );
  const outputs: Record<string, OutputInfo> = {};
  for (const id of outputIds) {
    const info = context.describeOutput(id);
    if (info) outputs[id] = info;
  }
  const starts = [...options.scenarios];
  for (const r of options.references) if (!starts.some((s) => s.id === r.id)) starts.push(r);
  const charted = new Set(outputIds);
  return {
    version: PACKAGE_VERSION,
    lang: options.lang,
    horizons,
    params: context.params,
    planTargets: context.planTargets,
    indicators: catalog
      .filter((i) => charted.has(i.id))
      .map((i) => ({ id: i.id, name: i.name, unit: i.unit, domain: i.domain, direction: i.direction, bounds: i.bounds, baseline: i.baseline })),
    labels,
    outputs,
    scenarios: starts.map(explorerScenario),
    start: options.start !== undefined && starts.some((s) => s.id === options.start) ? options.start : (starts[0]?.id ?? ''),
    references: options.references.map((r) => r.id),
    defaultIndicators: EXPLORER_DEFAULT_INDICATORS.filter((id) => charted.has(id)),
    defaultRuns: options.defaultRuns,
    defaultSeed: options.defaultSeed,
  };
}

/** The page's bundled script and stylesheet (built by `npm run build` into dist/explorer/). */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
}

/** Raised when the page's bundle has not been built (an environment fault, not bad input). */
export class MissingBundleError extends Error {}

/** Reads the built bundle beside the compiled library (dist/explorer/), from src/ or dist/. */
export function builtPageAssets(): PageAssets {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = [join(here, 'page'), resolve(here, '../../dist/explorer/page')].find((d) => existsSync(join(d, 'page.js')));
  if (dir === undefined) throw new MissingBundleError('the explorer page is not built (dist/explorer/page/page.js is missing): run `npm run build`');
  return { script: readFileSync(join(dir, 'page.js'), 'utf8'), style: existsSync(join(dir, 'page.css')) ? readFileSync(join(dir, 'page.css'), 'utf8') : '' };
}

/**
 * Offline by construction: nothing may be fetched (no default-src), scripts and styles are the
 * inlined ones; 'unsafe-eval' because Vega compiles its expressions and the model is generated
 * code; blob:/data: images for downloads and PNG export.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

/** JSON that can sit inside a <script> element (no `</script>`, no `<!--`). */
const scriptSafeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
/** Script text that cannot end its <script> element early. */
const scriptSafeCode = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');


/** The complete HTML page. */
export function explorerHtml(data: ExplorerData, assets: PageAssets): string {
  const lang = data.lang;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="hangzhou-reform-sim ${data.version}">`,
    `<title>${pageText('title', lang)}</title>`,
    `<style>${assets.style.replace(/<\/(style)/gi, '<\\/$1')}</style>`,
    '</head>',
    '<body>',
    `<noscript>${pageText('noScript', lang)}</noscript>`,
    `<div id="${PAGE_IDS.app}"></div>`,
    `<script type="application/json" id="${PAGE_IDS.data}">${scriptSafeJson(data)}</script>`,
    `<script>${scriptSafeCode(assets.script)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
