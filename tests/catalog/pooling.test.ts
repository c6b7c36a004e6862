import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

// [layer, args, inputs, output | code, trainable, non-trainable, flops]
// FLOPs of a pool: window size * output elements.
const rows: Row[] = [
  // ---- MaxPool2D
  ['MaxPool2D', '2, stride: 2', '[B, 224, 224, 64]', '[B, 112, 112, 64]', 0, 0, 4 * 112 * 112 * 64 + '*B'], // VGG halves
  ['MaxPool2D', '2', '[B, H, W, C]', '[B, floor(H/2), floor(W/2), C]', 0, 0, '4*B*C*floor(H/2)*floor(W/2)'], // stride = pool size
  ['MaxPool2D', '3, stride: 2, padding: 1', '[B, 112, 112, 64]', '[B, 56, 56, 64]'], // ResNet stem
  ['MaxPool2D', '3, stride: 2', '[B, 55, 55, 64]', '[B, 27, 27, 64]'], // AlexNet
  ['MaxPool2D', '3, stride: 2', '[B, 27, 27, 192]', '[B, 13, 13, 192]'],
  ['MaxPool2D', '3, stride: 2', '[B, 13, 13, 256]', '[B, 6, 6, 256]'],
  ['MaxPool2D', '2, stride: 2, ceil_mode: true', '[B, 7, 7, 8]', '[B, 4, 4, 8]'],
  ['MaxPool2D', '2, stride: 2', '[B, 7, 7, 8]', '[B, 3, 3, 8]'],
  ['MaxPool2D', '2, stride: 2, ceil_mode: true', '[B, H, W, 8]', '[B, ceil(H/2), ceil(W/2), 8]'],
  ['MaxPool2D', '3, stride: 2, padding: "same"', '[B, 7, 7, 8]', '[B, 4, 4, 8]'], // tfjs same
  ['MaxPool2D', '[2, 3]', '[B, 8, 9, 4]', '[B, 4, 3, 4]', 0, 0, 6 * 4 * 3 * 4 + '*B'],
  ['MaxPool2D', '2, stride: [2, 1]', '[B, 8, 8, 4]', '[B, 4, 7, 4]'],
  ['MaxPool2D', '2, stride: 2', '[B, 14, 14, 512]', '[B, 7, 7, 512]'], // VGG16 last block
  ['MaxPool2D', '3', '[B, 2, 2, 8]', 'NN2003'],
  ['MaxPool2D', '2, padding: 2', '[B, 8, 8, 8]', 'NN3003'], // PyTorch: padding at most half the window
  ['MaxPool2D', '2', '[B, 8, 8]', 'NN2001'],
  ['MaxPool2D', '[2, 2, 2]', '[B, 8, 8, 8]', 'NN3002'],
  ['MaxPool2D', '2, stride: [2, 0]', '[B, 8, 8, 8]', 'NN3003'],
  ['MaxPool2D', '0', '[B, 8, 8, 8]', 'NN3003'],
  ['MaxPool2D', '', '[B, 8, 8, 8]', 'NN1006'],

  // ---- AvgPool2D
  ['AvgPool2D', '2', '[B, 8, 8, 16]', '[B, 4, 4, 16]', 0, 0, '1024*B'],
  ['AvgPool2D', '3, stride: 1, padding: 1', '[B, H, W, C]', '[B, H, W, C]'],
  ['AvgPool2D', '2, stride: 2, ceil_mode: true', '[B, 5, 5, 3]', '[B, 3, 3, 3]'],
  ['AvgPool2D', '7', '[B, 7, 7, 2048]', '[B, 1, 1, 2048]'],
  ['AvgPool2D', '9', '[B, 8, 8, 3]', 'NN2003'],

  // ---- 1-D pools on [B, T, C]
  ['MaxPool1D', '2', '[B, 100, 64]', '[B, 50, 64]', 0, 0, '6400*B'],
  ['MaxPool1D', '2', '[B, T, 64]', '[B, floor(T/2), 64]'],
  ['MaxPool1D', '2, stride: 4, padding: 1, ceil_mode: true', '[B, 6, 3]', '[B, 2, 3]'], // PyTorch drops a last window starting in the padding
  ['MaxPool1D', '3, stride: 2, padding: "same"', '[B, 9, 3]', '[B, 5, 3]'],
  ['AvgPool1D', '3, stride: 1, padding: 1', '[B, T, C]', '[B, T, C]'],
  ['AvgPool1D', '4', '[B, 10, 2]', '[B, 2, 2]'],
  ['AvgPool1D', '4, ceil_mode: true', '[B, 10, 2]', '[B, 3, 2]'],
  ['MaxPool1D', '2', '[B, 8, 8, 3]', 'NN2001'],
  ['AvgPool1D', '5', '[B, 4, 3]', 'NN2003'],

  // ---- global pools (rank 3 or 4): one FLOP per input element
  ['GlobalAvgPool', '', '[B, 7, 7, 512]', '[B, 512]', 0, 0, 7 * 7 * 512 + '*B'],
  ['GlobalAvgPool', 'keepdims: true', '[B, 7, 7, 512]', '[B, 1, 1, 512]'],
  ['GlobalAvgPool', '', '[B, T, d]', '[B, d]', 0, 0, 'B*T*d'],
  ['GlobalAvgPool', 'true', '[B, T, d]', '[B, 1, d]'],
  ['GlobalAvgPool', '', '[B, 512]', 'NN2001'],
  ['GlobalMaxPool', '', '[B, H, W, C]', '[B, C]', 0, 0, 'B*C*H*W'],
  ['GlobalMaxPool', 'keepdims: true', '[B, H, W, C]', '[B, 1, 1, C]'],
  ['GlobalMaxPool', '', '[B, 1, 2, 3, 4]', 'NN2001'],

  // ---- AdaptiveAvgPool2D (PyTorch windows: [floor(i*H/h), ceil((i+1)*H/h)))
  ['AdaptiveAvgPool2D', '6', '[B, 13, 13, 256]', '[B, 6, 6, 256]', 0, 0, 18 * 18 * 256 + '*B'], // torchvision AlexNet: 6 windows of 3 per axis
  ['AdaptiveAvgPool2D', '[7, 7]', '[B, 7, 7, 512]', '[B, 7, 7, 512]', 0, 0, 7 * 7 * 512 + '*B'], // VGG at 224: identity
  ['AdaptiveAvgPool2D', '7', '[B, H, W, 512]', '[B, 7, 7, 512]'],
  ['AdaptiveAvgPool2D', '1', '[B, 10, 10, 8]', '[B, 1, 1, 8]', 0, 0, '800*B'],
  ['AdaptiveAvgPool2D', '[2, 3]', '[B, 4, 9, 8]', '[B, 2, 3, 8]'],
  ['AdaptiveAvgPool2D', '4', '[B, 2, 2, 8]', '[B, 4, 4, 8]'], // smaller input: windows overlap, as in PyTorch
  ['AdaptiveAvgPool2D', '[1, 2, 3]', '[B, 8, 8, 8]', 'NN3002'],
  ['AdaptiveAvgPool2D', '6', '[B, 13, 256]', 'NN2001'],
  ['AdaptiveAvgPool2D', '0', '[B, 13, 13, 256]', 'NN3003'],
];

describe('pooling layers', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
