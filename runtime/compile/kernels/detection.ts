// The pipeline steps around a detector (core/functions/detection.ts and
// proposals.ts): decode_yolo, nms, apply_deltas, selective_search and
// crop_and_resize. They run only in pipelines, eagerly: nms and
// selective_search decide how many boxes there are from the values
// themselves, so they read them (dataSync) and build their results anew.
//
// Boxes are corners [x1, y1, x2, y2], x2 and y2 exclusive, as
// runtime/data/shapes.ts writes them: a box over the pixel columns 3..7 has
// x1 = 3, x2 = 8. selective_search and crop_and_resize speak pixels;
// decode_yolo gives fractions of the image (a pipeline scales them). The
// work without tensors is runtime/detection's (selective search, NMS).

import { nonMaxSuppression } from '../../detection/nms.js';
import { selectiveSearch } from '../../detection/selective-search.js';
import type { Box } from '../../detection/yolo-decode.js';
import type { Tensor, TF } from '../../tf-types.js';
import type { CallContext, Kernel } from '../kernel.js';

const tensorArg = (k: CallContext, inputs: Tensor[], name: string): Tensor => inputs[k.args.tensorIndex(name)]!;

/**
 * Per-class non-maximum suppression (runtime/detection/nms.ts) of boxes
 * [N, 4] with scores [N] or [N, classes]: the kept boxes [K, 4], their
 * scores [K] and classes [K], best first.
 */
export function suppressTensors(tf: TF, boxes: Tensor, scores: Tensor, o: { iou: number; score: number; max: number }): [Tensor, Tensor, Tensor] {
  const n = boxes.shape[0]!;
  const classes = scores.rank === 2 ? scores.shape[1]! : 1;
  const corners = boxes.dataSync();
  const values = scores.dataSync();
  const rows = Array.from({ length: n }, (_, i) => [corners[4 * i]!, corners[4 * i + 1]!, corners[4 * i + 2]!, corners[4 * i + 3]!] as Box);
  const perBox = Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * classes, (i + 1) * classes)));
  const kept = nonMaxSuppression(rows, perBox, o);
  return [
    tf.tensor2d(kept.flatMap((d) => d.box), [kept.length, 4], boxes.dtype === 'int32' ? 'int32' : 'float32'), // [K, 4]
    tf.tensor1d(kept.map((d) => d.score), 'float32'), // [K]
    tf.tensor1d(kept.map((d) => d.classId), 'int32'), // [K]
  ];
}

const nms: Kernel = {
  call: (k, inputs) => suppressTensors(k.tf, tensorArg(k, inputs, 'boxes'), tensorArg(k, inputs, 'scores'), { iou: k.args.float('iou'), score: k.args.float('score'), max: k.args.int('max') }),
};

/** R-CNN's box regression: centres moved by (w dx, h dy), sizes scaled by (e^dw, e^dh). */
export function applyDeltas(tf: TF, boxes: Tensor, deltas: Tensor): Tensor {
  const [x1, y1, x2, y2] = tf.unstack(tf.cast(boxes, 'float32'), boxes.rank - 1) as [Tensor, Tensor, Tensor, Tensor]; // each [..., N]
  const [dx, dy, dw, dh] = tf.unstack(tf.cast(deltas, 'float32'), deltas.rank - 1) as [Tensor, Tensor, Tensor, Tensor];
  const w = tf.sub(x2, x1);
  const h = tf.sub(y2, y1);
  const cx = tf.add(tf.add(x1, tf.div(w, 2)), tf.mul(w, dx));
  const cy = tf.add(tf.add(y1, tf.div(h, 2)), tf.mul(h, dy));
  const halfW = tf.div(tf.mul(w, tf.exp(dw)), 2);
  const halfH = tf.div(tf.mul(h, tf.exp(dh)), 2);
  return tf.stack([tf.sub(cx, halfW), tf.sub(cy, halfH), tf.add(cx, halfW), tf.add(cy, halfH)], -1); // [..., N, 4]
}

/**
 * YOLOv1's grid as boxes and class scores: pred [B, S, S, K*5 + C] (per
 * cell K boxes of x, y (the centre within the cell), w, h (fractions of the
 * image), confidence, then C class probabilities) gives boxes
 * [B, S*S*K, 4] as corners in fractions of the image, cell by cell (row by
 * row) and box by box, and scores [B, S*S*K, C] = confidence x probability.
 * A negative size counts as 0.
 */
export function decodeYolo(tf: TF, pred: Tensor, k: number, c: number): [Tensor, Tensor] {
  const [b, rows, cols] = pred.shape as [number, number, number, number];
  const cells = tf.reshape(tf.slice(pred, [0, 0, 0, 0], [-1, -1, -1, k * 5]), [b, rows, cols, k, 5]); // [B, S, S, K, 5]
  const [x, y, w, h, confidence] = tf.unstack(cells, 4) as [Tensor, Tensor, Tensor, Tensor, Tensor]; // each [B, S, S, K]
  const col = tf.reshape(tf.range(0, cols, 1, 'float32'), [1, 1, cols, 1]);
  const row = tf.reshape(tf.range(0, rows, 1, 'float32'), [1, rows, 1, 1]);
  const cx = tf.div(tf.add(x, col), cols);
  const cy = tf.div(tf.add(y, row), rows);
  const halfW = tf.div(tf.relu(w), 2);
  const halfH = tf.div(tf.relu(h), 2);
  const corners = tf.stack([tf.sub(cx, halfW), tf.sub(cy, halfH), tf.add(cx, halfW), tf.add(cy, halfH)], -1); // [B, S, S, K, 4]
  const probs = tf.reshape(tf.slice(pred, [0, 0, 0, k * 5], [-1, -1, -1, c]), [b, rows, cols, 1, c]); // [B, S, S, 1, C]
  const scores = tf.mul(tf.expandDims(confidence, -1), probs); // [B, S, S, K, C]
  return [tf.reshape(corners, [b, rows * cols * k, 4]), tf.reshape(scores, [b, rows * cols * k, c])];
}

/**
 * Each box [x1, y1, x2, y2] (pixels) of `image` [1, H, W, C] resized
 * bilinearly to [h, w]: [N, h, w, C]. The samples are the centres of an
 * h x w grid over the box (pixel i spans [i, i + 1) and its value sits at
 * i + 0.5); a sample outside the image is 0 (black), one within its outer
 * half pixel takes the edge pixel's value.
 */
export function cropAndResize(tf: TF, image: Tensor, boxes: Tensor, size: [number, number]): Tensor {
  const batched = image.rank === 3 ? tf.expandDims(image, 0) : image; // [1, H, W, C]
  const [, height, width] = batched.shape as [number, number, number, number];
  const n = boxes.shape[0]!;
  const [h, w] = size;
  const corners = boxes.dataSync();
  const normalised = new Float32Array(4 * n);
  // an axis from `low` to `high` pixels sampled `count` times: the first and last sample, as fractions of (extent - 1), tf's unit
  const ends = (low: number, high: number, count: number, extent: number): [number, number] => {
    const step = (high - low) / count;
    const inside = (v: number) => (v >= -0.5 && v <= extent - 0.5 ? Math.min(extent - 1, Math.max(0, v)) : v);
    const at = (v: number) => inside(v) / Math.max(1, extent - 1);
    return [at(low + step / 2 - 0.5), at(high - step / 2 - 0.5)];
  };
  for (let i = 0; i < n; i++) {
    const [x1, x2] = ends(corners[4 * i]!, corners[4 * i + 2]!, w, width);
    const [y1, y2] = ends(corners[4 * i + 1]!, corners[4 * i + 3]!, h, height);
    normalised.set([y1, x1, y2, x2], 4 * i); // tf's order: y1, x1, y2, x2
  }
  return tf.image.cropAndResize(tf.cast(batched, 'float32') as never, tf.tensor2d(normalised, [n, 4]) as never, tf.zeros([n], 'int32') as never, size, 'bilinear', 0); // [N, h, w, C]
}

/**
 * Selective search's proposals for one image [1, H, W, 3] (or [H, W, 3]) in
 * [0, 1]: `count` boxes [count, 4] in pixels, most promising first. An image
 * with fewer distinct regions repeats its list to fill the count, as the
 * checked shape [count, 4] promises; nms drops the repeats.
 */
export function proposeRegions(tf: TF, image: Tensor, count: number): Tensor {
  const [height, width] = image.shape.slice(image.rank === 4 ? 1 : 0) as [number, number];
  const boxes = selectiveSearch({ pixels: Float32Array.from(image.dataSync()), height, width }, { count });
  const found = boxes.length > 0 ? boxes : [[0, 0, width, height] as const];
  const values = new Float32Array(4 * count);
  for (let i = 0; i < count; i++) values.set(found[i % found.length]!, 4 * i);
  return tf.tensor2d(values, [count, 4]); // [count, 4]
}

export const DETECTION_KERNELS: Record<string, Kernel> = {
  nms,
  apply_deltas: { call: (k, inputs) => applyDeltas(k.tf, tensorArg(k, inputs, 'boxes'), tensorArg(k, inputs, 'deltas')) },
  decode_yolo: { call: (k, inputs) => decodeYolo(k.tf, tensorArg(k, inputs, 'pred'), k.args.int('boxes'), k.args.int('classes')) },
  crop_and_resize: {
    call: (k, inputs) => cropAndResize(k.tf, tensorArg(k, inputs, 'image'), tensorArg(k, inputs, 'boxes'), k.args.ints('size') as [number, number]),
  },
  selective_search: { call: (k, inputs) => proposeRegions(k.tf, tensorArg(k, inputs, 'image'), k.args.int('count')) },
};
