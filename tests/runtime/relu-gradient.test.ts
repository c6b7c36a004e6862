// ReLU's gradient on the native backend is TensorFlow's one ReluGrad op:
// the upstream gradient where the input is positive, 0 elsewhere (0 at
// exactly 0, as TensorFlow and PyTorch define it), on every rank, without
// tfjs's chain of ops.

import { describe, expect, it } from 'vitest';
import { relu } from '../../runtime/compile/kernels/activations.js';
import { nativeBackend } from '../../runtime/compile/kernels/native-ops.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

const SHAPES = [[12], [7, 5], [4, 6, 5], [3, 4, 5, 6]];

/** Values with exact zeros, negatives and positives. */
function input(shape: number[], seed: number): Tensor {
  const x = tf.randomNormal(shape, 0, 1, 'float32', seed);
  return tf.where(tf.less(tf.abs(x), 0.2), tf.zerosLike(x), x);
}

describe('ReLU on the native backend', () => {
  it('runs there', () => {
    expect(nativeBackend(tf)).toBeDefined();
  });

  it.each(SHAPES)('has the gradient dy * (x > 0) on %j', (...shape) => {
    const x = input(shape, shape.length);
    const dy = tf.randomNormal(shape, 0, 1, 'float32', 10 + shape.length);
    const [gradient] = tf.grads((t: Tensor) => tf.sum(tf.mul(relu(tf, t), dy)))([x]);
    const expected = tf.where(tf.greater(x, 0), dy, tf.zerosLike(dy));
    // ReluGrad multiplies, so a negative dy gives -0 where the select gives 0: equal numbers
    const numbers = (t: Tensor) => Array.from(t.dataSync(), (v) => v + 0);
    expect(numbers(gradient!)).toEqual(numbers(expected));
    expect(Array.from(relu(tf, x).dataSync())).toEqual(Array.from(tf.relu(x).dataSync()));
  });

  it("runs none of the select's ops (Greater, ZerosLike, Select) for its gradient", async () => {
    const x = input([8, 8], 3);
    const dy = tf.onesLike(x);
    const profile = await tf.profile(() => tf.grads((t: Tensor) => tf.sum(tf.mul(relu(tf, t), dy)))([x]));
    const kernels = profile.kernels.map((k) => k.name);
    expect(kernels).toContain('Relu');
    expect(kernels.filter((name) => ['Greater', 'ZerosLike', 'Select', 'Step'].includes(name))).toEqual([]);
  });
});
