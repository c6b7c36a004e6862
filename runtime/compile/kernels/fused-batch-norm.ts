// BatchNorm as one TensorFlow op forward (FusedBatchNormV3) and one backward
// (FusedBatchNormGradV3), run through tfjs-node's native backend by name.
// tfjs has no kernel for either: its batchNorm is a chain of broadcasts, and
// the gradient of a chain of broadcasts is a longer chain of small ops, each
// paying the fixed cost of an eager op. Here autodiff sees one node
// (tf.customGrad) whose gradient is TensorFlow's own.
//
// The fused ops take 4-D NHWC: any [B, ..., C] is seen as [B, N, 1, C] (the
// statistics are over every axis but the last, so the grouping of the middle
// axes does not matter).

import type { Tensor, TF } from '../../tf-types.js';
import type { BatchNormCall } from './batch-norm-call.js';

interface OpAttr {
  name: string;
  type: number;
  value: number | boolean | string;
}

/** The part of tfjs-node's NodeJSKernelBackend used here. */
interface NativeBackend {
  binding: { TF_ATTR_FLOAT: number; TF_ATTR_BOOL: number; TF_ATTR_STRING: number; TF_ATTR_TYPE: number; TF_FLOAT: number };
  executeMultipleOutputs(name: string, attrs: OpAttr[], inputs: Tensor[], outputs: number): Tensor[];
}

/** Whether `tf` runs on tfjs-node's native TensorFlow (CPU or GPU build), which can run the fused ops. */
export function hasFusedBatchNorm(tf: TF): boolean {
  return tf.getBackend() === 'tensorflow' && typeof (tf.backend() as unknown as Partial<NativeBackend>).executeMultipleOutputs === 'function';
}

function attrs(native: NativeBackend, epsilon: number, training: boolean, forward: boolean): OpAttr[] {
  const b = native.binding;
  return [
    { name: 'T', type: b.TF_ATTR_TYPE, value: b.TF_FLOAT },
    { name: 'U', type: b.TF_ATTR_TYPE, value: b.TF_FLOAT },
    { name: 'epsilon', type: b.TF_ATTR_FLOAT, value: epsilon },
    // 1: the running-statistics inputs are not read (this layer updates its own, with the biased variance)
    ...(forward ? [{ name: 'exponential_avg_factor', type: b.TF_ATTR_FLOAT, value: 1 }] : []),
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

/** BatchNorm by TensorFlow's fused ops: the same call and results as the broadcasting fallback. */
export function fusedBatchNorm(tf: TF, x: Tensor, call: BatchNormCall): Tensor {
  const native = tf.backend() as unknown as NativeBackend;
  const channels = x.shape.at(-1)!;
  const training = call.statistics === 'batch';
  const forwardAttrs = attrs(native, call.epsilon, training, true);
  const backwardAttrs = attrs(native, call.epsilon, training, false);
  const shape = x.shape;
  const nhwc = asNhwc(shape);
  const count = x.size / channels;
  // the gradient w.r.t. gamma and beta comes with the op's; a layer without them normalises with constants
  const gamma = call.gamma ?? tf.ones([channels]);
  const beta = call.beta ?? tf.zeros([channels]);

  const normalise = tf.customGrad(((input: Tensor, scale: Tensor, offset: Tensor, save: (ts: Tensor[]) => void) => {
    const x4 = shape.length === 4 ? input : tf.reshape(input, nhwc);
    // training: the batch's statistics (the two inputs are placeholders, ignored); inference: the running ones
    const given = call.statistics === 'batch' ? undefined : call.statistics;
    const mean = given?.mean ?? tf.tensor1d([], 'float32');
    const variance = given?.variance ?? tf.tensor1d([], 'float32');
    const [y, batchMean, besselVariance, reserve1, reserve2, reserve3] = native.executeMultipleOutputs('FusedBatchNormV3', forwardAttrs, [x4, scale, offset, mean, variance], 6);
    if (training && call.onBatch) {
      // TensorFlow's batch variance is Bessel-corrected (divided by n - 1); the layer's is divided by n
      call.onBatch(batchMean!, count > 1 ? tf.mul(besselVariance!, (count - 1) / count) : besselVariance!);
    }
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
