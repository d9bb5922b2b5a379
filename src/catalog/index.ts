/**
 * The indicator catalog: every figure of the plan with its provenance, the plan's targets attached
 * to the indicators they concern, and the 16 key projects of 专栏一–四.
 */
import { didYouMean, suggestIds } from '../util/suggest.js';
import { indicatorRecords, type IndicatorId } from './indicators/index.js';
import { planTargetRecords, type CatalogTarget, type MilestoneParamId, type TargetId } from './targets.js';
import { reformTaskRecords } from './tasks.js';
import { Domains, type Domain, type IndicatorRecord, type ReformTask, type Target, type TargetKind } from './types.js';

export * from './types.js';
export { Sections } from './sections.js';
export { checkCatalog, checkIndicatorRecord, checkSource, checkTarget, checkTask, valueAsWritten, valuePattern } from './provenance.js';
export type { PlanLines } from './provenance.js';
export type { CatalogTarget, IndicatorId, MilestoneParamId, TargetId };
export { suggestIds };

/** An indicator with the plan's targets for it. */
export interface Indicator extends IndicatorRecord {
  readonly id: IndicatorId;
  readonly targets: readonly Target[];
}

/** The plan's targets: one change target, direction targets and milestones, all for 2015. */
export const planTargets: readonly CatalogTarget[] = planTargetRecords;

const domainOrder = Object.keys(Domains) as Domain[];

/** Every indicator, by domain (in the order of `Domains`), then as written in its data module. */
export const catalog: readonly Indicator[] = domainOrder.flatMap((domain) =>
  indicatorRecords
    .filter((r) => r.domain === domain)
    .map((r): Indicator => ({ ...r, targets: planTargets.filter((t) => t.kind !== 'milestone' && t.indicator === r.id) })),
);

export const indicatorIds: readonly IndicatorId[] = catalog.map((i) => i.id);

const byId = new Map<string, Indicator>(catalog.map((i) => [i.id, i]));

export const isIndicatorId = (s: string): s is IndicatorId => byId.has(s);

export function findIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}

/** The indicator with this id; the type makes a misspelt id a compile error. */
export function getIndicator(id: IndicatorId): Indicator {
  const found = byId.get(id);
  if (!found) throw new Error(`indicator ${id} is missing from the catalog${didYouMean(id, indicatorIds)}`);
  return found;
}

export const indicatorsInDomain = (domain: Domain): readonly Indicator[] => catalog.filter((i) => i.domain === domain);

export const targetIds: readonly TargetId[] = planTargetRecords.map((t) => t.id);
export const isTargetId = (s: string): s is TargetId => (targetIds as readonly string[]).includes(s);

export const targetsOfKind = <K extends TargetKind>(kind: K): readonly Extract<CatalogTarget, { kind: K }>[] =>
  planTargets.filter((t): t is Extract<CatalogTarget, { kind: K }> => t.kind === kind);

/** The 16 key projects of the plan's tables 专栏一–四, in table and row order. */
export const reformTasks: readonly (ReformTask & { readonly indicators: readonly IndicatorId[] })[] = reformTaskRecords;

/** `≥` / `≈` / `>` for a qualifier ('' when the value is exact). */
export const qualifierSymbol = (q: IndicatorRecord['baseline']['qualifier']): string =>
  q === 'at-least' ? '≥' : q === 'about' ? '≈' : q === 'more-than' ? '>' : '';

/** A baseline value for display: `≥93`, `≈30`, `>1860`, `93.66`. */
export const formatBaselineValue = (b: IndicatorRecord['baseline']): string => `${qualifierSymbol(b.qualifier)}${b.value}`;
