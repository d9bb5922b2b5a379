/**
 * The files of `hzsim run --out DIR` (the README lists them): results.csv,
 * results.json, attainment.csv, manifest.json. All contents are prepared in memory
 * (prepareRunOutputs, pure) before anything is written, then written atomically. Formatting is
 * fixed (12 significant digits, stable key order, no timestamps) so the same scenario files and
 * seed give byte-identical files.
 */
import { relative, sep } from 'node:path';
import type { SimOptions } from '../engine/types.js';
import type { ParamRecord, ParamValue } from '../params/types.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { writeFilesAtomic } from '../util/atomic.js';
import { type CsvField, roundNumber, toCsv } from '../util/csv.js';
import { PACKAGE_VERSION } from '../version.js';
import type { AttainmentThresholds } from './attainment.js';
import type { OutputInfo } from './context.js';
import type { ScenarioResult, Statistic } from './types.js';
import { CLASS_LABELS } from './vocabulary.js';

export const RESULTS_CSV_HEADER = ['scenario', 'output', 'name_zh', 'name_en', 'unit', 'year', 'statistic', 'value'] as const;
export const ATTAINMENT_CSV_HEADER = [
  'scenario', 'target', 'origin', 'kind', 'indicator', 'year', 'label_zh', 'label_en',
  'projected', 'required', 'gap', 'year_reached', 'class', 'probability',
  'class_zh', 'class_en', 'met', 'p_on_track', 'basis', 'reference_pace',
  'additionality', 'additionality_p05', 'additionality_p95', 'versus_trend',
] as const;

export interface ManifestInfo {
  /** The scenarios run, in result order. */
  readonly scenarios: readonly ResolvedScenario[];
  readonly params: readonly ParamRecord[];
  readonly describeOutput: (id: string) => OutputInfo | undefined;
  /** The simulation options actually used (the compiled model's). */
  readonly simOptions: Required<SimOptions>;
  readonly thresholds: AttainmentThresholds;
  /** Scenario paths are recorded relative to this directory (with '/'), so manifests compare across checkouts. */
  readonly cwd: string;
}

export const RUN_OUTPUT_FILES = ['results.csv', 'results.json', 'attainment.csv', 'manifest.json'] as const;

/** The contents of every output file, in memory. */
export function prepareRunOutputs(results: readonly ScenarioResult[], info: ManifestInfo): Map<string, string> {
  const files = new Map<string, string>();
  files.set('results.csv', resultsCsv(results, info));
  files.set('results.json', json(resultsJson(results, info)));
  files.set('attainment.csv', attainmentCsv(results));
  files.set('manifest.json', json(manifest(results, info)));
  return files;
}

/** Writes the four files into `dir` atomically; returns their paths. */
export function writeRunOutputs(dir: string, results: readonly ScenarioResult[], info: ManifestInfo): string[] {
  return writeFilesAtomic(dir, prepareRunOutputs(results, info));
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function resultsCsv(results: readonly ScenarioResult[], info: ManifestInfo): string {
  const rows: CsvField[][] = [];
  for (const result of results) {
    for (const row of result.rows) {
      const d = info.describeOutput(row.output);
      rows.push([row.scenario, row.output, d?.name.zh ?? '', d?.name.en ?? '', d?.unit ?? '', row.year, row.statistic, row.value]);
    }
  }
  return toCsv(RESULTS_CSV_HEADER, rows);
}

function attainmentCsv(results: readonly ScenarioResult[]): string {
  const rows: CsvField[][] = [];
  for (const result of results) {
    for (const a of result.attainment) {
      rows.push([
        a.scenario, a.target, a.origin, a.kind, a.indicator, a.year, a.label.zh, a.label.en,
        a.projected, a.required, a.gap, a.yearReached, a.class, a.probability,
        CLASS_LABELS[a.class].zh, CLASS_LABELS[a.class].en, a.met === undefined ? null : String(a.met), a.probabilityOnTrack ?? null,
        a.basis ?? null, a.referencePace ?? null, a.additionality ?? null, a.additionalityLow ?? null, a.additionalityHigh ?? null, a.versusTrend ?? null,
      ]);
    }
  }
  return toCsv(ATTAINMENT_CSV_HEADER, rows);
}

function resultsJson(results: readonly ScenarioResult[], info: ManifestInfo): unknown {
  return {
    package: { name: 'hangzhou-reform-sim', version: PACKAGE_VERSION },
    scenarios: results.map((r) => {
      const yearIndex = new Map(r.years.map((y, i) => [y, i]));
      const outputs = new Map<string, Map<Statistic, (number | null)[]>>();
      for (const row of r.rows) {
        let stats = outputs.get(row.output);
        if (!stats) outputs.set(row.output, (stats = new Map()));
        let values = stats.get(row.statistic);
        if (!values) stats.set(row.statistic, (values = r.years.map(() => null)));
        values[yearIndex.get(row.year) ?? -1] = roundNumber(row.value);
      }
      return {
        id: r.scenario.id,
        title: { zh: r.scenario.title.zh, en: r.scenario.title.en },
        mode: r.mode,
        runs: r.runs,
        seed: r.seed,
        uncertainty: r.uncertainty ? { mode: r.uncertainty.mode, levers: r.uncertainty.levers } : null,
        years: r.years,
        outputs: [...outputs].map(([id, stats]) => {
          const d = info.describeOutput(id);
          return { id, name: d ? { zh: d.name.zh, en: d.name.en } : null, unit: d?.unit ?? null, statistics: Object.fromEntries(stats) };
        }),
        attainment: r.attainment.map((a) => ({
          target: a.target,
          origin: a.origin,
          kind: a.kind,
          indicator: a.indicator,
          year: a.year,
          label: { zh: a.label.zh, en: a.label.en },
          projected: roundOrNull(a.projected),
          required: roundOrNull(a.required),
          gap: roundOrNull(a.gap),
          yearReached: a.yearReached,
          class: a.class,
          probability: roundOrNull(a.probability),
          met: a.met ?? null,
          probabilityOnTrack: roundOrNull(a.probabilityOnTrack ?? null),
          basis: a.basis ?? null,
          referencePace: roundOrNull(a.referencePace ?? null),
          additionality: roundOrNull(a.additionality ?? null),
          additionalityLow: roundOrNull(a.additionalityLow ?? null),
          additionalityHigh: roundOrNull(a.additionalityHigh ?? null),
          versusTrend: a.versusTrend ?? null,
        })),
      };
    }),
  };
}

const roundOrNull = (v: number | null): number | null => (v === null ? null : roundNumber(v));

/** Object with keys sorted (integer-like keys sort numerically by JS anyway). */
const sortedRecord = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k] as T]));

function manifest(results: readonly ScenarioResult[], info: ManifestInfo): unknown {
  const resultById = new Map(results.map((r) => [r.scenario.id, r]));
  const shownPath = (file: string): string => relative(info.cwd, file).split(sep).join('/');
  return {
    package: { name: 'hangzhou-reform-sim', version: PACKAGE_VERSION },
    simulation: {
      start: info.simOptions.start,
      until: info.simOptions.until,
      dt: info.simOptions.dt,
      method: info.simOptions.method,
    },
    thresholds: { onTrack: info.thresholds.onTrack, moderate: info.thresholds.moderate },
    randomStreams: "run i of seed s draws from seedrandom('hzsim:<s>:<i>') (ARC4), uncertain levers in id order",
    scenarios: info.scenarios.map((s) => {
      const r = resultById.get(s.id);
      const effective: Record<string, ParamValue> = {};
      for (const p of [...info.params].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) effective[p.id] = s.parameters[p.id] ?? p.default;
      return {
        id: s.id,
        file: shownPath(s.file),
        sha256: s.hash,
        chain: s.chain,
        mode: r?.mode ?? null,
        runs: r?.runs ?? null,
        seed: r?.seed ?? null,
        uncertaintyDrawn: r?.uncertainty ? { mode: r.uncertainty.mode, levers: r.uncertainty.levers } : null,
        parameters: sortedRecord(s.parameters),
        uncertainty: sortedRecord(s.uncertainty),
        effectiveParameters: effective,
      };
    }),
  };
}
