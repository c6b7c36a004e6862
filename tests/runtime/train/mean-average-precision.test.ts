// mAP at IoU 0.5 on YOLOv1 grids built by hand.

import { describe, expect, it } from 'vitest';
import { averagePrecision, MeanAveragePrecision } from '../../../runtime/train/mean-average-precision.js';

const S = 2;
const K = 2;
const C = 3;

/** A truth grid [1, S, S, 5 + C] with objects at (row, col, x, y, w, h, class). */
function truth(objects: [number, number, number, number, number, number, number][]): Float32Array {
  const t = new Float32Array(S * S * (5 + C));
  for (const [row, col, x, y, w, h, c] of objects) {
    const at = (row * S + col) * (5 + C);
    t.set([x, y, w, h, 1], at);
    t[at + 5 + c] = 1;
  }
  return t;
}

/** A prediction grid [1, S, S, K*5 + C]: per cell, boxes (x, y, w, h, confidence) and class probabilities. */
function prediction(cells: { row: number; col: number; boxes: [number, number, number, number, number][]; probs: number[] }[]): Float32Array {
  const p = new Float32Array(S * S * (K * 5 + C));
  for (const { row, col, boxes, probs } of cells) {
    const at = (row * S + col) * (K * 5 + C);
    boxes.forEach((b, k) => p.set(b, at + k * 5));
    p.set(probs, at + K * 5);
  }
  return p;
}

function map(pred: Float32Array, t: Float32Array): number {
  const m = new MeanAveragePrecision();
  m.add(pred, t, 1, S, K * 5 + C, 5 + C);
  return m.result();
}

describe('mean average precision', () => {
  const objects = truth([
    [0, 0, 0.5, 0.5, 0.3, 0.3, 0],
    [1, 1, 0.4, 0.6, 0.2, 0.4, 2],
  ]);

  it('is 1 for boxes found exactly with the right classes', () => {
    const p = prediction([
      { row: 0, col: 0, boxes: [[0.5, 0.5, 0.3, 0.3, 0.9]], probs: [0.9, 0.05, 0.05] },
      { row: 1, col: 1, boxes: [[0.4, 0.6, 0.2, 0.4, 0.8]], probs: [0.1, 0.1, 0.8] },
    ]);
    expect(map(p, objects)).toBeCloseTo(1);
  });

  it('is 0 when the boxes are in the wrong place (IoU below 0.5)', () => {
    const p = prediction([
      { row: 0, col: 1, boxes: [[0.5, 0.5, 0.3, 0.3, 0.9]], probs: [0.9, 0.05, 0.05] },
      { row: 1, col: 0, boxes: [[0.4, 0.6, 0.2, 0.4, 0.8]], probs: [0.1, 0.1, 0.8] },
    ]);
    expect(map(p, objects)).toBe(0);
  });

  it('counts a duplicate box once (non-maximum suppression)', () => {
    const p = prediction([
      { row: 0, col: 0, boxes: [[0.5, 0.5, 0.3, 0.3, 0.9], [0.51, 0.5, 0.3, 0.3, 0.7]], probs: [1, 0, 0] },
      { row: 1, col: 1, boxes: [[0.4, 0.6, 0.2, 0.4, 0.8]], probs: [0, 0, 1] },
    ]);
    expect(map(p, objects)).toBeCloseTo(1);
  });

  it('averages over the classes: one class found, one missed, is 0.5', () => {
    const p = prediction([{ row: 0, col: 0, boxes: [[0.5, 0.5, 0.3, 0.3, 0.9]], probs: [1, 0, 0] }]);
    expect(map(p, objects)).toBeCloseTo(0.5);
  });

  it('average precision: a false positive ranked first halves the precision at full recall', () => {
    const truths = [{ image: 0, box: [0, 0, 0.5, 0.5] as [number, number, number, number] }];
    const detections = [
      { image: 0, box: [0.6, 0.6, 0.9, 0.9] as [number, number, number, number], score: 0.9 },
      { image: 0, box: [0, 0, 0.5, 0.5] as [number, number, number, number], score: 0.8 },
    ];
    expect(averagePrecision(detections, truths)).toBeCloseTo(0.5);
  });
});
