// textDocument/inlayHint: the shape of each expression, after it.

import { InlayHintKind, MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { inlayHints as coreInlayHints } from '../core/ide/inlay-hints.js';
import { fromLspRange } from './convert.js';
import type { Workspace } from './workspace.js';

export function inlayHints(workspace: Workspace, params: InlayHintParams): InlayHint[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return coreInlayHints(a, fromLspRange(a.lines, params.range)).map((h) => ({
    position: a.lines.position(h.offset),
    label: h.label,
    kind: InlayHintKind.Type,
    // `h: [B, 10]` sits right after the name; a stage's shape gets a space before it
    paddingLeft: !h.label.startsWith(':'),
    ...(h.tooltip !== undefined ? { tooltip: { kind: MarkupKind.Markdown, value: h.tooltip } } : {}),
  }));
}
