/**
 * Scenario files as users write them (YAML or JSON). The JSON Schema shipped in
 * scenarios/scenario.schema.json is generated from `ScenarioFile` (npm run schema).
 */
import type { Comparator, Target, Text } from '../catalog/types.js';
import type { DistributionSpec, ParamValue } from '../params/types.js';

export type { DistributionKind, DistributionSpec } from '../params/types.js';

/**
 * A lever value relative to the inherited one (the parent scenario's, or the lever's default):
 * `{scale: 1.5}` is 1.5 × that value (every year of a schedule). The result must lie in the
 * lever's range.
 */
export interface RelativeOverride {
  /** Factor applied to the inherited value (≥ 0). */
  scale: number;
}

/** What a scenario file may write for a lever: a constant, a schedule by year, or a relative override. */
export type LeverOverride = ParamValue | RelativeOverride;

/** A planner's own numeric target, written in a scenario file. */
export type ScenarioTargetSpec =
  | { indicator: string; year: number; level: number; comparator: Comparator; tolerance?: number; label?: Text }
  | { indicator: string; year: number; change: number; relative: boolean; baseYear?: number; label?: Text };

export interface MonteCarloSpec {
  /** Number of runs (≥ 1). */
  runs: number;
  /** Seed (a non-negative integer); run i draws from a stream derived from (seed, i). */
  seed: number;
}

/** The file format of `scenarios/*.yaml`. */
export interface ScenarioFile {
  /** Editor hint: path to scenario.schema.json. */
  $schema?: string;
  /** Stable id: lowercase letters, digits and hyphens. */
  id: string;
  title: Text;
  /** What the scenario assumes and which plan lines it follows. */
  description?: Text;
  /** Another scenario's id (looked up beside this file) or a relative path. */
  extends?: string;
  /** Lever overrides: a constant, a schedule by year `{2011: 0.02, 2013: 0.05}`, or `{scale: 1.5}` of the inherited value. */
  parameters?: Record<string, LeverOverride>;
  uncertainty?: Record<string, DistributionSpec>;
  montecarlo?: MonteCarloSpec;
  targets?: ScenarioTargetSpec[];
}

/** A scenario after reading, validation and resolution of `extends`. */
export interface ResolvedScenario {
  readonly id: string;
  readonly title: Text;
  readonly description: Text | null;
  /** Absolute path of the file read. */
  readonly file: string;
  /** sha256 of the file's bytes, hex. */
  readonly hash: string;
  /** Ids from the root ancestor down to this scenario. */
  readonly chain: readonly string[];
  /** Overrides merged along the chain (child wins); levers not listed take their defaults. */
  readonly parameters: Readonly<Record<string, ParamValue>>;
  /**
   * Levers whose value is a multiple of the lever's default (set only by `{scale: k}` along the
   * chain), with the factor: `--uncertainty all` draws them as the factor × the default's
   * distribution. (Additive; set by src/scenario's loader.)
   */
  readonly relativeToDefault?: Readonly<Record<string, number>>;
  readonly uncertainty: Readonly<Record<string, DistributionSpec>>;
  readonly montecarlo: MonteCarloSpec | null;
  /** The scenario's own targets, typed like the plan's (origin 'scenario'). */
  readonly targets: readonly Target[];
  /**
   * Every file of the chain, root ancestor first and this file last, with its sha256: a parent's
   * edit changes the merged parameters, so a manifest needs all of them to reproduce a run.
   * (Additive; set by src/scenario's loader.)
   */
  readonly sources?: readonly ScenarioSourceFile[];
}

/** One file read while resolving a scenario. */
export interface ScenarioSourceFile {
  readonly id: string;
  /** Absolute path. */
  readonly file: string;
  /** sha256 of the file's bytes, hex. */
  readonly hash: string;
}
