// textDocument/inlayHint: the shape of each expression, after it. A client
// that can resolve tooltips lazily gets the labels first and each tooltip
// when it shows one (inlayHint/resolve); others get the tooltips at once.

import { InlayHintKind, MarkupKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { inlayHints as coreInlayHints, inlayHintTooltip } from '../core/ide/inlay-hints.js';
import { fromLspRange } from './convert.js';
import type { Workspace } from './workspace.js';

/** What a hint sent without its tooltip carries, to find the tooltip on resolve. */
interface HintData {
  uri: string;
  version: number;
}

export function inlayHints(workspace: Workspace, params: InlayHintParams, lazyTooltips: boolean): InlayHint[] {
  const uri = params.textDocument.uri;
  const a = workspace.analysis(uri);
  const version = workspace.documents.get(uri)?.version;
  if (!a || version === undefined) return [];
  const data: HintData = { uri, version };
  return coreInlayHints(a, fromLspRange(a.lines, params.range), { tooltips: !lazyTooltips }).map((h) => ({
    position: a.lines.position(h.offset),
    label: h.label,
    kind: InlayHintKind.Type,
    // `h: [B, 10]` sits right after the name; a stage's shape gets a space before it
    paddingLeft: !h.label.startsWith(':'),
    ...(h.tooltip !== undefined ? { tooltip: { kind: MarkupKind.Markdown, value: h.tooltip } } : {}),
    ...(lazyTooltips ? { data } : {}),
  }));
}

/** inlayHint/resolve: the hint with its tooltip, when its document has not changed since. */
export function resolveInlayHint(workspace: Workspace, hint: InlayHint): InlayHint {
  const data = hint.data as Partial<HintData> | undefined;
  if (typeof data?.uri !== 'string' || typeof hint.label !== 'string') return hint;
  if (workspace.documents.get(data.uri)?.version !== data.version) return hint;
  const a = workspace.analysis(data.uri);
  if (!a) return hint;
  const tooltip = inlayHintTooltip(a, a.lines.offset(hint.position), hint.label);
  return tooltip === undefined ? hint : { ...hint, tooltip: { kind: MarkupKind.Markdown, value: tooltip } };
}
