// The inverse of the export's weight conversion (export-pytorch.ts
// convertWeights): a PyTorch state dict in model.py's names and layout,
// as train.py saves it, written into the compiled TensorFlow.js model's
// variables. Each weight's placement (generate-module.ts) names its
// tfjs layer and weight and the permutation that took it to PyTorch's
// layout; here the inverse permutation takes it back (Dense kernels
// `[out, in]` -> `[in, out]`, convolution kernels `[F, C/g, kh, kw]` ->
// `[kh, kw, C/g, F]`). The module computes channels-last, so no
// activation layout enters the weights; BatchNorm's running statistics are
// placements like the rest (buffers), and a tied weight is one placement:
// the owner's. Counters (num_batches_tracked) have no tfjs variable.

import { msg } from '../../../core/i18n/message.js';
import type { LayersModel, LayerVariable, TF } from '../../tf-types.js';
import { CheckpointError } from '../../train/checkpoint.js';
import type { GeneratedModule } from './generate-module.js';
import type { SafeTensor } from './safetensors.js';

/** The inverse of a permutation: the axes that undo it. */
export function inversePermutation(perm: readonly number[]): number[] {
  return perm.map((_, i) => perm.indexOf(i));
}

/** Writes every weight of `model` from `tensors`; a missing or misshapen weight is a CheckpointError naming `from`. */
export function restoreTorchWeights(tf: TF, model: LayersModel, generated: GeneratedModule, tensors: ReadonlyMap<string, SafeTensor>, from: string): void {
  const values = new Map<LayerVariable, ReturnType<TF['tensor']>>();
  try {
    for (const placement of generated.weights) {
      const layer = model.getLayer(placement.layer) as unknown as { variable(name: string): LayerVariable; weights: LayerVariable[] };
      if (!layer.weights.some((w) => w.originalName.endsWith(`/${placement.weight}`) || w.originalName === placement.weight)) continue; // a weight the layer does not have (bias: false)
      const saved = tensors.get(placement.key);
      if (!saved) throw new CheckpointError(msg`the PyTorch checkpoint ${from} has no weight ${placement.key}: it was saved from another model`);
      if (saved.dtype !== 'F32') throw new CheckpointError(msg`the PyTorch checkpoint ${from} holds ${placement.key} as ${saved.dtype}, not float32`);
      const variable = layer.variable(placement.weight);
      const perm = placement.move.perm;
      const shape = perm ? perm.map((_, i) => saved.shape[inversePermutation(perm)[i]!]!) : saved.shape;
      if (shape.length !== variable.shape.length || shape.some((d, i) => d !== variable.shape[i])) {
        throw new CheckpointError(msg`the PyTorch checkpoint ${from} has ${placement.key} of shape [${saved.shape.join(', ')}], which does not fit ${placement.layer}'s ${placement.weight} [${variable.shape.join(', ')}]: it was saved from another model or with other sizes`);
      }
      values.set(
        variable,
        tf.tidy(() => {
          const value = tf.tensor(saved.data as Float32Array, saved.shape, 'float32');
          return perm ? tf.transpose(value, inversePermutation(perm)) : value;
        }),
      );
    }
    const missing = model.weights.find((w) => !values.has(w));
    if (missing) throw new CheckpointError(msg`the PyTorch checkpoint ${from} gives no value for ${missing.originalName}`);
    // everything read and checked first: a checkpoint that does not fit leaves the model as it was
    for (const [variable, value] of values) variable.write(value);
  } finally {
    for (const value of values.values()) value.dispose();
  }
}
