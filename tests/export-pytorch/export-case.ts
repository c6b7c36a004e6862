// One case of the PyTorch export's tests: a traced graph compiled, its
// constant weights made random, exported into a folder of its own with
// random inputs and the TensorFlow.js model's outputs as .npy files; then
// every case's model.py run at once in Python (compare_outputs.py).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { exportPytorch } from '../../runtime/export/pytorch/export-pytorch.js';
import type { LayersModel, Tensor, TF } from '../../runtime/tf-types.js';
import { prng } from '../helpers/prng.js';
import { runPython } from './python.js';

const compareScript = join(import.meta.dirname, 'compare_outputs.py');

export interface CaseOptions {
  batch?: number;
  /** int inputs are drawn from [0, intHigh) */
  intHigh?: number;
}

export interface CaseReport {
  error?: string;
  trainable: number;
  buffers: number;
  outputs: Record<string, { shape: number[]; expected_shape: number[]; dtype: string; max_difference: number }>;
}

/** Weights that start as one constant (zeros, ones) get random values; a running variance stays positive. */
function perturbConstantWeights(tf: TF, model: LayersModel, random: () => number): void {
  for (const variable of model.weights) {
    const value = variable.read();
    const values = value.dataSync() as Float32Array;
    if (values.length === 0 || !values.every((v) => v === values[0])) continue;
    const positive = variable.originalName.endsWith('moving_variance');
    variable.write(tf.tensor(Float32Array.from(values, (v) => (positive ? 0.5 + random() : v + (random() - 0.5) * 0.4)), value.shape));
  }
}

function randomInputs(tf: TF, graph: Graph, batch: number, random: () => number, intHigh: number): Tensor[] {
  return graph.inputs.map((input) => {
    const shape = input.type.shape.map((d) => resolveDim(d, batch));
    const count = shape.reduce((a, b) => a * b, 1);
    if (input.type.dtype === 'int32') return tf.tensor(Int32Array.from({ length: count }, () => Math.floor(random() * intHigh)), shape, 'int32');
    if (input.type.dtype === 'bool') return tf.tensor(Uint8Array.from({ length: count }, () => (random() < 0.7 ? 1 : 0)), shape, 'bool');
    return tf.tensor(Float32Array.from({ length: count }, () => 0.1 + 0.9 * random()), shape, 'float32');
  });
}

function writeNpy(path: string, t: Tensor): void {
  const data = t.dataSync();
  const values = t.dtype === 'int32' ? Int32Array.from(data) : t.dtype === 'bool' ? Uint8Array.from(data) : Float32Array.from(data);
  writeFileSync(path, encodeNpy(values, t.shape, t.dtype as 'float32' | 'int32' | 'bool'));
}

/** Exports `graph` into `dir` with inputs and expected outputs beside it. */
export function prepareCase(tf: TF, graph: Graph, file: string, dir: string, options: CaseOptions = {}): void {
  const model = compileGraph(tf, graph, { seed: 1 });
  const random = prng(7);
  perturbConstantWeights(tf, model, random);
  mkdirSync(dir, { recursive: true });
  exportPytorch(tf, model, graph, dir, { file, weightsFrom: undefined });
  const inputs = randomInputs(tf, graph, options.batch ?? 2, random, options.intHigh ?? 5);
  const predicted = model.predict(inputs.length === 1 ? inputs[0]! : inputs) as Tensor | Tensor[];
  const outputs = Array.isArray(predicted) ? predicted : [predicted];
  graph.inputs.forEach((input, i) => writeNpy(join(dir, `in_${input.name}.npy`), inputs[i]!));
  graph.outputs.forEach((output, i) => writeNpy(join(dir, `out_${output.name}.npy`), outputs[i]!));
  tf.dispose([...inputs, ...outputs]);
  model.dispose();
}

/** Runs every case's model.py in one Python process; the reports by folder. */
export function compareCases(python: string, dirs: string[]): Record<string, CaseReport> {
  return runPython<Record<string, CaseReport>>(python, compareScript, dirs);
}

/** The largest difference over a case's outputs, after checking their shapes. */
export function worstDifference(report: CaseReport | undefined, graph: Graph): number {
  if (!report) throw new Error('no report');
  if (report.error) throw new Error(report.error);
  let worst = 0;
  for (const output of graph.outputs) {
    const got = report.outputs[output.name];
    if (!got) throw new Error(`no output ${output.name}`);
    if (got.shape.join() !== got.expected_shape.join()) throw new Error(`${output.name}: shape [${got.shape}] where TensorFlow.js gives [${got.expected_shape}]`);
    worst = Math.max(worst, got.max_difference);
  }
  return worst;
}
