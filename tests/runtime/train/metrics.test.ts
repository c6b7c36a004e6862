// Metrics measured over batches, on tensors made by hand.

import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../runtime/train/metrics.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

function measure(name: string, batches: [number[], number[], number[], number[]][]): number {
  const m = METRICS[name]!(tf);
  for (const [target, targetShape, prediction, predictionShape] of batches) m.add(tf.tensor(target, targetShape), tf.tensor(prediction, predictionShape));
  return m.result();
}

describe('metrics', () => {
  it('accuracy counts right classes over every batch', () => {
    const p = [0.9, 0.1, 0.2, 0.8];
    expect(measure('accuracy', [[[0, 1], [2], p, [2, 2]], [[1, 1], [2], p, [2, 2]]])).toBeCloseTo(0.75);
  });

  it('sequence_accuracy counts whole sequences', () => {
    // two sequences of 2 tokens over 2 classes: the first right at both positions, the second at one
    const p = [0.9, 0.1, 0.2, 0.8, 0.9, 0.1, 0.9, 0.1];
    expect(measure('sequence_accuracy', [[[0, 1, 0, 1], [2, 2], p, [2, 2, 2]]])).toBeCloseTo(0.5);
  });

  it('iou of class masks is the mean over the classes present', () => {
    // 4 pixels, 2 classes: truth [0, 0, 1, 1], prediction [0, 1, 1, 1]
    const p = [0.9, 0.1, 0.2, 0.8, 0.1, 0.9, 0.3, 0.7];
    // class 0: 1 / 2; class 1: 2 / 3
    expect(measure('iou', [[[0, 0, 1, 1], [1, 4], p, [1, 4, 2]]])).toBeCloseTo((1 / 2 + 2 / 3) / 2);
  });

  it('iou of a binary mask is the foreground IoU', () => {
    expect(measure('iou', [[[1, 1, 0, 0], [1, 4], [0.9, 0.2, 0.7, 0.1], [1, 4]]])).toBeCloseTo(1 / 3);
  });
});
