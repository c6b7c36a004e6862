// Metrics: measured on the test (or validation) data after each epoch,
// batch by batch. Most are a sum over examples (`sum` and `count`); mAP
// needs every detection first.

import type { Tensor, TF } from '../tf-types.js';
import { maskIou } from './mask-iou.js';
import { MeanAveragePrecision } from './mean-average-precision.js';

export interface MetricFunction {
  /** the metric summed over the batch, and how many it counted */
  (tf: TF, target: Tensor, prediction: Tensor): { sum: Tensor; count: number };
}

/** A metric measured over a whole dataset: batches added, then the result. */
export interface MetricAccumulator {
  /** `prediction` is the model's first output; `batch` has the batch's inputs and every output */
  add(target: Tensor, prediction: Tensor, batch?: { inputs: Tensor[]; outputs: Tensor[] }): void;
  result(): number;
  /** several numbers by name, reported instead of `result` (mask_iou: iou_point, iou_box, ...) */
  results?(): Record<string, number>;
}

export type Metric = (tf: TF) => MetricAccumulator;

/** A summed metric as an accumulator. */
function summed(f: MetricFunction): Metric {
  return (tf) => {
    let sum = 0;
    let count = 0;
    return {
      add(target, prediction) {
        const r = tf.tidy(() => {
          const { sum: s, count: c } = f(tf, target, prediction);
          return { s: s.dataSync()[0]!, c };
        });
        sum += r.s;
        count += r.c;
      },
      result: () => sum / Math.max(1, count),
    };
  };
}

/** mAP at IoU 0.5 of YOLOv1 grids (see mean-average-precision.ts). */
const map: Metric = () => {
  const m = new MeanAveragePrecision();
  return {
    add(target, prediction) {
      const [n, s] = prediction.shape as [number, number];
      m.add(prediction.dataSync() as Float32Array, target.dataSync() as Float32Array, n, s, prediction.shape.at(-1)!, target.shape.at(-1)!);
    },
    result: () => m.result(),
  };
};

const predictedClass = (tf: TF, prediction: Tensor): Tensor => tf.argMax(prediction, -1);

/** Class ids [..] from targets that are ids or one-hot rows. */
function classIds(tf: TF, target: Tensor, prediction: Tensor): Tensor {
  return target.rank === prediction.rank ? tf.argMax(target, -1) : tf.cast(target, 'int32');
}

const SUMMED: Record<string, MetricFunction> = {
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

/**
 * Mean intersection over union of masks: per-pixel class probabilities
 * [..., C] against class ids [...] (the mean over classes present in either),
 * or probabilities against 0/1 masks of the same shape (thresholded at 0.5).
 */
const iou: Metric = (tf) => {
  const intersection: number[] = [];
  const union: number[] = [];
  let binary = false;
  return {
    add(target, prediction) {
      binary = target.rank === prediction.rank;
      const [inter, uni] = tf.tidy(() => {
        const classes = binary ? 2 : prediction.shape.at(-1)!;
        const predicted = binary ? tf.cast(tf.greater(prediction, 0.5), 'int32') : tf.argMax(prediction, -1);
        const truth = binary ? tf.cast(tf.greater(target, 0.5), 'int32') : tf.cast(target, 'int32');
        const p = tf.oneHot(tf.reshape(predicted, [-1]), classes);
        const t = tf.oneHot(tf.reshape(truth, [-1]), classes);
        return [tf.sum(tf.mul(p, t), 0).dataSync(), tf.sum(tf.maximum(p, t), 0).dataSync()];
      });
      inter.forEach((v, c) => (intersection[c] = (intersection[c] ?? 0) + v));
      uni.forEach((v, c) => (union[c] = (union[c] ?? 0) + v));
    },
    result() {
      // a binary mask: the IoU of the foreground; classes: the mean over those that appear
      if (binary) return union[1]! > 0 ? intersection[1]! / union[1]! : 1;
      const present = union.flatMap((u, c) => (u > 0 ? [intersection[c]! / u] : []));
      return present.length === 0 ? 1 : present.reduce((a, b) => a + b, 0) / present.length;
    },
  };
};

export const METRICS: Record<string, Metric> = {
  ...Object.fromEntries(Object.entries(SUMMED).map(([name, f]) => [name, summed(f)])),
  map,
  iou,
  mask_iou: maskIou,
};
