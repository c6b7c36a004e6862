// Offsets <-> LSP positions, file paths <-> URIs. Core speaks offsets and
// paths; LSP speaks zero-based lines, UTF-16 characters and URIs. URIs are
// converted as VS Code does (`vscode-uri`): on Windows it writes
// `file:///c%3A/...` where Node's `pathToFileURL` writes `file:///C:/...`,
// and a URI the editor does not recognise as its document's is a second,
// unopened document.

import { URI } from 'vscode-uri';
import type { Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../grammar/ast.js';
import { LineIndex } from '../core/text/line-index.js';

/** The path core sees for a URI: a file path for `file:` URIs, the URI itself otherwise (untitled documents). */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return uri;
  }
}

export function pathToUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path; // already a URI
  return URI.file(path).toString();
}

export function toLspRange(lines: LineIndex, range: Range): LspRange {
  return { start: lines.position(range.start), end: lines.position(range.end) };
}

export function fromLspRange(lines: LineIndex, range: LspRange): Range {
  return { start: lines.offset(range.start), end: lines.offset(range.end) };
}

/** Line indexes of other files' texts, built once per answer. */
export class LineIndexes {
  private readonly byFile = new Map<string, LineIndex | undefined>();
  constructor(private readonly text: (file: string) => string | undefined) {}

  get(file: string): LineIndex | undefined {
    if (!this.byFile.has(file)) {
      const text = this.text(file);
      this.byFile.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return this.byFile.get(file);
  }
}
