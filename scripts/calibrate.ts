/**
 * `npm run calibrate`: fits the lever defaults the published figures up to 2013 can inform
 * (src/analysis/lever-calibration.ts) on scenarios/as-happened.yaml and writes
 * data/calibration/hangzhou.json, which the lever defaults read (src/params/calibration.ts).
 * Deterministic: the same data and settings give the same file. After a change, regenerate the
 * model reference (`npm run docs`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrateLevers, CALIBRATION_FILE } from '../src/analysis/lever-calibration.js';
import { readObserved } from '../src/data/observed.js';
import { loadScenario } from '../src/scenario/index.js';

const root = join(import.meta.dirname, '..');
const result = await calibrateLevers({ rows: readObserved(), scenario: loadScenario(join(root, 'scenarios/as-happened.yaml')) });
writeFileSync(join(root, CALIBRATION_FILE), `${JSON.stringify(result, null, 2)}\n`);
for (const l of result.levers) {
  const value = l.fitted === null ? '—' : l.fitted.toPrecision(4);
  const interval = l.interval ? `${l.interval[0].toPrecision(4)}–${l.interval[1].toPrecision(4)}` : '—';
  console.log(`${l.lever.padEnd(32)} assumed ${String(l.assumed).padStart(8)}  fitted ${value.padStart(9)}  95% ${interval.padEnd(20)} ${l.verdict}`);
}
console.log(`wrote ${CALIBRATION_FILE}`);
