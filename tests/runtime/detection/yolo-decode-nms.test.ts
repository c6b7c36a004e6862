// The YOLO grid decoded into boxes, and non-maximum suppression, on
// hand-made grids and boxes whose answers are worked out by hand.

import { describe, expect, it } from 'vitest';
import { boxIou, nonMaxSuppression } from '../../../runtime/detection/nms.js';
import { type Box, decodeYolo, decodeYoloTruth } from '../../../runtime/detection/yolo-decode.js';

/** A grid [S, S, K*5 + C] of zeros with the given cells set: `cells[row][col]` is the cell's values. */
function grid(s: number, depth: number, cells: Record<string, number[]>): Float32Array {
  const values = new Float32Array(s * s * depth);
  for (const [at, v] of Object.entries(cells)) {
    const [row, col] = at.split(',').map(Number) as [number, number];
    values.set(v, (row * s + col) * depth);
  }
  return values;
}

const close = (a: Box, b: Box) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));

describe('decodeYolo', () => {
  // S = 2, K = 2, C = 3: depth 13. Cell (row 1, col 0): its first box centred in the cell, half the image wide and a quarter high,
  // confidence 0.8; its second box at the cell's top-left corner with no size, confidence 0.5; classes 0.1, 0.7, 0.2.
  const values = grid(2, 13, { '1,0': [0.5, 0.5, 0.5, 0.25, 0.8, 0, 0, 0, 0, 0.5, 0.1, 0.7, 0.2] });
  const { boxes, scores } = decodeYolo({ values, cells: 2, boxes: 2, classes: 3 });

  it('gives S*S*K boxes in order of row, column, box', () => {
    expect(boxes).toHaveLength(8);
    expect(scores).toHaveLength(8);
    // row 1, col 0 is the third cell: boxes 4 and 5
    close(boxes[4]!, [0.25 - 0.25, 0.75 - 0.125, 0.25 + 0.25, 0.75 + 0.125]);
    close(boxes[5]!, [0, 0.5, 0, 0.5]);
  });

  it('scores each box per class: its confidence times the class probability', () => {
    scores[4]!.forEach((v, c) => expect(v).toBeCloseTo([0.08, 0.56, 0.16][c]!, 6));
    scores[5]!.forEach((v, c) => expect(v).toBeCloseTo([0.05, 0.35, 0.1][c]!, 6));
    expect(scores[0]).toEqual([0, 0, 0]);
  });

  it('reads an example further into the array by its offset', () => {
    const two = new Float32Array(2 * 52);
    two.set(values, 52);
    expect(decodeYolo({ values: two, cells: 2, boxes: 2, classes: 3, offset: 52 }).boxes[4]).toEqual(boxes[4]);
  });

  it('takes negative sizes as none', () => {
    const neg = grid(1, 8, { '0,0': [0.5, 0.5, -0.2, 0.4, 1, 1, 0, 0] });
    close(decodeYolo({ values: neg, cells: 1, boxes: 1, classes: 3 }).boxes[0]!, [0.5, 0.3, 0.5, 0.7]);
  });
});

describe('decodeYoloTruth', () => {
  it('gives the boxes of the cells whose object flag is set, with the one-hot class', () => {
    // S = 2, C = 3: depth 8. An object in cell (0, 1) of class 2, none elsewhere (a cell with a class but no flag is not one)
    const truth = grid(2, 8, { '0,1': [0.5, 0.5, 0.5, 0.5, 1, 0, 0, 1], '1,1': [0.5, 0.5, 0.2, 0.2, 0, 1, 0, 0] });
    const found = decodeYoloTruth(truth, 2, 3);
    expect(found).toHaveLength(1);
    expect(found[0]!.classId).toBe(2);
    close(found[0]!.box, [0.5, 0, 1, 0.5]);
  });
});

describe('nonMaxSuppression', () => {
  const a: Box = [0, 0, 0.4, 0.4];
  const b: Box = [0.05, 0.05, 0.45, 0.45]; // IoU with a: 0.35^2 / (2 * 0.16 - 0.1225) = 0.62
  const c: Box = [0.6, 0.6, 0.9, 0.9];

  it('computes IoU by hand', () => {
    expect(boxIou(a, b)).toBeCloseTo(0.1225 / 0.1975, 6);
    expect(boxIou(a, c)).toBe(0);
    expect(boxIou(a, a)).toBe(1);
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });

  it('keeps the best of overlapping boxes of a class, highest score first', () => {
    const kept = nonMaxSuppression([a, b, c], [0.6, 0.9, 0.3]);
    expect(kept.map((d) => [d.box, d.score])).toEqual([
      [b, 0.9],
      [c, 0.3],
    ]);
  });

  it('keeps overlapping boxes of different classes; each box takes its best class', () => {
    const kept = nonMaxSuppression([a, b], [
      [0.6, 0.1],
      [0.2, 0.9],
    ]);
    expect(kept.map((d) => [d.classId, d.score])).toEqual([
      [1, 0.9],
      [0, 0.6],
    ]);
  });

  it('drops boxes below the score, keeps overlaps up to the IoU threshold, and at most max', () => {
    expect(nonMaxSuppression([a, b, c], [0.6, 0.9, 0.3], { score: 0.5 }).map((d) => d.score)).toEqual([0.9]);
    expect(nonMaxSuppression([a, b, c], [0.6, 0.9, 0.3], { iou: 0.7 }).map((d) => d.score)).toEqual([0.9, 0.6, 0.3]);
    expect(nonMaxSuppression([a, b, c], [0.6, 0.9, 0.3], { iou: 0.7, max: 2 }).map((d) => d.score)).toEqual([0.9, 0.6]);
    expect(nonMaxSuppression([a, c], [NaN, 0.3]).map((d) => d.box)).toEqual([c]);
  });

  it('decodes and suppresses a grid where two cells see one object', () => {
    // S = 2, K = 1, C = 1 (depth 6): cells (0, 0) and (0, 1) both predict a box around the image's top middle
    const values = grid(2, 6, { '0,0': [0.9, 0.5, 0.4, 0.4, 0.7, 1], '0,1': [0.1, 0.5, 0.4, 0.4, 0.9, 1], '1,1': [0.5, 0.5, 0.2, 0.2, 0.6, 1] });
    const { boxes, scores } = decodeYolo({ values, cells: 2, boxes: 1, classes: 1 });
    const kept = nonMaxSuppression(boxes, scores, { score: 0.2 });
    // the two boxes of the top cells overlap by 0.12 / 0.2 = 0.6: the less confident one goes
    expect(kept).toHaveLength(2);
    expect(kept[0]!.score).toBeCloseTo(0.9, 6);
    expect(kept[1]!.score).toBeCloseTo(0.6, 6);
    close(kept[0]!.box, [0.55 - 0.2, 0.05, 0.55 + 0.2, 0.45]);
  });
});
