// textDocument/prepareRename and rename. A name that cannot be renamed is
// an error the editor shows, not a silent no-op.

import { LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { prepareRename as corePrepareRename, rename as coreRename } from '../core/ide/rename.js';
import { pathToUri, toLspRange } from './convert.js';
import { linesFor } from './navigation.js';
import type { Workspace } from './workspace.js';

export function prepareRename(workspace: Workspace, params: PrepareRenameParams): Range | null {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return null;
  const range = corePrepareRename(a, a.lines.offset(params.position));
  return range ? toLspRange(a.lines, range) : null;
}

export function rename(workspace: Workspace, params: RenameParams): WorkspaceEdit | null {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return null;
  const all = workspace.allAnalyses();
  const result = coreRename(a, a.lines.offset(params.position), params.newName, all);
  if ('error' in result && typeof result.error === 'string') throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  const lines = linesFor(workspace, [a, ...all]);
  const changes: Record<string, TextEdit[]> = {};
  for (const [file, edits] of Object.entries(result as Record<string, { range: { start: number; end: number }; newText: string }[]>)) {
    const index = lines.get(file);
    if (!index) continue;
    changes[pathToUri(file)] = edits.map((e) => ({ range: toLspRange(index, e.range), newText: e.newText }));
  }
  return { changes };
}
