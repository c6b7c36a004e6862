// Cutting examples into batches: a random order per epoch (or the stored
// order), and the rows of every tensor for one batch.

import type { Examples } from '../data/dataset.js';
import type { Random } from '../random.js';
import type { Tensor, TF } from '../tf-types.js';

export interface Batch {
  inputs: Tensor[];
  target: Tensor | undefined;
  size: number;
}

export function batchCount(examples: number, batch: number): number {
  return Math.ceil(examples / batch);
}

/** The example order of one epoch. */
export function epochOrder(count: number, shuffle: boolean, random: Random): Int32Array {
  if (shuffle) return random.permutation(count);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

/** Batch `b` of `examples` in `order`: gathered rows (the caller disposes them). */
export function takeBatch(tf: TF, examples: Examples, order: Int32Array, b: number, size: number): Batch {
  const rows = order.subarray(b * size, Math.min(order.length, (b + 1) * size));
  const index = tf.tensor1d(rows, 'int32');
  const batch = {
    inputs: examples.inputs.map((t) => tf.gather(t, index)),
    target: examples.target ? tf.gather(examples.target, index) : undefined,
    size: rows.length,
  };
  index.dispose();
  return batch;
}

/** A contiguous slice of the examples (evaluation reads them in order). */
export function sliceBatch(tf: TF, examples: Examples, from: number, size: number): Batch {
  const n = Math.min(size, examples.count - from);
  const cut = (t: Tensor) => tf.slice(t, [from], [n]);
  return { inputs: examples.inputs.map(cut), target: examples.target ? cut(examples.target) : undefined, size: n };
}

export function disposeBatch(b: Batch): void {
  for (const t of b.inputs) t.dispose();
  b.target?.dispose();
}

/** The last `fraction` of the training examples, held out for validation (new tensors; the caller disposes both). */
export function holdOut(tf: TF, examples: Examples, fraction: number): { train: Examples; validation: Examples } {
  const held = Math.max(1, Math.round(examples.count * fraction));
  const kept = examples.count - held;
  const part = (from: number, n: number): Examples => ({
    inputs: examples.inputs.map((t) => tf.slice(t, [from], [n])),
    target: examples.target ? tf.slice(examples.target, [from], [n]) : undefined,
    count: n,
  });
  return { train: part(0, kept), validation: part(kept, held) };
}
