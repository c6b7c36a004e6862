// Every function the checker accepts compiles: the whole function table,
// each function with each of its optional arguments given and left out
// (and its `any` operands as numbers and as tensors, its inputs in every
// dtype it takes), checked in a small model (a pipeline, for a pipeline
// step), compiled, and run on the native backend. The output's shape and
// dtype must be the checker's.

import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../core/functions/index.js';
import type { Graph } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import { type Dim, isConst, substitute } from '../../core/shapes/dim.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { runPipeline } from '../../runtime/pipelines/run-pipeline.js';
import { tracePipeline } from '../../runtime/pipelines/trace-pipeline.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const BATCH = 3;

/** A model's output expression and its inputs (`x: [B, 3]`, more separated by `;`). */
type ModelCase = [call: string, inputs: string];

const x3 = 'x: [B, 3]';
const x34 = 'x: [B, 3, 4]';
const ids = 'ids: [B, 3] int';
const mask = 'm: [B, 3] bool';

/** Per function, the models that call it. An optional argument is given by name, so that the coverage test below can see it. */
const MODEL_CASES: Record<string, ModelCase[]> = {
  reshape: [['reshape(x, [B, 4, 3])', 'x: [B, 12]'], ['reshape(x, [B, -1, 2])', 'x: [B, 12]'], ['reshape(ids, [B, 3, 1])', ids]],
  transpose: [
    ['transpose(x, perm: [0, 2, 1])', x34],
    ['transpose(x)', x34],
    ['x @ transpose(Weight([5, 4])())', x34],
    ['transpose(m)', mask],
  ],
  flatten: [['flatten(x)', 'x: [B, 3, 4, 2]'], ['flatten(x, start: 2)', 'x: [B, 3, 4, 2]'], ['flatten(x, start: 0)', x34]],
  squeeze: [['squeeze(x)', 'x: [B, 1, 4, 1]'], ['squeeze(x, axis: 1)', 'x: [B, 1, 4, 1]'], ['squeeze(x, axis: -1)', 'x: [B, 1, 4, 1]']],
  expand_dims: [['expand_dims(x, 1)', x34], ['expand_dims(x, -1)', x34], ['expand_dims(m, 0)', mask]],
  concat: [['concat([a, b])', 'a: [B, 2, 4]; b: [B, 2, 3]'], ['concat([a, b], axis: 1)', 'a: [B, 2, 4]; b: [B, 3, 4]'], ['concat([ids, ids], axis: 0)', ids]],
  stack: [['stack([a, b])', 'a: [B, 4]; b: [B, 4]'], ['stack([a, b], axis: -1)', 'a: [B, 4]; b: [B, 4]']],
  split: [
    ['split(x, 2)[1]', x34],
    ['split(x, [1, 3])[1]', x34],
    ['split(x, 3, axis: 1)[2]', x34],
    ['split(x, [1, 2], axis: -2)[0]', x34],
  ],
  tile: [['tile(x, [1, 2, 3])', x34], ['tile(ids, [2, 1])', ids]],
  pad: [['pad(x, [[0, 0], [1, 2], [0, 1]])', x34], ['pad(x, [[0, 0], [1, 1], [2, 0]], value: -1.0)', x34], ['pad(ids, [[0, 0], [1, 1]], value: 7.0)', ids]],
  window_partition: [['window_partition(x, 3)', 'x: [B, 5, 4, 2]'], ['window_partition(x, 2)', 'x: [B, 4, 4, 2]']],
  window_unpartition: [['window_unpartition(window_partition(x, 3), 3, [5, 4])', 'x: [B, 5, 4, 2]'], ['window_unpartition(x, 2, [2, 2])', 'x: [B, 2, 2, 3]'], ['window_unpartition(x, 2, [1, 2])', 'x: [B, 2, 2, 3]']],
  ...Object.fromEntries(
    ['sqrt', 'rsqrt', 'exp', 'log', 'abs', 'sq', 'sin', 'cos', 'relu', 'gelu', 'sigmoid', 'tanh', 'softplus', 'neg'].map((f): [string, ModelCase[]] => [
      f,
      [
        [`${f}(x)`, x3],
        [`${f}(ids)`, ids],
        [`x * ${f}(4)`, x3],
      ],
    ]),
  ),
  floor: [['x -> Dense(floor(7 / 2))', x3]],
  ceil: [['x -> Dense(ceil(7 / 2))', x3]],
  softmax: [['softmax(x)', x34], ['softmax(x, axis: 1)', x34], ['softmax(ids)', ids]],
  log_softmax: [['log_softmax(x)', x34], ['log_softmax(x, axis: -2)', x34]],
  maximum: [['maximum(a, b)', 'a: [B, 3]; b: [B, 1]'], ['maximum(x, 0.5)', x3], ['maximum(0.5, x)', x3], ['maximum(ids, 2)', ids], ['maximum(ids, 2.5)', ids]],
  minimum: [['minimum(a, Weight([4])())', 'a: [B, 3, 4]'], ['minimum(x, 0.5)', x3], ['minimum(2, ids)', ids]],
  where: [
    ['where(x > 0.5, x, 0.0)', x3],
    ['where(m, 1.0, 0.0)', mask],
    ['where(m, ids, 0)', `${mask}; ${ids}`],
    ['where(causal_mask(3), x, -1e9)', 'x: [B, 2, 3, 3]'],
  ],
  clip: [['clip(x, 0.2, 0.8)', x3], ['clip(ids, 1, 3)', ids], ['x * clip(5, 0, 1)', x3]],
  pow: [['pow(x, 2.0)', x3], ['pow(2.0, x)', x3], ['pow(a, b)', 'a: [B, 3]; b: [B, 3]'], ['pow(ids, 2)', ids]],
  ...Object.fromEntries(
    ['sum', 'mean', 'max', 'min', 'prod'].map((f): [string, ModelCase[]] => [
      f,
      [
        [`${f}(x)`, x34],
        [`${f}(x, axis: 1)`, x34],
        [`${f}(x, axis: [1, 2], keepdims: true)`, x34],
        [`${f}(x, axis: -1, keepdims: false)`, x34],
        [`${f}(ids, axis: 1)`, ids],
        [`${f}(m, axis: 1)`, mask],
      ],
    ]),
  ),
  ...Object.fromEntries(
    ['sum_sq', 'logsumexp', 'norm'].map((f): [string, ModelCase[]] => [
      f,
      [
        [`${f}(x)`, x34],
        [`${f}(x, axis: 1)`, x34],
        [`${f}(x, axis: [1, 2], keepdims: true)`, x34],
        [`${f}(ids)`, ids],
      ],
    ]),
  ),
  argmax: [['argmax(x)', x34], ['argmax(x, axis: 1)', x34], ['argmax(ids, axis: -1)', ids]],
  argmin: [['argmin(x)', x34], ['argmin(x, axis: 1)', x34]],
  matmul: [
    ['matmul(a, b)', 'a: [B, 3, 4]; b: [B, 4, 5]'],
    ['matmul(a, Weight([4, 2])())', 'a: [B, 3, 4]'],
    ['matmul(a, Weight([4])())', 'a: [B, 3, 4]'],
    ['matmul(a, b)', 'a: [B, 2, 3, 4]; b: [B, 1, 4, 5]'],
    ['matmul(ids, Weight([3, 2])())', ids],
  ],
  one_hot: [['one_hot(ids, 5)', ids]],
  cast: [['cast(x, "int32")', x3], ['cast(x, "bool")', x3], ['cast(m, "float32")', mask], ['cast(ids, "bool")', ids]],
  causal_mask: [['causal_mask(4)', x3], ['where(causal_mask(3), x, 0.0)', 'x: [B, 3, 3]']],
  padding_mask: [['padding_mask(ids)', ids], ['padding_mask(ids, pad: 2)', ids]],
  iou: [['iou(a, b)', 'a: [B, 3, 4]; b: [B, 1, 4]'], ['iou(a, b, format: "xyxy")', 'a: [B, 3, 4]; b: [B, 3, 4]']],
  normal: [['x + normal([B, 3])', x3], ['x + normal([B, 3], mean: 1.0, std: 2.0)', x3]],
  uniform: [['x + uniform([B, 3])', x3], ['x + uniform([B, 3], low: -1.0, high: 2.0)', x3]],
  len: [['x -> Dense(len([a, b, x]))', 'a: [B, 2]; b: [B, 2]; x: [B, 3]']],
  reverse: [['concat(reverse([a, b]))', 'a: [B, 2]; b: [B, 3]']],
};

/** The operators on tensors, with numbers and tensors of each dtype on either side. */
const OPERATOR_CASES: ModelCase[] = [
  ...['+', '-', '*', '/', '%', '**'].flatMap((op): ModelCase[] => [
    [`a ${op} b`, 'a: [B, 3]; b: [B, 1]'],
    [`x ${op} 2`, x3],
    [`2.5 ${op} x`, x3],
    [`ids ${op} 2`, ids],
    [`3 ${op} ids`, ids],
    [`ids ${op} ids`, ids],
    [`x ${op} ids`, `${x3}; ${ids}`],
  ]),
  ...['==', '!=', '<', '<=', '>', '>='].flatMap((op): ModelCase[] => [
    [`x ${op} 0.5`, x3],
    [`ids ${op} 2`, ids],
    [`ids ${op} x`, `${x3}; ${ids}`],
  ]),
  ['m and x > 0.5', `${mask}; ${x3}`],
  ['m or m', mask],
  ['not m', mask],
  ['-x', x3],
  ['-ids', ids],
  ['+x', x3],
  ['x @ Weight([4, 2])()', x34],
  ['Weight([2, 3])() @ x', x34],
  ['ids @ Weight([3, 2])()', ids],
  ['ids @ transpose(ids)', ids],
  ['x[:, 1:3]', 'x: [B, 5]'],
  ['ids[..., 0]', ids],
  ['m[:, newaxis, ::2]', mask],
];

/** A pipeline step's pipeline: its body, inputs, and their shapes. */
type PipelineCase = [call: string, inputs: string, shapes: number[][]];

const PIPELINE_CASES: Record<string, PipelineCase[]> = {
  nms: [
    ['nms(boxes, scores)', 'boxes: [6, 4]; scores: [6]', [[6, 4], [6]]],
    ['nms(boxes, scores, iou: 0.3, max: 2, score: 0.1)', 'boxes: [6, 4]; scores: [6, 3]', [[6, 4], [6, 3]]],
  ],
  apply_deltas: [['apply_deltas(boxes, deltas)', 'boxes: [5, 4]; deltas: [5, 4]', [[5, 4], [5, 4]]]],
  decode_yolo: [
    ['decode_yolo(pred)', 'pred: [1, 3, 3, 30]', [[1, 3, 3, 30]]],
    ['decode_yolo(pred, boxes: 1, classes: 2)', 'pred: [1, 2, 2, 7]', [[1, 2, 2, 7]]],
  ],
  selective_search: [
    ['selective_search(image)', 'image: [16, 16, 3]', [[16, 16, 3]]],
    ['selective_search(image, count: 4)', 'image: [1, 16, 16, 3]', [[1, 16, 16, 3]]],
  ],
  crop_and_resize: [['crop_and_resize(image, boxes, [4, 5])', 'image: [1, 12, 12, 3]; boxes: [3, 4]', [[1, 12, 12, 3], [3, 4]]]],
};

const declare = (inputs: string) =>
  inputs
    .split('; ')
    .map((i) => `  input ${i}\n`)
    .join('');

function traceCase(call: string, inputs: string): Graph {
  const source = `model M {\n${declare(inputs)}  output ${call}\n}\n`;
  const result = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
  if (!result.ok) throw new Error(`${call}: ${result.message} ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

function randomInput(shape: number[], dtype: string): Tensor {
  if (dtype === 'int32') return tf.randomUniform(shape, 0, 5, 'int32', 1);
  if (dtype === 'bool') return tf.greater(tf.randomUniform(shape, 0, 1, 'float32', 2), 0.3);
  return tf.randomUniform(shape, 0.1, 1, 'float32', 3);
}

/** A checked size at run time: the batch resolved, a size only the run decides (nms's K1) left open. */
const expectedSize = (d: Dim, sizes: ReadonlyMap<string, Dim>): number | undefined => {
  const s = substitute(d, sizes);
  return isConst(s) ? s : undefined;
};

describe('every function in the table compiles to what the checker says', () => {
  const cases = Object.entries(MODEL_CASES).flatMap(([fn, list]) => list.map(([call, inputs]) => ({ fn, call, inputs })));
  it.each(cases)('$call  ($inputs)', ({ call, inputs }) => {
    const graph = traceCase(call, inputs);
    const model = compileGraph(tf, graph, { seed: 7 });
    tf.tidy(() => {
      const xs = graph.inputs.map((i) => randomInput(i.type.shape.map((d) => resolveDim(d, BATCH)), i.type.dtype));
      const out = model.predict(xs.length === 1 ? xs[0]! : xs) as Tensor;
      const expected = graph.outputs[0]!.type;
      expect({ shape: out.shape, dtype: out.dtype }).toEqual({ shape: expected.shape.map((d) => resolveDim(d, BATCH)), dtype: expected.dtype });
    });
    model.dispose();
  });

  it.each(OPERATOR_CASES)('operator: %s  (%s)', (call, inputs) => {
    const graph = traceCase(call, inputs);
    const model = compileGraph(tf, graph, { seed: 7 });
    tf.tidy(() => {
      const xs = graph.inputs.map((i) => randomInput(i.type.shape.map((d) => resolveDim(d, BATCH)), i.type.dtype));
      const out = model.predict(xs.length === 1 ? xs[0]! : xs) as Tensor;
      const expected = graph.outputs[0]!.type;
      expect({ shape: out.shape, dtype: out.dtype }).toEqual({ shape: expected.shape.map((d) => resolveDim(d, BATCH)), dtype: expected.dtype });
    });
    model.dispose();
  });

  const steps = Object.entries(PIPELINE_CASES).flatMap(([fn, list]) => list.map(([call, inputs, shapes]) => ({ fn, call, inputs, shapes })));
  it.each(steps)('pipeline step $call  ($inputs)', ({ call, inputs, shapes }) => {
    const host = memoryHost({ '/p.nn': `pipeline P {\n${declare(inputs)}  output ${call}\n}\n` });
    const graph = tracePipeline('/p.nn', host, { pipeline: 'P', inputShapes: shapes });
    const images = graph.inputs.map((input, i) => (input.name === 'boxes' ? tf.tensor2d(boxes(shapes[i]![0]!)) : tf.randomUniform(shapes[i]!, 0, 1, 'float32', 4 + i)));
    const outputs = runPipeline(tf, graph, images, {});
    const sizes = new Map(Object.entries(graph.sizes));
    expect(outputs.map((o) => o.name)).toEqual(graph.outputs.map((o) => o.name));
    outputs.forEach((o, i) => {
      const type = graph.outputs[i]!.type;
      const want = type.shape.map((d) => expectedSize(d, sizes));
      expect({ shape: o.tensor.shape.map((d, axis) => (want[axis] === undefined ? undefined : d)), dtype: o.tensor.dtype }).toEqual({ shape: want, dtype: type.dtype });
    });
  });
});

describe('what the fixed kernels compute', () => {
  /** The model's output for the given inputs, as numbers. */
  function run(call: string, inputs: string, ...xs: Tensor[]): { values: number[]; dtype: string } {
    const model = compileGraph(tf, traceCase(call, inputs), { seed: 7 });
    const out = model.predict(xs.length === 1 ? xs[0]! : xs) as Tensor;
    const result = { values: Array.from(out.dataSync()), dtype: out.dtype };
    model.dispose();
    return result;
  }

  it('% takes the sign of the divisor, as in Python, and an int remainder by 0 is 0, as in NumPy', () => {
    expect(run('x % 3', 'x: [B, 4]', tf.tensor2d([[-7, -1, 5, 7.5]])).values).toEqual([2, 2, 2, 1.5]);
    expect(run('a % b', 'a: [B, 4] int; b: [B, 4] int', tf.tensor2d([[7, -7, 7, 5]], undefined, 'int32'), tf.tensor2d([[3, 3, -3, 0]], undefined, 'int32'))).toEqual({ values: [1, 2, -2, 0], dtype: 'int32' });
  });

  it('transpose without perm reverses every axis', () => {
    const x = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // [1, 3, 2]
    expect(run('transpose(x)', 'x: [B, 3, 2]', x).values).toEqual(Array.from(tf.transpose(x).dataSync()));
    expect(Array.from(tf.transpose(x).dataSync())).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('int math with numbers stays exact ints', () => {
    const t = tf.tensor2d([[0, 3, 7]], undefined, 'int32');
    // 16777219 is past float32's exact integers: computed as floats, it would round
    expect(run('maximum(ids, 2) + 16777217', ids, t)).toEqual({ values: [16777219, 16777220, 16777224], dtype: 'int32' });
    expect(run('ids ** 2', ids, t)).toEqual({ values: [0, 9, 49], dtype: 'int32' });
  });

  it('max and min of bools say whether any and all are true', () => {
    const m = tf.tensor2d([[true, false, false], [true, true, true]], undefined, 'bool');
    expect(run('cast(max(m, axis: 1), "int32")', mask, m).values).toEqual([1, 1]);
    expect(run('cast(min(m, axis: 1), "int32")', mask, m).values).toEqual([0, 1]);
  });
});

/** `n` boxes [x1, y1, x2, y2] inside a 12 x 12 image, overlapping in part. */
function boxes(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [i, i % 3, i + 5, (i % 3) + 6]);
}

describe('the cases above', () => {
  const all: Record<string, readonly (readonly [string, ...unknown[]])[]> = { ...MODEL_CASES, ...PIPELINE_CASES };

  it('call every function of the table', () => {
    expect([...FUNCTIONS.keys()].filter((name) => !all[name]?.length)).toEqual([]);
  });

  it('give every optional argument, and leave it out', () => {
    const missing: string[] = [];
    for (const spec of FUNCTIONS.values()) {
      const calls = (all[spec.name] ?? []).map(([call]) => call);
      for (const p of spec.params) {
        if (!p.optional && p.default === undefined) continue;
        const named = new RegExp(`\\b${p.name}\\s*:`);
        if (!calls.some((c) => named.test(c))) missing.push(`${spec.name}: ${p.name} given`);
        if (!calls.some((c) => !named.test(c))) missing.push(`${spec.name}: ${p.name} left out`);
      }
    }
    expect(missing).toEqual([]);
  });
});
