/**
 * Synthetic models of any size for the benchmark and the interchange tests: `n` stocks in a ring
 * (each passes a flow to the next, so the total is conserved), with per stock one smoothing
 * auxiliary chained to its neighbour, one auxiliary with a cross link and a `max`, and one flow —
 * four equations per stock, ordered by a dependency chain that runs through the whole model.
 * Three levers: two rates (one a schedule by year, so lever values change during the run) and the
 * initial scale.
 *
 * Plain data with no imports, so both the benchmark (compiled against dist/) and the tests (against
 * src/) can use it; the shapes match the engine's ModelSpec and EngineInput.
 */

export interface SyntheticVar {
  readonly kind: 'stock' | 'flow' | 'aux' | 'input';
  readonly id: string;
  readonly unit: string;
  readonly doc: string;
  readonly initial?: string;
  readonly inflows?: readonly string[];
  readonly outflows?: readonly string[];
  readonly equation?: string;
  readonly param?: string;
}

export interface SyntheticModel {
  readonly spec: {
    readonly subsystems: readonly {
      readonly id: string;
      readonly name: { readonly zh: string; readonly en: string };
      readonly doc: string;
      readonly vars: readonly (
        | { readonly kind: 'stock'; readonly id: string; readonly unit: string; readonly doc: string; readonly initial: string; readonly inflows: readonly string[]; readonly outflows: readonly string[] }
        | { readonly kind: 'flow' | 'aux'; readonly id: string; readonly unit: string; readonly doc: string; readonly equation: string }
        | { readonly kind: 'input'; readonly id: string; readonly unit: string; readonly doc: string; readonly param: string }
      )[];
    }[];
    readonly outputs: readonly { readonly id: string; readonly variable: string; readonly kind: 'series' }[];
  };
  readonly inputs: readonly {
    readonly id: string;
    readonly unit: string;
    readonly default: number | Readonly<Record<number, number>>;
    readonly interpolation?: 'step' | 'linear';
    readonly range: { readonly min: number; readonly max: number };
    readonly doc: string;
  }[];
}

/** A ring of `n` stocks (n ≥ 2); every `reportEvery`-th stock and its smoothing auxiliary are outputs. */
export function syntheticModel(n: number, reportEvery = Math.max(1, Math.floor(n / 20))): SyntheticModel {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a synthetic model needs at least 2 stocks, got ${n}`);
  type Var = SyntheticModel['spec']['subsystems'][number]['vars'][number];
  const vars: Var[] = [];
  for (let i = 0; i < n; i++) {
    vars.push({
      kind: 'stock', id: `s${i}`, unit: 'person', doc: `stock ${i} of the ring`,
      initial: `scale * ${1 + (i % 17) / 17}`, inflows: [`f${(i + n - 1) % n}`], outflows: [`f${i}`],
    });
  }
  for (let i = 0; i < n; i++) {
    const previous = i === 0 ? `s${n - 1}` : `a${i - 1}`;
    vars.push({ kind: 'aux', id: `a${i}`, unit: 'person', doc: `smoothed level ${i}`, equation: `0.5 * s${i} + 0.25 * ${previous}` });
    vars.push({ kind: 'aux', id: `b${i}`, unit: 'person', doc: `excess ${i}`, equation: `max(0, a${i} - 0.1 * s${(i * 7 + 3) % n})` });
    vars.push({ kind: 'flow', id: `f${i}`, unit: 'person/year', doc: `transfer ${i} → ${(i + 1) % n}`, equation: `rate * s${i} + feedback * b${i}` });
  }
  vars.push({ kind: 'input', id: 'rate', unit: '1/year', doc: 'transfer rate', param: 'rate' });
  vars.push({ kind: 'input', id: 'feedback', unit: '1/year', doc: 'feedback rate', param: 'feedback' });
  vars.push({ kind: 'input', id: 'scale', unit: 'person', doc: 'initial scale', param: 'scale' });
  const outputs: { id: string; variable: string; kind: 'series' }[] = [];
  for (let i = 0; i < n; i += reportEvery) {
    outputs.push({ id: `stock.${i}`, variable: `s${i}`, kind: 'series' }, { id: `level.${i}`, variable: `a${i}`, kind: 'series' });
  }
  return {
    spec: { subsystems: [{ id: 'ring', name: { zh: '环', en: 'Ring' }, doc: `A ring of ${n} stocks.`, vars }], outputs },
    inputs: [
      { id: 'rate', unit: '1/year', default: { 2011: 0.02, 2013: 0.03 }, range: { min: 0, max: 0.1 }, doc: 'transfer rate' },
      { id: 'feedback', unit: '1/year', default: 0.01, range: { min: 0, max: 0.05 }, doc: 'feedback rate' },
      { id: 'scale', unit: 'person', default: 1000, range: { min: 100, max: 10000 }, doc: 'initial scale' },
    ],
  };
}

/**
 * A small epidemic model that uses every function of the equation language, `time`, `dt` and
 * `start`, levers given as step and linear schedules, an input whose id differs from its lever's,
 * comparisons as values, and outputs of every kind (stocks, flows, auxiliaries, an input, an annual
 * increase) — the interchange tests and the SDEverywhere cross-check run it.
 */
export function featureModel(): SyntheticModel {
  type Var = SyntheticModel['spec']['subsystems'][number]['vars'][number];
  const stock = (id: string, initial: string, inflows: string[], outflows: string[]): Var => ({ kind: 'stock', id, unit: 'person', doc: `${id} people`, initial, inflows, outflows });
  const aux = (kind: 'aux' | 'flow', id: string, unit: string, equation: string): Var => ({ kind, id, unit, doc: `${id} | with ~ and &#38; in its documentation`, equation });
  const input = (id: string, unit: string, param = id): Var => ({ kind: 'input', id, unit, doc: `lever ${param}`, param });
  const vars: Var[] = [
    stock('susceptible', 'population - 10', [], ['infection', 'vaccinating']),
    stock('infected', '10', ['infection'], ['recovery']),
    stock('recovered', '0', ['recovery', 'vaccinating'], []),
    aux('flow', 'infection', 'person/year', 'effective_contact * susceptible * infected / population'),
    aux('flow', 'recovery', 'person/year', 'infected / duration'),
    aux('flow', 'vaccinating', 'person/year', 'vaccination * susceptible * campaign'),
    aux('aux', 'campaign', '1', 'step(1, campaign_year)'),
    aux('aux', 'effective_contact', '1/year', 'clamp(contact_rate * (1 - ramp(0.1, 2011, 2014)), 0.5, 10)'),
    aux('aux', 'shape', 'person', 'round(infected / 10) + floor(susceptible / 1000) - ceil(recovered / 1000) + abs(-infected)'),
    aux('aux', 'mix', '1', 'max(min(infected / population, 0.5), 0.01) + exp(-infected / population) + log(1 + recovered / population) + sqrt(susceptible / population) + (infected > recovered) * 2 + (time - start > 2.5 ? 1 : 0) + dt * contact_rate + (infected / population) ^ 2'),
    input('population', 'person'),
    input('contact_rate', '1/year', 'contact'),
    input('duration', 'year'),
    input('vaccination', '1/year'),
    input('campaign_year', 'year'),
  ];
  const series = (id: string, variable = id, report?: 'annual-increase') => ({ id: `epidemic.${id}`, variable, kind: 'series' as const, ...(report ? { report } : {}) });
  return {
    spec: {
      subsystems: [{ id: 'epidemic', name: { zh: '流行病', en: 'Epidemic' }, doc: 'Every feature of the language in one model.\nTwo lines.', vars }],
      outputs: [
        series('susceptible'), series('infected'), series('recovered'), series('infection'), series('campaign'), series('effective_contact'),
        series('shape'), series('mix'), series('vaccination'), series('recovered-per-year', 'recovered', 'annual-increase'),
      ],
    },
    inputs: [
      { id: 'population', unit: 'person', default: 1000, range: { min: 100, max: 1e6 }, doc: 'population' },
      { id: 'contact', unit: '1/year', default: { 2011: 3, 2013: 1.5 }, range: { min: 0, max: 10 }, doc: 'contact rate' },
      { id: 'duration', unit: 'year', default: 0.5, range: { min: 0.1, max: 2 }, doc: 'duration' },
      { id: 'vaccination', unit: '1/year', default: { 2011: 0, 2014: 0.3 }, interpolation: 'linear', range: { min: 0, max: 1 }, doc: 'vaccination rate' },
      { id: 'campaign_year', unit: 'year', default: 2013, range: { min: 2011, max: 2015 }, doc: 'campaign start' },
    ],
  };
}
