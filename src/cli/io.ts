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
 * The process's streams. A reader that closes early (`hzsim run … | head`) is not an error: from
 * the first EPIPE on, output to that stream is dropped and the command carries on (so files it
 * writes with --out are still complete) and ends with its usual exit code.
 */
export function processIO(): CliIO {
  const writer = (stream: NodeJS.WriteStream): ((text: string) => void) => {
    let closed = false;
    stream.on('error', (err: unknown) => {
      if (!isBrokenPipe(err)) throw err;
      closed = true;
    });
    return (text) => {
      if (!closed) stream.write(text);
    };
  };
  return {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    cwd: process.cwd(),
  };
}
