// Editor answers as plain data: offsets into the file's text, Markdown for
// documentation. The language server converts them to LSP.

import type { Range } from '../../grammar/ast.js';

export interface Hover {
  range: Range;
  /** Markdown */
  contents: string;
}

export interface InlayHint {
  /** where the hint is shown (after the expression it describes) */
  offset: number;
  label: string;
  /** Markdown shown when hovering the hint */
  tooltip?: string;
}

export type CompletionKind = 'layer' | 'function' | 'block' | 'model' | 'variable' | 'parameter' | 'keyword' | 'setting' | 'value' | 'loss' | 'optimizer' | 'data';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** one line shown beside the label (a signature, a type, a shape) */
  detail?: string;
  /** Markdown */
  documentation?: string;
  /** the text to insert, as an LSP snippet (`Dense(${1:units})`); the label when absent */
  snippet?: string;
  sortText?: string;
}

export interface SignatureHelp {
  /** `Conv2D(filters, kernel, stride: 1, ...)` */
  label: string;
  documentation?: string;
  parameters: { label: string; documentation?: string }[];
  activeParameter: number;
}

export interface Location {
  file: string;
  range: Range;
}

export interface TextEdits {
  /** file -> edits */
  [file: string]: { range: Range; newText: string }[];
}

export type SymbolKind = 'model' | 'block' | 'loss' | 'pipeline' | 'train' | 'input' | 'binding' | 'output' | 'parameter';

export interface DocumentSymbol {
  name: string;
  kind: SymbolKind;
  /** the shape or signature shown beside the name */
  detail?: string;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

export interface FoldingRange {
  start: number;
  end: number;
  kind?: 'comment' | 'imports' | 'region';
}

export type SemanticTokenType = 'keyword' | 'layer' | 'function' | 'type' | 'variable' | 'parameter' | 'property' | 'number' | 'string' | 'comment' | 'operator' | 'dimension';

export interface SemanticToken {
  start: number;
  length: number;
  type: SemanticTokenType;
  /** e.g. 'declaration', 'documentation', 'defaultLibrary' */
  modifiers?: string[];
}

export interface CodeLens {
  range: Range;
  title: string;
  /** the command the editor runs: nn.train, nn.summary, nn.graph */
  command: string;
  arguments: unknown[];
}
