// Max and average pooling over windows (1-D and 2-D), global pooling, and
// PyTorch's adaptive average pooling.
//
// FLOPs: one per element of every window (comparisons for max, additions and
// the final division for average): `window size * output elements`. Global
// pooling: one per input element. Adaptive pooling: the exact sum of its
// window sizes when H and W are known, else one per input element.

import { msg } from '../../i18n/message.js';
import { convOutputLength } from '../../shapes/conv-size.js';
import { type Dim, isConst, mul } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec, ParamSpec } from '../layer-spec.js';
import { argumentsKnown, checkFits, expectRank, hasArg, paddingArg, sizeArg } from './common.js';

type PoolKind = 'Max' | 'Avg';

function poolParams(rank: 1 | 2): ParamSpec[] {
  const list = rank === 2 ? 'an int, or `[ph, pw]`' : 'an int';
  return [
    { name: 'pool', type: 'size', min: 1, doc: `The window size: ${list}.` },
    { name: 'stride', type: 'size', min: 1, doc: `The step between windows: ${list}. Left out: the window size (non-overlapping windows).`, optional: true },
    { name: 'padding', type: 'padding', default: 'valid', doc: '`"valid"` (none), `"same"` (output `ceil(L / stride)`), or an int: implicit padding on each side (PyTorch; at most half the window).' },
    { name: 'ceil_mode', type: 'bool', default: false, doc: 'PyTorch\'s `ceil_mode`: round the output size up, keeping a last partial window (one that starts inside the input).' },
  ];
}

function poolShape(ctx: LayerContext, rank: 1 | 2): Dim[] | undefined {
  const layout = rank === 2 ? '[B, H, W, C]' : '[B, T, C]';
  if (!expectRank(ctx, rank + 2, layout)) return undefined;
  const shape = ctx.inputs[0]!.shape;
  const spatial = shape.slice(1, 1 + rank);
  const pool = sizeArg(ctx, 'pool', rank);
  const stride = hasArg(ctx, 'stride') ? sizeArg(ctx, 'stride', rank) : pool;
  if (!pool || !stride) return undefined;
  const pads = paddingArg(ctx, rank);
  for (let i = 0; i < rank; i++) {
    const p = pads[i]!;
    if (typeof p !== 'object') continue;
    for (const side of [p.before, p.after]) {
      const k = pool[i]!;
      if (isConst(side) && side < 0) return ctx.error('NN3003', msg`${ctx.spec.name}: padding must not be negative, but is ${side}`, { arg: 'padding' });
      if (isConst(side) && isConst(k) && side > k / 2) {
        return ctx.error('NN3003', msg`${ctx.spec.name}: padding (${side}) must be at most half the window (${k}), as in PyTorch`, { arg: 'padding' });
      }
    }
  }
  const ceilMode = ctx.bool('ceil_mode');
  const out = spatial.map((len, i) => convOutputLength(len, pool[i]!, stride[i]!, pads[i]!, 1, ceilMode));
  const axes = rank === 2 ? [msg`height`, msg`width`] : [msg`length`];
  if (!checkFits(ctx, out, spatial, axes, 'pool', msg`pooling window`)) return undefined;
  return [shape[0]!, ...out, shape[rank + 1]!];
}

function makePool(kind: PoolKind, rank: 1 | 2): LayerSpec {
  const what = kind === 'Max' ? 'the largest value' : 'the average';
  const use =
    rank === 2
      ? kind === 'Max'
        ? 'VGG ends each block with `MaxPool2D(2)`, which halves the image (`[B, H, W, C] -> [B, H/2, W/2, C]`); ResNet and AlexNet use overlapping `MaxPool2D(3, stride: 2)`.'
        : 'It smooths rather than picks; LeNet used it, and DenseNet\'s transitions halve the image with `AvgPool2D(2)`.'
      : kind === 'Max'
        ? 'Text and audio CNNs use it to shorten a sequence while keeping the strongest response of each feature in every window.'
        : 'It shortens a sequence by averaging neighbouring steps: a cheap, smoothing downsampling of audio or time series.';
  return {
    name: `${kind}Pool${rank}D`,
    category: 'pooling',
    doc:
      `${kind === 'Max' ? 'Max' : 'Average'} pooling over ${rank === 2 ? '`pool x pool` windows of an image `[B, H, W, C]`' : 'windows of `pool` steps of a sequence `[B, T, C]`'}: ` +
      `each output is ${what} of one window, channel by channel, with no weights. It shrinks the ${rank === 2 ? 'image' : 'sequence'} and makes the features ` +
      `tolerant to small shifts. Output size per axis: \`floor((L + 2*padding - pool) / stride) + 1\` (\`ceil\` with \`ceil_mode\`; \`"same"\`: \`ceil(L / stride)\`); ` +
      `the stride defaults to the window size. ${use}`,
    params: poolParams(rank),
    inputs: { min: 1, max: 1, names: ['x'] },
    shape: (ctx) => (argumentsKnown(ctx), poolShape(ctx, rank)),
    weights: () => ({ trainable: 0, nonTrainable: 0 }),
    flops(ctx, [out]) {
      return mul(product(ctx.size('pool', rank)), product(out!));
    },
  };
}

export const MaxPool2D = makePool('Max', 2);
export const AvgPool2D = makePool('Avg', 2);
export const MaxPool1D = makePool('Max', 1);
export const AvgPool1D = makePool('Avg', 1);

function makeGlobalPool(kind: PoolKind): LayerSpec {
  return {
    name: `Global${kind}Pool`,
    category: 'pooling',
    doc:
      `Global ${kind === 'Max' ? 'max' : 'average'} pooling: ${kind === 'Max' ? 'the largest value' : 'the mean'} of each channel over all positions, ` +
      '`[B, H, W, C] -> [B, C]` (or a sequence `[B, T, C] -> [B, C]`); with `keepdims: true` the pooled axes stay as 1s (`[B, 1, 1, C]`). ' +
      (kind === 'Avg'
        ? 'ResNet, GoogLeNet and most modern CNNs end with it instead of a large dense layer: the classifier sees one number per channel, whatever the image size.'
        : 'It keeps the strongest response of each feature anywhere in the input (a text CNN\'s max-over-time pooling).'),
    params: [{ name: 'keepdims', type: 'bool', default: false, doc: 'Keep the pooled axes as size 1 (`[B, 1, 1, C]`).' }],
    inputs: { min: 1, max: 1, names: ['x'] },
    shape(ctx) {
      argumentsKnown(ctx);
      const shape = ctx.inputs[0]!.shape;
      if (shape.length !== 3 && shape.length !== 4) {
        return ctx.error('NN2001', msg`${ctx.spec.name} expects a rank-3 [B, T, C] or rank-4 [B, H, W, C] input, but got rank ${shape.length}: ${formatShape(shape)}`, { input: 0 });
      }
      const [b, c] = [shape[0]!, shape.at(-1)!];
      return ctx.bool('keepdims') ? [b, ...shape.slice(1, -1).map(() => 1), c] : [b, c];
    },
    weights: () => ({ trainable: 0, nonTrainable: 0 }),
    flops: (ctx) => product(ctx.inputs[0]!.shape),
  };
}

export const GlobalAvgPool = makeGlobalPool('Avg');
export const GlobalMaxPool = makeGlobalPool('Max');

/** PyTorch's adaptive windows along one axis: window i covers [floor(i*L/n), ceil((i+1)*L/n)). */
function adaptiveWindowSum(length: Dim, n: Dim): Dim {
  if (!isConst(length) || !isConst(n) || n > 100_000) return length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.ceil(((i + 1) * length) / n) - Math.floor((i * length) / n);
  return total;
}

export const AdaptiveAvgPool2D: LayerSpec = {
  name: 'AdaptiveAvgPool2D',
  category: 'pooling',
  doc:
    'Average pooling to a fixed output size, whatever the input size (PyTorch `AdaptiveAvgPool2d`): `[B, H, W, C] -> [B, h, w, C]`. ' +
    'Output cell `i` averages rows `floor(i*H/h)` to `ceil((i+1)*H/h) - 1`, so the windows adapt (and may overlap) to cover the image exactly. ' +
    'torchvision\'s AlexNet and VGG put `AdaptiveAvgPool2D(6)` / `(7)` before the classifier so any image size gives the same number of features; ' +
    '`AdaptiveAvgPool2D(1)` is global average pooling that keeps the spatial axes.',
  params: [{ name: 'output_size', type: 'size', min: 1, doc: 'The output size: an int (square), or `[h, w]`.' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectRank(ctx, 4, '[B, H, W, C]')) return undefined;
    const [b, , , c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const size = sizeArg(ctx, 'output_size', 2);
    if (!size) return undefined;
    return [b, size[0]!, size[1]!, c];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops(ctx, [out]) {
    const [b, h, w, c] = ctx.inputs[0]!.shape as [Dim, Dim, Dim, Dim];
    const [, oh, ow] = out as [Dim, Dim, Dim, Dim];
    return mul(mul(b, c), mul(adaptiveWindowSum(h, oh), adaptiveWindowSum(w, ow)));
  },
};
