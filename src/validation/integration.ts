/**
 * Integration error: the default integration (Euler, one-month step) against RK4 at the same step
 * and against Euler at half the step. If dt is small enough, the key indicators — those the plan's
 * targets are judged on, in their target year — barely move, and no target's verdict changes.
 */
import { planTargets } from '../catalog/index.js';
import { DEFAULT_OPTIONS } from '../engine/compile.js';
import type { IntegrationMethod } from '../engine/types.js';
import { CompiledModelCache } from '../runner/context.js';
import { createRunnerContext } from '../runner/hangzhou.js';
import { runScenario } from '../runner/run.js';
import type { ScenarioResult } from '../runner/types.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** Largest relative change of a key indicator that still counts as "dt is small enough". */
export const INTEGRATION_TOLERANCE = 0.01;

export interface IntegrationVariant {
  readonly label: string;
  readonly method: IntegrationMethod;
  readonly stepsPerYear: number;
}

export interface IntegrationComparison {
  readonly variant: IntegrationVariant;
  /** Largest |difference| over scenarios and indicators, with where it is. */
  readonly maxAbsolute: { readonly value: number; readonly indicator: string; readonly scenario: string; readonly unit: string };
  /** Largest |difference| / |reference value|. */
  readonly maxRelative: { readonly value: number; readonly indicator: string; readonly scenario: string };
  /** Target verdicts (attainment class) that differ from the default integration's. */
  readonly classChanges: readonly { readonly scenario: string; readonly target: string; readonly from: string; readonly to: string }[];
}

export interface IntegrationResult {
  readonly reference: IntegrationVariant;
  readonly indicators: readonly string[];
  readonly scenarios: readonly string[];
  readonly year: number;
  readonly comparisons: readonly IntegrationComparison[];
  /** No key indicator moves by more than INTEGRATION_TOLERANCE under either variant. */
  readonly smallEnough: boolean;
  /** Target verdicts that change under some variant: they lie at a class threshold (scenario, target). */
  readonly borderline: readonly { readonly scenario: string; readonly target: string }[];
}

const stepsOf = (dt: number): number => Math.round(1 / dt);

/** The indicators the plan's targets are judged on (each once), and their latest target year. */
function keyIndicators(): { ids: string[]; year: number } {
  const judged = planTargets.flatMap((t) => (t.kind === 'milestone' ? [] : [t]));
  const ids = [...new Set(judged.map((t) => t.indicator))];
  return { ids, year: Math.max(...judged.map((t) => t.year)) };
}

export function integrationError(scenarios: readonly ResolvedScenario[]): IntegrationResult {
  const context = createRunnerContext();
  const cache = new CompiledModelCache(context);
  const { ids, year } = keyIndicators();
  const reference: IntegrationVariant = { label: `Euler, dt = 1/${stepsOf(DEFAULT_OPTIONS.dt)} year`, method: DEFAULT_OPTIONS.method, stepsPerYear: stepsOf(DEFAULT_OPTIONS.dt) };
  const variants: IntegrationVariant[] = [
    { label: `RK4, dt = 1/${reference.stepsPerYear} year`, method: 'rk4', stepsPerYear: reference.stepsPerYear },
    { label: `Euler, dt = 1/${2 * reference.stepsPerYear} year (halved)`, method: 'euler', stepsPerYear: 2 * reference.stepsPerYear },
  ];
  const run = (v: IntegrationVariant, s: ResolvedScenario): ScenarioResult => runScenario(s, { context, cache, until: year, method: v.method, dt: 1 / v.stepsPerYear });
  const valueOf = (r: ScenarioResult, id: string): number => r.rows.find((row) => row.output === id && row.year === year)?.value ?? NaN;
  const base = scenarios.map((s) => run(reference, s));
  const comparisons = variants.map((variant): IntegrationComparison => {
    let maxAbsolute = { value: 0, indicator: '', scenario: '', unit: '' };
    let maxRelative = { value: 0, indicator: '', scenario: '' };
    const classChanges: IntegrationComparison['classChanges'][number][] = [];
    scenarios.forEach((s, k) => {
      const r = run(variant, s);
      const b = base[k] as ScenarioResult;
      for (const id of ids) {
        const ref = valueOf(b, id);
        const diff = Math.abs(valueOf(r, id) - ref);
        if (diff > maxAbsolute.value) maxAbsolute = { value: diff, indicator: id, scenario: s.id, unit: context.describeOutput(id)?.unit ?? '' };
        const rel = ref === 0 ? 0 : diff / Math.abs(ref);
        if (rel > maxRelative.value) maxRelative = { value: rel, indicator: id, scenario: s.id };
      }
      for (const a of r.attainment) {
        const from = b.attainment.find((x) => x.target === a.target)?.class;
        if (from !== undefined && from !== a.class) classChanges.push({ scenario: s.id, target: a.target, from, to: a.class });
      }
    });
    return { variant, maxAbsolute, maxRelative, classChanges };
  });
  return {
    reference,
    indicators: ids,
    scenarios: scenarios.map((s) => s.id),
    year,
    comparisons,
    smallEnough: comparisons.every((c) => c.maxRelative.value <= INTEGRATION_TOLERANCE),
    borderline: [...new Map(comparisons.flatMap((c) => c.classChanges).map((x) => [`${x.scenario}\u0000${x.target}`, { scenario: x.scenario, target: x.target }])).values()],
  };
}
