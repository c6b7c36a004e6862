// How the checker reaches other files: the CLI reads the disk, the language
// server overlays the editor's open documents. Core itself does no I/O.

/** Why a file has no text: too large to check (its size in bytes), or another problem in words ("is a named pipe, not a regular file"). */
export type Unreadable = { tooLarge: number } | { problem: string };

export interface Host {
  /** the text of a file, or undefined when it cannot be read */
  readFile(path: string): string | undefined;
  /**
   * The text of a file, or why there is none. Hosts that read the disk say
   * why; without it, a file readFile cannot read is only "cannot be read".
   */
  readSource?(path: string): string | Unreadable;
  /** the path an `import "spec"` in `fromFile` refers to */
  resolveImport(fromFile: string, spec: string): string;
}
