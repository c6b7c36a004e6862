// Files near the size limit with very many parts of one kind are analysed,
// not thrown on: lists of hundreds of thousands of nodes or diagnostics are
// never spread into a call's arguments (a call takes about 100,000).

import { describe, expect, it } from 'vitest';
import { semanticTokens } from '../../core/ide/semantic-tokens.js';
import { documentSymbols } from '../../core/ide/symbols.js';
import { analyzeAt } from './helpers.js';

describe('big inputs', () => {
  it('analyses a list of 200,000 items', () => {
    const { analysis } = analyzeAt(`model A {\n  input x: [B, 4]\n  let _sizes = [${'1, '.repeat(200_000)}1]\n  output x -> Dense(2)\n}\n`);
    expect(analysis.check.diagnostics).toEqual([]);
    expect(documentSymbols(analysis).map((s) => s.name)).toEqual(['A']);
    expect(semanticTokens(analysis).length).toBeGreaterThan(200_000);
  }, 120_000);

  it('reports each of 140,000 unused bindings of one model', () => {
    const lets = Array.from({ length: 140_000 }, (_, i) => `let a${i}=x\n`).join('');
    const { analysis } = analyzeAt(`model U {\n  input x: [B, 4]\n${lets}  output x\n}\n`);
    const codes = analysis.check.diagnostics.map((d) => d.code);
    expect(codes).toHaveLength(140_000);
    expect(new Set(codes)).toEqual(new Set(['NN5001']));
  }, 120_000);
});
