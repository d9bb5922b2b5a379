/**
 * `hzsim`: the command line. Each command lives in src/cli/commands/<name>.ts and registers itself
 * on the commander program. Exit codes (INTERFACES.md): 0 success, 2 bad input, 1 anything else.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { PACKAGE_VERSION } from '../version.js';
import { type CliIO, processIO } from './io.js';
import { commands } from './commands/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function buildProgram(io: CliIO): Command {
  const program = new Command('hzsim')
    .description(
      'Hangzhou 12th Five-Year comprehensive reform plan (2011–2015) as a runnable model.\n' +
        '杭州市“十二五”综合配套改革规划：指标、情景、蒙特卡洛模拟与图表。',
    )
    .version(PACKAGE_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of commands) {
    const cmd = register(program, io);
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showSuggestionAfterError(true);
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_BAD_INPUT;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    return exitCodeFor(err, io);
  }
}

function exitCodeFor(err: unknown, io: CliIO): number {
  if (err instanceof ExitSignal) return err.code;
  if (err instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT_OK;
    return EXIT_BAD_INPUT;
  }
  if (err instanceof InputError) {
    io.stderr(`hzsim: ${err.problems.length} problem(s):\n${err.message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`hzsim: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return EXIT_FAILURE;
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
