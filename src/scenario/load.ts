/**
 * Reading scenario files: parse, validate, follow `extends`, merge along the chain. Every problem
 * of every file is collected and reported at once, each with the file, the field path, the line
 * and column, the bad value and what was expected. Nothing is ever written.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { InputError, type InputProblem } from '../errors.js';
import type { ParamValue } from '../params/types.js';
import type { FullContext } from './context.js';
import { distributionSupport, isRelativeOverride, mergeOverride, scaleDistribution } from './merge.js';
import { messages, show } from './messages.js';
import { suggestIds } from '../util/suggest.js';
import { LIMITS } from '../limits.js';
import { parseSourceBytes, type ParsedSource, type PathSegment, readFailure, type SourceFormat } from './source.js';
import { toTarget } from './targets.js';
import type { DistributionSpec, ResolvedScenario, ScenarioFile, ScenarioSourceFile } from './types.js';
import { SCENARIO_ID_PATTERN, validateScenarioData } from './validate.js';

/** An InputProblem that also carries where in the file it is (1-based). */
export interface ScenarioProblem extends InputProblem {
  readonly line?: number;
  readonly column?: number;
}

/** The outcome of checking one scenario file: the resolved scenario, or its problems. */
export interface ScenarioCheck {
  /** The file as shown to users (relative to the working directory when inside it). */
  readonly file: string;
  readonly scenario: ResolvedScenario | null;
  /** Problems of this file and of the files it extends. */
  readonly problems: readonly ScenarioProblem[];
}

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
const hasScenarioExtension = (name: string): boolean => (SCENARIO_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
/** A reference that can name a bundled scenario: an id, not a path. */
const isBareId = (ref: string): boolean => SCENARIO_ID_PATTERN.test(ref);

/** Messages of the lookup by id (the file-level messages are in messages.ts). */
const lookupMessages = {
  notFound: (ref: string, lookedFor: readonly string[], bundled: string | null, suggestions: readonly string[]) =>
    `no scenario ${show(ref)} — looked for ${lookedFor.join(', ')}${bundled ? ` and ${bundled}` : ''}` +
    `${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
};

/** `targets[2].year`, `parameters.x.2013`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

interface FileRecord {
  readonly abs: string;
  readonly display: string;
  readonly hash: string | null;
  readonly parsed: ParsedSource | null;
  readonly file: ScenarioFile | null;
  /** The id as written, even if the file has other problems (to name it in an extends chain). */
  readonly rawId: string | null;
  readonly rawExtends: string | null;
  readonly problems: readonly ScenarioProblem[];
}

interface Resolution {
  readonly scenario: ResolvedScenario | null;
  readonly problems: readonly ScenarioProblem[];
}

/** Loads scenario files sharing one cache, so a parent read for several children is read once. */
export class ScenarioLoader {
  private readonly records = new Map<string, FileRecord>();
  private readonly resolutions = new Map<string, Resolution>();

  constructor(private readonly ctx: FullContext) {}

  /**
   * Checks one file (and the chain it extends). Never throws for bad input. A name without an
   * extension (`plan`) is looked up like `extends`: `plan.yaml`, `.yml`, `.json` in the working
   * directory, then the bundled scenario of that id.
   */
  check(file: string): ScenarioCheck {
    const given = resolve(this.ctx.cwd, file);
    const lookup = this.lookup(given, file);
    if (lookup.found === undefined && extname(file) === '' && !this.ctx.fs.exists(given)) {
      const display = lookup.lookedFor.map((c) => this.display(c));
      const problem = { file, path: '', message: lookupMessages.notFound(file, display, this.bundledList(), suggestIds(file, [...this.ctx.bundled.keys()])) };
      return { file, scenario: null, problems: [problem] };
    }
    const abs = (extname(file) === '' ? lookup.found : undefined) ?? given;
    const { scenario, problems } = this.resolveFile(abs);
    return { file: this.display(abs), scenario, problems: dedupe(problems) };
  }

  /** Checks several files; throws one InputError with every problem, including duplicate ids. */
  loadAll(files: readonly string[]): ResolvedScenario[] {
    const checks = files.map((f) => this.check(f));
    const problems = dedupe(checks.flatMap((c) => c.problems));
    const byId = new Map<string, string>();
    for (const c of checks) {
      if (!c.scenario) continue;
      const other = byId.get(c.scenario.id);
      if (other !== undefined && other !== c.file) {
        problems.push({ file: c.file, path: 'id', message: messages.duplicateId(c.scenario.id, other) });
      } else byId.set(c.scenario.id, c.file);
    }
    if (problems.length > 0) throw new InputError(problems);
    return checks.map((c) => c.scenario).filter((s): s is ResolvedScenario => s !== null);
  }

  private display(abs: string): string {
    const rel = relative(this.ctx.cwd, abs);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  }

  private read(abs: string): FileRecord {
    const cached = this.records.get(abs);
    if (cached) return cached;
    const record = this.readUncached(abs);
    this.records.set(abs, record);
    return record;
  }

  private readUncached(abs: string): FileRecord {
    const display = this.display(abs);
    const empty = { abs, display, hash: null, parsed: null, file: null, rawId: null, rawExtends: null };
    const ext = extname(abs).toLowerCase();
    if (!(SCENARIO_EXTENSIONS as readonly string[]).includes(ext)) {
      return { ...empty, problems: [{ file: display, path: '', message: messages.unsupportedExtension(ext || basename(abs)) }] };
    }
    let bytes: Uint8Array;
    try {
      bytes = this.ctx.fs.read(abs);
    } catch (err) {
      return { ...empty, problems: [{ file: display, path: '', message: readFailure(err) }] };
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const format: SourceFormat = ext === '.json' ? 'json' : 'yaml';
    const parsed = parseSourceBytes(bytes, format);
    if (parsed.syntaxErrors.length > 0) {
      const problems = parsed.syntaxErrors.map((e): ScenarioProblem =>
        e.position
          ? { file: display, path: '', message: messages.atLocation(e.message, e.position.line, e.position.column), ...e.position }
          : { file: display, path: '', message: e.message },
      );
      return { ...empty, hash, problems };
    }
    const data = parsed.data;
    const obj = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const rawId = typeof obj.id === 'string' ? obj.id : null;
    const rawExtends = typeof obj.extends === 'string' && obj.extends.trim() !== '' ? obj.extends.trim() : null;
    const { problems: local, file } = validateScenarioData(data, this.ctx);
    const problems = local.map((p): ScenarioProblem => {
      const position = parsed.locate(p.path, p.focus);
      const path = formatPath(p.path);
      return position
        ? { file: display, path, message: messages.atLocation(p.message, position.line, position.column), ...position }
        : { file: display, path, message: p.message };
    });
    return { abs, display, hash, parsed, file, rawId, rawExtends, problems: byPosition(problems) };
  }

  private problemAt(record: FileRecord, path: readonly PathSegment[], message: string): ScenarioProblem {
    const position = record.parsed?.locate(path, 'value') ?? null;
    const p = formatPath(path);
    return position
      ? { file: record.display, path: p, message: messages.atLocation(message, position.line, position.column), ...position }
      : { file: record.display, path: p, message };
  }

  /**
   * Where a reference points: `base` as given when it ends in a scenario extension, else
   * `base.yaml`, `base.yml`, `base.json`, then — for a bare id — the bundled scenario of that id.
   * `found` is the first that exists; `lookedFor` the files tried (the bundled one not included).
   */
  private lookup(base: string, ref: string): { found: string | undefined; lookedFor: string[] } {
    const lookedFor = hasScenarioExtension(ref) ? [base] : SCENARIO_EXTENSIONS.map((e) => `${base}${e}`);
    const found = lookedFor.find((c) => this.ctx.fs.exists(c)) ?? (isBareId(ref) ? this.ctx.bundled.get(ref) : undefined);
    return { found, lookedFor };
  }

  /** "the bundled scenarios (trend, plan, …)", for messages; null when there are none. */
  private bundledList(): string | null {
    return this.ctx.bundled.size > 0 ? `the bundled scenarios (${[...this.ctx.bundled.keys()].join(', ')})` : null;
  }

  /** The file `record` extends (a sibling file, or a bundled scenario), or the problem with its `extends`. */
  private findParent(record: FileRecord, ref: string): { found: string } | { problem: ScenarioProblem } {
    const { found, lookedFor } = this.lookup(resolve(dirname(record.abs), ref), ref);
    if (found !== undefined) return { found };
    const dir = dirname(lookedFor[0] ?? record.abs);
    const siblings = this.ctx.fs
      .list(dir)
      .filter((n) => hasScenarioExtension(n))
      .map((n) => basename(n, extname(n)))
      .filter((n) => n !== 'scenario.schema');
    const bundled = this.bundledList();
    const shown = [...lookedFor.map((c) => this.display(c)), ...(bundled && isBareId(ref) ? [bundled] : [])];
    const known = [...new Set([...siblings, ...this.ctx.bundled.keys()])];
    return { problem: this.problemAt(record, ['extends'], messages.extendsNotFound(ref, shown, suggestIds(basename(ref), known))) };
  }

  /**
   * Resolves `abs` and the chain it extends without recursion: first the chain is followed up to
   * a file without `extends` (or one resolved before, or a missing, circular or too long link),
   * then the files are resolved from the top down, each merged onto its parent.
   */
  private resolveFile(abs: string): Resolution {
    const done = this.resolutions.get(abs);
    if (done) return done;
    const chain: string[] = []; // abs first, then its parent, …
    let top: Resolution | null = null; // the resolution above the chain's last file, when known
    let topProblem: ScenarioProblem | null = null; // what is wrong with the last file's extends
    for (let current = abs; ; ) {
      chain.push(current);
      const record = this.read(current);
      if (record.rawExtends === null) break;
      const parent = this.findParent(record, record.rawExtends);
      if ('problem' in parent) {
        topProblem = parent.problem;
        break;
      }
      const loop = chain.indexOf(parent.found);
      if (loop >= 0) {
        const names = [...chain.slice(loop), parent.found].map((f) => this.nameOf(f));
        topProblem = this.problemAt(record, ['extends'], messages.extendsCircular(names));
        break;
      }
      if (chain.length >= LIMITS.extendsDepth.value) {
        // Only the file asked for is judged: the files part-way up may have short enough chains.
        const problem = this.problemAt(this.read(abs), ['extends'], messages.extendsTooDeep(chain.map((f) => this.nameOf(f))));
        return { scenario: null, problems: [problem] };
      }
      top = this.resolutions.get(parent.found) ?? null;
      if (top) break;
      current = parent.found;
    }
    let result: Resolution = top ?? { scenario: null, problems: [] };
    for (let i = chain.length - 1; i >= 0; i--) {
      const file = chain[i] as string;
      const parent = i === chain.length - 1 ? top : result;
      result = this.resolveOne(this.read(file), parent, i === chain.length - 1 ? topProblem : null);
      this.resolutions.set(file, result);
    }
    return result;
  }

  /** One file merged onto its parent's resolution (null: it extends nothing). */
  private resolveOne(record: FileRecord, parent: Resolution | null, extendsProblem: ScenarioProblem | null): Resolution {
    const problems: ScenarioProblem[] = [...record.problems];
    if (extendsProblem) problems.push(extendsProblem);
    if (parent) problems.push(...parent.problems);
    const parentFailed = extendsProblem !== null || (parent !== null && parent.scenario === null);

    // Own problems in file order (the extends problem joins them), the parent's after.
    const own = byPosition(problems.filter((p) => p.file === record.display));
    problems.splice(0, problems.length, ...own, ...problems.filter((p) => p.file !== record.display));
    let scenario: ResolvedScenario | null = null;
    if (problems.length === 0 && !parentFailed && record.file && record.hash !== null) {
      scenario = this.merge(record, record.file, record.hash, parent?.scenario ?? null);
      problems.push(...this.checkMerged(record, record.file, scenario));
    }
    return problems.length > 0 ? { scenario: null, problems: dedupe(problems) } : { scenario, problems: [] };
  }

  /** Problems that only show once the chain is merged. */
  private checkMerged(record: FileRecord, file: ScenarioFile, s: ResolvedScenario): ScenarioProblem[] {
    const problems: ScenarioProblem[] = [];
    for (const id of Object.keys(s.uncertainty)) {
      const value = s.parameters[id];
      if (value === undefined || typeof value === 'number') continue;
      // Point at whichever of the two this file wrote (both come from a parent only if it failed too).
      const path = file.uncertainty?.[id] !== undefined ? ['uncertainty', id] : ['parameters', id];
      problems.push(this.problemAt(record, path, messages.uncertainScheduled(id, value)));
    }
    for (const [id, value] of Object.entries(file.parameters ?? {})) {
      const lever = this.ctx.params.get(id);
      if (!lever || !isRelativeOverride(value)) continue;
      const merged = s.parameters[id];
      const values = merged === undefined ? [] : typeof merged === 'number' ? [merged] : Object.values(merged);
      const spread = file.uncertainty?.[id] === undefined ? s.uncertainty[id] : undefined;
      const support = spread ? distributionSupport(spread) : null;
      for (const v of support ? [...values, support.min, support.max] : values) {
        if (v < lever.range.min || v > lever.range.max || (lever.integer && !Number.isInteger(v)))
          problems.push(this.problemAt(record, ['parameters', id], messages.scaledOutOfRange(value.scale, v, id, lever.range.min, lever.range.max, lever.unit)));
      }
    }
    const parentId = s.chain[s.chain.length - 2];
    for (const [id, value] of Object.entries(file.parameters ?? {})) {
      const inherited = s.uncertainty[id];
      if (parentId === undefined || inherited === undefined || typeof value !== 'number' || file.uncertainty?.[id] !== undefined) continue;
      problems.push(this.problemAt(record, ['parameters', id], messages.inheritedDistribution(id, parentId, inherited)));
    }
    return problems;
  }

  private nameOf(abs: string): string {
    return this.records.get(abs)?.rawId ?? basename(abs, extname(abs));
  }

  private merge(record: FileRecord, file: ScenarioFile, hash: string, parent: ResolvedScenario | null): ResolvedScenario {
    const parameters: Record<string, ParamValue> = { ...(parent?.parameters ?? {}) };
    const relativeToDefault: Record<string, number> = { ...(parent?.relativeToDefault ?? {}) };
    for (const [id, value] of Object.entries(file.parameters ?? {})) {
      const fromDefault = parameters[id] === undefined ? 1 : relativeToDefault[id];
      if (isRelativeOverride(value) && fromDefault !== undefined) relativeToDefault[id] = fromDefault * value.scale;
      else delete relativeToDefault[id];
      const lever = this.ctx.params.get(id);
      if (!lever) throw new Error(`lever ${id} passed validation but is unknown`);
      const inherited = parameters[id] ?? lever.default;
      parameters[id] = mergeOverride(inherited, value, lever.interpolation ?? 'step', this.ctx.start);
    }
    const uncertainty: Record<string, DistributionSpec> = { ...(parent?.uncertainty ?? {}), ...(file.uncertainty ?? {}) };
    // A relative override moves an inherited spread with the lever, unless the file gives its own.
    for (const [id, value] of Object.entries(file.parameters ?? {})) {
      const inherited = parent?.uncertainty[id];
      if (inherited && isRelativeOverride(value) && file.uncertainty?.[id] === undefined) uncertainty[id] = scaleDistribution(inherited, value.scale);
    }
    const ownTargets = (file.targets ?? []).map((spec, i) =>
      toTarget(spec, this.ctx.indicators.find(spec.indicator), {
        scenarioId: file.id,
        file: record.display,
        index: i + 1,
        line: record.parsed?.locate(['targets', i])?.line ?? 0,
        text: record.parsed?.textAt(['targets', i]) ?? JSON.stringify(spec),
      }),
    );
    const sources: ScenarioSourceFile[] = [...(parent?.sources ?? []), { id: file.id, file: record.abs, hash }];
    return {
      id: file.id,
      title: { zh: file.title.zh, en: file.title.en },
      description: file.description ? { zh: file.description.zh, en: file.description.en } : null,
      file: record.abs,
      hash,
      chain: [...(parent?.chain ?? []), file.id],
      parameters,
      relativeToDefault,
      uncertainty,
      montecarlo: file.montecarlo ? { runs: file.montecarlo.runs, seed: file.montecarlo.seed } : (parent?.montecarlo ?? null),
      targets: [...(parent?.targets ?? []), ...ownTargets],
      sources,
    };
  }
}

/** Problems of one file in the order they appear in it (stable for problems at the same place). */
function byPosition<T extends ScenarioProblem>(problems: readonly T[]): T[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

function dedupe<T extends InputProblem>(problems: readonly T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
