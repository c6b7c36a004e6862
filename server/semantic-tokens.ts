// textDocument/semanticTokens/full: core's tokens, split at line ends
// (clients need not support multi-line tokens), encoded relative to each other.

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import type { SemanticTokenType } from '../core/ide/index.js';
import { semanticTokens as coreSemanticTokens } from '../core/ide/semantic-tokens.js';
import type { Workspace } from './workspace.js';

const TYPES: readonly SemanticTokenType[] = ['keyword', 'layer', 'function', 'type', 'variable', 'parameter', 'property', 'number', 'string', 'comment', 'operator', 'dimension'];
const MODIFIERS = ['declaration', 'documentation', 'defaultLibrary', 'readonly'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: MODIFIERS };

export function semanticTokens(workspace: Workspace, params: SemanticTokensParams): SemanticTokens {
  const a = workspace.analysis(params.textDocument.uri);
  const builder = new SemanticTokensBuilder();
  if (!a) return builder.build();
  const tokens = coreSemanticTokens(a).slice().sort((x, y) => x.start - y.start);
  let covered = 0; // tokens must not overlap
  for (const t of tokens) {
    const type = TYPES.indexOf(t.type);
    if (type < 0 || t.length <= 0 || t.start < covered) continue;
    covered = t.start + t.length;
    let modifiers = 0;
    for (const m of t.modifiers ?? []) {
      const bit = MODIFIERS.indexOf(m);
      if (bit >= 0) modifiers |= 1 << bit;
    }
    // one token per line it spans
    let start = t.start;
    const end = Math.min(t.start + t.length, a.text.length);
    while (start < end) {
      const p = a.lines.position(start);
      const lineEnd = p.line + 1 < a.lines.lineCount ? a.lines.offset({ line: p.line + 1, character: 0 }) : a.text.length;
      let stop = Math.min(end, lineEnd);
      while (stop > start && (a.text[stop - 1] === '\n' || a.text[stop - 1] === '\r')) stop--;
      if (stop > start) builder.push(p.line, p.character, stop - start, type, modifiers);
      start = Math.max(lineEnd, start + 1);
    }
  }
  return builder.build();
}
