// images(path, size, split) on real folders of PNG and JPEG files, decoded
// by the native backend: classes from the sorted sub-folder names, values
// in [0, 1] at the asked size, a shuffle that mixes classes, and every
// error naming the folder or file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { loadImages } from '../../../runtime/data/images.js';
import { encodePng } from '../../../runtime/images/png.js';
import type { TF } from '../../../runtime/tf-types.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const temp = tempFolder('images');
afterAll(() => temp.remove());

/** A w x h PNG of one colour. */
const solidPng = (w: number, h: number, rgb: [number, number, number]): Buffer => encodePng(w, h, 3, Uint8Array.from({ length: w * h * 3 }, (_, i) => rgb[i % 3]!));

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];

/** `backend: 'none'`: no TensorFlow module given */
const load = (path: string, size: [number, number] = [4, 6], backend: TF | 'none' = tf) => loadImages({ folder: dataFile(temp.dir, path), size, split: 0.75, ...(backend !== 'none' ? { tf: backend } : {}) });

beforeAll(async () => {
  // two classes, named so that sorting matters: 'red' (class 1) is written first
  for (let i = 0; i < 6; i++) temp.write(`colours/red/${i}.png`, solidPng(8 + i, 5 + i, RED));
  for (let i = 0; i < 5; i++) temp.write(`colours/blue/${i}.png`, solidPng(10, 10, BLUE));
  const pixels = tf.tensor3d(Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => [0, 0, 255][i % 3]!), [16, 16, 3], 'int32');
  const node = (tf as unknown as { node: { encodeJpeg(t: unknown, format?: string, quality?: number): Promise<Uint8Array> } }).node;
  temp.write('colours/blue/photo.JPG', await node.encodeJpeg(pixels, 'rgb', 100));
  pixels.dispose();
  temp.write('colours/blue/notes.txt', 'not an image');
  temp.write('colours/.hidden/0.png', solidPng(2, 2, RED));
  temp.write('grey/dark/0.png', encodePng(3, 3, 1, new Uint8Array(9).fill(51)));
});

describe('images(path, size, split)', () => {
  it('decodes PNG and JPEG, resized to [height, width, 3] in [0, 1], classes from the sorted folder names', () => {
    const raw = load('colours');
    expect(raw.count).toBe(12);
    expect(raw.inputs[0]!.shape).toEqual([4, 6, 3]);
    expect(raw.inputs[0]!.values.length).toBe(12 * 4 * 6 * 3);
    expect(raw).toMatchObject({ classes: 2, classNames: ['blue', 'red'], split: 0.75 });
    expect(raw.target!.shape).toEqual([]);
    expect(raw.description).toBe('images: colours, 12 images of 2 classes (blue, red) at 4x6');
    const values = raw.inputs[0]!.values;
    for (let k = 0; k < raw.count; k++) {
      const pixel = Array.from(values.subarray(k * 72, k * 72 + 3));
      const expected = raw.target!.values[k] === 0 ? [0, 0, 1] : [1, 0, 0];
      pixel.forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 1));
    }
  });

  it('shuffles the examples once, with a fixed seed: the split mixes the classes, the same in every run', () => {
    const first = load('colours').target!.values;
    expect(load('colours').target!.values).toEqual(first);
    const trainPart = Array.from(first.subarray(0, 9));
    expect(new Set(trainPart).size).toBe(2);
    expect(Array.from(first)).not.toEqual([...first].sort());
  });

  it('repeats a grey channel three times', () => {
    const raw = load('grey', [3, 3]);
    expect(Array.from(raw.inputs[0]!.values.subarray(0, 3)).map((v) => +v.toFixed(3))).toEqual([0.2, 0.2, 0.2]);
  });
});

describe('images errors name the folder or file', () => {
  it('a missing folder, and a file instead of a folder', () => {
    expect(() => load('nowhere')).toThrow(/^nowhere: no such file or folder \(looked for .*nowhere\)$/);
    temp.write('plain.png', solidPng(2, 2, RED));
    expect(() => load('plain.png')).toThrow('plain.png: is a file, not a folder of images (one sub-folder per class)');
  });

  it('an empty folder, and images without class sub-folders', () => {
    temp.write('empty/.keep', '');
    expect(() => load('empty')).toThrow('empty: is empty: no class sub-folders (one per class, holding its PNG and JPEG images)');
    temp.write('flat/a.png', solidPng(2, 2, RED));
    temp.write('flat/b.jpg', solidPng(2, 2, RED));
    expect(() => load('flat')).toThrow("flat: has 2 images but no class sub-folders; put each class's images in a sub-folder named after the class");
  });

  it('a class folder without images', () => {
    temp.write('partial/cat/0.png', solidPng(2, 2, RED));
    temp.write('partial/dog/readme.txt', 'no images yet');
    expect(() => load('partial')).toThrow("partial/dog: the class folder 'dog' has no PNG or JPEG images");
  });

  it('a file that does not decode', () => {
    temp.write('broken/cat/0.png', solidPng(2, 2, RED));
    temp.write('broken/cat/1.png', 'not a png at all');
    expect(() => load('broken')).toThrow(DataError);
    expect(() => load('broken')).toThrow(/^broken\/cat\/1\.png: cannot be decoded as a PNG or JPEG image \(/);
  });

  it('no native backend', () => {
    expect(() => load('colours', [4, 4], 'none')).toThrow('images(path: "colours") decodes PNG and JPEG files with the native backend (@tensorflow/tfjs-node), which is not loaded');
    const pureJs = { ...tf, node: undefined } as unknown as TF;
    expect(() => load('colours', [4, 4], pureJs)).toThrow(DataError);
  });
});
