// Shapes the checker infers, as data: a model body and its output shapes.

import { describe, expect, it } from 'vitest';
import { outputShapes } from '../helpers/shape-of.js';

const model = (body: string, params = '') => `model M(${params}) {\n${body}\n}`;

const cases: [string, string, string[]][] = [
  ['symbols stay symbols', model('input x: [B, T, 64]\noutput x -> Dense(32)'), ['[B, T, 32]']],
  ['3x3 / pad 1 / stride 1 keeps the size', model('input x: [B, H, W, 3]\noutput x -> Conv2D(8, 3, padding: 1)'), ['[B, H, W, 8]']],
  ['2x2 pooling halves a symbolic size', model('input x: [B, H, W, 3]\noutput x -> MaxPool2D(2)'), ['[B, floor(H/2), floor(W/2), 3]']],
  ['a stride-2 convolution of an odd size', model('input x: [B, 7, 7, 3]\noutput x -> Conv2D(4, 3, stride: 2)'), ['[B, 3, 3, 4]']],
  ['same padding rounds up', model('input x: [B, 7, 7, 3]\noutput x -> Conv2D(4, 3, stride: 2, padding: "same")'), ['[B, 4, 4, 4]']],
  ['arithmetic in shapes', model('input x: [B, 2*C]\noutput x -> reshape([B, C, 2])'), ['[B, C, 2]']],
  ['parameters in shapes', model('input x: [B, T, d]\noutput x -> reshape([B, T, heads, d / heads])', 'heads: int = 8, d: int = 512'), ['[B, T, 8, 64]']],
  ['broadcasting adds axes on the left', model('input x: [B, T, 8]\ninput bias: [8]\noutput x + bias'), ['[B, T, 8]']],
  ['size-1 axes broadcast', model('input x: [B, 1, 8]\ninput y: [B, 5, 1]\noutput x * y'), ['[B, 5, 8]']],
  ['matmul with batch axes', model('input q: [B, T, 64]\ninput k: [B, S, 64]\noutput q @ transpose(k, [0, 2, 1])'), ['[B, T, S]']],
  ['slicing with ellipsis, ranges and new axes', model('input x: [N, 7, 7, 30]\noutput x[..., newaxis, 0:4]'), ['[N, 7, 7, 1, 4]']],
  ['an integer index drops its axis', model('input x: [N, 7, 7, 30]\noutput x[:, 0]'), ['[N, 7, 30]']],
  ['negative slice bounds on a symbolic axis', model('input x: [B, T, 8]\noutput x[:, 1:-1]'), ['[B, T - 2, 8]']],
  ['a step rounds up', model('input x: [B, 9]\noutput x[:, ::2]'), ['[B, 5]']],
  ['split and destructuring', model('input x: [B, 12]\nlet a, b, c = split(x, 3)\noutput a + b + c'), ['[B, 4]']],
  ['several named outputs', model('input x: [B, 8]\noutput small = x -> Dense(2)\noutput big = x -> Dense(16)'), ['[B, 2]', '[B, 16]']],
  ['repeat as a pipeline stage', model('input x: [B, 32, 32, 3]\noutput x -> repeat 3 { Conv2D(4, 3, stride: 2, padding: 1) }'), ['[B, 4, 4, 4]']],
  ['repeat as a statement rebinding a name', model('input x: [B, 8]\nlet h = x\nrepeat 2 { h = h -> Dense(16) }\noutput h'), ['[B, 16]']],
  ['for over a list', model('input x: [B, 8]\nlet h = x\nfor units in [32, 16, 4] { h = h -> Dense(units) }\noutput h'), ['[B, 4]']],
  ['if chooses on known numbers', model('input x: [B, 8]\noutput if n > 1 { x -> Dense(n) } else { x }', 'n: int = 3'), ['[B, 3]']],
  ['if as a pipeline stage', model('input x: [B, 8]\noutput x -> if n > 1 { Dense(n) } else { Identity }', 'n: int = 1'), ['[B, 8]']],
  ['a layer applied to a tensor with default settings', model('input x: [B, T, 8]\noutput LayerNorm(x + x)'), ['[B, T, 8]']],
  ['attention with three inputs', model('input q: [B, T, 512]\ninput m: [B, S, 512]\noutput MultiHeadAttention(8, 512)(q, m, m)'), ['[B, T, 512]']],
  ['int inputs through an embedding', model('input tokens: [B, S] int\noutput tokens -> Embedding(100, 16)'), ['[B, S, 16]']],
  ['a reduction to a scalar', model('input x: [N, 4]\noutput sum(x) / N'), ['[]']],
  ['a shape variable solved from an expression', `block Halve {
  input x: [B, 2*C]
  output x -> reshape([B, C, 2])
}
model M {
  input x: [B, 64]
  output x -> Halve
}`, ['[B, 32, 2]']],
  ['a block with shape variables keeps the caller\'s sizes', `block Up(filters: int) {
  input x: [B, H, W, C]
  output x -> UpSampling2D(2) -> Conv2D(filters, 1)
}
model M {
  input x: [B, 7, 9, 4]
  output x -> Up(3)
}`, ['[B, 14, 18, 3]']],
  ['a name assigned under an undecided condition is decided where the block is applied', `block Maybe(filters: int) {
  input x: [B, H, W, C]
  let shortcut = x
  if C != filters { shortcut = x -> Conv2D(filters, 1) }
  output (x -> Conv2D(filters, 3, padding: 1)) + shortcut
}
model M {
  input x: [B, 8, 8, 4]
  output same = x -> Maybe(4)
  output wider = x -> Maybe(16)
}`, ['[B, 8, 8, 4]', '[B, 8, 8, 16]']],
  ['an optional input left out: given() is false', `block Masked {
  input x: [B, T, 8]
  input mask: [B, T, 8] optional
  output if given(mask) { x * mask } else { x -> Dense(4) }
}
model M {
  input x: [B, 5, 8]
  input m: [B, 5, 8]
  output with = Masked()(x, m)
  output without = x -> Masked
}`, ['[B, 5, 8]', '[B, 5, 4]']],
];

describe('inferred shapes', () => {
  it.each(cases)('%s', (_name, source, expected) => {
    expect(outputShapes(source)).toEqual(expected);
  });
});
