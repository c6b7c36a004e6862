import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

const X = '[B, T, 512]';

// MultiHeadAttention(8, 512) on [2, 10, 512]: per example
// projections 2*(4*10*512*512) + biases 10*(3*512 + 512) + scores and weighted sum 4*10*10*512
const MHA_FLOPS_2x10 = 2 * (2 * 4 * 10 * 512 * 512 + 10 * 4 * 512 + 4 * 10 * 10 * 512);

// [layer, args, inputs, output | code, trainable, non-trainable, flops]
const rows: Row[] = [
  // ---- MultiHeadAttention: weights as PyTorch nn.MultiheadAttention, generalised
  ['MultiHeadAttention', '8, 512', [X, X, X], '[B, T, 512]', 1050624, 0, '2048*B*T*T + 2099200*B*T'],
  ['MultiHeadAttention', '8, 512', X, '[B, T, 512]', 1050624], // one input: self-attention
  ['MultiHeadAttention', '8, 512', [X, '[B, S, 512]'], '[B, T, 512]', 1050624], // two: cross-attention on memory
  ['MultiHeadAttention', '8, 512, causal: true', [X, X, X], '[B, T, 512]', 1050624],
  ['MultiHeadAttention', '8, 512', ['[2, 10, 512]', '[2, 10, 512]', '[2, 10, 512]'], '[2, 10, 512]', 1050624, 0, MHA_FLOPS_2x10],
  ['MultiHeadAttention', '8, 256, inner: 128', ['[B, 5, 256]', '[B, 4096, 256]', '[B, 4096, 256]'], '[B, 5, 256]', 131712], // SAM cross-attention
  ['MultiHeadAttention', '8, 256', ['[B, 5, 256]'], '[B, 5, 256]', 263168], // SAM token self-attention
  ['MultiHeadAttention', '4, 64', ['[B, Tq, 32]', '[B, Tk, 48]', '[B, Tk, 16]'], '[B, Tq, 64]', (32 + 48 + 16) * 64 + 64 * 64 + 3 * 64 + 64],
  ['MultiHeadAttention', '8, 512, bias: false', X, '[B, T, 512]', 4 * 512 * 512],
  ['MultiHeadAttention', 'heads: h, d: d', '[B, T, d]', '[B, T, d]', '4*d*d + 4*d'],
  ['MultiHeadAttention', '8, 512, dropout: 0.1', [X, X, X, 'bool[B, T]'], '[B, T, 512]', 1050624], // padding mask
  ['MultiHeadAttention', '8, 512', [X, '[B, S, 512]', '[B, S, 512]', 'bool[B, T, S]'], '[B, T, 512]'],
  ['MultiHeadAttention', '8, 512', [X, X, X, '[B, T, T]'], '[B, T, 512]'], // additive float mask
  ['MultiHeadAttention', '3, 512', X, 'NN2005'],
  ['MultiHeadAttention', '8, 512, inner: 100', X, 'NN2005'],
  ['MultiHeadAttention', '8, 512', [X, '[N, S, 512]'], 'NN2004'],
  ['MultiHeadAttention', '8, 512', [X, '[B, S, 512]', '[B, U, 512]'], 'NN2004'],
  ['MultiHeadAttention', '8, 512', '[B, 512]', 'NN2001'],
  ['MultiHeadAttention', '8, 512', [X, '[B, 4, 4, 512]'], 'NN2001'],
  ['MultiHeadAttention', '8, 512', [X, '[B, S, 512]', '[B, S, 512]', 'bool[B, T]'], 'NN2004'],
  ['MultiHeadAttention', '8, 512', [X, X, X, 'bool[B, 8, T, T]'], 'NN2001'],
  ['MultiHeadAttention', '8, 512', [X, X, X, 'int32[B, T]'], 'NN2011'],
  ['MultiHeadAttention', '8, 512', 'bool[B, T, 512]', 'NN2011'],
  ['MultiHeadAttention', '8, 512', [X, X, X, 'bool[B, T]', X], 'NN2010'],
  ['MultiHeadAttention', '8, 512, dropout: 1', X, 'NN3003'],
  ['MultiHeadAttention', '8', X, 'NN1006'],

  // ---- RelPosAttention (SAM ViT-B): qkv 3C*C + 3C, proj C*C + C, rel_pos (2h-1 + 2w-1) * C/heads
  ['RelPosAttention', '12, [14, 14]', '[B, 14, 14, 768]', '[B, 14, 14, 768]', 2362368 + 2 * 27 * 64], // windowed block
  ['RelPosAttention', '12, 64', '[B, 64, 64, 768]', '[B, 64, 64, 768]', 2362368 + 2 * 127 * 64], // global block
  ['RelPosAttention', '12, [14, 14], bias: false', '[B, 14, 14, 768]', '[B, 14, 14, 768]', 2362368 - 3 * 768 + 2 * 27 * 64],
  ['RelPosAttention', '2, [4, 6]', '[B, 4, 6, 8]', '[B, 4, 6, 8]', 4 * 8 * 8 + 4 * 8 + (7 + 11) * 4],
  ['RelPosAttention', '1, 2', '[1, 2, 2, 4]', '[1, 2, 2, 4]', 4 * 16 + 16 + 6 * 4, 0, 2 * 4 * 4 * 16 + 4 * 16 + 4 * 4 * 4 * 4 + 2 * 4 * 4 * 4],
  ['RelPosAttention', '12, 14', '[B, 64, 64, 768]', 'NN2004'],
  ['RelPosAttention', '7, 14', '[B, 14, 14, 768]', 'NN2005'],
  ['RelPosAttention', '12, 14', '[B, 196, 768]', 'NN2001'],
  ['RelPosAttention', '12, [14, 14, 14]', '[B, 14, 14, 768]', 'NN3002'],
];

describe('attention layers', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
