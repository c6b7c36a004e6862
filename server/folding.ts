// textDocument/foldingRange: core's offset ranges as lines.

import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges as coreFoldingRanges } from '../core/ide/folding.js';
import type { Workspace } from './workspace.js';

export function foldingRanges(workspace: Workspace, params: FoldingRangeParams): FoldingRange[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  const out: FoldingRange[] = [];
  for (const f of coreFoldingRanges(a)) {
    const startLine = a.lines.position(f.start).line;
    const endLine = a.lines.position(f.end).line;
    if (endLine <= startLine) continue; // nothing to fold on one line
    const kind = f.kind === 'comment' ? FoldingRangeKind.Comment : f.kind === 'imports' ? FoldingRangeKind.Imports : f.kind === 'region' ? FoldingRangeKind.Region : undefined;
    out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  }
  return out;
}
