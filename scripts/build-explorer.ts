/**
 * Bundles the explorer page's script (src/explorer/page/main.ts with the library code it imports,
 * vega, vega-lite and vega-embed) and its stylesheet with esbuild, for `hzsim explore` to inline.
 * `npm run build` writes dist/explorer/page/page.{js,css}; tests call bundleExplorerPage() to get
 * a bundle of the current sources.
 *
 * Three substitutions:
 * - src/version.ts reads package.json through Node's createRequire; the bundle gets a module
 *   exporting the same version as a constant, read from package.json at build time;
 * - src/charts/default-labels.ts (the charts' fallback labels) pulls in the whole catalog and model
 *   definition (~170 KB); the page always passes the labels it carries in its data, so the bundle
 *   gets a defaultLabels() that says so if it is ever reached;
 * - src/charts/fonts.ts (the chart face read with fontkit from node_modules) is replaced by
 *   src/charts/fonts.browser.ts, which measures text with the browser's canvas.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Source modules replaced in the page bundle, by path, with the code the bundle gets instead. */
const substitutes: Readonly<Record<string, () => string>> = {
  [join(root, 'src', 'version.ts')]: () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    return `export const PACKAGE_VERSION = ${JSON.stringify(version)};`;
  },
  [join(root, 'src', 'charts', 'default-labels.ts')]: () =>
    "export function defaultLabels() { throw new Error('explorer: charts in the page take the labels the page carries (options.labels)'); }",
  [join(root, 'src', 'charts', 'fonts.ts')]: () => readFileSync(join(root, 'src', 'charts', 'fonts.browser.ts'), 'utf8'),
};

const substitution: Plugin = {
  name: 'browser-substitutes',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return Object.hasOwn(substitutes, target) ? { path: target, namespace: 'browser-substitute' } : undefined;
    });
    // DDSketch's protobuf (de)serialisation is never used (the page's Monte Carlo stays exact), and
    // protobufjs is only a development dependency of @datadog/sketches-js.
    b.onResolve({ filter: /^protobufjs\/minimal$/ }, () => ({ path: 'protobufjs/minimal', namespace: 'browser-unused' }));
    b.onLoad({ filter: /.*/, namespace: 'browser-unused' }, () => ({
      contents: "throw new Error('explorer: protobuf serialisation of quantile sketches is not in the page');",
      loader: 'js',
    }));
    // resolveDir: a substitute's own relative imports resolve beside the module it replaces.
    b.onLoad({ filter: /.*/, namespace: 'browser-substitute' }, (args) => ({ contents: substitutes[args.path]?.() ?? '', loader: 'ts', resolveDir: dirname(args.path) }));
  },
};

export interface PageBundle {
  readonly script: string;
  readonly style: string;
}

export async function bundleExplorerPage(options: { minify?: boolean } = {}): Promise<PageBundle> {
  const result = await build({
    entryPoints: [join(root, 'src', 'explorer', 'page', 'main.ts')],
    bundle: true,
    write: false,
    outdir: join(root, 'dist', 'explorer', 'page'),
    entryNames: 'page',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [substitution],
    logLevel: 'silent',
  });
  const text = (ext: string): string => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { script: text('.js'), style: text('.css') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bundle = await bundleExplorerPage();
  const dir = join(root, 'dist', 'explorer', 'page');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page.js'), bundle.script);
  writeFileSync(join(dir, 'page.css'), bundle.style);
  console.log(`explorer page bundle: ${(bundle.script.length / 1024).toFixed(0)} KB script, ${(bundle.style.length / 1024).toFixed(1)} KB style → dist/explorer/page/`);
}
