// Semantic tokens: every token of the file classified, in source order.
// Names are classified by the resolver (definitions, parameters, bindings,
// shape variables, layers, functions, keys); the rest by the lexer.

import { keywordTokens, operatorTokens } from '../../grammar/index.js';
import { LAYERS } from '../catalog/index.js';
import { FUNCTIONS } from '../functions/index.js';
import type { Analysis } from './analysis.js';
import { lex } from './complete-context.js';
import { resolveModule, type Occurrence, type OtherName } from './resolve-names.js';
import { ownModule } from './resolve-workspace.js';
import type { SemanticToken, SemanticTokenType } from './types.js';

const KEYWORD_TYPES = new Set(keywordTokens.map((t) => t.name));
const OPERATOR_TYPES = new Set(operatorTokens.map((t) => t.name));
const TYPE_NAMES = new Set(['int', 'float', 'bool', 'string', 'shape', 'any', 'int32', 'float32']);

type Class = { type: SemanticTokenType; modifiers?: string[] };

function ofOccurrence(o: Occurrence): Class {
  const decl = o.declaration ? { modifiers: ['declaration'] } : {};
  if (o.role === 'namedArgument') return { type: 'property' };
  switch (o.symbol.kind) {
    case 'definition':
      return { type: 'type', ...decl };
    case 'param':
      return { type: 'parameter', ...decl };
    case 'shape':
      return { type: 'dimension', ...decl };
    default:
      return { type: 'variable', ...decl };
  }
}

function ofOther(what: OtherName, name: string): Class | undefined {
  switch (what) {
    case 'layer':
      return { type: 'layer', modifiers: ['defaultLibrary'] };
    case 'function':
    case 'builtin':
      return { type: 'function', modifiers: ['defaultLibrary'] };
    case 'property':
      return { type: 'property' };
    case 'dimension':
      return { type: 'dimension' };
    case 'type':
      return TYPE_NAMES.has(name) ? { type: 'type', modifiers: ['defaultLibrary'] } : { type: 'type' };
    case 'unresolved':
      return undefined;
  }
}

export function semanticTokens(a: Analysis): SemanticToken[] {
  const r = resolveModule(ownModule(a));
  const names = new Map<number, Class>();
  for (const o of r.others) {
    const c = ofOther(o.what, o.id.name);
    if (c) names.set(o.id.range.start, c);
  }
  for (const o of r.occurrences) names.set(o.id.range.start, ofOccurrence(o));

  const { tokens, comments } = lex(a.text);
  const all = [...tokens, ...comments].sort((x, y) => x.start - y.start);
  const out: SemanticToken[] = [];
  let end = 0;
  for (const t of all) {
    if (t.start < end) continue;
    let c: Class | undefined;
    if (t.type === 'DocComment') c = { type: 'comment', modifiers: ['documentation'] };
    else if (t.type === 'Comment') c = { type: 'comment' };
    else if (t.type === 'String' || t.type === 'UnterminatedString') c = { type: 'string' };
    else if (t.type === 'Number') c = { type: 'number' };
    else if (OPERATOR_TYPES.has(t.type)) c = { type: 'operator' };
    else if (t.type === 'Identifier' || KEYWORD_TYPES.has(t.type)) {
      c = names.get(t.start);
      if (!c && KEYWORD_TYPES.has(t.type)) c = { type: 'keyword' };
      else if (!c) c = fallback(t.image);
    }
    if (!c) continue;
    out.push({ start: t.start, length: t.end - t.start, type: c.type, ...(c.modifiers ? { modifiers: c.modifiers } : {}) });
    end = t.end;
  }
  return out;
}

function fallback(name: string): Class {
  if (name === 'newaxis') return { type: 'keyword' };
  if (TYPE_NAMES.has(name)) return { type: 'type', modifiers: ['defaultLibrary'] };
  if (LAYERS.has(name)) return { type: 'layer', modifiers: ['defaultLibrary'] };
  if (FUNCTIONS.has(name)) return { type: 'function', modifiers: ['defaultLibrary'] };
  return { type: 'variable' };
}
