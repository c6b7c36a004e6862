// train.py's metrics against the tfjs engine's (runtime/train/metrics.ts):
// the same predictions and targets, in two batches, give the same numbers
// (1e-4): detection mAP@0.5 on YOLO grids, mean IoU of class masks and of a
// binary mask, SAM's mask_iou with its per-prompt-kind averages, and the
// summed accuracy.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { TRAIN_METRICS } from '../../runtime/export/pytorch/train-metrics.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { METRICS } from '../../runtime/train/metrics.js';
import { prng } from '../helpers/prng.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { ensureTorchPython, runPython } from './python.js';

const tf = testTf();
const temp = tempFolder('export-pytorch-metrics');
const script = join(import.meta.dirname, 'run_metrics.py');

/** An array with its shape and dtype, as both sides read it. */
interface Arr {
  values: number[];
  shape: number[];
  dtype: 'float32' | 'int32';
}
interface Batch {
  target: Arr;
  prediction: Arr;
  inputs: Arr[];
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const arr = (shape: number[], f: (i: number) => number, dtype: Arr['dtype'] = 'float32'): Arr => ({ values: Array.from({ length: size(shape) }, (_, i) => f(i)), shape, dtype });

/** YOLO grids: truth [n, S, S, 5 + C] with objects in some cells; predictions [n, S, S, 2*5 + C] near them, or not. */
function detectionBatch(random: () => number, n: number): Batch {
  const [s, classes, boxes] = [3, 3, 2];
  const truth: number[] = [];
  const prediction: number[] = [];
  for (let cell = 0; cell < n * s * s; cell++) {
    const object = random() < 0.35;
    const box = [random(), random(), 0.1 + 0.4 * random(), 0.1 + 0.4 * random()];
    const cls = Math.floor(random() * classes);
    truth.push(...box, object ? 1 : 0, ...Array.from({ length: classes }, (_, c) => (c === cls ? 1 : 0)));
    for (let k = 0; k < boxes; k++) {
      const near = object && k === 0 && random() < 0.8;
      const guess = near ? box.map((v) => v + (random() - 0.5) * 0.1) : [random(), random(), 0.5 * random(), 0.5 * random()];
      prediction.push(...guess, near ? 0.4 + 0.6 * random() : 0.6 * random());
    }
    const right = object && random() < 0.75;
    prediction.push(...Array.from({ length: classes }, (_, c) => (right && c === cls ? 0.6 + 0.4 * random() : 0.5 * random())));
  }
  return { target: { values: truth, shape: [n, s, s, 5 + classes], dtype: 'float32' }, prediction: { values: prediction, shape: [n, s, s, boxes * 5 + classes], dtype: 'float32' }, inputs: [] };
}

/** Segmentation: per-pixel probabilities [n, 5, 5, C] against ids [n, 5, 5]; C = 1: against a 0/1 mask [n, 5, 5, 1]. */
function maskBatch(random: () => number, n: number, classes: number): Batch {
  const shape = [n, 5, 5];
  if (classes === 1) return { target: arr([...shape, 1], () => (random() < 0.4 ? 1 : 0)), prediction: arr([...shape, 1], () => random()), inputs: [] };
  return { target: arr(shape, () => Math.floor(random() * classes), 'int32'), prediction: arr([...shape, classes], () => random()), inputs: [] };
}

/** SAM: masks [n, 3, 6, 6] logits against [n, 1, 6, 6]; prompts (points [n, 2, 2], labels, boxes, mask, text) of every kind. */
function samBatch(random: () => number, n: number): Batch {
  const kinds = ['point', 'box', 'point_box', 'mask', 'other'];
  const kind = (i: number) => kinds[i % kinds.length]!;
  const labels = Array.from({ length: n }, (_, i) => (kind(i) === 'point' || kind(i) === 'point_box' ? [1, -1] : kind(i) === 'other' ? [1, 0] : [-1, -1])).flat();
  const boxes = Array.from({ length: n }, (_, i) => (kind(i) === 'box' || kind(i) === 'point_box' ? [1, 1, 4, 5] : [-1, -1, -1, -1])).flat();
  const promptMask = Array.from({ length: n }, (_, i) => Array.from({ length: 16 }, (_, j) => (kind(i) === 'mask' && j % 3 === 0 ? 1 : 0))).flat();
  return {
    target: arr([n, 1, 6, 6], () => (random() < 0.3 ? 1 : 0)),
    prediction: arr([n, 3, 6, 6], () => random() - 0.6),
    inputs: [
      arr([n, 6, 6, 1], () => random()),
      arr([n, 2, 2], () => 3 * random()),
      { values: labels, shape: [n, 2], dtype: 'float32' },
      { values: boxes, shape: [n, 4], dtype: 'float32' },
      { values: promptMask, shape: [n, 4, 4, 1], dtype: 'float32' },
      arr([n, 1, 3], () => 0),
    ],
  };
}

/** [metric, its two batches] */
const CASES: [string, (random: () => number) => Batch[]][] = [
  ['map', (r) => [detectionBatch(r, 5), detectionBatch(r, 4)]],
  ['iou', (r) => [maskBatch(r, 3, 4), maskBatch(r, 2, 4)]],
  ['iou', (r) => [maskBatch(r, 3, 1), maskBatch(r, 2, 1)]],
  ['mask_iou', (r) => [samBatch(r, 7), samBatch(r, 6)]],
  ['accuracy', (r) => [maskBatch(r, 3, 4), maskBatch(r, 2, 4)]],
];

const toTensor = (a: Arr): Tensor => tf.tensor(a.dtype === 'int32' ? Int32Array.from(a.values) : Float32Array.from(a.values), a.shape, a.dtype);

/** The tfjs engine's results: several by name, or one named after the metric. */
function tfjsResults(name: string, batches: Batch[]): Record<string, number> {
  const accumulator = METRICS[name]!(tf);
  for (const b of batches) {
    const [target, prediction, inputs] = [toTensor(b.target), toTensor(b.prediction), b.inputs.map(toTensor)];
    accumulator.add(target, prediction, { inputs, outputs: [prediction] });
    tf.dispose([target, prediction, ...inputs]);
  }
  return accumulator.results ? accumulator.results() : { [name]: accumulator.result() };
}

function writeCase(index: number, name: string, batches: Batch[]): string {
  const npy = (label: string, a: Arr) => {
    const path = join(temp.dir, `case${index}_${label}.npy`);
    writeFileSync(path, encodeNpy(a.dtype === 'int32' ? Int32Array.from(a.values) : Float32Array.from(a.values), a.shape, a.dtype));
    return path;
  };
  const manifest = {
    metric: name,
    batches: batches.map((b, i) => ({ target: npy(`${i}_target`, b.target), prediction: npy(`${i}_prediction`, b.prediction), inputs: b.inputs.map((x, j) => npy(`${i}_input${j}`, x)) })),
  };
  return temp.write(`case${index}.json`, JSON.stringify(manifest));
}

describe("train.py's metrics measure what the tfjs engine measures", () => {
  const batches = CASES.map(([, make], i) => make(prng(100 + i)));
  let torch: Record<string, Record<string, number>>;
  let files: string[];
  beforeAll(() => {
    const python = ensureTorchPython();
    const metricsPy = temp.write('train_metrics.py', `import numpy as np\nimport torch\nimport torch.nn.functional as F\n\n${TRAIN_METRICS}\n`);
    files = CASES.map(([name], i) => writeCase(i, name, batches[i]!));
    torch = runPython(python, script, [metricsPy, ...files]);
  }, 600_000);
  afterAll(() => temp.remove());

  CASES.forEach(([name], i) => {
    it(`${name} (case ${i + 1}): the same numbers (1e-4), and not a trivial 0 or 1`, () => {
      const want = tfjsResults(name, batches[i]!);
      const got = torch[files[i]!]!;
      expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
      for (const [key, value] of Object.entries(want)) {
        expect(Math.abs(got[key]! - value), `${key}: ${got[key]} where the tfjs engine gives ${value}`).toBeLessThan(1e-4);
        expect(value).toBeGreaterThan(0.01);
        expect(value).toBeLessThan(0.99);
      }
    });
  });
});
