/**
 * `hzsim`: the command line. Each command lives in src/cli/commands/<name>.ts and is imported only
 * when it runs (src/cli/commands/index.ts; conventions in src/cli/kit.ts). Exit codes: 0 success,
 * 2 bad input, 1 anything else.
 */
import { Command, CommanderError } from 'commander';
import { failureReport } from '../util/faults.js';
import { printable } from '../util/quote.js';
import { PACKAGE_VERSION } from '../version.js';
import { type CliIO, processIO } from './io.js';
import { commands, type CommandEntry } from './commands/index.js';

import { EXIT_BAD_INPUT, EXIT_OK, ExitSignal } from './exit.js';

export { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, ExitSignal } from './exit.js';

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
    .option('--debug', 'print the stack trace of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (t) => io.stderr(printable(t)) })
    .addHelpText('after', '\nRun `hzsim <command> --help` for a command\'s options and examples.');
  const wanted = argv === undefined ? null : invoked(argv);
  for (const entry of commands) {
    const cmd = argv === undefined || entry === wanted ? (await entry.load()).register(program, io) : program.command(entry.name);
    cmd
      .description(entry.summary)
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: (t) => io.stderr(printable(t)) })
      .showSuggestionAfterError(true);
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  // --debug anywhere before `--` (commander would take it only before the command's name).
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const debug = argv.slice(0, end).includes('--debug') || process.env.HZSIM_DEBUG === '1';
  const args = argv.filter((a, i) => !(i < end && a === '--debug'));
  try {
    const program = await buildProgram(io, args);
    if (args.length === 0) {
      program.outputHelp();
      return EXIT_BAD_INPUT;
    }
    await program.parseAsync(args, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    return exitCodeFor(err, io, debug);
  }
}

function exitCodeFor(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof ExitSignal) return err.code;
  if (err instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT_OK;
    return EXIT_BAD_INPUT;
  }
  const report = failureReport(err, debug);
  io.stderr(report.text);
  return report.exitCode;
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
