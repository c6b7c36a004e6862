// The differential test of the compiler: every layer kind, function and
// operator over a grid of arguments, compiled and run on a real batch. The
// compiled model's output shapes and weight counts must equal the checker's,
// and gradients must flow through it.

import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import type { Graph } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { hasKernel } from '../../runtime/compile/kernels/index.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';

type Variable = import('@tensorflow/tfjs').Variable;
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const BATCH = 3;

/** [what the model computes, its inputs] */
const CASES: [string, string][] = [
  // dense and activations
  ['x -> Dense(5)', 'x: [B, 7]'],
  ['x -> Dense(5, activation: "relu", bias: false)', 'x: [B, 4, 7]'],
  ...['ReLU', 'ReLU6', 'LeakyReLU(0.2)', 'ELU(0.5)', 'SELU', 'GELU', 'GELU(approximate: "tanh")', 'Sigmoid', 'Tanh', 'SiLU', 'Swish', 'Softplus(2.0)', 'Mish', 'HardSwish', 'Softmax', 'Softmax(axis: 1)', 'LogSoftmax', 'Identity'].map(
    (a): [string, string] => [`x -> ${a}`, 'x: [B, 3, 5]'],
  ),
  ['x -> PReLU', 'x: [B, 6, 6, 4]'],
  ['x -> PReLU(per_channel: true)', 'x: [B, 6, 6, 4]'],
  // convolutions
  ['x -> Conv2D(6, 3)', 'x: [B, 9, 9, 4]'],
  ['x -> Conv2D(6, 3, stride: 2, padding: 1)', 'x: [B, 9, 9, 4]'],
  ['x -> Conv2D(6, [3, 5], stride: [2, 1], padding: "same")', 'x: [B, 9, 8, 4]'],
  ['x -> Conv2D(8, 3, padding: 2, dilation: 2)', 'x: [B, 9, 9, 4]'],
  ['x -> Conv2D(8, 3, padding: 1, groups: 2, bias: false)', 'x: [B, 6, 6, 4]'],
  ['x -> Conv2D(4, 3, padding: 1, groups: 4)', 'x: [B, 6, 6, 4]'],
  ['x -> Conv2D(4, 1, activation: "relu")', 'x: [B, 5, 5, 3]'],
  ['x -> Conv1D(6, 3)', 'x: [B, 10, 4]'],
  ['x -> Conv1D(6, 3, stride: 2, padding: 1, dilation: 1)', 'x: [B, 10, 4]'],
  ['x -> Conv1D(6, 5, padding: "same")', 'x: [B, 10, 4]'],
  ['x -> Conv2DTranspose(5, 2, stride: 2)', 'x: [B, 4, 4, 3]'],
  ['x -> Conv2DTranspose(5, 3, stride: 2, padding: 1, output_padding: 1)', 'x: [B, 4, 4, 3]'],
  ['x -> Conv2DTranspose(5, 4, stride: 2, padding: 1)', 'x: [B, 4, 5, 3]'],
  ['x -> Conv2DTranspose(5, 3, stride: 2, padding: "same")', 'x: [B, 4, 4, 3]'],
  // pooling
  ['x -> MaxPool2D(2)', 'x: [B, 8, 8, 3]'],
  ['x -> MaxPool2D(3, stride: 2)', 'x: [B, 9, 9, 3]'],
  ['x -> MaxPool2D(3, stride: 2, padding: 1)', 'x: [B, 8, 8, 3]'],
  ['x -> MaxPool2D(3, stride: 2, ceil_mode: true)', 'x: [B, 8, 8, 3]'],
  ['x -> MaxPool2D(2, padding: "same")', 'x: [B, 7, 7, 3]'],
  ['x -> AvgPool2D(2)', 'x: [B, 8, 8, 3]'],
  ['x -> AvgPool2D(3, stride: 1, padding: 1)', 'x: [B, 8, 8, 3]'],
  ['x -> MaxPool1D(2)', 'x: [B, 9, 3]'],
  ['x -> AvgPool1D(3, stride: 2, padding: 1)', 'x: [B, 9, 3]'],
  ['x -> GlobalAvgPool', 'x: [B, 5, 5, 3]'],
  ['x -> GlobalAvgPool(keepdims: true)', 'x: [B, 5, 5, 3]'],
  ['x -> GlobalMaxPool', 'x: [B, 7, 3]'],
  ['x -> AdaptiveAvgPool2D(3)', 'x: [B, 7, 8, 3]'],
  ['x -> AdaptiveAvgPool2D([6, 6])', 'x: [B, 13, 13, 2]'],
  // normalisation and dropout
  ['x -> BatchNorm', 'x: [B, 5, 5, 3]'],
  ['x -> BatchNorm(3, affine: false)', 'x: [B, 4, 3]'],
  ['x -> LayerNorm', 'x: [B, 4, 6]'],
  ['x -> LayerNorm(6, scale: false)', 'x: [B, 4, 6]'],
  ['x -> GroupNorm(2)', 'x: [B, 5, 5, 4]'],
  ['x -> LocalResponseNorm(5)', 'x: [B, 5, 5, 8]'],
  ['x -> Dropout(0.5)', 'x: [B, 6]'],
  ['x -> DropPath(0.2)', 'x: [B, 4, 6]'],
  ['x -> Dense(5, init: "he_normal", bias_init: "pytorch")', 'x: [B, 7]'],
  ['x -> Conv2D(6, 3, init: "orthogonal", bias_init: "constant(0.1)")', 'x: [B, 9, 9, 4]'],
  // reshaping and resizing
  ['x -> Flatten', 'x: [B, 3, 4, 2]'],
  ['x -> Reshape([4, 6])', 'x: [B, 3, 8]'],
  ['x -> Reshape([-1, 2])', 'x: [B, 3, 8]'],
  ['x -> Permute([2, 1])', 'x: [B, 3, 5]'],
  ['x -> Transpose([0, 3, 1, 2])', 'x: [B, 3, 4, 5]'],
  ['x -> UpSampling2D(2)', 'x: [B, 3, 4, 2]'],
  ['x -> UpSampling2D([2, 3], interpolation: "bilinear")', 'x: [B, 3, 4, 2]'],
  ['x -> ZeroPadding2D(1)', 'x: [B, 3, 4, 2]'],
  ['x -> ZeroPadding2D([[1, 2], [0, 3]])', 'x: [B, 3, 4, 2]'],
  ['x -> Cropping2D([1, 2])', 'x: [B, 6, 7, 2]'],
  // merging
  ['Concat(axis: -1)(a, b)', 'a: [B, 3, 4]\n  input b: [B, 3, 2]'],
  ['Add(a, b)', 'a: [B, 3, 4]\n  input b: [B, 1, 4]'],
  ['Subtract(a, b)', 'a: [B, 3, 4]\n  input b: [B, 3, 4]'],
  ['Multiply(a, b)', 'a: [B, 3, 4]\n  input b: [B, 3, 4]'],
  ['(x -> Split(2))[1]', 'x: [B, 3, 4]'],
  ['(x -> Split([1, 3], axis: 2))[1]', 'x: [B, 3, 4]'],
  // embeddings and free weights
  ['ids -> Embedding(11, 6)', 'ids: [B, 5] int'],
  ['x -> PositionalEncoding', 'x: [B, 5, 6]'],
  ['x -> PositionalEncoding("learned", max_len: 8, dropout: 0.1)', 'x: [B, 5, 6]'],
  ['x + Weight([1, 5, 6])()', 'x: [B, 5, 6]'],
  ['x -> FourierFeatures(4)', 'x: [B, 5, 2]'],
  // attention
  ['x -> MultiHeadAttention(2, 8)', 'x: [B, 5, 8]'],
  ['MultiHeadAttention(2, 6, causal: true, bias: false)(x)', 'x: [B, 5, 6]'],
  ['MultiHeadAttention(2, 8, inner: 4)(q, kv)', 'q: [B, 3, 8]\n  input kv: [B, 5, 6]'],
  ['MultiHeadAttention(2, 8)(q, k, v, m)', 'q: [B, 3, 8]\n  input k: [B, 5, 8]\n  input v: [B, 5, 4]\n  input m: [B, 5] bool'],
  ['x -> RelPosAttention(2, [3, 4])', 'x: [B, 3, 4, 8]'],
  // functions
  ['reshape(x, [B, 4, 3])', 'x: [B, 12]'],
  ['reshape(x, [2 * B, 6])', 'x: [B, 12]'],
  ['transpose(x, [0, 2, 1])', 'x: [B, 3, 4]'],
  ['flatten(x, 2)', 'x: [B, 3, 4, 2]'],
  ['squeeze(x, 1)', 'x: [B, 1, 4]'],
  ['expand_dims(x, -1)', 'x: [B, 4]'],
  ['concat([a, b], axis: 1)', 'a: [B, 2, 4]\n  input b: [B, 3, 4]'],
  ['stack([a, b], axis: 1)', 'a: [B, 4]\n  input b: [B, 4]'],
  ['split(x, 2)[0]', 'x: [B, 3, 4]'],
  ['split(x, [1, 2], axis: 1)[1]', 'x: [B, 3, 4]'],
  ['tile(x, [1, 2, 3])', 'x: [B, 2, 2]'],
  ['pad(x, [[0, 0], [1, 2], [0, 1]])', 'x: [B, 2, 2]'],
  ['window_unpartition(window_partition(x, 3), 3, [5, 4])', 'x: [B, 5, 4, 2]'],
  ...['sqrt', 'rsqrt', 'exp', 'log', 'abs', 'sq', 'sin', 'cos', 'relu', 'gelu', 'sigmoid', 'tanh', 'softplus', 'neg'].map((f): [string, string] => [`${f}(x)`, 'x: [B, 3]']),
  ['softmax(x, axis: 1)', 'x: [B, 3, 4]'],
  ['log_softmax(x)', 'x: [B, 3, 4]'],
  ['maximum(x, 0.5)', 'x: [B, 3]'],
  ['minimum(a, b)', 'a: [B, 3]\n  input b: [B, 3]'],
  ['where(x > 0.5, x, 0.0)', 'x: [B, 3]'],
  ['clip(x, 0.1, 0.9)', 'x: [B, 3]'],
  ['pow(x, 2.0)', 'x: [B, 3]'],
  ...['sum', 'mean', 'max', 'min', 'prod', 'sum_sq', 'logsumexp', 'norm'].map((f): [string, string] => [`${f}(x, axis: 1)`, 'x: [B, 3, 4]']),
  ['sum(x, axis: [1, 2], keepdims: true)', 'x: [B, 3, 4]'],
  ['argmax(x)', 'x: [B, 3, 4]'],
  ['argmin(x, axis: 1)', 'x: [B, 3, 4]'],
  ['matmul(a, b)', 'a: [B, 3, 4]\n  input b: [B, 4, 5]'],
  ['one_hot(ids, 5)', 'ids: [B, 3] int'],
  ['cast(x > 0.5, "float32")', 'x: [B, 3]'],
  ['where(causal_mask(4), x, -1e9)', 'x: [B, 2, 4, 4]'],
  ['cast(padding_mask(ids), "float32")', 'ids: [B, 6] int'],
  ['iou(a, b)', 'a: [B, 3, 4]\n  input b: [B, 1, 4]'],
  ['x + normal([B, 3]) * 0.0', 'x: [B, 3]'],
  ['x + uniform([B, 3])', 'x: [B, 3]'],
  // operators and slicing
  ['a + b * 2 - a / 4', 'a: [B, 3]\n  input b: [B, 3]'],
  ['a @ Weight([4, 2])()', 'a: [B, 3, 4]'],
  ['-x', 'x: [B, 3]'],
  ['cast(not (x > 0.5), "float32")', 'x: [B, 3]'],
  ['x ** 2', 'x: [B, 3]'],
  ['x[:, 1:3]', 'x: [B, 5]'],
  ['x[..., 0]', 'x: [B, 3, 4]'],
  ['x[:, newaxis, ::2]', 'x: [B, 5]'],
  ['x[:, -2:]', 'x: [B, 5, 2]'],
];

function trace(call: string, inputs: string): Graph {
  const source = `model M {\n  input ${inputs}\n  output ${call}\n}\n`;
  const result = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
  if (!result.ok) throw new Error(`${call}: ${result.message} ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

function randomInput(shape: number[], dtype: string): Tensor {
  if (dtype === 'int32') return tf.randomUniform(shape, 0, 5, 'int32');
  if (dtype === 'bool') return tf.greater(tf.randomUniform(shape), 0.3);
  return tf.randomUniform(shape, 0.1, 1);
}

/** Training can differentiate through the model: every weight and float input gets a finite gradient. */
function expectGradients(model: LayersModel, graph: Graph, xs: Tensor[]): void {
  const inputs = xs.map((x, i) => (graph.inputs[i]!.type.dtype === 'float32' ? tf.variable(x) : x));
  const variables = [...model.trainableWeights.map((w) => w.read() as Variable), ...inputs.filter((x): x is Variable => x instanceof tf.Variable)];
  if (variables.length === 0) return; // nothing to differentiate: integer inputs and no weights (one_hot(ids))
  const { grads } = tf.variableGrads(() => tf.sum(tf.cast(model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training: true }) as Tensor, 'float32')) as never, variables);
  for (const g of Object.values(grads)) expect(Number.isFinite(tf.sum(g).dataSync()[0])).toBe(true);
  for (const x of inputs) if (x instanceof tf.Variable) x.dispose();
}

describe('every layer kind, function and operator compiles to what the checker says', () => {
  it.each(CASES)('%s', (call, inputs) => {
    const graph = trace(call, inputs);
    const model = compileGraph(tf, graph, { seed: 7 });
    const count = (ws: { shape: number[] }[]) => ws.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
    expect({ trainable: count(model.trainableWeights as never), nonTrainable: count(model.nonTrainableWeights as never) }).toEqual(graph.params);
    tf.tidy(() => {
      const xs = graph.inputs.map((i) => randomInput(i.type.shape.map((d) => resolveDim(d, BATCH)), i.type.dtype));
      const out = model.predict(xs.length === 1 ? xs[0]! : xs) as Tensor;
      const expected = graph.outputs[0]!.type;
      expect(out.shape).toEqual(expected.shape.map((d) => resolveDim(d, BATCH)));
      expect(out.dtype).toBe(expected.dtype);
      if (out.dtype === 'float32') expect(Number.isFinite(tf.sum(out).dataSync()[0])).toBe(true);
      if (out.dtype === 'float32') expectGradients(model, graph, xs);
    });
    model.dispose();
  });
});

describe('the kernel registry', () => {
  it('has a kernel for every layer kind of the catalog', () => {
    expect([...LAYERS.keys()].filter((name) => !hasKernel(name))).toEqual([]);
  });

  it('has a kernel for every function a model may call', () => {
    const inModels = [...FUNCTIONS.values()].filter((f) => !f.pipelineOnly && !f.checkTimeOnly).map((f) => f.name);
    expect(inModels.filter((name) => !hasKernel(`fn:${name}`))).toEqual([]);
  });

  it('covers every layer kind in the differential cases above', () => {
    const used = new Set(CASES.flatMap(([call]) => [...call.matchAll(/\b([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!)));
    expect([...LAYERS.keys()].filter((name) => !used.has(name))).toEqual([]);
  });
});
