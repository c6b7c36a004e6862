// What one application of BatchNorm is given and does, whichever way it is
// computed: TensorFlow's fused ops on the native backend
// (fused-batch-norm.ts), or tfjs operations that broadcast over x anywhere
// else (normalization.ts). Both take the same call and must agree.

import type { Tensor, TF } from '../../tf-types.js';

/** The running statistics a training step updates. */
export interface RunningStatistics {
  mean: Tensor;
  variance: Tensor;
  momentum: number;
  /** given the new running mean and variance, once */
  assign(mean: Tensor, variance: Tensor): void;
}

export interface BatchNormCall {
  /** [C] scale, when the layer is affine */
  gamma?: Tensor;
  /** [C] shift, when the layer is affine */
  beta?: Tensor;
  epsilon: number;
  /**
   * 'batch' while training: normalised with the batch's own statistics, and
   * `running` updated from them; otherwise with the running statistics [C].
   */
  statistics: 'batch' | { mean: Tensor; variance: Tensor };
  running?: RunningStatistics;
}

/** y = (x - mean) / sqrt(variance + epsilon) * gamma + beta, per channel (the last axis). */
export type BatchNormImplementation = (tf: TF, x: Tensor, call: BatchNormCall) => Tensor;

/**
 * PyTorch's update of the running statistics, with the batch's BIASED
 * variance (divided by the count, as the normalisation uses it; the PyTorch
 * export computes the same): running = (1 - momentum) * running + momentum * batch.
 */
export function updateRunning(tf: TF, running: RunningStatistics, mean: Tensor, biasedVariance: Tensor): void {
  const m = running.momentum;
  running.assign(tf.add(tf.mul(running.mean, 1 - m), tf.mul(mean, m)), tf.add(tf.mul(running.variance, 1 - m), tf.mul(biasedVariance, m)));
}
