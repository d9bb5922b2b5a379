/**
 * The page's state and its URL-hash form. Everything a planner chose lives in the hash, so a link
 * reopens the same scenario, horizon, Monte Carlo setting, charts and language:
 *
 *   #from=plan&lang=en&until=2020&mc=scenario&runs=200&seed=2011&show=urbanisation.rate,integration.level
 *     &set.hukou_conv_rate_migrant=0.06&set.homestead_reclaim_rate=2012:0.008
 *
 * A lever value is a number (all years) or `year:value,year:value` (a schedule; one pair means
 * "from that year on"). Reading a hash never throws: entries that do not fit the page are dropped
 * and reported, and the rest is kept.
 */
import type { Lang } from '../catalog/types.js';
import type { ParamValue } from '../params/types.js';
import { UncertaintyModes, type ExplorerData, type UncertaintyMode } from './data.js';
import { exploredFile, findScenario, validateExplored, type ExploredSettings } from './explored.js';

export interface ExplorerState extends ExploredSettings {
  /** Indicators charted, in order. */
  readonly indicators: readonly string[];
  readonly lang: Lang;
}

type StateData = Pick<ExplorerData, 'scenarios' | 'start' | 'horizons' | 'params' | 'indicators' | 'defaultIndicators' | 'lang' | 'defaultRuns' | 'defaultSeed' | 'labels'>;

/** Monte Carlo runs and seed a scenario starts with (its own `montecarlo`, else the defaults). */
export function monteCarloDefaults(data: StateData, scenario: string): { runs: number; seed: number } {
  const mc = findScenario(data, scenario).montecarlo;
  return { runs: mc?.runs ?? data.defaultRuns, seed: mc?.seed ?? data.defaultSeed };
}

/** The state a page opens in: the page's starting scenario, the default horizon, no lever moved. */
export function initialState(data: StateData, scenario?: string): ExplorerState {
  const id = findScenario(data, scenario ?? data.start).id;
  return {
    scenario: id,
    overrides: {},
    until: data.horizons[0]?.options.until ?? 2015,
    uncertainty: 'off',
    ...monteCarloDefaults(data, id),
    indicators: data.defaultIndicators,
    lang: data.lang,
  };
}

/** Runs the page allows in one Monte Carlo (each slider move reruns it). */
export const MAX_PAGE_RUNS = 5000;

const formatValue = (value: ParamValue): string =>
  typeof value === 'number'
    ? String(value)
    : Object.entries(value)
        .map(([y, v]) => [Number(y), v] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([y, v]) => `${y}:${String(v)}`)
        .join(',');

/** Keeps , and : readable in the hash (both are allowed there unescaped). */
const encode = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':');

/** The hash (with its leading #) for `state`; settings at their defaults are left out. */
export function encodeState(data: StateData, state: ExplorerState): string {
  const initial = initialState(data, state.scenario);
  const parts: [string, string][] = [['from', state.scenario]];
  if (state.lang !== data.lang) parts.push(['lang', state.lang]);
  if (state.until !== initial.until) parts.push(['until', String(state.until)]);
  if (state.uncertainty !== 'off') {
    parts.push(['mc', state.uncertainty]);
    if (state.runs !== initial.runs) parts.push(['runs', String(state.runs)]);
    if (state.seed !== initial.seed) parts.push(['seed', String(state.seed)]);
  }
  if (state.indicators.join(',') !== data.defaultIndicators.join(',')) parts.push(['show', state.indicators.join(',')]);
  for (const [id, value] of Object.entries(state.overrides).sort(([a], [b]) => a.localeCompare(b))) parts.push([`set.${id}`, formatValue(value)]);
  return `#${parts.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

export interface DecodedState {
  readonly state: ExplorerState;
  /** One line per dropped entry, naming it and what was expected. */
  readonly problems: readonly string[];
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const INTEGER = /^\d+$/;

function parseValue(text: string): ParamValue | null {
  if (NUMBER.test(text)) return Number(text);
  const pairs = text.split(',').map((p) => p.split(':'));
  if (pairs.length === 0 || pairs.some((p) => p.length !== 2 || !INTEGER.test(p[0] ?? '') || !NUMBER.test(p[1] ?? ''))) return null;
  return Object.fromEntries(pairs.map(([y, v]) => [Number(y), Number(v)]));
}

/** Reads a hash (with or without #); unknown or invalid entries are dropped and reported. */
export function decodeState(data: StateData, hash: string): DecodedState {
  const problems: string[] = [];
  const entries = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '')
    .map((p): [string, string] => {
      const i = p.indexOf('=');
      const decode = (s: string): string => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      };
      return i < 0 ? [decode(p), ''] : [decode(p.slice(0, i)), decode(p.slice(i + 1))];
    });
  const get = (key: string): string | undefined => entries.find(([k]) => k === key)?.[1];

  const from = get('from');
  const known = data.scenarios.map((s) => s.id);
  if (from !== undefined && !known.includes(from)) problems.push(`from=${from}: no such scenario in this page (known: ${known.join(', ')})`);
  const base = initialState(data, from !== undefined && known.includes(from) ? from : undefined);

  const lang = get('lang');
  const langOk = lang === 'zh' || lang === 'en';
  if (lang !== undefined && !langOk) problems.push(`lang=${lang}: expected zh or en`);

  const untils = data.horizons.map((h) => h.options.until);
  const untilText = get('until');
  const until = untilText !== undefined && untils.includes(Number(untilText)) ? Number(untilText) : base.until;
  if (untilText !== undefined && until !== Number(untilText)) problems.push(`until=${untilText}: expected one of ${untils.join(', ')}`);

  const mcText = get('mc');
  const mc = (UncertaintyModes as readonly string[]).includes(mcText ?? '') ? (mcText as UncertaintyMode) : 'off';
  if (mcText !== undefined && mc !== mcText) problems.push(`mc=${mcText}: expected ${UncertaintyModes.join(', ')}`);

  const whole = (key: string, fallback: number, ok: (n: number) => boolean, expected: string): number => {
    const text = get(key);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (INTEGER.test(text) && Number.isSafeInteger(n) && ok(n)) return n;
    problems.push(`${key}=${text}: expected ${expected}`);
    return fallback;
  };
  const runs = whole('runs', base.runs, (n) => n >= 2 && n <= MAX_PAGE_RUNS, `a whole number of runs from 2 to ${MAX_PAGE_RUNS}`);
  const seed = whole('seed', base.seed, (n) => n >= 0, 'a non-negative whole number');

  const showText = get('show');
  let indicators = base.indicators;
  if (showText !== undefined) {
    const chartable = new Set(Object.keys(data.labels));
    const ids = showText.split(',').filter((id) => id !== '');
    const unknown = ids.filter((id) => !chartable.has(id));
    if (unknown.length > 0) problems.push(`show: no output ${unknown.join(', ')}`);
    indicators = [...new Set(ids.filter((id) => chartable.has(id)))];
  }

  const levers = new Set(data.params.map((p) => p.id));
  const overrides: Record<string, ParamValue> = {};
  for (const [key, text] of entries) {
    if (!key.startsWith('set.')) continue;
    const id = key.slice(4);
    const value = parseValue(text);
    if (!levers.has(id)) problems.push(`${key}: no such lever`);
    else if (value === null) problems.push(`${key}=${text}: expected a number or year:value pairs`);
    else overrides[id] = value;
  }
  // Values are checked as `hzsim validate` checks the downloaded file; a lever with a problem is dropped.
  const file = exploredFile(data, { scenario: base.scenario, until, overrides, uncertainty: 'off', runs, seed });
  for (const p of validateExplored(data, file, until)) {
    const [field, id] = p.path;
    if (field !== 'parameters' || typeof id !== 'string' || !Object.hasOwn(overrides, id)) continue;
    problems.push(`set.${id}: ${p.message}`);
    delete overrides[id];
  }

  const keys = new Set(['from', 'lang', 'until', 'mc', 'runs', 'seed', 'show']);
  for (const [key] of entries) if (!keys.has(key) && !key.startsWith('set.')) problems.push(`${key}: not a setting of this page`);

  return {
    state: { scenario: base.scenario, overrides, until, uncertainty: mc, runs, seed, indicators, lang: langOk ? lang : base.lang },
    problems,
  };
}
