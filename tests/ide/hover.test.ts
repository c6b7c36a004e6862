// Hover as data: a source with a <|> cursor, the hovered range's text, and
// fragments the Markdown must contain (and must not).

import { describe, expect, it } from 'vitest';
import { hover } from '../../core/ide/hover.js';
import { analyzeAt } from './helpers.js';

const MLP = `/// A small net.
model MLP(hidden: int = 128) {
  /// Flattened digits.
  input x: [B, 784]
  /// The hidden features.
  let h = x -> Dense(hidden) -> ReLU
  output h -> Dense(10) -> Softmax
}
`;

const BLOCK = `/// Two convolutions.
block Pair(filters: int, k: int = 3) {
  input x: [B, H, W, C]
  output x -> Conv2D(filters, k, padding: 1) -> ReLU
}
model Net {
  input image: [B, 32, 32, 3]
  input ids: [B, 8] int
  let f = image -> Pair(16)
  output f -> Flatten
}
`;

const STEM = `block Stem {
  input image: [B, H, W, 3]
  let half = image -> Conv2D(64, 7, stride: 2, padding: 3)
  output half -> MaxPool2D(3, stride: 2, padding: 1)
}
block Twice {
  input x: [B, H, W, 3]
  output x -> Stem
}
model Small {
  input image: [B, 224, 224, 3]
  input tiny: [B, 32, 32, 3]
  let a = image -> Stem -> Flatten
  let b = tiny -> Twice -> Flatten
  output concat([a, b], axis: -1)
}
model Large {
  input image: [B, 29, 32, 3]
  output image -> Stem
}
`;

const ATTN = `model A {
  input q: [B, T, 64]
  let proj = Dense(64)
  let a = MultiHeadAttention(4, 64)(q, q, q)
  output proj(a) + proj(q)
}
`;

const TRAIN = `model M {
  input x: [B, 784]
  output x -> Dense(10) -> Softmax
}
train M on mnist(split: 0.8) {
  loss: crossentropy
  optimizer: Adam(lr: 0.001)
  epochs: 3
  metrics: [accuracy]
}
`;

const at = (src: string, marker: string, delta = 0): string => {
  const i = src.indexOf(marker);
  if (i < 0) throw new Error(`no ${marker}`);
  return src.slice(0, i + delta) + '<|>' + src.slice(i + delta);
};

interface Case {
  name: string;
  source: string;
  /** the text of the hover range; undefined: no hover */
  word?: string;
  has?: string[];
  hasNot?: string[];
}

const cases: Case[] = [
  { name: 'layer callee with its application', source: at(MLP, 'Dense(hidden)', 2), word: 'Dense', has: ['Dense(units, activation: "linear", bias: true, init: "glorot_uniform", bias_init: "zeros"', 'fully connected', 'Here: `Dense(units: 128, activation: "linear", bias: true, init: "glorot_uniform", bias_init: "zeros")`', '`[B, 784]` → `[B, 128]`', 'Parameters: 100,480', 'FLOPs per example: 200,832'] },
  { name: 'bare block stage', source: 'block Stem {\n  input x: [B, 4]\n  output x -> Dense(8)\n}\nmodel S {\n  input x: [B, 4]\n  output x -> St<|>em\n}\n', word: 'Stem', has: ['block Stem', '`[B, 4]` → `[B, 8]`'] },
  { name: 'bare layer stage', source: at(MLP, 'ReLU', 0), word: 'ReLU', has: ['ReLU()', '`[B, 128]` → `[B, 128]`', 'Parameters: 0'] },
  { name: 'cursor at the end of a layer name', source: at(MLP, 'Softmax', 7), word: 'Softmax', has: ['`[B, 10]` → `[B, 10]`'] },
  { name: 'binding with doc', source: at(MLP, 'h ->', 0), word: 'h', has: ['h: [B, 128]', 'The hidden features.', '*binding*'] },
  { name: 'input with doc', source: at(MLP, 'x: [B', 0), word: 'x', has: ['x: [B, 784]', 'Flattened digits.', '*input*'] },
  { name: 'parameter at its declaration', source: at(MLP, 'hidden: int', 1), word: 'hidden', has: ['hidden: int = 128', '*parameter*'] },
  { name: 'parameter at a use', source: at(MLP, 'hidden)', 0), word: 'hidden', has: ['hidden: int = 128'] },
  { name: 'model at its definition', source: at(MLP, 'MLP', 0), word: 'MLP', has: ['model MLP(hidden: int = 128)', 'A small net.', 'Inputs: `x: [B, 784]`', 'Output: `[B, 10]`'] },
  { name: 'block at its definition', source: at(BLOCK, 'Pair(filters', 1), word: 'Pair', has: ['block Pair(filters: int, k: int = 3)', 'Two convolutions.', 'Inputs: `x: [B, H, W, C]`', 'Output: `[B, H, W, filters]`'], hasNot: ['Here'] },
  { name: 'block at a use', source: at(BLOCK, 'Pair(16)', 1), word: 'Pair', has: ['block Pair', 'Here: `Pair(filters: 16, k: 3)`', '`[B, 32, 32, 3]` → `[B, 32, 32, 16]`'] },
  { name: 'int input dtype', source: at(BLOCK, 'ids:', 0), word: 'ids', has: ['ids: [B, 8] int'] },
  { name: 'shape variable', source: at(BLOCK, 'H, W', 0), word: 'H', has: ['H: int', 'shape variable'] },
  { name: 'layer with symbolic arguments inside a block', source: at(BLOCK, 'Conv2D', 1), word: 'Conv2D', has: ['Here: `Conv2D(filters: filters, kernel: 3', '`[B, H, W, C]` → `[B, H, W, filters]`', 'Parameters: 9*C*filters + filters'] },
  { name: 'a layer inside a block: its output at each use by a model', source: at(BLOCK, 'Conv2D', 1), word: 'Conv2D', has: ['`[B, H, W, C]` → `[B, H, W, filters]`', '---\n\nat Net line 9: `[B, 32, 32, 16]`'] },
  { name: 'a layer inside a block: its output at each use (simplest forms, nested blocks)', source: at(STEM, 'MaxPool2D', 1), word: 'MaxPool2D', has: ['`[B, ceil(H/2), ceil(W/2), 64]` → `[B, ceil(H/4), ceil(W/4), 64]`', 'at Small line 13: `[B, 56, 56, 64]`  \nat Small line 14: `[B, 8, 8, 64]`  \nat Large line 19: `[B, 8, 8, 64]`'] },
  { name: 'a binding inside a block: its value at each use', source: at(STEM, 'half ->', 0), word: 'half', has: ['half: [B, ceil(H/2), ceil(W/2), 64]', 'at Small line 13: `[B, 112, 112, 64]`'] },
  { name: 'inside a model: no uses to list', source: at(STEM, 'Stem -> Flatten', 0), word: 'Stem', hasNot: ['at Small line'] },
  { name: 'argument name', source: at(BLOCK, 'padding: 1', 2), word: 'padding', has: ['padding: padding = "valid"', '"same"'] },
  { name: 'callee of a call that is itself called', source: at(ATTN, 'MultiHeadAttention', 3), word: 'MultiHeadAttention', has: ['Here: `MultiHeadAttention(heads: 4, d: 64', '`[B, T, 64], [B, T, 64], [B, T, 64]` → `[B, T, 64]`', 'Parameters: 16,640', 'FLOPs per example: '] },
  { name: 'bound layer applied twice', source: at(ATTN, 'proj(a)', 1), word: 'proj', has: ['proj: Dense(units: 64', 'shared: `proj` is applied 2 times', 'Parameters: 4,160'] },
  { name: 'function', source: at('model F {\n  input x: [B, 4, 4]\n  output reshape(x, [B, 16])\n}\n', 'reshape', 1), word: 'reshape', has: ['### reshape', 'reshape('] },
  { name: 'train setting key', source: at(TRAIN, 'epochs', 0), word: 'epochs', has: ['*train setting*: Passes over the training data.'] },
  { name: 'data source', source: at(TRAIN, 'mnist', 1), word: 'mnist', has: ['mnist(split: 0.8, scale?, limit?, set: "small")', '*data source*'] },
  { name: 'optimizer and its argument', source: at(TRAIN, 'lr:', 0), word: 'lr', has: ['lr: float = 0.001', 'learning rate'] },
  { name: 'optimizer', source: at(TRAIN, 'Adam', 0), word: 'Adam', has: ['*optimizer*', 'Adam(lr: 0.001'] },
  { name: 'loss name', source: at(TRAIN, 'crossentropy', 4), word: 'crossentropy', has: ['*loss*: Categorical crossentropy'] },
  { name: 'metric', source: at(TRAIN, 'accuracy', 0), word: 'accuracy', has: ['*metric*'] },
  { name: 'train target', source: at(TRAIN, 'M on', 0), word: 'M', has: ['model M', 'Inputs: `x: [B, 784]`'] },
  { name: 'unknown value: binding after an error', source: 'model E {\n  input x: [B, 4]\n  let bad = x -> Conv2D(8, 3)\n  output b<|>ad\n}\n', word: 'bad', has: ['bad', 'value unknown'] },
  { name: 'half-typed layer call', source: 'model T {\n  input x: [B, 4]\n  output x -> Dens<|>e(\n}\n', word: 'Dense', has: ['Dense(units'] },
  { name: 'on a number: nothing', source: 'model N {\n  input x: [B, 4]\n  output x -> Dense(1<|>0)\n}\n' },
  { name: 'on a keyword: nothing', source: 'mod<|>el N {\n  input x: [B, 4]\n  output x\n}\n' },
  { name: 'unknown name: nothing', source: 'model N {\n  input x: [B, 4]\n  output x -> Nope<|>\n}\n' },
];

describe('hover', () => {
  it.each(cases)('$name', ({ source, word, has = [], hasNot = [] }) => {
    const { analysis, offset, text } = analyzeAt(source);
    const h = hover(analysis, offset);
    if (word === undefined) {
      expect(h).toBeUndefined();
      return;
    }
    expect(h).toBeDefined();
    expect(text.slice(h!.range.start, h!.range.end)).toBe(word);
    for (const f of has) expect(h!.contents).toContain(f);
    for (const f of hasNot) expect(h!.contents).not.toContain(f);
  });
});
