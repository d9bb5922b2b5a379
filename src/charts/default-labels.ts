/**
 * The default LabelSource: indicator names, units and plan lines from the catalog. Model series
 * (land.quota_*, hukou.conversions.*, insurance.coverage.*) are added from src/models once that
 * module is in place; until then they show as their ids.
 */
import { findIndicator } from '../catalog/index.js';
import { displayUnit } from './i18n.js';
import type { LabelSource } from './labels.js';

export const catalogLabels: LabelSource = {
  name: (id, lang) => findIndicator(id)?.name[lang] ?? id,
  unit: (id, lang) => {
    const found = findIndicator(id);
    return found ? displayUnit(found.unit, lang) : '';
  },
  planLine: (id) => findIndicator(id)?.source.line,
};

export function defaultLabels(): LabelSource {
  return catalogLabels;
}
