// What one application of BatchNorm is given and does, whichever way it is
// computed: TensorFlow's fused ops on the native backend
// (fused-batch-norm.ts), or tfjs operations that broadcast over x anywhere
// else (normalization.ts). Both take the same call and must agree.

import type { Tensor, TF } from '../../tf-types.js';

export interface BatchNormCall {
  /** [C] scale, when the layer is affine */
  gamma?: Tensor;
  /** [C] shift, when the layer is affine */
  beta?: Tensor;
  epsilon: number;
  /** 'batch' while training: the batch's own statistics; otherwise the running ones [C] */
  statistics: 'batch' | { mean: Tensor; variance: Tensor };
  /**
   * Told the batch's mean and BIASED variance (divided by the count, as
   * PyTorch's normalisation uses them), once, while training: the running
   * statistics are updated from these.
   */
  onBatch?: (mean: Tensor, variance: Tensor) => void;
}

/** y = (x - mean) / sqrt(variance + epsilon) * gamma + beta, per channel (the last axis). */
export type BatchNormImplementation = (tf: TF, x: Tensor, call: BatchNormCall) => Tensor;
