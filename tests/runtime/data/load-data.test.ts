// loadData: a train block's data call, as its plan gives it, to the
// source that reads it: paths against the .nn file's folder, the defaults,
// TensorFlow for images, the model's output shape for shapes.

import { afterAll, describe, expect, it } from 'vitest';
import type { CallPlan } from '../../../core/train/plan.js';
import { DataError } from '../../../runtime/data/dataset.js';
import { type LoadContext, loadData } from '../../../runtime/data/load-data.js';
import { encodePng } from '../../../runtime/images/png.js';
import { float32Npy, int64Npy } from '../../helpers/npy-writer.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';
import { zipBytes } from '../../helpers/zip-writer.js';

const tf = testTf();
const temp = tempFolder('load-data');
afterAll(() => temp.remove());

const ctx: LoadContext = { baseDir: temp.dir, seed: 3, tf };
const load = (name: string, args: CallPlan['args'], context: LoadContext = ctx) => loadData({ name, args }, context);

describe('loadData', () => {
  it('reads each file source with paths relative to the .nn file', () => {
    temp.write('data/table.csv', 'a,b,kind\n1,2,x\n3,4,y\n');
    temp.write('data/lines.jsonl', '{"x": [1, 2], "y": 0}\n{"x": [3, 4], "y": 1}\n');
    temp.write('data/x.npy', float32Npy([1, 2, 3, 4], [2, 2]));
    temp.write('data/y.npy', int64Npy([0, 1]));
    temp.write('data/both.npz', zipBytes([{ name: 'x.npy', data: float32Npy([1, 2]) }, { name: 'y.npy', data: int64Npy([1, 0]) }]));
    const png = encodePng(2, 2, 3, new Uint8Array(12).fill(200));
    temp.write('data/pictures/a/0.png', png);
    temp.write('data/pictures/b/0.png', png);
    expect(load('csv', { path: 'data/table.csv', label: 'kind', split: 0.5 }).classNames).toEqual(['x', 'y']);
    expect(load('jsonl', { path: 'data/lines.jsonl', x: 'x', y: 'y', split: 0.5 }).inputs[0]!.shape).toEqual([2]);
    expect(load('npy', { x: 'data/x.npy', y: 'data/y.npy', split: 0.5 }).count).toBe(2);
    expect(load('npz', { path: 'data/both.npz', x: 'x', y: 'y', split: 0.5 }).classes).toBe(2);
    const images = load('images', { path: 'data/pictures', size: [3, 5], split: 0.5 });
    expect(images.inputs[0]!.shape).toEqual([3, 5, 3]);
    expect(images.split).toBe(0.5);
  });

  it('fills in the defaults the plan may leave out: label "label", x "x", y "y", split 0.8', () => {
    temp.write('plain.csv', 'f,label\n1,0\n2,1\n');
    const raw = load('csv', { path: 'plain.csv' });
    expect(raw.split).toBe(0.8);
    expect(raw.classes).toBe(2);
  });

  it('asks the model for its output shape to give shapes targets', () => {
    const asked: number[][][] = [];
    const outputShape = (inputs: number[][]) => (asked.push(inputs), [4, 4, 13]);
    const raw = load('shapes', { count: 5, size: 32, objects: 2 }, { ...ctx, outputShape });
    expect(asked).toEqual([[[32, 32, 3]]]);
    expect(raw.target!.shape).toEqual([4, 4, 8]);
    expect(load('shapes', { count: 5, size: 16, objects: 1 }).target).toBeUndefined();
  });

  it('says what is wrong with the arguments', () => {
    expect(() => load('csv', {})).toThrow(DataError);
    expect(() => load('csv', {})).toThrow("csv(...) needs 'path', a path or name in quotes");
    expect(() => load('images', { path: 'data/pictures', size: [0, 3] })).toThrow("images(...) needs 'size: [height, width]', two positive whole numbers, not [0,3]");
    expect(load('images', { path: 'data/pictures', size: [4] }).inputs[0]!.shape).toEqual([4, 4, 3]);
    expect(() => load('tfrecord', {})).toThrow("the data source 'tfrecord' cannot be loaded yet");
  });
});
