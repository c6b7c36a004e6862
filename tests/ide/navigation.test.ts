// Go to definition, references and highlights as data: a cursor, and the
// expected places as `file:line:column` (1-based).

import { describe, expect, it } from 'vitest';
import { definition, documentHighlights, references } from '../../core/ide/navigation.js';
import type { Analysis } from '../../core/ide/analysis.js';
import type { Location } from '../../core/ide/types.js';
import { analyzeAll, cursor } from './helpers.js';

const BLOCKS = `block Pair(filters: int, kernel: int = 3) {
  input x: [B, H, W, C]
  output x -> Conv2D(filters, kernel, padding: "same")
}
`;

interface Case {
  name: string;
  /** files by name; `main.nn` has the cursor */
  files: Record<string, string>;
  definition: string[];
  /** references with the declaration */
  references?: string[];
  /** highlights in main.nn, as line:column */
  highlights?: string[];
}

const CASES: Case[] = [
  {
    name: 'a binding',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let h = x -> Dense(4)\n  output h<|> + h\n}' },
    definition: ['main.nn:3:7'],
    references: ['main.nn:3:7', 'main.nn:4:10', 'main.nn:4:14'],
    highlights: ['3:7', '4:10', '4:14'],
  },
  {
    name: 'an input used in a pipeline',
    files: { 'main.nn': 'model M {\n  input image: [B, 4]\n  output im<|>age -> Dense(2)\n}' },
    definition: ['main.nn:2:9'],
    references: ['main.nn:2:9', 'main.nn:3:10'],
  },
  {
    name: 'a shape variable: declared at its first mention in an input shape',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  input y: [B<|>, 8]\n  output reshape(x, [B, 2, 2])\n}' },
    definition: ['main.nn:2:13'],
    references: ['main.nn:2:13', 'main.nn:3:13', 'main.nn:4:22'],
  },
  {
    name: 'a parameter, also named at a call site',
    files: { 'main.nn': 'block P(units: int) {\n  input x: [B, 4]\n  output x -> Dense(un<|>its)\n}\nmodel M {\n  input x: [B, 4]\n  output x -> P(units: 3)\n}' },
    definition: ['main.nn:1:9'],
    references: ['main.nn:1:9', 'main.nn:3:21', 'main.nn:7:17'],
  },
  {
    name: 'a loop variable is its own symbol, not the outer name',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let h = x\n  for w in [8, 16] { h = h -> Dense(w<|>) }\n  output h\n}' },
    definition: ['main.nn:4:7'],
    references: ['main.nn:4:7', 'main.nn:4:37'],
  },
  {
    name: 'an assignment refers to the binding it changes',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  let h = x\n  repeat 2 { h<|> = h -> Dense(4) }\n  output h\n}' },
    definition: ['main.nn:3:7'],
    references: ['main.nn:3:7', 'main.nn:4:14', 'main.nn:4:18', 'main.nn:5:10'],
  },
  {
    name: 'a block in this file',
    files: { 'main.nn': `${BLOCKS}model M {\n  input x: [B, 8, 8, 3]\n  output x -> Pa<|>ir(4) -> Pair(8)\n}` },
    definition: ['main.nn:1:7'],
    references: ['main.nn:1:7', 'main.nn:7:15', 'main.nn:7:26'],
  },
  {
    name: 'an imported block: into the other file, and its uses there and in the import list',
    files: {
      'main.nn': 'import { Pair } from "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pa<|>ir(4)\n}',
      'blocks.nn': `${BLOCKS}model Self {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(2)\n}`,
    },
    definition: ['blocks.nn:1:7'],
    references: ['main.nn:1:10', 'main.nn:4:15', 'blocks.nn:1:7', 'blocks.nn:7:15'],
  },
  {
    name: 'an imported parameter through a named argument',
    files: {
      'main.nn': 'import "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(4, ker<|>nel: 5)\n}',
      'blocks.nn': BLOCKS,
    },
    definition: ['blocks.nn:1:26'],
    references: ['main.nn:4:23', 'blocks.nn:1:26', 'blocks.nn:3:31'],
  },
  {
    name: 'a model named by a train block and a loss named by a setting',
    files: { 'main.nn': 'loss Sq {\n  input p: [N, K]\n  input t: [N, K]\n  output sum(p - t)\n}\nmodel M<|> {\n  input x: [B, 784]\n  output x -> Dense(10)\n}\ntrain M on mnist() { loss: Sq epochs: 1 }' },
    definition: ['main.nn:6:7'],
    references: ['main.nn:6:7', 'main.nn:10:7'],
  },
  {
    name: 'a layer has no definition to go to',
    files: { 'main.nn': 'model M {\n  input x: [B, 4]\n  output x -> Den<|>se(4)\n}' },
    definition: [],
    references: [],
    highlights: [],
  },
];

function where(all: Map<string, Analysis>, loc: Location): string {
  const a = [...all.values()].find((x) => x.file === loc.file) ?? [...all.values()][0]!;
  const text = a.modules.get(loc.file)!.text;
  const before = text.slice(0, loc.range.start).split('\n');
  return `${loc.file.slice(1)}:${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('navigation', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, offset } = cursor(c.files['main.nn']!);
      const all = analyzeAll({ ...c.files, 'main.nn': text });
      const a = all.get('/main.nn')!;
      const workspace = [...all.values()];
      expect(definition(a, offset).map((l) => where(all, l))).toEqual(c.definition);
      if (c.references) {
        expect(references(a, offset, workspace, true).map((l) => where(all, l))).toEqual(c.references);
        const decl = new Set(c.definition);
        expect(references(a, offset, workspace, false).map((l) => where(all, l))).toEqual(c.references.filter((r) => !decl.has(r)));
      }
      if (c.highlights) {
        expect(documentHighlights(a, offset).map((r) => where(all, { file: '/main.nn', range: r }).replace('main.nn:', ''))).toEqual(c.highlights);
      }
    });
  }

  it('finds the uses of a definition in workspace files that import it', () => {
    const files = {
      'blocks.nn': `${BLOCKS}`,
      'a.nn': 'import { Pair } from "./blocks.nn"\nmodel A {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(1)\n}',
    };
    const all = analyzeAll(files);
    const blocks = all.get('/blocks.nn')!;
    const refs = references(blocks, blocks.text.indexOf('Pair') + 1, [...all.values()], false).map((l) => where(all, l));
    expect(refs).toEqual(['a.nn:1:10', 'a.nn:4:15']);
  });
});
