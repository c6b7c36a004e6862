// Selective search on hand-made images: one colour gives the whole image,
// filled rectangles are each proposed, the shapes of `shapes` scenes are
// recalled, the segmentation alone finds two regions where there are two,
// the same seed gives the same proposals, `count` is a limit, and the
// smallest images do not throw.

import { describe, expect, it } from 'vitest';
import { type Box, shapeScenes } from '../../runtime/data/shapes.js';
import { toColourSpace } from '../../runtime/detection/colour-spaces.js';
import { segmentImage } from '../../runtime/detection/felzenszwalb.js';
import { type RgbImage, selectiveSearch } from '../../runtime/detection/selective-search.js';

/** An image of height x width filled with `background`. */
function blank(height: number, width: number, background: [number, number, number]): RgbImage {
  const pixels = new Float32Array(height * width * 3);
  for (let p = 0; p < height * width; p++) pixels.set(background, 3 * p);
  return { pixels, height, width };
}

/** Paints the pixels x1 <= x < x2, y1 <= y < y2 with `colour`. */
function paint(image: RgbImage, [x1, y1, x2, y2]: Box, colour: [number, number, number]): void {
  for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) image.pixels.set(colour, 3 * (y * image.width + x));
}

function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

const bestIou = (boxes: Box[], truth: Box) => Math.max(0, ...boxes.map((b) => iou(b, truth)));

describe('selective search', () => {
  it('proposes the whole image, and only it, for an image of one colour', () => {
    expect(selectiveSearch(blank(30, 40, [0.2, 0.6, 0.3]))).toEqual([[0, 0, 40, 30]]);
  });

  it.each([
    [
      'two rectangles',
      [
        [[4, 6, 20, 30], [0.9, 0.1, 0.1]],
        [[28, 10, 44, 22], [0.1, 0.2, 0.9]],
      ],
    ],
    [
      'three rectangles',
      [
        [[2, 2, 14, 12], [0.9, 0.8, 0.1]],
        [[20, 4, 46, 16], [0.1, 0.8, 0.2]],
        [[10, 24, 30, 38], [0.8, 0.2, 0.7]],
      ],
    ],
  ] as [string, [Box, [number, number, number]][]][])('proposes each of %s on a background (IoU >= 0.9)', (_, rectangles) => {
    const image = blank(40, 48, [0.1, 0.1, 0.1]);
    for (const [box, colour] of rectangles) paint(image, box, colour);
    const boxes = selectiveSearch(image);
    for (const [box] of rectangles) expect(bestIou(boxes, box), `rectangle ${box}`).toBeGreaterThanOrEqual(0.9);
    expect(boxes).toContainEqual([0, 0, 48, 40]);
  });

  it('recalls the objects of shapes scenes at IoU >= 0.7 in most scenes', () => {
    const size = 64;
    let recalled = 0;
    let objects = 0;
    let scenesRecalled = 0;
    for (const scene of shapeScenes({ count: 50, size, objects: 3, seed: 11, target: { kind: 'none' } })) {
      const boxes = selectiveSearch({ pixels: scene.image, height: size, width: size });
      const hits = scene.objects.filter((o) => bestIou(boxes, o.box) >= 0.7).length;
      recalled += hits;
      objects += scene.objects.length;
      if (hits === scene.objects.length) scenesRecalled++;
    }
    expect(objects).toBeGreaterThan(50);
    expect(recalled / objects).toBeGreaterThanOrEqual(0.9);
    expect(scenesRecalled).toBeGreaterThanOrEqual(45);
  });

  it('gives boxes inside the image, not empty, each once', () => {
    const [scene] = shapeScenes({ count: 1, size: 48, objects: 3, seed: 5, target: { kind: 'none' } });
    const boxes = selectiveSearch({ pixels: scene!.image, height: 48, width: 48 });
    expect(boxes.length).toBeGreaterThan(3);
    for (const [x1, y1, x2, y2] of boxes) {
      expect(0 <= x1 && x1 < x2 && x2 <= 48 && 0 <= y1 && y1 < y2 && y2 <= 48, `${[x1, y1, x2, y2]}`).toBe(true);
    }
    expect(new Set(boxes.map((b) => b.join(','))).size).toBe(boxes.length);
  });

  it('gives the same proposals in the same order for the same seed; another seed orders the same set differently', () => {
    const [scene] = shapeScenes({ count: 1, size: 64, objects: 3, seed: 3, target: { kind: 'none' } });
    const image = { pixels: scene!.image, height: 64, width: 64 };
    const first = selectiveSearch(image, { seed: 1 });
    expect(selectiveSearch(image, { seed: 1 })).toEqual(first);
    const other = selectiveSearch(image, { seed: 2 });
    expect(other).not.toEqual(first);
    const sorted = (boxes: Box[]) => boxes.map((b) => b.join(',')).sort();
    expect(sorted(other)).toEqual(sorted(first));
  });

  it('gives at most count boxes: the first of the full ranking', () => {
    const [scene] = shapeScenes({ count: 1, size: 64, objects: 3, seed: 3, target: { kind: 'none' } });
    const image = { pixels: scene!.image, height: 64, width: 64 };
    const all = selectiveSearch(image, { seed: 4 });
    expect(all.length).toBeGreaterThan(5);
    expect(selectiveSearch(image, { seed: 4, count: 5 })).toEqual(all.slice(0, 5));
    expect(selectiveSearch(image, { count: 1 })).toHaveLength(1);
    expect(selectiveSearch(image, { count: 0 })).toEqual([]);
  });

  it('takes the smallest images: 1x1, 1xN, Nx1 and empty', () => {
    expect(selectiveSearch(blank(1, 1, [0.5, 0.5, 0.5]))).toEqual([[0, 0, 1, 1]]);
    const row = blank(1, 9, [0.1, 0.1, 0.1]);
    paint(row, [5, 0, 9, 1], [0.9, 0.9, 0.1]);
    expect(selectiveSearch(row, { minSize: 1 })).toContainEqual([0, 0, 9, 1]);
    expect(selectiveSearch(row, { minSize: 1 })).toContainEqual([5, 0, 9, 1]);
    expect(selectiveSearch(blank(7, 1, [0.3, 0.1, 0.1]))).toEqual([[0, 0, 1, 7]]);
    expect(selectiveSearch(blank(0, 0, [0, 0, 0]))).toEqual([]);
  });

  it('takes the defaults for options given as undefined, and refuses options it cannot use, in one line', () => {
    const image = blank(6, 6, [0.2, 0.2, 0.2]);
    expect(selectiveSearch(image, { count: undefined, seed: undefined })).toEqual([[0, 0, 6, 6]]);
    expect(() => selectiveSearch(image, { count: 1.5 })).toThrow(/^selective search: count must be a whole number >= 0, not 1.5$/);
    expect(() => selectiveSearch(image, { scales: [] })).toThrow(/^selective search: scales must be one or more numbers > 0, not \[\]$/);
    expect(() => selectiveSearch(image, { scales: [50, -1] })).toThrow(/scales must be one or more numbers > 0, not \[50, -1\]/);
    expect(() => selectiveSearch(image, { minSize: Number.NaN })).toThrow(/minSize must be a number of pixels >= 0, not NaN/);
    expect(() => selectiveSearch(image, { colourSpaces: ['cmyk' as 'rgb'] })).toThrow(/colourSpaces must be one or more of rgb, hsv, lab, not \[cmyk\]/);
    expect(() => selectiveSearch(image, { similarities: [[]] })).toThrow(/similarities must be one or more lists of colour, texture, size, fill/);
  });

  it('refuses pixels that do not fit the size, in one line', () => {
    expect(() => selectiveSearch({ pixels: new Float32Array(10), height: 2, width: 2 })).toThrow(
      /^selective search: an image of 2 x 2 x 3 holds 12 values, but it was given 10$/,
    );
  });
});

describe('the graph-based segmentation alone', () => {
  const twoColours = () => {
    const image = blank(20, 30, [0.1, 0.3, 0.8]);
    paint(image, [12, 0, 30, 20], [0.8, 0.5, 0.1]);
    return toColourSpace(image, 'rgb');
  };
  const leftOf12 = (labels: Int32Array) => Array.from(labels, (label, p) => [label, p % 30 < 12 ? 0 : 1]);

  it('finds two segments in an image of two colours, split where the colours meet', () => {
    const segmentation = segmentImage(twoColours(), { k: 100, minSize: 1, sigma: 0 });
    expect(segmentation.count).toBe(2);
    for (const [label, side] of leftOf12(segmentation.labels)) expect(label).toBe(side);
  });

  it('after smoothing, also merges the columns the blur leaves between them, once minSize is more than a column', () => {
    // sigma 0.8 mixes the colours over four columns; each is a segment of 20 pixels until minSize exceeds it
    expect(segmentImage(twoColours(), { k: 100, minSize: 20, sigma: 0.8 }).count).toBeGreaterThan(2);
    const segmentation = segmentImage(twoColours(), { k: 100, minSize: 21, sigma: 0.8 });
    expect(segmentation.count).toBe(2);
    for (const [label, side] of leftOf12(segmentation.labels)) expect(label).toBe(side);
  });

  it('finds one segment in an image of one colour, and merges segments smaller than minSize', () => {
    expect(segmentImage(toColourSpace(blank(10, 10, [0.4, 0.4, 0.4]), 'rgb'), { k: 100, minSize: 1, sigma: 0.8 }).count).toBe(1);
    const dot = blank(10, 10, [0.1, 0.1, 0.1]);
    paint(dot, [4, 4, 6, 6], [0.9, 0.9, 0.9]);
    expect(segmentImage(toColourSpace(dot, 'rgb'), { k: 100, minSize: 1, sigma: 0 }).count).toBe(2);
    expect(segmentImage(toColourSpace(dot, 'rgb'), { k: 100, minSize: 5, sigma: 0 }).count).toBe(1);
  });
});
