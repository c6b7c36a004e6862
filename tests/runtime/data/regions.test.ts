// The regions data source (runtime/data/regions.ts): proposals labelled by
// IoU with the truth on hand-made scenes, the positive fraction, the
// regions warped with the pipeline's context to the right size, the same
// seed giving the same examples, and what it gives matching the checker's
// table (core/train/data-shapes.ts).

import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataShapeOf } from '../../../core/train/data-shapes.js';
import { loadData } from '../../../runtime/data/load-data.js';
import { growBox, labelProposals, loadRegions, type RegionExample, regionExamples, type RegionsOptions, warpRegions } from '../../../runtime/data/regions.js';
import type { Box, ShapeObject, ShapeScene } from '../../../runtime/data/shapes.js';
import { selectiveSearch } from '../../../runtime/detection/selective-search.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

const object = (kind: number, box: Box): ShapeObject => ({ kind, box, mask: new Uint8Array(0) });

const OPTIONS: RegionsOptions = { count: 40, size: 64, region: 16, objects: 3, positives: 0.25, context: 2, proposals: 200, seed: 3, split: 0.8 };

/** IoU of two boxes, as written by hand: intersection over union. */
function overlap(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  return (w * h) / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h);
}

describe('labels by IoU with the truth', () => {
  // a circle (kind 1) at 10..30 and a triangle (kind 2) at 40..60, both 20 x 20
  const objects = [object(1, [10, 10, 30, 30]), object(2, [40, 40, 60, 60])];

  it.each<[string, Box, number, number]>([
    ['the circle itself', [10, 10, 30, 30], 2, 1],
    ['the circle, 5 rows too tall: 400 / 500', [10, 10, 30, 35], 2, 0.8],
    ['the circle cut in half: 200 / 400', [10, 10, 20, 30], 2, 0.5],
    ['half a circle too wide: 200 / 600', [20, 10, 40, 30], 0, 1 / 3],
    ['the triangle with a margin of 2: 400 / 576', [38, 38, 62, 62], 3, 400 / 576],
    ['both shapes: 400 / 2500 each', [10, 10, 60, 60], 0, 0.16],
    ['nothing: empty background', [0, 40, 20, 60], 0, 0],
  ])('%s', (_what, box, label, iou) => {
    const [labelled] = labelProposals([box], objects);
    expect(labelled!.label).toBe(label);
    expect(labelled!.iou).toBeCloseTo(iou, 6);
  });

  it('a proposal takes the class of the true box it overlaps most', () => {
    const close = [object(0, [0, 0, 20, 20]), object(1, [20, 0, 40, 20])];
    // columns 4..24: 16 of the square's 20 columns, 4 of the circle's
    expect(labelProposals([[4, 0, 24, 20]], close)).toEqual([{ box: [4, 0, 24, 20], label: 1, iou: 320 / 480 }]);
    expect(labelProposals([[16, 0, 36, 20]], close)).toEqual([{ box: [16, 0, 36, 20], label: 2, iou: 320 / 480 }]);
  });

  it('grows a box about its centre as the pipeline does (x1 becomes 1.5 x1 - 0.5 x2)', () => {
    expect(growBox([10, 10, 20, 30], 2)).toEqual([5, 0, 25, 40]);
    expect(growBox([10, 10, 20, 30], 1)).toEqual([10, 10, 20, 30]);
    expect(growBox([10, 10, 20, 30], 3)).toEqual([0, -10, 30, 50]);
  });
});

describe('the examples', () => {
  const examples = regionExamples(OPTIONS);

  it('are selective search proposals of their scene, labelled by their best IoU with its true boxes', () => {
    const proposals = new Map<ShapeScene, string[]>();
    for (const e of examples) {
      if (!proposals.has(e.scene)) proposals.set(e.scene, selectiveSearch({ pixels: e.scene.image, height: 64, width: 64 }, { count: 200 }).map((b) => b.join(',')));
      expect(proposals.get(e.scene)).toContain(e.box.join(','));
      const best = e.scene.objects.reduce((b, o) => (overlap(e.box, o.box) > overlap(e.box, b.box) ? o : b), e.scene.objects[0]!);
      const iou = overlap(e.box, best.box);
      expect(e.iou).toBeCloseTo(iou, 6);
      expect(e.label).toBe(iou >= 0.5 ? best.kind + 1 : 0);
    }
    expect(proposals.size).toBeGreaterThan(1);
  });

  it('a quarter are shapes, in the training part and the held-out part alike', () => {
    const shapes = (list: RegionExample[]) => list.filter((e) => e.label > 0).length;
    expect(examples).toHaveLength(40);
    expect(shapes(examples)).toBe(10);
    expect(new Set(examples.filter((e) => e.label > 0).map((e) => e.label)).size).toBeGreaterThan(1);
    expect(shapes(examples.slice(32))).toBeGreaterThanOrEqual(1);
    expect(shapes(examples.slice(32))).toBeLessThanOrEqual(4);
    expect(shapes(regionExamples({ ...OPTIONS, count: 30, positives: 0.5 }))).toBe(15);
    expect(shapes(regionExamples({ ...OPTIONS, count: 20, positives: 0 }))).toBe(0);
  });

  it('come scene by scene, so the held-out part is mostly scenes the training part does not have', () => {
    const train = new Set(examples.slice(0, 32).map((e) => e.scene));
    const heldOut = [...new Set(examples.slice(32).map((e) => e.scene))];
    expect(heldOut.filter((s) => train.has(s)).length).toBeLessThanOrEqual(1);
  });

  it('the same seed gives the same examples; another seed, others', () => {
    const again = regionExamples(OPTIONS);
    expect(again.map((e) => [e.box, e.label])).toEqual(examples.map((e) => [e.box, e.label]));
    expect(regionExamples({ ...OPTIONS, seed: 4 }).map((e) => [e.box, e.label])).not.toEqual(examples.map((e) => [e.box, e.label]));
  });

  it('refuses a fraction outside 0..1 and a context below 1', () => {
    expect(() => regionExamples({ ...OPTIONS, positives: 1.5 })).toThrow('regions: positives is a fraction from 0 to 1, not 1.5');
    expect(() => regionExamples({ ...OPTIONS, context: 0.5 })).toThrow('regions: context is how much each proposal is grown, 1 or more, not 0.5');
  });
});

describe('the warped regions', () => {
  // an 8 x 8 scene whose pixel (x, y) has the colour (x, y, x + y) / 16
  const image = new Float32Array(8 * 8 * 3);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) image.set([x / 16, y / 16, (x + y) / 16], 3 * (y * 8 + x));
  const scene: ShapeScene = { image, objects: [] };
  const pixel = (values: Float32Array, side: number, x: number, y: number) => Array.from(values.subarray(3 * (y * side + x), 3 * (y * side + x) + 3));

  it('a box grown 2x to the whole image, warped to its size, is the image', () => {
    const warped = warpRegions(tf, [{ scene, box: [2, 2, 6, 6], label: 0, iou: 0 }], { size: 8, region: 8, context: 2 });
    expect(warped).toHaveLength(8 * 8 * 3);
    for (let i = 0; i < image.length; i++) expect(warped[i]).toBeCloseTo(image[i]!, 5);
  });

  it('context outside the image is black, as in the pipeline', () => {
    // [0, 0, 4, 4] grown 2x is [-2, -2, 6, 6]: two black rows and columns, then the image's pixels 0..5
    const warped = warpRegions(tf, [{ scene, box: [0, 0, 4, 4], label: 0, iou: 0 }], { size: 8, region: 8, context: 2 });
    expect(pixel(warped, 8, 1, 5)).toEqual([0, 0, 0]);
    expect(pixel(warped, 8, 5, 0)).toEqual([0, 0, 0]);
    pixel(warped, 8, 3, 3).forEach((v, c) => expect(v).toBeCloseTo([1 / 16, 1 / 16, 2 / 16][c]!, 5));
    pixel(warped, 8, 7, 4).forEach((v, c) => expect(v).toBeCloseTo([5 / 16, 2 / 16, 7 / 16][c]!, 5));
  });

  it('loads as regions [region, region, 3] with class ids 0-3, and as the checker\'s table says', () => {
    const raw = loadRegions(tf, OPTIONS);
    expect(raw.inputs).toHaveLength(1);
    expect(raw.inputs[0]!.shape).toEqual([16, 16, 3]);
    expect(raw.inputs[0]!.values).toHaveLength(40 * 16 * 16 * 3);
    expect(Array.from(raw.target!.values)).toEqual(regionExamples(OPTIONS).map((e) => e.label));
    expect(raw.classNames).toEqual(['background', 'square', 'circle', 'triangle']);
    const table = dataShapeOf('regions', { region: 16 })!;
    expect(table.inputs.map((i) => i.shape)).toEqual([raw.inputs[0]!.shape]);
    expect(table.targets).toEqual({ kind: 'classes', shape: raw.target!.shape, classes: raw.classes });
  });

  it('loadData reads the train block\'s arguments', () => {
    const raw = loadData({ name: 'regions', args: { count: 12, region: 8, positives: 0.5 } }, { baseDir: tmpdir(), seed: 2, tf });
    expect(raw.inputs[0]!.shape).toEqual([8, 8, 3]);
    expect(Array.from(raw.target!.values).filter((l) => l > 0)).toHaveLength(6);
    expect(() => loadData({ name: 'regions', args: { count: 12 } }, { baseDir: tmpdir(), seed: 2 })).toThrow('regions(...) warps its regions with TensorFlow');
  });
});
