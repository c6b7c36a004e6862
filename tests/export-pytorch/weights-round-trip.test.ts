// The weight conversion both ways, for every bundled model the export
// forward-checks: a build's weights moved to the PyTorch module's layout
// (convertWeights), written and read as safetensors, and moved back
// (restoreTorchWeights) into a build with other initial weights give that
// build every weight of the first, bit for bit: kernels transposed back,
// BatchNorm's running statistics, GPT's tied embedding. A state dict of
// another model is refused whole, leaving the model as it was.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { convertWeights } from '../../runtime/export/pytorch/export-pytorch.js';
import { generateModule } from '../../runtime/export/pytorch/generate-module.js';
import { decodeSafetensors, encodeSafetensors } from '../../runtime/export/pytorch/safetensors.js';
import { restoreTorchWeights } from '../../runtime/export/pytorch/torch-to-tfjs-weights.js';
import type { LayersModel } from '../../runtime/tf-types.js';
import { CheckpointError } from '../../runtime/train/checkpoint.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const examples = join(import.meta.dirname, '..', '..', 'examples');
const built: LayersModel[] = [];
afterAll(() => built.forEach((m) => m.dispose()));

const CASES: { file: string; model: string; sizes?: Record<string, number> }[] = [
  { file: 'mlp', model: 'MLP' },
  { file: 'vgg', model: 'VGGSmall' },
  { file: 'resnet', model: 'ResNetSmall' },
  { file: 'transformer', model: 'TransformerSmall', sizes: { S: 10, T: 9 } },
  { file: 'gpt', model: 'GPTSmall', sizes: { T: 12 } },
  { file: 'yolo', model: 'YoloSmall' },
  { file: 'rcnn', model: 'RCNNSmall' },
  { file: 'gan', model: 'Generator' },
  { file: 'sam', model: 'SAMSmall', sizes: { N: 3, Nt: 2 } },
  { file: 'attention', model: 'CrossAttention', sizes: { T: 7, S: 5 } },
];

function build(file: string, model: string, sizes: Record<string, number> | undefined, seed: number) {
  const traced = traceModel(join(examples, `${file}.nn`), nodeHost, { model, ...(sizes ? { sizes } : {}) });
  if (!traced.ok) throw new Error(`${model}: ${traced.message}`);
  const compiled = compileGraph(tf, traced.graph, { seed });
  built.push(compiled);
  return { graph: traced.graph, model: compiled, generated: generateModule(traced.graph, { file: `${file}.nn` }) };
}

const values = (model: LayersModel) => model.weights.map((w) => ({ name: w.originalName, values: w.read().dataSync() as Float32Array }));

describe('PyTorch weights back to the tfjs layout', () => {
  it.each(CASES)('$model: every weight comes back bit for bit', ({ file, model, sizes }) => {
    const from = build(file, model, sizes, 1);
    const into = build(file, model, sizes, 2);
    // the running statistics start constant: made different, so that their way back shows
    for (const w of from.model.weights) if (/moving_(mean|variance)/.test(w.originalName)) w.write(tf.randomUniform(w.shape as number[], 0.5, 1.5));
    const want = values(from.model);
    expect(values(into.model).some((w, i) => w.values.some((v, j) => v !== want[i]!.values[j]))).toBe(true);

    const file_ = decodeSafetensors(encodeSafetensors(convertWeights(tf, from.model, from.generated)));
    restoreTorchWeights(tf, into.model, into.generated, file_, `${model}.safetensors`);
    const got = values(into.model);
    expect(got.map((w) => w.name)).toEqual(want.map((w) => w.name));
    got.forEach((w, i) => expect(w.values, w.name).toEqual(want[i]!.values));
  }, 120_000);

  it("another model's state dict is refused whole, naming the weight it lacks", () => {
    const mlp = build('mlp', 'MLP', undefined, 1);
    const vgg = build('vgg', 'VGGSmall', undefined, 1);
    const before = values(vgg.model);
    const tensors = convertWeights(tf, mlp.model, mlp.generated);
    expect(() => restoreTorchWeights(tf, vgg.model, vgg.generated, tensors, 'mlp.safetensors')).toThrow(CheckpointError);
    expect(() => restoreTorchWeights(tf, vgg.model, vgg.generated, tensors, 'mlp.safetensors')).toThrow(/^the PyTorch checkpoint mlp\.safetensors has no weight \S+: it was saved from another model$/);
    expect(values(vgg.model)).toEqual(before);
  }, 60_000);

  it('a weight of another shape is refused, naming both shapes', () => {
    const mlp = build('mlp', 'MLP', undefined, 1);
    const tensors = convertWeights(tf, mlp.model, mlp.generated);
    const [key, t] = [...tensors].find(([, v]) => v.shape.length === 2)!;
    tensors.set(key, { dtype: 'F32', shape: [t.shape[0]!, t.shape[1]! - 1], data: new Float32Array(t.shape[0]! * (t.shape[1]! - 1)) });
    expect(() => restoreTorchWeights(tf, mlp.model, mlp.generated, tensors, 'w.safetensors')).toThrow(new RegExp(`^the PyTorch checkpoint w\\.safetensors has ${key.replace('.', '\\.')} of shape \\[\\d+, \\d+\\], which does not fit .* \\[\\d+, \\d+\\]: it was saved from another model or with other sizes$`));
  }, 60_000);
});
