// The digits every contender trains on, written as .npy files at each run's
// start (31 MB, so never stale) for the Python contenders: the same 10,000 digits of the `mnist` package nn's
// `mnist(split: 0.8)` loads, in the same order, split the same way.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RawData, trainCountOf } from '../../runtime/data/dataset.js';
import { loadMnist } from '../../runtime/data/mnist.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';

export const SPLIT = 0.8;

export interface Digits {
  raw: RawData;
  trainCount: number;
}

/** The digits, with `{train,test}_{images,labels}.npy` in `folder`: images [N, 28, 28, 1] float32 in [0, 1], labels [N] int32. */
export function digitsOnDisk(folder: string): Digits {
  const raw = loadMnist({ split: SPLIT });
  const trainCount = trainCountOf(raw.count, SPLIT);
  const images = raw.inputs[0]!.values as Float32Array;
  const labels = raw.target!.values as Int32Array;
  const pixels = 28 * 28;
  const parts = [
    { name: 'train', from: 0, to: trainCount },
    { name: 'test', from: trainCount, to: raw.count },
  ];
  mkdirSync(folder, { recursive: true });
  for (const part of parts) {
    const count = part.to - part.from;
    const imagesFile = join(folder, `${part.name}_images.npy`);
    const labelsFile = join(folder, `${part.name}_labels.npy`);
    writeFileSync(imagesFile, encodeNpy(images.slice(part.from * pixels, part.to * pixels), [count, 28, 28, 1], 'float32'));
    writeFileSync(labelsFile, encodeNpy(labels.slice(part.from, part.to), [count], 'int32'));
  }
  return { raw, trainCount };
}
