// textDocument/codeAction: the checker's fixes for the diagnostics in the
// requested range, as quick fixes with workspace edits.

import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { toLspRange } from './convert.js';
import { documentDiagnostics } from './diagnostics.js';
import type { Workspace } from './workspace.js';

export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || k === 'quickfix' || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const uri = params.textDocument.uri;
  const a = workspace.analysis(uri);
  if (!a) return [];
  const wanted = a.lines.offset(params.range.start);
  const wantedEnd = a.lines.offset(params.range.end);
  const out: CodeAction[] = [];
  for (const { core, lsp } of documentDiagnostics(a, workspace)) {
    if (!core.fixes?.length) continue;
    // The diagnostic touches the requested range (an empty range: the cursor).
    if (core.range.end < wanted || core.range.start > wantedEnd) continue;
    for (const fix of core.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        isPreferred: core.fixes.length === 1,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: toLspRange(a.lines, e.range), newText: e.newText })) } },
      });
    }
  }
  return out;
}
