// The outline and the workspace symbol search as data: each symbol as
// `kind name: detail`, children indented.

import { describe, expect, it } from 'vitest';
import { documentSymbols, workspaceSymbols } from '../../core/ide/symbols.js';
import type { DocumentSymbol } from '../../core/ide/types.js';
import { analyzeAll, analyzeAt } from './helpers.js';

function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.kind} ${s.name}${s.detail ? `: ${s.detail}` : ''}`, ...outline(s.children, `${indent}  `)]);
}

const CASES: { name: string; source: string; outline: string[] }[] = [
  {
    name: 'a block with parameters, a model with its output shape, a train block',
    source: `block Pair(filters: int, kernel: int = 3) {
  input x: [B, H, W, C]
  output x -> Conv2D(filters, kernel, padding: "same")
}
model Net {
  input image: [B, 8, 8, 3]
  let h = image -> Pair(16)
  let a, b = split(h, 2)
  output logits = a -> Flatten -> Dense(10)
}
train Net on mnist() { epochs: 1 }`,
    outline: [
      'block Pair: (filters: int, kernel: int = 3) -> [B, H, W, filters]',
      '  parameter filters: int',
      '  parameter kernel: int = 3',
      '  input x: [B, H, W, C]',
      '  output output: [B, H, W, filters]',
      'model Net: -> [B, 10]',
      '  input image: [B, 8, 8, 3]',
      '  binding h: [B, 8, 8, 16]',
      '  binding a: [B, 8, 8, 8]',
      '  binding b: [B, 8, 8, 8]',
      '  output logits: [B, 10]',
      'train train Net on mnist',
    ],
  },
  {
    name: 'bindings inside loops and dtypes of inputs',
    source: `model Loop(widths: [int] = [4, 8]) {
  input tokens: [B, S] int
  input x: [B, 4]
  let h = x
  for w in widths { let g = h -> Dense(w)  h = g }
  output h
}`,
    outline: [
      'model Loop: (widths: [int] = [4, 8]) -> [B, 8]',
      '  parameter widths: [int] = [4, 8]',
      '  input tokens: [B, S] int32',
      '  input x: [B, 4]',
      '  binding h: [B, 4]',
      '  binding g: [B, 8]',
      '  output output: [B, 8]',
    ],
  },
  {
    name: 'incomplete code still has an outline',
    source: 'model M {\n  input x: [B, 4]\n  let h = x -> ',
    outline: ['model M', '  input x: [B, 4]', '  binding h'],
  },
];

describe('document symbols', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { analysis } = analyzeAt(c.source);
      expect(outline(documentSymbols(analysis))).toEqual(c.outline);
    });
  }

  it('selection ranges are the names', () => {
    const { analysis, text } = analyzeAt('model Net {\n  input x: [B, 4]\n  output x\n}\ntrain Net on mnist() { epochs: 1 }');
    const [model, train] = documentSymbols(analysis);
    expect(text.slice(model!.selectionRange.start, model!.selectionRange.end)).toBe('Net');
    expect(text.slice(model!.range.start, model!.range.end)).toMatch(/^model Net \{[\s\S]*\}$/);
    expect(text.slice(train!.selectionRange.start, train!.selectionRange.end)).toBe('Net');
  });
});

describe('workspace symbols', () => {
  const files = {
    'a.nn': 'import { ConvBlock } from "./lib.nn"\nmodel Classifier {\n  input x: [B, 8, 8, 3]\n  output x -> ConvBlock(4)\n}',
    'lib.nn': 'block ConvBlock(f: int) {\n  input x: [B, H, W, C]\n  output x -> Conv2D(f, 3)\n}\nloss Sq {\n  input p: [N]\n  input t: [N]\n  output sum(p - t)\n}',
  };
  const TABLE: { query: string; found: string[] }[] = [
    { query: 'conv', found: ['block ConvBlock /lib.nn'] },
    { query: 'C', found: ['model Classifier /a.nn', 'block ConvBlock /lib.nn'] },
    { query: '', found: ['model Classifier /a.nn', 'block ConvBlock /lib.nn', 'loss Sq /lib.nn'] },
    { query: 'zzz', found: [] },
  ];
  for (const t of TABLE) {
    it(`query '${t.query}'`, () => {
      const all = analyzeAll(files);
      const found = workspaceSymbols([...all.values()], t.query);
      expect(found.map((s) => `${s.kind} ${s.name} ${s.location.file}`)).toEqual(t.found);
      for (const s of found) {
        const text = all.get(s.location.file)!.text;
        expect(text.slice(s.location.range.start, s.location.range.end)).toBe(s.name);
      }
    });
  }
});
