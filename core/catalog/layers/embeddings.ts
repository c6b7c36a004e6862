// Learned tables and position encodings: Embedding, PositionalEncoding,
// Weight (a free learned tensor) and FourierFeatures (SAM's random Fourier
// position encoding).
//
// FLOPs: Embedding and Weight 0 (a lookup, a constant); PositionalEncoding 1
// per element (the addition); FourierFeatures per point `7*num_feats + 4`:
// `2*x - 1` on both coordinates (4), the projection by the [2, num_feats]
// matrix (2 per multiply-add: 4*num_feats), the scaling by 2*pi (num_feats),
// and one sin and one cos per feature (2*num_feats).

import { msg } from '../../i18n/message.js';
import { add, type Dim, dimEquals, div, formatDim, isConst, mul } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerSpec } from '../layer-spec.js';
import { argumentsKnown, expectMinRank, expectRank, hasArg, initParam } from './common.js';

export const Embedding: LayerSpec = {
  name: 'Embedding',
  category: 'embedding',
  doc:
    'A learned lookup table: each integer token id in `[0, vocab)` is replaced by its own row of a `[vocab, d]` matrix, so `[B, T]` ids become ' +
    '`[B, T, d]` vectors that training moves so that similar tokens get similar vectors. Every language model starts with one; the Transformer ' +
    'shares one `Embedding(37000, 512)` (18,944,000 weights) between its source and target. The input must be int32.',
  params: [
    { name: 'vocab', type: 'int', min: 1, doc: 'The number of distinct ids (the vocabulary size).' },
    { name: 'd', type: 'int', min: 1, doc: 'The size of each embedding vector.' },
    initParam('the table `[vocab, d]`', 'uniform', ' (uniform in `[-0.05, 0.05)`, Keras\'s and tfjs\'s)', '`N(0, 1)`, as `nn.Embedding`'),
  ],
  inputs: { min: 1, max: 1, names: ['ids'] },
  inputDTypes: ['int32'],
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 1, msg`[B, ...] of ids`)) return undefined;
    return [...ctx.inputs[0]!.shape, ctx.int('d')];
  },
  weights: (ctx) => ({ trainable: mul(ctx.int('vocab'), ctx.int('d')), nonTrainable: 0 }),
  flops: () => 0,
};

export const PositionalEncoding: LayerSpec = {
  name: 'PositionalEncoding',
  category: 'embedding',
  doc:
    'Adds position information to already-embedded tokens `[B, T, d] -> [B, T, d]`. Attention ignores order (it treats its input as a set), so ' +
    'without this "the dog bit the man" and "the man bit the dog" would look the same. `"sinusoidal"` (the Transformer paper) adds the fixed ' +
    '`PE[t, 2i] = sin(t / 10000^(2i/d))`, `PE[t, 2i+1] = cos(...)`: no weights, any length up to `max_len`, and `d` must be even. ' +
    '`"learned"` (BERT, GPT, ViT) adds a trained `[max_len, d]` table instead. An optional dropout follows, as in the paper.',
  params: [
    { name: 'kind', type: 'string', default: 'sinusoidal', allowed: ['sinusoidal', 'learned'], doc: '`"sinusoidal"` (fixed, no weights) or `"learned"` (a `[max_len, d]` table).' },
    { name: 'max_len', type: 'int', min: 1, doc: 'The longest sequence: 5000 if left out for `"sinusoidal"`; required for `"learned"` (its table has `max_len*d` weights).', optional: true },
    { name: 'dropout', type: 'float', default: 0, min: 0, max: 1, doc: 'Dropout applied after adding the encoding (the paper: 0.1).' },
    initParam('the learned table', 'normal', ' (`N(0, 0.02)`, BERT and GPT-2)'),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 3, '[B, T, d]')) return undefined;
    const [, t, d] = ctx.inputs[0]!.shape as [Dim, Dim, Dim];
    const kind = ctx.string('kind');
    if (kind === 'learned' && !hasArg(ctx, 'max_len')) {
      return ctx.error('NN3003', msg`PositionalEncoding("learned") needs max_len: the length of its learned table (e.g. 512)`, { arg: 'kind' });
    }
    if (ctx.float('dropout') >= 1) return ctx.error('NN3003', msg`PositionalEncoding: dropout must be below 1`, { arg: 'dropout' });
    if (kind !== 'learned' && ctx.string('init') !== 'normal') return ctx.error('NN3017', msg`PositionalEncoding: 'init' starts the learned table, but kind is "${kind}" (no weights)`, { arg: 'init' });
    if (kind === 'sinusoidal' && isConst(d) && d % 2 !== 0) {
      return ctx.error('NN2005', msg`PositionalEncoding: sinusoidal encoding pairs sin and cos, so d must be even, but it is ${d}`, { input: 0 });
    }
    const maxLen = hasArg(ctx, 'max_len') ? ctx.int('max_len') : 5000;
    if (isConst(t) && isConst(maxLen) && t > maxLen) {
      return ctx.error('NN2004', msg`PositionalEncoding: the sequence has ${t} positions, but max_len is ${maxLen}`, { input: 0 });
    }
    return [...ctx.inputs[0]!.shape];
  },
  weights(ctx) {
    if (ctx.string('kind') !== 'learned') return { trainable: 0, nonTrainable: 0 };
    return { trainable: mul(ctx.int('max_len'), ctx.inputs[0]!.shape[2]!), nonTrainable: 0 };
  },
  flops: (ctx, [out]) => product(out!),
};

export const Weight: LayerSpec = {
  name: 'Weight',
  category: 'embedding',
  doc:
    'A free learned tensor of the given shape, with no input: `Weight([1, 64, 64, 768])` is SAM\'s absolute position embedding, added to the ' +
    'patch embeddings; `Weight([1, 256])` a learned token (SAM\'s IoU token, ViT\'s class token) concatenated to a sequence. ' +
    'The output shape is exactly `shape` (broadcast it against the batch by adding or concatenating). `init` says how it starts. Weights: the product of `shape`.',
  params: [
    { name: 'shape', type: 'ints', doc: 'The shape of the tensor, every size at least 1.' },
    initParam('the tensor', 'normal', ' (`N(0, 0.02)`); the fans are read from the shape as for a kernel: `[..., fan_in, fan_out]`'),
  ],
  inputs: { min: 0, max: 0, names: [] },
  shape(ctx) {
    argumentsKnown(ctx);
    const shape = ctx.ints('shape');
    if (shape.length === 0) return ctx.error('NN3003', msg`Weight: the shape needs at least one size`, { arg: 'shape' });
    const bad = shape.find((d) => isConst(d) && d < 1);
    if (bad !== undefined) return ctx.error('NN3003', msg`Weight: every size must be at least 1, but ${formatShape(shape)} has ${bad}`, { arg: 'shape' });
    return shape;
  },
  weights: (ctx, [out]) => ({ trainable: product(out!), nonTrainable: 0 }),
  flops: () => 0,
};

export const FourierFeatures: LayerSpec = {
  name: 'FourierFeatures',
  category: 'embedding',
  doc:
    'Random Fourier features of coordinates (SAM\'s `PositionEmbeddingRandom`): points `[..., 2]` with x and y in [0, 1] are mapped to ' +
    '`[sin(2*pi*(2p - 1) G), cos(2*pi*(2p - 1) G)]`, `[..., 2*num_feats]`, where `G` is a fixed random Gaussian matrix `[2, num_feats]` times `scale`. ' +
    'Unlike the sinusoidal encoding of token positions, it encodes continuous 2-D positions, so SAM encodes its point and box prompts and the image grid ' +
    'the same way (`num_feats: 128` gives 256 features). `G` is a buffer: `2*num_feats` non-trainable values, nothing trained.',
  params: [
    { name: 'num_feats', type: 'int', default: 128, min: 1, doc: 'The number of random frequencies; the output has `2*num_feats` features (sin and cos).' },
    { name: 'scale', type: 'float', default: 1.0, min: 0, doc: 'The standard deviation of the random frequencies: larger sees finer detail.' },
  ],
  inputs: { min: 1, max: 1, names: ['coords'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 1, '[..., 2]')) return undefined;
    const shape = ctx.inputs[0]!.shape;
    const last = shape.at(-1)!;
    if (!dimEquals(last, 2)) {
      return ctx.error('NN2004', msg`FourierFeatures maps (x, y) coordinates: the last axis must have size 2, but the input is ${formatShape(shape)} (last axis ${formatDim(last)})`, { input: 0 });
    }
    return [...shape.slice(0, -1), mul(2, ctx.int('num_feats'))];
  },
  weights: (ctx) => ({ trainable: 0, nonTrainable: mul(2, ctx.int('num_feats')) }),
  flops(ctx) {
    const points = div(product(ctx.inputs[0]!.shape), 2);
    return mul(points, add(mul(7, ctx.int('num_feats')), 4));
  },
};
