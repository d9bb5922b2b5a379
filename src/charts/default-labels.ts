/**
 * The default LabelSource: indicator names, units and plan lines from the catalog, then the model
 * series (land.quota_*, hukou.conversions.*, insurance.coverage.* …) from src/models.
 */
import { findIndicator } from '../catalog/index.js';
import { modelSeries } from '../models/index.js';
import { displayUnit } from './i18n.js';
import { chainLabels, labelsFromTable, type LabelRecord, type LabelSource } from './labels.js';

export const catalogLabels: LabelSource = {
  name: (id, lang) => findIndicator(id)?.name[lang] ?? id,
  unit: (id, lang) => {
    const found = findIndicator(id);
    return found ? displayUnit(found.unit, lang) : '';
  },
  planLine: (id) => findIndicator(id)?.source.line,
};

/** Plan lines the model series implement (hz-ids.md), for chart footnotes. */
const seriesPlanLine = (id: string): number | undefined =>
  id.startsWith('land.') ? 153 : id.startsWith('hukou.') || id.startsWith('population.') ? 151 : id.startsWith('insurance.') ? 188 : id.startsWith('integration.') ? 17 : undefined;

let defaults: LabelSource | undefined;
/** Names, units and plan lines of every catalog indicator and model series (built once). */
export function defaultLabels(): LabelSource {
  defaults ??= chainLabels(
    catalogLabels,
    labelsFromTable(
      Object.fromEntries(
        modelSeries.map((s): [string, LabelRecord] => {
          const line = seriesPlanLine(s.id);
          return [s.id, { name: s.name, unit: s.unit, ...(line === undefined ? {} : { line }) }];
        }),
      ),
    ),
  );
  return defaults;
}
