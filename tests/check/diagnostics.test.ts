// Diagnostics of the checker, as data: a source, and for each expected
// diagnostic its code, the exact source text it points at, and a fragment
// of its message (and of its fix, where one is offered).

import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check-source.js';

interface Expected {
  code: string;
  at: string;
  message: string;
  fix?: string;
  related?: string;
  severity?: 'error' | 'warning';
}

const cases: [string, string, Expected[]][] = [
  [
    'a Dense layer on an image suggests Flatten',
    `model M {
  input x: [B, 28, 28, 1]
  output x -> Dense(10)
}`,
    // the Dense that rejects its input is underlined; where the input comes from is related
    [{ code: 'NN2002', at: 'Dense(10)', message: 'flatten the image features first', fix: 'Insert Flatten before Dense: " -> Flatten"', related: 'x — the input has shape [B, 28, 28, 1]: input x' }],
  ],
  [
    'a misspelt layer gets a did-you-mean',
    `model M {
  input x: [B, 8, 8, 3]
  output x -> Cnv2D(8, 3)
}`,
    [{ code: 'NN1001', at: 'Cnv2D', message: "unknown name 'Cnv2D'; did you mean 'Conv2D'?", fix: `Change to 'Conv2D': "Conv2D"` }],
  ],
  [
    'a misspelt parameter gets a did-you-mean',
    `model M {
  input x: [B, 8, 8, 3]
  output x -> Conv2D(8, 3, strid: 2)
}`,
    [{ code: 'NN1003', at: 'strid', message: "Conv2D has no parameter 'strid'; did you mean 'stride'?", fix: `Change to 'stride': "stride"` }],
  ],
  [
    'a missing required argument points at the argument list',
    `model M {
  input x: [B, 8]
  output x -> Dense()
}`,
    [{ code: 'NN1006', at: '()', message: "Dense needs 'units'" }],
  ],
  [
    'a wrong argument type',
    `model M {
  input x: [B, 8]
  output x -> Dense("ten")
}`,
    [{ code: 'NN3001', at: '"ten"', message: "'units' must be an int, but this is a string" }],
  ],
  [
    'a residual with mismatched shapes names both origins',
    `model M {
  input x: [B, 32, 32, 16]
  let f = x -> Conv2D(16, 3, stride: 2, padding: 1)
  output f + x
}`,
    [{ code: 'NN2004', at: '+', message: '[B, 16, 16, 16] (output of Conv2D) and [B, 32, 32, 16] (input x) differ at axis -2 (16 vs 32)', related: 'x — right operand [B, 32, 32, 16]: input x' }],
  ],
  [
    'a block applied to the wrong shape is reported at the call, with the place inside',
    `block Head(classes: int) {
  input x: [B, 7, 7, C]
  output x -> Flatten -> Dense(classes)
}
model M {
  input image: [B, 14, 14, 3]
  output image -> Head(10)
}`,
    [{ code: 'NN2020', at: 'Head(10)', message: 'in Head: input x expected [B, 7, 7, C], but the shape is [B, 14, 14, 3]: axis 1 is 14, not 7', related: '[B, 7, 7, C] — here, in Head' }],
  ],
  [
    'an annotation that does not hold',
    `model M {
  input x: [B, 32, 32, 3]
  let h: [B, 16, 16, 8] = x -> Conv2D(8, 3, padding: 1)
  output h
}`,
    [{ code: 'NN2021', at: '[B, 16, 16, 8]', message: 'h: expected [B, 16, 16, 8], but the shape is [B, 32, 32, 8]: axis 1 is 32, not 16' }],
  ],
  [
    'an indivisible size in an annotation',
    `model M {
  input x: [B, 7, 4]
  output x -> reshape([B, 7/2, 8])
}`,
    [{ code: 'NN2005', at: '7/2', message: 'a size must be a whole number, but this is 3.5' }],
  ],
  [
    'a reshape that changes the element count',
    `model M {
  input x: [B, 28, 28, 1]
  output x -> reshape([B, 700])
}`,
    [{ code: 'NN2007', at: '[B, 700]', message: '784' }],
  ],
  [
    'an undecidable condition in a model',
    `model M(n: int) {
  input x: [B, 8]
  output if n == 2 { x } else { x -> Dense(8) }
}`,
    [{ code: 'NN3004', at: 'n == 2', message: 'not known at check time: n == 2' }],
  ],
  [
    'a definition that applies itself',
    `block Loop {
  input x: [B, 8]
  output x -> Loop
}
model M {
  input x: [B, 8]
  output x -> Loop
}`,
    // one root cause, one diagnostic: the application in M fails quietly
    [{ code: 'NN1010', at: 'Loop', message: 'Loop applies itself' }],
  ],
  [
    'a shared layer applied to a different width',
    `model M {
  input a: [B, 8]
  input b: [B, 4]
  let dense = Dense(3)
  output dense(a) + dense(b)
}`,
    [{ code: 'NN2012', at: 'dense(b)', message: 'dense shares its weights, which were built for [B, 8], but is applied here to [B, 4]' }],
  ],
  [
    'unused bindings and inputs are warnings; a leading underscore silences them',
    `model M {
  input x: [B, 8]
  input unused: [B, 3]
  input _quiet: [B, 3]
  let h = x -> Dense(4)
  output x
}`,
    [
      { code: 'NN5002', at: 'unused', message: "input 'unused' is never used", severity: 'warning' },
      { code: 'NN5001', at: 'h', message: "binding 'h' is never used", severity: 'warning' },
    ],
  ],
  [
    'several independent mistakes are each reported',
    `model A {
  input x: [B, 8]
  output x -> Dense(4) -> Sofmax
}
model B {
  input x: [B, 8, 8, 3]
  output x -> MaxPool2D(16)
}`,
    [
      { code: 'NN1001', at: 'Sofmax', message: "did you mean 'Softmax'?" },
      { code: 'NN2003', at: '16', message: 'MaxPool2D' },
    ],
  ],
  [
    'assigning a name that was never introduced',
    `model M {
  input x: [B, 8]
  y = x
  output x
}`,
    [{ code: 'NN1001', at: 'y', message: "'y' is not defined", fix: `Add 'let': "let "` }],
  ],
  [
    'a tensor used as a pipeline stage',
    `model M {
  input x: [B, 8]
  input y: [B, 8]
  output x -> y
}`,
    [{ code: 'NN3006', at: 'y', message: 'a pipeline stage must be a layer, a block or a function, but this is a tensor' }],
  ],
  [
    'a pipeline step outside a pipeline',
    `model M {
  input boxes: [N, 4]
  input scores: [N]
  output nms(boxes, scores)
}`,
    [{ code: 'NN1011', at: 'nms(boxes, scores)', message: 'nms is a pipeline step' }],
  ],
  [
    'a repeat count that is too large is refused, not unrolled',
    `model M {
  input x: [B, 8]
  output x -> repeat 100000 { ReLU }
}`,
    [{ code: 'NN3010', at: '100000', message: 'more than the 10000' }],
  ],
  [
    'train: unknown setting, unknown optimizer, data that does not fit the model',
    `model M {
  input x: [B, 100]
  output x -> Dense(10)
}
train M on mnist() {
  epoch: 3
  optimizer: Adma(lr: 0.1)
}`,
    [
      { code: 'NN4006', at: 'mnist()', message: "mnist gives 28x28x1 images (784 values each), but M's input x is [B, 100]" },
      { code: 'NN4002', at: 'epoch', message: "unknown train setting 'epoch'; did you mean 'epochs'?" },
      { code: 'NN4004', at: 'Adma', message: "unknown optimizer 'Adma'; did you mean 'Adam'?" },
    ],
  ],
  [
    'train: the target must be a model',
    `block M {
  input x: [B, 784]
  output x -> Dense(10)
}
train M on mnist() {
  epochs: 1
}`,
    [{ code: 'NN4003', at: 'M', message: "'M' is a block, not a model" }],
  ],
  [
    'train: adversarial noise, generator and discriminator must fit together; B is the batch',
    `model G {
  input z: [B, 16]
  output z -> Dense(2)
}
model D {
  input x: [B, 3]
  output x -> Dense(1) -> Sigmoid
}
train Gan on ring() {
  adversarial(generator: G, discriminator: D, noise: normal([B, 8]))
}`,
    [
      { code: 'NN4006', at: 'D', message: "the generator's output [B, 2] does not fit the discriminator's input [B, 3]" },
      { code: 'NN4006', at: 'D', message: "ring gives points [2], but the discriminator D's input x is [B, 3]" },
      { code: 'NN4006', at: 'normal([B, 8])', message: "the noise [B, 8] does not fit the generator's input [B, 16]" },
    ],
  ],
  [
    'a loss must output a scalar',
    `loss L {
  input pred: [N, 5]
  input truth: [N, 5]
  output sq(pred - truth)
}`,
    [{ code: 'NN2001', at: 'sq(pred - truth)', message: 'a loss must output a scalar, but this is [N, 5]: reduce it (sum, mean)' }],
  ],
  [
    "train: a loss definition's predictions must match the model's output",
    `model M {
  input x: [B, 4]
  output x -> Dense(3)
}
loss L(K: int = 5) {
  input pred: [N, K]
  input truth: [N, K]
  output sum(sq(pred - truth)) / N
}
train M on csv(path: "d.csv") {
  loss: L
}
train M on csv(path: "d.csv") {
  loss: L(K: 3)
}`,
    [{ code: 'NN4006', at: 'L', message: 'the loss L takes predictions [N, 5], but M outputs [B, 3]' }],
  ],
  [
    'an optional input that was left out cannot be used unguarded',
    `block P {
  input x: [B, 4]
  input m: [B, 4] optional
  output (x -> Dense(4)) + (m -> Dense(4))
}
model T {
  input x: [B, 4]
  output x -> P
}`,
    [{ code: 'NN1013', at: 'P', message: "in P: the optional input 'm' was not given here; use it under 'if given(m) { ... }'", related: 'm — here, in P' }],
  ],
];

describe('checker diagnostics', () => {
  it.each(cases)('%s', (_name, source, expected) => {
    const actual = check(source);
    expect(actual.map((d) => `${d.code} ${JSON.stringify(d.at)}`)).toEqual(expected.map((e) => `${e.code} ${JSON.stringify(e.at)}`));
    actual.forEach((d, i) => {
      const e = expected[i]!;
      expect(d.message).toContain(e.message);
      expect(d.severity).toBe(e.severity ?? 'error');
      if (e.fix) expect(d.fixes).toContain(e.fix);
      if (e.related) expect(d.related).toContain(e.related);
    });
  });
});

describe('imports', () => {
  const blocks = `block Head(classes: int) {
  input x: [B, F]
  output x -> Dense(classes)
}
block Other {
  input x: [B, F]
  output x
}`;

  it('uses blocks defined in another file', () => {
    const source = `import { Head } from "./blocks.nn"
model M {
  input x: [B, 8]
  output x -> Head(3)
}`;
    expect(check(source, { 'blocks.nn': blocks })).toEqual([]);
  });

  it('reports a missing file and a missing name at the exact place', () => {
    const source = `import "./nowhere.nn"
import { Haed } from "./blocks.nn"
model M {
  input x: [B, 8]
  output x
}`;
    const d = check(source, { 'blocks.nn': blocks });
    expect(d.map((x) => `${x.code} ${x.at}`)).toEqual(['NN1012 "./nowhere.nn"', 'NN1008 Haed']);
    expect(d[1]!.message).toContain("did you mean 'Head'?");
  });

  it('reports a name defined twice', () => {
    const source = `import "./blocks.nn"
block Head {
  input x: [B, 8]
  output x
}`;
    expect(check(source, { 'blocks.nn': blocks }).map((d) => d.code)).toEqual(['NN1009']);
  });

  it('follows import cycles without looping', () => {
    const a = `import "./b.nn"
block First {
  input x: [B, 8]
  output x -> Second
}
model M {
  input x: [B, 8]
  output x -> First
}`;
    const b = `import "./main.nn"
block Second {
  input x: [B, 8]
  output x -> Dense(2)
}`;
    expect(check(a, { 'b.nn': b })).toEqual([]);
  });
});
