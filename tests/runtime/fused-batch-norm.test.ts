// BatchNorm by TensorFlow's fused ops (the native backend's way) computes what
// the broadcasting fallback computes: the output, the gradients with respect
// to x, gamma and beta, and the running statistics a training step leaves,
// on inputs of rank 2, 3 and 4, training and inference, with and without
// gamma and beta. Then a compiled BatchNorm trained one step on the
// native backend and on the pure-JS one ends with the same running statistics.

import { afterAll, describe, expect, it } from 'vitest';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import type { BatchNormCall, BatchNormImplementation } from '../../runtime/compile/kernels/batch-norm-call.js';
import { fusedBatchNorm, hasFusedBatchNorm } from '../../runtime/compile/kernels/fused-batch-norm.js';
import { broadcastBatchNorm } from '../../runtime/compile/kernels/normalization.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const TOLERANCE = 1e-4;

const SHAPES: number[][] = [
  [7, 5],
  [4, 6, 5],
  [3, 4, 5, 6],
];
const CASES = SHAPES.flatMap((shape) => [true, false].flatMap((training) => [true, false].map((affine) => ({ shape, training, affine }))));

interface Outcome {
  y: Float32Array;
  grads: Float32Array[];
  /** the running mean and variance a training step assigned */
  running?: Float32Array[];
}

/** One application of `impl` and the gradients of sum(y * w) w.r.t. x (and gamma, beta when affine). */
function apply(impl: BatchNormImplementation, x: Tensor, w: Tensor, affine: boolean, seed: number, training: boolean): Outcome {
  const channels = x.shape.at(-1)!;
  const gamma = tf.add(tf.randomNormal([channels], 0, 0.5, 'float32', seed + 1), 1);
  const beta = tf.randomNormal([channels], 0, 0.5, 'float32', seed + 2);
  // running statistics away from their start (0 and 1), so that both the momentum and the variance's correction show
  const runningMean = tf.randomNormal([channels], 0, 1, 'float32', seed + 4);
  const runningVariance = tf.randomUniform([channels], 0.5, 3, 'float32', seed + 5);
  let running: Float32Array[] | undefined;
  let y: Float32Array | undefined;
  const f = (input: Tensor, ...affineWeights: Tensor[]): Tensor => {
    const call: BatchNormCall = {
      ...(affine ? { gamma: affineWeights[0]!, beta: affineWeights[1]! } : {}),
      epsilon: 1e-3,
      statistics: training ? 'batch' : { mean: runningMean, variance: runningVariance },
      running: {
        mean: runningMean,
        variance: runningVariance,
        momentum: 0.3,
        assign: (mean, variance) => {
          expect(running, 'assigned once').toBeUndefined();
          running = [Float32Array.from(mean.dataSync()), Float32Array.from(variance.dataSync())];
        },
      },
    };
    const out = impl(tf, input, call);
    y = Float32Array.from(out.dataSync());
    return tf.sum(tf.mul(out, w));
  };
  const grads = tf.grads(f as never)(affine ? [x, gamma, beta] : [x]).map((g) => Float32Array.from(g.dataSync()));
  return { y: y!, grads, ...(running ? { running } : {}) };
}

const largestDifference = (a: Float32Array, b: Float32Array): number => {
  expect(a.length).toBe(b.length);
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
};

describe('BatchNorm by fused TensorFlow ops', () => {
  it('runs on the native backend the tests use', () => {
    expect(hasFusedBatchNorm(tf)).toBe(true);
  });

  CASES.forEach(({ shape, training, affine }, index) => {
    const name = `[${shape.join(', ')}], ${training ? 'training' : 'inference'}, affine ${affine}`;
    it(`${name}: output and gradients as the fallback's within ${TOLERANCE}`, () => {
      const seed = 100 * (index + 1);
      // channels far from zero mean and unit variance, as a layer inside a network sees them
      const x = tf.add(tf.mul(tf.randomNormal(shape, 0, 1, 'float32', seed), tf.linspace(0.5, 3, shape.at(-1)!)), tf.linspace(-2, 4, shape.at(-1)!));
      const w = tf.randomNormal(shape, 0, 1, 'float32', seed + 3);
      const fused = apply(fusedBatchNorm, x, w, affine, seed, training);
      const fallback = apply(broadcastBatchNorm, x, w, affine, seed, training);
      expect(largestDifference(fused.y, fallback.y)).toBeLessThan(TOLERANCE);
      expect(fused.grads).toHaveLength(affine ? 3 : 1);
      fused.grads.forEach((g, i) => expect(largestDifference(g, fallback.grads[i]!), `gradient ${['x', 'gamma', 'beta'][i]}`).toBeLessThan(TOLERANCE));
      if (training) {
        // the running statistics follow the batch's mean and BIASED variance
        expect(fused.running).toHaveLength(2);
        fused.running!.forEach((r, i) => expect(largestDifference(r, fallback.running![i]!), ['running mean', 'running variance'][i]).toBeLessThan(TOLERANCE));
      } else {
        expect([fused.running, fallback.running]).toEqual([undefined, undefined]);
      }
    });
  });
});

describe('BatchNorm compiled, one training step on the native and the pure-JS backend', () => {
  afterAll(async () => {
    await tf.setBackend('tensorflow');
  });

  const LAYERS = ['BatchNorm(momentum: 0.3)', 'BatchNorm(affine: false, epsilon: 0.01)'];
  LAYERS.forEach((layer) => {
    it(`${layer}: the same running statistics and output`, async () => {
      const traced = traceModel('/m.nn', memoryHost({ '/m.nn': `model M {\n  input x: [B, 5, 3]\n  output x -> ${layer}\n}\n` }));
      if (!traced.ok) throw new Error(traced.message);
      const input = Array.from({ length: 6 * 5 * 3 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 3)) + (i % 3));
      const step = async (backend: string) => {
        await tf.setBackend(backend);
        const model = compileGraph(tf, traced.graph, { seed: 1 });
        const x = tf.tensor(input, [6, 5, 3]);
        const trained = Float32Array.from((model.apply(x, { training: true }) as Tensor).dataSync());
        const statistics = model.weights.filter((v) => v.originalName.includes('moving_')).map((v) => Float32Array.from(v.read().dataSync()));
        const inferred = Float32Array.from((model.apply(x, { training: false }) as Tensor).dataSync());
        return { trained, statistics, inferred, fused: hasFusedBatchNorm(tf) };
      };
      const native = await step('tensorflow');
      const pureJs = await step('cpu');
      expect([native.fused, pureJs.fused]).toEqual([true, false]);
      expect(native.statistics).toHaveLength(2);
      native.statistics.forEach((s, i) => expect(largestDifference(s, pureJs.statistics[i]!)).toBeLessThan(TOLERANCE));
      // the statistics moved from their start (0 and 1)
      expect(Math.max(...native.statistics[0]!.map(Math.abs))).toBeGreaterThan(0.1);
      expect(largestDifference(native.trained, pureJs.trained)).toBeLessThan(TOLERANCE);
      expect(largestDifference(native.inferred, pureJs.inferred)).toBeLessThan(TOLERANCE);
    });
  });
});

describe('BatchNorm by fused TensorFlow ops, step after step', () => {
  it('a training step and an inference leave no tensor behind', () => {
    const traced = traceModel('/m.nn', memoryHost({ '/m.nn': 'model M {\n  input x: [B, 4, 4, 3]\n  output x -> BatchNorm -> BatchNorm(affine: false)\n}\n' }));
    if (!traced.ok) throw new Error(traced.message);
    const model = compileGraph(tf, traced.graph, { seed: 1 });
    const x = tf.randomNormal([5, 4, 4, 3], 1, 2, 'float32', 9);
    const trainable = model.trainableWeights.map((w) => w.read() as never);
    const step = () => {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(model.apply(x, { training: true }) as Tensor)) as never, trainable);
      value.dispose();
      tf.dispose(Object.values(grads));
      tf.dispose(model.apply(x, { training: false }) as Tensor);
    };
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(before);
  });
});
