import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

// [layer, args, inputs, output | code, trainable, non-trainable, flops]
const rows: Row[] = [
  // ---- Conv2D (finished entry; pinned against PyTorch / tfjs numbers)
  ['Conv2D', '64, 3', '[B, 32, 32, 3]', '[B, 30, 30, 64]', 1792, 0, '3168000*B'], // 30*30*64 * (2*27 + 1)
  ['Conv2D', '64, 3, stride: 1, padding: 1', '[B, H, W, 3]', '[B, H, W, 64]', 1792, 0, '3520*B*H*W'], // VGG keeps the size
  ['Conv2D', '64, 7, stride: 2, padding: 3, bias: false', '[B, 224, 224, 3]', '[B, 112, 112, 64]', 9408, 0, 2 * 112 * 112 * 64 * 147 + '*B'], // ResNet conv1
  ['Conv2D', '64, 11, stride: 4, padding: 2', '[B, 224, 224, 3]', '[B, 55, 55, 64]', 23296], // AlexNet conv1
  ['Conv2D', '8, 3, stride: 2', '[B, 7, 7, 1]', '[B, 3, 3, 8]'], // tfjs valid: floor((7 - 3)/2) + 1
  ['Conv2D', '8, 3, stride: 2, padding: "same"', '[B, 7, 7, 1]', '[B, 4, 4, 8]'], // tfjs same: ceil(7/2)
  ['Conv2D', '8, 3, stride: 2, padding: "same"', '[B, H, W, 1]', '[B, ceil(H/2), ceil(W/2), 8]'],
  ['Conv2D', '8, 3, stride: 2', '[B, H, W, 1]', '[B, floor(H/2 - 3/2) + 1, floor(W/2 - 3/2) + 1, 8]'],
  ['Conv2D', '768, 16, stride: 16', '[B, 1024, 1024, 3]', '[B, 64, 64, 768]', 590592], // SAM patch embedding
  ['Conv2D', '8, 3, dilation: 2', '[B, 7, 7, 1]', '[B, 3, 3, 8]'],
  ['Conv2D', '64, 3, groups: 32, padding: 1', '[B, 8, 8, 64]', '[B, 8, 8, 64]', 3 * 3 * 2 * 64 + 64],
  ['Conv2D', '8, [1, 3]', '[B, 5, 5, 2]', '[B, 5, 3, 8]', 1 * 3 * 2 * 8 + 8],
  ['Conv2D', '64, 3, groups: 3', '[B, 8, 8, 64]', 'NN2005'],
  ['Conv2D', '8, 5', '[B, 3, 3, 1]', 'NN2003'],
  ['Conv2D', '8, 3', '[B, 32, 3]', 'NN2001'],
  ['Conv2D', '8, [3, 3, 3]', '[B, 8, 8, 1]', 'NN3002'],
  ['Conv2D', '8, 3, stride: 0', '[B, 8, 8, 1]', 'NN3003'],
  ['Conv2D', '8, 3, stride: [2, 0]', '[B, 8, 8, 1]', 'NN3003'],
  ['Conv2D', '8, 3, bias: 1', '[B, 8, 8, 1]', 'NN3001'],

  // ---- Conv1D
  ['Conv1D', '128, 5', '[B, 100, 64]', '[B, 96, 128]', 5 * 64 * 128 + 128, 0, 96 * 128 * (2 * 320 + 1) + '*B'],
  ['Conv1D', '16, 5, padding: 2', '[B, T, 16]', '[B, T, 16]', 5 * 16 * 16 + 16],
  ['Conv1D', '16, 3, stride: 2, padding: "same"', '[B, 101, 8]', '[B, 51, 16]'],
  ['Conv1D', '16, 3, stride: 2', '[B, 101, 8]', '[B, 50, 16]'],
  ['Conv1D', '16, 3, dilation: 2', '[B, 10, 8]', '[B, 6, 16]'],
  ['Conv1D', '16, 3, groups: 8, bias: false', '[B, 10, 8]', '[B, 8, 16]', 3 * 1 * 16, 0, 8 * 16 * 2 * 3 + '*B'],
  ['Conv1D', '16, 1', '[B, T, 8]', '[B, T, 16]', 8 * 16 + 16, 0, '272*B*T'],
  ['Conv1D', '16, 3, groups: 3', '[B, 10, 8]', 'NN2005'],
  ['Conv1D', '16, 11', '[B, 10, 8]', 'NN2003'],
  ['Conv1D', '16, 3', '[B, 8, 8, 3]', 'NN2001'],
  ['Conv1D', '16, 3, stride: [1, 2]', '[B, 10, 8]', 'NN3002'],
  ['Conv1D', '16', '[B, 10, 8]', 'NN1006'],
  ['Conv1D', '16, 3, bias: 1', '[B, 10, 8]', 'NN3001'],

  // ---- Conv2DTranspose (weights as PyTorch ConvTranspose2d: k*k*Cin*filters + filters)
  ['Conv2DTranspose', '64, 2, stride: 2', '[B, 64, 64, 256]', '[B, 128, 128, 64]', 65600, 0, 2 * 64 * 64 * 256 * 4 * 64 + 128 * 128 * 64 + '*B'], // SAM upscaling 1
  ['Conv2DTranspose', '32, 2, stride: 2', '[B, 128, 128, 64]', '[B, 256, 256, 32]', 8224], // SAM upscaling 2
  ['Conv2DTranspose', '32, 2, stride: 2', '[B, H, W, 64]', '[B, 2*H, 2*W, 32]', 8224],
  ['Conv2DTranspose', '8, 3, stride: 2, padding: "same"', '[B, 7, 7, 4]', '[B, 14, 14, 8]'], // tfjs same: L*s
  ['Conv2DTranspose', '8, 3, stride: 2', '[B, 7, 7, 4]', '[B, 15, 15, 8]'], // tfjs valid: L*s + max(k - s, 0)
  ['Conv2DTranspose', '8, 1, stride: 2', '[B, 7, 7, 4]', '[B, 14, 14, 8]'],
  ['Conv2DTranspose', '8, 3, stride: 2', '[B, H, W, 4]', '[B, 2*H + 1, 2*W + 1, 8]'],
  ['Conv2DTranspose', '8, 3, stride: 2, padding: 1', '[B, 7, 7, 4]', '[B, 13, 13, 8]'], // PyTorch: (7-1)*2 - 2 + 3
  ['Conv2DTranspose', '8, 3, stride: 2, padding: 1, output_padding: 1', '[B, 7, 7, 4]', '[B, 14, 14, 8]'],
  ['Conv2DTranspose', '8, 4, stride: 2, padding: 1', '[B, H, W, 16]', '[B, 2*H, 2*W, 8]', 4 * 4 * 16 * 8 + 8], // DCGAN doubling
  ['Conv2DTranspose', '8, 3, stride: 2, output_padding: 1', '[B, 7, 7, 4]', '[B, 16, 16, 8]'], // Keras: (7-1)*2 + 3 + 1
  ['Conv2DTranspose', '8, 3, stride: 2, padding: "same", output_padding: 1', '[B, 7, 7, 4]', '[B, 14, 14, 8]'], // Keras: (7-1)*2 + 3 - 2 + 1
  ['Conv2DTranspose', '8, 3, stride: 2, padding: [1, 0]', '[B, 7, 7, 4]', '[B, 13, 15, 8]'],
  ['Conv2DTranspose', '8, 3, dilation: 2, padding: 0', '[B, 5, 5, 4]', '[B, 9, 9, 8]'], // (5-1) + 2*2 + 1
  ['Conv2DTranspose', '8, 2, stride: 2, groups: 2, bias: false', '[B, 4, 4, 4]', '[B, 8, 8, 8]', 2 * 2 * 4 * 4],
  ['Conv2DTranspose', '8, 3, stride: 2, padding: 1, output_padding: 2', '[B, 7, 7, 4]', 'NN3003'],
  ['Conv2DTranspose', '8, 1, padding: 2', '[B, 1, 1, 4]', 'NN2003'],
  ['Conv2DTranspose', '6, 2, groups: 4', '[B, 4, 4, 4]', 'NN2005'],
  ['Conv2DTranspose', '8, 2', '[B, 16, 4]', 'NN2001'],
  ['Conv2DTranspose', '8, 2, stride: [2, 0]', '[B, 4, 4, 4]', 'NN3003'],
];

describe('convolution layers', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
