/**
 * The briefing: what the scenarios project, how the plan's targets fare, what distinguishes the
 * scenarios, which assumptions drive the conclusions and what to keep in mind, as a report
 * document (document.ts renders it as Markdown and as one self-contained HTML file). Pure: takes
 * results, labels, the drivers screening and the rendered charts, returns text; the caller writes
 * the files.
 *
 * Every number in the prose is an `Inline` with its source — a row of results.csv, attainment.csv,
 * drivers.csv or manifest.json, or the lever table (`hzsim params`) — so that a test can read each
 * one back from the files of the same run. Words for classes, the headline and bands come from
 * src/runner/vocabulary.ts, as in the CLI and attainment.csv.
 */
import type { MorrisResult } from '../analysis/results.js';
import type { ParamRecord } from '../params/types.js';
import type { AttainmentRow, ScenarioResult, Statistic } from '../runner/types.js';
import {
  BAND_TEMPLATE, bandNumbers, CLASS_LABELS, groupedFixed, HEADLINE_TEMPLATE, headlineCounts, NO_SPREAD_TEMPLATE, significantDecimals, UNCERTAINTY_LABELS, VERSUS_TREND_LABELS,
} from '../runner/vocabulary.js';
import { type Block, type Cell, type Figure, type Inline, type ReportDocument, renderHtml, renderMarkdown, type Section, type Table } from './document.js';
import { briefingStrings, fill, type Lang } from './strings.js';

export type { Figure, Inline };

export interface BriefingLabels {
  name(outputId: string, lang: Lang): string;
  unit(outputId: string, lang: Lang): string;
}

/** The Morris screening the drivers section reports (see src/cli/briefing-drivers.ts). */
export interface DriversInput {
  /** Scenario id the screening was run around. */
  readonly scenario: string;
  readonly result: MorrisResult;
}

/** What a briefing is made of: results, labels, the headline indicators and the rendered charts. */
export interface BriefingOptions {
  readonly lang: Lang;
  readonly results: readonly ScenarioResult[];
  readonly labels: BriefingLabels;
  /** Indicators shown in the headline table, in order. */
  readonly headline: readonly string[];
  /** Charts to show, in order, each with its caption, SVG (inlined in HTML) and PNG (linked from Markdown). */
  readonly charts: readonly Figure[];
  readonly version: string;
  /** Scenario the summary and drivers speak about (default: `plan`, else the first Monte Carlo scenario, else the first). */
  readonly focus?: string;
  /** Morris screening for "which assumptions drive the conclusions"; the section is left out without one. */
  readonly drivers?: DriversInput;
  /** The model's levers (for the caveat on assumed defaults); the caveat is left out without them. */
  readonly levers?: readonly Pick<ParamRecord, 'id' | 'provenance' | 'uncertainty'>[];
  /** More caveats, one sentence each (e.g. from the validation report), listed after the run's own. */
  readonly caveats?: readonly string[];
  /** A note under the charts (e.g. where the charts left out of the briefing are). */
  readonly chartsNote?: string;
}

/** Indicators the summary states levels for, and additionality on (when the run reports them). */
export const SUMMARY_LEVELS = ['urbanisation.hukou-gap', 'urbanisation.rate'] as const;
export const SUMMARY_ADDITIONALITY = ['urbanisation.hukou-gap', 'administration.approval-items', 'insurance.migrant-coverage'] as const;
/** Drivers named per indicator, and the share of the top μ* below which a lever is not named. */
const TOP_DRIVERS = 3;
const DRIVER_FLOOR = 0.05;
/** |μ| / μ* from which a lever's effect is read as one-directional. */
const MONOTONE = 0.9;

/** Formats a number for a table: up to 2 decimals, no trailing zeros, thin grouping for thousands. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 1000 ? Math.round(value) : Math.round(value * 100) / 100;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function statisticAt(result: ScenarioResult, output: string, year: number, stat: Statistic): number | null {
  const row = result.rows.find((r) => r.output === output && r.year === year && r.statistic === stat);
  return row ? row.value : null;
}

// ---------------------------------------------------------------------------------------------
// Sourced numbers.

const source = (file: string, keys: Record<string, string | number>): string => `${file}?${new URLSearchParams(Object.entries(keys).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
/** A number in prose, about three significant figures, with where it comes from. */
const quantity = (value: number, from: string, decimals = significantDecimals(value)): Inline => ({ text: groupedFixed(value, decimals), source: from });
const count = (n: number, from: string): Inline => ({ text: String(n), source: from });

/** Replaces `{name}` placeholders with text or sourced parts. */
function fillParts(template: string, values: Record<string, string | Inline | readonly Inline[]>): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    const v = values[m[1] as string];
    if (v === undefined) parts.push(m[0]);
    else if (Array.isArray(v)) parts.push(...(v as readonly Inline[]));
    else parts.push(v as Inline);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

/** "a, b and c" of parts, in the language's list words. */
function joinParts(items: readonly (readonly Inline[])[], lang: Lang): Inline[] {
  const s = briefingStrings[lang];
  return items.flatMap((item, i) => [...(i === 0 ? [] : [i === items.length - 1 ? s.listLast : s.listJoin]), ...item]);
}

/** A band in the vocabulary's words, each number sourced; one value for a deterministic run. */
function bandParts(band: { median: number; low: number | null; high: number | null }, sources: { median: string; low: string; high: string }, lang: Lang): Inline[] {
  if (band.low === null || band.high === null) return [quantity(band.median, sources.median)];
  const n = bandNumbers({ median: band.median, low: band.low, high: band.high });
  const values = { median: { text: n.median, source: sources.median }, low: { text: n.low, source: sources.low }, high: { text: n.high, source: sources.high } };
  return fillParts(n.spread ? BAND_TEMPLATE[lang] : NO_SPREAD_TEMPLATE[lang], values);
}

/** An indicator's value in a year as prose: the band under Monte Carlo, the value otherwise. */
function valueParts(r: ScenarioResult, output: string, year: number, lang: Lang): Inline[] | null {
  const at = (stat: Statistic): string => source('results.csv', { scenario: r.scenario.id, output, year, statistic: stat });
  if (r.mode !== 'montecarlo') {
    const v = statisticAt(r, output, year, 'value');
    return v === null ? null : [quantity(v, at('value'))];
  }
  const [median, low, high] = [statisticAt(r, output, year, 'p50'), statisticAt(r, output, year, 'p05'), statisticAt(r, output, year, 'p95')];
  return median === null ? null : bandParts({ median, low, high }, { median: at('p50'), low: at('p05'), high: at('p95') }, lang);
}

/** A target's additionality as prose: median with its interval under Monte Carlo. */
function additionalityParts(r: ScenarioResult, a: AttainmentRow, lang: Lang): Inline[] | null {
  if (a.additionality === null || a.additionality === undefined) return null;
  const at = (column: string): string => source('attainment.csv', { scenario: r.scenario.id, target: a.target, column });
  const band = { median: a.additionality, low: a.additionalityLow ?? null, high: a.additionalityHigh ?? null };
  return bandParts(band, { median: at('additionality'), low: at('additionality_p05'), high: at('additionality_p95') }, lang);
}

const attainmentCount = (scenario: string, what: string): string => source('attainment.csv', { scenario, count: what });

// ---------------------------------------------------------------------------------------------
// Sections.

/** The scenario the summary and drivers speak about. */
export function focusScenario(o: Pick<BriefingOptions, 'results' | 'focus'>): ScenarioResult | undefined {
  return (
    o.results.find((r) => r.scenario.id === o.focus) ??
    o.results.find((r) => r.scenario.id === 'plan') ??
    o.results.find((r) => r.mode === 'montecarlo') ??
    o.results[0]
  );
}

const lastYear = (o: BriefingOptions): number => o.results[0]?.years.at(-1) ?? 2015;
const lower = (t: string, lang: Lang): string => (lang === 'en' ? t.charAt(0).toLowerCase() + t.slice(1) : t);

/** Which uncertainty the Monte Carlo bands of the run show (the first Monte Carlo scenario's; all share it in a demo). */
function uncertaintyMode(o: BriefingOptions): 'scenario' | 'all' | null {
  return o.results.find((r) => r.mode === 'montecarlo')?.uncertainty?.mode ?? (o.results.some((r) => r.mode === 'montecarlo') ? 'scenario' : null);
}

function headlineParts(r: ScenarioResult, lang: Lang): Inline[] {
  const c = headlineCounts(r.attainment);
  const id = r.scenario.id;
  return fillParts(HEADLINE_TEMPLATE[lang], {
    total: count(c.total, attainmentCount(id, 'targets')),
    onTrack: count(c.onTrack, attainmentCount(id, 'on-track')),
    met: count(c.met, attainmentCount(id, 'met')),
  });
}

/** The one-paragraph summary: headlines per scenario, the focus scenario's additionality and levels. */
function summary(o: BriefingOptions): Block[] {
  const s = briefingStrings[o.lang];
  const focus = focusScenario(o);
  if (!focus) return [];
  const end = lastYear(o);
  const ordered = [focus, ...o.results.filter((r) => r !== focus)].filter((r) => r.attainment.length > 0);
  const parts: Inline[] = [
    fill(s.targetsIn, { year: end }),
    ...ordered.flatMap((r, i) => [
      ...(i === 0 ? [] : [s.scenarioSeparator]),
      ...fillParts(s.headlineOf, { scenario: lower(r.scenario.title[o.lang], o.lang), headline: headlineParts(r, o.lang) }),
    ]),
    s.sentenceEnd,
  ];
  const focusTitle = lower(focus.scenario.title[o.lang], o.lang);
  const additions = SUMMARY_ADDITIONALITY.flatMap((indicator) => {
    const a = focus.attainment.find((x) => x.indicator === indicator && x.additionality !== null && x.additionality !== undefined);
    const band = a ? additionalityParts(focus, a, o.lang) : null;
    if (!a || !band || !a.versusTrend || a.versusTrend === 'reference') return [];
    return [fillParts(s.additionalityItem, { indicator: lower(o.labels.name(indicator, o.lang), o.lang), band, unit: changeUnit(o, indicator), versus: VERSUS_TREND_LABELS[a.versusTrend][o.lang] })];
  });
  if (additions.length > 0) parts.push(s.sentenceGap, fill(s.additionalityLead, { scenario: focusTitle }), ...joinParts(additions, o.lang), s.sentenceEnd);
  const trend = o.results.find((r) => r.scenario.id === 'trend' && r !== focus);
  const levels = SUMMARY_LEVELS.flatMap((indicator) => {
    const band = valueParts(focus, indicator, end, o.lang);
    const trendValue = trend ? statisticAt(trend, indicator, end, trend.mode === 'montecarlo' ? 'p50' : 'value') : null;
    if (!band || trendValue === null || !trend) return [];
    const trendSource = source('results.csv', { scenario: trend.scenario.id, output: indicator, year: end, statistic: trend.mode === 'montecarlo' ? 'p50' : 'value' });
    const template = focus.mode === 'montecarlo' ? s.levelItem : s.levelValue;
    return [fillParts(template, { indicator: lower(o.labels.name(indicator, o.lang), o.lang), band, unit: o.labels.unit(indicator, o.lang), trend: quantity(trendValue, trendSource) })];
  });
  if (levels.length > 0) parts.push(s.sentenceGap, fill(s.levelsLead, { year: end, scenario: focusTitle }), ...joinParts(levels, o.lang), s.sentenceEnd);
  const mode = uncertaintyMode(o);
  if (mode) parts.push(s.sentenceGap, fill(s.bandsShow, { what: UNCERTAINTY_LABELS[mode][o.lang] }));
  return [{ kind: 'prose', parts }];
}

function scenarioTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  return {
    header: [s.scenario, 'id', s.mode, s.uncertaintyColumn],
    numeric: [],
    rows: o.results.map((r) => [
      r.scenario.title[o.lang],
      r.scenario.id,
      r.mode === 'montecarlo' ? fill(s.montecarlo, { runs: r.runs, seed: r.seed ?? '' }) : s.deterministic,
      r.mode === 'montecarlo' ? fill(s.leversDrawn, { what: (r.uncertainty?.mode ?? 'scenario') === 'all' ? s.allShort : s.deliveryShort, n: r.uncertainty?.levers.length ?? 0 }) : s.none,
    ]),
  };
}

/** The value a table shows: the value, or under Monte Carlo the median with its 90 % range. */
function centralCell(result: ScenarioResult, output: string, year: number): Cell {
  if (result.mode !== 'montecarlo') return formatNumber(statisticAt(result, output, year, 'value'));
  const median = statisticAt(result, output, year, 'p50');
  const [p05, p95] = [statisticAt(result, output, year, 'p05'), statisticAt(result, output, year, 'p95')];
  const [lo, hi] = [formatNumber(p05), formatNumber(p95)];
  // A range too narrow to show at table precision is left out.
  if (p05 === null || p95 === null || lo === hi) return formatNumber(median);
  return { value: formatNumber(median), range: `${lo}–${hi}` };
}

function headlineTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const first = o.results[0];
  const start = first?.years[0] ?? 2010;
  const end = first?.years[first.years.length - 1] ?? 2015;
  return {
    header: [s.indicator, fill(s.baseline, { year: start }), ...o.results.map((r) => r.scenario.title[o.lang])],
    numeric: [1, ...o.results.map((_, i) => i + 2)],
    rows: o.headline.map((id) => [
      withUnit(o.labels.name(id, o.lang), o.labels.unit(id, o.lang), o.lang),
      formatNumber(first ? statisticAt(first, id, start, first.mode === 'montecarlo' ? 'p50' : 'value') : null),
      ...o.results.map((r) => centralCell(r, id, end)),
    ]),
  };
}

const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** Targets × scenarios: the class of each, in the vocabulary's words (with P(met) under Monte Carlo). */
function attainmentMatrix(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const targets = new Map<string, string>();
  for (const r of o.results) for (const a of r.attainment) if (!targets.has(a.target)) targets.set(a.target, a.label[o.lang]);
  return {
    header: [s.target, ...o.results.map((r) => r.scenario.title[o.lang])],
    numeric: [],
    rows: [...targets].map(([id, label]) => [
      label,
      ...o.results.map((r): Cell => {
        const a = r.attainment.find((x) => x.target === id);
        if (!a) return s.none;
        const klass = CLASS_LABELS[a.class][o.lang];
        return a.probability === null ? klass : { value: klass, range: percent(a.probability) };
      }),
    ]),
  };
}

/** The numeric (level and change) targets in detail: projected, required, gap, year reached. */
function numericTargetTable(o: BriefingOptions): Table {
  const s = briefingStrings[o.lang];
  const rows: string[][] = [];
  for (const r of o.results) {
    for (const a of r.attainment) {
      if (a.kind !== 'level' && a.kind !== 'change') continue;
      rows.push([
        a.label[o.lang],
        r.scenario.title[o.lang],
        formatNumber(a.projected),
        formatNumber(a.required),
        formatNumber(a.gap),
        a.yearReached === null ? s.none : String(a.yearReached),
        CLASS_LABELS[a.class][o.lang],
        a.probability === null ? s.none : percent(a.probability),
      ]);
    }
  }
  return { header: [s.target, s.scenario, s.projected, s.required, s.gap, s.yearReached, s.klass, s.probability], numeric: [2, 3, 4, 5, 7], rows };
}

/** What distinguishes the scenarios: counts better / worse / indistinguishable, and additionality per target. */
function additionalitySection(o: BriefingOptions): Block[] {
  const s = briefingStrings[o.lang];
  const compared = o.results.filter((r) => r.attainment.some((a) => a.versusTrend && a.versusTrend !== 'reference'));
  if (compared.length === 0) return [];
  const items = compared.map((r) => {
    const n = (v: 'better' | 'worse' | 'indistinguishable'): Inline => count(r.attainment.filter((a) => a.versusTrend === v).length, attainmentCount(r.scenario.id, `versus-${v}`));
    return fillParts(s.versusCounts, { scenario: r.scenario.title[o.lang], better: n('better'), worse: n('worse'), same: n('indistinguishable') });
  });
  const targets = new Map<string, AttainmentRow>();
  for (const r of compared) for (const a of r.attainment) if (a.indicator !== null && a.kind !== 'milestone' && !targets.has(a.target)) targets.set(a.target, a);
  const cell = (r: ScenarioResult, id: string): Cell => {
    const a = r.attainment.find((x) => x.target === id);
    if (!a || a.additionality === null || a.additionality === undefined) return s.none;
    const lo = a.additionalityLow ?? null;
    const hi = a.additionalityHigh ?? null;
    const versus = a.versusTrend === 'indistinguishable' ? s.sameAsTrend : null;
    const value = signed(a.additionality);
    if (lo === null || hi === null) return versus ? { value, range: versus } : value;
    // As in the headline table: a range too narrow to show at the value's precision is left out.
    const decimals = significantDecimals(a.additionality);
    const [low, high] = [groupedFixed(lo, decimals), groupedFixed(hi, decimals)];
    const range = low === high ? '' : fill(s.rangeTo, { low, high });
    // Indistinguishable: the words say it (the interval covers zero); the interval is in attainment.csv.
    const words = versus ?? range;
    return words === '' ? value : { value, range: words };
  };
  const additionality: Table = {
    header: [s.target, ...compared.map((r) => r.scenario.title[o.lang])],
    numeric: compared.map((_, i) => i + 1),
    rows: [...targets.values()].map((a) => [withUnit(a.label[o.lang], changeUnit(o, a.indicator as string), o.lang), ...compared.map((r) => cell(r, a.target))]),
  };
  return [
    { kind: 'paragraph', text: s.additionalityMethod },
    { kind: 'list', items },
    table(additionality),
    { kind: 'note', text: s.additionalityTable },
  ];
}

const signed = (v: number): string => groupedFixed(v, significantDecimals(v));
/** "Urbanisation rate (%)", "城镇化率（%）"; the name alone without a unit. */
const withUnit = (name: string, unit: string, lang: Lang): string => (unit === '' ? name : lang === 'zh' ? `${name}（${unit}）` : `${name} (${unit})`);
/** About three significant figures, trailing zeros dropped: 45, 0.005, 100,000. */
const shortNumber = (v: number): string => {
  const t = groupedFixed(v, significantDecimals(v));
  return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
};
/** The unit of a change of an indicator: a share in % changes by percentage points. */
const changeUnit = (o: BriefingOptions, indicator: string): string => {
  const unit = o.labels.unit(indicator, o.lang);
  if (unit === '%') return briefingStrings[o.lang].points;
  return /^index\b|^指数/.test(unit) ? briefingStrings[o.lang].indexPoints : unit;
};

/** Which assumptions drive the conclusions: the Morris screening's top levers per indicator. */
function driversSection(o: BriefingOptions): Block[] {
  const d = o.drivers;
  if (!d || d.result.outputs.length === 0) return [];
  const s = briefingStrings[o.lang];
  const scenario = o.results.find((r) => r.scenario.id === d.scenario);
  const title = scenario ? lower(scenario.scenario.title[o.lang], o.lang) : d.scenario;
  const delivery = new Set(scenario?.uncertainty?.mode === 'scenario' ? scenario.uncertainty.levers : []);
  const inputs = new Map(d.result.inputs.map((i) => [i.id, i]));
  const year = d.result.outputs[0]?.output.year ?? lastYear(o);
  const driverSource = (keys: Record<string, string | number>): string => source('drivers.csv', keys);
  const items = d.result.outputs.map((out) => {
    const top = out.effects[0]?.muStar ?? 0;
    const named = out.effects.filter((e) => Number.isFinite(e.muStar) && e.muStar > 0 && e.muStar >= DRIVER_FLOOR * top).slice(0, TOP_DRIVERS);
    const entries = named.map((e) => {
      const input = inputs.get(e.input);
      const at = (column: string): string => driverSource({ output: out.output.id, lever: e.input, column });
      const min = input?.min ?? NaN;
      const max = input?.max ?? NaN;
      return fillParts(s.driverEntry, {
        lever: e.label?.[o.lang] ?? e.input,
        muStar: quantity(e.muStar, at('mu_star')),
        unit: changeUnit(o, out.output.id),
        min: { text: shortNumber(min), source: at('range_min') },
        max: { text: shortNumber(max), source: at('range_max') },
        delivery: delivery.has(e.input) ? s.deliveryTag : '',
        // μ close to ±μ*: the lever moves the indicator one way across its range.
        direction: Math.abs(e.mu) >= MONOTONE * e.muStar ? (e.mu > 0 ? s.raises : s.lowers) : s.eitherWay,
      });
    });
    const list = [...joinParts(entries, o.lang), ...(named.length === 1 ? [s.onlyDriver] : [])];
    return fillParts(s.driverItem, { indicator: o.labels.name(out.output.id, o.lang), year: String(out.output.year ?? year), list });
  });
  const method = fillParts(s.driversMethod, {
    scenario: title,
    trajectories: count(d.result.trajectories, driverSource({ column: 'trajectories' })),
    levers: count(d.result.inputs.length, driverSource({ column: 'levers' })),
    year: String(year),
  });
  return [{ kind: 'prose', parts: method }, { kind: 'list', items }];
}

/** Caveats the run and the lever data support, then the caller's, then where the model and its validation are described. */
function caveatsSection(o: BriefingOptions): Block[] {
  const s = briefingStrings[o.lang];
  const items: Inline[][] = [];
  if (o.levers && o.levers.length > 0) {
    const n = (what: string, v: number): Inline => count(v, source('hzsim-params', { count: what }));
    const kinds = (k: string): number => o.levers?.filter((p) => p.provenance.kind === k).length ?? 0;
    const assumed = o.levers.filter((p) => p.provenance.kind === 'assumption');
    items.push(
      fillParts(s.caveatLevers, {
        total: n('levers', o.levers.length),
        assumed: n('assumption', assumed.length),
        plan: n('plan', kinds('plan')),
        external: n('external', kinds('external')),
        calibrated: n('calibrated', kinds('calibrated')),
        ranged: n('assumption-with-range', assumed.filter((p) => p.uncertainty !== undefined).length),
      }),
    );
  }
  const mode = uncertaintyMode(o);
  if (mode) items.push([fill(s.caveatUncertainty, { what: UNCERTAINTY_LABELS[mode][o.lang], hint: mode === 'scenario' ? s.hintAll : s.hintNone })]);
  const focus = focusScenario(o);
  if (focus) {
    const paced = focus.attainment.filter((a) => a.basis === 'eurostat-pace' || a.basis === 'eurostat-pace-stronger' || a.basis === 'observed-pace').length;
    if (paced > 0) {
      items.push(
        fillParts(s.caveatPaces, {
          paced: count(paced, attainmentCount(focus.scenario.id, 'paced')),
          total: count(focus.attainment.length, attainmentCount(focus.scenario.id, 'targets')),
        }),
      );
    }
  }
  if (o.drivers) {
    const scenario = o.results.find((r) => r.scenario.id === o.drivers?.scenario);
    items.push([fill(s.caveatMorris, { scenario: scenario ? lower(scenario.scenario.title[o.lang], o.lang) : o.drivers.scenario })]);
  }
  for (const c of o.caveats ?? []) items.push([c]);
  items.push([s.caveatDocs]);
  return [{ kind: 'list', items }];
}

/** Tables with more columns than this are set compact. */
const COMPACT_FROM = 7;
const table = (t: Table): Block => ({ kind: 'table', table: t.header.length >= COMPACT_FROM ? { ...t, compact: true } : t });

/** The briefing's sections, in reading order. */
export function briefingSections(o: BriefingOptions): Section[] {
  const s = briefingStrings[o.lang];
  const anyMonteCarlo = o.results.some((r) => r.mode === 'montecarlo');
  const end = lastYear(o);
  const headlineNote = [fill(s.valuesIn, { year: end }), anyMonteCarlo ? s.medianNote : ''].filter((t) => t !== '').join(o.lang === 'zh' ? '' : ' ');
  const attainmentNote = [s.method, anyMonteCarlo ? s.pMetNote : ''].filter((t) => t !== '').join(o.lang === 'zh' ? '' : ' ');
  const sections: Section[] = [];
  const lead = summary(o);
  if (lead.length > 0) sections.push({ id: 'summary', heading: s.summary, blocks: lead });
  sections.push(
    { id: 'scenarios', heading: s.scenarios, blocks: [table(scenarioTable(o))] },
    { id: 'attainment', heading: s.attainment, blocks: [table(attainmentMatrix(o)), { kind: 'note', text: attainmentNote }] },
  );
  const distinguishes = additionalitySection(o);
  if (distinguishes.length > 0) sections.push({ id: 'additionality', heading: s.distinguishes, blocks: distinguishes });
  const drivers = driversSection(o);
  if (drivers.length > 0) sections.push({ id: 'drivers', heading: s.drivers, blocks: drivers });
  sections.push(
    { id: 'headline', heading: s.headline, blocks: [table(headlineTable(o)), { kind: 'note', text: headlineNote }] },
    { id: 'numeric-targets', heading: s.numericTargets, blocks: [table(numericTargetTable(o))] },
  );
  if (o.charts.length > 0) {
    const blocks: Block[] = o.charts.map((figure) => ({ kind: 'figure', figure }));
    if (o.chartsNote) blocks.push({ kind: 'note', text: o.chartsNote });
    sections.push({ id: 'charts', heading: s.charts, blocks });
  }
  sections.push({ id: 'caveats', heading: s.caveats, blocks: caveatsSection(o) });
  return sections;
}

/** The briefing as a report document (render it with renderMarkdown / renderHtml). */
export function briefingDocument(o: BriefingOptions): ReportDocument {
  const s = briefingStrings[o.lang];
  const until = lastYear(o);
  return {
    lang: o.lang,
    title: s.title,
    lead: [{ kind: 'paragraph', text: `${fill(s.intro, { until })} (v${o.version})` }],
    sections: briefingSections(o),
    footer: s.provenance,
  };
}

/** The briefing in Markdown, charts as PNG files beside it. */
export const briefingMarkdown = (o: BriefingOptions): string => renderMarkdown(briefingDocument(o));

/** The briefing as one self-contained HTML file, charts inlined, printable to A4. */
export const briefingHtml = (o: BriefingOptions): string => renderHtml(briefingDocument(o));
