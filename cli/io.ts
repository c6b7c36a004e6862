// What a command needs from the outside world: streams and the working
// folder (tests pass their own, so commands run in-process).

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** the process's stdin, for commands that listen to it (`nn train`: stop messages) */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** whether stdout is a terminal (progress bars) */
  interactive?: boolean;
  /** the terminal's width in columns, when stdout is one (read when needed: it may be resized) */
  columns?: () => number | undefined;
  /** the environment: LC_ALL, LC_MESSAGES and LANG choose the language of messages (absent: English) */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 fine, 1 problems found in the input, 2 usage or I/O errors, 3 a training run that diverged (a loss or weight became NaN or infinite). */
export const EXIT = { ok: 0, problems: 1, usage: 2, diverged: 3 } as const;

/** Prints a command's help (asked for with -h or --help): exit status 0. */
export function printHelp(io: Io, help: string): number {
  io.stdout.write(help);
  return EXIT.ok;
}
