// TensorFlow ops run by name through tfjs-node's native backend. tfjs spells
// some gradients as several small eager ops, each paying an op's fixed cost;
// TensorFlow has them as one (FusedBatchNormGradV3, ReluGrad). Only the
// native backend (CPU or GPU build) can run them: on any other, `nativeBackend`
// is undefined and a kernel keeps its tfjs formulation.

import type { Tensor, TF } from '../../tf-types.js';

export interface OpAttr {
  name: string;
  type: number;
  value: number | boolean | string;
}

/** The part of tfjs-node's NodeJSKernelBackend that runs a TensorFlow op by name. */
export interface NativeBackend {
  binding: { TF_ATTR_FLOAT: number; TF_ATTR_BOOL: number; TF_ATTR_STRING: number; TF_ATTR_TYPE: number; TF_FLOAT: number; TF_INT32: number };
  executeSingleOutput(name: string, attrs: OpAttr[], inputs: Tensor[]): Tensor;
  executeMultipleOutputs(name: string, attrs: OpAttr[], inputs: Tensor[], outputs: number): Tensor[];
}

/** tfjs-node's backend when `tf` runs on it, else undefined. */
export function nativeBackend(tf: TF): NativeBackend | undefined {
  if (tf.getBackend() !== 'tensorflow') return undefined;
  const backend = tf.backend() as unknown as Partial<NativeBackend>;
  return typeof backend.executeSingleOutput === 'function' && typeof backend.executeMultipleOutputs === 'function' ? (backend as NativeBackend) : undefined;
}

/** A type attribute set to float32 (`T` for most ops). */
export function float32Attr(native: NativeBackend, name = 'T'): OpAttr {
  return { name, type: native.binding.TF_ATTR_TYPE, value: native.binding.TF_FLOAT };
}
