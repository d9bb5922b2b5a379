/**
 * The attainment matrix: the plan's targets (and the scenario's own) × the scenarios shown, each
 * cell the runner's attainment class in the briefing's colours and words, with P(met) under Monte
 * Carlo. Rebuilt on every update (a few dozen cells, nothing focusable inside).
 */
import type { Lang } from '../../catalog/types.js';
import { formatNumber } from '../../charts/data.js';
import { attainmentClassLabels, attainmentClassShort } from '../../charts/i18n.js';
import { attainmentColours, attainmentOrder, attainmentTextColour } from '../../charts/theme.js';
import type { AttainmentRow } from '../../runner/types.js';
import type { SessionResults } from '../session.js';
import { pageText } from '../strings.js';
import { h } from './dom.js';

const cellTitle = (a: AttainmentRow, lang: Lang): string =>
  [
    attainmentClassLabels[a.class][lang],
    a.projected === null ? null : pageText('projected', lang, { value: formatNumber(a.projected, lang) }),
    a.required === null ? null : pageText('required', lang, { value: formatNumber(a.required, lang) }),
    a.kind === 'direction' || a.kind === 'milestone' || a.required !== null
      ? a.yearReached === null
        ? pageText('notReached', lang)
        : pageText('reached', lang, { year: a.yearReached })
      : null,
    a.probability === null ? null : `${pageText('pMet', lang)} ${Math.round(a.probability * 100)}%`,
  ]
    .filter((x) => x !== null)
    .join(' · ');

function cell(a: AttainmentRow | undefined, lang: Lang): HTMLTableCellElement {
  if (!a) return h('td', { class: 'cell cell-none' }, '—');
  const probability = a.probability === null ? null : h('span', { class: 'p' }, `${Math.round(a.probability * 100)}%`);
  return h(
    'td',
    {
      class: 'cell',
      'data-target': a.target,
      'data-scenario': a.scenario,
      'data-class': a.class,
      ...(a.probability === null ? {} : { 'data-probability': a.probability }),
      title: cellTitle(a, lang),
      style: `background:${attainmentColours[a.class]};color:${attainmentTextColour(a.class)}`,
    },
    attainmentClassShort[a.class][lang],
    probability,
  );
}

/**
 * The matrix element, updated in place: when the targets and scenarios are those already shown,
 * only cells whose judgement changed are redrawn (a slider move usually changes one column).
 */
export class AttainmentMatrix {
  readonly element: HTMLElement = h('div', { class: 'matrix-slot' });
  private layout = '';
  private cells = new Map<string, { td: HTMLTableCellElement; key: string }>();

  update(results: SessionResults, lang: Lang): void {
    const all = [...results.references, results.explored];
    const layout = JSON.stringify([lang, results.explored.years.at(-1), all.map((r) => r.scenario.id), results.explored.attainment.map((a) => a.target)]);
    if (layout !== this.layout) {
      this.layout = layout;
      this.cells.clear();
      this.element.replaceChildren(this.build(results, lang));
      return;
    }
    for (const r of all) {
      for (const a of r.attainment) {
        const id = `${a.scenario}|${a.target}`;
        const entry = this.cells.get(id);
        const key = cellKey(a);
        if (!entry || entry.key === key) continue;
        const td = cell(a, lang);
        entry.td.replaceWith(td);
        this.cells.set(id, { td, key });
      }
    }
  }

  private build(results: SessionResults, lang: Lang): HTMLElement {
    const all = [...results.references, results.explored];
    const byScenario = all.map((r) => new Map(r.attainment.map((a) => [a.target, a])));
    const last = results.explored.years[results.explored.years.length - 1] ?? '';
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, pageText('target', lang)),
      h('th', { scope: 'col', class: 'year' }, pageText('year', lang)),
      ...all.map((r, i) => h('th', { scope: 'col', class: i === all.length - 1 ? 'yours' : undefined }, r.scenario.title[lang] || r.scenario.id)),
    );
    const rows = results.explored.attainment.map((a) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, a.label[lang]),
        h('td', { class: 'year' }, String(a.year)),
        ...byScenario.map((m) => {
          const judged = m.get(a.target);
          const td = cell(judged, lang);
          if (judged) this.cells.set(`${judged.scenario}|${judged.target}`, { td, key: cellKey(judged) });
          return td;
        }),
      ),
    );
    const legend = h(
      'ul',
      { class: 'legend' },
      ...attainmentOrder.map((c) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${attainmentColours[c]}`, 'aria-hidden': 'true' }), attainmentClassLabels[c][lang]),
      ),
    );
    return h(
      'section',
      { class: 'attainment', 'aria-labelledby': 'attainment-heading' },
      h('h2', { id: 'attainment-heading' }, pageText('attainment', lang)),
      h('p', { class: 'note' }, pageText('attainmentNote', lang, { year: last })),
      h('div', { class: 'table-wrap' }, h('table', { class: 'matrix' }, h('thead', {}, head), h('tbody', {}, ...rows))),
      legend,
    );
  }
}

const cellKey = (a: AttainmentRow): string => JSON.stringify([a.class, a.probability, a.projected, a.required, a.yearReached]);
