// Random numbers for dropout, stochastic depth and the `normal`/`uniform`
// functions: new ones at every call, the same ones for the same seed.
//
// On the native backend they come from TensorFlow's stateless random ops
// (StatelessRandomUniform, StatelessRandomNormal), keyed by a layer's own
// counter, a small int32 variable [seed, n] that each call reads and then
// advances. Everything is TensorFlow ops on a variable, so a training step
// with dropout is the same computation every time and runs as one graph
// (../train/graph-step/), drawing the same numbers as when it runs op by op.
// On any other backend, tfjs draws them in JavaScript from a new seed per
// call.

import type { Tensor, TF } from '../tf-types.js';
import { float32Attr, nativeBackend } from './kernels/native-ops.js';

type Variable = import('@tensorflow/tfjs').Variable;

export interface RandomSource {
  /** values uniform in [low, high), float32 */
  uniform(shape: number[], low: number, high: number): Tensor;
  /** values normal with `mean` and standard deviation `std`, float32 */
  normal(shape: number[], mean: number, std: number): Tensor;
}

/** The int32 seed words a counter starts from: the layer's seed, else one drawn now. */
const startingSeed = (seed: number | undefined) => seed ?? Math.floor(Math.random() * 2_147_483_647);

/**
 * A layer's random numbers. `state` holds its counter variable once made
 * (the layer disposes it with its weights); without it (a pipeline's one-off
 * kernel call, which keeps nothing) they come from tfjs's generator.
 */
export function randomSource(tf: TF, seed: number | undefined, state?: { counter?: Variable }): RandomSource {
  const native = state ? nativeBackend(tf) : undefined;
  if (!native || !state) {
    let calls = 0;
    const nextSeed = () => (seed === undefined ? undefined : (seed * 7919 + ++calls) % 2_147_483_647);
    return {
      uniform: (shape, low, high) => tf.randomUniform(shape, low, high, 'float32', nextSeed()),
      normal: (shape, mean, std) => tf.randomNormal(shape, mean, std, 'float32', nextSeed()),
    };
  }
  /** this call's key, [seed, n]; the counter moves on to n + 1 */
  const key = (): Tensor => {
    state.counter ??= tf.variable(tf.tensor1d([startingSeed(seed), 0], 'int32'), false);
    const counter = state.counter;
    const current = tf.clone(counter);
    counter.assign(tf.add(counter, tf.tensor1d([0, 1], 'int32')));
    return current;
  };
  const draw = (op: 'StatelessRandomUniform' | 'StatelessRandomNormal', shape: number[]): Tensor =>
    tf.tidy(() => {
      const int32 = { name: 'T', type: native.binding.TF_ATTR_TYPE, value: native.binding.TF_INT32 };
      return native.executeSingleOutput(op, [float32Attr(native, 'dtype'), int32, { ...int32, name: 'Tseed' }], [tf.tensor1d(shape, 'int32'), key()]);
    });
  return {
    uniform: (shape, low, high) => tf.tidy(() => (low === 0 && high === 1 ? draw('StatelessRandomUniform', shape) : tf.add(tf.mul(draw('StatelessRandomUniform', shape), high - low), low))),
    normal: (shape, mean, std) => tf.tidy(() => (mean === 0 && std === 1 ? draw('StatelessRandomNormal', shape) : tf.add(tf.mul(draw('StatelessRandomNormal', shape), std), mean))),
  };
}

/** Dropout: each value kept with probability 1 - rate and scaled by 1 / (1 - rate), else 0. */
export function dropout(tf: TF, random: RandomSource, x: Tensor, rate: number): Tensor {
  return tf.tidy(() => {
    const kept = tf.cast(tf.greaterEqual(random.uniform(x.shape, 0, 1), rate), x.dtype);
    return tf.mul(x, tf.div(kept, 1 - rate));
  });
}
