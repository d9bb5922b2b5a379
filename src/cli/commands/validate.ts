/**
 * `hzsim validate <files...>`: checks scenario files and reports every problem of every file at
 * once (exit 2), or prints one "ok" line per file. Writes nothing.
 */
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../errors.js';
import { BASE_YEAR, checkScenarios, DEFAULT_UNTIL, type ResolvedScenario } from '../../scenario/index.js';
import type { CliIO } from '../io.js';
import { parseNumbers } from './run-options.js';
import { safeText } from '../../util/quote.js';

/** "(hukou-first, extends plan; 6 levers set, 2 uncertain, Monte Carlo 200 runs, seed 2011)" */
export function describeScenario(s: ResolvedScenario): string {
  const parent = s.chain.length > 1 ? s.chain[s.chain.length - 2] : undefined;
  const levers = Object.keys(s.parameters).length;
  const parts = [`${levers} lever${levers === 1 ? '' : 's'} set`];
  const uncertain = Object.keys(s.uncertainty).length;
  if (uncertain) parts.push(`${uncertain} uncertain`);
  if (s.montecarlo) parts.push(`Monte Carlo ${s.montecarlo.runs} runs, seed ${s.montecarlo.seed}`);
  if (s.targets.length) parts.push(`${s.targets.length} own target${s.targets.length === 1 ? '' : 's'}`);
  return `(${s.id}${parent ? `, extends ${parent}` : ''}; ${parts.join(', ')})`;
}

/** --until as for hzsim run (the same range and message). */
export const parseUntil = (value: string | undefined): number => parseNumbers({ until: value }).until ?? DEFAULT_UNTIL;

export function register(program: Command, io: CliIO): Command {
  return program
    .command('validate')
    .description('check scenario files and report every problem at once (writes nothing) · 检查情景文件')
    .argument('<files...>', 'scenario files (.yaml, .yml or .json)')
    .option('--until <year>', `last simulated year; schedules and targets must lie in ${BASE_YEAR}..until (default ${DEFAULT_UNTIL})`)
    .action((files: string[], opts: { until?: string }) => {
      const until = parseUntil(opts.until);
      const checks = checkScenarios(files, { cwd: io.cwd, until });
      const problems: InputProblem[] = [];
      const seen = new Set<string>();
      for (const check of checks) {
        if (check.scenario) io.stdout(`ok ${safeText(check.file, 200)} ${describeScenario(check.scenario)}\n`);
        for (const p of check.problems) {
          // A parent shared by several files reports its problems once.
          const key = `${p.file}\u0000${p.path}\u0000${p.message}`;
          if (!seen.has(key)) problems.push(p);
          seen.add(key);
        }
      }
      if (problems.length > 0) throw new InputError(problems);
    });
}
