// textDocument/formatting: the canonical layout (`nn fmt`) as the smallest
// edits that make it (text-diff.ts), so that the editor's cursors and undo
// history stay where the text did not change. A file with syntax errors is
// left as it is.

import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { parse, print } from '../grammar/index.js';
import { log } from './safe.js';
import { textEdits } from './text-diff.js';
import type { Workspace } from './workspace.js';

export function formatting(workspace: Workspace, params: DocumentFormattingParams): TextEdit[] {
  const document = workspace.documents.get(params.textDocument.uri);
  if (!document) return [];
  const text = document.getText();
  const parsed = parse(text);
  if (parsed.diagnostics.length > 0) return []; // refuse: formatting would lose what the parser skipped
  let formatted: string;
  try {
    formatted = print(parsed.program);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    log(`${params.textDocument.uri} nests too deeply to format`);
    return [];
  }
  return textEdits(text, formatted);
}
