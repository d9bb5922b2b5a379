/**
 * The default LabelSource. Until the catalog (src/catalog/index.ts) and the model series list
 * (src/models/index.ts) are wired here, ids are shown as themselves.
 */
import { labelsFromTable, type LabelSource } from './labels.js';

export function defaultLabels(): LabelSource {
  return labelsFromTable({});
}
