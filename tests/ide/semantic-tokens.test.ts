// Semantic tokens as data: each token as `text type[.modifier...]`, in
// source order; punctuation is not a token.

import { describe, expect, it } from 'vitest';
import { semanticTokens } from '../../core/ide/semantic-tokens.js';
import { analyzeAt } from './helpers.js';

const CASES: { name: string; source: string; others?: Record<string, string>; tokens: string[] }[] = [
  {
    name: 'a block: declarations, parameters, shape variables, layers, named arguments',
    source: `/// Doc.
block P(filters: int, k: int = 3) { // note
  input x: [B, H, 4]
  let h = x -> Conv1D(filters, k, padding: "same")
  output reshape(h, [B, H * filters])
}`,
    tokens: [
      '/// Doc. comment.documentation',
      'block keyword',
      'P type.declaration',
      'filters parameter.declaration',
      'int type.defaultLibrary',
      'k parameter.declaration',
      'int type.defaultLibrary',
      '= operator',
      '3 number',
      '// note comment',
      'input keyword',
      'x variable.declaration',
      'B dimension.declaration',
      'H dimension.declaration',
      '4 number',
      'let keyword',
      'h variable.declaration',
      '= operator',
      'x variable',
      '-> operator',
      'Conv1D layer.defaultLibrary',
      'filters parameter',
      'k parameter',
      'padding property',
      '"same" string',
      'output keyword',
      'reshape function.defaultLibrary',
      'h variable',
      'B dimension',
      'H dimension',
      '* operator',
      'filters parameter',
    ],
  },
  {
    name: 'a use of a block with a named argument naming its parameter, loops, a train block',
    source: `block P(n: int) { input x: [B, 4] output x }
model M {
  input x: [B, 4] int
  for w in [1] { x = P(n: w)(x) }
  output x
}
train M on mnist(split: 0.5) { loss: crossentropy epochs: 2 }`,
    tokens: [
      'block keyword', 'P type.declaration', 'n parameter.declaration', 'int type.defaultLibrary',
      'input keyword', 'x variable.declaration', 'B dimension.declaration', '4 number', 'output keyword', 'x variable',
      'model keyword', 'M type.declaration',
      'input keyword', 'x variable.declaration', 'B dimension.declaration', '4 number', 'int type.defaultLibrary',
      'for keyword', 'w variable.declaration', 'in keyword', '1 number', 'x variable', '= operator', 'P type', 'n property', 'w variable', 'x variable',
      'output keyword', 'x variable',
      'train keyword', 'M type', 'on keyword', 'mnist function.defaultLibrary', 'split property', '0.5 number',
      'loss property', 'crossentropy function.defaultLibrary', 'epochs property', '2 number',
    ],
  },
  {
    name: 'an import list names definitions of another file',
    source: 'import { A } from "./lib.nn"\nmodel M { input x: [B, 4] output x -> A }',
    others: { 'lib.nn': 'block A { input x: [B, 4] output x }' },
    tokens: [
      'import keyword', 'A type', 'from keyword', '"./lib.nn" string',
      'model keyword', 'M type.declaration', 'input keyword', 'x variable.declaration', 'B dimension.declaration', '4 number',
      'output keyword', 'x variable', '-> operator', 'A type',
    ],
  },
  {
    name: 'incomplete code',
    source: 'model M {\n  input x: [B, 4]\n  output x -> Dense(',
    tokens: ['model keyword', 'M type.declaration', 'input keyword', 'x variable.declaration', 'B dimension.declaration', '4 number', 'output keyword', 'x variable', '-> operator', 'Dense layer.defaultLibrary'],
  },
];

describe('semantic tokens', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { analysis, text } = analyzeAt(c.source, c.others);
      const tokens = semanticTokens(analysis);
      expect(tokens.map((t) => [text.slice(t.start, t.start + t.length), [t.type, ...(t.modifiers ?? [])].join('.')].join(' '))).toEqual(c.tokens);
      for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.start + tokens[i - 1]!.length);
    });
  }
});
