// BatchNorm in training, exported to PyTorch: one training-mode forward on
// the same batch gives the same output and the same running statistics as
// the TensorFlow.js kernel (the running variance follows the BIASED batch
// variance, with the compiler's momentum), to 1e-5.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { exportPytorch } from '../../runtime/export/pytorch/export-pytorch.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { prng } from '../helpers/prng.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { ensureTorchPython, runPython } from './python.js';

const tf = testTf();
const temp = tempFolder('export-pytorch-batchnorm');
const script = join(import.meta.dirname, 'batchnorm_train_step.py');

/** [the layer, its input's shape after the batch] */
const CASES: [string, number[]][] = [
  ['BatchNorm', [5, 5, 3]],
  ['BatchNorm(momentum: 0.3)', [6]],
  ['BatchNorm(4, affine: false, epsilon: 0.01)', [3, 4]],
];
const BATCH = 8;

interface TorchStep {
  output: number[];
  statistics: Record<string, { mean: number[]; variance: number[]; batches: number }>;
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Array.from(a).reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
};

describe('BatchNorm trained in the exported module', () => {
  let python: string;
  beforeAll(() => {
    python = ensureTorchPython();
  }, 600_000);
  afterAll(() => temp.remove());

  CASES.forEach(([layer, shape], index) => {
    it(`${layer} on [B, ${shape.join(', ')}]: running statistics and output as the compiler's`, () => {
      const source = `model M {\n  input x: [B, ${shape.join(', ')}]\n  output x -> ${layer}\n}\n`;
      const traced = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
      if (!traced.ok) throw new Error(traced.message);
      const graph = traced.graph;
      const model = compileGraph(tf, graph, { seed: 1 });
      const random = prng(11 + index);
      // running statistics away from their start (0, 1), so that the momentum shows
      for (const variable of model.weights.filter((w) => w.originalName.includes('moving_'))) {
        const start = variable.read();
        variable.write(tf.tensor(Float32Array.from(start.dataSync(), () => 0.5 + random()), start.shape));
      }
      const dir = join(temp.dir, `case${index}`);
      mkdirSync(dir, { recursive: true });
      exportPytorch(tf, model, graph, dir, { file: '/m.nn', weightsFrom: undefined });
      const count = BATCH * shape.reduce((a, b) => a * b, 1);
      // channels with different means and spreads: [B, ..., C]
      const c = shape.at(-1)!;
      const x = tf.tensor(Float32Array.from({ length: count }, (_, i) => (i % c) * 0.7 + (1 + (i % c)) * (random() - 0.5) * 2), [BATCH, ...shape]);
      writeFileSync(join(dir, 'in_x.npy'), encodeNpy(x.dataSync() as Float32Array, x.shape, 'float32'));

      const output = model.apply(x, { training: true }) as Tensor;
      const moving = (suffix: string) => model.weights.find((w) => w.originalName.endsWith(suffix))!.read().dataSync();
      const torch = runPython<Record<string, TorchStep>>(python, script, [dir])[dir]!;

      const [bn] = Object.values(torch.statistics);
      expect(Object.keys(torch.statistics)).toHaveLength(1);
      expect(bn!.batches).toBe(1);
      expect(maxDifference(bn!.mean, moving('moving_mean'))).toBeLessThan(1e-5);
      expect(maxDifference(bn!.variance, moving('moving_variance'))).toBeLessThan(1e-5);
      expect(maxDifference(torch.output, output.dataSync())).toBeLessThan(1e-5);
      tf.dispose([x, output]);
      model.dispose();
    }, 120_000);
  });
});
