// Initialisers as the checker reads them: the strings a layer's `init:` and
// `bias_init:` take, and the diagnostics for a wrong one (NN3016, NN3017),
// with their fixes. DropPath's rows are here too (the other layer of this
// part of the language).

import { describe, expect, it } from 'vitest';
import { INITIALIZERS, parseInitializer } from '../../core/catalog/initializers.js';
import { LAYERS } from '../../core/catalog/index.js';
import { check } from '../helpers/check-source.js';
import { checkRow, type Row, rowName } from './run-layer.js';

describe('reading an initialiser string', () => {
  // [text, the spec read | the code of the problem]
  const rows: [string, { name: string; args: Record<string, number> } | string][] = [
    ['zeros', { name: 'zeros', args: {} }],
    ['he_normal', { name: 'he_normal', args: {} }],
    ['he_normal()', { name: 'he_normal', args: {} }],
    ['kaiming_uniform', { name: 'he_uniform', args: {} }],
    ['xavier_normal', { name: 'glorot_normal', args: {} }],
    ['normal', { name: 'normal', args: { mean: 0, std: 0.02 } }],
    ['normal(0, 0.02)', { name: 'normal', args: { mean: 0, std: 0.02 } }],
    ['normal(1, 2e-2)', { name: 'normal', args: { mean: 1, std: 0.02 } }],
    ['normal(std: 0.5)', { name: 'normal', args: { mean: 0, std: 0.5 } }],
    [' normal( mean: -1 , std: .5 ) ', { name: 'normal', args: { mean: -1, std: 0.5 } }],
    ['truncated_normal(std: 0.02)', { name: 'truncated_normal', args: { mean: 0, std: 0.02 } }],
    ['uniform(-0.1, 0.1)', { name: 'uniform', args: { low: -0.1, high: 0.1 } }],
    ['uniform', { name: 'uniform', args: { low: -0.05, high: 0.05 } }],
    ['constant(0.1)', { name: 'constant', args: { value: 0.1 } }],
    ['constant(value: -2)', { name: 'constant', args: { value: -2 } }],
    ['orthogonal', { name: 'orthogonal', args: { gain: 1 } }],
    ['orthogonal(1.4)', { name: 'orthogonal', args: { gain: 1.4 } }],
    ['pytorch', { name: 'pytorch', args: {} }],
    // the name
    ['he_normall', 'NN3016'],
    ['Normal', 'NN3016'],
    ['', 'NN3016'],
    ['normal 0.02', 'NN3016'],
    ['normal(0.02', 'NN3016'],
    // the numbers
    ['normal(0.02)', 'NN3017'],
    ['uniform(0.1)', 'NN3017'],
    ['normal(0, -0.02)', 'NN3017'],
    ['uniform(0.1, -0.1)', 'NN3017'],
    ['uniform(0.1, 0.1)', 'NN3017'],
    ['constant', 'NN3017'],
    ['he_normal(2)', 'NN3017'],
    ['normal(0, 0.02, 3)', 'NN3017'],
    ['normal(sigma: 0.02)', 'NN3017'],
    ['normal(mean: 0, mean: 1)', 'NN3017'],
    ['normal(0, std)', 'NN3017'],
  ];
  it.each(rows)('%j', (text, expected) => {
    const read = parseInitializer(text);
    if (typeof expected === 'string') expect('code' in read ? read.code : read).toBe(expected);
    else expect(read).toEqual(expected);
  });

  it('says what a one-number normal means, and guesses a misspelt name as a whole string', () => {
    expect(parseInitializer('normal(0.02)')).toMatchObject({ message: 'normal: one number is ambiguous: write both mean and std ("normal(0, 0.02)"), or name it ("normal(std: 0.02)")' });
    expect(parseInitializer('he_normall')).toMatchObject({ code: 'NN3016', replacement: 'he_normal' });
    expect(parseInitializer('glorot_unifrom')).toMatchObject({ replacement: 'glorot_uniform' });
    expect(parseInitializer('truncated_nromal(std: 0.02)')).toMatchObject({ replacement: 'truncated_normal(std: 0.02)' });
  });

  it('documents every initialiser and every one of its parameters', () => {
    for (const kind of INITIALIZERS) {
      expect(kind.doc.length, kind.name).toBeGreaterThan(10);
      for (const p of kind.params) expect(p.doc.length, `${kind.name}.${p.name}`).toBeGreaterThan(3);
    }
  });
});

describe('layers with weights take init (and bias_init where they have an additive weight)', () => {
  const withInit = [...LAYERS.values()].filter((s) => s.params.some((p) => p.initializer)).map((s) => s.name);
  it('is every layer whose weights are trained but PReLU (its init is the slope)', () => {
    expect(withInit.sort()).toEqual(
      ['BatchNorm', 'Conv1D', 'Conv2D', 'Conv2DTranspose', 'Dense', 'Embedding', 'GroupNorm', 'LayerNorm', 'MultiHeadAttention', 'PositionalEncoding', 'RelPosAttention', 'Weight'].sort(),
    );
  });

  it('gives each a valid default, and says it in the parameter doc', () => {
    for (const spec of LAYERS.values()) {
      for (const p of spec.params.filter((q) => q.initializer)) {
        expect(typeof p.default, `${spec.name}.${p.name}`).toBe('string');
        expect(parseInitializer(p.default as string), `${spec.name}.${p.name}`).not.toHaveProperty('code');
        expect(p.doc, `${spec.name}.${p.name}`).toContain(`Default \`"${p.default}"\``);
        expect(p.doc.includes('"pytorch"'), `${spec.name}.${p.name} documents "pytorch" where it means something`).toBe(p.initializer!.pytorch);
      }
    }
  });
});

/** `code at "text": message [fixes]` for a model around `body`. */
function diagnose(inputs: string, body: string): string[] {
  return check(`model M {\n  input ${inputs}\n  output ${body}\n}\n`).map((d) => `${d.code} ${d.at}: ${d.message}${d.fixes.length ? ` [${d.fixes.join('; ')}]` : ''}`);
}

describe('the checker', () => {
  it('accepts initialisers on every layer that takes them', () => {
    expect(diagnose('x: [B, 8, 8, 3]', 'x -> Conv2D(16, 3, init: "he_normal", bias_init: "constant(0.1)") -> BatchNorm(init: "zeros", bias_init: "pytorch") -> ReLU')).toEqual([]);
    expect(diagnose('x: [B, 784]', 'x -> Dense(10, init: "normal(0, 0.02)", bias_init: "pytorch")')).toEqual([]);
    expect(diagnose('x: [B, 4, 4, 8]', 'x -> Conv2DTranspose(3, 4, stride: 2, padding: 1, init: "kaiming_uniform") -> GroupNorm(1, init: "ones")')).toEqual([]);
    expect(diagnose('x: [B, T, 16]', 'x -> Conv1D(8, 3, init: "lecun_normal") -> LayerNorm(init: "uniform(0.9, 1.1)") -> MultiHeadAttention(2, 8, init: "xavier_uniform", bias_init: "zeros")')).toEqual([]);
    expect(diagnose('ids: [B, 12] int', 'ids -> Embedding(100, 16, init: "pytorch") -> PositionalEncoding("learned", max_len: 12, init: "truncated_normal(std: 0.02)")')).toEqual([]);
    expect(diagnose('x: [B, 4, 4, 8]', '(x -> RelPosAttention(2, 4, init: "orthogonal")) + Weight([1, 4, 4, 8], "zeros")()')).toEqual([]);
  });

  it('points at an unknown initialiser with a did-you-mean that replaces the string', () => {
    expect(diagnose('x: [B, 784]', 'x -> Dense(10, init: "he_normall")')).toEqual([
      `NN3016 "he_normall": Dense: unknown initialiser 'he_normall'; did you mean 'he_normal'? (initialisers: ${INITIALIZERS.map((k) => k.name).join(', ')}) [Change to "he_normal": "\\"he_normal\\""]`,
    ]);
    expect(diagnose('x: [B, 784]', 'x -> Dense(10, init: "zero")')[0]).toMatch(/^NN3016 "zero": .*\[Change to "zeros": "\\"zeros\\""\]$/);
    // through a name: no edit at the use (the string is elsewhere)
    expect(check('model M(init: string = "zero") {\n  input x: [B, 8]\n  output x -> Dense(4, init: init)\n}\n').map((d) => [d.code, d.at, d.fixes])).toEqual([['NN3016', 'init', []]]);
  });

  it('says what is wrong with the numbers', () => {
    expect(diagnose('x: [B, 8, 8, 3]', 'x -> Conv2D(16, 3, init: "normal(0.02)")')).toEqual([
      'NN3017 "normal(0.02)": Conv2D: normal: one number is ambiguous: write both mean and std ("normal(0, 0.02)"), or name it ("normal(std: 0.02)")',
    ]);
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, bias_init: "normal(0, -1)")')).toEqual(['NN3017 "normal(0, -1)": Dense: normal: std must be at least 0, but is -1']);
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, init: "uniform(1, 0)")')).toEqual(['NN3017 "uniform(1, 0)": Dense: uniform: high (0) must be above low (1)']);
  });

  it('refuses "pytorch" where PyTorch has no such module, and an initialiser for a weight the layer does not have', () => {
    expect(diagnose('x: [B, 4]', 'x + Weight([1, 4], init: "pytorch")()')).toEqual([
      'NN3017 "pytorch": Weight: "pytorch" names no default here (PyTorch has no module like it); say how it starts, e.g. "normal(0, 0.02)"',
    ]);
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, bias: false, bias_init: "ones")')).toEqual([`NN3017 "ones": Dense: 'bias_init' starts a weight the layer does not have (bias: false)`]);
    expect(diagnose('x: [B, 8, 8, 4]', 'x -> BatchNorm(affine: false, init: "zeros")')).toEqual([`NN3017 "zeros": BatchNorm: 'init' starts a weight the layer does not have (affine: false)`]);
    expect(diagnose('x: [B, 5, 8]', 'x -> LayerNorm(scale: false, init: "zeros")')).toEqual([`NN3017 "zeros": LayerNorm: 'init' starts a weight the layer does not have (scale: false)`]);
    expect(diagnose('x: [B, 5, 8]', 'x -> PositionalEncoding(init: "zeros")')).toEqual([`NN3017 "zeros": PositionalEncoding: 'init' starts the learned table, but kind is "sinusoidal" (no weights)`]);
    // the default written out is not a mistake
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, bias: false, bias_init: "zeros")')).toEqual([]);
  });

  it('still computes the shape after a wrong initialiser (one error, no cascade)', () => {
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, init: "nope") -> Dense(2, init: "nope")').map((d) => d.slice(0, 6))).toEqual(['NN3016', 'NN3016']);
  });

  it('takes a string, like every other option', () => {
    expect(diagnose('x: [B, 8]', 'x -> Dense(4, init: 0.02)')).toEqual([`NN3001 0.02: Dense: 'init' must be a string, but this is a float`]);
  });
});

describe('DropPath', () => {
  // [layer, args, inputs, output | code, trainable, non-trainable, flops]
  const rows: Row[] = [
    ['DropPath', '0.1', '[B, H, W, C]', '[B, H, W, C]', 0, 0, 0],
    ['DropPath', 'rate: 0.2', '[B, T, 768]', '[B, T, 768]', 0, 0, 0],
    ['DropPath', '0', '[B, 10]', '[B, 10]'],
    ['DropPath', '1', '[B, 10]', 'NN3003'],
    ['DropPath', '-0.1', '[B, 10]', 'NN3003'],
    ['DropPath', '0.1', '[B]', 'NN2001'],
    ['DropPath', '', '[B, 10]', 'NN1006'],
  ];
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));

  it('goes at the end of a residual branch', () => {
    expect(diagnose('x: [B, 8, 8, 16]', 'x + (x -> Conv2D(16, 3, padding: 1) -> BatchNorm(init: "zeros") -> DropPath(0.1))')).toEqual([]);
  });
});
