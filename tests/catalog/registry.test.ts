// The catalog as a whole: every required layer is registered, documented,
// and no rule throws on odd inputs (parsing and checking never throw).

import { describe, expect, it } from 'vitest';
import { applyLayer } from '../../core/catalog/apply-layer.js';
import { findLayer, LAYERS } from '../../core/catalog/index.js';
import type { ParamSpec } from '../../core/catalog/layer-spec.js';
import { literalValue } from '../../core/check/bind-args.js';
import { sym } from '../../core/shapes/dim.js';
import type { DType, TensorValue, Value } from '../../core/values.js';

const REQUIRED = [
  'Dense', 'Conv1D', 'Conv2D', 'Conv2DTranspose', 'MaxPool2D', 'AvgPool2D', 'MaxPool1D', 'AvgPool1D', 'GlobalAvgPool', 'GlobalMaxPool', 'AdaptiveAvgPool2D',
  'Flatten', 'Reshape', 'Permute', 'Transpose', 'Concat', 'Add', 'Multiply', 'Split', 'Dropout', 'BatchNorm', 'LayerNorm', 'Embedding', 'PositionalEncoding',
  'MultiHeadAttention', 'RelPosAttention', 'UpSampling2D', 'ZeroPadding2D', 'Cropping2D',
  'ReLU', 'ReLU6', 'LeakyReLU', 'ELU', 'SELU', 'GELU', 'Sigmoid', 'Tanh', 'Softmax', 'LogSoftmax', 'SiLU', 'Swish', 'Softplus', 'Identity', 'PReLU',
  'Weight', 'FourierFeatures',
];

describe('the layer catalog', () => {
  it('registers every required layer kind under its name', () => {
    for (const name of REQUIRED) expect(findLayer(name)?.name, name).toBe(name);
    expect(findLayer('NoSuchLayer')).toBeUndefined();
  });

  it.each([...LAYERS.values()].map((s) => [s.name, s] as const))('%s is documented and its defaults are valid', (_, spec) => {
    expect(spec.doc.length, 'doc').toBeGreaterThan(80);
    expect(spec.category).not.toBe('');
    const names = spec.params.map((p) => p.name);
    expect(new Set(names).size, 'parameter names are unique').toBe(names.length);
    for (const p of spec.params) {
      expect(p.doc.length, `${p.name}.doc`).toBeGreaterThan(5);
      if (p.default === undefined) continue;
      if (p.allowed) expect(p.allowed, `${p.name} default`).toContain(p.default);
      if (typeof p.default === 'number') {
        if (p.min !== undefined) expect(p.default).toBeGreaterThanOrEqual(p.min);
        if (p.max !== undefined) expect(p.default).toBeLessThanOrEqual(p.max);
      }
    }
    expect(spec.inputs.min).toBeLessThanOrEqual(spec.inputs.max);
  });
});

/** A plausible value for a parameter: enough to reach the shape rule. */
function sample(p: ParamSpec): Value {
  if (p.default !== undefined) return literalValue(p.default);
  switch (p.type) {
    case 'int':
    case 'size':
      return { kind: 'int', value: 2 };
    case 'float':
      return { kind: 'float', value: 0.5 };
    case 'bool':
      return { kind: 'bool', value: true };
    case 'string':
      return { kind: 'string', value: p.allowed?.[0] ?? 'x' };
    case 'ints':
      return literalValue([2, 2]);
    case 'axis':
      return { kind: 'int', value: -1 };
    case 'padding':
      return { kind: 'string', value: 'valid' };
    case 'tensor':
      return tensor([2, 2]);
  }
}

const tensor = (shape: TensorValue['shape'], dtype: DType = 'float32'): TensorValue => ({ kind: 'tensor', shape, dtype, origin: { range: { start: 0, end: 0 }, what: 'test' } });

describe('rules never throw', () => {
  const shapes = [[], [4], [sym('B'), 8], [sym('B'), 8, 8], [sym('B'), 8, 8, 4], [1, 1, 1, 1], [sym('B'), sym('H'), sym('W'), sym('C')], [2, 3, 4, 5, 6]];
  it.each([...LAYERS.values()].map((s) => [s.name, s] as const))('%s', (_, spec) => {
    const sampled = Object.fromEntries(spec.params.map((p) => [p.name, sample(p)]));
    const unknown = Object.fromEntries(spec.params.map((p) => [p.name, { kind: 'unknown' } as Value]));
    for (const args of [sampled, unknown]) {
      for (const shape of shapes) {
        for (const dtype of ['float32', 'int32', 'bool'] as const) {
          for (let n = 0; n <= Math.min(spec.inputs.max, 5); n++) {
            expect(() => applyLayer(spec, args, new Array(n).fill(tensor(shape, dtype)))).not.toThrow();
          }
        }
      }
    }
  });
});
