import { describe, it } from 'vitest';
import { checkRow, type Row, rowName } from './run-layer.js';

// [layer, args, inputs, output | code, trainable, non-trainable, flops]
const rows: Row[] = [
  // ---- Embedding: int32 ids -> vectors; vocab*d weights
  ['Embedding', '37000, 512', 'int32[B, T]', '[B, T, 512]', 18944000, 0, 0], // Transformer
  ['Embedding', 'vocab, d', 'int32[B, T]', '[B, T, d]', 'd*vocab'],
  ['Embedding', '4, 256', 'int32[B, 4]', '[B, 4, 256]', 1024], // SAM mask tokens
  ['Embedding', '10, 3', 'int32[B]', '[B, 3]', 30],
  ['Embedding', '37000, 512', '[B, T]', 'NN2011'],
  ['Embedding', '37000', 'int32[B, T]', 'NN1006'],
  ['Embedding', '0, 4', 'int32[B, T]', 'NN3003'],

  // ---- PositionalEncoding: [B, T, d] -> [B, T, d]; 1 FLOP per element (the addition)
  ['PositionalEncoding', '', '[B, T, 512]', '[B, T, 512]', 0, 0, '512*B*T'], // sinusoidal: no weights
  ['PositionalEncoding', '"learned", 512', '[B, T, 768]', '[B, T, 768]', 512 * 768], // BERT
  ['PositionalEncoding', 'kind: "learned", max_len: 197', '[B, 197, 768]', '[B, 197, 768]', 151296], // ViT-B/16
  ['PositionalEncoding', 'dropout: 0.1', '[B, S, 512]', '[B, S, 512]', 0],
  ['PositionalEncoding', 'max_len: 100', '[B, 100, 64]', '[B, 100, 64]', 0],
  ['PositionalEncoding', '"learned"', '[B, T, 512]', 'NN3003'],
  ['PositionalEncoding', '', '[B, T, 511]', 'NN2005'],
  ['PositionalEncoding', '"learned", 10', '[B, 11, 511]', 'NN2004'],
  ['PositionalEncoding', '', '[B, 5001, 512]', 'NN2004'],
  ['PositionalEncoding', '', '[B, 512]', 'NN2001'],
  ['PositionalEncoding', '"rotary"', '[B, T, 512]', 'NN3001'],
  ['PositionalEncoding', 'dropout: 1', '[B, T, 512]', 'NN3003'],
  ['PositionalEncoding', '', 'int32[B, T]', 'NN2001'],

  // ---- Weight: a learned tensor with no input
  ['Weight', '[1, 64, 64, 768]', [], '[1, 64, 64, 768]', 3145728, 0, 0], // SAM pos_embed
  ['Weight', '[1, 256], init: "zeros"', [], '[1, 256]', 256], // SAM iou token
  ['Weight', '[4, 256]', [], '[4, 256]', 1024], // SAM mask tokens
  ['Weight', '[N, d]', [], '[N, d]', 'N*d'],
  ['Weight', '[1, 256]', '[B, 4]', 'NN2010'],
  ['Weight', '[0, 256]', [], 'NN3003'],
  ['Weight', '[]', [], 'NN3003'],
  ['Weight', '[4], init: "xavier"', [], 'NN3016'],

  // ---- FourierFeatures: [..., 2] -> [..., 2*num_feats]; the Gaussian matrix is a buffer (non-trainable)
  ['FourierFeatures', '', '[B, N, 2]', '[B, N, 256]', 0, 256],
  ['FourierFeatures', '', '[1, 64, 64, 2]', '[1, 64, 64, 256]', 0, 256, 64 * 64 * (7 * 128 + 4)], // SAM dense PE of the grid
  ['FourierFeatures', '', '[64, 64, 2]', '[64, 64, 256]'],
  ['FourierFeatures', 'num_feats: 64, scale: 10', '[B, 2]', '[B, 128]', 0, 128, '452*B'],
  ['FourierFeatures', '', '[B, N, 3]', 'NN2004'],
  ['FourierFeatures', '', '[B, N, K]', 'NN2004'],
  ['FourierFeatures', 'num_feats: 0', '[B, N, 2]', 'NN3003'],
];

describe('embeddings and learned tensors', () => {
  it.each(rows.map((r) => [rowName(r), r] as const))('%s', (_, row) => checkRow(row));
});
