// How the checker reaches other files: the CLI reads the disk, the language
// server overlays the editor's open documents. Core itself does no I/O.

export interface Host {
  /** the text of a file, or undefined when it cannot be read */
  readFile(path: string): string | undefined;
  /** the path an `import "spec"` in `fromFile` refers to */
  resolveImport(fromFile: string, spec: string): string;
}
