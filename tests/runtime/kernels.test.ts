// Kernels compute what they claim, checked against tfjs's own operations
// or against properties that must hold.

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { relu } from '../../runtime/compile/kernels/activations.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

function compiled(body: string, inputs: string, lets = ''): { model: LayersModel; graph: Graph } {
  const result = traceModel('/m.nn', memoryHost({ '/m.nn': `model M {\n  input ${inputs}\n${lets}  output ${body}\n}\n` }));
  if (!result.ok) throw new Error(result.message);
  return { model: compileGraph(tf, result.graph, { seed: 5 }), graph: result.graph };
}

const run = (model: LayersModel, ...xs: Tensor[]) => model.apply(xs.length === 1 ? xs[0]! : xs, { training: false }) as Tensor;
const close = (a: Tensor, b: Tensor) => expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(1e-4);

describe('kernels', () => {
  it('a layer bound to a name shares its weights between its applications', () => {
    const { model, graph } = compiled('d(a) - d(b)', 'a: [B, 8]\n  input b: [B, 8]', '  let d = Dense(4)\n');
    expect(graph.params.trainable).toBe(8 * 4 + 4);
    expect(model.countParams()).toBe(8 * 4 + 4);
    const x = tf.randomNormal([2, 8], 0, 1, 'float32', 12);
    close(run(model, x, x), tf.zeros([2, 4]));
  });

  it('ReLU has the gradient of tfjs relu', () => {
    const x = tf.randomNormal([4, 7], 0, 1, 'float32', 1);
    close(tf.grad((t: Tensor) => tf.sum(tf.mul(relu(tf, t), t)))(x), tf.grad((t: Tensor) => tf.sum(tf.mul(tf.relu(t), t)))(x));
  });

  it('Conv2D with explicit padding equals padding the input by hand', () => {
    const { model } = compiled('x -> Conv2D(3, 3, stride: 2, padding: 1, bias: false)', 'x: [B, 7, 7, 2]');
    const x = tf.randomNormal([2, 7, 7, 2], 0, 1, 'float32', 2);
    const kernel = model.getWeights()[0]!;
    close(run(model, x), tf.conv2d(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]) as never, kernel as never, 2, 'valid'));
  });

  it('dilated Conv2D equals the dilated convolution of tfjs', () => {
    const { model } = compiled('x -> Conv2D(3, 3, dilation: 2, bias: false)', 'x: [B, 9, 9, 2]');
    const x = tf.randomNormal([2, 9, 9, 2], 0, 1, 'float32', 11);
    const kernel = model.getWeights()[0]!;
    close(run(model, x), tf.conv2d(x as never, kernel as never, 1, 'valid', 'NHWC', 2));
  });

  it('grouped Conv2D convolves each group of channels on its own', () => {
    const { model } = compiled('x -> Conv2D(4, 1, groups: 2, bias: false)', 'x: [B, 3, 3, 4]');
    const x = tf.randomNormal([1, 3, 3, 4], 0, 1, 'float32', 3);
    const w = model.getWeights()[0]!; // [1, 1, 2, 4]
    const [x1, x2] = tf.split(x, 2, 3) as [Tensor, Tensor];
    const [w1, w2] = tf.split(w, 2, 3) as [Tensor, Tensor];
    close(run(model, x), tf.concat([tf.conv2d(x1 as never, w1 as never, 1, 'valid'), tf.conv2d(x2 as never, w2 as never, 1, 'valid')], 3));
  });

  it('BatchNorm normalises each channel over the batch while training', () => {
    const { model } = compiled('x -> BatchNorm', 'x: [B, 4, 4, 3]');
    const x = tf.add(tf.mul(tf.randomNormal([8, 4, 4, 3], 0, 1, 'float32', 4), 5), 3);
    const y = model.apply(x, { training: true }) as Tensor;
    const { mean, variance } = tf.moments(y, [0, 1, 2]);
    expect(Math.max(...Array.from(tf.abs(mean).dataSync()))).toBeLessThan(1e-4);
    expect(Math.max(...Array.from(tf.abs(tf.sub(variance, 1)).dataSync()))).toBeLessThan(1e-3);
    // the running mean moved 10% of the way from 0 toward the batch mean (PyTorch momentum 0.1)
    const runningMean = model.getWeights()[2]!;
    close(runningMean, tf.mul(tf.moments(x, [0, 1, 2]).mean, 0.1));
  });

  it('LayerNorm normalises each position over its features', () => {
    const { model } = compiled('x -> LayerNorm', 'x: [B, 5, 6]');
    const y = run(model, tf.randomNormal([2, 5, 6], 4, 3, 'float32', 5));
    const { mean, variance } = tf.moments(y, -1);
    expect(Math.max(...Array.from(tf.abs(mean).dataSync()))).toBeLessThan(1e-4);
    expect(Math.max(...Array.from(tf.abs(tf.sub(variance, 1)).dataSync()))).toBeLessThan(1e-3);
  });

  it('causal MultiHeadAttention: an output does not depend on later positions', () => {
    const { model } = compiled('x -> MultiHeadAttention(2, 8, causal: true)', 'x: [B, 5, 8]');
    const x = tf.randomNormal([1, 5, 8], 0, 1, 'float32', 6);
    const changedLast = tf.concat([tf.slice(x, [0, 0, 0], [1, 4, 8]), tf.randomNormal([1, 1, 8], 0, 1, 'float32', 7)], 1);
    close(tf.slice(run(model, x), [0, 0, 0], [1, 4, 8]), tf.slice(run(model, changedLast), [0, 0, 0], [1, 4, 8]));
    expect(tf.max(tf.abs(tf.sub(run(model, x), run(model, changedLast)))).dataSync()[0]).toBeGreaterThan(1e-3);
  });

  it('window_partition then window_unpartition gives the input back', () => {
    const { model } = compiled('window_unpartition(window_partition(x, 3), 3, [5, 7])', 'x: [B, 5, 7, 2]');
    const x = tf.randomNormal([2, 5, 7, 2], 0, 1, 'float32', 8);
    close(run(model, x), x);
  });

  it('slicing follows NumPy', () => {
    const { model } = compiled('x[:, 1:4:2, newaxis, -1]', 'x: [B, 5, 3]');
    const x = tf.reshape(tf.range(0, 30), [2, 5, 3]);
    expect(run(model, x).arraySync()).toEqual([[[5], [11]], [[20], [26]]]); // [2, 2, 1], as NumPy
  });

  it('Softmax rows sum to 1 along the chosen axis', () => {
    const { model } = compiled('x -> Softmax(axis: 1)', 'x: [B, 4, 3]');
    close(tf.sum(run(model, tf.randomNormal([2, 4, 3], 0, 1, 'float32', 9)), 1), tf.ones([2, 3]));
  });

  it('AdaptiveAvgPool2D averages PyTorch windows', () => {
    const { model } = compiled('x -> AdaptiveAvgPool2D(2)', 'x: [B, 3, 3, 1]');
    const x = tf.reshape(tf.range(0, 9), [1, 3, 3, 1]);
    // windows rows [0,2) and [1,3), columns likewise
    expect(Array.from(run(model, x).dataSync())).toEqual([2, 3, 5, 6]);
  });
});
