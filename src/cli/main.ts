/**
 * `hzsim`: the command line. Each command lives in src/cli/commands/<name>.ts and is imported only
 * when it runs (src/cli/commands/index.ts; conventions in src/cli/kit.ts). Exit codes: 0 success,
 * 2 bad input, 1 anything else.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { PACKAGE_VERSION } from '../version.js';
import { type CliIO, processIO } from './io.js';
import { commands, type CommandEntry } from './commands/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The command `argv` runs (`hzsim run …`, `hzsim help run`), if it names one. */
function invoked(argv: readonly string[]): CommandEntry | undefined {
  const [first, second] = argv;
  const name = first === 'help' ? second : first;
  return commands.find((c) => c.name === name);
}

/**
 * The program with the command `argv` invokes fully registered (its module imported) and every
 * other command as a name and summary only — enough for `hzsim --help` and "did you mean".
 * Without `argv`, every command is registered fully.
 */
export async function buildProgram(io: CliIO, argv?: readonly string[]): Promise<Command> {
  const program = new Command('hzsim')
    .description(
      'Hangzhou 12th Five-Year comprehensive reform plan (2011–2015) as a runnable model.\n' +
        '杭州市“十二五”综合配套改革规划：指标、情景、蒙特卡洛模拟与图表。',
    )
    .version(PACKAGE_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('after', '\nRun `hzsim <command> --help` for a command\'s options and examples.');
  const wanted = argv === undefined ? null : invoked(argv);
  for (const entry of commands) {
    const cmd = argv === undefined || entry === wanted ? (await entry.load()).register(program, io) : program.command(entry.name);
    cmd.description(entry.summary).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showSuggestionAfterError(true);
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_BAD_INPUT;
    }
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
