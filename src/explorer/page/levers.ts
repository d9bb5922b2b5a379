/**
 * The lever panel: one labelled, keyboard-operable slider per lever, grouped by domain, each with
 * its exact value, unit, range, default, the starting scenario's value, "from year" for a
 * schedule, a reset, and what the lever is and where its default comes from. The panel is built
 * once per language and then only synchronised with the state, so focus stays where it is.
 */
import { Domains, type Domain, type Lang } from '../../catalog/types.js';
import type { ParamRecord, ParamValue } from '../../params/types.js';
import type { DistributionSpec } from '../../scenario/types.js';
import type { ExplorerData, ExplorerScenario } from '../data.js';
import { effectiveValue } from '../explored.js';
import { distributionText, formatLeverNumber, leverUnit, pageText, provenanceText } from '../strings.js';
import { h } from './dom.js';

export interface LeverPanelState {
  readonly base: ExplorerScenario;
  readonly overrides: Readonly<Record<string, ParamValue>>;
  readonly until: number;
  /** Levers drawn in the current Monte Carlo, with their distributions. */
  readonly drawn: Readonly<Record<string, DistributionSpec>>;
  /** Drawn levers whose slider is locked (the scenario's own distributions; see ../uncertainty.ts). */
  readonly locked: ReadonlySet<string>;
  /** Whether the Monte Carlo draws every assumption (then an assumption not drawn says why). */
  readonly allAssumptions: boolean;
}

/**
 * Domains in the order a planner works through the plan: the four coupled reforms (hukou, land,
 * insurance, integration) first, then the trend domains.
 */
export const DOMAIN_ORDER: readonly Domain[] = ['urbanisation', 'land', 'insurance', 'integration', 'administration', 'finance', 'education', 'community', 'private-economy', 'reform'];

/** Set (or with undefined, reset) the planner's value of a lever. */
export type SetLever = (id: string, value: ParamValue | undefined) => void;

/** Slider step: about a hundredth of the range, rounded to 1, 2 or 5 × a power of ten. */
export function sliderStep(lever: ParamRecord): number {
  if (lever.integer) return 1;
  const raw = (lever.range.max - lever.range.min) / 100;
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].find((m) => m * power >= raw * 0.999) ?? 10;
  return nice * power;
}

const decimalsOf = (step: number): number => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** A slider position as the number it stands for (no binary noise: 0.046, not 0.046000000000000006). */
export const roundToStep = (value: number, step: number): number => Number(value.toFixed(decimalsOf(step)));

/** Shown value and "from" year of a lever value: a constant, or the last step of a schedule. */
function shown(value: ParamValue, start: number): { value: number; from: number | null } {
  if (typeof value === 'number') return { value, from: null };
  const entries = Object.entries(value)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const last = entries[entries.length - 1] ?? [start, NaN];
  return { value: last[1], from: last[0] > start ? last[0] : null };
}

const scheduleText = (value: ParamValue, lang: Lang): string =>
  typeof value === 'number'
    ? ''
    : Object.entries(value)
        .map(([y, v]) => [Number(y), v] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([y, v]) => `${formatLeverNumber(v, lang)} (${y})`)
        .join(' → ');

const sameValue = (a: ParamValue, b: ParamValue): boolean => JSON.stringify(a) === JSON.stringify(b);

interface LeverRow {
  readonly lever: ParamRecord;
  readonly root: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly exact: HTMLInputElement;
  readonly from: HTMLSelectElement | null;
  readonly reset: HTMLButtonElement;
  readonly valueText: HTMLElement;
  readonly meta: HTMLElement;
  readonly schedule: HTMLElement;
  readonly drawn: HTMLElement;
  readonly step: number;
  /** What the row last showed (value, override, distribution, horizon): unchanged rows are skipped. */
  shown: string;
}

export class LeverPanel {
  readonly element: HTMLElement;
  private readonly rows = new Map<string, LeverRow>();
  private readonly groups = new Map<Domain, { details: HTMLDetailsElement; count: HTMLElement; ids: string[] }>();
  /** Each domain's fold of other assumptions. */
  private readonly folds = new Map<Domain, HTMLDetailsElement>();
  private state: LeverPanelState | null = null;
  private readonly start: number;
  private readonly empty: HTMLElement;

  constructor(
    private readonly data: ExplorerData,
    private readonly lang: Lang,
    private readonly set: SetLever,
  ) {
    this.start = data.horizons[0]?.options.start ?? 2010;
    const filter = h('input', { type: 'search', class: 'lever-filter', placeholder: pageText('filterLevers', lang), 'aria-label': pageText('filterLevers', lang) });
    filter.addEventListener('input', () => this.filter(filter.value));
    this.empty = h('p', { class: 'lever-empty', hidden: true }, pageText('noLeverMatches', lang));
    const scenarioLevers = new Set(data.scenarios.flatMap((s) => [...Object.keys(s.parameters), ...Object.keys(s.uncertainty)]));
    const domains = [...DOMAIN_ORDER, ...(Object.keys(Domains) as Domain[]).filter((d) => !DOMAIN_ORDER.includes(d))];
    const groups = domains.flatMap((domain, i) => {
      const levers = data.params.filter((p) => p.domain === domain);
      if (levers.length === 0) return [];
      const count = h('span', { class: 'changed-count' });
      // The levers scenarios argue about first; the model's other assumptions (baselines,
      // demography, trend rates) folded below them.
      const policy = levers.filter((l) => scenarioLevers.has(l.id));
      const other = levers.filter((l) => !scenarioLevers.has(l.id));
      const assumptions =
        other.length === 0
          ? null
          : h('details', { class: 'lever-assumptions' }, h('summary', {}, pageText('otherAssumptions', lang, { n: other.length })), ...other.map((l) => this.row(l)));
      if (assumptions) this.folds.set(domain, assumptions);
      const details = h(
        'details',
        { class: 'lever-group', open: i === 0 },
        h('summary', {}, h('span', { class: 'group-name' }, Domains[domain][lang]), ' ', count),
        ...policy.map((l) => this.row(l)),
        assumptions,
      );
      this.groups.set(domain, { details, count, ids: levers.map((l) => l.id) });
      return [details];
    });
    this.element = h('aside', { class: 'levers', 'aria-labelledby': 'levers-heading' }, h('h2', { id: 'levers-heading' }, pageText('levers', lang)), filter, this.empty, ...groups);
  }

  private row(lever: ParamRecord): HTMLElement {
    const lang = this.lang;
    const name = lever.name[lang];
    const unit = leverUnit(lever.unit, lang);
    const step = sliderStep(lever);
    const sliderId = `lever-${lever.id}`;
    const slider = h('input', { type: 'range', id: sliderId, min: lever.range.min, max: lever.range.max, step, 'aria-describedby': `${sliderId}-meta ${sliderId}-drawn` });
    const exact = h('input', { type: 'number', class: 'lever-exact', min: lever.range.min, max: lever.range.max, step: 'any', 'aria-label': pageText('exactValue', lang, { name }) });
    const yearOptions = [h('option', { value: '' }, pageText('allYears', lang))];
    for (let y = this.start + 1; y <= Math.max(...this.data.horizons.map((x) => x.options.until)); y++) yearOptions.push(h('option', { value: y }, pageText('fromYear', lang, { year: y })));
    const from = lever.integer ? null : h('select', { class: 'lever-from', 'aria-label': `${name}: ${pageText('from', lang)}` }, ...yearOptions);
    const reset = h('button', { type: 'button', class: 'lever-reset', 'aria-label': pageText('resetLever', lang, { name }), title: pageText('reset', lang) }, '↺');
    const valueText = h('output', { class: 'lever-value', for: sliderId });
    const meta = h('p', { class: 'lever-meta', id: `${sliderId}-meta` });
    const schedule = h('p', { class: 'lever-schedule', hidden: true });
    const drawn = h('p', { class: 'lever-drawn', id: `${sliderId}-drawn`, hidden: true });
    const source = lever.source ? pageText('planLine', lang, { line: lever.source.line, quote: lever.source.quote }) : pageText('noPlanLine', lang);
    const about = h(
      'details',
      { class: 'lever-about' },
      h('summary', {}, pageText('about', lang)),
      h('p', {}, lever.description[lang]),
      h('p', {}, source),
      h('p', {}, provenanceText(lever.provenance, lang)),
      h('p', { class: 'lever-id' }, h('code', {}, lever.id), unit ? ` · ${unit}` : ''),
    );
    const root = h(
      'div',
      { class: 'lever', 'data-lever': lever.id },
      h('div', { class: 'lever-top' }, h('label', { for: sliderId, class: 'lever-name' }, name), valueText),
      h('div', { class: 'lever-controls' }, slider, exact, from, reset),
      meta,
      schedule,
      drawn,
      about,
    );
    const row: LeverRow = { lever, root, slider, exact, from, reset, valueText, meta, schedule, drawn, step, shown: '' };
    this.rows.set(lever.id, row);

    const apply = (value: number): void => {
      const year = from?.value ? Number(from.value) : null;
      this.apply(lever, year === null ? value : { [year]: value });
    };
    slider.addEventListener('input', () => apply(roundToStep(Number(slider.value), step)));
    exact.addEventListener('change', () => {
      const v = Number(exact.value);
      const ok = exact.value.trim() !== '' && v >= lever.range.min && v <= lever.range.max && (!lever.integer || Number.isInteger(v));
      exact.setAttribute('aria-invalid', String(!ok));
      if (ok) apply(v);
    });
    from?.addEventListener('change', () => apply(Number(root.dataset.value)));
    reset.addEventListener('click', () => this.set(lever.id, undefined));
    return root;
  }

  /** Sets the lever, or resets it when the value is what the starting scenario has anyway. */
  private apply(lever: ParamRecord, override: ParamValue): void {
    const state = this.state;
    if (!state) return;
    const inherited = effectiveValue(this.data, state.base, lever, undefined);
    const merged = effectiveValue(this.data, state.base, lever, override);
    this.set(lever.id, sameValue(merged, inherited) ? undefined : override);
  }

  /** Shows `state`: values, changed marks, schedules, levers drawn under Monte Carlo. */
  sync(state: LeverPanelState): void {
    this.state = state;
    const lang = this.lang;
    for (const row of this.rows.values()) {
      const { lever } = row;
      const override = state.overrides[lever.id];
      const dist = state.drawn[lever.id];
      const locked = dist !== undefined && state.locked.has(lever.id);
      // Under "every assumption", why an assumed lever is or is not drawn.
      const assumed = state.allAssumptions && lever.uncertainty !== undefined && !state.locked.has(lever.id);
      const note: 'drawnLocked' | 'fixedByYou' | 'fixedByScenario' | null = locked
        ? state.allAssumptions
          ? 'drawnLocked'
          : null
        : !assumed || dist !== undefined
          ? null
          : override !== undefined
            ? 'fixedByYou'
            : state.base.parameters[lever.id] !== undefined
              ? 'fixedByScenario'
              : null;
      const signature = JSON.stringify([state.base.id, state.base.parameters[lever.id], override, dist, locked, note, state.until]);
      if (row.shown === signature) continue;
      row.shown = signature;
      const value = effectiveValue(this.data, state.base, lever, locked ? undefined : override);
      const { value: v, from } = shown(value, this.start);
      row.root.dataset.value = String(v);
      const unit = leverUnit(lever.unit, lang);
      const text = `${formatLeverNumber(v, lang)}${unit && unit.startsWith('/') ? '' : unit ? ' ' : ''}${unit}`;
      // A drawn lever's value is the draw's: what the planner set on a locked one waits until Monte Carlo is off.
      row.valueText.textContent = dist !== undefined ? pageText('drawnShort', lang) : from === null ? text : `${text} · ${pageText('fromYear', lang, { year: from })}`;
      // Writing the same value back would move a keyboard user's caret or a dragged thumb.
      if (document.activeElement !== row.slider) row.slider.value = String(v);
      row.slider.setAttribute('aria-valuetext', dist !== undefined && !locked ? `${pageText('drawnShort', lang)} (${text})` : row.valueText.textContent);
      if (document.activeElement !== row.exact) row.exact.value = String(v);
      if (row.from && document.activeElement !== row.from) row.from.value = from === null ? '' : String(from);
      const scenarioValue = state.base.parameters[lever.id];
      row.meta.textContent = [
        `${pageText('default', lang)} ${typeof lever.default === 'number' ? formatLeverNumber(lever.default, lang) : scheduleText(lever.default, lang)}`,
        scenarioValue === undefined ? null : `${pageText('scenarioValue', lang)} ${typeof scenarioValue === 'number' ? formatLeverNumber(scenarioValue, lang) : scheduleText(scenarioValue, lang)}`,
        `${pageText('range', lang)} ${formatLeverNumber(lever.range.min, lang)}–${formatLeverNumber(lever.range.max, lang)}${unit ? ` ${unit}` : ''}`,
      ]
        .filter((x) => x !== null)
        .join(' · ');
      const schedule = scheduleText(value, lang);
      row.schedule.hidden = schedule === '';
      row.schedule.textContent = schedule ? pageText('byYear', lang, { schedule }) : '';
      const drawnText = dist ? pageText('drawn', lang, { dist: distributionText(dist, lang) }) : '';
      const noteText = note === null ? '' : pageText(note, lang);
      row.drawn.hidden = drawnText === '' && noteText === '';
      row.drawn.textContent = [drawnText, noteText].filter((t) => t !== '').join(' ');
      row.slider.disabled = locked;
      row.exact.disabled = locked;
      if (row.from) {
        row.from.disabled = locked;
        for (const option of row.from.options) option.disabled = option.value !== '' && Number(option.value) > state.until;
      }
      row.reset.disabled = override === undefined;
      row.root.toggleAttribute('data-changed', override !== undefined && !locked);
      row.root.toggleAttribute('data-drawn', dist !== undefined);
      row.root.toggleAttribute('data-locked', locked);
    }
    for (const group of this.groups.values()) {
      const n = group.ids.filter((id) => state.overrides[id] !== undefined).length;
      group.count.textContent = n > 0 ? pageText('changedCount', lang, { n }) : '';
    }
  }

  /** Opens the group of `id` and moves focus to its slider (used after a reload from a link). */
  focus(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    const group = this.groups.get(row.lever.domain);
    if (group) group.details.open = true;
    const fold = this.folds.get(row.lever.domain);
    if (fold?.contains(row.root)) fold.open = true;
    row.slider.focus();
  }

  private filter(query: string): void {
    const q = query.trim().toLowerCase();
    let visible = 0;
    for (const row of this.rows.values()) {
      const hit = q === '' || row.lever.id.toLowerCase().includes(q) || row.lever.name.zh.includes(q) || row.lever.name.en.toLowerCase().includes(q);
      row.root.hidden = !hit;
      if (hit) visible++;
    }
    for (const group of this.groups.values()) {
      const any = group.ids.some((id) => !this.rows.get(id)?.root.hidden);
      group.details.hidden = !any;
      if (q !== '' && any) group.details.open = true;
    }
    if (q !== '') for (const fold of this.folds.values()) fold.open = [...fold.querySelectorAll<HTMLElement>('.lever')].some((el) => !el.hidden);
    this.empty.hidden = visible > 0;
  }
}
