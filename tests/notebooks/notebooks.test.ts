/**
 * The notebooks are runnable analyses written up as pages; these tests execute each one (quick run
 * counts) into a temporary folder and check what it concludes — so a notebook that stops working
 * or starts saying something false fails — and that its page is a valid self-contained document:
 * one HTML file referring to nothing outside itself, Markdown whose every image is a PNG beside it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { attainmentOf, catalog, formatValue, planTargets, statisticAt, type NotebookFiles, type ScenarioResult } from 'hangzhou-reform-sim';
import { main as planAtAGlance } from '../../notebooks/01-plan-at-a-glance.js';
import { main as approvalsOdds } from '../../notebooks/02-approvals-target-odds.js';
import { main as hukouSensitivity } from '../../notebooks/03-hukou-gap-sensitivity.js';
import { main as hukouAndLand } from '../../notebooks/04-hukou-and-land.js';
import { main as insuranceUncertainty } from '../../notebooks/05-insurance-under-uncertainty.js';
import { main as whatItTakes } from '../../notebooks/06-what-it-takes.js';
import { NOTEBOOKS } from '../../notebooks/all.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-notebooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quick = { quick: true, log: (): void => {} };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Everything that makes a notebook page not a self-contained document, one sentence each. */
function pageProblems(files: NotebookFiles): string[] {
  const problems: string[] = [];
  const html = readFileSync(files.html, 'utf8');
  if (!html.startsWith('<!doctype html>')) problems.push('the HTML does not start with <!doctype html>');
  if (!/<html lang="(en|zh-CN)">/.test(html)) problems.push('no <html lang>');
  if (!/<meta charset="utf-8">/.test(html)) problems.push('no charset');
  if (!html.trimEnd().endsWith('</html>')) problems.push('the HTML does not end with </html>');
  // Nothing loaded from anywhere: no src/href to a file or URL in the markup (inlined script code
  // left out: vega's own code builds URLs it never fetches here), no <link>, no CSS @import.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  for (const m of markup.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)) if (!m[1]!.startsWith('#')) problems.push(`refers to ${m[1]}`);
  if (/<link\b/i.test(markup)) problems.push('has a <link> element');
  if (/@import/.test(markup)) problems.push('has a CSS @import');
  // Every chart box has its spec, and the vega runtime is inlined.
  const boxes = [...html.matchAll(/<div class="chart" data-chart="([^"]+)" data-spec="([^"]+)">/g)];
  if (boxes.length !== files.pngs.length) problems.push(`${boxes.length} chart boxes for ${files.pngs.length} PNGs`);
  for (const [, name, spec] of boxes) {
    const json = new RegExp(`<script type="application/json" id="${spec}">([\\s\\S]*?)</script>`).exec(html)?.[1];
    if (json === undefined) problems.push(`chart ${name}: no spec`);
    else if (!(JSON.parse(json) as { $schema?: string }).$schema?.includes('vega-lite')) problems.push(`chart ${name}: the spec is not Vega-Lite`);
  }
  if (boxes.length > 0 && !html.includes('vegaEmbed')) problems.push('charts but no vega-embed runtime');
  // Markdown: every image is a PNG file beside it.
  const md = readFileSync(files.markdown, 'utf8');
  const images = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
  if (images.length !== files.pngs.length) problems.push(`${images.length} images in the Markdown for ${files.pngs.length} PNGs`);
  for (const image of images) {
    const file = join(dirname(files.markdown), image);
    if (image.includes('/') || !existsSync(file)) problems.push(`the Markdown image ${image} is not a file beside it`);
    else if (!readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)) problems.push(`${image} is not a PNG`);
  }
  for (const png of files.pngs) if (!images.includes(basename(png))) problems.push(`${basename(png)} is not shown in the Markdown`);
  return problems;
}

describe('notebook 01: the plan at a glance', () => {
  it('counts every indicator and target, the plan cuts approvals by 20 % where the trend does not, and writes its page', async () => {
    const r = await planAtAGlance(join(dir, '01'), quick);
    expect(Object.values(r.indicatorsByDomain).reduce((a, b) => a + b, 0)).toBe(catalog.length);
    expect(Object.values(r.targetsByKind).reduce((a, b) => a + b, 0)).toBe(planTargets.length);
    const approvals = r.change['administration.approval-items']!;
    expect(approvals.plan).toBeLessThanOrEqual(-20); // plan.yaml sets the even-pace rate −ln(0.8)/5
    expect(approvals.trend).toBeGreaterThan(-20);
    expect(pageProblems(r.files)).toEqual([]);
    const md = readFileSync(r.files.markdown, 'utf8');
    expect(md).toContain(`The catalog holds ${catalog.length} indicators`);
    expect(md).toContain('the plan’s even-pace reading of line 251 meets the −20 % cut, which the trend alone would not reach.');
  });
});

describe('notebook 02: odds of the −20 % approvals target', () => {
  it('goal-seeks the rate the closed form gives, ranks the odds accelerated > plan > stalled, and states them in the page', async () => {
    const r = await approvalsOdds(join(dir, '02'), quick);
    // 100·(1 − r/12)^60 = 80 under monthly Euler steps of continuous abolition.
    expect(r.goal.status).toBe('found');
    expect(r.requiredRate).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 8);
    expect(Math.abs(r.goal.achieved - 80)).toBeLessThan(1e-6);
    const p = r.probability;
    expect(p.accelerated).toBeGreaterThan(p.plan!);
    expect(p.plan).toBeGreaterThan(p.stalled!);
    expect(pageProblems(r.files)).toEqual([]);
    const md = readFileSync(r.files.markdown, 'utf8');
    expect(md).toContain(`A constant reduction rate of ${r.requiredRate.toFixed(5)} a year`);
    expect(md).toMatch(/Under the plan as written the 2015 index is median \d+(\.\d)?, 90 % of runs between \d+(\.\d)? and \d+(\.\d)?/);
    expect(md).toContain(`(P(met) ${Math.round(p.plan! * 100)} %)`);
  });
});

describe('notebook 03: hukou-gap sensitivity', () => {
  it('finds that faster conversion narrows the gap, agrees between OAT and Morris on the top lever, and writes both charts', async () => {
    const r = await hukouSensitivity(join(dir, '03'), quick);
    const swings = r.oat.outputs[0]!.swings;
    const swing = (id: string) => swings.find((s) => s.input === id)!;
    // More conversion to urban hukou → fewer town dwellers without it → a smaller gap.
    expect(swing('hukou_conv_rate_plan_area').high.result).toBeLessThan(swing('hukou_conv_rate_plan_area').low.result);
    // More rural people moving to towns without converting → a larger gap.
    expect(swing('rural_urban_move_rate').high.result).toBeGreaterThan(r.baseline);
    for (const s of swings) expect(Number.isFinite(s.low.result) && Number.isFinite(s.high.result)).toBe(true);
    expect(swings.some((s) => s.input.startsWith('init_'))).toBe(false);
    expect(r.morris.outputs[0]!.effects[0]!.input).toBe(swings[0]!.input);
    expect(pageProblems(r.files)).toEqual([]);
    expect(r.files.pngs.map((f) => basename(f))).toEqual(['tornado-hukou-gap.png', 'morris-hukou-gap.png']);
    expect(readFileSync(r.files.markdown, 'utf8')).toContain('Both methods put “Rural-to-town move rate” first.');
  });
});

const at = (r: ScenarioResult, id: string, stat: 'value' | 'p05' | 'p95' = 'value'): number => statisticAt(r, id, 2015, stat)!;

describe('notebook 04: hukou and land together', () => {
  it('each reform first leads in its own domain, the swaps add what the counterfactuals say, and the page states the model’s numbers', async () => {
    const r = await hukouAndLand(join(dir, '04'), quick);
    const byId = new Map([...r.results, ...r.counterfactuals].map((x) => [x.scenario.id, x]));
    const [plan, hukouFirst, noHomestead, noLand] = ['plan', 'hukou-first', 'plan-no-homestead-swaps', 'plan-no-land-swaps'].map((id) => byId.get(id)!) as [ScenarioResult, ScenarioResult, ScenarioResult, ScenarioResult];
    expect(at(hukouFirst, 'urbanisation.hukou-rate')).toBeGreaterThan(at(plan, 'urbanisation.hukou-rate'));
    expect(r.quotaGenerated['land-first']).toBeGreaterThan(r.quotaGenerated.plan!);
    // A homestead swap makes a new citizen and frees land for quota; without it, fewer of both.
    expect(at(plan, 'population.reform-citizens')).toBeGreaterThan(at(noHomestead, 'population.reform-citizens'));
    expect(r.quotaGenerated.plan).toBeGreaterThan(r.quotaGenerated['plan-no-homestead-swaps']!);
    // Land-for-insurance swappers exist only where the swap is offered, and transfer their land.
    expect(r.landSwapInsured.plan).toBeGreaterThan(0);
    expect(r.landSwapInsured['plan-no-land-swaps']).toBe(0);
    expect(at(plan, 'land.transfer-share')).toBeGreaterThan(at(noLand, 'land.transfer-share'));
    expect(r.landSwapInsured['land-first']).toBeGreaterThan(r.landSwapInsured.plan!);
    expect(pageProblems(r.files)).toEqual([]);
    const md = readFileSync(r.files.markdown, 'utf8');
    expect(md).toContain(`Under the plan, ${formatValue(r.landSwapInsured.plan)} people insured through a land-for-insurance swap are alive at the end of 2015`);
    expect(r.files.pngs.map((f) => basename(f))).toContain('quota-ledger-land-first.png');
  });
});

describe('notebook 05: insurance under uncertainty', () => {
  it('drawing every assumption widens the coverage ranges, and the screened drivers are assumptions, not the plan’s delivery levers', async () => {
    const r = await insuranceUncertainty(join(dir, '05'), quick);
    const plan = r.runs.plan!;
    const width = (x: ScenarioResult) => at(x, 'insurance.migrant-coverage', 'p95') - at(x, 'insurance.migrant-coverage', 'p05');
    expect(plan.all.uncertainty?.mode).toBe('all');
    expect(plan.scenario.uncertainty?.mode).toBe('scenario');
    expect(width(plan.all)).toBeGreaterThan(width(plan.scenario));
    for (const id of ['approval_reduction_rate', 'hukou_conv_rate_migrant', 'milestone_hzbank_listing_year', 'hukou_eligibility_share']) expect(r.assumptions).not.toContain(id);
    expect(r.screening.outputs.map((o) => o.output.id)).toEqual(['insurance.migrant-coverage', 'insurance.pension.residents', 'insurance.medical.urban-employee']);
    for (const o of r.screening.outputs) expect(r.assumptions).toContain(o.effects[0]!.input);
    expect(pageProblems(r.files)).toEqual([]);
    const md = readFileSync(r.files.markdown, 'utf8');
    expect(md).toMatch(/Migrant workers’ coverage under the plan in 2015: median [\d.]+, 90 % of runs between [\d.]+ and [\d.]+ when only delivery is drawn/);
  });
});

describe('notebook 06: what it takes', () => {
  it('finds the approvals rate of the closed form, a hukou rate that meets the gap target, and 80 % odds that a Monte Carlo at the found value confirms', async () => {
    const r = await whatItTakes(join(dir, '06'), quick);
    // The approvals index depends on its reduction rate alone.
    expect(r.approvalsLevers).toEqual(['approval_reduction_rate']);
    expect(r.approvalsRate.status).toBe('found');
    expect(r.approvalsRate.value).toBeCloseTo(12 * (1 - 0.8 ** (1 / 60)), 8);
    // The hukou rate found brings the gap to what the target requires; 80 % odds need more than certainty in the planned run.
    expect(r.hukouRate.status).toBe('found');
    expect(Math.abs(r.hukouRate.achieved - r.gapRequired)).toBeLessThan(1e-6);
    expect(r.hukouRate80.status).toBe('found');
    expect(r.hukouRate80.achieved).toBeGreaterThanOrEqual(0.8);
    expect(r.hukouRate80.value).toBeGreaterThan(r.hukouRate.value);
    expect(attainmentOf(r.hukouCheck, 'urbanisation.hukou-gap.narrow').probability).toBeGreaterThanOrEqual(0.8);
    // Approvals with 80 % odds: the delivery distribution scaled up, by more than 1.
    expect(r.approvalsScale80.status).toBe('found');
    expect(r.approvalsScale80.value).toBeGreaterThan(1);
    expect(r.approvalsScale80.achieved).toBeGreaterThanOrEqual(0.8);
    expect(pageProblems(r.files)).toEqual([]);
    const md = readFileSync(r.files.markdown, 'utf8');
    expect(md).toContain(`at a reduction rate of ${formatValue(r.approvalsRate.value)} a year`);
    expect(md).toContain(`80 % of runs meet the target from ${formatValue(r.hukouRate80.value)} a year`);
    expect(md).toMatch(/At that value the 2015 gap is median [\d.]+, 90 % of runs between [\d.]+ and [\d.]+/);
  });
});

describe('README, “Notebooks”', () => {
  it('its own-notebook example writes the page, the Markdown and the PNG it says', async () => {
    const root = resolve(fileURLToPath(import.meta.url), '../../..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Notebooks')))?.[1];
    expect(code).toBeDefined();
    // As a module importing the sources, writing into .cache/test (tests never write into out/).
    const work = join(root, '.cache', 'test', 'readme-notebook');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const file = join(work, 'example.ts');
    writeFileSync(file, code!.replace("from 'hangzhou-reform-sim'", `from ${JSON.stringify(pathToFileURL(join(root, 'src', 'index.ts')).href)}`).replace("'out/my-notebook'", JSON.stringify(join(work, 'page'))));
    await import(pathToFileURL(file).href);
    expect(readdirSync(join(work, 'page')).sort()).toEqual(['fan.png', 'my-notebook.html', 'my-notebook.md']);
    expect(pageProblems({ html: join(work, 'page', 'my-notebook.html'), markdown: join(work, 'page', 'my-notebook.md'), pngs: [join(work, 'page', 'fan.png')] })).toEqual([]);
    expect(readFileSync(join(work, 'page', 'my-notebook.md'), 'utf8')).toMatch(/The 2015 index: median \d+(\.\d)?, 90 % of runs between \d+(\.\d)? and \d+(\.\d)?\./);
  });
});

describe('the notebook runner', () => {
  it('lists every notebook file once, in order', () => {
    const files = readdirSync(join(import.meta.dirname, '..', '..', 'notebooks')).filter((f) => /^\d\d-.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(NOTEBOOKS.map((n) => n.id)).toEqual(files.sort());
  });

  it('the page check finds what is wrong with a page that is not self-contained', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'x.html'), '<!doctype html>\n<html lang="en"><meta charset="utf-8"><script src="https://cdn.example/vega.js"></script></html>\n');
    writeFileSync(join(bad, 'x.md'), '# x\n\n![a chart](charts/a.png)\n');
    expect(pageProblems({ html: join(bad, 'x.html'), markdown: join(bad, 'x.md'), pngs: [] })).toEqual([
      'refers to https://cdn.example/vega.js',
      '1 images in the Markdown for 0 PNGs',
      'the Markdown image charts/a.png is not a file beside it',
    ]);
  });
});
