/**
 * `hzsim validate <scenario...> [--until YEAR] [--json] [--lang zh|en] [--quiet]`: checks scenario
 * files and reports every problem of every file at once (exit 2), or prints one "ok" line per file
 * (with --json, one report per file). Writes nothing.
 */
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import { InputError, type InputProblem } from '../../errors.js';
import { BASE_YEAR, checkScenarios, DEFAULT_UNTIL, type ResolvedScenario, type ScenarioCheck } from '../../scenario/index.js';
import type { CliIO } from '../io.js';
import { outputOptions, parseOutputOptions, printJson } from '../kit.js';

const TEXT = {
  en: {
    levers: (n: number) => `${n} lever${n === 1 ? '' : 's'} set`,
    uncertain: (n: number) => `${n} uncertain`,
    monteCarlo: (runs: number, seed: number) => `Monte Carlo ${runs} runs, seed ${seed}`,
    targets: (n: number) => `${n} own target${n === 1 ? '' : 's'}`,
    extends: (p: string) => `, extends ${p}`,
    wrap: (id: string, parent: string, parts: readonly string[]) => `(${id}${parent}; ${parts.join(', ')})`,
  },
  zh: {
    levers: (n: number) => `设定 ${n} 个杠杆`,
    uncertain: (n: number) => `${n} 个不确定`,
    monteCarlo: (runs: number, seed: number) => `蒙特卡洛 ${runs} 次，种子 ${seed}`,
    targets: (n: number) => `自定目标 ${n} 个`,
    extends: (p: string) => `，继承 ${p}`,
    wrap: (id: string, parent: string, parts: readonly string[]) => `（${id}${parent}；${parts.join('，')}）`,
  },
} as const;

const parentOf = (s: ResolvedScenario): string | undefined => (s.chain.length > 1 ? s.chain[s.chain.length - 2] : undefined);
import { parseNumbers } from './run-options.js';
import { safeText } from '../../util/quote.js';

/** "(hukou-first, extends plan; 6 levers set, 2 uncertain, Monte Carlo 200 runs, seed 2011)" */
export function describeScenario(s: ResolvedScenario, lang: Lang = 'en'): string {
  const text = TEXT[lang];
  const parent = parentOf(s);
  const parts = [text.levers(Object.keys(s.parameters).length)];
  const uncertain = Object.keys(s.uncertainty).length;
  if (uncertain) parts.push(text.uncertain(uncertain));
  if (s.montecarlo) parts.push(text.monteCarlo(s.montecarlo.runs, s.montecarlo.seed));
  if (s.targets.length) parts.push(text.targets(s.targets.length));
  return text.wrap(s.id, parent ? text.extends(parent) : '', parts);
}

/** The --json report of one file. */
export function checkJson(check: ScenarioCheck): unknown {
  const s = check.scenario;
  return {
    file: check.file,
    ok: s !== null && check.problems.length === 0,
    scenario: s && {
      id: s.id,
      title: { zh: s.title.zh, en: s.title.en },
      extends: parentOf(s) ?? null,
      chain: s.chain,
      levers: Object.keys(s.parameters).length,
      uncertain: Object.keys(s.uncertainty).length,
      montecarlo: s.montecarlo ? { runs: s.montecarlo.runs, seed: s.montecarlo.seed } : null,
      targets: s.targets.length,
    },
    problems: check.problems.map((p) => ({ file: p.file, path: p.path, message: p.message, line: p.line ?? null, column: p.column ?? null })),
  };
}

/** --until as for hzsim run (the same range and message). */
export const parseUntil = (value: string | undefined): number => parseNumbers({ until: value }).until ?? DEFAULT_UNTIL;

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('validate')
    .argument('<scenarios...>', 'scenario files (.yaml, .yml or .json) or bundled ids')
    .option('--until <year>', `last simulated year; schedules and targets must lie in ${BASE_YEAR}..until (default ${DEFAULT_UNTIL})`);
  return outputOptions(cmd, { json: 'one report per file (an array)', lang: 'the ok lines' })
    .addHelpText('after', '\nExamples:\n  hzsim validate my-scenario.yaml\n  hzsim validate scenarios/*.yaml --json | jq -r \'.[] | select(.ok | not) | .file\'\n')
    .action((files: string[], opts: { until?: string; json?: boolean; lang?: string; quiet?: boolean }) => {
      const output = parseOutputOptions(opts);
      const until = parseUntil(opts.until);
      const checks = checkScenarios(files, { cwd: io.cwd, until });
      const problems: InputProblem[] = [];
      const seen = new Set<string>();
      for (const check of checks) {
        if (check.scenario && !output.json) io.stdout(`ok ${safeText(check.file, 200)} ${describeScenario(check.scenario, output.lang)}\n`);
        for (const p of check.problems) {
          // A parent shared by several files reports its problems once.
          const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
          if (!seen.has(key)) problems.push(p);
          seen.add(key);
        }
      }
      if (output.json) printJson(io, checks.map(checkJson));
      if (problems.length > 0) throw new InputError(problems);
    });
}
