// Completion as data: a source with a cursor, the labels that must (and
// must not) be offered, and details of some items.

import { describe, expect, it } from 'vitest';
import { completion } from '../../core/ide/completion.js';
import { analyzeAt } from './helpers.js';

const BLOCKS = `
/// Two convolutions.
block Pair(filters: int, kernel: int = 3) {
  input x: [B, H, W, C]
  output x -> Conv2D(filters, kernel, padding: "same") -> ReLU
}
block Other { input x: [B, 4] output x }
model Far { input x: [B, 4] output x }
`;

interface Case {
  name: string;
  source: string;
  others?: Record<string, string>;
  has?: string[];
  lacks?: string[];
  /** label -> fields the item must have */
  items?: Record<string, Record<string, string>>;
  /** these labels, in this order of sortText */
  order?: string[];
  empty?: boolean;
}

const CASES: Case[] = [
  {
    name: 'stage after -> with nothing after (incomplete)',
    source: 'model M {\n  input x: [B, 784]\n  let h = x -> <|>\n}',
    has: ['Dense', 'ReLU', 'Conv2D', 'reshape', 'repeat', 'if'],
    lacks: ['h', 'input', 'model', 'x', 'B'],
    items: {
      Conv2D: { kind: 'layer', snippet: 'Conv2D(${1:filters}, ${2:kernel})' },
      ReLU: { kind: 'layer', snippet: 'ReLU' },
      Dense: { kind: 'layer', snippet: 'Dense(${1:units})' },
    },
    order: ['Dense', 'reshape'],
  },
  {
    name: 'after -> only what applies to a tensor: no parameters, shape variables or tensors',
    source: `${BLOCKS}\nmodel M(classes: int = 10) {\n  input image: [B, 8, 8, 3]\n  let features = image -> Flatten\n  let head = Dense(classes)\n  output features -> <|>\n}`,
    has: ['Dense', 'Pair', 'Far', 'head', 'softmax', 'reshape', 'concat', 'repeat', 'if'],
    lacks: ['classes', 'B', 'features', 'image', 'normal', 'uniform', 'causal_mask', 'let', 'true'],
    items: { head: { kind: 'variable', detail: 'layer Dense' }, Pair: { kind: 'block' }, Far: { kind: 'model' } },
    // layers, blocks and a bound layer come first; functions after them; keywords last
    order: ['Dense', 'reshape', 'repeat'],
  },
  {
    name: 'after -> on a line of its own, mid-pipeline',
    source: 'model M(classes: int = 10) {\n  input x: [B, 784]\n  output x -> Dense(64)\n           -> <|>\n           -> Dense(classes)\n}',
    has: ['ReLU', 'Dropout'],
    lacks: ['classes', 'x', 'B'],
  },
  {
    name: 'an argument of a stage is an expression again: tensors and parameters are back',
    source: 'model M(classes: int = 10) {\n  input x: [B, 784]\n  output x -> Dense(<|>)\n}',
    has: ['classes', 'B'],
  },
  {
    name: 'stage at end of file, unclosed definition',
    source: 'model M {\n  input x: [B, 784]\n  output x -> Dense(10) -> <|>',
    has: ['Softmax'],
    lacks: ['x'],
  },
  {
    name: 'a block with required params is a snippet, with its signature',
    source: `${BLOCKS}\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> <|>\n}`,
    items: {
      Pair: { kind: 'block', snippet: 'Pair(${1:filters})', detail: 'block Pair(filters: int, kernel: int = 3)', documentation: 'Two convolutions.' },
      Other: { snippet: 'Other' },
      Far: { kind: 'model' },
    },
  },
  {
    name: 'an imported block',
    source: 'import { Pair } from "./blocks.nn"\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> <|>\n}',
    others: { 'blocks.nn': BLOCKS },
    has: ['Pair'],
    lacks: ['Other'],
    items: { Pair: { detail: 'block Pair(filters: int, kernel: int = 3) (from blocks.nn)' } },
  },
  {
    name: 'a definition does not offer itself',
    source: 'block Self {\n  input x: [B, 4]\n  output x -> <|>\n}',
    lacks: ['Self'],
  },
  {
    name: 'call arguments: unclosed, one positional given',
    source: 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> Conv2D(64, <|>\n}',
    has: ['kernel', 'stride', 'padding', 'x'],
    lacks: ['filters', 'Dense'],
    items: { stride: { kind: 'parameter', snippet: 'stride: ' }, padding: { kind: 'parameter' } },
    order: ['kernel', 'stride', 'x'],
  },
  {
    name: 'call arguments: named ones given are not offered again',
    source: 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> Conv2D(64, 3, stride: 2, <|>)\n}',
    has: ['padding'],
    lacks: ['filters', 'kernel', 'stride'],
  },
  {
    name: 'call arguments of a block',
    source: `${BLOCKS}\nmodel M {\n  input x: [B, 8, 8, 3]\n  output x -> Pair(8, <|>)\n}`,
    has: ['kernel'],
    lacks: ['filters'],
    items: { kernel: { detail: 'int = 3' } },
  },
  {
    name: 'named argument value with allowed strings',
    source: 'model M {\n  input x: [B, 8, 8, 3]\n  output x -> Conv2D(64, 3, padding: <|>)\n}',
    has: ['"same"', '"valid"', 'x'],
  },
  {
    name: 'statement start in a body',
    source: 'model M(n: int = 2) {\n  input x: [B, 4]\n  let h = x\n  <|>\n}',
    has: ['input', 'let', 'output', 'repeat', 'for', 'if', 'h', 'x', 'n'],
    lacks: ['Dense', 'model'],
    items: { n: { kind: 'parameter', detail: 'int = 2' }, h: { detail: '[B, 4]' } },
  },
  {
    name: 'statement start inside a for body sees the loop variable',
    source: 'model M {\n  input x: [B, 4]\n  let h = x\n  for w in [8, 16] {\n    <|>\n  }\n}',
    has: ['w', 'h', 'let'],
  },
  {
    name: 'loop variables are not visible after their loop',
    source: 'model M {\n  input x: [B, 4]\n  let h = x\n  for w in [8, 16] { h = h -> Dense(w) }\n  output <|>\n}',
    has: ['h'],
    lacks: ['w'],
  },
  {
    name: 'stages inside a repeat body',
    source: 'model M {\n  input x: [B, 4]\n  output x -> repeat 2 { <|> }\n}',
    has: ['Dense'],
    lacks: ['let'],
  },
  {
    name: 'expression after =',
    source: 'model M {\n  input x: [B, 4]\n  let a, b = <|>\n}',
    has: ['split', 'x', 'Dense'],
    lacks: ['a', 'b'],
  },
  {
    name: 'naming a binding offers nothing',
    source: 'model M {\n  input x: [B, 4]\n  let <|>\n}',
    empty: true,
  },
  {
    name: 'top level',
    source: 'model M { input x: [B, 4] output x }\n<|>',
    has: ['model', 'block', 'loss', 'pipeline', 'train', 'import'],
    lacks: ['Dense', 'let'],
  },
  {
    name: 'empty file',
    source: '<|>',
    has: ['model', 'train'],
  },
  {
    name: 'train target',
    source: `${BLOCKS}\ntrain <|>`,
    has: ['Far'],
    order: ['Far', 'Pair'],
  },
  {
    name: 'train data source',
    source: 'model M { input x: [B, 784] output x }\ntrain M on <|>',
    has: ['mnist', 'csv', 'ring'],
    items: { mnist: { kind: 'data', snippet: 'mnist()' }, csv: { snippet: 'csv(${1:path})' } },
  },
  {
    name: 'train keys while typing one, unclosed',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist() {\n  loss: crossentropy\n  epo<|>',
    has: ['epochs', 'batch', 'optimizer', 'adversarial'],
    lacks: ['loss'],
    items: { epochs: { kind: 'setting', snippet: 'epochs: ', detail: 'Passes over the training data.' } },
  },
  {
    name: 'loss values include loss definitions',
    source: 'loss Sq { input p: [N, K] input t: [N, K] output sum(p - t) }\nmodel M { input x: [B, 784] output x }\ntrain M on mnist() {\n  loss: <|>\n}',
    has: ['crossentropy', 'mse', 'Sq'],
    lacks: ['epochs', 'Adam'],
    items: { Sq: { kind: 'loss' } },
  },
  {
    name: 'optimizer values are snippets',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist() {\n  optimizer: <|>\n}',
    has: ['Adam', 'SGD'],
    items: { Adam: { kind: 'optimizer', snippet: 'Adam(lr: ${1:0.001})' } },
  },
  {
    name: 'optimizer arguments',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist() {\n  optimizer: Adam(lr: 0.01, <|>)\n}',
    has: ['beta1', 'beta2'],
    lacks: ['lr'],
  },
  {
    name: 'metrics inside a list',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist() {\n  metrics: [accuracy, <|>]\n}',
    has: ['accuracy', 'top5'],
  },
  {
    name: 'device values',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist() { device: <|> }',
    has: ['cpu', 'gpu'],
  },
  {
    name: 'data source arguments',
    source: 'model M { input x: [B, 784] output x }\ntrain M on mnist(<|>',
    has: ['split', 'scale', 'limit'],
  },
  {
    name: 'import names of a resolvable file',
    source: 'import { Pair, <|> } from "./blocks.nn"\nmodel M { input x: [B, 4] output x }',
    others: { 'blocks.nn': BLOCKS },
    has: ['Other', 'Far'],
    lacks: ['Pair', 'M'],
  },
  {
    name: 'inside a comment: nothing',
    source: 'model M {\n  input x: [B, 4] // x -> <|>\n  output x\n}',
    empty: true,
  },
  {
    name: 'parameter type',
    source: 'block P(n: <|>) { input x: [B, 4] output x }',
    has: ['int', 'float', '[int]'],
  },
];

describe('completion', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { analysis, offset } = analyzeAt(c.source, c.others);
      const items = completion(analysis, offset);
      const labels = items.map((i) => i.label);
      if (c.empty) expect(labels).toEqual([]);
      for (const l of c.has ?? []) expect(labels, `has ${l}`).toContain(l);
      for (const l of c.lacks ?? []) expect(labels, `lacks ${l}`).not.toContain(l);
      for (const [label, fields] of Object.entries(c.items ?? {})) {
        const found = items.find((i) => i.label === label);
        expect(found, label).toBeDefined();
        expect(found, label).toMatchObject(fields);
      }
      if (c.order) {
        const sorts = c.order.map((l) => items.find((i) => i.label === l)?.sortText ?? '');
        expect([...sorts].sort(), c.order.join(' < ')).toEqual(sorts);
      }
    });
  }
});

describe('completion never throws', () => {
  it('at every 7th offset of every prefix-truncated example', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { documentSymbols } = await import('../../core/ide/symbols.js');
    const { foldingRanges } = await import('../../core/ide/folding.js');
    const { semanticTokens } = await import('../../core/ide/semantic-tokens.js');
    const { definition, references } = await import('../../core/ide/navigation.js');
    const { rename } = await import('../../core/ide/rename.js');
    for (const f of readdirSync('examples').filter((n) => n.endsWith('.nn'))) {
      const full = readFileSync(`examples/${f}`, 'utf8');
      for (const cut of [full.length, Math.floor(full.length / 2), Math.floor(full.length / 3)]) {
        const { analysis } = analyzeAt(full.slice(0, cut));
        documentSymbols(analysis);
        foldingRanges(analysis);
        semanticTokens(analysis);
        for (let o = 0; o <= cut; o += cut === full.length ? 7 : 53) {
          completion(analysis, o);
          if (cut === full.length && o % 21 === 0) {
            definition(analysis, o);
            references(analysis, o, [analysis], true);
            rename(analysis, o, 'renamed_', [analysis]);
          }
        }
      }
    }
  });
});
