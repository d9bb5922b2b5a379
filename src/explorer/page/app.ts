/**
 * The explorer page: state (mirrored in the URL hash) → the session's results → levers, charts
 * and the attainment matrix. Updates are coalesced: while one is being drawn, further moves only
 * mark the state dirty, and the next update starts from the latest state.
 */
import { Domains, type Lang } from '../../catalog/types.js';
import type { ParamValue } from '../../params/types.js';
import { indicatorChart, pageLabels } from '../charts.js';
import type { ExplorerData, UncertaintyMode } from '../data.js';
import { findScenario, reproduceCommand, scenarioYaml, type YamlNotes } from '../explored.js';
import type { SessionResults, Session } from '../session.js';
import { createSession } from '../session.js';
import { decodeState, encodeState, MAX_PAGE_RUNS, monteCarloDefaults, type ExplorerState } from '../state.js';
import { pageText } from '../strings.js';
import { drawsAnything, lockedLevers } from '../uncertainty.js';
import { downloadFile, downloadUrl, h } from './dom.js';
import { DOMAIN_ORDER, LeverPanel } from './levers.js';
import { LiveChart } from './live-chart.js';
import { AttainmentMatrix } from './matrix.js';

/** How long one update took, for the benchmark and the status line. */
export interface UpdateTiming {
  /** From the state change (a slider move) to every chart and the matrix rendered, ms. */
  readonly ms: number;
  /** From the state change to the start of the animation frame that paints the result, ms. */
  readonly frameMs: number;
  readonly charts: number;
  readonly mode: 'deterministic' | 'montecarlo';
  /** Where the time went, ms: the model (and Monte Carlo), the lever panel, the charts, the matrix. */
  readonly phases: { readonly model: number; readonly levers: number; readonly charts: number; readonly matrix: number };
}

const CHART_HEIGHT = 330;

export class ExplorerApp {
  private state: ExplorerState;
  private readonly session: Session;
  private results: SessionResults | null = null;
  private levers: LeverPanel | null = null;
  private charts = new Map<string, { chart: LiveChart; figure: HTMLElement }>();
  private chartArea: HTMLElement | null = null;
  private matrix: AttainmentMatrix | null = null;
  private notice: HTMLElement | null = null;
  private status: HTMLElement | null = null;
  private mcSummary: HTMLElement | null = null;
  private reproduce: HTMLElement | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  private requestedAt = 0;
  private chartWidth = 0;
  private problems: readonly string[] = [];
  lastUpdate: UpdateTiming | null = null;

  constructor(
    private readonly data: ExplorerData,
    private readonly root: HTMLElement,
  ) {
    this.session = createSession(data);
    const decoded = decodeState(data, location.hash);
    this.state = decoded.state;
    this.problems = decoded.problems;
    window.addEventListener('hashchange', () => {
      if (location.hash === encodeState(this.data, this.state)) return;
      const next = decodeState(this.data, location.hash);
      this.problems = next.problems;
      this.replaceState(next.state, { rebuild: true });
    });
    let resizeTimer = 0;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => {
        if (this.measureChartWidth() !== this.chartWidth) this.rebuildCharts();
      }, 150);
    });
    this.build();
  }

  get lang(): Lang {
    return this.state.lang;
  }

  currentState(): ExplorerState {
    return this.state;
  }

  currentResults(): SessionResults | null {
    return this.results;
  }

  chartDatasets(indicator: string): Record<string, unknown[]> {
    return this.charts.get(indicator)?.chart.datasets() ?? {};
  }

  /** The chart of `indicator` as "download chart" writes it (SVG text), for scripted checks. */
  chartSvg(indicator: string): Promise<string> {
    const chart = this.charts.get(indicator)?.chart;
    return chart ? chart.svg() : Promise.reject(new Error(`no chart of ${indicator}`));
  }

  /** Resolves once no update is pending or running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The YAML "download scenario" writes for the current state, and its file name. */
  scenarioDownload(): { name: string; text: string } {
    const results = this.results;
    const file = results?.file;
    if (!file) throw new Error('no results yet');
    const notes = this.downloadNotes(results);
    return { name: notes.fileName, text: scenarioYaml(file, notes) };
  }

  /** What the download's header says, for the results shown. */
  private downloadNotes(results: SessionResults): YamlNotes {
    const locked = lockedLevers(findScenario(this.data, this.state.scenario), this.state.uncertainty);
    return {
      version: this.data.version,
      base: this.state.scenario,
      changed: Object.keys(this.state.overrides).filter((id) => !locked.has(id)),
      until: this.state.until,
      fileName: `${results.file.id}.yaml`,
      defaultUntil: this.data.horizons[0]?.options.until ?? 2015,
      uncertainty: results.explored.mode === 'montecarlo' ? this.state.uncertainty : 'off',
    };
  }

  private setState(patch: Partial<ExplorerState>, options: { rebuild?: boolean } = {}): void {
    this.replaceState({ ...this.state, ...patch }, options);
  }

  private replaceState(next: ExplorerState, { rebuild = false }: { rebuild?: boolean }): void {
    const langChanged = next.lang !== this.state.lang;
    const chartsChanged = next.indicators.join(',') !== this.state.indicators.join(',');
    this.state = next;
    const hash = encodeState(this.data, next);
    if (location.hash !== hash) history.replaceState(null, '', hash);
    this.requestedAt = performance.now();
    if (langChanged || rebuild) this.build();
    else {
      if (chartsChanged) this.rebuildCharts();
      this.requestUpdate();
    }
  }

  private requestUpdate(): void {
    if (this.running) {
      this.dirty = true;
      return;
    }
    const loop = async (): Promise<void> => {
      do {
        this.dirty = false;
        await this.update();
      } while (this.dirty);
      this.running = null;
    };
    this.running = loop();
  }

  private async update(): Promise<void> {
    const started = this.requestedAt || performance.now();
    const state = this.state;
    const t0 = performance.now();
    const results = await this.session.run(state);
    this.results = results;
    const t1 = performance.now();
    const base = findScenario(this.data, state.scenario);
    const allAssumptions = results.explored.mode === 'montecarlo' && state.uncertainty === 'all';
    this.levers?.sync({ base, overrides: state.overrides, until: state.until, drawn: results.drawn, locked: lockedLevers(base, state.uncertainty), allAssumptions });
    const t2 = performance.now();
    const labels = pageLabels(this.data);
    const size = { width: this.chartWidth, height: CHART_HEIGHT };
    await Promise.all(
      [...this.charts].map(([indicator, { chart }]) => chart.show(indicatorChart(results, indicator, { lang: state.lang, size, labels }))),
    );
    const t3 = performance.now();
    this.matrix?.update(results, state.lang);
    const t4 = performance.now();
    // The frame that paints the update: also paces updates while a slider is dragged.
    const frameAt = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const timing: UpdateTiming = {
      ms: t4 - started,
      frameMs: frameAt - started,
      charts: this.charts.size,
      mode: results.explored.mode,
      phases: { model: t1 - t0, levers: t2 - t1, charts: t3 - t2, matrix: t4 - t3 },
    };
    this.lastUpdate = timing;
    this.requestedAt = 0;
    if (this.status) this.status.textContent = pageText('updated', state.lang, { ms: timing.ms.toFixed(1) });
    if (this.mcSummary) {
      const summary = { runs: results.explored.runs, seed: results.explored.seed ?? '', levers: Object.keys(results.drawn).length };
      this.mcSummary.textContent = results.explored.mode === 'montecarlo' ? `${pageText(allAssumptions ? 'mcSummaryAll' : 'mcSummary', state.lang, summary)} · ` : '';
    }
    if (this.reproduce) {
      // The file cannot say "every assumption": the page says which command line reproduces it.
      this.reproduce.hidden = !allAssumptions;
      const code = this.reproduce.querySelector('code');
      if (code) code.textContent = allAssumptions ? reproduceCommand(this.downloadNotes(results)) : '';
    }
  }

  // ---- building the page --------------------------------------------------------------------

  private build(): void {
    const lang = this.state.lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = pageText('title', lang);
    for (const { chart } of this.charts.values()) chart.finalize();
    this.charts.clear();
    this.levers = new LeverPanel(this.data, lang, (id, value) => this.setLever(id, value));
    this.notice = h('div', { class: 'notice', role: 'status', hidden: this.problems.length === 0 });
    if (this.problems.length > 0) {
      const close = h('button', { type: 'button', class: 'close', 'aria-label': pageText('dismiss', lang) }, '×');
      close.addEventListener('click', () => {
        this.problems = [];
        if (this.notice) this.notice.hidden = true;
      });
      this.notice.append(close, h('p', {}, pageText('ignoredSettings', lang, { n: this.problems.length })), h('ul', {}, ...this.problems.map((p) => h('li', {}, p))));
    }
    this.status = h('span', { class: 'status', 'aria-live': 'off' });
    this.mcSummary = h('span', { class: 'mc-summary' });
    this.reproduce = h('p', { class: 'reproduce', hidden: true }, pageText('mcAllRule', lang), ' ', pageText('mcAllReproduce', lang), ' ', h('code', {}));
    this.chartArea = h('div', { class: 'charts' });
    this.matrix = new AttainmentMatrix();
    const main = h(
      'main',
      { class: 'results' },
      h('section', { class: 'chart-section', 'aria-labelledby': 'charts-heading' }, h('h2', { id: 'charts-heading' }, pageText('charts', lang)), this.indicatorPicker(), this.chartArea),
      this.matrix.element,
    );
    const [settings, actions] = this.toolbar();
    this.root.replaceChildren(
      h(
        'header',
        { class: 'top' },
        h('div', { class: 'title-row' }, h('div', {}, h('h1', {}, pageText('title', lang)), h('p', { class: 'intro' }, pageText('intro', lang))), actions),
        settings,
        this.reproduce,
        this.notice,
      ),
      h('div', { class: 'layout' }, this.levers.element, main),
      h('footer', {}, pageText('footer', lang, { version: this.data.version }), ' ', this.mcSummary, this.status),
    );
    this.rebuildCharts();
    this.requestUpdate();
  }

  /** The settings row (start, horizon, Monte Carlo) and the actions (downloads, reset, language). */
  private toolbar(): [HTMLElement, HTMLElement] {
    const lang = this.state.lang;
    const state = this.state;
    const scenario = h(
      'select',
      { id: 'start-scenario' },
      ...this.data.scenarios.map((s) => h('option', { value: s.id, selected: s.id === state.scenario }, s.title[lang] || s.id)),
    );
    scenario.addEventListener('change', () => {
      this.setState({ scenario: scenario.value, overrides: {}, ...monteCarloDefaults(this.data, scenario.value) }, { rebuild: true });
    });

    const horizon = h(
      'fieldset',
      { class: 'choice' },
      h('legend', {}, pageText('horizon', lang)),
      ...this.data.horizons.map((hz, i) => {
        const year = hz.options.until;
        const input = h('input', { type: 'radio', name: 'horizon', value: year, checked: year === state.until });
        input.addEventListener('change', () => {
          // A schedule step after the new horizon cannot be kept: hzsim validate would refuse it.
          const overrides = Object.fromEntries(
            Object.entries(this.state.overrides).filter(([, v]) => typeof v === 'number' || Object.keys(v).every((y) => Number(y) <= year)),
          );
          this.setState({ until: year, overrides });
        });
        return h('label', {}, input, ' ', pageText(i === 0 ? 'horizonPlan' : 'horizonLater', lang, { year }));
      }),
    );

    const base = findScenario(this.data, state.scenario);
    const nothing = (mode: 'scenario' | 'all'): { why?: string } => (drawsAnything(base, this.data.params, mode) ? {} : { why: pageText('mcNone', lang) });
    const modes: { mode: UncertaintyMode; key: 'mcOff' | 'mcScenario' | 'mcAll'; why?: string; hint?: string }[] = [
      { mode: 'off', key: 'mcOff' },
      { mode: 'scenario', key: 'mcScenario', ...nothing('scenario') },
      { mode: 'all', key: 'mcAll', hint: pageText('mcAllHint', lang), ...nothing('all') },
    ];
    const runs = h('input', { type: 'number', id: 'mc-runs', min: 2, max: MAX_PAGE_RUNS, step: 1, value: state.runs, disabled: state.uncertainty === 'off' });
    const seed = h('input', { type: 'number', id: 'mc-seed', min: 0, step: 1, value: state.seed, disabled: state.uncertainty === 'off' });
    const whole = (input: HTMLInputElement, ok: (n: number) => boolean): number | null => {
      const n = Number(input.value);
      const valid = /^\d+$/.test(input.value.trim()) && ok(n);
      input.setAttribute('aria-invalid', String(!valid));
      return valid ? n : null;
    };
    runs.addEventListener('change', () => {
      const n = whole(runs, (x) => x >= 2 && x <= MAX_PAGE_RUNS);
      if (n !== null) this.setState({ runs: n });
    });
    seed.addEventListener('change', () => {
      const n = whole(seed, (x) => Number.isSafeInteger(x));
      if (n !== null) this.setState({ seed: n });
    });
    const notes: HTMLElement[] = [];
    const monteCarlo = h(
      'fieldset',
      { class: 'choice' },
      h('legend', {}, pageText('monteCarlo', lang)),
      ...modes.map(({ mode, key, why, hint }) => {
        const noteId = `mc-why-${mode}`;
        const note = why ?? hint;
        const input = h('input', { type: 'radio', name: 'mc', value: mode, checked: state.uncertainty === mode, disabled: why !== undefined, 'aria-describedby': note === undefined ? undefined : noteId });
        input.addEventListener('change', () => {
          runs.disabled = mode === 'off';
          seed.disabled = mode === 'off';
          this.setState({ uncertainty: mode });
        });
        // The reason (or what the option draws) stays with it: a tooltip, and the description screen readers announce.
        if (note !== undefined) notes.push(h('span', { id: noteId, class: 'visually-hidden' }, note));
        return h('label', { title: note }, input, ' ', pageText(key, lang));
      }),
      // Runs and seed wrap together: on a tablet they take the second row side by side.
      h('span', { class: 'mc-numbers' }, h('label', { class: 'num' }, pageText('runs', lang), ' ', runs), h('label', { class: 'num' }, pageText('seed', lang), ' ', seed)),
      ...notes,
    );

    const download = h('button', { type: 'button' }, pageText('downloadScenario', lang));
    download.addEventListener('click', () => {
      void this.whenIdle().then(() => {
        const { name, text } = this.scenarioDownload();
        downloadFile(name, new Blob([text], { type: 'application/yaml' }));
      });
    });
    const copy = h('button', { type: 'button' }, pageText('copyLink', lang));
    copy.addEventListener('click', () => {
      const done = (key: 'linkCopied' | 'linkReady'): void => {
        copy.textContent = pageText(key, lang);
        window.setTimeout(() => (copy.textContent = pageText('copyLink', lang)), 2000);
      };
      // A page opened from disk may not be allowed the clipboard: then the address bar has the link.
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(() => done('linkCopied'), () => done('linkReady'));
      else done('linkReady');
    });
    const reset = h('button', { type: 'button' }, pageText('resetAll', lang));
    reset.addEventListener('click', () => this.setState({ overrides: {} }));
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const language = h('button', { type: 'button', class: 'lang', lang: other === 'zh' ? 'zh-CN' : 'en', 'aria-label': pageText('otherLanguageLabel', lang) }, pageText('otherLanguage', lang));
    language.addEventListener('click', () => this.setState({ lang: other }));

    return [
      h('div', { class: 'toolbar' }, h('label', { class: 'start' }, pageText('startFrom', lang), ' ', scenario), horizon, monteCarlo),
      h('div', { class: 'actions' }, download, copy, reset, language),
    ];
  }

  private indicatorPicker(): HTMLElement {
    const lang = this.state.lang;
    const chosen = new Set(this.state.indicators);
    const summary = h('summary', {}, pageText('chooseIndicators', lang, { n: chosen.size }));
    const groups = DOMAIN_ORDER.flatMap((domain) => {
      const items = this.data.indicators.filter((i) => i.domain === domain);
      if (items.length === 0) return [];
      return [
        h(
          'fieldset',
          {},
          h('legend', {}, Domains[domain][lang]),
          ...items.map((i) => {
            const box = h('input', { type: 'checkbox', value: i.id, checked: chosen.has(i.id) });
            box.addEventListener('change', () => {
              const next = box.checked ? [...this.state.indicators, i.id] : this.state.indicators.filter((x) => x !== i.id);
              summary.textContent = pageText('chooseIndicators', lang, { n: next.length });
              this.setState({ indicators: next });
            });
            return h('label', {}, box, ' ', i.name[lang]);
          }),
        ),
      ];
    });
    return h('details', { class: 'picker' }, summary, h('div', { class: 'picker-groups' }, ...groups));
  }

  private measureChartWidth(): number {
    const area = this.chartArea;
    if (!area) return 480;
    const width = area.clientWidth;
    // Two charts side by side from 780 px of chart area (a 1280 px screen), else one per row.
    const columns = width >= 780 ? 2 : 1;
    return Math.max(320, Math.floor((width - (columns - 1) * 16) / columns) - 2);
  }

  private rebuildCharts(): void {
    const area = this.chartArea;
    if (!area) return;
    for (const { chart } of this.charts.values()) chart.finalize();
    this.charts.clear();
    this.chartWidth = this.measureChartWidth();
    const lang = this.state.lang;
    const labels = pageLabels(this.data);
    const figures = this.state.indicators.map((indicator) => {
      const name = labels.name(indicator, lang);
      const view = h('div', { class: 'chart-view', role: 'img', 'aria-label': name });
      const chart = new LiveChart(view);
      const button = (text: string, label: string, action: () => void): HTMLButtonElement => {
        const b = h('button', { type: 'button', 'aria-label': label }, text);
        b.addEventListener('click', action);
        return b;
      };
      const file = `${indicator}.${lang}`;
      const figure = h(
        'figure',
        { class: 'chart', 'data-indicator': indicator },
        view,
        h(
          'figcaption',
          { class: 'chart-actions' },
          button('SVG', pageText('downloadSvg', lang, { name }), () => void chart.svg().then((svg) => downloadFile(`${file}.svg`, new Blob([svg], { type: 'image/svg+xml' })))),
          button('PNG', pageText('downloadPng', lang, { name }), () => void chart.png().then((url) => downloadUrl(`${file}.png`, url))),
          button('×', pageText('removeChart', lang, { name }), () => this.setState({ indicators: this.state.indicators.filter((x) => x !== indicator) })),
        ),
      );
      this.charts.set(indicator, { chart, figure });
      return figure;
    });
    area.replaceChildren(...(figures.length > 0 ? figures : [h('p', { class: 'note' }, pageText('noCharts', lang))]));
    area.style.setProperty('--chart-width', `${this.chartWidth}px`);
  }

  private setLever(id: string, value: ParamValue | undefined): void {
    const overrides = { ...this.state.overrides };
    if (value === undefined) delete overrides[id];
    else overrides[id] = value;
    this.setState({ overrides });
  }

  /** For scripted checks: moves focus to a lever's slider. */
  focusLever(id: string): void {
    this.levers?.focus(id);
  }
}
