/**
 * What `hzsim explore` embeds in the page (one JSON object): the compiled model per horizon, the
 * lever table, the plan's targets, names and units of every output, and the scenarios a planner
 * can start from. The page reads nothing else.
 */
import type { Direction, Domain, Lang, Target, Text } from '../catalog/types.js';
import type { OutputInfo } from '../runner/context.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import type { IndicatorInfo } from '../scenario/context.js';
import type { DistributionSpec, MonteCarloSpec } from '../scenario/types.js';
import { UNCERTAINTY_MODES } from '../runner/uncertainty.js';
import type { PortableHorizon } from './portable.js';

/**
 * Which uncertainty a Monte Carlo in the page draws: none, or one of the runner's modes — the
 * scenario's own (`hzsim run`), or also every assumption's (`hzsim run --uncertainty all`).
 */
export const UncertaintyModes = ['off', ...UNCERTAINTY_MODES] as const;
export type UncertaintyMode = (typeof UncertaintyModes)[number];

/** A scenario a planner can start from, as resolved by the scenario loader. */
export interface ExplorerScenario {
  readonly id: string;
  readonly title: Text;
  readonly description: Text | null;
  /** Levers set along the scenario's chain (merged; levers not listed take their defaults). */
  readonly parameters: Readonly<Record<string, ParamValue>>;
  /** The scenario's own distributions (how its policies are delivered), merged along its chain. */
  readonly uncertainty: Readonly<Record<string, DistributionSpec>>;
  /**
   * Levers the scenario sets as a multiple of their default (`{scale: k}` along the chain), with
   * the factor: under "every assumption" they are drawn as k × the default's range.
   */
  readonly relativeToDefault: Readonly<Record<string, number>>;
  readonly montecarlo: MonteCarloSpec | null;
  /** The scenario's own targets (typed as the loader typed them). */
  readonly targets: readonly Target[];
}

/** What the page needs of a catalog indicator (choosing charts, checking targets). */
export interface ExplorerIndicator extends IndicatorInfo {
  readonly domain: Domain;
  readonly direction: Direction;
}

/** An output's chart label in both languages (the briefing's LabelSource, resolved). */
export interface ExplorerLabel {
  readonly name: Text;
  readonly unit: Text;
  readonly line?: number;
}

export interface ExplorerData {
  /** Package version that wrote the page. */
  readonly version: string;
  /** Language the page opens in (the URL hash may choose the other). */
  readonly lang: Lang;
  /** Compiled horizons: the first is the default (2010–2015), the others optional (to 2020). */
  readonly horizons: readonly PortableHorizon[];
  readonly params: readonly ParamRecord[];
  readonly planTargets: readonly Target[];
  /** Catalog indicators the page can chart, in catalog order. */
  readonly indicators: readonly ExplorerIndicator[];
  /** Names, display units and plan lines of every output, as the charts show them. */
  readonly labels: Readonly<Record<string, ExplorerLabel>>;
  /** Names and units of every output, as the runner describes them. */
  readonly outputs: Readonly<Record<string, OutputInfo>>;
  /** Scenarios to start from. */
  readonly scenarios: readonly ExplorerScenario[];
  /** The scenario the page starts from when the link names none. */
  readonly start: string;
  /** Scenario ids drawn beside the planner's for comparison (trend, plan). */
  readonly references: readonly string[];
  /** Indicators charted when the page opens. */
  readonly defaultIndicators: readonly string[];
  /** Monte Carlo settings for a scenario that declares none (as `hzsim run --runs N` would take). */
  readonly defaultRuns: number;
  readonly defaultSeed: number;
}
