// shapes(count, size, objects): synthetic images for detection and
// segmentation that train on a laptop. Each of `count` images is
// size x size x 3, values in [0, 1]: a dark background of a random colour
// with 1..`objects` filled shapes of random bright colours, sizes (a fifth
// to a half of the image) and places, which never overlap. Three kinds of
// shape, class ids 0 square, 1 circle, 2 triangle (pointing up); each has
// a box [x1, y1, x2, y2] in pixels and a mask.
//
// The targets are what the model's output calls for (`shapesTarget`):
//   output [B, 3]               'class': the shape's class id (objects: 1)
//   output [B, 4]               'class' with background: 0 = no shape (a
//                               quarter of the images are empty), a
//                               shape's kind k is k + 1, as R-CNN numbers them
//   output [B, S, S, K*5 + 3]   'grid': YOLOv1's truth [S, S, 5 + 3] (YoloV1Loss
//                               in examples/yolo.nn): per cell x, y (the box's
//                               centre within the cell, 0-1), w, h (its size
//                               over the image's), 1 if a centre is in the
//                               cell, then the class one-hot; all 0 in the
//                               other cells. No two centres share a cell.
//   output [B, size, size, 4]   'mask': a class per pixel, 0 background, kind + 1
//   no model (a GAN)            'none': images only
// The same options and seed give the same scenes (`shapeScenes`): their
// boxes and masks are there for pictures and metrics.

import { msg } from '../../core/i18n/message.js';
import { Random } from '../random.js';
import { DataError, type RawArray, type RawData } from './dataset.js';

export const SHAPE_KINDS = ['square', 'circle', 'triangle'] as const;

/** [x1, y1, x2, y2] in pixels */
export type Box = [number, number, number, number];

export interface ShapeObject {
  /** 0 square, 1 circle, 2 triangle */
  kind: number;
  box: Box;
  /** [size, size]: 1 where the shape is */
  mask: Uint8Array;
}

export interface ShapeScene {
  /** [size, size, 3] in [0, 1] */
  image: Float32Array;
  objects: ShapeObject[];
}

export type ShapesTarget = { kind: 'class'; background: boolean } | { kind: 'grid'; cells: number } | { kind: 'mask' } | { kind: 'none' };

export interface ShapesOptions {
  count: number;
  size: number;
  objects: number;
  seed: number;
  target: ShapesTarget;
  split: number;
}

/** The target the model's output shape (one example's, no batch axis) calls for; `undefined`: no model. */
export function shapesTarget(output: number[] | undefined, o: { size: number; objects: number }): ShapesTarget {
  if (!output) return { kind: 'none' };
  const kinds = SHAPE_KINDS.length;
  if (output.length === 1 && (output[0] === kinds || output[0] === kinds + 1)) {
    if (o.objects !== 1) throw new DataError(msg`shapes: a classifier (output [B, ${output[0]}]) takes one shape per image, so shapes(objects: 1), not objects: ${o.objects}`);
    return { kind: 'class', background: output[0] === kinds + 1 };
  }
  if (output.length === 3 && output[0] === output[1]) {
    const [side, , depth] = output as [number, number, number];
    if (side === o.size && depth === kinds + 1) return { kind: 'mask' };
    if (side < o.size && depth > 5 && (depth - kinds) % 5 === 0) return { kind: 'grid', cells: side };
  }
  throw new DataError(
    msg`shapes cannot give targets for a model output of [B, ${output.join(', ')}]. It gives: a class id for [B, ${kinds}] or [B, ${kinds + 1}] (background first); a YOLO grid for [B, S, S, K*5 + ${kinds}]; a class per pixel for [B, ${o.size}, ${o.size}, ${kinds + 1}]`,
  );
}

export function loadShapes(o: ShapesOptions): RawData {
  const per = o.size * o.size * 3;
  const images = new Float32Array(o.count * per);
  const target = targetArray(o);
  let n = 0;
  for (const scene of shapeScenes(o)) {
    images.set(scene.image, n * per);
    if (target) writeTarget(target, n, scene, o);
    n++;
  }
  const classes = o.target.kind === 'class' || o.target.kind === 'mask' ? classNames(o.target) : undefined;
  return {
    description: `shapes: ${o.count.toLocaleString('en-US')} images of ${o.size}x${o.size} with ${o.objects === 1 ? 'one shape' : `1-${o.objects} shapes`} (${SHAPE_KINDS.join(', ')})${describeTarget(o.target)}`,
    inputs: [{ values: images, shape: [o.size, o.size, 3], dtype: 'float32' }],
    ...(target ? { target } : {}),
    count: o.count,
    ...(classes ? { classes: classes.length, classNames: classes } : {}),
    split: o.target.kind === 'none' ? 1 : o.split,
  };
}

function classNames(target: ShapesTarget): string[] {
  const background = target.kind === 'mask' || (target.kind === 'class' && target.background);
  return background ? ['background', ...SHAPE_KINDS] : [...SHAPE_KINDS];
}

function describeTarget(target: ShapesTarget): string {
  if (target.kind === 'class') return target.background ? ', class ids with background (0)' : ', class ids';
  if (target.kind === 'grid') return `, YOLO targets on a ${target.cells}x${target.cells} grid`;
  if (target.kind === 'mask') return ', a class per pixel';
  return '';
}

/** The scenes, one by one: the same options give the same scenes. */
export function* shapeScenes(o: Omit<ShapesOptions, 'split'>): Generator<ShapeScene> {
  const random = new Random(o.seed);
  const cells = o.target.kind === 'grid' ? o.target.cells : undefined;
  const mayBeEmpty = o.target.kind === 'class' && o.target.background;
  for (let n = 0; n < o.count; n++) {
    const empty = mayBeEmpty && random.int(SHAPE_KINDS.length + 1) === 0;
    yield drawScene(random, o.size, empty ? 0 : 1 + random.int(o.objects), cells);
  }
}

// -- drawing --

/** A scene of up to `count` shapes (fewer when they do not fit apart). */
export function drawScene(random: Random, size: number, count: number, cells?: number): ShapeScene {
  const background = [0, 1, 2].map(() => 0.15 * random.next());
  const image = new Float32Array(size * size * 3);
  for (let p = 0; p < size * size; p++) image.set(background, 3 * p);
  const objects: ShapeObject[] = [];
  for (let attempt = 0; attempt < 20 * count && objects.length < count; attempt++) {
    const kind = random.int(SHAPE_KINDS.length);
    const box = randomBox(random, size);
    if (objects.some((other) => overlaps(box, other.box) || (cells !== undefined && sameCell(box, other.box, size, cells)))) continue;
    const colour = [0, 1, 2].map(() => 0.5 + 0.5 * random.next());
    objects.push(paint(image, size, kind, box, colour));
  }
  return { image, objects };
}

/** A square box with a side of a fifth to a half of the image (at least 3 pixels), inside it. */
function randomBox(random: Random, size: number): Box {
  const side = Math.max(3, Math.floor(size * (0.2 + 0.3 * random.next())));
  const x = random.int(size - side + 1);
  const y = random.int(size - side + 1);
  return [x, y, x + side, y + side];
}

const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The grid cell [row, column] that holds the box's centre. */
export function cellOf(box: Box, size: number, cells: number): [number, number] {
  const at = (centre: number) => Math.min(cells - 1, Math.floor((centre / size) * cells));
  return [at((box[1] + box[3]) / 2), at((box[0] + box[2]) / 2)];
}

function sameCell(a: Box, b: Box, size: number, cells: number): boolean {
  const [ra, ca] = cellOf(a, size, cells);
  const [rb, cb] = cellOf(b, size, cells);
  return ra === rb && ca === cb;
}

/** Fills the shape's pixels (those whose centre is inside it) with `colour`; returns the object with its mask. */
function paint(image: Float32Array, size: number, kind: number, box: Box, colour: number[]): ShapeObject {
  const mask = new Uint8Array(size * size);
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      if (!inside(kind, box, x + 0.5, y + 0.5)) continue;
      mask[y * size + x] = 1;
      image.set(colour, 3 * (y * size + x));
    }
  }
  return { kind, box, mask };
}

/** Whether the point (x, y) is inside the shape of `kind` that fills the square `box`. */
export function inside(kind: number, box: Box, x: number, y: number): boolean {
  const side = box[2] - box[0];
  const cx = box[0] + side / 2;
  const cy = box[1] + side / 2;
  if (kind === 0) return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
  if (kind === 1) return (x - cx) ** 2 + (y - cy) ** 2 <= (side / 2) ** 2;
  // the triangle: apex at the top middle, base along the bottom; half as wide as it is far down
  return y >= box[1] && y <= box[3] && Math.abs(x - cx) <= (y - box[1]) / 2;
}

// -- targets --

function targetArray(o: ShapesOptions): RawArray | undefined {
  const kinds = SHAPE_KINDS.length;
  switch (o.target.kind) {
    case 'class':
      return { values: new Int32Array(o.count), shape: [], dtype: 'int32' };
    case 'grid': {
      const s = o.target.cells;
      return { values: new Float32Array(o.count * s * s * (5 + kinds)), shape: [s, s, 5 + kinds], dtype: 'float32' };
    }
    case 'mask':
      return { values: new Int32Array(o.count * o.size * o.size), shape: [o.size, o.size], dtype: 'int32' };
    case 'none':
      return undefined;
  }
}

function writeTarget(target: RawArray, n: number, scene: ShapeScene, o: ShapesOptions): void {
  const t = o.target;
  if (t.kind === 'class') target.values[n] = classTarget(scene, t.background);
  else if (t.kind === 'grid') target.values.set(yoloTarget(scene, o.size, t.cells), n * target.shape.reduce((a, b) => a * b, 1));
  else if (t.kind === 'mask') target.values.set(maskTarget(scene, o.size), n * o.size * o.size);
}

/** The one shape's kind; with a background class, 0 for an empty image and kind + 1 for a shape. */
export function classTarget(scene: ShapeScene, background: boolean): number {
  const kind = scene.objects[0]?.kind;
  if (!background) return kind!;
  return kind === undefined ? 0 : kind + 1;
}

/** YOLOv1's truth [S, S, 5 + 3]: per cell with a centre x, y, w, h, 1, then the class one-hot. */
export function yoloTarget(scene: ShapeScene, size: number, cells: number): Float32Array {
  const depth = 5 + SHAPE_KINDS.length;
  const out = new Float32Array(cells * cells * depth);
  for (const { kind, box } of scene.objects) {
    const [row, col] = cellOf(box, size, cells);
    const at = (row * cells + col) * depth;
    const cx = ((box[0] + box[2]) / 2 / size) * cells - col;
    const cy = ((box[1] + box[3]) / 2 / size) * cells - row;
    out.set([cx, cy, (box[2] - box[0]) / size, (box[3] - box[1]) / size, 1], at);
    out[at + 5 + kind] = 1;
  }
  return out;
}

/** A class per pixel [size, size]: 0 background, a shape's kind + 1. */
export function maskTarget(scene: ShapeScene, size: number): Int32Array {
  const out = new Int32Array(size * size);
  for (const { kind, mask } of scene.objects) for (let p = 0; p < mask.length; p++) if (mask[p]) out[p] = kind + 1;
  return out;
}
