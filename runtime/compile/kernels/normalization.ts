// Normalisation and dropout. BatchNorm keeps running statistics
// (non-trainable weights) updated PyTorch-style while training:
// running = (1 - momentum) * running + momentum * batch, with the batch's
// BIASED variance (batch-norm-call.ts; the PyTorch export computes the same).

import type { Tensor } from '../../tf-types.js';
import type { BuildContext, Kernel, WeightSpec } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { chosenInitializer } from '../initializers.js';
import { dropout } from '../random-source.js';
import { type BatchNormCall, type BatchNormImplementation, updateRunning } from './batch-norm-call.js';
import { fusedBatchNorm, hasFusedBatchNorm } from './fused-batch-norm.js';

/** gamma [C] from `init` (ones), beta [C] from `bias_init` (zeros); PyTorch starts them the same. */
function affineWeights(k: BuildContext, channels: number, scale: boolean, shift: boolean): WeightSpec[] {
  const fans = { fanIn: channels, fanOut: channels };
  return [
    ...(scale ? [{ name: 'gamma', shape: [channels], init: chosenInitializer(k.args, 'init', 'ones', fans, { kind: 'ones' }), trainable: true }] : []),
    ...(shift ? [{ name: 'beta', shape: [channels], init: chosenInitializer(k.args, 'bias_init', 'zeros', fans, { kind: 'zeros' }), trainable: true }] : []),
  ];
}

export const BatchNorm: Kernel = {
  weights(k) {
    const c = lastDim(k.inputs[0]!);
    const affine = k.args.bool('affine');
    return [
      ...affineWeights(k, c, affine, affine),
      { name: 'moving_mean', shape: [c], init: { kind: 'zeros' }, trainable: false },
      { name: 'moving_variance', shape: [c], init: { kind: 'ones' }, trainable: false },
    ];
  },
  call(k, [x]) {
    const { tf } = k;
    const affine = k.args.bool('affine');
    const call: BatchNormCall = {
      ...(affine ? { gamma: k.weight('gamma'), beta: k.weight('beta') } : {}),
      epsilon: k.args.float('epsilon'),
      statistics: k.training ? 'batch' : { mean: k.weight('moving_mean'), variance: k.weight('moving_variance') },
      running: {
        mean: k.weight('moving_mean'),
        variance: k.weight('moving_variance'),
        momentum: k.args.float('momentum'),
        assign: (mean, variance) => {
          k.assign('moving_mean', mean);
          k.assign('moving_variance', variance);
        },
      },
    };
    // the native backend runs it as one TensorFlow op each way; any other backend broadcasts
    return (hasFusedBatchNorm(tf) ? fusedBatchNorm : broadcastBatchNorm)(tf, x!, call);
  },
};

/** BatchNorm in tfjs operations that any backend has: the batch's moments, then two broadcasts over x. */
export const broadcastBatchNorm: BatchNormImplementation = (tf, input, call) => {
  let mean: Tensor;
  let variance: Tensor;
  if (call.statistics === 'batch') {
    const axes = Array.from({ length: input.rank - 1 }, (_, i) => i);
    ({ mean, variance } = tf.moments(input, axes));
    if (call.running) updateRunning(tf, call.running, mean, variance);
  } else {
    ({ mean, variance } = call.statistics);
  }
  // y = (x - mean) * scale + shift with per-channel scale = gamma / sqrt(var + eps):
  // two broadcast operations on x, whose gradients are cheap (tf.batchNorm's are not)
  let scale = tf.rsqrt(tf.add(variance, call.epsilon));
  if (call.gamma) scale = tf.mul(scale, call.gamma);
  let shift = tf.neg(tf.mul(mean, scale));
  if (call.beta) shift = tf.add(shift, call.beta);
  return tf.add(tf.mul(input, scale), shift);
};

export const LayerNorm: Kernel = {
  weights: (k) => affineWeights(k, lastDim(k.inputs[0]!), k.args.bool('scale'), k.args.bool('bias')),
  call(k, [x]) {
    const { tf } = k;
    // [..., d]: each position normalised over its d features
    const { mean, variance } = tf.moments(x!, -1, true);
    let y = tf.div(tf.sub(x!, mean), tf.sqrt(tf.add(variance, k.args.float('epsilon'))));
    if (k.args.bool('scale')) y = tf.mul(y, k.weight('gamma'));
    if (k.args.bool('bias')) y = tf.add(y, k.weight('beta'));
    return y;
  },
};

export const GroupNorm: Kernel = {
  weights: (k) => {
    const affine = k.args.bool('affine');
    return affineWeights(k, lastDim(k.inputs[0]!), affine, affine);
  },
  call(k, [x]) {
    const { tf } = k;
    const input = x!;
    const groups = k.args.int('groups');
    const c = input.shape.at(-1)!;
    // [B, ..., C] -> [B, ..., G, C/G]: statistics per example and group
    const grouped = tf.reshape(input, [...input.shape.slice(0, -1), groups, c / groups]);
    const axes = [...Array.from({ length: input.rank - 2 }, (_, i) => i + 1), input.rank];
    const { mean, variance } = tf.moments(grouped, axes, true);
    let y = tf.reshape(tf.div(tf.sub(grouped, mean), tf.sqrt(tf.add(variance, k.args.float('epsilon')))), input.shape);
    if (k.args.bool('affine')) y = tf.add(tf.mul(y, k.weight('gamma')), k.weight('beta'));
    return y;
  },
};

/** PyTorch's LocalResponseNorm: b = a / (k + alpha/size * sum of squares of `size` neighbouring channels)^beta. */
export const LocalResponseNorm: Kernel = {
  call(k, [x]) {
    const size = k.args.int('size');
    const radius = Math.floor(size / 2);
    return k.tf.localResponseNormalization(x as never, radius, k.args.float('k'), k.args.float('alpha') / size, k.args.float('beta'));
  },
};

/**
 * Stochastic depth: while training, each example's whole input is kept with
 * probability 1 - rate and scaled by 1 / (1 - rate), or set to 0.
 */
export const DropPath: Kernel = {
  call(k, [x]) {
    const rate = k.args.float('rate');
    if (!k.training || rate <= 0) return x!;
    const { tf } = k;
    const input = x!;
    const keep = 1 - rate;
    const perExample = [input.shape[0]!, ...input.shape.slice(1).map(() => 1)]; // [B, 1, ..., 1]
    const kept = tf.cast(tf.less(k.random.uniform(perExample, 0, 1), keep), 'float32');
    return tf.mul(input, tf.div(kept, keep));
  },
};

export const Dropout: Kernel = {
  call: (k, [x]) => (k.training && k.args.float('rate') > 0 ? dropout(k.tf, k.random, x!, k.args.float('rate')) : x!),
};
