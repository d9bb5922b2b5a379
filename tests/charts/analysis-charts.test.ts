/**
 * The analysis charts: what each draws from its result, and the rules that keep them legible
 * (rank numbers never overlap, legends list only what is drawn).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest, morris, sobol, tornado, tornadoFromOat } from '../../src/charts/index.js';
import { placeRankLabels } from '../../src/charts/builders/morris.js';
import { InputError } from '../../src/errors.js';
import { analysisFixtures as fx } from './analysis-fixture.js';
import { fixtureLabels as labels } from './fixture.js';

type Json = Record<string, unknown>;
const body = (spec: unknown): Json => ((spec as Json).vconcat as Json[])[0] as Json;
const footnote = (spec: unknown): string => ((((spec as Json).vconcat as Json[])[1] as Json).encoding as { text: { value: string[] } }).text.value.join('');
/** Every inline data value of a spec, depth first. */
const values = (node: unknown): Json[] => {
  if (!node || typeof node !== 'object') return [];
  const own = ((node as Json).data as { values?: Json[] } | undefined)?.values ?? [];
  return [...own, ...Object.values(node as Json).flatMap((v) => (Array.isArray(v) ? v.flatMap(values) : typeof v === 'object' ? values(v) : []))];
};

describe('tornadoFromOat', () => {
  it('is the tornado of the OAT swings around the base result', () => {
    const out = fx.oat.outputs[0]!;
    const byHand = tornado(
      { indicator: 'urbanisation.hukou-rate', year: 2015, baseline: out.base, swings: out.swings.map((s) => ({ param: s.input, label: s.label!, low: s.low, high: s.high })) },
      { labels, lang: 'en' },
    );
    expect(tornadoFromOat(fx.oat, { labels, lang: 'en' })).toEqual(byHand);
    expect(() => tornadoFromOat(fx.oat, { labels, output: 3 })).toThrow(/output 3 does not exist: the result has 1 output/);
  });
});

describe('morris', () => {
  it('numbers the most influential levers in μ* order and names them in the list', () => {
    const spec = morris(fx.morris, { labels, lang: 'en', top: 3, scenario: fx.scenario });
    const list = ((body(spec).hconcat as Json[])[1] as { data: { values: { entry: string }[] } }).data.values.map((v) => v.entry);
    const top = fx.morris.outputs[0]!.effects.slice(0, 3).map((e) => e.label!.en);
    expect(list).toEqual([`1  ${top[0]}`, `2  ${top[1]}`, `3  ${top[2]}`, '2 other levers']);
    expect(footnote(spec)).toMatch(/^Scenario: Plan as written; Morris, 10 trajectories, 4 levels \(60 runs\), seed 2011; source: Hangzhou/);
  });

  it('places rank numbers so that no two overlap, however the points cluster', () => {
    const point = fc.record({ muStar: fc.double({ min: 0, max: 10, noNaN: true }), sigma: fc.double({ min: 0, max: 5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 6 }), (pts) => {
        const plot = { width: 400, height: 250, xMax: 10.8, yMax: 5.5 };
        const placed = placeRankLabels(pts.map((p, i) => ({ ...p, rank: i + 1 })), plot);
        const box = (l: { lx: number; ly: number; rank: number }) => {
          const cx = (l.lx / plot.xMax) * plot.width;
          const cy = plot.height - (l.ly / plot.yMax) * plot.height;
          const w = 7 * String(l.rank).length + 2;
          return [cx - w / 2, cy - 6, cx + w / 2, cy + 6] as const;
        };
        // With up to six points there is always a free spot among the twelve offsets.
        for (let a = 0; a < placed.length; a++)
          for (let b = a + 1; b < placed.length; b++) {
            const [p, q] = [box(placed[a]!), box(placed[b]!)];
            expect(p[0] < q[2] - 1e-9 && q[0] < p[2] - 1e-9 && p[1] < q[3] - 1e-9 && q[1] < p[3] - 1e-9).toBe(false);
          }
      }),
      { numRuns: 200 },
    );
  });
});

describe('sobol', () => {
  it('draws S1 and ST per lever, levers by ST, each bar with its interval', () => {
    const spec = sobol(fx.sobol, { labels, lang: 'en', top: 2 });
    const rows = (body(spec).data as { values: { lever: string; kind: string; value: number; lo: number; hi: number }[] }).values;
    const [first, second] = fx.sobol.outputs[0]!.indices;
    expect(rows.map((r) => [r.lever, r.kind])).toEqual([
      [first!.label!.en, 'First-order S1'],
      [first!.label!.en, 'Total ST'],
      [second!.label!.en, 'First-order S1'],
      [second!.label!.en, 'Total ST'],
    ]);
    expect(rows[1]).toMatchObject({ value: first!.total, lo: first!.totalInterval![0], hi: first!.totalInterval![1] });
    const nothing = { ...fx.sobol, outputs: [{ ...fx.sobol.outputs[0]!, indices: fx.sobol.outputs[0]!.indices.map((i) => ({ ...i, first: NaN, total: NaN })) }] };
    expect(() => sobol(nothing, { labels })).toThrow(InputError);
  });
});

describe('backtest', () => {
  it('tells fitted and out-of-sample observations apart, divides after the last fitted year, lists only what is drawn', () => {
    const spec = backtest(fx.backtest, { labels, lang: 'en', indicator: 'urbanisation.rate' });
    const observed = values(spec).filter((v) => 'projected' in v);
    expect(observed.map((v) => [v.year, v.key])).toEqual([
      [2010, 'Observed (fitted years)'],
      [2011, 'Observed (fitted years)'],
      [2012, 'Observed (fitted years)'],
      [2013, 'Observed (fitted years)'],
      [2014, 'Observed (out of sample)'],
      [2015, 'Observed (out of sample)'],
    ]);
    expect(values(spec).some((v) => v.year === 2013.5)).toBe(true);
    const legend = JSON.stringify(spec).match(/"domain":\["Projection \(median\)"[^\]]*\]/)?.[0];
    expect(legend).toBe('"domain":["Projection (median)","90% range (P5–P95)","Observed (fitted years)","Observed (out of sample)"]');
    // Only fitted observations: no out-of-sample entry in the legend.
    const fittedOnly = backtest({ ...fx.backtest, rows: fx.backtest.rows.filter((r) => r.split !== 'out-of-sample') }, { labels, lang: 'en' });
    expect(JSON.stringify(fittedOnly)).not.toContain('Observed (out of sample)');
    expect(() => backtest(fx.backtest, { labels, indicator: 'no.such' })).toThrow(/the backtest has no projection of "no.such" \(scored: urbanisation.rate\)/);
  });
});
