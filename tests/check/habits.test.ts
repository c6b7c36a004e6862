// Habits from PyTorch and Keras, as data: a source with the mistake, the
// diagnostic it gets (code, the text it points at, a fragment of its
// message, its fix), and the source after the fix, which checks clean.
// Then the table of foreign names itself, entry by entry.

import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { checkFile } from '../../core/check/program.js';
import { ACTIVATION_LAYERS, FOREIGN_NAMES, FOREIGN_PARAMS } from '../../core/check/foreign-names.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import { memoryHost } from '../helpers/memory-host.js';

function diagnostics(text: string): Diagnostic[] {
  return checkFile('/main.nn', memoryHost({ '/main.nn': text })).diagnostics;
}

const errors = (text: string) => diagnostics(text).filter((d) => d.severity === 'error');

function applyFix(text: string, d: Diagnostic): string {
  const edits = [...d.fixes![0]!.edits].sort((a, b) => b.range.start - a.range.start);
  for (const e of edits) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
  return text;
}

const model = (input: string, ...body: string[]) => `model M {\n  input ${input}\n${body.map((l) => `  ${l}\n`).join('')}}\n`;

interface Case {
  /** what the case shows */
  name: string;
  source: string;
  code: string;
  /** the source text the diagnostic underlines */
  at: string;
  message: string;
  /** the fix's title */
  fix?: string;
  /** a line of the fixed source */
  fixed?: string;
}

const cases: Case[] = [
  // names from elsewhere (NN1017): the fix rewrites the whole call
  {
    name: "PyTorch's Linear is Dense without its input size",
    source: model('x: [B, 784]', 'output y: [B, 128] = x -> Linear(784, 128)'),
    code: 'NN1017',
    at: 'Linear',
    message: "'Linear' is PyTorch's name: here it is Dense (the input size comes from the input: Linear(in, out) is Dense(out))",
    fix: "Change to 'Dense(128)'",
    fixed: 'x -> Dense(128)',
  },
  {
    name: "PyTorch's Conv2d drops its input channels, and keeps its named arguments",
    source: model('x: [B, 28, 28, 1]', 'output y: [B, 28, 28, 32] = x -> Conv2d(1, 32, 3, padding: 1)'),
    code: 'NN1017',
    at: 'Conv2d',
    message: 'Conv2d(in, out, k) is Conv2D(out, k), on channels-last images [B, H, W, C]',
    fix: "Change to 'Conv2D(32, 3, padding: 1)'",
    fixed: 'x -> Conv2D(32, 3, padding: 1)',
  },
  {
    name: 'Conv2d with two arguments is a misspelt Conv2D: only the name changes',
    source: model('x: [B, 8, 8, 3]', 'output y: [B, 6, 6, 8] = x -> Conv2d(8, 3)'),
    code: 'NN1017',
    at: 'Conv2d',
    message: "here it is Conv2D",
    fix: "Change to 'Conv2D(8, 3)'",
    fixed: 'x -> Conv2D(8, 3)',
  },
  {
    name: "PyTorch's parameter names in a foreign call are renamed with it",
    source: model('x: [B, 28, 28, 1]', 'output y: [B, 26, 26, 16] = x -> Conv2d(in_channels: 1, out_channels: 16, kernel_size: 3)'),
    code: 'NN1017',
    at: 'Conv2d',
    message: "here it is Conv2D",
    fix: "Change to 'Conv2D(filters: 16, kernel: 3)'",
    fixed: 'x -> Conv2D(filters: 16, kernel: 3)',
  },
  {
    name: "PyTorch's MultiheadAttention takes the width first",
    source: model('x: [B, 10, 512]', 'output y: [B, 10, 512] = MultiheadAttention(512, 8)(x, x, x)'),
    code: 'NN1017',
    at: 'MultiheadAttention',
    message: 'heads come first: MultiheadAttention(embed_dim, num_heads) is MultiHeadAttention(num_heads, embed_dim)',
    fix: "Change to 'MultiHeadAttention(8, 512)'",
    fixed: 'MultiHeadAttention(8, 512)(x, x, x)',
  },
  {
    name: "Keras's Activation is the layer its string names",
    source: model('x: [B, 8]', 'output x -> Dense(4) -> Activation("gelu")'),
    code: 'NN1017',
    at: 'Activation',
    message: "'Activation' is Keras's name, not one here: each activation is a layer of its own",
    fix: "Change to 'GELU'",
    fixed: 'Dense(4) -> GELU',
  },
  {
    name: "PyTorch's Upsample: the name and both parameters",
    source: model('x: [B, 8, 8, 3]', 'output y: [B, 16, 16, 3] = x -> Upsample(scale_factor: 2, mode: "bilinear")'),
    code: 'NN1017',
    at: 'Upsample',
    message: "here it is UpSampling2D (scale_factor is 'size' and mode is 'interpolation'",
    fix: 'Change to \'UpSampling2D(size: 2, interpolation: "bilinear")\'',
    fixed: 'UpSampling2D(size: 2, interpolation: "bilinear")',
  },
  {
    name: "Keras's BatchNormalization notes what momentum means here",
    source: model('x: [B, 8, 8, 16]', 'output x -> BatchNormalization()'),
    code: 'NN1017',
    at: 'BatchNormalization',
    message: "momentum here is PyTorch's (the weight of the new batch, 0.1): Keras's momentum 0.99 is momentum: 0.01",
    fix: "Change to 'BatchNorm()'",
    fixed: 'x -> BatchNorm()',
  },
  {
    name: 'torch.cat written as cat is concat',
    source: model('x: [B, 8]', 'output y: [B, 16] = cat([x, x], 1)'),
    code: 'NN1017',
    at: 'cat',
    message: "'cat' is PyTorch's name: here it is concat",
    fix: "Change to 'concat([x, x], 1)'",
    fixed: 'concat([x, x], 1)',
  },
  {
    name: 'a module prefix goes: nn.ReLU is ReLU',
    source: model('x: [B, 8]', 'output x -> Dense(4) -> nn.ReLU'),
    code: 'NN1017',
    at: 'nn.ReLU',
    message: "'nn.ReLU': names here have no module prefix ('nn.'): write 'ReLU'",
    fix: "Change to 'ReLU'",
    fixed: 'Dense(4) -> ReLU',
  },
  {
    name: 'a module prefix before a foreign name: nn.Linear is Dense',
    source: model('x: [B, 8]', 'output y: [B, 4] = x -> nn.Linear(8, 4)'),
    code: 'NN1017',
    at: 'nn.Linear',
    message: "names here have no module prefix ('nn.'), and 'Linear' is PyTorch's name: here it is Dense",
    fix: "Change to 'Dense(4)'",
    fixed: 'x -> Dense(4)',
  },
  {
    name: 'torch.cat: the prefix, the name and its dim',
    source: model('x: [B, 8]', 'output y: [B, 16] = torch.cat([x, x], dim: 1)'),
    code: 'NN1017',
    at: 'torch.cat',
    message: "'torch.cat': names here have no module prefix ('torch.'), and 'cat' is PyTorch's name: here it is concat",
    fix: "Change to 'concat([x, x], axis: 1)'",
    fixed: 'concat([x, x], axis: 1)',
  },
  {
    name: "Keras's layers prefix before one of our names",
    source: model('x: [B, 8]', 'output y: [B, 3] = x -> layers.Dense(3)'),
    code: 'NN1017',
    at: 'layers.Dense',
    message: "write 'Dense'",
    fix: "Change to 'Dense'",
    fixed: 'x -> Dense(3)',
  },
  {
    name: 'a chain of modules goes as a whole',
    source: model('x: [B, 8]', 'output y: [B, 3] = x -> tf.keras.layers.Dense(3)'),
    code: 'NN1017',
    at: 'tf.keras.layers.Dense',
    message: "'tf.keras.layers.Dense': names here have no module prefix ('tf.keras.layers.'): write 'Dense'",
    fix: "Change to 'Dense'",
    fixed: 'x -> Dense(3)',
  },
  {
    name: 'Sequential says to chain with arrows, with no fix to guess',
    source: model('x: [B, 8]', 'output x -> Sequential(Dense(4), ReLU)'),
    code: 'NN1017',
    at: 'Sequential',
    message: "'Sequential' is PyTorch's and Keras's name, not one here: chain layers with '->'",
  },
  {
    name: "PyTorch's self.fc(x) says how layers are bound, not a guess at a similar name",
    source: model('x: [B, 8]', 'output self.fc(x)'),
    code: 'NN1017',
    at: 'self',
    message: "'self' is PyTorch's name, not one here: layers are not attributes",
  },
  // our layers with PyTorch's argument order (NN1018): checked as the fix writes them
  {
    name: "Dense with Linear's input size first",
    source: model('x: [B, 784]', 'output y: [B, 128] = x -> Dense(784, 128)'),
    code: 'NN1018',
    at: '784',
    message: "Dense(784, 128) reads as PyTorch's Linear(in, out): Dense takes only the output size, the input size comes from the input; write Dense(128)",
    fix: "Change to 'Dense(128)'",
    fixed: 'x -> Dense(128)',
  },
  {
    name: "GroupNorm with PyTorch's channels",
    source: model('x: [B, 8, 8, 64]', 'output x -> GroupNorm(32, 64)'),
    code: 'NN1018',
    at: '64',
    message: "GroupNorm(32, 64) reads as PyTorch's GroupNorm(num_groups, num_channels)",
    fix: "Change to 'GroupNorm(32)'",
    fixed: 'x -> GroupNorm(32)',
  },
  {
    name: 'MultiHeadAttention with more heads than width',
    source: model('x: [B, 10, 256]', 'output y: [B, 10, 256] = MultiHeadAttention(256, 4)(x, x, x)'),
    code: 'NN1018',
    at: '256, 4',
    message: 'here the heads come first, MultiHeadAttention(heads, d); write MultiHeadAttention(4, 256)',
    fix: "Change to 'MultiHeadAttention(4, 256)'",
    fixed: 'MultiHeadAttention(4, 256)(x, x, x)',
  },
  {
    name: "Conv2D with PyTorch's (in, out, k)",
    source: model('x: [B, 32, 32, 3]', 'output y: [B, 30, 30, 64] = x -> Conv2D(3, 64, 3)'),
    code: 'NN1018',
    at: '3',
    message: "Conv2D(3, 64, 3) reads as PyTorch's Conv2d(in, out, k)",
    fix: "Change to 'Conv2D(64, 3)'",
    fixed: 'x -> Conv2D(64, 3)',
  },
  // parameter names from elsewhere (NN1003): the value goes to the parameter meant
  {
    name: "Keras's kernel_size is kernel, and the kernel counts as given",
    source: model('x: [B, 8, 8, 3]', 'output x -> Conv2D(4, kernel_size: 3)'),
    code: 'NN1003',
    at: 'kernel_size',
    message: "Conv2D has no parameter 'kernel_size': PyTorch's and Keras's kernel_size is 'kernel' here",
    fix: "Change to 'kernel'",
    fixed: 'Conv2D(4, kernel: 3)',
  },
  {
    name: "a pool's kernel_size is pool",
    source: model('x: [B, 8, 8, 3]', 'output y: [B, 4, 4, 3] = x -> MaxPool2D(kernel_size: 2)'),
    code: 'NN1003',
    at: 'kernel_size',
    message: "is 'pool' here",
    fix: "Change to 'pool'",
    fixed: 'MaxPool2D(pool: 2)',
  },
  {
    name: "PyTorch's in_channels is left out",
    source: model('x: [B, 8, 8, 3]', 'output x -> Conv2D(4, 3, in_channels: 3)'),
    code: 'NN1003',
    at: 'in_channels',
    message: "Conv2D has no parameter 'in_channels': the input channels come from the input; leave it out",
    fix: 'Remove the argument',
    fixed: 'x -> Conv2D(4, 3)\n',
  },
  {
    name: "Keras's kernel_initializer is init",
    source: model('x: [B, 8]', 'output x -> Dense(4, kernel_initializer: "he_normal")'),
    code: 'NN1003',
    at: 'kernel_initializer',
    message: "Keras's kernel_initializer is 'init' here",
    fix: "Change to 'init'",
    fixed: 'Dense(4, init: "he_normal")',
  },
  {
    name: "PyTorch's p is Dropout's rate",
    source: model('x: [B, 8]', 'output x -> Dropout(p: 0.5)'),
    code: 'NN1003',
    at: 'p',
    message: "PyTorch's p is 'rate' here",
    fix: "Change to 'rate'",
    fixed: 'Dropout(rate: 0.5)',
  },
  // a layer where a tensor is needed (NN3020)
  {
    name: 'Weight without its call, as an operand',
    source: model('t: [B, 8] int', 'let w = Weight([100, 16])', 'output y: [B, 8, 16] = one_hot(t, 100) @ w'),
    code: 'NN3020',
    at: 'w',
    message: "'@' takes tensors and numbers, but w is the layer Weight, not a tensor: call it to make its tensor, w()",
    fix: 'Call it: w()',
    fixed: 'one_hot(t, 100) @ w()',
  },
  {
    name: 'a layer as an operand is applied to the other one',
    source: model('x: [B, 10]', 'output x + Dense(10)'),
    code: 'NN3020',
    at: 'Dense(10)',
    message: "'+' takes tensors and numbers, but Dense(10) is the layer Dense, not a tensor: apply it to a tensor first, Dense(10)(x)",
    fix: 'Apply it to x: Dense(10)(x)',
    fixed: 'x + Dense(10)(x)',
  },
  {
    name: 'Weight as the operand of a minus',
    source: model('x: [B, 8]', 'output y: [4, 8] = -Weight([4, 8]) + mean(x)'),
    code: 'NN3020',
    at: 'Weight([4, 8])',
    message: "'-' takes tensors and numbers, but Weight([4, 8]) is the layer Weight, not a tensor: call it to make its tensor, Weight([4, 8])()",
    fix: 'Call it: Weight([4, 8])()',
    fixed: '-Weight([4, 8])()',
  },
  {
    name: 'Weight at the head of a pipeline',
    source: model('x: [B, 8]', 'let h = Weight([1, 256]) -> Dense(4)', 'output y: [1, 4] = h + mean(x)'),
    code: 'NN3020',
    at: 'Weight([1, 256])',
    message: 'the layer Dense is applied to tensors, but Weight([1, 256]) is the layer Weight, not a tensor',
    fix: 'Call it: Weight([1, 256])()',
    fixed: 'Weight([1, 256])() -> Dense(4)',
  },
  {
    name: "Weight as a function's argument",
    source: model('x: [B, 8]', 'output y: [4, 8] = transpose(Weight([8, 4]), [1, 0]) + mean(x)'),
    code: 'NN3020',
    at: 'Weight([8, 4])',
    message: "transpose: 'x' must be a tensor, but this is the layer Weight: call it to make its tensor: add '()'",
    fix: "Add '()'",
    fixed: 'transpose(Weight([8, 4])(), [1, 0])',
  },
  {
    name: 'Weight in a list of tensors',
    source: model('x: [B, 8]', 'let w = Weight([1, 8])', 'output y: [B + 1, 8] = concat([x, w], 0)'),
    code: 'NN3020',
    at: 'w',
    message: "concat: 'xs' must be tensors, but item 2 is the layer Weight",
    fix: "Add '()'",
    fixed: 'concat([x, w()], 0)',
  },
  // max of two values (NN3021)
  {
    name: 'max of two tensors is maximum',
    source: model('x: [B, 8]', 'output max(x, x * 2)'),
    code: 'NN3021',
    at: 'max',
    message: 'max(x, axis) reduces one tensor along axes; the elementwise larger of two values is maximum(a, b)',
    fix: "Change to 'maximum'",
    fixed: 'output maximum(x, x * 2)',
  },
  {
    name: 'min of a tensor and a float is minimum',
    source: model('x: [B, 8]', 'output min(x, 6.0)'),
    code: 'NN3021',
    at: 'min',
    message: 'the elementwise smaller of two values is minimum(a, b)',
    fix: "Change to 'minimum'",
    fixed: 'output minimum(x, 6.0)',
  },
  // channels-first images (NN2003, NN2004): the note, and the fix to the declaration
  {
    name: 'a channels-first image into a convolution',
    source: model('x: [B, 1, 32, 32]', 'output x -> Conv2D(6, 5)'),
    code: 'NN2003',
    at: '5',
    message:
      'Conv2D: the kernel does not fit: output height would be -3 for input 1; images here are channels-last [B, H, W, C], and the input x: [B, 1, 32, 32] looks channels-first (PyTorch\'s [B, C, H, W]): as an image it is [B, 32, 32, 1]',
    fix: 'Declare x channels-last: [B, 32, 32, 1]',
    fixed: 'input x: [B, 32, 32, 1]',
  },
  {
    name: 'a channels-first image whose error comes layers later',
    source: model('x: [B, 3, 64, 64]', 'output x -> Conv2D(16, 3, padding: 1) -> MaxPool2D(2) -> MaxPool2D(2)'),
    code: 'NN2003',
    at: '2',
    message: 'and the input x: [B, 3, 64, 64] looks channels-first',
    fix: 'Declare x channels-last: [B, 64, 64, 3]',
    fixed: 'input x: [B, 64, 64, 3]',
  },
  {
    name: "a channels-first image into a block: the note at the block's use, no edit inside the block",
    source: 'block Stem {\n  input x: [B, H, W, C]\n  output x -> Conv2D(8, 5)\n}\n' + model('image: [B, 1, 28, 28]', 'output image -> Stem'),
    code: 'NN2003',
    at: 'Stem',
    message: "in Stem: Conv2D: the kernel does not fit: output height would be -3 for input 1; images here are channels-last [B, H, W, C], and the input [B, 1, 28, 28] looks channels-first",
  },
  {
    name: 'a channels-first image into BatchNorm with its channels',
    source: model('x: [B, 3, 32, 32]', 'output x -> BatchNorm(3)'),
    code: 'NN2004',
    at: '3',
    message: "BatchNorm(3) normalizes 3 features, but the input's last axis has 32: [B, 3, 32, 32]; images here are channels-last",
    fix: 'Declare x channels-last: [B, 32, 32, 3]',
    fixed: 'input x: [B, 32, 32, 3]',
  },
];

describe('habits from PyTorch and Keras', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = errors(c.source);
    expect(found.map((d) => d.code)).toEqual([c.code]);
    const [d] = found as [Diagnostic];
    expect(c.source.slice(d.range.start, d.range.end)).toBe(c.at);
    expect(d.message).toContain(c.message);
    if (c.fix === undefined) {
      expect(d.fixes ?? []).toEqual([]);
      return;
    }
    expect(d.fixes?.[0]?.title).toBe(c.fix);
    const fixed = applyFix(c.source, d);
    expect(fixed).toContain(c.fixed);
    expect(errors(fixed)).toEqual([]);
  });
});

describe('what is not a habit stays quiet', () => {
  it.each([
    ['a strided convolution', model('x: [B, 32, 32, 3]', 'output y: [B, 15, 15, 64] = x -> Conv2D(64, 3, 2)')],
    ['a patch embedding', model('x: [B, 224, 224, 3]', 'output y: [B, 14, 14, 768] = x -> Conv2D(768, 16, 16)')],
    ['attention with heads first', model('x: [B, 10, 512]', 'output MultiHeadAttention(8, 512)(x, x, x)')],
    ['GroupNorm with an epsilon', model('x: [B, 8, 8, 64]', 'output x -> GroupNorm(32, 0.001)')],
    ['Dense with an activation', model('x: [B, 8]', 'output x -> Dense(10, "relu")')],
    ['max as a reduction', model('x: [B, 8]', 'output y: [B] = max(x, 1)')],
    ['a small image that is channels-last', model('x: [B, 3, 3, 512]', 'output x -> Conv2D(8, 3)')],
  ])('%s', (_name, source) => {
    expect(errors(source)).toEqual([]);
  });

  it('a kernel too large for a channels-last image gets no channels note', () => {
    const [d] = errors(model('x: [B, 3, 3, 512]', 'output x -> Conv2D(8, 5)'));
    expect(d?.code).toBe('NN2003');
    expect(d?.message).not.toContain('channels-first');
    expect(d?.fixes ?? []).toEqual([]);
  });
});

describe('max and min of numbers', () => {
  it.each([
    ['max(1, C / 4) at C = 64 is 16', 'max(1, C / 4)', 16],
    ['max(1, C / 64 - 1) at C = 64 is 1', 'max(1, C / 64 - 1)', 1],
    ['min of three', 'min(C, 32, 48)', 32],
    ['max of two ints', 'max(3, 2)', 3],
  ])('%s', (_name, expr, units) => {
    // the annotation holds only if the number is the one expected
    const source = `model M(C: int = 64) {\n  input x: [B, 8]\n  output y: [B, ${units}] = x -> Dense(${expr})\n}\n`;
    expect(errors(source)).toEqual([]);
  });

  it('a float among them makes a float, which is no size', () => {
    expect(errors(model('x: [B, 8]', 'output x -> Dropout(max(0.25, 0))'))).toEqual([]);
    const [d] = errors(model('x: [B, 8]', 'output x -> Dense(max(2, 1.5))'));
    expect(d?.message).toBe("Dense: 'units' must be an int, but this is a float");
  });

  it('sizes not known in a block stay open there, and are decided where it is applied', () => {
    const source = [
      'block Squeeze {',
      '  input x: [B, H, W, C]',
      '  output x -> GlobalAvgPool -> Dense(max(1, C / 4))',
      '}',
      'model M {',
      '  input x: [B, 8, 8, 64]',
      '  output y: [B, 16] = x -> Squeeze',
      '}',
    ].join('\n');
    expect(errors(source)).toEqual([]);
  });

  it('sizes not known in a model are an error', () => {
    const [d] = errors(model('x: [B, H, W, C]', 'output x -> GlobalAvgPool -> Dense(max(1, C / 4))'));
    expect(d?.code).toBe('NN3004');
    expect(d?.message).toContain('which of 1 and C/4 is larger depends on sizes not known here');
  });
});

describe('the table of foreign names', () => {
  const known = (name: string) => LAYERS.has(name) || FUNCTIONS.has(name);

  it.each(FOREIGN_NAMES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    // a name of ours would never be looked up in the table
    expect(known(f.name)).toBe(false);
    if (f.ours !== undefined) expect(known(f.ours)).toBe(true);
    if (f.fix !== 'none' && f.fix !== 'activation') expect(f.ours).toBeDefined();
    // used bare, it gets NN1017 with its note; the rename fix leaves no error
    const source = model('x: [B, 8]', `let _f = ${f.name}`, 'output x');
    const found = errors(source);
    expect(found.map((d) => `${d.code} ${source.slice(d.range.start, d.range.end)}`)).toEqual([`NN1017 ${f.name}`]);
    expect(found[0]!.message).toContain(f.note);
    if (f.fix === 'none' || f.fix === 'activation') return;
    expect(errors(applyFix(source, found[0]!))).toEqual([]);
  });

  it("names every activation Keras's Activation takes as one of our layers", () => {
    for (const layer of Object.values(ACTIVATION_LAYERS)) expect(LAYERS.has(layer), layer).toBe(true);
  });

  it.each(FOREIGN_PARAMS.map((p) => [p.name, p] as const))('parameter %s', (_name, p) => {
    // each name it maps to is a parameter of some layer or function, and the foreign name is not one of those same layers'
    for (const ours of p.ours ?? []) {
      const owners = [...LAYERS.values(), ...FUNCTIONS.values()].filter((s) => s.params.some((q) => q.name === ours));
      expect(owners.length, ours).toBeGreaterThan(0);
      expect(owners.filter((s) => s.params.some((q) => q.name === p.name) && s.params.some((q) => q.name === ours)).length).toBeLessThan(owners.length);
    }
  });
});
