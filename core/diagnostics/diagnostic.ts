// Diagnostics as plain data: what the checker says about a file. Positions
// are source offsets; the CLI and the language server turn them into lines
// and columns (see ../text/line-index.ts).

import type { Range } from '../../grammar/ast.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInfo {
  /** the file the range is in (undefined: the same file) */
  file?: string;
  range: Range;
  message: string;
}

/** A replacement of the text in `range` by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A suggested fix: a title the editor shows and the edits it applies. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
  /** the file the range is in (undefined: the file being checked) */
  file?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** marks an unused binding, so an editor can fade it */
  unnecessary?: boolean;
}
