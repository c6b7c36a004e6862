import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

const X = '[B, T, 512]';

// FLOPs per element, as documented in core/catalog/layers/activations.ts.
const costs: [layer: string, args: string, perElement: number][] = [
  ['Identity', '', 0],
  ['ReLU', '', 1],
  ['ReLU6', '', 2],
  ['LeakyReLU', '', 2],
  ['LeakyReLU', '0.2', 2],
  ['LeakyReLU', 'slope: 0.1', 2],
  ['ELU', '', 3],
  ['ELU', 'alpha: 0.5', 3],
  ['SELU', '', 4],
  ['GELU', '', 5],
  ['GELU', 'approximate: "tanh"', 9],
  ['Sigmoid', '', 3],
  ['Tanh', '', 1],
  ['SiLU', '', 4],
  ['Swish', '', 4],
  ['Softplus', '', 3],
  ['Softplus', 'beta: 2', 3],
  ['Mish', '', 5],
  ['HardSwish', '', 5],
  ['Softmax', '', 3],
  ['Softmax', 'axis: 1', 3],
  ['LogSoftmax', '', 3],
  ['LogSoftmax', '-2', 3],
];

// [layer, args, inputs, output | code, trainable, non-trainable, flops]
const rows: Row[] = [
  ...costs.map(([layer, args, n]): Row => [layer, args, X, X, 0, 0, n === 0 ? 0 : `${512 * n}*B*T`]),
  ['ReLU', '', '[B, H, W, C]', '[B, H, W, C]', 0, 0, 'B*C*H*W'],
  ['Softmax', '', '[B, 10]', '[B, 10]', 0, 0, '30*B'],
  ['PReLU', '', '[B, H, W, 64]', '[B, H, W, 64]', 64, 0, '128*B*H*W'],
  ['PReLU', 'per_channel: false', '[B, H, W, 64]', '[B, H, W, 64]', 1],
  ['PReLU', 'init: 0.1', '[B, C]', '[B, C]', 'C'],
  ['Softmax', 'axis: 3', X, 'NN2006'],
  ['LogSoftmax', 'axis: -4', X, 'NN2006'],
  ['Softmax', 'axis: 1.5', X, 'NN3001'],
  ['GELU', 'approximate: "erf"', X, 'NN3001'],
  ['LeakyReLU', '-0.2', X, 'NN3003'],
  ['ReLU', '1', X, 'NN1004'],
  ['ReLU', '', [X, X], 'NN2010'],
];

describe('activation layers', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
