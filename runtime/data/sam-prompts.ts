// SAM's prompts as the model's input arrays (examples/sam.nn): the clicked
// points with their labels, a box, a coarse mask and a text embedding of one
// example, in the order and layout the model takes them after the image:
//   points [N, 2]  (x, y) in pixels of the image
//   labels [N]     1 foreground, 0 background, -1 padding (not a point)
//   boxes  [4]     (x0, y0, x1, y1) in pixels; [-1, -1, -1, -1]: no box
//   mask   [M, M, 1]  logits at the mask resolution (positive: inside); all zeros: no mask
//   text   [1, D]  a class embedding; all zeros: no text
// The `segments` data source writes its examples with it, the SAM pipeline
// its one prompt from the command line (`--point x,y --box x0,y0,x1,y1`).
// Which kind of prompt an example holds (one point, a box, ...) is read
// back from the arrays (`promptKindOf`): held-out IoU is reported per kind.

import { msg } from '../../core/i18n/message.js';

/** A point prompt: x, y in pixels and its label, 1 foreground (on the object) or 0 background. */
export type PromptPoint = readonly [x: number, y: number, label: number];

/** x0, y0, x1, y1 in pixels */
export type PromptBox = readonly [number, number, number, number];

export interface SamPrompt {
  points: readonly PromptPoint[];
  box?: PromptBox;
  /** [M * M] values in [0, 1] (1: inside) at the mask resolution: a rough region */
  mask?: ArrayLike<number>;
  /** [D]: a text prompt as an embedding (in `segments`, a fixed vector per class) */
  text?: ArrayLike<number>;
}

export interface SamPromptLayout {
  /** the point slots N; absent: as many as the prompt has (at least one) */
  points?: number;
  /** M: the side of the mask prompt (the model's mask resolution, 32 for SAMSmall) */
  maskSize: number;
  /** D: the width of a text token (the prompt width, 64 for SAMSmall) */
  textDim: number;
}

/** One example's prompt inputs, in the model's order after the image. */
export interface SamPromptArrays {
  /** [N, 2] */
  points: Float32Array;
  /** [N] */
  labels: Int32Array;
  /** [4] */
  boxes: Float32Array;
  /** [M, M, 1] */
  mask: Float32Array;
  /** [1, D] */
  text: Float32Array;
}

/** The label of a padding point slot: not a point. */
export const PADDING_LABEL = -1;
/** The box of an example without one: outside the image, and the prompt encoder ignores its tokens. */
export const NO_BOX: PromptBox = [-1, -1, -1, -1];
/** The logit a mask prompt gives inside the region (and its negative outside). */
export const MASK_LOGIT = 4;

/** Thrown for a prompt the model cannot take (too many points, a label that is not 0 or 1, a mask of the wrong size). */
export class PromptError extends Error {}

/** The model's input arrays for one prompt. */
export function encodeSamPrompt(prompt: SamPrompt, layout: SamPromptLayout): SamPromptArrays {
  const slots = layout.points ?? Math.max(1, prompt.points.length);
  if (prompt.points.length > slots) throw new PromptError(msg`${prompt.points.length} points given, but the model takes at most ${slots}`);
  const points = new Float32Array(slots * 2);
  const labels = new Int32Array(slots).fill(PADDING_LABEL);
  prompt.points.forEach(([x, y, label], i) => {
    if (label !== 0 && label !== 1) throw new PromptError(msg`a point's label is 1 (foreground) or 0 (background), not ${label}`);
    points[2 * i] = x;
    points[2 * i + 1] = y;
    labels[i] = label;
  });
  const boxes = Float32Array.from(prompt.box ?? NO_BOX);
  if (prompt.box && !(prompt.box[2] > prompt.box[0] && prompt.box[3] > prompt.box[1] && prompt.box[0] >= 0 && prompt.box[1] >= 0)) {
    throw new PromptError(msg`a box is x0, y0, x1, y1 with x0 < x1 and y0 < y1, inside the image, not ${prompt.box.join(', ')}`);
  }
  const mask = new Float32Array(layout.maskSize * layout.maskSize);
  if (prompt.mask) {
    if (prompt.mask.length !== mask.length) throw new PromptError(msg`a mask prompt is ${layout.maskSize}x${layout.maskSize}, not ${prompt.mask.length} values`);
    for (let p = 0; p < mask.length; p++) mask[p] = prompt.mask[p]! >= 0.5 ? MASK_LOGIT : -MASK_LOGIT;
  }
  const text = new Float32Array(layout.textDim);
  if (prompt.text) {
    if (prompt.text.length !== layout.textDim) throw new PromptError(msg`a text prompt is ${layout.textDim} numbers, not ${prompt.text.length}`);
    text.set(Array.from(prompt.text));
  }
  return { points, labels, boxes, mask, text };
}

/** The prompt kinds held-out IoU is reported for (a metric `iou_<kind>` each), and 'other' for the rest. */
export const PROMPT_KINDS = ['point', 'box', 'point_box', 'mask'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number] | 'other';

/**
 * What one example's prompt is, read from its arrays: exactly one
 * foreground point, a box, one foreground point and a box, or a mask, and
 * nothing else; any other mix is 'other'.
 */
export function promptKindOf(labels: ArrayLike<number>, box: ArrayLike<number>, mask: ArrayLike<number>, text: ArrayLike<number>): PromptKind {
  let foreground = 0;
  let background = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) foreground++;
    else if (labels[i] === 0) background++;
  }
  const hasBox = box[0]! >= 0;
  const hasMask = someNonZero(mask);
  if (background > 0 || foreground > 1 || someNonZero(text)) return 'other';
  if (hasMask) return foreground === 0 && !hasBox ? 'mask' : 'other';
  if (hasBox) return foreground === 1 ? 'point_box' : 'box';
  return foreground === 1 ? 'point' : 'other';
}

function someNonZero(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) return true;
  return false;
}
