// regions(count, size, region, objects, positives, context, proposals):
// R-CNN's fine-tuning data (Girshick et al. 2014), made from scenes of
// shapes. Each scene is one `shapes` scene (size x size, 1..objects
// squares, circles and triangles that never overlap). Selective search
// (runtime/detection/selective-search.ts) proposes up to `proposals` boxes
// on it, as the detection pipeline does, and each proposal is labelled by
// its IoU with the scene's true boxes: IoU >= 0.5 with a true box gives that
// box's class (kind + 1, as R-CNN numbers them), less gives 0, background.
// R-CNN drops no proposal for fine-tuning; only the ground truth's own boxes
// are not added here (selective search finds boxes close to them anyway).
//
// Each kept proposal is grown by `context` about its centre (2: twice its
// width and height, as RCNNSmallDetect's pipeline pads it) and warped to
// region x region by crop_and_resize's own function (bilinear; outside the
// image is black), so training sees the crops the pipeline classifies:
// partial shapes, two shapes in one crop, loose boxes.
//
// The sampling: R-CNN's batches hold a quarter positives. Here each scene
// in turn gives at random up to 16 * positives of its positive proposals
// and up to the rest of 16 of its negatives, in the wanted ratio, until
// there are round(count * positives) positives and the rest negatives. The
// examples come scene by scene, so the held-out part (the last 1 - split)
// holds scenes the training part does not, in the same ratio. The same
// options and seed give the same examples.
//
// Input: the warped regions [region, region, 3]; target: the class id, 0
// background, 1 square, 2 circle, 3 triangle.

import { msg } from '../../core/i18n/message.js';
import { selectiveSearch } from '../detection/selective-search.js';
import { cropAndResize } from '../compile/kernels/detection.js';
import { Random } from '../random.js';
import type { TF } from '../tf-types.js';
import { iou } from '../train/mean-average-precision.js';
import { DataError, type RawData } from './dataset.js';
import { type Box, SHAPE_KINDS, type ShapeObject, type ShapeScene, shapeScenes } from './shapes.js';

export interface RegionsOptions {
  /** examples (warped regions) in all */
  count: number;
  /** the scenes' side in pixels */
  size: number;
  /** the warped regions' side in pixels */
  region: number;
  /** most shapes per scene */
  objects: number;
  /** the fraction of positive examples (R-CNN: 0.25) */
  positives: number;
  /** how much each proposal is grown about its centre before it is warped */
  context: number;
  /** selective search's boxes per scene, at most */
  proposals: number;
  seed: number;
  split: number;
}

/** The IoU with a true box from which a proposal takes the box's class. */
export const POSITIVE_IOU = 0.5;

/** Regions taken from one scene at most: R-CNN's batches are 128, a quarter positives; a scene here gives ~30 proposals. */
const PER_SCENE = 16;

/** A proposal and what it is labelled. */
export interface LabelledBox {
  box: Box;
  /** 0 background, kind + 1 for a shape */
  label: number;
  /** its best IoU with a true box (0 when none overlaps) */
  iou: number;
}

/** One example before it is warped: the proposal, its scene, its label. */
export interface RegionExample extends LabelledBox {
  scene: ShapeScene;
}

/** Each proposal labelled by its best IoU with the objects: >= 0.5, that object's kind + 1; else 0. */
export function labelProposals(proposals: readonly Box[], objects: readonly ShapeObject[]): LabelledBox[] {
  return proposals.map((box) => {
    let best = 0;
    let label = 0;
    for (const o of objects) {
      const overlap = iou(box, o.box);
      if (overlap > best) {
        best = overlap;
        label = overlap >= POSITIVE_IOU ? o.kind + 1 : 0;
      }
    }
    return { box, label, iou: best };
  });
}

/** The box grown `factor` times in width and height about its centre (2: x1 becomes 1.5 x1 - 0.5 x2, as the pipeline writes it). */
export function growBox(box: Box, factor: number): Box {
  const [x1, y1, x2, y2] = box;
  const grow = (low: number, high: number): [number, number] => [low - ((factor - 1) / 2) * (high - low), high + ((factor - 1) / 2) * (high - low)];
  const [gx1, gx2] = grow(x1, x2);
  const [gy1, gy2] = grow(y1, y2);
  return [gx1, gy1, gx2, gy2];
}

/** The options' problems, as the data error `nn train` reports. */
export function checkRegionsOptions(o: RegionsOptions): void {
  if (!(o.positives >= 0 && o.positives <= 1)) throw new DataError(msg`regions: positives is a fraction from 0 to 1, not ${o.positives}`);
  if (!(o.context >= 1)) throw new DataError(msg`regions: context is how much each proposal is grown, 1 or more, not ${o.context}`);
}

/** The examples, scene by scene: the same options give the same examples. */
export function regionExamples(o: RegionsOptions): RegionExample[] {
  checkRegionsOptions(o);
  const wanted = { positive: Math.round(o.count * o.positives), negative: o.count - Math.round(o.count * o.positives) };
  const perScene = { positive: wanted.positive > 0 ? Math.max(1, Math.round(PER_SCENE * o.positives)) : 0, negative: 0 };
  perScene.negative = wanted.negative > 0 ? Math.max(1, PER_SCENE - perScene.positive) : 0;
  const left = { ...wanted };
  const examples: RegionExample[] = [];
  const random = new Random(o.seed ^ 0x4c1);
  // at most 100 scenes per example: only a scene that selective search cannot split gives no negatives
  const scenes = shapeScenes({ count: 100 * o.count, size: o.size, objects: o.objects, seed: o.seed, target: { kind: 'mask' } });
  for (const scene of scenes) {
    if (left.positive === 0 && left.negative === 0) break;
    const labelled = labelProposals(selectiveSearch({ pixels: scene.image, height: o.size, width: o.size }, { count: o.proposals }), scene.objects);
    const positives = shuffled(random, labelled.filter((l) => l.label > 0));
    const negatives = shuffled(random, labelled.filter((l) => l.label === 0));
    let p = Math.min(perScene.positive, positives.length, left.positive);
    let n = Math.min(perScene.negative, negatives.length, left.negative);
    if (left.positive > 0 && left.negative > 0) {
      // the scene's share keeps the wanted ratio, so that every part of the list (the held-out end too) has it
      p = Math.min(p, Math.ceil((n * wanted.positive) / wanted.negative));
      n = Math.min(n, Math.ceil((p * wanted.negative) / wanted.positive));
    }
    const taken = shuffled(random, [...positives.slice(0, p), ...negatives.slice(0, n)]);
    for (const t of taken) examples.push({ ...t, scene });
    left.positive -= p;
    left.negative -= n;
  }
  if (left.positive > 0 || left.negative > 0) {
    throw new DataError(msg`regions: ${100 * o.count} scenes gave only ${wanted.positive - left.positive} shape and ${wanted.negative - left.negative} background regions`);
  }
  return examples;
}

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  return Array.from(random.permutation(list.length), (i) => list[i]!);
}

/** The examples warped to region x region: the regions [count, region, region, 3] and their class ids. */
export function loadRegions(tf: TF, o: RegionsOptions): RawData {
  const examples = regionExamples(o);
  const labels = Int32Array.from(examples, (e) => e.label);
  const scenes = new Set(examples.map((e) => e.scene)).size;
  const positive = Math.round(o.count * o.positives);
  return {
    description: `regions: ${o.count.toLocaleString('en-US')} selective-search regions of ${scenes.toLocaleString('en-US')} ${o.size}x${o.size} scenes warped to ${o.region}x${o.region} (${positive.toLocaleString('en-US')} shapes by IoU >= ${POSITIVE_IOU}, the rest background)`,
    inputs: [{ values: warpRegions(tf, examples, o), shape: [o.region, o.region, 3], dtype: 'float32' }],
    target: { values: labels, shape: [], dtype: 'int32' },
    count: o.count,
    classes: SHAPE_KINDS.length + 1,
    classNames: ['background', ...SHAPE_KINDS],
    split: o.split,
  };
}

/**
 * Each example's box grown by `context` and warped to region x region, a
 * scene at a time, by crop_and_resize's function: [examples, region, region, 3].
 */
export function warpRegions(tf: TF, examples: readonly RegionExample[], o: { size: number; region: number; context: number }): Float32Array {
  const per = o.region * o.region * 3;
  const regions = new Float32Array(examples.length * per);
  const byScene = new Map<ShapeScene, number[]>();
  examples.forEach((e, n) => byScene.set(e.scene, [...(byScene.get(e.scene) ?? []), n]));
  for (const [scene, indexes] of byScene) {
    const crops = tf.tidy(() => {
      const image = tf.tensor4d(scene.image, [1, o.size, o.size, 3]); // [1, size, size, 3]
      const boxes = tf.tensor2d(indexes.flatMap((n) => growBox(examples[n]!.box, o.context)), [indexes.length, 4]); // [n, 4]
      return cropAndResize(tf, image, boxes, [o.region, o.region]); // [n, region, region, 3]
    });
    const values = crops.dataSync();
    crops.dispose();
    indexes.forEach((n, i) => regions.set(values.subarray(i * per, (i + 1) * per), n * per));
  }
  return regions;
}
