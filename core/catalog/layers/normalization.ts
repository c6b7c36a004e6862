// Normalization layers, Dropout and DropPath. All act on channels-last
// tensors: the channels (features) are the last axis.
//
// FLOPs (inference): BatchNorm 2 per element (its statistics are fixed, so it is
// one scale and one shift); LayerNorm and GroupNorm 5 per element for the
// statistics and the normalisation (mean 1, variance 2, subtract and divide 2)
// plus 1 each for the scale and the bias; LocalResponseNorm 2*size + 4 per
// element; Dropout and DropPath 0 (the identity at inference).

import { msg } from '../../i18n/message.js';
import { add, type Dim, dimEquals, formatDim, isConst, mul } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec } from '../layer-spec.js';
import { argumentsKnown, biasInitParam, expectMinRank, initParam } from './common.js';

const channelsOf = (ctx: LayerContext): Dim => ctx.inputs[0]!.shape.at(-1)!;

/** An optional size given for documentation (PyTorch's `num_features`): checked against the last axis. */
function checkDeclared(ctx: LayerContext, name: string): boolean {
  const v = ctx.args[name];
  if (!v || v.kind !== 'int') return true;
  const c = channelsOf(ctx);
  if (dimEquals(v.value, c)) return true;
  ctx.error('NN2004', msg`${ctx.spec.name}(${formatDim(v.value)}) normalizes ${formatDim(v.value)} features, but the input's last axis has ${formatDim(c)}: ${formatShape(ctx.inputs[0]!.shape)}`, { arg: name });
  return false;
}

export const Dropout: LayerSpec = {
  name: 'Dropout',
  category: 'regularization',
  doc:
    'During training, sets each element to 0 with probability `rate` and scales the rest by `1 / (1 - rate)`; at inference it does nothing. ' +
    'No unit can rely on any particular other unit, which fights overfitting (AlexNet and VGG use `Dropout(0.5)` in their classifiers, ' +
    'Transformers `Dropout(0.1)` after each sublayer). The shape is unchanged. ' +
    'Training only: `nn train` drops while it trains and not when it evaluates; `nn run`, `nn export` and a pipeline never drop.',
  params: [{ name: 'rate', type: 'float', min: 0, max: 1, doc: 'The probability of dropping each element, in [0, 1).' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (ctx.float('rate') >= 1) return ctx.error('NN3003', msg`Dropout: rate must be below 1 (a rate of 1 drops everything)`, { arg: 'rate' });
    return [...ctx.inputs[0]!.shape];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

export const DropPath: LayerSpec = {
  name: 'DropPath',
  category: 'regularization',
  doc:
    'Stochastic depth (Huang et al. 2016; `timm`\'s `DropPath`): during training, each example\'s whole input is set to 0 with probability `rate` ' +
    'and the kept ones are scaled by `1 / (1 - rate)`, so the mean is unchanged; at inference it does nothing. It goes at the end of a residual branch, ' +
    '`x + (x -> branch -> DropPath(0.1))`: for each example the block is then sometimes the identity, so a deep network trains as an ensemble of shallower ones ' +
    '(EfficientNet, ViT, Swin and ConvNeXt, often with a rate growing with depth). Never on the skip path, which would drop the whole signal. ' +
    'Unlike Dropout it drops all or nothing of each example. Training only, as Dropout. Shape unchanged, no weights.',
  params: [{ name: 'rate', type: 'float', min: 0, max: 1, doc: 'The probability of dropping each example\'s branch, in [0, 1).' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 2, '[B, ...]')) return undefined;
    if (ctx.float('rate') >= 1) return ctx.error('NN3003', msg`DropPath: rate must be below 1 (a rate of 1 drops every branch)`, { arg: 'rate' });
    return [...ctx.inputs[0]!.shape];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

export const BatchNorm: LayerSpec = {
  name: 'BatchNorm',
  category: 'normalization',
  doc:
    'Batch normalization: normalizes each channel (the last axis) to zero mean and unit variance over the batch and all positions, ' +
    'then applies a learned scale `gamma` and shift `beta`: `y = gamma * (x - mean) / sqrt(var + epsilon) + beta`. During training it keeps running ' +
    'averages of the mean and variance (2*C non-trainable values) and uses them at inference. It lets deep networks train fast with large learning rates; ' +
    'ResNet puts one after every convolution (`Conv2D(..., bias: false) -> BatchNorm -> ReLU`). Shape unchanged; weights `2*C` trainable + `2*C` non-trainable. ' +
    'While training it normalizes with the batch\'s own statistics and updates the averages; when `nn train` evaluates, in `nn run`, an export and a pipeline it uses the averages. ' +
    'Defaults are PyTorch\'s: `momentum: 0.1` weighs the new batch (`running = 0.9*running + 0.1*batch`; Keras\' 0.99 means the same as PyTorch\'s 0.01), `epsilon: 1e-5`.',
  params: [
    { name: 'channels', type: 'int', min: 1, doc: 'The number of channels, as PyTorch\'s `BatchNorm2d(64)` writes it; optional, checked against the input\'s last axis.', optional: true },
    { name: 'momentum', type: 'float', default: 0.1, min: 0, max: 1, doc: 'PyTorch-style: the weight of the current batch in the running statistics.' },
    { name: 'epsilon', type: 'float', default: 1e-5, min: 0, doc: 'Added to the variance before the square root, for stability.' },
    { name: 'affine', type: 'bool', default: true, doc: 'Learn the scale `gamma` and shift `beta` (2*C weights).' },
    initParam('the scale `gamma`', 'ones', ': `"zeros"` on the last BatchNorm of a residual branch starts each block as the identity (Goyal et al. 2017)', 'the same, as PyTorch\'s module starts them', 'affine'),
    biasInitParam('the shift `beta`', 'the same, as PyTorch\'s module starts them', 'affine'),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 2, '[B, ..., C]') || !checkDeclared(ctx, 'channels')) return undefined;
    return [...ctx.inputs[0]!.shape];
  },
  weights(ctx) {
    const c = channelsOf(ctx);
    return { trainable: ctx.bool('affine') ? mul(2, c) : 0, nonTrainable: mul(2, c) };
  },
  flops: (ctx, [out]) => mul(2, product(out!)),
};

function normFlops(out: Dim[], affine: [boolean, boolean]): Dim {
  return mul(5 + (affine[0] ? 1 : 0) + (affine[1] ? 1 : 0), product(out));
}

export const LayerNorm: LayerSpec = {
  name: 'LayerNorm',
  category: 'normalization',
  doc:
    'Layer normalization: normalizes each position\'s feature vector (the last axis) to zero mean and unit variance, then applies a learned ' +
    'per-feature scale and bias: `y = (x - mean) / sqrt(var + epsilon) * gamma + beta`. Unlike BatchNorm it does not depend on the batch, so it ' +
    'works the same in training and inference and for any sequence length; Transformers use it around every sublayer to keep the values ' +
    'from drifting as layers stack (`LayerNorm(x + Attention(x))`). On `[B, H, W, C]` it is SAM\'s `LayerNorm2d` (per pixel, over channels). ' +
    'Shape unchanged; weights `2*d` (`LayerNorm` on 512 features: 1,024).',
  params: [
    { name: 'features', type: 'int', min: 1, doc: 'The size of the last axis, as PyTorch\'s `LayerNorm(512)` writes it; optional, checked against the input.', optional: true },
    { name: 'epsilon', type: 'float', default: 1e-5, min: 0, doc: 'Added to the variance before the square root (PyTorch 1e-5; SAM uses 1e-6).' },
    { name: 'scale', type: 'bool', default: true, doc: 'Learn a per-feature scale `gamma`.' },
    { name: 'bias', type: 'bool', default: true, doc: 'Learn a per-feature bias `beta`.' },
    initParam('the scale `gamma`', 'ones', '', 'the same, as PyTorch\'s module starts them', 'scale'),
    biasInitParam('the bias `beta`', 'the same, as PyTorch\'s module starts them', 'bias'),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 2, '[B, ..., d]') || !checkDeclared(ctx, 'features')) return undefined;
    return [...ctx.inputs[0]!.shape];
  },
  weights(ctx) {
    const d = channelsOf(ctx);
    return { trainable: add(ctx.bool('scale') ? d : 0, ctx.bool('bias') ? d : 0), nonTrainable: 0 };
  },
  flops: (ctx, [out]) => normFlops(out!, [ctx.bool('scale'), ctx.bool('bias')]),
};

export const GroupNorm: LayerSpec = {
  name: 'GroupNorm',
  category: 'normalization',
  doc:
    'Group normalization: splits the channels (last axis) into `groups` groups and normalizes each group over its channels and all positions of one example, ' +
    'then applies a learned per-channel scale and bias. It does not depend on the batch size, so detection and segmentation models trained with ' +
    'small batches use it instead of BatchNorm. `groups: 1` normalizes all channels together (like LayerNorm over `[H, W, C]`); `groups = C` is instance norm. ' +
    'Shape unchanged; weights `2*C`.',
  params: [
    { name: 'groups', type: 'int', min: 1, doc: 'The number of channel groups; the channels must divide by it.' },
    { name: 'epsilon', type: 'float', default: 1e-5, min: 0, doc: 'Added to the variance before the square root.' },
    { name: 'affine', type: 'bool', default: true, doc: 'Learn a per-channel scale and bias (2*C weights).' },
    initParam('the scale', 'ones', '', 'the same, as PyTorch\'s module starts them', 'affine'),
    biasInitParam('the bias', 'the same, as PyTorch\'s module starts them', 'affine'),
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 2, '[B, ..., C]')) return undefined;
    const c = channelsOf(ctx);
    const g = ctx.int('groups');
    if (isConst(c) && isConst(g) && c % g !== 0) return ctx.error('NN2005', msg`GroupNorm: the channels (${c}) must divide by groups (${g})`, { arg: 'groups' });
    return [...ctx.inputs[0]!.shape];
  },
  weights(ctx) {
    return { trainable: ctx.bool('affine') ? mul(2, channelsOf(ctx)) : 0, nonTrainable: 0 };
  },
  flops: (ctx, [out]) => normFlops(out!, [ctx.bool('affine'), ctx.bool('affine')]),
};

export const LocalResponseNorm: LayerSpec = {
  name: 'LocalResponseNorm',
  category: 'normalization',
  doc:
    'Local response normalization across channels, from the original AlexNet: each value is divided by ' +
    '`(k + alpha/size * sum of squares over the size neighbouring channels)^beta`, so strongly active channels damp their neighbours ' +
    '("lateral inhibition"). AlexNet used `size: 5, k: 2, alpha: 1e-4, beta: 0.75` after its first two convolutions; later networks dropped it for BatchNorm. ' +
    'Defaults are PyTorch\'s. Shape unchanged, no weights.',
  params: [
    { name: 'size', type: 'int', default: 5, min: 1, doc: 'The number of neighbouring channels summed over.' },
    { name: 'alpha', type: 'float', default: 1e-4, doc: 'The scale of the sum of squares.' },
    { name: 'beta', type: 'float', default: 0.75, doc: 'The exponent.' },
    { name: 'k', type: 'float', default: 1.0, doc: 'The additive constant (the AlexNet paper: 2).' },
  ],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 3, '[B, ..., C]')) return undefined;
    return [...ctx.inputs[0]!.shape];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: (ctx, [out]) => mul(add(mul(2, ctx.int('size')), 4), product(out!)),
};
