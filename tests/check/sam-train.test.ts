// nn check on SAM's train blocks: segments gives six inputs (image, points,
// labels, boxes, mask, text) and a mask target, and a loss may take all of
// a model's outputs; a model or loss that does not fit is a diagnostic at
// its place, not a failure once training starts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check-source.js';

const SAM = readFileSync(join(import.meta.dirname, '../../examples/sam.nn'), 'utf8');

/** A tiny promptable segmenter with SAM's inputs and outputs; `inputs` replaces its input lines. */
function segmenter(o: { inputs?: string; output?: string; loss?: string; data?: string } = {}): string {
  const inputs =
    o.inputs ??
    `  input image: [B, 64, 64, 3]
  input points: [B, N, 2]
  input labels: [B, N] int
  input boxes: [B, 4]
  input mask: [B, 32, 32, 1]
  input text: [B, 1, 64]`;
  return `
loss TwoPart {
  input masks: [N, M, H, W]
  input iou: [N, M]
  input truth: [N, 1, H, W]
  output mean(sq(masks - truth)) + mean(sq(iou))
}

loss ThreeOnOne {
  input a: [N, M, H, W]
  input b: [N, M]
  input c: [N, 1, H, W]
  input d: [N]
  output mean(a)
}

model Seg {
${inputs}
  let f = image -> Conv2D(4, 2, stride: 2)                     // [B, 32, 32, 4]
  let m = (f -> Conv2D(1, 1)) + mask                           // [B, 32, 32, 1]
  output masks = ${o.output ?? 'transpose(m, [0, 3, 1, 2])'}
  output iou = mean(m, axis: [1, 2])                           // [B, 1]
}

train Seg on ${o.data ?? 'segments(count: 100, size: 64, points: 4)'} {
  loss: ${o.loss ?? 'TwoPart'}
  optimizer: Adam(lr: 0.001)
  epochs: 1
  metrics: [mask_iou]
}
`;
}

const errors = (source: string) => check(source).filter((d) => d.severity === 'error');

describe('SAM train blocks in nn check', () => {
  it('the bundled SAMSmall block checks clean, with SAM loss over all its outputs', () => {
    expect(errors(SAM)).toEqual([]);
  });

  it('a segmenter that fits segments checks clean', () => {
    expect(errors(segmenter())).toEqual([]);
  });

  it('a model without the points input is NN4009 at the data', () => {
    const source = segmenter({
      inputs: `  input image: [B, 64, 64, 3]
  input labels: [B, N] int
  input boxes: [B, 4]
  input mask: [B, 32, 32, 1]
  input text: [B, 1, 64]`,
    });
    const found = errors(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'NN4009', at: 'segments(count: 100, size: 64, points: 4)' });
    expect(found[0]!.message).toMatch(/^segments gives 6 inputs per example \(image \[64, 64, 3\], points \[4, 2\], labels \[4\], boxes \[4\], mask \[32, 32, 1\], text \[1, 64\]\), but Seg takes 5 \(image, labels, boxes, mask, text\)/);
  });

  it('a mask prompt of another size is NN4006 at the data, saying what segments gives', () => {
    const source = segmenter({ data: 'segments(count: 100, size: 64, points: 4, mask_size: 16)' });
    const found = errors(source).map((d) => `${d.code} "${d.at}": ${d.message}`);
    expect(found).toEqual([expect.stringMatching(/^NN4006 "segments\(count: 100, size: 64, points: 4, mask_size: 16\)": segments gives mask prompts \[16, 16, 1\] \(logits; zeros: none\), but Seg's input mask is \[B, 32, 32, 1\]/)]);
  });

  it('a first output that is not masks [B, M, 32, 32] is NN4006 at the data', () => {
    // (the loss, which wants masks then one IoU per mask, does not fit it either)
    const found = errors(segmenter({ output: 'm' }));
    expect(found.map((d) => [d.code, d.at])).toEqual([
      ['NN4006', 'segments(count: 100, size: 64, points: 4)'],
      ['NN4006', 'TwoPart'],
    ]);
    expect(found[0]!.message).toMatch(/segments gives one mask \[1, 32, 32\] per example as the target, so the model's first output must be masks \[B, M, 32, 32\], but it is \[B, 32, 32, 1\]/);
  });

  it('a loss whose inputs are neither the first output and the targets nor all outputs and the targets is NN4006 at the loss', () => {
    const found = errors(segmenter({ loss: 'ThreeOnOne' }));
    expect(found.map((d) => [d.code, d.at])).toEqual([['NN4006', 'ThreeOnOne']]);
    expect(found[0]!.message).toMatch(/the loss ThreeOnOne takes 4 inputs, but a loss takes the model's first output and the targets \(2 inputs\) or all of Seg's 2 outputs \(masks, iou\) and the targets \(3 inputs\)/);
  });

  it('a loss over all outputs whose shapes disagree with them is NN4006 at the loss', () => {
    // the IoU output gives one number per example where the loss wants one per mask of 2
    const source = segmenter({ output: 'concat([transpose(m, [0, 3, 1, 2]), transpose(m, [0, 3, 1, 2])], axis: 1)' });
    const found = errors(source);
    expect(found.map((d) => [d.code, d.at])).toEqual([['NN4006', 'TwoPart']]);
    expect(found[0]!.message).toBe('the loss TwoPart takes predictions [N, M, H, W], [N, M], but Seg outputs [B, 2, 32, 32], [B, 1]');
  });
});
