/**
 * Notebook 3 — which levers close the hukou gap? (lines 151, 175: 农民工市民化; people living in
 * towns without urban hukou)
 *
 * One-at-a-time sensitivity: each lever of the hukou, land and insurance subsystems is set to the
 * low and the high end of its allowed range, all others at their defaults, and the 2015 hukou gap
 * (urbanisation rate − hukou urbanisation rate, percentage points) is recorded. The tornado chart
 * ranks the levers by how far they move it.
 *
 *   npx tsx notebooks/03-hukou-gap-sensitivity.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { charts, compileModel, defaultValue, hangzhouModel, params, render } from '../src/index.js';
import type { TornadoSwing } from '../src/charts/index.js';

const INDICATOR = 'urbanisation.hukou-gap';
const YEAR = 2015;

export interface Sensitivity {
  readonly baseline: number;
  readonly swings: readonly TornadoSwing[];
}

export async function main(outDir = 'out/notebooks/03', log: (s: string) => void = console.log): Promise<Sensitivity> {
  const model = compileModel(hangzhouModel, params);
  const gapWith = (overrides: Record<string, number>): number => model.simulate(overrides).at(INDICATOR, YEAR);
  const baseline = gapWith({});

  // Policy levers only: initial conditions (init_*) describe 2010, they are not choices.
  const levers = params.filter((p) => ['urbanisation', 'land', 'insurance'].includes(p.domain) && !p.id.startsWith('init_') && model.paramIds.includes(p.id));
  const swings: TornadoSwing[] = levers.map((p) => ({
    param: p.id,
    label: p.name,
    low: { value: p.range.min, result: gapWith({ [p.id]: p.range.min }) },
    high: { value: p.range.max, result: gapWith({ [p.id]: p.range.max }) },
  }));
  const width = (s: TornadoSwing): number => Math.abs(s.high.result - s.low.result);
  const ranked = [...swings].sort((a, b) => width(b) - width(a));
  log(`2015 hukou gap at default levers: ${baseline.toFixed(2)} percentage points.`);
  log('Levers that move it most (low → high end of each lever’s range):');
  for (const s of ranked.slice(0, 8)) {
    const def = defaultValue(params.find((p) => p.id === s.param)!);
    log(`  ${s.label.en.padEnd(52)} ${s.low.result.toFixed(2).padStart(6)} → ${s.high.result.toFixed(2).padStart(6)}   (default ${def})`);
  }

  mkdirSync(outDir, { recursive: true });
  for (const lang of ['zh', 'en'] as const) {
    writeFileSync(join(outDir, `tornado-hukou-gap.${lang}.svg`), await render(charts.tornado({ indicator: INDICATOR, year: YEAR, baseline, swings }, { lang, top: 10 }), 'svg'));
  }
  log(`\nCharts written to ${outDir}/`);
  return { baseline, swings };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
