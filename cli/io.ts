// What a command needs from the outside world: streams and the working
// folder (tests pass their own, so commands run in-process).

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Exit codes: 0 fine, 1 problems found in the input, 2 usage or I/O errors. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
