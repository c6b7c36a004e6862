import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

// Reshaping, merging and resizing layers.
// [layer, args, inputs, output(s) | code, trainable, non-trainable, flops]
const rows: Row[] = [
  // ---- Flatten: keeps the batch axis
  ['Flatten', '', '[B, 7, 7, 512]', '[B, 25088]', 0, 0, 0],
  ['Flatten', '', '[B, H, W, C]', '[B, C*H*W]'],
  ['Flatten', '', '[B, 28, 28, 1]', '[B, 784]'],
  ['Flatten', '', '[B, 10]', '[B, 10]'],
  ['Flatten', '', '[B]', 'NN2001'],

  // ---- Reshape: target without the batch axis, one -1
  ['Reshape', '[7, 7, 64]', '[B, 3136]', '[B, 7, 7, 64]'],
  ['Reshape', '[28, 28, 1]', '[B, 784]', '[B, 28, 28, 1]'],
  ['Reshape', '[-1, 64]', '[B, 7, 7, 64]', '[B, 49, 64]'],
  ['Reshape', '[-1]', '[B, H, W, C]', '[B, C*H*W]'],
  ['Reshape', '[-1, W, C]', '[B, H, W, C]', '[B, H, W, C]'],
  ['Reshape', '[H*W, C]', '[B, H, W, C]', '[B, H*W, C]'],
  ['Reshape', '[T, 8, d/8]', '[B, T, d]', '[B, T, 8, d/8]'], // split heads
  ['Reshape', '[7, 7, 30]', '[B, 1470]', '[B, 7, 7, 30]'], // YOLOv1 head
  ['Reshape', 'shape: [2, -1]', '[B, 3, 4]', '[B, 2, 6]'],
  ['Reshape', '[-1, 7]', '[B, 30]', 'NN2005'],
  ['Reshape', '[10, 10]', '[B, 99]', 'NN2007'],
  ['Reshape', '[H, W]', '[B, H, W, C]', 'NN2007'],
  ['Reshape', '[-1, -1]', '[B, 4]', 'NN3003'],
  ['Reshape', '[0, 4]', '[B, 4]', 'NN3003'],
  ['Reshape', '7', '[B, 7]', 'NN3001'],

  // ---- Permute: Keras, 1-based, batch excluded
  ['Permute', '[2, 1]', '[B, T, d]', '[B, d, T]', 0, 0, 0],
  ['Permute', '[3, 1, 2]', '[B, H, W, C]', '[B, C, H, W]'],
  ['Permute', '[1, 2, 3]', '[B, H, W, C]', '[B, H, W, C]'],
  ['Permute', '[2, 1]', '[B, H, W, C]', 'NN2001'],
  ['Permute', '[0, 1]', '[B, T, d]', 'NN2006'],
  ['Permute', '[1, 3]', '[B, T, d]', 'NN2006'],
  ['Permute', '[1, 1]', '[B, T, d]', 'NN3003'],

  // ---- Transpose: every axis, 0-based, batch stays first
  ['Transpose', '[0, 2, 1]', '[B, T, d]', '[B, d, T]', 0, 0, 0],
  ['Transpose', '[0, 3, 1, 2]', '[B, H, W, C]', '[B, C, H, W]'],
  ['Transpose', '[0, 1]', '[B, T, d]', 'NN2001'],
  ['Transpose', '[1, 0, 2]', '[B, T, d]', 'NN3003'],
  ['Transpose', '[0, 3, 1]', '[B, T, d]', 'NN2006'],
  ['Transpose', '[0, 1, 1]', '[B, T, d]', 'NN3003'],

  // ---- Concat
  ['Concat', '', ['[B, H, W, 64]', '[B, H, W, 32]'], '[B, H, W, 96]', 0, 0, 0],
  ['Concat', '', ['[B, 28, 28, 64]', '[B, 28, 28, 128]', '[B, 28, 28, 32]', '[B, 28, 28, 32]'], '[B, 28, 28, 256]'], // Inception 3a
  ['Concat', 'axis: 1', ['[B, 3, 4]', '[B, 5, 4]'], '[B, 8, 4]'],
  ['Concat', '1', ['[B, S, d]', '[B, T, d]'], '[B, S + T, d]'],
  ['Concat', 'axis: -2', ['[B, 1, 256]', '[B, 4, 256]', '[B, N, 256]'], '[B, N + 5, 256]'], // SAM: iou token + mask tokens + prompts
  ['Concat', '', ['[B, H, W, C]', '[B, H, W, C]'], '[B, H, W, 2*C]'],
  ['Concat', '', ['[B, 26, 26, 64]', '[B, 13, 13, 64]'], 'NN2004'],
  ['Concat', '', ['[B, 4, 4]', '[B, 4, 4, 4]'], 'NN2001'],
  ['Concat', 'axis: 3', ['[B, 4, 4]', '[B, 4, 4]'], 'NN2006'],
  ['Concat', 'axis: -4', ['[B, 4, 4]', '[B, 4, 4]'], 'NN2006'],
  ['Concat', '', ['[B, 4]'], 'NN2010'],

  // ---- Add / Subtract / Multiply: NumPy broadcasting, 1 FLOP per output element per extra input
  ['Add', '', ['[B, H, W, 64]', '[B, H, W, 64]'], '[B, H, W, 64]', 0, 0, '64*B*H*W'], // ResNet shortcut
  ['Add', '', ['[B, 56, 56, 64]', '[B, 56, 56, 64]', '[B, 56, 56, 64]'], '[B, 56, 56, 64]', 0, 0, 2 * 56 * 56 * 64 + '*B'],
  ['Add', '', ['[B, T, 512]', '[T, 512]'], '[B, T, 512]'],
  ['Add', '', ['[B, 64, 64, 768]', '[1, 64, 64, 768]'], '[B, 64, 64, 768]'], // SAM: + pos_embed
  ['Add', '', ['[B, 1, 1, C]', '[B, H, W, C]'], '[B, H, W, C]'],
  ['Add', '', ['[B, 56, 56, 64]', '[B, 28, 28, 128]'], 'NN2004'],
  ['Add', '', ['[B, T, 512]'], 'NN2010'],
  ['Subtract', '', ['[B, 10]', '[B, 1]'], '[B, 10]', 0, 0, '10*B'],
  ['Subtract', '', ['[B, 10]', '[B, 10]', '[B, 10]'], 'NN2010'],
  ['Multiply', '', ['[B, H, W, C]', '[B, 1, 1, C]'], '[B, H, W, C]', 0, 0, 'B*C*H*W'], // squeeze-and-excitation
  ['Multiply', '', ['[B, T, d]', '[B, T, e]'], 'NN2004'],

  // ---- Split: several outputs
  ['Split', '3', '[B, T, 1536]', '[B, T, 512], [B, T, 512], [B, T, 512]', 0, 0, 0], // fused q, k, v
  ['Split', '[64, 32]', '[B, H, W, 96]', '[B, H, W, 64], [B, H, W, 32]'],
  ['Split', '2, axis: 1', '[B, 10, 4]', '[B, 5, 4], [B, 5, 4]'],
  ['Split', '2', '[B, T, 2*d]', '[B, T, d], [B, T, d]'],
  ['Split', '[d, d]', '[B, T, 2*d]', '[B, T, d], [B, T, d]'],
  ['Split', '1', '[B, 4]', '[B, 4]'],
  ['Split', '3', '[B, 10]', 'NN2005'],
  ['Split', '[3, 4]', '[B, 10]', 'NN2007'],
  ['Split', '[3, 0, 7]', '[B, 10]', 'NN3003'],
  ['Split', '2, axis: 2', '[B, 10]', 'NN2006'],
  ['Split', '0', '[B, 10]', 'NN3003'],

  // ---- UpSampling2D
  ['UpSampling2D', '', '[B, 13, 13, 256]', '[B, 26, 26, 256]', 0, 0, 0], // YOLOv3
  ['UpSampling2D', '[2, 3]', '[B, H, W, C]', '[B, 2*H, 3*W, C]'],
  ['UpSampling2D', '4, interpolation: "bilinear"', '[B, 8, 8, 2]', '[B, 32, 32, 2]', 0, 0, 8 * 32 * 32 * 2 + '*B'],
  ['UpSampling2D', 'interpolation: "bicubic"', '[B, 8, 8, 2]', 'NN3001'],
  ['UpSampling2D', '', '[B, 8, 2]', 'NN2001'],
  ['UpSampling2D', '[2, 0]', '[B, 8, 8, 2]', 'NN3003'],

  // ---- ZeroPadding2D and Cropping2D
  ['ZeroPadding2D', '3', '[B, 224, 224, 3]', '[B, 230, 230, 3]', 0, 0, 0],
  ['ZeroPadding2D', '', '[B, H, W, C]', '[B, H + 2, W + 2, C]'],
  ['ZeroPadding2D', '[1, 2]', '[B, H, W, C]', '[B, H + 2, W + 4, C]'],
  ['ZeroPadding2D', '[[0, 1], [2, 3]]', '[B, H, W, C]', '[B, H + 1, W + 5, C]'],
  ['ZeroPadding2D', '"same"', '[B, 8, 8, 3]', 'NN3003'],
  ['ZeroPadding2D', '[1, 2, 3]', '[B, 8, 8, 3]', 'NN3002'],
  ['ZeroPadding2D', '[[1, 2, 3], [1, 2]]', '[B, 8, 8, 3]', 'NN3002'],
  ['ZeroPadding2D', '-1', '[B, 8, 8, 3]', 'NN3003'],
  ['ZeroPadding2D', '1', '[B, 8, 3]', 'NN2001'],
  ['Cropping2D', '[[2, 2], [4, 4]]', '[B, 64, 64, 32]', '[B, 60, 56, 32]'],
  ['Cropping2D', '4', '[B, 64, 64, 32]', '[B, 56, 56, 32]'], // U-Net: 64 -> 56
  ['Cropping2D', '', '[B, H, W, C]', '[B, H, W, C]'],
  ['Cropping2D', '1', '[B, H, W, C]', '[B, H - 2, W - 2, C]'],
  ['Cropping2D', '[2, 0]', '[B, 4, 4, 3]', 'NN2003'],
  ['Cropping2D', '[1, 2, 3]', '[B, 4, 4, 3]', 'NN3002'],
];

describe('reshaping, merging and resizing layers', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
