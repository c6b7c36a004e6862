// segments(count, size, objects, points, mask_size, text_dim): promptable
// segmentation for SAM (examples/sam.nn). Each of `count` examples is one
// object of its own scene of shapes (the scenes `shapes` draws: 1..objects
// squares, circles and triangles that never overlap), with a prompt that
// says which object, and the object's mask as the target.
//
// The prompts are drawn at random per example, as SAM trains:
//   point      one foreground point, uniform over the object
//   points     1-3 foreground and 1-2 background points
//   box        the object's box, each side moved by noise of a tenth of
//              the box's side (at most 20 pixels: SAM's jitter)
//   point_box  a foreground point and a jittered box
//   mask       a coarse mask: the true mask pooled 4x, thresholded at a
//              random level and blown up again (blocky and off at the edges)
//   mask_points  a coarse mask and 1-2 foreground points
// and a text prompt, a fixed embedding of the object's kind, is added to a
// quarter of them. The held-out examples (the last 1 - split) take the kinds
// in turn: one point, a box, a point and a box, a mask, without text, so
// that evaluation reports IoU per prompt kind (sam-prompts.ts reads the
// kind back from the arrays).
//
// Inputs, in the order SAM takes them (sam-prompts.ts for the conventions):
// image [size, size, 3], points [points, 2], labels [points] int,
// boxes [4], mask [mask_size, mask_size, 1], text [1, text_dim].
// The target: the object's mask [1, mask_size, mask_size] (one mask axis, as
// SAM's outputs), 1 where at least half of a cell's pixels are the object's.

import { msg } from '../../core/i18n/message.js';
import { Random } from '../random.js';
import { DataError, type RawData, trainCountOf } from './dataset.js';
import { encodeSamPrompt, type PromptBox, type PromptPoint, type SamPrompt } from './sam-prompts.js';
import { type Box, SHAPE_KINDS, type ShapeObject, type ShapeScene, shapeScenes } from './shapes.js';

export interface SegmentsOptions {
  count: number;
  size: number;
  objects: number;
  /** point slots per example (padded with label -1) */
  points: number;
  /** the side of the target and of the mask prompt */
  maskSize: number;
  /** the width of the text prompt */
  textDim: number;
  seed: number;
  split: number;
}

/** One example before it is written into arrays: for tests and pictures. */
export interface SegmentExample {
  scene: ShapeScene;
  object: ShapeObject;
  prompt: SamPrompt;
  /** [maskSize * maskSize] 0/1 */
  target: Uint8Array;
  /** how the prompt was drawn */
  kind: TrainingPromptKind;
}

export type TrainingPromptKind = 'point' | 'points' | 'box' | 'point_box' | 'mask' | 'mask_points';

/** The training mix: how often each kind of prompt is drawn. */
const MIX: readonly [TrainingPromptKind, number][] = [
  ['point', 0.25],
  ['box', 0.2],
  ['point_box', 0.15],
  ['points', 0.15],
  ['mask', 0.15],
  ['mask_points', 0.1],
];
/** The held-out examples take these in turn. */
const HELD_OUT: readonly TrainingPromptKind[] = ['point', 'box', 'point_box', 'mask'];
const TEXT_CHANCE = 0.25;

export function loadSegments(o: SegmentsOptions): RawData {
  const { size, points, maskSize, textDim } = o;
  const m2 = maskSize * maskSize;
  const arrays = {
    image: new Float32Array(o.count * size * size * 3),
    points: new Float32Array(o.count * points * 2),
    labels: new Int32Array(o.count * points),
    boxes: new Float32Array(o.count * 4),
    mask: new Float32Array(o.count * m2),
    text: new Float32Array(o.count * textDim),
  };
  const target = new Float32Array(o.count * m2);
  let n = 0;
  for (const example of segmentExamples(o)) {
    const encoded = encodeSamPrompt(example.prompt, { points, maskSize, textDim });
    arrays.image.set(example.scene.image, n * size * size * 3);
    arrays.points.set(encoded.points, n * points * 2);
    arrays.labels.set(encoded.labels, n * points);
    arrays.boxes.set(encoded.boxes, n * 4);
    arrays.mask.set(encoded.mask, n * m2);
    arrays.text.set(encoded.text, n * textDim);
    target.set(example.target, n * m2);
    n++;
  }
  return {
    description: `segments: ${o.count.toLocaleString('en-US')} objects in ${size}x${size} scenes of ${o.objects === 1 ? 'one shape' : `1-${o.objects} shapes`}, prompted by points, boxes, masks and text`,
    inputs: [
      { values: arrays.image, shape: [size, size, 3], dtype: 'float32' },
      { values: arrays.points, shape: [points, 2], dtype: 'float32' },
      { values: arrays.labels, shape: [points], dtype: 'int32' },
      { values: arrays.boxes, shape: [4], dtype: 'float32' },
      { values: arrays.mask, shape: [maskSize, maskSize, 1], dtype: 'float32' },
      { values: arrays.text, shape: [1, textDim], dtype: 'float32' },
    ],
    target: { values: target, shape: [1, maskSize, maskSize], dtype: 'float32' },
    count: o.count,
    split: o.split,
  };
}

/** The options' problems, as the data error `nn train` reports. */
export function checkSegmentsOptions(o: SegmentsOptions): void {
  if (o.size % o.maskSize !== 0) throw new DataError(msg`segments: mask_size ${o.maskSize} must divide size ${o.size} (the masks are the image pooled)`);
  if (o.points < 3) throw new DataError(msg`segments: points must be at least 3 (up to 3 foreground and background points are drawn), not ${o.points}`);
}

/** The examples, one by one: the same options give the same examples. */
export function* segmentExamples(o: SegmentsOptions): Generator<SegmentExample> {
  checkSegmentsOptions(o);
  const random = new Random(o.seed ^ 0x5e9);
  const train = trainCountOf(o.count, o.split);
  let n = 0;
  for (const scene of shapeScenes({ count: o.count, size: o.size, objects: o.objects, seed: o.seed, target: { kind: 'mask' } })) {
    const object = scene.objects[random.int(scene.objects.length)]!;
    const heldOut = n >= train;
    const kind = heldOut ? HELD_OUT[(n - train) % HELD_OUT.length]! : pick(random, MIX);
    const target = pooledMask(object.mask, o.size, o.maskSize);
    const prompt = drawPrompt(random, kind, object, target, o);
    if (!heldOut && random.next() < TEXT_CHANCE) prompt.text = classEmbedding(object.kind, o.textDim);
    yield { scene, object, prompt, target, kind };
    n++;
  }
}

function pick<T>(random: Random, weighted: readonly [T, number][]): T {
  let r = random.next() * weighted.reduce((a, [, w]) => a + w, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted.at(-1)![0];
}

function drawPrompt(random: Random, kind: TrainingPromptKind, object: ShapeObject, target: Uint8Array, o: SegmentsOptions): SamPrompt {
  const foreground = (count: number): PromptPoint[] => Array.from({ length: count }, () => pointWhere(random, object.mask, o.size, 1));
  const background = (count: number): PromptPoint[] => Array.from({ length: count }, () => pointWhere(random, object.mask, o.size, 0));
  switch (kind) {
    case 'point':
      return { points: foreground(1) };
    case 'points':
      return { points: [...foreground(1 + random.int(Math.min(3, o.points - 2))), ...background(1 + random.int(2))].slice(0, o.points) };
    case 'box':
      return { points: [], box: jitteredBox(random, object.box, o.size) };
    case 'point_box':
      return { points: foreground(1), box: jitteredBox(random, object.box, o.size) };
    case 'mask':
      return { points: [], mask: coarseMask(random, target, o.maskSize) };
    case 'mask_points':
      return { points: foreground(1 + random.int(2)), mask: coarseMask(random, target, o.maskSize) };
  }
}

/** A pixel (x, y) chosen uniformly among those where `mask` is `value`, labelled 1 for the object, 0 for background. */
function pointWhere(random: Random, mask: Uint8Array, size: number, value: 0 | 1): PromptPoint {
  let count = 0;
  for (let p = 0; p < mask.length; p++) if (mask[p] === value) count++;
  let k = random.int(count);
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] === value && k-- === 0) return [p % size, Math.floor(p / size), value];
  }
  throw new Error('unreachable: a mask has pixels of both values');
}

/** Each side moved by normal noise of a tenth of the box's side, at most 20 pixels; kept inside the image and at least 2 pixels wide. */
export function jitteredBox(random: Random, box: Box, size: number): PromptBox {
  const side = box[2] - box[0];
  const noise = () => Math.max(-20, Math.min(20, 0.1 * side * random.normal()));
  const clamp = (v: number) => Math.max(0, Math.min(size, Math.round(v)));
  const x0 = clamp(box[0] + noise());
  const y0 = clamp(box[1] + noise());
  const x1 = Math.max(Math.min(size, x0 + 2), clamp(box[2] + noise()));
  const y1 = Math.max(Math.min(size, y0 + 2), clamp(box[3] + noise()));
  return [Math.min(x0, x1 - 2), Math.min(y0, y1 - 2), x1, y1];
}

/** A mask [size * size] pooled to [side * side]: 1 where at least half of the cell is 1. */
export function pooledMask(mask: Uint8Array, size: number, side: number): Uint8Array {
  const f = size / side;
  const out = new Uint8Array(side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      let sum = 0;
      for (let y = r * f; y < (r + 1) * f; y++) for (let x = c * f; x < (c + 1) * f; x++) sum += mask[y * size + x]!;
      out[r * side + c] = sum * 2 >= f * f ? 1 : 0;
    }
  }
  return out;
}

/**
 * The target pooled 4x (2x for an object too small to survive that),
 * thresholded at a random level in [0.25, 0.65], blown up again; the target
 * itself if nothing is left.
 */
function coarseMask(random: Random, target: Uint8Array, side: number): Uint8Array {
  const threshold = 0.25 + 0.4 * random.next();
  for (const f of [4, 2]) {
    if (side % f !== 0) continue;
    const out = blocky(target, side, f, threshold);
    if (out) return out;
  }
  return target.slice();
}

/** The mask pooled by `f` and blown up again, 1 where a block is at least `threshold` full; `undefined` when no block is. */
function blocky(target: Uint8Array, side: number, f: number, threshold: number): Uint8Array | undefined {
  const low = side / f;
  const out = new Uint8Array(side * side);
  let any = false;
  for (let r = 0; r < low; r++) {
    for (let c = 0; c < low; c++) {
      let sum = 0;
      for (let y = r * f; y < (r + 1) * f; y++) for (let x = c * f; x < (c + 1) * f; x++) sum += target[y * side + x]!;
      if (sum < threshold * f * f) continue;
      any = true;
      for (let y = r * f; y < (r + 1) * f; y++) for (let x = c * f; x < (c + 1) * f; x++) out[y * side + x] = 1;
    }
  }
  return any ? out : undefined;
}

/** The text prompt for a kind of shape: a fixed vector of normal values (the same in every run), [dim]. */
export function classEmbedding(kind: number, dim: number): Float32Array {
  const random = new Random(0x7e47 + kind);
  return Float32Array.from({ length: dim }, () => random.normal());
}

/** The names of the kinds the text embeddings stand for, by id. */
export const SEGMENT_CLASSES = SHAPE_KINDS;
