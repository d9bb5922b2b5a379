/**
 * What every benchmark section shares: a report that collects figures (printed as one table and
 * written to out/bench.json) and the timing helpers. Sections never compare against a fixed
 * number of milliseconds: each speed figure is a ratio to a reference timed in the same process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export class BenchReport {
  private readonly rows: [string, string, string][] = [];
  readonly data: Record<string, unknown>;

  constructor(header: Record<string, unknown>) {
    this.data = { ...header };
  }

  /** One figure: stored under `key` (if given) and printed as a row. */
  record(key: string | null, label: string, value: number, unit: string, digits = 1): void {
    if (key !== null) this.data[key] = value;
    this.rows.push([label, Number.isFinite(value) ? value.toFixed(digits) : String(value), unit]);
  }

  /** A row of text only (a heading or a table line). */
  line(text: string): void {
    this.rows.push([text, '', '']);
  }

  print(): void {
    const w = Math.max(...this.rows.filter((r) => r[1] !== '').map((r) => r[0].length));
    console.log(this.rows.map(([k, v, u]) => (v === '' ? k : `${k.padEnd(w)}  ${v.padStart(12)} ${u}`)).join('\n'));
  }

  write(dir = 'out'): string {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'bench.json');
    writeFileSync(file, `${JSON.stringify(this.data, null, 2)}\n`);
    return file;
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Median wall time (ms) of `reps` repetitions after one warm-up. */
export async function timeIt(body: () => unknown, reps = 5): Promise<number> {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await body();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Wall time (ms) of `count` calls of `body`. */
export function timeCalls(body: () => void, count: number): number {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) body();
  return performance.now() - t0;
}

/**
 * Time per call of `a` over time per call of `b`, measured in interleaved pairs of samples (so a
 * burst of load on a shared machine hits both sides alike); the median over the pairs. Each side
 * is first warmed up (JIT) for about `warmMs`, then each sample runs about `sampleMs`.
 */
export function pairedRatio(
  a: () => void,
  b: () => void,
  { pairs = 9, warmMs = 300, sampleMs = 60 }: { pairs?: number; warmMs?: number; sampleMs?: number } = {},
): { ratio: number; aMs: number; bMs: number } {
  const callsFor = (f: () => void): number => {
    let calls = 0;
    const t0 = performance.now();
    do {
      f();
      calls++;
    } while (performance.now() - t0 < warmMs);
    const perCall = (performance.now() - t0) / calls;
    return Math.max(1, Math.round(sampleMs / perCall));
  };
  const na = callsFor(a);
  const nb = callsFor(b);
  const ratios: number[] = [];
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let p = 0; p < pairs; p++) {
    // Alternate which side goes first, so neither always runs on a warmer cache.
    const first = p % 2 === 0;
    const ta = first ? timeCalls(a, na) / na : NaN;
    const tb = timeCalls(b, nb) / nb;
    const ta2 = first ? ta : timeCalls(a, na) / na;
    aTimes.push(ta2);
    bTimes.push(tb);
    ratios.push(ta2 / tb);
  }
  return { ratio: median(ratios), aMs: median(aTimes), bMs: median(bTimes) };
}
