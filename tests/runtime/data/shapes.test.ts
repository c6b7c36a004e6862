// shapes(count, size, objects): the scenes (shapes, boxes, masks, never
// overlapping), the target each model output calls for, and the YOLO
// target fed to examples/yolo.nn's YoloV1Loss: a prediction that matches
// it costs nothing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceModel } from '../../../core/graph/trace.js';
import { compileGraph } from '../../../runtime/compile/compile-graph.js';
import { DataError } from '../../../runtime/data/dataset.js';
import { type Box, cellOf, inside, loadShapes, SHAPE_KINDS, type ShapesTarget, shapesTarget, shapeScenes } from '../../../runtime/data/shapes.js';
import type { Tensor } from '../../../runtime/tf-types.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const EXAMPLES = join(import.meta.dirname, '../../../examples');

const options = (target: ShapesTarget, extra: Partial<{ count: number; size: number; objects: number; seed: number }> = {}) => ({ count: 40, size: 32, objects: 3, seed: 7, target, split: 0.8, ...extra });
const scenes = (target: ShapesTarget, extra = {}) => [...shapeScenes(options(target, extra))];
const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('the scenes', () => {
  it('hold 1..objects shapes of the three kinds, inside the image, never overlapping', () => {
    const all = scenes({ kind: 'none' }, { count: 200, size: 64 });
    const counts = new Set(all.map((s) => s.objects.length));
    expect([...counts].sort()).toEqual([1, 2, 3]);
    expect(new Set(all.flatMap((s) => s.objects.map((o) => o.kind)))).toEqual(new Set([0, 1, 2]));
    for (const { objects } of all) {
      for (const o of objects) expect(o.box[0] >= 0 && o.box[1] >= 0 && o.box[2] <= 64 && o.box[3] <= 64).toBe(true);
      for (let i = 0; i < objects.length; i++) for (let j = i + 1; j < objects.length; j++) expect(overlap(objects[i]!.box, objects[j]!.box)).toBe(false);
    }
  });

  it('paint each shape where its mask is, brighter than the dark background', () => {
    for (const { image, objects } of scenes({ kind: 'none' }, { count: 20 })) {
      const covered = new Uint8Array(32 * 32);
      for (const o of objects) o.mask.forEach((m, p) => (covered[p] ||= m));
      for (let p = 0; p < 32 * 32; p++) {
        const brightest = Math.max(image[3 * p]!, image[3 * p + 1]!, image[3 * p + 2]!);
        if (covered[p]) expect(brightest).toBeGreaterThanOrEqual(0.5);
        else expect(brightest).toBeLessThan(0.15);
      }
    }
  });

  it('give masks of the areas the kinds have: a square side², a circle π r², a triangle side²/2', () => {
    const box: Box = [0, 0, 20, 20];
    const area = (kind: number) => Array.from({ length: 400 }, (_, p) => inside(kind, box, (p % 20) + 0.5, Math.floor(p / 20) + 0.5)).filter(Boolean).length;
    expect(area(0)).toBe(400);
    expect(Math.abs(area(1) - Math.PI * 100)).toBeLessThan(12);
    expect(Math.abs(area(2) - 200)).toBeLessThan(12);
    for (const { objects } of scenes({ kind: 'none' }, { count: 30 })) {
      for (const o of objects) {
        const side = o.box[2] - o.box[0];
        const pixels = o.mask.reduce((a, b) => a + b, 0);
        const expected = [side * side, (Math.PI * side * side) / 4, (side * side) / 2][o.kind]!;
        expect(Math.abs(pixels - expected) / expected).toBeLessThan(0.3);
      }
    }
  });

  it('are the same for the same seed, and differ for another', () => {
    const a = loadShapes(options({ kind: 'class', background: false }, { objects: 1 }));
    const b = loadShapes(options({ kind: 'class', background: false }, { objects: 1 }));
    const c = loadShapes(options({ kind: 'class', background: false }, { objects: 1, seed: 8 }));
    expect(b.inputs[0]!.values).toEqual(a.inputs[0]!.values);
    expect(b.target!.values).toEqual(a.target!.values);
    expect(c.inputs[0]!.values).not.toEqual(a.inputs[0]!.values);
  });
});

describe('the target the model output calls for', () => {
  const o = { size: 64, objects: 3 };
  it.each([
    ['no model (a GAN)', undefined, o, { kind: 'none' }],
    ['[B, 3]: a class id', [3], { size: 32, objects: 1 }, { kind: 'class', background: false }],
    ['[B, 4]: with background', [4], { size: 32, objects: 1 }, { kind: 'class', background: true }],
    ['[B, 4, 4, 13]: a YOLO grid', [4, 4, 13], o, { kind: 'grid', cells: 4 }],
    ['[B, 7, 7, 8]: one box per cell', [7, 7, 8], o, { kind: 'grid', cells: 7 }],
    ['[B, 64, 64, 4]: a class per pixel', [64, 64, 4], o, { kind: 'mask' }],
  ] as const)('%s', (_, output, opts, target) => {
    expect(shapesTarget(output ? [...output] : undefined, opts)).toEqual(target);
  });

  it('refuses outputs it has no target for, saying which it has', () => {
    expect(() => shapesTarget([10], o)).toThrow(DataError);
    expect(() => shapesTarget([10], o)).toThrow('shapes cannot give targets for a model output of [B, 10]. It gives: a class id for [B, 3] or [B, 4] (background first); a YOLO grid for [B, S, S, K*5 + 3]; a class per pixel for [B, 64, 64, 4]');
    expect(() => shapesTarget([4, 4, 12], o)).toThrow('a model output of [B, 4, 4, 12]');
    expect(() => shapesTarget([3], o)).toThrow('shapes: a classifier (output [B, 3]) takes one shape per image, so shapes(objects: 1), not objects: 3');
  });
});

describe('loadShapes', () => {
  it('class ids: one shape per image, its kind', () => {
    const raw = loadShapes(options({ kind: 'class', background: false }, { objects: 1 }));
    expect(raw.inputs[0]!.shape).toEqual([32, 32, 3]);
    expect(raw.inputs[0]!.values.length).toBe(40 * 32 * 32 * 3);
    expect(raw.target!.shape).toEqual([]);
    expect(raw).toMatchObject({ count: 40, classes: 3, classNames: ['square', 'circle', 'triangle'], split: 0.8 });
    const kinds = scenes({ kind: 'class', background: false }, { objects: 1 }).map((s) => s.objects[0]!.kind);
    expect(Array.from(raw.target!.values)).toEqual(kinds);
    expect(raw.description).toBe('shapes: 40 images of 32x32 with one shape (square, circle, triangle), class ids');
  });

  it('class ids with background: a quarter of the images empty (0), a shape of kind k is k + 1', () => {
    const target: ShapesTarget = { kind: 'class', background: true };
    const raw = loadShapes(options(target, { objects: 1, count: 400 }));
    expect(raw.classNames).toEqual(['background', ...SHAPE_KINDS]);
    const all = scenes(target, { objects: 1, count: 400 });
    all.forEach((s, n) => expect(raw.target!.values[n]).toBe(s.objects.length === 0 ? 0 : s.objects[0]!.kind + 1));
    const empty = all.filter((s) => s.objects.length === 0).length;
    expect(empty).toBeGreaterThan(60);
    expect(empty).toBeLessThan(140);
  });

  it('a YOLO grid [S, S, 5 + 3]: x, y within the centre cell, w, h over the image, 1, the class one-hot; no two centres in a cell', () => {
    const target: ShapesTarget = { kind: 'grid', cells: 4 };
    const raw = loadShapes(options(target, { size: 64, count: 60 }));
    expect(raw.target!.shape).toEqual([4, 4, 8]);
    expect(raw.target!.dtype).toBe('float32');
    expect(raw.classes).toBeUndefined();
    expect(raw.description).toBe('shapes: 60 images of 64x64 with 1-3 shapes (square, circle, triangle), YOLO targets on a 4x4 grid');
    scenes(target, { size: 64, count: 60 }).forEach((scene, n) => {
      const grid = raw.target!.values.subarray(n * 128, (n + 1) * 128);
      const occupied = new Set(scene.objects.map((o) => cellOf(o.box, 64, 4).join()));
      expect(occupied.size).toBe(scene.objects.length);
      for (let cell = 0; cell < 16; cell++) {
        const v = Array.from(grid.subarray(cell * 8, cell * 8 + 8));
        const object = scene.objects.find((o) => cellOf(o.box, 64, 4).join() === [Math.floor(cell / 4), cell % 4].join());
        if (!object) {
          expect(v).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
          continue;
        }
        const [x1, y1, x2, y2] = object.box;
        const oneHot = [0, 0, 0];
        oneHot[object.kind] = 1;
        const expected = [((x1 + x2) / 2 / 64) * 4 - (cell % 4), ((y1 + y2) / 2 / 64) * 4 - Math.floor(cell / 4), (x2 - x1) / 64, (y2 - y1) / 64, 1, ...oneHot];
        v.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
        expect(v[0]! >= 0 && v[0]! < 1 && v[1]! >= 0 && v[1]! < 1).toBe(true);
      }
    });
  });

  it('a class per pixel: 0 background, a shape kind + 1 where its mask is', () => {
    const raw = loadShapes(options({ kind: 'mask' }, { count: 10 }));
    expect(raw.target!.shape).toEqual([32, 32]);
    expect(raw).toMatchObject({ classes: 4, classNames: ['background', 'square', 'circle', 'triangle'] });
    scenes({ kind: 'mask' }, { count: 10 }).forEach((scene, n) => {
      const expected = new Int32Array(32 * 32);
      for (const o of scene.objects) o.mask.forEach((m, p) => m && (expected[p] = o.kind + 1));
      expect(raw.target!.values.subarray(n * 1024, (n + 1) * 1024)).toEqual(expected);
    });
  });

  it('images only, all for training, when no model says what targets to give (a GAN)', () => {
    const raw = loadShapes(options({ kind: 'none' }));
    expect(raw.target).toBeUndefined();
    expect(raw.split).toBe(1);
  });
});

describe("the YOLO target is what examples/yolo.nn's YoloV1Loss takes as its truth", () => {
  it('a prediction that matches it costs nothing; one that misses costs more', () => {
    const [S, K, C] = [4, 2, 3];
    const loss = compileGraph(tf, yoloLoss(S, K, C), { seed: 1 });
    const raw = loadShapes(options({ kind: 'grid', cells: S }, { size: 64, count: 8 }));
    const truth = raw.target!.values as Float32Array;
    const perfect = predictionFrom(truth, K, C);
    const cost = (pred: Float32Array) =>
      tf.tidy(() => (loss.apply([tf.tensor(pred, [8, S, S, K * 5 + C]), tf.tensor(truth, [8, S, S, 5 + C])]) as Tensor).dataSync()[0]!);
    expect(cost(perfect)).toBeCloseTo(0, 4);
    const shifted = perfect.map((v, i) => (i % (K * 5 + C) === 0 ? v * 0.5 : v));
    expect(cost(shifted)).toBeGreaterThan(0.01);
    loss.dispose();
  });
});

/**
 * YoloV1Loss of examples/yolo.nn, traced for S, K, C. Its last line
 * divides by the batch N, which the compiler cannot yet take from the
 * data, so the loss is traced without that division: the sum over the
 * batch, zero exactly when the mean is.
 */
function yoloLoss(S: number, K: number, C: number) {
  const text = readFileSync(join(EXAMPLES, 'yolo.nn'), 'utf8');
  const definition = /^loss YoloV1Loss[\s\S]*?^}/m.exec(text)![0].replace(/\) \/ N\s*(\/\/.*)?$/m, ')');
  expect(definition).toContain('output (centre + size + object_conf + background_conf + classes)\n');
  const host = memoryHost({ '/yolo-loss.nn': definition });
  const traced = traceModel('/yolo-loss.nn', host, {
    model: 'YoloV1Loss',
    overrides: { S: { kind: 'int', value: S }, K: { kind: 'int', value: K }, C: { kind: 'int', value: C } },
    inputShapes: [
      [S, S, K * 5 + C],
      [S, S, 5 + C],
    ],
  });
  if (!traced.ok) throw new Error(`${traced.message}: ${traced.diagnostics.map((d) => d.message).join('; ')}`);
  return traced.graph;
}

/** Per cell: box 1 = the truth's box with confidence 1 where there is an object, box 2 empty, then the class one-hot. */
function predictionFrom(truth: Float32Array, K: number, C: number): Float32Array {
  const depth = K * 5 + C;
  const out = new Float32Array((truth.length / (5 + C)) * depth);
  for (let c = 0; c < truth.length / (5 + C); c++) {
    const t = truth.subarray(c * (5 + C), (c + 1) * (5 + C));
    const at = c * depth;
    out.set(t.subarray(0, 5), at);
    out.set(t.subarray(5), at + K * 5);
  }
  return out;
}
