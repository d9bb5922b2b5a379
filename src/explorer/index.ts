/**
 * The scenario explorer: `explorerData` (the page's data, from resolved scenarios) and
 * `explorerHtml` (the offline page around it and the bundled script). The page's own code is in
 * ./page and is bundled by `npm run build`.
 */
export { explorerData, explorerHtml, builtPageAssets, EXPLORER_HORIZONS, EXPLORER_DEFAULT_INDICATORS, type ExplorerDataOptions, type PageAssets } from './assemble.js';
export type { ExplorerData, ExplorerScenario, ExplorerIndicator, ExplorerLabel, UncertaintyMode } from './data.js';
