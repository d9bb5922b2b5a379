/**
 * The planner's scenario: a starting scenario plus the levers moved in the page. It exists in two
 * forms that must agree to the last bit: the scenario file "download scenario" writes (complete,
 * no `extends`, so it validates and runs wherever it is saved) and the ResolvedScenario the page
 * runs — obtained from that very file by the loader's merge rule, so `hzsim run` of the download
 * computes exactly what the page shows.
 */
import { stringify } from 'yaml';
import type { Target } from '../catalog/types.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import { isRelativeOverride, mergeOverride } from '../scenario/merge.js';
import { toTarget } from '../scenario/targets.js';
import type { FullContext } from '../scenario/context.js';
import type { LeverOverride, ResolvedScenario, ScenarioFile, ScenarioTargetSpec } from '../scenario/types.js';
import { validateScenarioData, type LocalProblem } from '../scenario/validate.js';
import type { ExplorerData, ExplorerScenario, UncertaintyMode } from './data.js';
import { drawnFor, lockedLevers } from './uncertainty.js';

/** What decides the planner's scenario (part of the page state). */
export interface ExploredSettings {
  /** Id of the starting scenario (one of data.scenarios). */
  readonly scenario: string;
  /** Last simulated year: targets after it are left out, as the runner leaves them out. */
  readonly until: number;
  /** Levers the planner moved: a constant, or `{year: value}` for "from that year on". */
  readonly overrides: Readonly<Record<string, ParamValue>>;
  readonly uncertainty: UncertaintyMode;
  readonly runs: number;
  readonly seed: number;
}

export const exploredId = (base: string): string => `${base}-explored`;

export function findScenario(data: Pick<ExplorerData, 'scenarios'>, id: string): ExplorerScenario {
  const found = data.scenarios.find((s) => s.id === id) ?? data.scenarios[0];
  if (!found) throw new Error('explorer: no scenario to start from');
  return found;
}

/** The first year the engine reads levers for (every horizon starts there). */
const startOf = (data: Pick<ExplorerData, 'horizons'>): number => data.horizons[0]?.options.start ?? 2010;

/** A lever's value in the planner's scenario: the override merged onto what the scenario sets. */
export function effectiveValue(data: Pick<ExplorerData, 'horizons'>, base: ExplorerScenario, lever: ParamRecord, override: ParamValue | undefined): ParamValue {
  const inherited = base.parameters[lever.id] ?? lever.default;
  return override === undefined ? inherited : mergeOverride(inherited, override, lever.interpolation ?? 'step', startOf(data));
}

/** Level and change targets back in the form a scenario file writes them (labels kept). */
function targetSpec(t: Target): ScenarioTargetSpec | null {
  if (t.kind === 'level') {
    return { indicator: t.indicator, year: t.year, level: t.level, comparator: t.comparator, ...(t.tolerance === undefined ? {} : { tolerance: t.tolerance }), label: t.label };
  }
  if (t.kind === 'change') return { indicator: t.indicator, year: t.year, change: t.change, relative: t.relative, baseYear: t.baseYear, label: t.label };
  return null;
}

/**
 * The scenario file of the planner's scenario. Levers whose slider Monte Carlo locks (the
 * scenario's own distributions) keep the scenario's value. Under "every assumption" a lever the
 * scenario scales from its default, left as it is by the planner and drawn as an assumption, is
 * written as that scale (`{scale: k}`), so `hzsim run --uncertainty all` draws it k × its default's
 * range, as it does for the starting scenario.
 */
export function exploredFile(data: Pick<ExplorerData, 'horizons' | 'params' | 'scenarios'>, settings: ExploredSettings): ScenarioFile {
  const base = findScenario(data, settings.scenario);
  const locked = lockedLevers(base, settings.uncertainty);
  const records = new Map(data.params.map((p) => [p.id, p]));
  const parameters: Record<string, LeverOverride> = { ...base.parameters };
  const moved = new Set<string>();
  for (const [id, override] of Object.entries(settings.overrides)) {
    const lever = records.get(id);
    if (!lever || locked.has(id)) continue;
    parameters[id] = effectiveValue(data, base, lever, override);
    moved.add(id);
  }
  if (settings.uncertainty === 'all') {
    for (const [id, scale] of Object.entries(base.relativeToDefault)) {
      if (!moved.has(id) && !Object.hasOwn(base.uncertainty, id) && records.get(id)?.uncertainty !== undefined) parameters[id] = { scale };
    }
  }
  const targets = base.targets
    .filter((t) => t.year <= settings.until)
    .map(targetSpec)
    .filter((t): t is ScenarioTargetSpec => t !== null);
  const own = settings.uncertainty === 'off' ? {} : base.uncertainty;
  const file: ScenarioFile = {
    id: exploredId(base.id),
    title: { zh: `${base.title.zh} · 调整后`, en: `${base.title.en} · adjusted` },
    ...(base.description ? { description: base.description } : {}),
    parameters: Object.fromEntries(Object.entries(parameters).sort(([a], [b]) => a.localeCompare(b))),
    ...(Object.keys(own).length > 0 ? { uncertainty: { ...own } } : {}),
    ...(targets.length > 0 ? { targets } : {}),
  };
  // A Monte Carlo with nothing to draw is the deterministic run: the page runs it so, and so must the file.
  if (Object.keys(drawnFor(resolveExplored(data, file), data.params, settings.uncertainty)).length === 0) {
    const { uncertainty: _none, ...deterministic } = file;
    return deterministic;
  }
  const { targets: written, ...head } = file;
  return { ...head, montecarlo: { runs: settings.runs, seed: settings.seed }, ...(written ? { targets: written } : {}) };
}

/**
 * The file as the scenario loader resolves it (no `extends`): every lever merged onto its default
 * with the loader's rule, targets typed with the loader's ids (`scenario.<id>.<n>`).
 */
export function resolveExplored(data: Pick<ExplorerData, 'horizons' | 'params'>, file: ScenarioFile): ResolvedScenario {
  const records = new Map(data.params.map((p) => [p.id, p]));
  const parameters: Record<string, ParamValue> = {};
  // The loader's rule for a file without a parent: {scale: k} is k × the default.
  const relativeToDefault: Record<string, number> = {};
  for (const [id, value] of Object.entries(file.parameters ?? {})) {
    const lever = records.get(id);
    if (!lever) throw new Error(`unknown lever "${id}"`);
    parameters[id] = mergeOverride(lever.default, value, lever.interpolation ?? 'step', startOf(data));
    if (isRelativeOverride(value)) relativeToDefault[id] = value.scale;
  }
  // The file writes every target's label and base year, so the indicator is not consulted.
  const targets = (file.targets ?? []).map((spec, i) =>
    toTarget(spec, undefined, { scenarioId: file.id, file: 'explorer', index: i + 1, line: 0, text: JSON.stringify(spec) }),
  );
  return {
    id: file.id,
    title: file.title,
    description: file.description ?? null,
    file: 'explorer',
    hash: '',
    chain: [file.id],
    parameters,
    relativeToDefault,
    uncertainty: file.uncertainty ?? {},
    montecarlo: file.montecarlo ?? null,
    targets,
  };
}

/**
 * The problems `hzsim validate --until <until>` would report for `file`: the scenario loader's own
 * checks (ranges, whole numbers, schedule years, distributions), run on the file's data.
 */
export function validateExplored(data: Pick<ExplorerData, 'horizons' | 'params' | 'indicators'>, file: ScenarioFile, until: number): LocalProblem[] {
  const indicators = new Map(data.indicators.map((i) => [i.id, i]));
  const ctx: FullContext = {
    params: new Map(data.params.map((p) => [p.id, p])),
    paramIds: data.params.map((p) => p.id),
    indicators: { find: (id) => indicators.get(id), ids: [...indicators.keys()] },
    start: startOf(data),
    until,
    cwd: '',
    bundled: new Map(),
    // The data is checked as written; nothing is read (a file without `extends` reads nothing).
    fs: {
      read: (path) => {
        throw new Error(`explorer: no file access (${path})`);
      },
      exists: () => false,
      list: () => [],
    },
  };
  return validateScenarioData(file, ctx).problems;
}

/** A starting or reference scenario (trend, plan) as the loader resolved it, for the runner. */
export function resolveReference(base: ExplorerScenario): ResolvedScenario {
  return {
    id: base.id,
    title: base.title,
    description: base.description,
    file: 'explorer',
    hash: '',
    chain: [base.id],
    parameters: base.parameters,
    relativeToDefault: base.relativeToDefault,
    uncertainty: base.uncertainty,
    montecarlo: base.montecarlo,
    targets: base.targets,
  };
}

export interface YamlNotes {
  /** Package version that wrote the file. */
  readonly version: string;
  /** The starting scenario and the levers moved from it (id → as written). */
  readonly base: string;
  readonly changed: readonly string[];
  /** Last simulated year chosen in the page. */
  readonly until: number;
  /** The file name the page suggests. */
  readonly fileName: string;
  /** Default horizon of the library (no --until needed up to it). */
  readonly defaultUntil: number;
  /** What the page's Monte Carlo draws (default off). */
  readonly uncertainty?: UncertaintyMode;
}

/**
 * The command line that reproduces the page's numbers from the downloaded file. A scenario file
 * cannot ask for every assumption to be drawn: under "all" the command says `--uncertainty all`.
 */
export function reproduceCommand(notes: Pick<YamlNotes, 'fileName' | 'until' | 'defaultUntil' | 'uncertainty'>): string {
  const until = notes.until === notes.defaultUntil ? '' : ` --until ${notes.until}`;
  return `hzsim run ${notes.fileName}${until}${notes.uncertainty === 'all' ? ' --uncertainty all' : ''}`;
}

/** The scenario file as YAML, with a header saying where it came from and how to reproduce it. */
export function scenarioYaml(file: ScenarioFile, notes: YamlNotes): string {
  const until = notes.until === notes.defaultUntil ? '' : ` --until ${notes.until}`;
  const header = [
    `# Written by the hzsim scenario explorer (hangzhou-reform-sim ${notes.version}), starting from scenario "${notes.base}".`,
    notes.changed.length === 0 ? '# No lever moved from it.' : `# Levers moved: ${notes.changed.join(', ')}.`,
    ...(notes.uncertainty === 'all'
      ? ['# The page drew every assumed lever from its plausible range too; a scenario file cannot ask for that, the command line does.']
      : []),
    `# Reproduce the page's numbers: ${reproduceCommand(notes)} --out results`,
    `# Check it:                     hzsim validate ${notes.fileName}${until}`,
  ];
  // Schedules with numeric keys (2012: 0.05), as a planner writes them; {scale: k} as it is.
  const withYears = {
    ...file,
    parameters: Object.fromEntries(
      Object.entries(file.parameters ?? {}).map(([id, v]) => [
        id,
        typeof v === 'number' || isRelativeOverride(v) ? v : new Map(Object.entries(v).map(([y, x]) => [Number(y), x])),
      ]),
    ),
  };
  return `${header.join('\n')}\n${stringify(withYears, { lineWidth: 0 })}`;
}
