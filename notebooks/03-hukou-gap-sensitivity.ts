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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  charts, createRunnerContext, loadScenario, morris, type MorrisResult, oat, type OatResult, params, render, scenarioModel,
} from '../src/index.js';

const scenarioDir = resolve(fileURLToPath(import.meta.url), '../../scenarios');
const INDICATOR = 'urbanisation.hukou-gap';
const YEAR = 2015;

export interface Sensitivity {
  readonly baseline: number;
  readonly oat: OatResult;
  readonly morris: MorrisResult;
}

export async function main(outDir = 'out/notebooks/03', log: (s: string) => void = console.log, trajectories = 20): Promise<Sensitivity> {
  const context = createRunnerContext();
  const plan = loadScenario(join(scenarioDir, 'plan.yaml'));
  // Policy levers only: initial conditions (init_*) describe 2010, they are not choices.
  const levers = params.filter((p) => ['urbanisation', 'land', 'insurance'].includes(p.domain) && !p.id.startsWith('init_')).map((p) => p.id);
  const model = scenarioModel(plan, { context, levers, outputs: [{ id: INDICATOR, year: YEAR }] });
  const swings = await oat(model);
  const screening = await morris(model, { trajectories, seed: 2011 });
  const out = swings.outputs[0];
  if (!out) throw new Error('no OAT output');

  log(`2015 hukou gap in the plan scenario: ${out.base.toFixed(2)} percentage points.`);
  log('Levers that move it most (low → high end of each lever’s range; Morris μ*, σ over the same ranges):');
  const effects = new Map(screening.outputs[0]?.effects.map((e) => [e.input, e]));
  for (const s of out.swings.slice(0, 8)) {
    const e = effects.get(s.input);
    log(`  ${(s.label?.en ?? s.input).padEnd(52)} ${s.low.result.toFixed(2).padStart(6)} → ${s.high.result.toFixed(2).padStart(6)}   μ* ${e?.muStar.toFixed(2)}, σ ${e?.sigma.toFixed(2)}`);
  }

  mkdirSync(outDir, { recursive: true });
  const scenario = { id: plan.id, title: plan.title };
  for (const lang of ['zh', 'en'] as const) {
    writeFileSync(join(outDir, `tornado-hukou-gap.${lang}.svg`), await render(charts.tornadoFromOat(swings, { lang, top: 10, runs: [{ scenario, mode: 'deterministic', runs: 1, seed: null }] }), 'svg'));
    writeFileSync(join(outDir, `morris-hukou-gap.${lang}.svg`), await render(charts.morris(screening, { lang, scenario }), 'svg'));
  }
  log(`\nCharts written to ${outDir}/`);
  return { baseline: out.base, oat: swings, morris: screening };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
