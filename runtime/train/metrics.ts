// Metrics: measured on the test (or validation) data after each epoch.
// Each is a sum over examples, so batches add up: `sum` and `count`.

import type { Tensor, TF } from '../tf-types.js';

export interface MetricFunction {
  /** the metric summed over the batch, and how many it counted */
  (tf: TF, target: Tensor, prediction: Tensor): { sum: Tensor; count: number };
}

const predictedClass = (tf: TF, prediction: Tensor): Tensor => tf.argMax(prediction, -1);

/** Class ids [..] from targets that are ids or one-hot rows. */
function classIds(tf: TF, target: Tensor, prediction: Tensor): Tensor {
  return target.rank === prediction.rank ? tf.argMax(target, -1) : tf.cast(target, 'int32');
}

export const METRIC_FUNCTIONS: Record<string, MetricFunction> = {
  /** right classes / all predictions (every position of a sequence counts) */
  accuracy(tf, target, prediction) {
    if (prediction.shape.at(-1) === 1) {
      // one probability: a binary classifier
      const right = tf.equal(tf.greater(tf.reshape(prediction, [-1]), 0.5), tf.greater(tf.reshape(tf.cast(target, 'float32'), [-1]), 0.5));
      return { sum: tf.sum(tf.cast(right, 'float32')), count: right.size };
    }
    const right = tf.equal(predictedClass(tf, prediction), classIds(tf, target, prediction));
    return { sum: tf.sum(tf.cast(right, 'float32')), count: right.size };
  },
  top5(tf, target, prediction) {
    const k = Math.min(5, prediction.shape.at(-1)!);
    const { indices } = tf.topk(prediction, k);
    const ids = tf.expandDims(classIds(tf, target, prediction), -1);
    const hit = tf.any(tf.equal(indices, tf.cast(ids, 'int32')), -1);
    return { sum: tf.sum(tf.cast(hit, 'float32')), count: hit.size };
  },
  /** sequences whose every position is right / sequences */
  sequence_accuracy(tf, target, prediction) {
    const right = tf.equal(predictedClass(tf, prediction), classIds(tf, target, prediction)); // [N, T]
    const whole = tf.all(tf.reshape(right, [right.shape[0]!, -1]), 1);
    return { sum: tf.sum(tf.cast(whole, 'float32')), count: whole.size };
  },
  mse(tf, target, prediction) {
    const err = tf.square(tf.sub(tf.reshape(tf.cast(target, 'float32'), prediction.shape), prediction));
    return { sum: tf.sum(err), count: err.size };
  },
  mae(tf, target, prediction) {
    const err = tf.abs(tf.sub(tf.reshape(tf.cast(target, 'float32'), prediction.shape), prediction));
    return { sum: tf.sum(err), count: err.size };
  },
};
