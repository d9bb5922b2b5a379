/**
 * Every notebook, one after the other, each into its own folder: `npm run notebooks` writes
 * out/notebooks/<notebook>/<notebook>.html (one self-contained page) and .md with its PNGs.
 *
 *   npx tsx notebooks/all.ts [outRoot] [--quick]      (default out/notebooks)
 */
import { join, resolve } from 'node:path';
import type { NotebookFiles, NotebookRunOptions } from 'hangzhou-reform-sim';
import * as planAtAGlance from './01-plan-at-a-glance.js';
import * as approvalsOdds from './02-approvals-target-odds.js';
import * as hukouGapSensitivity from './03-hukou-gap-sensitivity.js';
import * as hukouAndLand from './04-hukou-and-land.js';
import * as insuranceUncertainty from './05-insurance-under-uncertainty.js';
import * as whatItTakes from './06-what-it-takes.js';

/** A notebook as the runner and the tests see it: its id (file and folder name) and its main. */
export interface NotebookEntry {
  readonly id: string;
  readonly main: (outDir: string, options?: NotebookRunOptions) => Promise<{ readonly files: NotebookFiles }>;
}

export const NOTEBOOKS: readonly NotebookEntry[] = [planAtAGlance, approvalsOdds, hukouGapSensitivity, hukouAndLand, insuranceUncertainty, whatItTakes].map((m) => ({ id: m.ID, main: m.main }));

/** Runs every notebook into `<outRoot>/<id>/`; returns the files each wrote. */
export async function runAll(outRoot: string, options: NotebookRunOptions = {}): Promise<Map<string, NotebookFiles>> {
  const written = new Map<string, NotebookFiles>();
  for (const nb of NOTEBOOKS) written.set(nb.id, (await nb.main(join(outRoot, nb.id), options)).files);
  return written;
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  const args = process.argv.slice(2);
  const outRoot = args.find((a) => !a.startsWith('--')) ?? 'out/notebooks';
  const written = await runAll(outRoot, { quick: args.includes('--quick'), log: () => {} });
  for (const [id, files] of written) console.log(`${id}: ${files.html} (+ .md, ${files.pngs.length} PNGs)`);
}
