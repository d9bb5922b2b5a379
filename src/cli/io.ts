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

export const processIO = (): CliIO => ({
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
  cwd: process.cwd(),
});
