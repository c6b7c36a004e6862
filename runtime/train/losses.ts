// The built-in losses, each a function of the targets and the model's
// predictions that gives one number: the mean over the batch (and over
// every position, for sequences). Class targets may be integer ids
// (the data's usual form) or one-hot rows.

import type { Tensor, TF } from '../tf-types.js';

export type LossFunction = (tf: TF, target: Tensor, prediction: Tensor) => Tensor;

const EPSILON = 1e-7;

/** Class ids [..] or one-hot [.., C] as one-hot rows matching `prediction` [.., C]. */
function oneHotLike(tf: TF, target: Tensor, prediction: Tensor): Tensor {
  if (target.rank === prediction.rank) return tf.cast(target, 'float32');
  return tf.oneHot(tf.cast(target, 'int32'), prediction.shape.at(-1)!) as Tensor;
}

/** Crossentropy of probabilities (the model ends with Softmax). */
const crossentropy: LossFunction = (tf, target, prediction) => {
  const p = tf.clipByValue(prediction, EPSILON, 1 - EPSILON);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHotLike(tf, target, prediction), tf.log(p)), -1)));
};

export const LOSS_FUNCTIONS: Record<string, LossFunction> = {
  crossentropy,
  sparse_crossentropy: crossentropy,
  binary_crossentropy: (tf, target, prediction) => {
    const p = tf.clipByValue(prediction, EPSILON, 1 - EPSILON);
    const y = tf.reshape(tf.cast(target, 'float32'), p.shape);
    return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
  },
  mse: (tf, target, prediction) => tf.mean(tf.square(tf.sub(tf.reshape(tf.cast(target, 'float32'), prediction.shape), prediction))),
  mae: (tf, target, prediction) => tf.mean(tf.abs(tf.sub(tf.reshape(tf.cast(target, 'float32'), prediction.shape), prediction))),
  /** one-vs-rest hinge: y = +1 for the true class, -1 for the others; mean of max(0, 1 - y * score) */
  hinge: (tf, target, prediction) => {
    const y = tf.sub(tf.mul(oneHotLike(tf, target, prediction), 2), 1);
    return tf.mean(tf.relu(tf.sub(1, tf.mul(y, prediction))));
  },
};

export function builtinLoss(name: string): LossFunction {
  const f = LOSS_FUNCTIONS[name];
  if (!f) throw new Error(`unknown loss '${name}'`);
  return f;
}
