/**
 * Notebook 3 — which levers close the hukou gap? (lines 151, 175: 农民工市民化; people living in
 * towns without urban hukou)
 *
 * Around the plan scenario, the policy levers of the hukou, land and insurance subsystems (not the
 * 2010 initial conditions, which are not choices):
 * (a) one at a time (`oat`): each lever at the low and the high end of its range, the others as the
 *     plan sets them; the tornado ranks the levers by how far they move the 2015 hukou gap
 *     (urbanisation rate − hukou urbanisation rate, percentage points);
 * (b) Morris screening (`morris`): the same levers moved together along random trajectories, so a
 *     lever whose effect depends on the others shows a large σ next to its μ*.
 *
 *   npx tsx notebooks/03-hukou-gap-sensitivity.ts [outDir]
 */
import { resolve } from 'node:path';
import {
  charts, createRunnerContext, formatValue, getIndicator, loadScenario, morris, type MorrisResult, notebook, type NotebookFiles, type NotebookRunOptions, oat, type OatResult, params, scenarioModel,
} from 'hangzhou-reform-sim';

export const ID = '03-hukou-gap-sensitivity';
const INDICATOR = 'urbanisation.hukou-gap';
const YEAR = 2015;

export interface Sensitivity {
  readonly baseline: number;
  readonly oat: OatResult;
  readonly morris: MorrisResult;
  readonly files: NotebookFiles;
}

export async function main(outDir = `out/notebooks/${ID}`, options: NotebookRunOptions = {}): Promise<Sensitivity> {
  const trajectories = options.quick ? 6 : 40;
  const page = notebook({ id: ID, title: 'Which levers close the hukou gap?', source: `notebooks/${ID}.ts`, log: options.log ?? console.log });
  const [rate, hukouRate] = [getIndicator('urbanisation.rate'), getIndicator('urbanisation.hukou-rate')];
  page.lead(
    `By the catalog’s 2010 baselines ${formatValue(rate.baseline.value)} % of residents lived in towns but ${formatValue(hukouRate.baseline.value)} % held an urban hukou (an assumed baseline: the plan states none): ` +
      'the hukou gap, people counted as urban who are not registered as such. ' +
      'The plan makes migrant workers’ hukou the breakthrough of its household-registration reform (line 151) and sets the rule — a stable job and residence (line 175). ' +
      'This notebook asks which of the model’s policy levers move the 2015 gap most, around the plan as written.',
  );
  const context = createRunnerContext();
  const plan = loadScenario('plan');
  // Policy levers only: initial conditions (init_*) describe 2010, they are not choices.
  const levers = params.filter((p) => ['urbanisation', 'land', 'insurance'].includes(p.domain) && !p.id.startsWith('init_')).map((p) => p.id);
  const model = scenarioModel(plan, { context, levers, outputs: [{ id: INDICATOR, year: YEAR }] });
  const swings = await oat(model);
  const screening = await morris(model, { trajectories, seed: 2011 });
  const out = swings.outputs[0];
  const effects = screening.outputs[0]?.effects ?? [];
  if (!out) throw new Error('no OAT output');
  const name = (id: string): string => `“${params.find((p) => p.id === id)?.name.en ?? id}”`;

  page.section('One lever at a time', 'oat');
  page.paragraph(
    `In the plan scenario (deterministic) the 2015 hukou gap is ${formatValue(out.base)} percentage points. ` +
      `Each of the ${levers.length} policy levers of the hukou, land and insurance subsystems is set to the low and then the high end of its documented range, every other lever as the plan sets it, and the gap read again.`,
  );
  const top = out.swings.slice(0, 8);
  // Year levers read as years, not as grouped numbers.
  const leverValue = (id: string, v: number): string => (params.find((p) => p.id === id)?.integer ? String(Math.round(v)) : formatValue(v));
  page.table({
    header: ['Lever', 'Low end → gap', 'High end → gap', 'Swing'],
    numeric: [1, 2, 3],
    rows: top.map((s) => [s.label?.en ?? s.input, `${leverValue(s.input, s.low.value)} → ${formatValue(s.low.result)}`, `${leverValue(s.input, s.high.value)} → ${formatValue(s.high.result)}`, formatValue(s.swing)]),
  });
  const first = top[0];
  if (first) {
    const narrows = first.high.result < first.low.result;
    page.paragraph(
      `${name(first.input)} moves the gap most: from ${formatValue(first.low.result)} at the low end of its range to ${formatValue(first.high.result)} at the high end — ` +
        `${narrows ? 'more of it narrows the gap' : 'more of it widens the gap'}. Levers that move people into towns without converting them widen it; conversion levers narrow it.`,
    );
  }
  page.chart(
    'tornado-hukou-gap',
    charts.tornadoFromOat(swings, { lang: 'en', top: 10, runs: [{ scenario: { id: plan.id, title: plan.title }, mode: 'deterministic', runs: 1, seed: null }] }),
    'The ten levers that move the 2015 hukou gap most, each from the low to the high end of its range with the others as the plan sets them; bars start at the plan’s value.',
  );

  page.section('Levers moved together (Morris screening)', 'morris');
  page.paragraph(
    `One at a time says nothing about levers that matter only together. Morris screening moves all ${levers.length} levers along ${trajectories} random trajectories through their ranges (seed 2011): ` +
      'μ* is a lever’s mean absolute effect, σ the spread of its effect — a σ as large as μ* means the effect depends on where the other levers are (interaction or non-linearity).',
  );
  page.table({
    header: ['Lever', 'μ*', 'σ', 'σ / μ*'],
    numeric: [1, 2, 3],
    rows: effects.slice(0, 8).map((e) => [e.label?.en ?? e.input, formatValue(e.muStar), formatValue(e.sigma), e.muStar > 0 ? formatValue(e.sigma / e.muStar) : '—']),
  });
  const topMorris = effects[0];
  if (topMorris && first) {
    page.paragraph(
      topMorris.input === first.input
        ? `Both methods put ${name(first.input)} first.`
        : `The methods disagree on the first lever: one at a time ranks ${name(first.input)} first, Morris ${name(topMorris.input)} — its effect grows when other levers move with it.`,
    );
  }
  page.chart('morris-hukou-gap', charts.morris(screening, { lang: 'en', scenario: { id: plan.id, title: plan.title } }), 'Morris screening of the same levers: μ* (how much a lever moves the gap) against σ (how much that effect varies with the other levers); the lines mark σ/μ* of 0.1, 0.5 and 1.');
  page.note('Ranges are the levers’ documented plausible ranges (hzsim params), not forecasts of policy; a wide range gives a long bar. Notebook 6 turns the ranking round: how far must a lever move to meet the target?');

  const files = await page.write(outDir);
  return { baseline: out.base, oat: swings, morris: screening, files };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
