/**
 * One chart in the page, kept alive between updates: a new spec whose structure is unchanged only
 * swaps the datasets whose rows changed (a Vega changeset on the running view); anything else
 * compiles and mounts the chart again.
 */
import embed, { type Result } from 'vega-embed';
import { changeset } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { splitDatasets } from '../charts.js';

export class LiveChart {
  private result: Result | null = null;
  private structure = '';
  private rows = new Map<string, string>();

  constructor(readonly container: HTMLElement) {}

  /** Shows `spec`; resolves when the view has rendered it. */
  async show(spec: TopLevelSpec): Promise<void> {
    const split = splitDatasets(spec);
    const result = this.result;
    if (result && split.structure === this.structure) {
      for (const [name, rows] of Object.entries(split.datasets)) {
        const json = JSON.stringify(rows);
        if (this.rows.get(name) === json) continue;
        this.rows.set(name, json);
        result.view.change(
          name,
          changeset()
            .remove(() => true)
            .insert(rows.map((r) => ({ ...(r as object) }))),
        );
      }
      await result.view.runAsync();
      return;
    }
    this.finalize();
    this.structure = split.structure;
    this.rows = new Map(Object.entries(split.datasets).map(([name, rows]) => [name, JSON.stringify(rows)]));
    this.result = await embed(this.container, split.spec, { mode: 'vega-lite', renderer: 'canvas', actions: false });
  }

  /** Rows of every dataset of the running view, by dataset name. */
  datasets(): Record<string, unknown[]> {
    const view = this.result?.view;
    if (!view) return {};
    return Object.fromEntries([...this.rows.keys()].map((name) => [name, view.data(name) as unknown[]]));
  }

  async svg(): Promise<string> {
    if (!this.result) throw new Error('chart not shown yet');
    return this.result.view.toSVG();
  }

  async png(): Promise<string> {
    if (!this.result) throw new Error('chart not shown yet');
    return this.result.view.toImageURL('png', 2);
  }

  finalize(): void {
    this.result?.finalize();
    this.result = null;
    this.structure = '';
    this.rows.clear();
  }
}
