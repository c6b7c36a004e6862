// Rename as data: a cursor, a new name, and either the edited files' texts
// or the reason the rename is refused.

import { describe, expect, it } from 'vitest';
import { prepareRename, rename } from '../../core/ide/rename.js';
import type { TextEdits } from '../../core/ide/types.js';
import { analyzeAll, cursor } from './helpers.js';

const BLOCKS = 'block Pair(filters: int, kernel: int = 3) {\n  input x: [B, H, W, C]\n  output x -> Conv2D(filters, kernel, padding: "same")\n}\n';

interface Case {
  name: string;
  files: Record<string, string>;
  newName: string;
  /** the files after the edits (only those edited) */
  after?: Record<string, string>;
  /** a part of the refusal */
  error?: string;
  /** the text prepareRename selects; undefined: not renameable */
  prepared?: string;
}

const CASES: Case[] = [
  {
    name: 'a binding',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let h<|> = x -> Dense(4)\n  h = h + 1\n  output h\n}' },
    newName: 'hidden',
    prepared: 'h',
    after: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let hidden = x -> Dense(4)\n  hidden = hidden + 1\n  output hidden\n}' },
  },
  {
    name: 'a destructured binding',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let a, b = split(x, 2)\n  output a + b<|>\n}' },
    newName: 'right',
    after: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let a, right = split(x, 2)\n  output a + right\n}' },
  },
  {
    name: 'an input',
    files: { 'main.nn': 'model M {\n  input x<|>: [B, 4]\n  output x -> Dense(2)\n}' },
    newName: 'features',
    after: { 'main.nn': 'model M {\n  input features: [B, 4]\n  output features -> Dense(2)\n}' },
  },
  {
    name: 'a parameter and the named arguments that give it',
    files: { 'main.nn': 'block P(units<|>: int) {\n  input x: [B, 4]\n  output x -> Dense(units)\n}\nmodel M {\n  input x: [B, 4]\n  output x -> P(units: 3) -> Dense(units: 2)\n}' },
    newName: 'width',
    after: { 'main.nn': 'block P(width: int) {\n  input x: [B, 4]\n  output x -> Dense(width)\n}\nmodel M {\n  input x: [B, 4]\n  output x -> P(width: 3) -> Dense(units: 2)\n}' },
  },
  {
    name: 'a shape variable',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  output reshape(x, [B<|>, 2, 2])\n}' },
    newName: 'Batch',
    after: { 'main.nn': 'model M {\n  input x: [Batch, 4]\n  output reshape(x, [Batch, 2, 2])\n}' },
  },
  {
    name: 'a block across files, with the import list',
    files: {
      'main.nn': 'import { Pair } from "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair<|>(4)\n}',
      'blocks.nn': BLOCKS,
    },
    newName: 'Twin',
    after: {
      'main.nn': 'import { Twin } from "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Twin(4)\n}',
      'blocks.nn': BLOCKS.replace('Pair', 'Twin'),
    },
  },
  {
    name: 'an imported parameter from a call site',
    files: {
      'main.nn': 'import "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(4, kernel<|>: 5)\n}',
      'blocks.nn': BLOCKS,
    },
    newName: 'size',
    after: {
      'main.nn': 'import "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(4, size: 5)\n}',
      'blocks.nn': BLOCKS.replace('kernel: int', 'size: int').replace('filters, kernel', 'filters, size'),
    },
  },
  {
    name: 'a model and the train block naming it',
    files: { 'main.nn': 'model M<|> {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain M on mnist() { epochs: 1 }' },
    newName: 'Net',
    after: { 'main.nn': 'model Net {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain Net on mnist() { epochs: 1 }' },
  },
  {
    name: 'refused: a layer',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  output x -> Den<|>se(2)\n}' },
    newName: 'Linear',
    error: 'built-in layer',
  },
  {
    name: 'refused: a function',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  output x -> soft<|>max\n}' },
    newName: 'sm',
    error: 'built-in function',
  },
  {
    name: 'refused: a keyword',
    files: { 'main.nn': 'model M {\n  inp<|>ut x: [B, 4]\n  output x\n}' },
    newName: 'y',
    error: 'keyword',
  },
  {
    name: 'refused: not an identifier',
    files: { 'main.nn': 'model M {\n  input x<|>: [B, 4]\n  output x\n}' },
    newName: '2x',
    error: 'not a valid name',
    prepared: 'x',
  },
  {
    name: 'refused: a keyword as the new name',
    files: { 'main.nn': 'model M {\n  input x<|>: [B, 4]\n  output x\n}' },
    newName: 'output',
    error: "'output' is a keyword",
    prepared: 'x',
  },
  {
    name: 'refused: collides with a binding in scope (says which)',
    files: { 'main.nn': 'model M {\n  input x<|>: [B, 4]\n  let h = x\n  output h\n}' },
    newName: 'h',
    error: "binding 'h' at line 3",
  },
  {
    name: 'refused: a definition name already used in a file that imports it',
    files: {
      'main.nn': 'import { Pair } from "./blocks.nn"\nblock Twin { input x: [B, 4] output x }\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair<|>(4)\n}',
      'blocks.nn': BLOCKS,
    },
    newName: 'Twin',
    error: "'Twin' is already defined",
  },
  {
    name: 'refused: a layer name as the new name',
    files: { 'main.nn': 'block P<|> { input x: [B, 4] output x }' },
    newName: 'Dense',
    error: 'built-in layer',
    prepared: 'P',
  },
];

function apply(text: string, edits: TextEdits[string]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

describe('rename', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, offset } = cursor(c.files['main.nn']!);
      const files: Record<string, string> = { ...c.files, 'main.nn': text };
      const all = analyzeAll(files);
      const a = all.get('/main.nn')!;
      const range = prepareRename(a, offset);
      if (c.prepared !== undefined) expect(range && text.slice(range.start, range.end)).toBe(c.prepared);
      if (c.error !== undefined && c.prepared === undefined && /built-in|keyword/.test(c.error)) expect(range).toBeUndefined();
      const result = rename(a, offset, c.newName, [...all.values()]);
      if (c.error !== undefined) {
        expect(result).toHaveProperty('error');
        expect((result as { error: string }).error).toContain(c.error);
        return;
      }
      expect(result).not.toHaveProperty('error');
      const edits = result as TextEdits;
      const after = Object.fromEntries(Object.entries(edits).map(([f, e]) => [f.slice(1), apply(files[f.slice(1)]!, e)]));
      expect(after).toEqual(c.after);
    });
  }
});
