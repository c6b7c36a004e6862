// The pictures of a promptable segmenter (SAM) trained on `segments`: the
// first held-out examples (one point, a box, a point and a box, a mask, in
// turn) with their prompts, and the first predicted mask (logits > 0) over
// the true mask. The inputs are segments': image, points, labels, boxes,
// mask, text.

import { classEmbedding, SEGMENT_CLASSES } from '../data/segments.js';
import { promptKindOf } from '../data/sam-prompts.js';
import { exampleImage, heldOutValues, imageShape, valueRange } from './held-out.js';
import type { PictureMaker } from './picture-run.js';
import { type SegmentedExample, segmentationGrid } from './segmentation.js';

const KIND_NAMES: Record<string, string> = { point: 'one point', box: 'box', point_box: 'point + box', mask: 'mask', other: 'mixed prompt' };
/** Segmentation pictures show at most this many examples. */
const MOST_EXAMPLES = 8;

export const segmentationPictures: PictureMaker = {
  task: 'segmentation',
  prepare(run) {
    if (run.plan.data.name !== 'segments' || run.inputShapes.length !== 6) return undefined;
    const image = imageShape(run.inputShapes[0]!);
    const [points] = run.inputShapes[1]!;
    const out = run.model.outputs[0]!.shape.slice(1);
    if (!image || points === undefined || out.length !== 3 || out[1] !== out[2]) return undefined;
    const [masks, side] = out as [number, number, number];
    const cells = side * side;
    const textDim = run.inputShapes[5]!.at(-1)!;
    return (epoch) => {
      const values = heldOutValues(run.tf, run.model, run.heldOut, Math.min(run.count, MOST_EXAMPLES));
      const [img, pts, labels, boxes, maskPrompt, text] = values.inputs as ArrayLike<number>[] as Float32Array[];
      const range = valueRange(img!.subarray(0, values.count * image[0] * image[1] * image[2]));
      const examples = Array.from({ length: values.count }, (_, i): SegmentedExample => {
        const l = labels!.subarray(i * points, (i + 1) * points);
        const b = boxes!.subarray(i * 4, i * 4 + 4);
        const m = maskPrompt!.subarray(i * cells, (i + 1) * cells);
        const t = text!.subarray(i * textDim, (i + 1) * textDim);
        const given = Array.from(l).flatMap((label, k) => (label >= 0 ? [[pts![2 * (i * points + k)]!, pts![2 * (i * points + k) + 1]!, label] as const] : []));
        const textClass = SEGMENT_CLASSES.findIndex((_, k) => classEmbedding(k, textDim).every((v, j) => v === t[j]));
        return {
          image: exampleImage(img!, i, image, range),
          points: given,
          ...(b[0]! >= 0 ? { box: [b[0]!, b[1]!, b[2]!, b[3]!] as const } : {}),
          ...(m.some((v) => v !== 0) ? { maskPrompt: Uint8Array.from(m, (v) => (v > 0 ? 1 : 0)) } : {}),
          ...(textClass >= 0 ? { text: SEGMENT_CLASSES[textClass]! } : {}),
          predicted: Uint8Array.from(values.output.subarray(i * masks * cells, i * masks * cells + cells), (v) => (v > 0 ? 1 : 0)),
          truth: Uint8Array.from(values.target!.subarray(i * cells, (i + 1) * cells), (v) => (v > 0.5 ? 1 : 0)),
          kind: KIND_NAMES[promptKindOf(l, b, m, t)]!,
        };
      });
      return [{ name: 'segmentation', kind: 'segmentation', svg: segmentationGrid({ title: `Held-out masks after epoch ${epoch}`, examples }) }];
    };
  },
};
