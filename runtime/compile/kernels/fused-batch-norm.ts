// BatchNorm as one TensorFlow op forward (FusedBatchNormV3) and one backward
// (FusedBatchNormGradV3), run through tfjs-node's native backend by name.
// tfjs-node runs TensorFlow's op only for inference, and tfjs's gradient of
// batchNorm (like the gradient of the broadcasts the fallback is made of) is
// a chain of small ops, each paying the fixed cost of an eager op. Here autodiff sees one node
// (tf.customGrad) whose gradient is TensorFlow's own.
//
// The fused ops take 4-D NHWC: any [B, ..., C] is seen as [B, N, 1, C] (the
// statistics are over every axis but the last, so the grouping of the middle
// axes does not matter).

import type { Tensor, TF } from '../../tf-types.js';
import type { BatchNormCall, RunningStatistics } from './batch-norm-call.js';
import { float32Attr, type NativeBackend, nativeBackend, type OpAttr } from './native-ops.js';

/** Whether `tf` runs on tfjs-node's native TensorFlow (CPU or GPU build), which can run the fused ops. */
export function hasFusedBatchNorm(tf: TF): boolean {
  return nativeBackend(tf) !== undefined;
}

function attrs(native: NativeBackend, epsilon: number, training: boolean, averageFactor?: number): OpAttr[] {
  const b = native.binding;
  return [
    float32Attr(native, 'T'),
    float32Attr(native, 'U'),
    { name: 'epsilon', type: b.TF_ATTR_FLOAT, value: epsilon },
    ...(averageFactor !== undefined ? [{ name: 'exponential_avg_factor', type: b.TF_ATTR_FLOAT, value: averageFactor }] : []),
    { name: 'data_format', type: b.TF_ATTR_STRING, value: 'NHWC' },
    { name: 'is_training', type: b.TF_ATTR_BOOL, value: training },
  ];
}

/** [B, ..., C] as [B, N, 1, C]; a 4-D input as it is. */
function asNhwc(shape: readonly number[]): number[] {
  if (shape.length === 4) return [...shape];
  const middle = shape.slice(1, -1).reduce((a, b) => a * b, 1);
  return [shape[0]!, middle, 1, shape.at(-1)!];
}

/**
 * The forward op's running-statistics inputs while training, and what makes
 * its outputs the layer's new running statistics. With exponential_avg_factor
 * m the op outputs (1 - m) * running + m * batch, as the layer updates them,
 * but with the batch's Bessel-corrected variance (divided by n - 1) where the
 * layer's is biased (divided by n). Scaling the running variance by n/(n - 1)
 * going in and the output by (n - 1)/n coming out gives the biased update:
 * two ops on [C] instead of the six of the update and a correction.
 */
function runningInputs(tf: TF, running: RunningStatistics, count: number): { mean: Tensor; variance: Tensor; unscale: (v: Tensor) => Tensor } {
  if (count <= 1) return { mean: running.mean, variance: running.variance, unscale: (v) => v }; // TF corrects nothing for one value per channel
  return { mean: running.mean, variance: tf.mul(running.variance, count / (count - 1)), unscale: (v) => tf.mul(v, (count - 1) / count) };
}

/** BatchNorm by TensorFlow's fused ops: the same call and results as the broadcasting fallback. */
export function fusedBatchNorm(tf: TF, x: Tensor, call: BatchNormCall): Tensor {
  const native = tf.backend() as unknown as NativeBackend;
  const channels = x.shape.at(-1)!;
  const training = call.statistics === 'batch';
  const running = training ? call.running : undefined;
  const forwardAttrs = attrs(native, call.epsilon, training, running ? running.momentum : 1);
  const backwardAttrs = attrs(native, call.epsilon, training);
  const shape = x.shape;
  const nhwc = asNhwc(shape);
  const count = x.size / channels;
  // the gradient w.r.t. gamma and beta comes with the op's; a layer without them normalises with constants
  const gamma = call.gamma ?? tf.ones([channels]);
  const beta = call.beta ?? tf.zeros([channels]);

  const normalise = tf.customGrad(((input: Tensor, scale: Tensor, offset: Tensor, save: (ts: Tensor[]) => void) => {
    const x4 = shape.length === 4 ? input : tf.reshape(input, nhwc);
    // inference: normalised with the running statistics; training: the batch's, the inputs only averaged in
    const given = call.statistics === 'batch' ? undefined : call.statistics;
    const averaged = running ? runningInputs(tf, running, count) : undefined;
    const mean = given?.mean ?? averaged?.mean ?? tf.tensor1d([], 'float32');
    const variance = given?.variance ?? averaged?.variance ?? tf.tensor1d([], 'float32');
    const [y, newMean, newVariance, reserve1, reserve2, reserve3] = native.executeMultipleOutputs('FusedBatchNormV3', forwardAttrs, [x4, scale, offset, mean, variance], 6);
    if (running && averaged) running.assign(newMean!, averaged.unscale(newVariance!));
    // the gradient op reads what the forward op reserved for it (inference: the running statistics)
    save(training ? [x4, scale, reserve1!, reserve2!, reserve3!] : [x4, scale, mean, variance, reserve3!]);
    return {
      value: shape.length === 4 ? y! : tf.reshape(y!, shape),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const dy4 = shape.length === 4 ? dy : tf.reshape(dy, nhwc);
        const [dx, dScale, dOffset] = native.executeMultipleOutputs('FusedBatchNormGradV3', backwardAttrs, [dy4, ...saved], 5);
        return [shape.length === 4 ? dx! : tf.reshape(dx!, shape), dScale!, dOffset!];
      },
    };
  }) as never) as (x: Tensor, gamma: Tensor, beta: Tensor) => Tensor;
  return normalise(x, gamma, beta);
}
