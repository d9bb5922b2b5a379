/**
 * The page's charts are the briefing's: scenarioComparison (references and the planner's scenario,
 * baseline and targets) or, under Monte Carlo, the fan of the planner's scenario — same builders,
 * same theme. For live updates a spec is split into its structure and its inline datasets: when a
 * lever moves and only the numbers change, the page swaps the datasets in the running view
 * instead of compiling and mounting the chart again.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../catalog/types.js';
import { fan } from '../charts/builders/fan.js';
import { scenarioComparison } from '../charts/builders/scenarioComparison.js';
import type { LabelSource } from '../charts/labels.js';
import { plotArea } from '../charts/compose.js';
import type { ChartSize } from '../charts/theme.js';
import type { ExplorerData } from './data.js';
import type { SessionResults } from './session.js';

/** Chart labels from the page's data (the briefing's names, units and plan lines). */
export function pageLabels(data: Pick<ExplorerData, 'labels'>): LabelSource {
  const get = (id: string): ExplorerData['labels'][string] | undefined => (Object.hasOwn(data.labels, id) ? data.labels[id] : undefined);
  return {
    name: (id, lang) => get(id)?.name[lang] ?? id,
    unit: (id, lang) => get(id)?.unit[lang] ?? '',
    planLine: (id) => get(id)?.line,
  };
}

/** The chart of `indicator` for the page's current results. */
export function indicatorChart(results: SessionResults, indicator: string, options: { lang: Lang; size: ChartSize; labels: LabelSource }): TopLevelSpec {
  const all = [...results.references, results.explored];
  const spec =
    results.explored.mode === 'montecarlo'
      ? // Titled like the comparison charts: the legend names the scenario already.
        fan(all, { indicator, scenario: results.explored.scenario.id, title: options.labels.name(indicator, options.lang), ...options })
      : scenarioComparison(all, { indicator, ...options });
  // The page's charts are smaller than the briefing's: a y-axis title longer than the plot is
  // cut with an ellipsis (the chart title above names the indicator in full) instead of
  // stretching the chart out of line with its neighbours.
  const config = spec.config ?? {};
  return { ...spec, config: { ...config, axisY: { ...config.axisY, titleLimit: plotArea(options.size, 'none').height } } };
}

export interface SplitSpec {
  /** The spec with every inline `data: {values}` replaced by `data: {name}` (JSON, for comparison). */
  readonly structure: string;
  /** The spec to compile: the structure plus top-level `datasets`. */
  readonly spec: TopLevelSpec;
  /** Dataset name → rows. */
  readonly datasets: Readonly<Record<string, readonly unknown[]>>;
}

/** Names every inline dataset of a Vega-Lite spec (`d0`, `d1`, … in document order). */
export function splitDatasets(spec: TopLevelSpec): SplitSpec {
  const datasets: Record<string, unknown[]> = {};
  let n = 0;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'data' && v !== null && typeof v === 'object' && Array.isArray((v as { values?: unknown }).values)) {
        const name = `d${n++}`;
        datasets[name] = (v as { values: unknown[] }).values;
        out[k] = { name };
      } else out[k] = walk(v);
    }
    return out;
  };
  const structure = walk(spec) as Record<string, unknown>;
  return { structure: JSON.stringify(structure), spec: { ...structure, datasets } as unknown as TopLevelSpec, datasets };
}
