// `nn export --to pytorch` gives the same model: for every bundled model
// that compiles (small variants where the full one is slow, and ResNet50 at
// full size), the generated nn.Module has the checker's trainable parameter
// count and, with the converted weights, computes the TensorFlow.js model's
// outputs on the same random inputs to 1e-4. Weights that start constant
// (biases, BatchNorm's scale, shift and running statistics) are set to
// random values first, so every weight's conversion shows in the outputs.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { type CaseReport, compareCases, prepareCase, worstDifference } from './export-case.js';
import { ensureTorchPython } from './python.js';

const tf = testTf();
const examples = join(import.meta.dirname, '..', '..', 'examples');
const temp = tempFolder('export-pytorch');

interface Case {
  file: string;
  model: string;
  sizes?: Record<string, number>;
  batch?: number;
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

const graphs = new Map<string, Graph>();
let reports: Record<string, CaseReport> = {};
const table: string[] = [];

beforeAll(() => {
  const python = ensureTorchPython();
  for (const c of CASES) {
    const file = join(examples, `${c.file}.nn`);
    const traced = traceModel(file, nodeHost, { model: c.model, ...(c.sizes ? { sizes: c.sizes } : {}) });
    if (!traced.ok) throw new Error(`${c.model}: ${traced.message} ${traced.diagnostics.map((d) => d.message).join('; ')}`);
    graphs.set(c.model, traced.graph);
    prepareCase(tf, traced.graph, file, join(temp.dir, c.model), { ...(c.batch ? { batch: c.batch } : {}), intHigh: c.intHigh ?? 8 });
  }
  reports = compareCases(python, CASES.map((c) => join(temp.dir, c.model)));
}, 20 * 60_000);

afterAll(() => {
  temp.remove();
  if (process.env['NN_PRINT_TABLE']) console.log(`model | parameters | max difference\n${table.join('\n')}`);
});

describe('the PyTorch export computes what the TensorFlow.js model does', () => {
  it.each(CASES)('$model ($file.nn)', (c) => {
    const graph = graphs.get(c.model)!;
    const report = reports[join(temp.dir, c.model)];
    const worst = worstDifference(report, graph);
    table.push(`${c.model} | ${graph.params.trainable} | ${worst.toExponential(1)}`);
    expect(report!.trainable).toBe(graph.params.trainable);
    expect(report!.buffers).toBe(graph.params.nonTrainable);
    expect(worst).toBeLessThanOrEqual(1e-4);
  });
});
