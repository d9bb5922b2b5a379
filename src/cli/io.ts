import { standardStreamFault } from '../util/faults.js';

/**
 * What commands write to: injectable so tests can capture output without spawning processes.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout/stderr is an interactive terminal (progress bars only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
}

const isBrokenPipe = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === 'EPIPE';

/**
 * A writer to one of the process's streams. A reader that closes early (`hzsim run … | head`) is
 * not an error: from the first EPIPE on, output to that stream is dropped and the command carries
 * on (so files it writes with --out are still complete) and ends with its usual exit code. Any
 * other fault of the stream (`> /dev/full`) ends the process with one line and exit code 1.
 */
export function streamWriter(stream: NodeJS.WritableStream, name: string): (text: string) => void {
  let closed = false;
  stream.on('error', (err: unknown) => {
    if (isBrokenPipe(err)) closed = true;
    else standardStreamFault(err, name);
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** The process's streams, through `streamWriter`. */
export function processIO(): CliIO {
  return {
    stdout: streamWriter(process.stdout, 'standard output'),
    stderr: streamWriter(process.stderr, 'standard error'),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    cwd: process.cwd(),
  };
}
