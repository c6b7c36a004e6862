// The runtime loads the real native TensorFlow backend that `npm install`
// set up, and it computes correctly.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BackendError, loadTensorflow } from '../../runtime/backend.js';

const gpuPackageInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node-gpu');
    return true;
  } catch {
    return false;
  }
})();

describe('loadTensorflow', () => {
  it('loads the native backend of @tensorflow/tfjs-node on the CPU', async () => {
    const loaded = await loadTensorflow({ device: 'cpu' });
    expect(loaded.backend).toBe('tensorflow');
    expect(loaded.tf.getBackend()).toBe('tensorflow');
    expect(loaded.package).toBe('@tensorflow/tfjs-node');
    expect(loaded).toMatchObject({ device: 'cpu', gpu: false });
    expect(loaded.versions.tfjs).toBe('4.22.0');
    expect(loaded.versions.tfjsNode).toBe('4.22.0');
    expect(loaded.versions.tensorflow).toMatch(/^\d+\.\d+\.\d+/);
    expect(loaded.libraryPath).toMatch(/tensorflow/);
    expect(existsSync(loaded.bindingPath!)).toBe(true);
    expect(loaded.reasons).toContain(`native binding loaded from ${loaded.bindingPath}`);
  });

  it('multiplies matrices correctly', async () => {
    const { tf } = await loadTensorflow({ device: 'cpu' });
    const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const b = tf.tensor2d([[7, 8], [9, 10], [11, 12]]);
    expect(await tf.matMul(a, b).array()).toEqual([[58, 64], [139, 154]]);
    // A larger product against a plain JavaScript reference.
    const n = 64;
    const x = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i * 7 + j * 3) % 11) - 5));
    const y = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => ((i * 5 + j * 2) % 13) - 6));
    const expected = x.map((row) => y[0]!.map((_, j) => row.reduce((sum, v, k) => sum + v * y[k]![j]!, 0)));
    expect(await tf.matMul(tf.tensor2d(x), tf.tensor2d(y)).array()).toEqual(expected);
  });

  it.skipIf(gpuPackageInstalled)('fails clearly when a GPU is asked for and tfjs-node-gpu is not installed', async () => {
    const attempt = loadTensorflow({ device: 'gpu' });
    await expect(attempt).rejects.toBeInstanceOf(BackendError);
    await expect(attempt).rejects.toThrow(/a GPU was asked for, but @tensorflow\/tfjs-node-gpu is not installed/);
  });

  it('restores the util functions Node 23 removed, which tfjs-node 4.22 calls', async () => {
    await loadTensorflow({ device: 'cpu' });
    const util = (await import('node:util')).default as unknown as Record<string, (v: unknown) => boolean>;
    expect(util.isNullOrUndefined!(null)).toBe(true);
    expect(util.isNullOrUndefined!(0)).toBe(false);
    expect(util.isArray!([])).toBe(true);
  });
});
