// The variables a step updates, and gradient clipping by global norm.

import type { LayersModel, Tensor, TF } from '../tf-types.js';

type Variable = import('@tensorflow/tfjs').Variable;

export interface Variables {
  list: Variable[];
  byName: Map<string, Variable>;
}

export function trainableVariables(...models: LayersModel[]): Variables {
  const list = models.flatMap((m) => m.trainableWeights.map((w) => w.read() as Variable));
  return { list, byName: new Map(list.map((v) => [v.name, v])) };
}

/** Scales every gradient by min(1, clip / ||all gradients||). New tensors; the caller disposes them. */
export function clipByGlobalNorm(tf: TF, grads: Record<string, Tensor>, clip: number): Record<string, Tensor> {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
    const scale = tf.minimum(1, tf.div(clip, tf.maximum(norm, 1e-12)));
    return Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]));
  });
}
