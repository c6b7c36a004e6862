// textDocument/documentSymbol (hierarchical) and workspace/symbol.

import { SymbolKind as LspSymbolKind, type DocumentSymbol as LspDocumentSymbol, type DocumentSymbolParams, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { DocumentSymbol, SymbolKind } from '../core/ide/index.js';
import { documentSymbols as coreDocumentSymbols, workspaceSymbols as coreWorkspaceSymbols } from '../core/ide/symbols.js';
import type { LineIndex } from '../core/text/line-index.js';
import { pathToUri, toLspRange } from './convert.js';
import { linesFor } from './navigation.js';
import type { Workspace } from './workspace.js';

export const SYMBOL_KIND: Record<SymbolKind, LspSymbolKind> = {
  model: LspSymbolKind.Class,
  block: LspSymbolKind.Module,
  loss: LspSymbolKind.Function,
  pipeline: LspSymbolKind.Function,
  train: LspSymbolKind.Event,
  input: LspSymbolKind.Field,
  binding: LspSymbolKind.Variable,
  output: LspSymbolKind.Field,
  parameter: LspSymbolKind.TypeParameter,
};

export function documentSymbols(workspace: Workspace, params: DocumentSymbolParams): LspDocumentSymbol[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return coreDocumentSymbols(a).map((s) => toLsp(s, a.lines));
}

function toLsp(s: DocumentSymbol, lines: LineIndex): LspDocumentSymbol {
  const range = toLspRange(lines, s.range);
  const selection = toLspRange(lines, s.selectionRange);
  return {
    name: s.name || '(anonymous)',
    kind: SYMBOL_KIND[s.kind] ?? LspSymbolKind.Variable,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    range,
    // LSP requires the selection range inside the range.
    selectionRange: contains(s.range, s.selectionRange) ? selection : range,
    children: s.children.map((c) => toLsp(c, lines)),
  };
}

const contains = (outer: { start: number; end: number }, inner: { start: number; end: number }) => outer.start <= inner.start && inner.end <= outer.end;

/**
 * At most this many workspace symbols are answered (in name order): an
 * editor asks again as the query is typed, and a large workspace would
 * otherwise send tens of thousands of them for every letter.
 */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export function workspaceSymbols(workspace: Workspace, params: WorkspaceSymbolParams): WorkspaceSymbol[] {
  const analyses = workspace.allAnalyses();
  const lines = linesFor(workspace, analyses);
  return coreWorkspaceSymbols(analyses, params.query).slice(0, MAX_WORKSPACE_SYMBOLS).flatMap((s) => {
    const index = lines.get(s.location.file);
    return index ? [{ name: s.name, kind: SYMBOL_KIND[s.kind] ?? LspSymbolKind.Variable, location: { uri: pathToUri(s.location.file), range: toLspRange(index, s.location.range) } }] : [];
  });
}
