/**
 * What the runner needs from the rest of the library, injectable so tests can run tiny fixture
 * models: the model spec, its levers, a compiler, the plan's targets and output descriptions.
 * `hangzhouContext()` (src/runner/hangzhou.ts) fills it with the real modules.
 */
import type { Target, Text } from '../catalog/types.js';
import type { CompiledModel, LeverDef, ModelSpec, SimOptions } from '../engine/types.js';
import type { ParamRecord } from '../params/types.js';

/** Name and unit of an output (indicator or model series), for CSV/JSON and summaries. */
export interface OutputInfo {
  readonly name: Text;
  readonly unit: string;
  /**
   * The indicator's observed 2006–2010 growth (src/data/paces.ts), where the published figures give
   * one: direction targets on it are graded against it (observedPacesFor). Carried with the output
   * description so that whatever runs the runner (the explorer page too) judges alike.
   */
  readonly observedGrowth?: { readonly rate: number; readonly source: string };
}

/** What the runner needs of a lever: the engine's fields, a range (draws are truncated to it), and whether it is a whole number. */
export interface RunnerLever extends LeverDef {
  readonly range: { readonly min: number; readonly max: number };
  readonly integer?: boolean;
}

/** `L`: the lever records (the Hangzhou context's are the application's ParamRecords). */
export interface RunnerContext<L extends RunnerLever = ParamRecord> {
  readonly model: ModelSpec;
  readonly params: readonly L[];
  compile(spec: ModelSpec, params: readonly L[], options: SimOptions): CompiledModel;
  /** The plan's targets, judged for every scenario (origin 'plan'). */
  readonly planTargets: readonly Target[];
  readonly describeOutput: (id: string) => OutputInfo | undefined;
}

/** Compiles the model once per distinct set of simulation options and reuses it. */
export class CompiledModelCache {
  private readonly cache = new Map<string, CompiledModel>();
  constructor(private readonly context: RunnerContext<RunnerLever>) {}

  get(options: SimOptions): CompiledModel {
    const key = JSON.stringify([options.start ?? null, options.until ?? null, options.dt ?? null, options.method ?? null]);
    let compiled = this.cache.get(key);
    if (!compiled) {
      compiled = this.context.compile(this.context.model, this.context.params, options);
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}
