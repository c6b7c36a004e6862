// The initialisers in the compiled model: each layer's `init:` and
// `bias_init:` give the documented statistics (mean and spread on a large
// weight, bounds for the uniform ones, the fans a kernel's shape gives);
// and DropPath drops whole examples while training, nothing at inference.

import { describe, expect, it } from 'vitest';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

function compile(inputs: string, body: string, seed = 11): LayersModel {
  const source = `model M {\n  input ${inputs}\n  output ${body}\n}\n`;
  const traced = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
  if (!traced.ok) throw new Error(`${body}: ${traced.message} ${traced.diagnostics.map((d) => d.message).join('; ')}`);
  return compileGraph(tf, traced.graph, { seed });
}

interface Stats {
  shape: number[];
  values: Float32Array;
  mean: number;
  std: number;
  min: number;
  max: number;
}

/** The one weight whose name ends with `/name`, with its statistics. */
function weightOf(model: LayersModel, name: string): Stats {
  const found = model.weights.filter((w) => w.originalName.endsWith(`/${name}`));
  expect(found.map((w) => w.originalName), `one weight named ${name}`).toHaveLength(1);
  const values = found[0]!.read().dataSync() as Float32Array;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { shape: found[0]!.shape as number[], values, mean, std: Math.sqrt(squares / values.length), min, max };
}

/** Within `relative` of the expected value. */
const near = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

function weightStats(inputs: string, body: string, name: string): Stats {
  const model = compile(inputs, body);
  const stats = weightOf(model, name);
  model.dispose();
  return stats;
}

describe('variance-scaling initialisers use the weight\'s fans', () => {
  it('he_normal on a Dense kernel [1024, 512]: mean 0, std sqrt(2 / 1024)', () => {
    const w = weightStats('x: [B, 1024]', 'x -> Dense(512, init: "he_normal")', 'kernel');
    expect(w.shape).toEqual([1024, 512]);
    expect(Math.abs(w.mean)).toBeLessThan(0.01 * Math.sqrt(2 / 1024));
    near(w.std, Math.sqrt(2 / 1024), 0.02);
  });

  it('he_uniform on a conv kernel [3, 3, 32, 64]: fan_in = 3*3*32, bounds ±sqrt(6 / 288)', () => {
    const w = weightStats('x: [B, 8, 8, 32]', 'x -> Conv2D(64, 3, init: "he_uniform")', 'kernel');
    const bound = Math.sqrt(6 / 288);
    expect(w.shape).toEqual([3, 3, 32, 64]);
    expect(w.min).toBeGreaterThanOrEqual(-bound);
    expect(w.max).toBeLessThan(bound);
    expect(Math.max(-w.min, w.max)).toBeGreaterThan(0.99 * bound);
    near(w.std, bound / Math.sqrt(3), 0.03);
  });

  it('a grouped convolution counts the channels of its group: fan_in = 3*3*(32/4)', () => {
    const w = weightStats('x: [B, 8, 8, 32]', 'x -> Conv2D(64, 3, groups: 4, init: "he_normal")', 'kernel');
    expect(w.shape).toEqual([3, 3, 8, 64]);
    near(w.std, Math.sqrt(2 / 72), 0.04);
  });

  it('a transposed convolution counts its filters, as Keras and PyTorch do: fan_in = 4*4*32', () => {
    const w = weightStats('x: [B, 4, 4, 8]', 'x -> Conv2DTranspose(32, 4, stride: 2, init: "he_normal")', 'kernel');
    expect(w.shape).toEqual([4, 4, 32, 8]);
    near(w.std, Math.sqrt(2 / 512), 0.03);
  });

  it('glorot_normal: std sqrt(2 / (fan_in + fan_out)); lecun_normal: sqrt(1 / fan_in); lecun_uniform: ±sqrt(3 / fan_in)', () => {
    near(weightStats('x: [B, 768]', 'x -> Dense(256, init: "xavier_normal")', 'kernel').std, Math.sqrt(2 / 1024), 0.02);
    near(weightStats('x: [B, 768]', 'x -> Dense(256, init: "lecun_normal")', 'kernel').std, Math.sqrt(1 / 768), 0.02);
    const u = weightStats('x: [B, 768]', 'x -> Dense(256, init: "lecun_uniform")', 'kernel');
    expect(Math.max(-u.min, u.max)).toBeLessThan(Math.sqrt(3 / 768));
    near(u.std, Math.sqrt(3 / 768) / Math.sqrt(3), 0.02);
  });

  it('a Weight reads its fans from its shape, [..., fan_in, fan_out]', () => {
    near(weightStats('x: [B, 4]', 'x + sum(Weight([256, 512], init: "he_normal")()) * 0.0', 'value').std, Math.sqrt(2 / 256), 0.02);
  });
});

describe('initialisers with numbers', () => {
  it('normal(1, 0.02): mean 1, std 0.02', () => {
    const w = weightStats('x: [B, 1024]', 'x -> Dense(256, init: "normal(1, 0.02)")', 'kernel');
    near(w.mean, 1, 0.001);
    near(w.std, 0.02, 0.02);
  });

  it('truncated_normal(std: 0.1): nothing beyond 2 std, spread about 0.88 std', () => {
    const w = weightStats('x: [B, 1024]', 'x -> Dense(256, init: "truncated_normal(std: 0.1)")', 'kernel');
    expect(Math.max(-w.min, w.max)).toBeLessThanOrEqual(0.2 + 1e-6);
    near(w.std, 0.08796, 0.02);
  });

  it('uniform(-0.3, 0.1): within [low, high), mean in the middle', () => {
    const w = weightStats('x: [B, 1024]', 'x -> Dense(256, init: "uniform(-0.3, 0.1)")', 'kernel');
    expect(w.min).toBeGreaterThanOrEqual(-0.3);
    expect(w.max).toBeLessThan(0.1);
    near(w.mean, -0.1, 0.02);
  });

  it('constant(0.1) on a bias; zeros and ones', () => {
    const model = compile('x: [B, 6]', 'x -> Dense(5, init: "ones", bias_init: "constant(0.1)")');
    expect([...weightOf(model, 'kernel').values]).toEqual(new Array(30).fill(1));
    expect([...weightOf(model, 'bias').values].map((v) => v.toFixed(6))).toEqual(new Array(5).fill('0.100000'));
    model.dispose();
  });

  it('orthogonal(gain): the vectors along the shorter side are orthonormal, times gain', () => {
    for (const [inputs, units, gain] of [['x: [B, 128]', 64, 2], ['x: [B, 64]', 128, 1]] as const) {
      const model = compile(inputs, `x -> Dense(${units}, init: "orthogonal(${gain})")`);
      const w = model.weights.find((v) => v.originalName.endsWith('/kernel'))!.read();
      const gram = tf.tidy(() => (w.shape[0]! >= w.shape[1]! ? tf.matMul(w, w, true, false) : tf.matMul(w, w, false, true))); // [short, short]
      const side = gram.shape[0]!;
      const error = tf.tidy(() => tf.max(tf.abs(tf.sub(gram, tf.mul(tf.eye(side), gain * gain)))).dataSync()[0]!);
      expect(side).toBe(64);
      expect(error).toBeLessThan(1e-4);
      gram.dispose();
      model.dispose();
    }
  });
});

describe('defaults and "pytorch"', () => {
  it('a Dense with no init starts as Keras\'s: glorot_uniform kernel, zero bias', () => {
    const model = compile('x: [B, 300]', 'x -> Dense(100)');
    const kernel = weightOf(model, 'kernel');
    const bound = Math.sqrt(6 / 400);
    expect(Math.max(-kernel.min, kernel.max)).toBeLessThan(bound);
    near(kernel.std, bound / Math.sqrt(3), 0.03);
    expect(weightOf(model, 'bias').values.every((v) => v === 0)).toBe(true);
    model.dispose();
  });

  it('"pytorch" on Dense and Conv2D: kernel and bias uniform in ±1/sqrt(fan_in), as nn.Linear and nn.Conv2d', () => {
    for (const [inputs, body, fanIn] of [['x: [B, 400]', 'x -> Dense(300, init: "pytorch", bias_init: "pytorch")', 400], ['x: [B, 8, 8, 16]', 'x -> Conv2D(128, 5, init: "pytorch", bias_init: "pytorch")', 400]] as const) {
      const model = compile(inputs, body);
      const bound = 1 / Math.sqrt(fanIn);
      for (const name of ['kernel', 'bias']) {
        const w = weightOf(model, name);
        expect(w.min, `${body} ${name}`).toBeGreaterThanOrEqual(-bound);
        expect(w.max, `${body} ${name}`).toBeLessThan(bound);
        expect(Math.max(-w.min, w.max), `${body} ${name}`).toBeGreaterThan(0.9 * bound);
      }
      near(weightOf(model, 'kernel').std, bound / Math.sqrt(3), 0.03);
      model.dispose();
    }
  });

  it('"pytorch" on an Embedding: N(0, 1), as nn.Embedding; its default is uniform in ±0.05', () => {
    near(weightStats('ids: [B, 4] int', 'ids -> Embedding(1000, 64, init: "pytorch")', 'embeddings').std, 1, 0.02);
    const keras = weightStats('ids: [B, 4] int', 'ids -> Embedding(1000, 64)', 'embeddings');
    expect(Math.max(-keras.min, keras.max)).toBeLessThan(0.05);
  });

  it('"pytorch" on attention: each projection as an nn.Linear', () => {
    const model = compile('x: [B, 5, 64]', 'x -> MultiHeadAttention(4, 64, init: "pytorch", bias_init: "pytorch")');
    for (const name of ['query_kernel', 'output_bias']) expect(Math.max(-weightOf(model, name).min, weightOf(model, name).max)).toBeLessThan(1 / 8);
    near(weightOf(model, 'key_kernel').std, 1 / 8 / Math.sqrt(3), 0.05);
    model.dispose();
  });

  it('a zero-initialised last BatchNorm starts a residual block as the identity', () => {
    const model = compile('x: [B, 6, 6, 8]', 'x + (x -> Conv2D(8, 3, padding: 1) -> BatchNorm(init: "zeros"))');
    expect(weightOf(model, 'gamma').values.every((v) => v === 0)).toBe(true);
    const x = tf.randomNormal([2, 6, 6, 8]);
    const y = model.apply(x, { training: true }) as Tensor;
    expect(tf.max(tf.abs(tf.sub(y, x))).dataSync()[0]).toBeLessThan(1e-6);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('a model parameter switches every layer at once', () => {
    const source = 'model M(init: string = "pytorch") {\n  input x: [B, 400]\n  output x -> Dense(300, init: init, bias_init: init)\n}\n';
    const traced = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
    if (!traced.ok) throw new Error(traced.message);
    const model = compileGraph(tf, traced.graph, { seed: 3 });
    const bias = weightOf(model, 'bias');
    expect(Math.max(-bias.min, bias.max)).toBeGreaterThan(0.9 / 20);
    expect(Math.max(-bias.min, bias.max)).toBeLessThan(1 / 20);
    model.dispose();
  });

  it('the same seed gives the same initial values', () => {
    const a = weightStats('x: [B, 32]', 'x -> Dense(16, init: "orthogonal")', 'kernel');
    const b = weightStats('x: [B, 32]', 'x -> Dense(16, init: "orthogonal")', 'kernel');
    expect([...a.values]).toEqual([...b.values]);
  });
});

describe('DropPath', () => {
  const batch = 2000;

  it('while training keeps or drops each example whole, scaling the kept by 1 / (1 - rate): the mean is preserved', () => {
    const model = compile('x: [B, 5, 4]', 'x -> DropPath(0.3)');
    const x = tf.randomUniform([batch, 5, 4], 0.5, 1.5);
    const ratio = tf.tidy(() => tf.div(model.apply(x, { training: true }) as Tensor, x)); // [N, 5, 4]
    const rows = ratio.reshape([batch, 20]).arraySync() as number[][];
    let dropped = 0;
    for (const row of rows) {
      const first = row[0]!;
      expect(row.every((r) => Math.abs(r - first) < 1e-5), 'one factor per example').toBe(true);
      if (first === 0) dropped++;
      else expect(first).toBeCloseTo(1 / 0.7, 5);
    }
    near(dropped / batch, 0.3, 0.15);
    near(tf.mean(ratio).dataSync()[0]!, 1, 0.06);
    tf.dispose([x, ratio]);
    model.dispose();
  });

  it('at inference is the identity', () => {
    const model = compile('x: [B, 5, 4]', 'x -> DropPath(0.3)');
    const x = tf.randomUniform([50, 5, 4]);
    const y = model.predict(x) as Tensor;
    expect(tf.max(tf.abs(tf.sub(y, x))).dataSync()[0]).toBe(0);
    tf.dispose([x, y]);
    model.dispose();
  });
});
