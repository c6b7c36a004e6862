// The `mask_iou` metric of promptable segmentation (SAM on `segments`):
// the IoU of the first predicted mask (logits > 0) with the object, averaged
// over the examples of each prompt kind (one point, a box, a point and a
// box, a mask), read from the batch's prompt inputs (sam-prompts.ts). The
// inputs are in the data's order: image, points, labels, boxes, mask, text.

import { PROMPT_KINDS, type PromptKind, promptKindOf } from '../data/sam-prompts.js';
import type { Tensor, TF } from '../tf-types.js';
import type { Metric } from './metrics.js';

/** Each example's IoU of its first predicted mask with its true mask: masks [n, M, H, W] logits, truth [n, 1, H, W] 0/1. */
export function exampleIous(tf: TF, masks: Tensor, truth: Tensor): Float32Array {
  return tf.tidy(() => {
    const [n, , h, w] = masks.shape as [number, number, number, number];
    const predicted = tf.cast(tf.greater(tf.reshape(tf.slice(masks, [0, 0, 0, 0], [n, 1, h, w]), [n, h * w]), 0), 'float32'); // [n, H*W]
    const t = tf.cast(tf.greater(tf.reshape(truth, [n, h * w]), 0.5), 'float32'); // [n, H*W]
    const intersection = tf.sum(tf.mul(predicted, t), 1); // [n]
    const union = tf.sum(tf.maximum(predicted, t), 1); // [n]
    // an empty prediction of an empty object is right: IoU 1
    return tf.where(tf.greater(union, 0), tf.div(intersection, tf.maximum(union, 1)), tf.onesLike(union)).dataSync() as Float32Array;
  });
}

/** The prompt kind of each example of a batch, from its labels [n, N], boxes [n, 4], mask [n, M, M, 1] and text [n, 1, D]. */
export function batchPromptKinds(inputs: Tensor[]): PromptKind[] {
  const [, , labels, boxes, mask, text] = inputs;
  if (!labels || !boxes || !mask || !text) return [];
  const n = labels.shape[0]!;
  const rows = (t: Tensor) => {
    const values = t.dataSync();
    const per = values.length / n;
    return (i: number) => values.subarray(i * per, (i + 1) * per);
  };
  const [l, b, m, x] = [rows(labels), rows(boxes), rows(mask), rows(text)];
  return Array.from({ length: n }, (_, i) => promptKindOf(l(i), b(i), m(i), x(i)));
}

export const maskIou: Metric = (tf) => {
  const sums = new Map<PromptKind, { sum: number; count: number }>();
  let all = { sum: 0, count: 0 };
  return {
    add(target, prediction, batch) {
      const ious = exampleIous(tf, prediction, target);
      const kinds = batch ? batchPromptKinds(batch.inputs) : [];
      ious.forEach((v, i) => {
        all = { sum: all.sum + v, count: all.count + 1 };
        const kind = kinds[i] ?? 'other';
        const s = sums.get(kind) ?? { sum: 0, count: 0 };
        sums.set(kind, { sum: s.sum + v, count: s.count + 1 });
      });
    },
    result: () => all.sum / Math.max(1, all.count),
    results() {
      const out: Record<string, number> = { iou: all.sum / Math.max(1, all.count) };
      for (const kind of PROMPT_KINDS) {
        const s = sums.get(kind);
        if (s) out[`iou_${kind}`] = s.sum / s.count;
      }
      return out;
    },
  };
};
