// textDocument/completion: core's items with LSP kinds; snippets stay snippets.

import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { completion as coreCompletion } from '../core/ide/completion.js';
import type { CompletionKind } from '../core/ide/index.js';
import type { Workspace } from './workspace.js';

export const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  layer: CompletionItemKind.Class,
  function: CompletionItemKind.Function,
  block: CompletionItemKind.Module,
  model: CompletionItemKind.Struct,
  variable: CompletionItemKind.Variable,
  parameter: CompletionItemKind.TypeParameter,
  keyword: CompletionItemKind.Keyword,
  setting: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  loss: CompletionItemKind.Function,
  optimizer: CompletionItemKind.Constructor,
  data: CompletionItemKind.Reference,
};

export function completion(workspace: Workspace, params: CompletionParams): CompletionItem[] {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return [];
  return coreCompletion(a, a.lines.offset(params.position)).map((c) => ({
    label: c.label,
    kind: COMPLETION_KIND[c.kind] ?? CompletionItemKind.Text,
    ...(c.detail !== undefined ? { detail: c.detail } : {}),
    ...(c.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    ...(c.snippet !== undefined ? { insertText: c.snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(c.sortText !== undefined ? { sortText: c.sortText } : {}),
  }));
}
