// What a pipeline's outputs mean, read by their shapes: boxes [K, 4]
// (x1, y1, x2, y2 in the pixels of the pipeline's input), with scores [K]
// (float) and classes [K] (int) beside them; masks [..., h, w] (bool, or
// logits as SAM gives them: a pixel belongs to the mask where its logit is
// above 0), with one score per mask beside them (SAM's predicted IoU). Boxes and
// masks are mapped to the pixels of the picture the pipeline ran on; any
// other output is kept as it is.

import type { Tensor, TF } from '../tf-types.js';
import type { PipelineOutputs } from './run-pipeline.js';

export interface BoxResult {
  /** x1, y1, x2, y2 in the picture's pixels, inside it */
  box: [number, number, number, number];
  score?: number;
  classId?: number;
  /** the class's name, when the classes have names */
  class?: string;
}

export interface MaskResult {
  /** [height, width] of the picture: 1 where the mask is */
  mask: Uint8Array;
  score?: number;
  /** the pixels inside it */
  area: number;
}

export interface OtherOutput {
  name: string;
  shape: number[];
  values: number[];
}

export interface PipelineResults {
  boxes: BoxResult[];
  masks: MaskResult[];
  other: OtherOutput[];
}

/** The size of the pipeline's input (`from`) and of the picture (`to`): boxes and masks are mapped from one to the other. */
export interface Sizes {
  from: { width: number; height: number };
  to: { width: number; height: number };
}

export function readResults(tf: TF, outputs: PipelineOutputs, sizes: Sizes, classNames?: readonly string[]): PipelineResults {
  const used = new Set<string>();
  const boxesOut = outputs.find((o) => o.tensor.rank === 2 && o.tensor.shape[1] === 4);
  const boxes: BoxResult[] = [];
  if (boxesOut) {
    used.add(boxesOut.name);
    const k = boxesOut.tensor.shape[0]!;
    const beside = (dtype: 'float32' | 'int32') => outputs.find((o) => !used.has(o.name) && o.tensor.rank === 1 && o.tensor.shape[0] === k && o.tensor.dtype === dtype);
    const scores = beside('float32');
    if (scores) used.add(scores.name);
    const classes = beside('int32');
    if (classes) used.add(classes.name);
    const corners = boxesOut.tensor.dataSync();
    const scoreValues = scores?.tensor.dataSync();
    const classValues = classes?.tensor.dataSync();
    for (let i = 0; i < k; i++) {
      const result: BoxResult = { box: mapBox([corners[4 * i]!, corners[4 * i + 1]!, corners[4 * i + 2]!, corners[4 * i + 3]!], sizes) };
      if (scoreValues) result.score = scoreValues[i]!;
      if (classValues) {
        result.classId = classValues[i]!;
        const name = classNames?.[classValues[i]!];
        if (name !== undefined) result.class = name;
      }
      boxes.push(result);
    }
  }
  // the mask as the pipeline gives it (bool), else from logits; other outputs of its shape are the same mask
  const maskLike = outputs.filter((o) => !used.has(o.name) && o.tensor.rank >= 3 && o.tensor.dtype !== 'int32');
  const masksOut = maskLike.find((o) => o.tensor.dtype === 'bool') ?? maskLike[0];
  const masks: MaskResult[] = [];
  if (masksOut) {
    for (const o of maskLike) if (o.tensor.shape.join() === masksOut.tensor.shape.join()) used.add(o.name);
    const count = masksOut.tensor.shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const scores = outputs.find((o) => !used.has(o.name) && o.tensor.dtype === 'float32' && o.tensor.size === count);
    if (scores) used.add(scores.name);
    const scoreValues = scores?.tensor.dataSync();
    masks.push(...pictureMasks(tf, masksOut.tensor, sizes.to).map((mask, i) => ({ mask, area: mask.reduce((a, b) => a + b, 0), ...(scoreValues ? { score: scoreValues[i]! } : {}) })));
  }
  const other = outputs.filter((o) => !used.has(o.name)).map((o) => ({ name: o.name, shape: o.tensor.shape, values: Array.from(o.tensor.dataSync() as ArrayLike<number>, Number) }));
  return { boxes, masks, other };
}

/** A box in the input's pixels as one in the picture's, kept inside the picture. */
function mapBox(box: [number, number, number, number], { from, to }: Sizes): [number, number, number, number] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const clamp = (v: number, high: number) => Math.min(high, Math.max(0, v));
  return [clamp(box[0] * sx, to.width), clamp(box[1] * sy, to.height), clamp(box[2] * sx, to.width), clamp(box[3] * sy, to.height)];
}

/** Masks [..., h, w] (bool, or logits: inside where above 0) resized bilinearly to the picture, each a 0/1 array [height, width]. */
function pictureMasks(tf: TF, masks: Tensor, to: { width: number; height: number }): Uint8Array[] {
  const [h, w] = masks.shape.slice(-2) as [number, number];
  const resized = tf.tidy(() => {
    // a bool mask as logits -1 and 1, so that resizing keeps its edges where they are
    const logits = masks.dtype === 'bool' ? tf.sub(tf.mul(tf.cast(masks, 'float32'), 2), 1) : tf.cast(masks, 'float32');
    const stacked = tf.reshape(logits, [-1, h, w, 1]); // [M, h, w, 1]
    return tf.greater(tf.image.resizeBilinear(stacked as never, [to.height, to.width], false, true), 0); // [M, height, width, 1]
  });
  const values = resized.dataSync() as Uint8Array;
  const count = resized.shape[0]!;
  resized.dispose();
  const per = to.width * to.height;
  return Array.from({ length: count }, (_, i) => Uint8Array.from(values.subarray(i * per, (i + 1) * per)));
}
