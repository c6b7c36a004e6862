// The canonical formatter: exact output for a few inputs, and the round-trip
// and idempotence properties over a set of sources and every examples/*.nn.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, print, stripRanges } from '../../grammar/index.js';
import { parseClean } from './helpers.js';

const canonical: [string, string, string][] = [
  ['spacing and one statement per line',
    'model  A(x:int=3,y : [int]=[1,2]){input x:[B,H/2] int optional let y=x->Conv2D(64,3,stride:2)->ReLU;output y}',
    `model A(x: int = 3, y: [int] = [1, 2]) {
  input x: [B, H / 2] int optional
  let y = x -> Conv2D(64, 3, stride: 2) -> ReLU
  output y
}
`],
  ['long pipes break before each arrow, aligned under the first',
    'block B { output x -> Conv2D(filters, 3, stride: 1, padding: 1) -> BatchNorm -> ReLU -> MaxPool2D(2, stride: 2) -> Dropout(0.5) }',
    `block B {
  output x -> Conv2D(filters, 3, stride: 1, padding: 1)
           -> BatchNorm
           -> ReLU
           -> MaxPool2D(2, stride: 2)
           -> Dropout(0.5)
}
`],
  ['comments: leading, trailing and doc; blank line between items; imports grouped',
    `// header
import "a.nn"
import { X } from "b.nn"
/// The model.
model M {   // opens
  // lead
  let a = 1    // one
  /// out
  output a
  // last
}
train M on d(split: 0.8) { loss: crossentropy  // the loss
epochs: 5 }`,
    `// header
import "a.nn"
import { X } from "b.nn"

/// The model.
model M {   // opens
  // lead
  let a = 1    // one
  /// out
  output a
  // last
}

train M on d(split: 0.8) {
  loss: crossentropy  // the loss
  epochs: 5
}
`],
  ['nested bodies, else-if chains, expressions',
    'model M { repeat i in 4 { if i == 0 { h = h -> A } else if i < 2 { h = -h ** 2 } else { h = (h / 2) } } for f in [1,2,] { h = h[..., newaxis, 1:-1:2, ::2, :] } let r = { a: 1, b: "x\\"y" } let e = if a { x } else { y -> Z } let q = x -> repeat n - 1 { B(f) } output 2e-4 + 1e3 + .5 }',
    `model M {
  repeat i in 4 {
    if i == 0 {
      h = h -> A
    } else if i < 2 {
      h = -h ** 2
    } else {
      h = (h / 2)
    }
  }
  for f in [1, 2] {
    h = h[..., newaxis, 1:-1:2, ::2, :]
  }
  let r = { a: 1, b: "x\\"y" }
  let e = if a { x } else { y -> Z }
  let q = x -> repeat n - 1 { B(f) }
  output 2e-4 + 1e3 + .5
}
`],
  ['pipes keep the line breaks of the source; groups on one line stay together',
    `block C {
  output f -> Flatten   // [B, 25088]
     -> Dense(4096) -> ReLU -> Dropout(0.5)
  -> Dense(classes)
  let y = x -> A ->
    B -> C
}`,
    `block C {
  output f -> Flatten   // [B, 25088]
           -> Dense(4096) -> ReLU -> Dropout(0.5)
           -> Dense(classes)
  let y = x -> A
            -> B -> C
}
`],
  ['a head alone on its line keeps its stages one level deeper',
    `model V {
  output image
        -> VGGBlock(1, 64)     // [B, 112, 112, 64]
    -> VGGBlock(1, 128) -> Flatten
  let h = x  // the input
    -> A
}`,
    `model V {
  output image
    -> VGGBlock(1, 64)  // [B, 112, 112, 64]
    -> VGGBlock(1, 128) -> Flatten
  let h = x  // the input
    -> A
}
`],
  ['trailing comments on consecutive lines line up, 2 spaces after the longest code',
    `model M {
  let a = 1 // one
  let bcd = f(2)   // two
  output a -> B(3)      // three

  // own line
  let e = 5        // alone after a blank line
  let f = 6 // ends with the next line
  let g = 7
  let h = 8 // a new run
}`,
    `model M {
  let a = 1             // one
  let bcd = f(2)        // two
  output a -> B(3)      // three

  // own line
  let e = 5        // alone after a blank line
  let f = 6        // ends with the next line
  let g = 7
  let h = 8  // a new run
}
`],
  ['hand-aligned trailing comments keep their column; a re-laid line does not',
    `model M {
  let a = 1                      // kept at column 33
  let b = 2                      // kept too
}
train M on d { loss: crossentropy       // re-laid: normalised
}`,
    `model M {
  let a = 1                      // kept at column 33
  let b = 2                      // kept too
}

train M on d {
  loss: crossentropy  // re-laid: normalised
}
`],
  ['blank lines inside bodies: one kept where the user left some, none after { or before }',
    `model M {

  let a = 1


  let b = 2
  // about c

  /// doc of c
  let c = 3
  repeat 2 {
    h = h

    h = h
  }

}
train M on d {
  loss: x

  epochs: 5
}`,
    `model M {
  let a = 1

  let b = 2
  // about c

  /// doc of c
  let c = 3
  repeat 2 {
    h = h

    h = h
  }
}

train M on d {
  loss: x

  epochs: 5
}
`],
  ['numbers keep their spelling', 'model M { output f(2e-4, 0.5, 1000, .5, 1E3, 2.50, 007) }',
    'model M {\n  output f(2e-4, 0.5, 1000, .5, 1E3, 2.50, 007)\n}\n'],
  ['params with docs go one per line', 'block B(\n/// the count\nn: int, m: int) { output n }',
    `block B(
  /// the count
  n: int,
  m: int,
) {
  output n
}
`],
  ['empty bodies', 'model M {}\ntrain M on d {}', 'model M {}\n\ntrain M on d {}\n'],
  ['an empty parameter list stays as written', 'model D() { output x }\nblock E { output x }', 'model D() {\n  output x\n}\n\nblock E {\n  output x\n}\n'],
  ['empty file', '', ''],
];

describe('printer: canonical output', () => {
  it.each(canonical)('%s', (_name, source, expected) => {
    expect(print(parseClean(source))).toBe(expected);
  });
});

const sources = [
  ...canonical.map((c) => c[1]),
  `/// Doc comment for the block.
block VGGBlock(convs: int, filters: int, rate: float = 0.1, act: string = "relu", sizes: [int] = [1, 2], flag: bool = true) {
  input x: [B, H, W, C]
  input mask: [B, 1, H, W] bool optional     // dtype then optional
  output x -> repeat convs { Conv2D(filters, 3, stride: 1, padding: 1) -> ReLU }
           -> MaxPool2D(2, stride: 2)                        // [B, H/2, W/2, filters]
}
model VGG16(classes: int = 1000) {
  let h: [B, 7, 7, 512] = image -> VGGBlock(2, 64) -> VGGBlock(3, 512)   // annotated let
  let a, b = split(h, 2, axis: -1)
  let shortcut = if stride == 1 and C == filters { x } else { x -> Conv2D(filters, 1, stride: stride, bias: false) -> BatchNorm }
  let a2 = LayerNorm(x + Dropout(p)(MultiHeadAttention(heads, d)(x, x, x)))
  let s = q @ transpose(k, [0, 2, 1]) / sqrt(d)
  let sl = truth[..., newaxis, 0:4] + pred[:, 0] + boxes[..., K*5:] + x[::2] + y[1:-1:2]
  let ok = not (a < b) or a >= b and c != d
  output iou: [B, 3] = h -> Dense(3);
  output h: [B, 10]
}
loss L(S: int = 7) { input pred: [N, S, S, 30]  output sum(pred) / N }
train GAN on mnist(scale: [-1, 1]) {
  adversarial(generator: Generator, discriminator: Discriminator, noise: normal([B, 100]))
  loss: minimax
  steps: { discriminator: 1, generator: 1 }
}`,
  'model M {\n  let h = x\n    -> A   // first\n    // own line\n    -> B   // second\n}\n// trailing file comment\n',
];

function examples(): [string, string][] {
  const dir = join(import.meta.dirname, '../../examples');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.nn'));
  } catch {
    return [];
  }
  return files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

describe('printer: round trip and idempotence', () => {
  const all: [string, string][] = [...sources.map((s, i): [string, string] => [`source ${i}`, s]), ...examples()];
  it.each(all)('%s', (_name, source) => {
    const first = parse(source);
    expect(first.diagnostics).toEqual([]);
    const printed = print(first.program);
    const second = parse(printed);
    expect(second.diagnostics).toEqual([]);
    expect(stripRanges(second.program)).toEqual(stripRanges(first.program));
    expect(print(second.program)).toBe(printed);
  });
});
