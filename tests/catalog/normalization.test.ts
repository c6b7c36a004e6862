import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

// Normalization, Dropout and embedding-like layers.
// [layer, args, inputs, output | code, trainable, non-trainable, flops]
const rows: Row[] = [
  // ---- Dropout: identity at inference (0 FLOPs)
  ['Dropout', '0.5', '[B, 4096]', '[B, 4096]', 0, 0, 0],
  ['Dropout', 'rate: 0.1', '[B, T, 512]', '[B, T, 512]'],
  ['Dropout', '0', '[B, 10]', '[B, 10]'],
  ['Dropout', '1', '[B, 10]', 'NN3003'],
  ['Dropout', '1.5', '[B, 10]', 'NN3003'],
  ['Dropout', '-0.1', '[B, 10]', 'NN3003'],
  ['Dropout', '', '[B, 10]', 'NN1006'],

  // ---- BatchNorm: 2*C trainable (gamma, beta), 2*C non-trainable (running mean, var); 2 FLOPs per element
  ['BatchNorm', '', '[B, H, W, 64]', '[B, H, W, 64]', 128, 128, '128*B*H*W'],
  ['BatchNorm', '64', '[B, 56, 56, 64]', '[B, 56, 56, 64]', 128, 128, 2 * 56 * 56 * 64 + '*B'],
  ['BatchNorm', 'momentum: 0.01, epsilon: 1e-3', '[B, 512]', '[B, 512]', 1024, 1024],
  ['BatchNorm', 'affine: false', '[B, H, W, C]', '[B, H, W, C]', 0, '2*C'],
  ['BatchNorm', '', '[B, T, C]', '[B, T, C]', '2*C', '2*C'],
  ['BatchNorm', '32', '[B, 8, 8, 64]', 'NN2004'],
  ['BatchNorm', 'momentum: 1.5', '[B, 8, 8, 64]', 'NN3003'],
  ['BatchNorm', '', '[B]', 'NN2001'],

  // ---- LayerNorm: last axis; 5 FLOPs per element + 1 for scale + 1 for bias
  ['LayerNorm', '', '[B, T, 512]', '[B, T, 512]', 1024, 0, '3584*B*T'],
  ['LayerNorm', '512', '[B, T, 512]', '[B, T, 512]', 1024],
  ['LayerNorm', 'epsilon: 1e-6', '[B, 64, 64, 256]', '[B, 64, 64, 256]', 512], // SAM LayerNorm2d, channels-last
  ['LayerNorm', 'scale: false', '[B, T, 512]', '[B, T, 512]', 512, 0, '3072*B*T'],
  ['LayerNorm', 'scale: false, bias: false', '[B, T, d]', '[B, T, d]', 0, 0, '5*B*T*d'],
  ['LayerNorm', '', '[B, T, d]', '[B, T, d]', '2*d'],
  ['LayerNorm', '256', '[B, T, 512]', 'NN2004'],
  ['LayerNorm', '', '[B]', 'NN2001'],
  ['LayerNorm', 'epsilon: "small"', '[B, 4]', 'NN3001'],

  // ---- GroupNorm
  ['GroupNorm', '32', '[B, H, W, 64]', '[B, H, W, 64]', 128, 0, '448*B*H*W'],
  ['GroupNorm', '1, affine: false', '[B, 8, 8, 16]', '[B, 8, 8, 16]', 0, 0],
  ['GroupNorm', '3', '[B, 8, 8, 64]', 'NN2005'],
  ['GroupNorm', '', '[B, 8, 8, 64]', 'NN1006'],

  // ---- LocalResponseNorm (AlexNet): no weights; 2*size + 4 FLOPs per element
  ['LocalResponseNorm', 'size: 5, k: 2', '[B, 55, 55, 64]', '[B, 55, 55, 64]', 0, 0, 14 * 55 * 55 * 64 + '*B'],
  ['LocalResponseNorm', '', '[B, H, W, C]', '[B, H, W, C]', 0, 0, '14*B*C*H*W'],
  ['LocalResponseNorm', '', '[B, 64]', 'NN2001'],
];

describe('normalization layers and dropout', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
