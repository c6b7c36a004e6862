// Embeddings and free weights: Embedding (a lookup table), PositionalEncoding
// (sinusoidal or learned), Weight (a learned tensor with no input),
// FourierFeatures (random Fourier features of 2-D coordinates).

import type { Tensor, TF } from '../../tf-types.js';
import type { Kernel } from '../kernel.js';
import { lastDim } from '../kernel.js';
import { chosenInitializer, fansOfShape } from '../initializers.js';
import { dropout } from '../random-source.js';

export const Embedding: Kernel = {
  weights(k) {
    const shape = [k.args.int('vocab'), k.args.int('d')];
    // PyTorch's nn.Embedding starts from N(0, 1)
    return [{ name: 'embeddings', shape, init: chosenInitializer(k.args, 'init', 'uniform', fansOfShape(shape), { kind: 'normal', std: 1 }), trainable: true }];
  },
  // [B, T] ids -> [B, T, d]
  call: (k, [ids]) => k.tf.gather(k.weight('embeddings'), k.tf.cast(ids!, 'int32')),
};

/** PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(t / 10000^(2i/d)): [T, d] */
export function sinusoidalTable(tf: TF, length: number, d: number): Tensor {
  return tf.tidy(() => {
    const positions = tf.range(0, length).expandDims(1); // [T, 1]
    const rates = tf.exp(tf.mul(tf.range(0, d, 2), -Math.log(10000) / d)).expandDims(0); // [1, d/2]
    const angles = tf.mul(positions, rates); // [T, d/2]
    // interleave: [T, d/2, 2] -> [T, d]
    return tf.reshape(tf.stack([tf.sin(angles), tf.cos(angles)], 2), [length, d]);
  });
}

export const PositionalEncoding: Kernel = {
  weights(k) {
    if (k.args.string('kind') !== 'learned') return [];
    const shape = [k.args.int('max_len'), lastDim(k.inputs[0]!)];
    return [{ name: 'table', shape, init: chosenInitializer(k.args, 'init', 'normal', fansOfShape(shape)), trainable: true }];
  },
  call(k, [x]) {
    const { tf } = k;
    const [, length, d] = x!.shape as [number, number, number];
    const table = k.args.string('kind') === 'learned' ? tf.slice(k.weight('table'), [0, 0], [length, d]) : sinusoidalTable(tf, length, d);
    const y = tf.add(x!, table);
    const rate = k.args.float('dropout');
    return k.training && rate > 0 ? dropout(tf, k.random, y, rate) : y;
  },
};

export const Weight: Kernel = {
  weights(k) {
    const shape = k.args.ints('shape');
    return [{ name: 'value', shape, init: chosenInitializer(k.args, 'init', 'normal', fansOfShape(shape)), trainable: true }];
  },
  // a copy: the caller may dispose what a layer returns, never the weight itself
  call: (k) => k.tf.clone(k.weight('value')),
};

export const FourierFeatures: Kernel = {
  weights: (k) => [{ name: 'gaussian', shape: [2, k.args.int('num_feats')], init: { kind: 'normal', std: k.args.float('scale') }, trainable: false }],
  call(k, [coords]) {
    const { tf } = k;
    const p = tf.sub(tf.mul(coords!, 2), 1); // [..., 2] in [-1, 1]
    const flat = tf.reshape(p, [-1, 2]);
    const projected = tf.mul(tf.matMul(flat, k.weight('gaussian')), 2 * Math.PI); // [N, F]
    const features = tf.concat([tf.sin(projected), tf.cos(projected)], -1); // [N, 2F]
    return tf.reshape(features, [...coords!.shape.slice(0, -1), features.shape[1]!]);
  },
};
