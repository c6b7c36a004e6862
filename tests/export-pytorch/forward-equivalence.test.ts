// `nn export --to pytorch` gives the same model: for every bundled model
// that compiles (small variants where the full one is slow, and ResNet50 at
// full size), the generated nn.Module has the checker's trainable parameter
// count and, with the converted weights, computes the TensorFlow.js model's
// outputs on the same random inputs to 1e-4. Weights that start constant
// (biases, BatchNorm's scale, shift and running statistics) are set to
// random values first, so every weight's conversion shows in the outputs.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import type { Graph } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { exportPytorch } from '../../runtime/export/pytorch/export-pytorch.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';
import { prng } from '../helpers/prng.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { ensureTorchPython, runPython } from './python.js';

const tf = testTf();
const examples = join(import.meta.dirname, '..', '..', 'examples');
const compareScript = join(import.meta.dirname, 'compare_outputs.py');
const temp = tempFolder('export-pytorch');
let python = '';

interface Case {
  file: string;
  model: string;
  sizes?: Record<string, number>;
  batch?: number;
  /** int inputs are drawn from [0, intHigh) */
  intHigh?: number;
}

const CASES: Case[] = [
  { file: 'mlp', model: 'MLP' },
  { file: 'vgg', model: 'VGGSmall' },
  { file: 'resnet', model: 'ResNetSmall' },
  { file: 'resnet', model: 'ResNet50', batch: 1 },
  { file: 'transformer', model: 'TransformerSmall', sizes: { S: 10, T: 9 } },
  { file: 'gpt', model: 'GPTSmall', sizes: { T: 12 } },
  { file: 'yolo', model: 'YoloSmall' },
  { file: 'rcnn', model: 'RCNNSmall' },
  { file: 'gan', model: 'Generator' },
  { file: 'gan', model: 'Discriminator' },
  { file: 'gan', model: 'RingGenerator' },
  { file: 'gan', model: 'RingDiscriminator' },
  { file: 'sam', model: 'SAMSmall', sizes: { N: 3, Nt: 2 }, intHigh: 2 },
  { file: 'attention', model: 'MaskedMultiHeadSelfAttention', sizes: { T: 7 } },
  { file: 'attention', model: 'CrossAttention', sizes: { T: 7, S: 5 } },
  { file: 'backprop', model: 'ResidualDeep' },
];

interface Report {
  trainable: number;
  buffers: number;
  outputs: Record<string, { shape: number[]; expected_shape: number[]; dtype: string; max_difference: number }>;
}

const table: string[] = [];

beforeAll(() => {
  python = ensureTorchPython();
}, 15 * 60_000);

afterAll(() => {
  temp.remove();
  if (process.env['NN_PRINT_TABLE']) console.log(`model | parameters | max difference | seconds\n${table.join('\n')}`);
});

/** Weights that start as one constant (zeros, ones) get random values: a running variance stays positive. */
function perturbConstantWeights(model: LayersModel, random: () => number): void {
  for (const variable of model.weights) {
    const value = variable.read();
    const values = value.dataSync() as Float32Array;
    if (values.length === 0 || !values.every((v) => v === values[0])) continue;
    const positive = variable.originalName.endsWith('moving_variance');
    const fresh = Float32Array.from(values, (v) => (positive ? 0.5 + random() : v + (random() - 0.5) * 0.4));
    variable.write(tf.tensor(fresh, value.shape));
  }
}

function randomInputs(graph: Graph, batch: number, random: () => number, intHigh: number): Tensor[] {
  return graph.inputs.map((input) => {
    const shape = input.type.shape.map((d) => resolveDim(d, batch));
    const count = shape.reduce((a, b) => a * b, 1);
    if (input.type.dtype === 'int32') return tf.tensor(Int32Array.from({ length: count }, () => Math.floor(random() * intHigh)), shape, 'int32');
    if (input.type.dtype === 'bool') return tf.tensor(Uint8Array.from({ length: count }, () => (random() < 0.5 ? 1 : 0)), shape, 'bool');
    return tf.tensor(Float32Array.from({ length: count }, () => random()), shape, 'float32');
  });
}

function writeNpy(path: string, t: Tensor): void {
  const data = t.dataSync();
  const values = t.dtype === 'int32' ? Int32Array.from(data) : t.dtype === 'bool' ? Uint8Array.from(data) : Float32Array.from(data);
  temp.write(path, encodeNpy(values, t.shape, t.dtype as 'float32' | 'int32' | 'bool'));
}

describe('the PyTorch export computes what the TensorFlow.js model does', () => {
  it.each(CASES)('$file.nn $model', (c) => {
    const started = Date.now();
    const file = join(examples, `${c.file}.nn`);
    const traced = traceModel(file, nodeHost, { model: c.model, ...(c.sizes ? { sizes: c.sizes } : {}) });
    if (!traced.ok) throw new Error(`${traced.message}: ${traced.diagnostics.map((d) => d.message).join('; ')}`);
    const { graph } = traced;
    const model = compileGraph(tf, graph, { seed: 1 });
    const random = prng(7);
    perturbConstantWeights(model, random);

    const dir = join(temp.dir, c.model);
    mkdirSync(dir, { recursive: true });
    exportPytorch(tf, model, graph, dir, { file, weightsFrom: undefined });

    const inputs = randomInputs(graph, c.batch ?? 2, random, c.intHigh ?? 8);
    const predicted = model.predict(inputs.length === 1 ? inputs[0]! : inputs) as Tensor | Tensor[];
    const outputs = Array.isArray(predicted) ? predicted : [predicted];
    graph.inputs.forEach((input, i) => writeNpy(join(c.model, `in_${input.name}.npy`), inputs[i]!));
    graph.outputs.forEach((output, i) => writeNpy(join(c.model, `out_${output.name}.npy`), outputs[i]!));
    tf.dispose([...inputs, ...outputs]);

    const report = runPython<Report>(python, compareScript, [dir, dir]);
    model.dispose();
    expect(report.trainable).toBe(graph.params.trainable);
    const differences = graph.outputs.map((output) => {
      const got = report.outputs[output.name]!;
      expect(got.shape, output.name).toEqual(got.expected_shape);
      return got.max_difference;
    });
    const worst = Math.max(...differences);
    table.push(`${c.model} | ${graph.params.trainable} | ${worst.toExponential(1)} | ${((Date.now() - started) / 1000).toFixed(1)}`);
    expect(worst).toBeLessThanOrEqual(1e-4);
  }, 120_000);
});
