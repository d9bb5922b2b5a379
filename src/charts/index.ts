/**
 * Briefing-quality charts: builders (typed options → Vega-Lite spec with data inlined), the theme,
 * rendering to vl.json / SVG / PNG / HTML, and the standard set written after a run.
 */
export * from './builders/index.js';
export { type CommonChartOptions, type FootnoteRun, footnoteText } from './compose.js';
export { type LabelSource, type LabelRecord, labelsFromTable, chainLabels } from './labels.js';
export { defaultLabels } from './default-labels.js';
export { type Lang, Langs, isLang, t, attainmentClassLabels } from './i18n.js';
export * as theme from './theme.js';
export { render, renderSvg, renderHtml, svgToPng, svgToPngAsync, compileChart, parseFormats, ChartFormats, type ChartFormat, isChartFormat, PNG_SCALE } from './render.js';
export {
  writeStandardCharts, standardChartSpecs, writeCharts, renderFormats, HEADLINE_INDICATORS,
  type StandardChartOptions, type StandardChartsReport, type NamedSpec,
} from './standard.js';
