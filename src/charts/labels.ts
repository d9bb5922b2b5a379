/**
 * Where charts get indicator and series names, units and plan lines. The catalog and the model
 * series list provide them (see catalogLabels in ./catalog-labels.ts); tests pass a fixture.
 */
import { displayUnit, type Lang } from './i18n.js';

export interface LabelSource {
  /** Display name of an indicator or model series id in `lang`. */
  name(id: string, lang: Lang): string;
  /** Display unit (already translated for `lang`), '' when dimensionless. */
  unit(id: string, lang: Lang): string;
  /** The plan line that states the id's baseline (or names it), for the footnote; undefined if none. */
  planLine?(id: string): number | undefined;
}

export interface LabelRecord {
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: string;
  readonly line?: number;
}

/** A LabelSource over a fixed table; unknown ids show as themselves, without unit. */
export function labelsFromTable(table: Readonly<Record<string, LabelRecord>>): LabelSource {
  const get = (id: string): LabelRecord | undefined => (Object.hasOwn(table, id) ? table[id] : undefined);
  return {
    name: (id, lang) => get(id)?.name[lang] ?? id,
    unit: (id, lang) => {
      const r = get(id);
      return r ? displayUnit(r.unit, lang) : '';
    },
    planLine: (id) => get(id)?.line,
  };
}

/** Tries each source in turn: the first that knows the id (name ≠ id) answers. */
export function chainLabels(...sources: readonly LabelSource[]): LabelSource {
  const pick = (id: string): LabelSource | undefined => sources.find((s) => s.name(id, 'zh') !== id);
  return {
    name: (id, lang) => pick(id)?.name(id, lang) ?? id,
    unit: (id, lang) => pick(id)?.unit(id, lang) ?? '',
    planLine: (id) => pick(id)?.planLine?.(id),
  };
}

/**
 * Legend entries without a prefix they all share ("当年转户：…", "Coverage: …"): the chart title
 * already says it, and shorter entries leave the plot more room.
 */
export function withoutCommonPrefix(names: readonly string[]): string[] {
  const first = names[0];
  if (names.length < 2 || first === undefined) return [...names];
  for (const sep of ['：', ': ']) {
    const i = first.indexOf(sep);
    if (i <= 0) continue;
    const prefix = first.slice(0, i + sep.length);
    if (names.every((n) => n.startsWith(prefix) && n.length > prefix.length)) return names.map((n) => n.slice(prefix.length));
  }
  return [...names];
}
