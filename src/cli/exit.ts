/**
 * Exit codes and the signal a command throws to end with one. Kept apart from main.ts: main.ts is
 * the entry module under `tsx src/cli/main.ts` and awaits at top level, so a command importing
 * it would wait for its own caller to finish (Node ends such a deadlock with exit code 13).
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
