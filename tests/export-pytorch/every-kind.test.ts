// Every layer kind, function and operator the compiler supports, exported
// to PyTorch: the same grid of small models as the compiler's differential
// test (tests/runtime/compile-layers.test.ts), each model's generated module
// run on the inputs the TensorFlow.js model ran on, outputs equal to 1e-4
// (random functions: the same shape; PyTorch draws its own numbers). The
// registry test: nothing the compiler supports is left without an emitter.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import { FUNCTION_EMITTERS } from '../../runtime/export/pytorch/function-emitters.js';
import { LAYER_EMITTERS } from '../../runtime/export/pytorch/layer-emitters.js';
import { memoryHost } from '../helpers/memory-host.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { type CaseReport, compareCases, prepareCase, worstDifference } from './export-case.js';
import { ensureTorchPython } from './python.js';

const tf = testTf();
const temp = tempFolder('export-pytorch-kinds');

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
  ['x -> Conv2D(6, 3, stride: 2, padding: "same")', 'x: [B, 8, 8, 4]'],
  ['x -> Conv2D(6, 3, padding: [[0, 1], [2, 1]])', 'x: [B, 8, 8, 4]'],
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
  ['x -> AvgPool2D(3, stride: 2, ceil_mode: true)', 'x: [B, 8, 8, 3]'],
  ['x -> AvgPool2D(3, stride: 1, padding: "same")', 'x: [B, 8, 8, 3]'],
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
  ['x -> BatchNorm', 'x: [B, 6]'],
  ['x -> LayerNorm', 'x: [B, 4, 6]'],
  ['x -> LayerNorm(6, scale: false)', 'x: [B, 4, 6]'],
  ['x -> GroupNorm(2)', 'x: [B, 5, 5, 4]'],
  ['x -> LocalResponseNorm(5)', 'x: [B, 5, 5, 8]'],
  ['x -> LocalResponseNorm(4, alpha: 0.01)', 'x: [B, 5, 5, 8]'],
  ['x -> Dropout(0.5)', 'x: [B, 6]'],
  ['x -> DropPath(0.2)', 'x: [B, 4, 6]'],
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
  ['transpose(x)', 'x: [B, 3, 4]'],
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
  ['sum(ids, axis: 1)', 'ids: [B, 3] int'],
  ['argmax(x)', 'x: [B, 3, 4]'],
  ['argmin(x, axis: 1)', 'x: [B, 3, 4]'],
  ['matmul(a, b)', 'a: [B, 3, 4]\n  input b: [B, 4, 5]'],
  ['one_hot(ids, 5)', 'ids: [B, 3] int'],
  ['cast(x > 0.5, "float32")', 'x: [B, 3]'],
  ['where(causal_mask(4), x, -1e9)', 'x: [B, 2, 4, 4]'],
  ['cast(padding_mask(ids), "float32")', 'ids: [B, 6] int'],
  ['iou(a, b)', 'a: [B, 3, 4]\n  input b: [B, 1, 4]'],
  ['x + normal([B, 3]) * 0.0', 'x: [B, 3]'],
  ['x + uniform([B, 3]) * 0.0', 'x: [B, 3]'],
  // operators and slicing
  ['a + b * 2 - a / 4', 'a: [B, 3]\n  input b: [B, 3]'],
  ['ids + 1', 'ids: [B, 3] int'],
  ['ids % 3', 'ids: [B, 3] int'],
  ['2.0 ** x', 'x: [B, 3]'],
  ['a @ Weight([4, 2])()', 'a: [B, 3, 4]'],
  ['-x', 'x: [B, 3]'],
  ['cast(not (x > 0.5), "float32")', 'x: [B, 3]'],
  ['cast((a > 0.5) and (b < 0.5), "float32")', 'a: [B, 3]\n  input b: [B, 3]'],
  ['x ** 2', 'x: [B, 3]'],
  ['x[:, 1:3]', 'x: [B, 5]'],
  ['x[..., 0]', 'x: [B, 3, 4]'],
  ['x[:, newaxis, ::2]', 'x: [B, 5]'],
  ['x[:, -2:]', 'x: [B, 5, 2]'],
];

const graphs: (Graph | string)[] = [];
let reports: Record<string, CaseReport> = {};
const caseDir = (i: number) => join(temp.dir, `case_${i}`);

beforeAll(() => {
  const python = ensureTorchPython();
  CASES.forEach(([call, inputs], i) => {
    const source = `model M {\n  input ${inputs}\n  output ${call}\n}\n`;
    const result = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
    if (!result.ok) {
      graphs.push(`${result.message} ${result.diagnostics.map((d) => d.message).join('; ')}`);
      return;
    }
    graphs.push(result.graph);
    try {
      prepareCase(tf, result.graph, '/m.nn', caseDir(i), { batch: 3 });
    } catch (e) {
      graphs[i] = `export: ${(e as Error).message}`;
    }
  });
  reports = compareCases(python, CASES.map((_, i) => caseDir(i)).filter((_, i) => typeof graphs[i] !== 'string'));
}, 20 * 60_000);

afterAll(() => temp.remove());

describe('every layer kind, function and operator exports to PyTorch and computes the same', () => {
  it.each(CASES.map((c, i) => [...c, i] as const))('%s', (call, _inputs, i) => {
    const graph = graphs[i]!;
    if (typeof graph === 'string') throw new Error(graph);
    const report = reports[caseDir(i)];
    const worst = worstDifference(report, graph);
    expect(report!.trainable).toBe(graph.params.trainable);
    expect(report!.buffers).toBe(graph.params.nonTrainable);
    if (!/normal|uniform/.test(call)) expect(worst).toBeLessThanOrEqual(1e-4);
  });
});

describe('the emitter registry', () => {
  it('has an emitter for every layer kind of the catalog', () => {
    expect([...LAYERS.keys()].filter((name) => !(name in LAYER_EMITTERS))).toEqual([]);
  });

  it('has an emitter for every function a model may call', () => {
    const inModels = [...FUNCTIONS.values()].filter((f) => !f.pipelineOnly && !f.checkTimeOnly).map((f) => f.name);
    expect(inModels.filter((name) => !(name in FUNCTION_EMITTERS))).toEqual([]);
  });
});
