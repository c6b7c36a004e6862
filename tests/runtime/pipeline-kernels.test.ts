// The pipeline steps' kernels on hand-made cases: nms (overlaps suppressed
// per class, the score threshold, the limit), decode_yolo against a grid
// worked out by hand, apply_deltas, crop_and_resize and selective_search.

import { describe, expect, it } from 'vitest';
import { applyDeltas, cropAndResize, decodeYolo, proposeRegions, suppressTensors } from '../../runtime/compile/kernels/detection.js';
import { boxIou } from '../../runtime/detection/nms.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

const values = (t: { dataSync(): ArrayLike<number> }) => Array.from(t.dataSync());

describe('nms', () => {
  const nms = (boxes: number[][], scores: number[][], o: { iou?: number; score?: number; max?: number } = {}) => {
    const [kept, keptScores, classes] = suppressTensors(tf, tf.tensor2d(boxes), tf.tensor2d(scores), { iou: o.iou ?? 0.5, score: o.score ?? 0, max: o.max ?? 100 });
    const k = kept.shape[0]!;
    return Array.from({ length: k }, (_, i) => ({ box: values(kept).slice(4 * i, 4 * i + 4), score: Math.round(values(keptScores)[i]! * 1000) / 1000, class: values(classes)[i]! }));
  };

  it('keeps the best of boxes that overlap by more than the threshold', () => {
    // A and B overlap with IoU 81/119 = 0.68; C is apart
    const kept = nms([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30]], [[0.6], [0.9], [0.3]]);
    expect(kept.map((d) => d.box)).toEqual([[1, 1, 11, 11], [20, 20, 30, 30]]);
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.3]);
  });

  it('keeps both when their overlap is at or below the threshold', () => {
    expect(boxIou([0, 0, 10, 10], [1, 1, 11, 11])).toBeCloseTo(81 / 119, 6);
    expect(nms([[0, 0, 10, 10], [1, 1, 11, 11]], [[0.6], [0.9]], { iou: 0.7 })).toHaveLength(2);
  });

  it('suppresses only within a class: each box takes its best class', () => {
    const kept = nms(
      [[0, 0, 10, 10], [1, 1, 11, 11], [0, 0, 10, 9]],
      [
        [0.9, 0.1], // class 0
        [0.2, 0.8], // class 1: overlaps the first, but another class
        [0.7, 0.0], // class 0, overlaps the first: suppressed
      ],
    );
    expect(kept.map((d) => [d.class, d.score])).toEqual([[0, 0.9], [1, 0.8]]);
  });

  it('drops boxes scoring below the threshold and keeps at most max', () => {
    const boxes = [[0, 0, 1, 1], [2, 2, 3, 3], [4, 4, 5, 5], [6, 6, 7, 7]];
    expect(nms(boxes, [[0.5], [0.2], [0.4], [0.1]], { score: 0.2 }).map((d) => d.score)).toEqual([0.5, 0.4, 0.2]);
    expect(nms(boxes, [[0.5], [0.2], [0.4], [0.1]], { max: 2 }).map((d) => d.score)).toEqual([0.5, 0.4]);
  });
});

describe('decode_yolo', () => {
  it('turns a 2 x 2 grid of one box and two classes into corners and scores, as worked out by hand', () => {
    // pred [1, 2, 2, 1*5 + 2]: per cell x, y, w, h, confidence, p(class 0), p(class 1)
    const cells = [
      [0.5, 0.5, 0.5, 0.5, 1.0, 0.2, 0.8], // row 0, col 0: centre (0.25, 0.25), size 0.5
      [0.0, 0.5, 0.2, 0.4, 0.5, 1.0, 0.0], // row 0, col 1: centre (0.5, 0.25)
      [1.0, 0.0, -0.3, 0.2, 0.0, 0.5, 0.5], // row 1, col 0: centre (0.5, 0.5), a negative width counts as 0
      [0.5, 0.5, 1.0, 1.0, 0.25, 0.5, 0.5], // row 1, col 1: centre (0.75, 0.75), the whole image
    ];
    const [boxes, scores] = decodeYolo(tf, tf.tensor4d(cells.flat(), [1, 2, 2, 7]), 1, 2);
    expect(boxes.shape).toEqual([1, 4, 4]);
    expect(scores.shape).toEqual([1, 4, 2]);
    const expected = [
      [0, 0, 0.5, 0.5],
      [0.4, 0.05, 0.6, 0.45],
      [0.5, 0.4, 0.5, 0.6],
      [0.25, 0.25, 1.25, 1.25],
    ];
    values(boxes).forEach((v, i) => expect(v).toBeCloseTo(expected.flat()[i]!, 5));
    values(scores).forEach((v, i) => expect(v).toBeCloseTo([0.2, 0.8, 0.5, 0, 0, 0, 0.125, 0.125][i]!, 5));
  });

  it('orders several boxes per cell box by box within the cell', () => {
    // one cell, K = 2: the second box's centre and confidence
    const pred = tf.tensor4d([0.5, 0.5, 0.2, 0.2, 0.9, 0.25, 0.75, 0.4, 0.4, 0.6, 1], [1, 1, 1, 11]);
    const [boxes, scores] = decodeYolo(tf, pred, 2, 1);
    values(boxes).forEach((v, i) => expect(v).toBeCloseTo([0.4, 0.4, 0.6, 0.6, 0.05, 0.55, 0.45, 0.95][i]!, 5));
    values(scores).forEach((v, i) => expect(v).toBeCloseTo([0.9, 0.6][i]!, 5));
  });
});

describe('apply_deltas', () => {
  it('moves the centre by the size times dx, dy and scales the size by e^dw, e^dh', () => {
    const boxes = tf.tensor2d([[10, 20, 30, 60], [0, 0, 4, 4]]); // centres (20, 40) and (2, 2); sizes 20 x 40 and 4 x 4
    const deltas = tf.tensor2d([[0.5, -0.25, Math.log(2), 0], [0, 0, 0, 0]]);
    // centre (20 + 10, 40 - 10) = (30, 30); size 40 x 40
    values(applyDeltas(tf, boxes, deltas)).forEach((v, i) => expect(v).toBeCloseTo([10, 10, 50, 50, 0, 0, 4, 4][i]!, 4));
  });
});

describe('crop_and_resize', () => {
  // a 4 x 4 grey image whose pixel (x, y) has the value 10 y + x
  const image = tf.tensor4d(Array.from({ length: 16 }, (_, p) => 10 * Math.floor(p / 4) + (p % 4)), [1, 4, 4, 1]);

  it('cuts a box out at the size of its pixels unchanged', () => {
    const crop = cropAndResize(tf, image, tf.tensor2d([[1, 2, 3, 4]]), [2, 2]); // columns 1..2, rows 2..3
    expect(crop.shape).toEqual([1, 2, 2, 1]);
    expect(values(crop)).toEqual([21, 22, 31, 32]);
  });

  it('samples the centres of the output grid: a 2 x 2 box shrunk to one pixel is their mean', () => {
    expect(values(cropAndResize(tf, image, tf.tensor2d([[0, 0, 2, 2]]), [1, 1]))[0]).toBeCloseTo(5.5, 5);
  });

  it('is black outside the image', () => {
    const crop = values(cropAndResize(tf, image, tf.tensor2d([[-4, 0, 4, 4]]), [1, 2])); // left half outside
    expect(crop[0]).toBe(0);
    expect(crop[1]).toBeGreaterThan(0);
  });
});

describe('selective_search', () => {
  it('proposes the box of a bright square on a dark image among exactly count boxes', () => {
    const pixels = new Float32Array(32 * 32 * 3).fill(0.05);
    for (let y = 8; y < 20; y++) for (let x = 10; x < 22; x++) pixels.fill(0.9, 3 * (y * 32 + x), 3 * (y * 32 + x) + 3);
    const boxes = proposeRegions(tf, tf.tensor4d(pixels, [1, 32, 32, 3]), 50);
    expect(boxes.shape).toEqual([50, 4]);
    const rows = Array.from({ length: 50 }, (_, i) => values(boxes).slice(4 * i, 4 * i + 4));
    expect(Math.max(...rows.map((b) => boxIou(b as [number, number, number, number], [10, 8, 22, 20])))).toBeGreaterThan(0.9);
  });

  it('repeats its proposals to fill the count when the image holds fewer regions', () => {
    const boxes = proposeRegions(tf, tf.tensor4d(new Float32Array(8 * 8 * 3).fill(0.5), [1, 8, 8, 3]), 5);
    expect(boxes.shape).toEqual([5, 4]);
    const rows = Array.from({ length: 5 }, (_, i) => values(boxes).slice(4 * i, 4 * i + 4).join(','));
    expect(rows).toContain('0,0,8,8');
    expect(new Set(rows).size).toBeLessThan(5);
  });
});
