// segments(...): SAM's prompted examples. Every prompt is valid for its
// object (foreground points on it, background points off it, padding
// labelled -1, a box near the object's, a coarse mask like its mask), the
// targets are the object's mask pooled to the mask size, the held-out
// examples take the four evaluated prompt kinds in turn, the arrays have
// the table's shapes, and a seed repeats the data.

import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataShapeOf } from '../../../core/train/data-shapes.js';
import { trainCountOf } from '../../../runtime/data/dataset.js';
import { loadData } from '../../../runtime/data/load-data.js';
import { encodeSamPrompt, MASK_LOGIT, NO_BOX, PromptError, promptKindOf } from '../../../runtime/data/sam-prompts.js';
import { classEmbedding, loadSegments, pooledMask, segmentExamples, type SegmentsOptions } from '../../../runtime/data/segments.js';

/** Whether two arrays hold the same numbers (faster than toEqual on large arrays). */
const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);

const options = (extra: Partial<SegmentsOptions> = {}): SegmentsOptions => ({ count: 300, size: 64, objects: 3, points: 4, maskSize: 32, textDim: 16, seed: 11, split: 0.8, ...extra });

describe('segments: the prompts', () => {
  const examples = [...segmentExamples(options())];

  it('points on the object are labelled 1, points off it 0', () => {
    let foreground = 0;
    let background = 0;
    for (const { object, prompt } of examples) {
      for (const [x, y, label] of prompt.points) {
        expect(Number.isInteger(x) && Number.isInteger(y) && x >= 0 && x < 64 && y >= 0 && y < 64).toBe(true);
        expect(object.mask[y * 64 + x]).toBe(label);
        if (label === 1) foreground++;
        else background++;
      }
    }
    expect(foreground).toBeGreaterThan(100);
    expect(background).toBeGreaterThan(20);
  });

  it('a box is the object’s, each side moved by at most 20 pixels, inside the image and not empty', () => {
    const boxes = examples.filter((e) => e.prompt.box);
    expect(boxes.length).toBeGreaterThan(50);
    let moved = 0;
    for (const { object, prompt } of boxes) {
      const box = prompt.box!;
      expect(box[0]).toBeLessThan(box[2]);
      expect(box[1]).toBeLessThan(box[3]);
      expect(Math.min(...box)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...box)).toBeLessThanOrEqual(64);
      for (let i = 0; i < 4; i++) expect(Math.abs(box[i]! - object.box[i]!)).toBeLessThanOrEqual(21);
      if (box.some((v, i) => v !== object.box[i])) moved++;
    }
    expect(moved).toBeGreaterThan(boxes.length / 2);
  });

  it('the target is the object’s mask pooled to 32x32, and a coarse mask overlaps it without being it', () => {
    let masks = 0;
    let exact = 0;
    for (const { object, target, prompt } of examples) {
      expect(same(target, pooledMask(object.mask, 64, 32))).toBe(true);
      expect(target.some((v) => v === 1)).toBe(true);
      if (!prompt.mask) continue;
      masks++;
      expect(prompt.mask.length).toBe(32 * 32);
      let both = 0;
      for (let p = 0; p < target.length; p++) if (target[p] && prompt.mask[p]) both++;
      expect(both).toBeGreaterThan(0);
      if (same(prompt.mask, target)) exact++;
    }
    expect(masks).toBeGreaterThan(40);
    expect(exact).toBeLessThan(masks / 10); // degraded, not the truth itself
  });

  it('pooling keeps a cell where at least half of its pixels are the object’s', () => {
    // a 4x4 mask with 2, 1, 4 and 0 pixels set in its 2x2 cells
    const mask = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
    expect(Array.from(pooledMask(mask, 4, 2))).toEqual([1, 0, 1, 0]);
  });

  it('the held-out examples take one point, a box, a point and a box, a mask in turn, without text', () => {
    const train = trainCountOf(300, 0.8);
    const kinds = examples.slice(train).map((e) => {
      const a = encodeSamPrompt(e.prompt, { points: 4, maskSize: 32, textDim: 16 });
      return promptKindOf(a.labels, a.boxes, a.mask, a.text);
    });
    expect(kinds.slice(0, 8)).toEqual(['point', 'box', 'point_box', 'mask', 'point', 'box', 'point_box', 'mask']);
    expect(kinds).toHaveLength(60);
    // training mixes every kind, text included
    const mixed = new Set(examples.slice(0, train).map((e) => e.kind));
    expect(mixed).toEqual(new Set(['point', 'points', 'box', 'point_box', 'mask', 'mask_points']));
    const texts = examples.slice(0, train).filter((e) => e.prompt.text);
    expect(texts.length).toBeGreaterThan(20);
    for (const e of texts) expect(Array.from(e.prompt.text!)).toEqual(Array.from(classEmbedding(e.object.kind, 16)));
  });
});

describe('segments: the arrays', () => {
  it('have the shapes of the data-shapes table, and one example reads back as its prompt', () => {
    const o = options({ count: 40, textDim: 64 });
    const raw = loadData({ name: 'segments', args: { count: 40, size: 64, objects: 3, points: 4 } }, { baseDir: tmpdir(), seed: 11 });
    const table = dataShapeOf('segments', { count: 40 })!;
    expect(raw.inputs.map((i) => [i.shape, i.dtype])).toEqual(table.inputs.map((i) => [i.shape, i.dtype]));
    expect(raw.target!.shape).toEqual([1, 32, 32]);
    expect(table.targets.kind === 'model' && table.targets.problem([1, 32, 32])).toBeUndefined();
    expect(table.targets.kind === 'model' && table.targets.problem([32, 32])).toMatch(/masks \[B, M, 32, 32\]/);
    const n = 5;
    const example = [...segmentExamples(o)][n]!;
    const labels = raw.inputs[2]!.values.subarray(n * 4, n * 4 + 4);
    const points = raw.inputs[1]!.values.subarray(n * 8, n * 8 + 8);
    const given = example.prompt.points.length;
    expect(Array.from(labels)).toEqual([...example.prompt.points.map((p) => p[2]), ...Array(4 - given).fill(-1)]);
    expect(Array.from(points.subarray(0, 2 * given))).toEqual(example.prompt.points.flatMap((p) => [p[0], p[1]]));
    expect(Array.from(raw.inputs[3]!.values.subarray(n * 4, n * 4 + 4))).toEqual(Array.from(example.prompt.box ?? NO_BOX));
    expect(same(raw.target!.values.subarray(n * 1024, (n + 1) * 1024), example.target)).toBe(true);
    const image = raw.inputs[0]!.values.subarray(n * 64 * 64 * 3, (n + 1) * 64 * 64 * 3);
    expect(same(image, example.scene.image)).toBe(true);
  });

  it('the same seed gives the same data, another seed other data', () => {
    const a = loadSegments(options({ count: 30 }));
    const b = loadSegments(options({ count: 30 }));
    const c = loadSegments(options({ count: 30, seed: 12 }));
    for (let i = 0; i < a.inputs.length; i++) expect(same(b.inputs[i]!.values, a.inputs[i]!.values)).toBe(true);
    expect(same(b.target!.values, a.target!.values)).toBe(true);
    expect(same(c.inputs[0]!.values, a.inputs[0]!.values)).toBe(false);
  });

  it('refuses a mask size that does not divide the image', () => {
    expect(() => loadSegments(options({ maskSize: 24 }))).toThrow(/mask_size 24 must divide size 64/);
  });
});

describe('encodeSamPrompt', () => {
  const layout = { points: 3, maskSize: 2, textDim: 2 };

  it('pads points with label -1, writes no box as -1s, a mask as logits, nothing as zeros', () => {
    const a = encodeSamPrompt({ points: [[5, 6, 1], [7, 8, 0]], mask: [1, 0, 0, 1] }, layout);
    expect(Array.from(a.points)).toEqual([5, 6, 7, 8, 0, 0]);
    expect(Array.from(a.labels)).toEqual([1, 0, -1]);
    expect(Array.from(a.boxes)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(a.mask)).toEqual([MASK_LOGIT, -MASK_LOGIT, -MASK_LOGIT, MASK_LOGIT]);
    expect(Array.from(a.text)).toEqual([0, 0]);
    expect(promptKindOf(a.labels, a.boxes, a.mask, a.text)).toBe('other');
    const box = encodeSamPrompt({ points: [], box: [1, 2, 9, 10] }, layout);
    expect(Array.from(box.boxes)).toEqual([1, 2, 9, 10]);
    expect(Array.from(box.mask)).toEqual([0, 0, 0, 0]);
    expect(promptKindOf(box.labels, box.boxes, box.mask, box.text)).toBe('box');
  });

  it('takes as many point slots as points when the layout leaves them open', () => {
    const a = encodeSamPrompt({ points: [[1, 2, 1]] }, { maskSize: 2, textDim: 2 });
    expect(Array.from(a.labels)).toEqual([1]);
    expect(promptKindOf(a.labels, a.boxes, a.mask, a.text)).toBe('point');
  });

  it('refuses what the model cannot take, in one line', () => {
    expect(() => encodeSamPrompt({ points: [[1, 1, 1], [2, 2, 1], [3, 3, 1], [4, 4, 1]] }, layout)).toThrow(PromptError);
    expect(() => encodeSamPrompt({ points: [[1, 1, 2]] }, layout)).toThrow(/label is 1 \(foreground\) or 0 \(background\), not 2/);
    expect(() => encodeSamPrompt({ points: [], box: [5, 5, 2, 9] }, layout)).toThrow(/x0 < x1/);
    expect(() => encodeSamPrompt({ points: [], mask: [1, 0] }, layout)).toThrow(/2x2, not 2 values/);
  });
});
