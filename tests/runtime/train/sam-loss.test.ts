// SAM's loss as examples/sam.nn writes it (SAMLoss), compiled and run on
// hand-made logits, IoU predictions and masks, against the paper's terms
// computed here directly: focal loss, dice loss, the minimum over the mask
// axis, and the squared error of the IoU head against the true IoU.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { compileGraph } from '../../../runtime/compile/compile-graph.js';
import type { Tensor } from '../../../runtime/tf-types.js';
import { trace } from '../../../runtime/train/trace-model.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const SAM = join(import.meta.dirname, '../../../examples/sam.nn');

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The paper's terms for one mask (logits) and its truth: focal (alpha 0.25, gamma 2, mean over pixels), dice, and the IoU of logits > 0. */
function terms(logits: number[], truth: number[]): { focal: number; dice: number; iou: number } {
  let focal = 0;
  let overlap = 0;
  let p = 0;
  let t = 0;
  let inter = 0;
  let union = 0;
  logits.forEach((x, i) => {
    const y = truth[i]!;
    const q = sigmoid(x);
    const pt = y === 1 ? q : 1 - q;
    const alpha = y === 1 ? 0.25 : 0.75;
    focal += -alpha * (1 - pt) ** 2 * Math.log(pt);
    overlap += q * y;
    p += q;
    t += y;
    inter += x > 0 && y === 1 ? 1 : 0;
    union += x > 0 || y === 1 ? 1 : 0;
  });
  return { focal: focal / logits.length, dice: 1 - (2 * overlap + 1) / (p + t + 1), iou: union > 0 ? inter / union : 0 };
}

function samLoss(masks: number[][][], ious: number[][], truths: number[][]): number {
  // per example: the mask with the lowest 20 focal + dice, plus its IoU prediction's squared error
  const perExample = masks.map((ms, n) => {
    const losses = ms.map((m) => {
      const { focal, dice, iou } = terms(m, truths[n]!);
      return { mask: 20 * focal + dice, iou };
    });
    const best = losses.reduce((b, l, i) => (l.mask < losses[b]!.mask ? i : b), 0);
    return losses[best]!.mask + (ious[n]![best]! - losses[best]!.iou) ** 2;
  });
  return perExample.reduce((a, b) => a + b, 0) / perExample.length;
}

function compiledLoss(m: number, side: number): (masks: Tensor, iou: Tensor, truth: Tensor) => number {
  const graph = trace({ file: SAM, host: nodeHost }, 'SAMLoss', [[m, side, side], [m], [1, side, side]]);
  const model = compileGraph(tf, graph, { seed: 1 });
  return (masks, iou, truth) => tf.tidy(() => (model.apply([masks, iou, truth]) as Tensor).dataSync()[0]!);
}

describe('SAMLoss', () => {
  // two examples, two masks each, 2x2 pixels
  const masks = [
    [
      [3, -2, 0.5, -4],
      [-1, 1, 2, -3],
    ],
    [
      [-0.5, 2.5, -3, 1.5],
      [4, 4, -4, -4],
    ],
  ];
  const ious = [
    [0.6, 0.2],
    [0.9, 0.1],
  ];
  const truths = [
    [1, 0, 1, 0],
    [0, 1, 0, 1],
  ];

  it('is focal x 20 + dice of the best mask plus the IoU head’s squared error, as the paper defines them', () => {
    const loss = compiledLoss(2, 2);
    const got = loss(tf.tensor(masks.flat(2), [2, 2, 2, 2]), tf.tensor(ious.flat(), [2, 2]), tf.tensor(truths.flat(), [2, 1, 2, 2]));
    expect(got).toBeCloseTo(samLoss(masks, ious, truths), 5);
  });

  it('takes the minimum over the mask axis: a worse second mask changes nothing, a better one takes over', () => {
    const loss = compiledLoss(2, 2);
    const run = (ms: number[][][], is = ious) => loss(tf.tensor(ms.flat(2), [2, 2, 2, 2]), tf.tensor(is.flat(), [2, 2]), tf.tensor(truths.flat(), [2, 1, 2, 2]));
    const worse = masks.map(([a]) => [a!, a!.map((x) => -x)]);
    const alone = samLoss(
      masks.map(([a]) => [a!]),
      ious.map(([a]) => [a!]),
      truths,
    );
    expect(run(worse)).toBeCloseTo(alone, 5);
    // a perfect second mask whose IoU is predicted right
    const perfect = masks.map(([a], n) => [a!, truths[n]!.map((y) => (y ? 9 : -9))]);
    const sure = ious.map(([a]) => [a!, 1]);
    expect(run(perfect, sure)).toBeCloseTo(samLoss(perfect, sure, truths), 5);
    expect(run(perfect, sure)).toBeLessThan(0.01);
    expect(alone).toBeGreaterThan(0.1);
  });

  it('with one mask: a perfect mask and a right IoU cost almost nothing, the same mask with a wrong IoU costs its square', () => {
    const loss = compiledLoss(1, 2);
    const perfect = truths.map((t) => [t.map((y) => (y ? 12 : -12))]);
    const truth = tf.tensor(truths.flat(), [2, 1, 2, 2]);
    const right = loss(tf.tensor(perfect.flat(2), [2, 1, 2, 2]), tf.tensor([1, 1], [2, 1]), truth);
    const wrong = loss(tf.tensor(perfect.flat(2), [2, 1, 2, 2]), tf.tensor([0.5, 0.5], [2, 1]), truth);
    // dice's +1 smoothing leaves 1 - 5/5 = 0; focal is about e^-12 per pixel
    expect(right).toBeLessThan(1e-3);
    expect(wrong - right).toBeCloseTo(0.25, 4);
  });
});
