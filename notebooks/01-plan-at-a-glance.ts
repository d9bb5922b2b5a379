/**
 * Notebook 1 — the plan at a glance.
 *
 * What the plan states (the catalog), and what the model says happens to the headline indicators
 * if the plan's levers are pulled as written versus if the 2006–2010 trend simply continues.
 *
 *   npx tsx notebooks/01-plan-at-a-glance.ts [outDir]      (default out/notebooks/01)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  catalog, charts, createRunnerContext, Domains, loadScenarios, planTargets, render, runScenario, type ScenarioResult,
} from '../src/index.js';

const scenarioDir = resolve(fileURLToPath(import.meta.url), '../../scenarios');

export interface PlanAtAGlance {
  readonly indicatorsByDomain: Record<string, number>;
  readonly targetsByKind: Record<string, number>;
  readonly results: readonly ScenarioResult[];
  /** 2015 value minus 2010 value, per headline indicator, in each scenario. */
  readonly change: Record<string, Record<string, number>>;
}

export async function main(outDir = 'out/notebooks/01', log: (s: string) => void = console.log): Promise<PlanAtAGlance> {
  // 1. What the plan states.
  const indicatorsByDomain: Record<string, number> = {};
  for (const i of catalog) indicatorsByDomain[i.domain] = (indicatorsByDomain[i.domain] ?? 0) + 1;
  const targetsByKind: Record<string, number> = {};
  for (const t of planTargets) targetsByKind[t.kind] = (targetsByKind[t.kind] ?? 0) + 1;
  log(`The catalog holds ${catalog.length} indicators:`);
  for (const [domain, n] of Object.entries(indicatorsByDomain)) log(`  ${Domains[domain as keyof typeof Domains].zh.padEnd(10, '　')} ${n}`);
  log(`and ${planTargets.length} targets for 2015: ${Object.entries(targetsByKind).map(([k, n]) => `${n} ${k}`).join(', ')}.`);

  // 2. Trend versus the plan as written (deterministic).
  const context = createRunnerContext();
  const results = loadScenarios([join(scenarioDir, 'trend.yaml'), join(scenarioDir, 'plan.yaml')]).map((s) => runScenario(s, { context }));
  const headline = ['integration.level', 'urbanisation.rate', 'urbanisation.hukou-rate', 'land.transfer-share', 'insurance.migrant-coverage', 'administration.approval-items'];
  const change: Record<string, Record<string, number>> = {};
  log('\nChange 2010 → 2015 (trend | plan):');
  for (const id of headline) {
    change[id] = {};
    for (const r of results) {
      const at = (y: number) => r.rows.find((row) => row.output === id && row.year === y)?.value ?? NaN;
      change[id][r.scenario.id] = at(2015) - at(2010);
    }
    const name = catalog.find((i) => i.id === id)?.name.en ?? id;
    log(`  ${name.padEnd(44)} ${change[id].trend?.toFixed(2).padStart(7)} | ${change[id].plan?.toFixed(2).padStart(7)}`);
  }

  // 3. Which plan targets does each scenario meet?
  log('\nTargets met by 2015 (deterministic):');
  for (const r of results) {
    const met = r.attainment.filter((a) => a.class === 'met' || a.class === 'on-track').length;
    log(`  ${r.scenario.title.en.padEnd(24)} ${met} of ${r.attainment.length}`);
  }

  // 4. Two charts for a briefing.
  mkdirSync(outDir, { recursive: true });
  for (const id of ['integration.level', 'administration.approval-items']) {
    writeFileSync(join(outDir, `comparison-${id}.svg`), await render(charts.scenarioComparison(results, { indicator: id, lang: 'zh' }), 'svg'));
  }
  log(`\nCharts written to ${outDir}/`);
  return { indicatorsByDomain, targetsByKind, results, change };
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main(process.argv[2]);
