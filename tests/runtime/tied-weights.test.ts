// Weights read by name, compiled: the catalog's weight names and shapes are
// the kernels' (every layer kind walked), a tied matrix is one variable that
// training updates from both of its uses, checkpoints hold it once, and an
// exported model loads again with the same outputs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyLayer } from '../../core/catalog/apply-layer.js';
import { LAYERS } from '../../core/catalog/index.js';
import { countWeights, layerWeights, WEIGHT_NAMES } from '../../core/catalog/layer-weights.js';
import type { GraphArg, TensorType } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import type { Dim } from '../../core/shapes/dim.js';
import type { TensorValue, Value } from '../../core/values.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { ArgReader } from '../../runtime/compile/graph-args.js';
import { LAYER_KERNELS } from '../../runtime/compile/kernels/index.js';
import { exportModel } from '../../runtime/export/export-model.js';
import { restoreNewestIntact, saveCheckpoint } from '../../runtime/train/checkpoint.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const root = join(import.meta.dirname, '../..');

function trace(source: string, model: string, sizes: Record<string, number> = {}) {
  const r = traceModel('/main.nn', memoryHost({ '/main.nn': source }), { model, sizes });
  if (!r.ok) throw new Error(`${r.message}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.graph;
}

// ---------------------------------------------------------------- the catalog and the kernels agree

/** One application of each layer kind with weights, in each variant its weights depend on: [input, stage]. */
const APPLIED: [string, string][] = [
  ['[B, 6]', 'Dense(4)'],
  ['[B, 6]', 'Dense(4, bias: false)'],
  ['[B, 9, 3]', 'Conv1D(4, 3)'],
  ['[B, 9, 4]', 'Conv1D(4, 3, groups: 2, bias: false)'],
  ['[B, 8, 8, 3]', 'Conv2D(4, [3, 2])'],
  ['[B, 8, 8, 4]', 'Conv2D(6, 3, groups: 2)'],
  ['[B, 8, 8, 3]', 'Conv2DTranspose(4, 2, stride: 2)'],
  ['[B, 8, 8, 3]', 'BatchNorm'],
  ['[B, 8, 8, 3]', 'BatchNorm(affine: false)'],
  ['[B, 5, 6]', 'LayerNorm'],
  ['[B, 5, 6]', 'LayerNorm(scale: false)'],
  ['[B, 8, 8, 4]', 'GroupNorm(2)'],
  ['[B, 6]', 'PReLU'],
  ['[B, 6]', 'PReLU(per_channel: true)'],
  ['[B, 5] int', 'Embedding(7, 3)'],
  ['[B, 5, 6]', 'PositionalEncoding("learned", max_len: 8)'],
  ['[B, 5, 6]', 'PositionalEncoding'],
  ['[B, 5, 2]', 'FourierFeatures(4)'],
  ['[B, 5, 8]', 'MultiHeadAttention(2, 6)'],
  ['[B, 5, 8]', 'MultiHeadAttention(2, 8, inner: 4, bias: false)'],
  ['[B, 4, 4, 8]', 'RelPosAttention(2, [4, 4])'],
];

/** A graph argument back as the checker's value (numbers, strings, lists). */
function valueOf(a: GraphArg): Value {
  switch (a.kind) {
    case 'int':
      return { kind: 'int', value: resolveDim(a.value, 2) };
    case 'float':
    case 'bool':
    case 'string':
      return a as Value;
    case 'list':
      return { kind: 'list', items: a.items.map(valueOf) };
    case 'tensor':
      throw new Error('no tensor arguments here');
  }
}

const concrete = (t: TensorType): number[] => t.shape.map((d) => resolveDim(d, 2));
const tensorOf = (t: TensorType): TensorValue => ({ kind: 'tensor', shape: concrete(t), dtype: t.dtype, origin: { range: { start: 0, end: 0 }, what: 'x' } });

describe("the catalog's weights are the kernels'", () => {
  it('every layer kind whose kernel has weights is named and applied here', () => {
    const withWeights = Object.entries(LAYER_KERNELS).filter(([, k]) => k.weights !== undefined).map(([name]) => name).sort();
    expect(Object.keys(WEIGHT_NAMES).sort()).toEqual(withWeights);
    const applied = new Set(APPLIED.map(([, stage]) => /^\w+/.exec(stage)![0]));
    expect(withWeights.filter((name) => !applied.has(name))).toEqual(['Weight']); // no input: below
    expect([...LAYERS.keys()].filter((name) => !(name in LAYER_KERNELS))).toEqual([]);
  });

  it.each([...APPLIED, ['[B, 2]', 'Weight([3, 2])'] as [string, string]])('%s -> %s', (input, stage) => {
    const use = stage.startsWith('Weight') ? `x + reshape(${stage}(), [1, 3, 2])[:, 0]` : `x -> ${stage}`;
    const graph = trace(`model M {\n  input x: ${input}\n  output ${use}\n}\n`, 'M');
    const node = graph.nodes.find((n) => n.op === 'layer')!;
    if (node.op !== 'layer') throw new Error('no layer');
    const args = Object.fromEntries(Object.entries(node.args).map(([k, v]) => [k, valueOf(v)]));
    const kernel = LAYER_KERNELS[node.spec.name]!;
    const inputs = node.inputs.map((ref) => graph.nodes[ref.node]!.outputs[ref.output]!);
    const fromKernel = (kernel.weights?.({ args: new ArgReader(node.args, node.spec.name), inputs, outputs: node.outputs }) ?? []).map((w) => ({ name: w.name, shape: w.shape, trainable: w.trainable }));
    const fromCatalog = layerWeights(node.spec.name, args, inputs.map(concrete));
    expect(fromCatalog).toEqual(fromKernel);
    // and the catalog's counts (the summary's) are these weights'
    const counts = applyLayer(node.spec, args, inputs.map(tensorOf)).weights;
    expect(countWeights(fromKernel.map((w) => ({ ...w, shape: w.shape as Dim[] })))).toEqual(counts);
    for (const w of fromKernel) expect(WEIGHT_NAMES[node.spec.name]).toContain(w.name);
  });
});

// ---------------------------------------------------------------- a tied matrix compiled

/** Logits from the embedding's own matrix: y = E[ids] E^T. */
const TIED = `
model Tied {
  input tokens: [B, T] int
  let embed = Embedding(5, 3)
  output tokens -> embed -> Dense(5, bias: false, kernel: transpose(embed.embeddings, [1, 0]))
}
`;

const IDS = [[0, 2, 2], [4, 0, 1]]; // token 3 is never looked up

function embeddingVariables(model: LayersModel) {
  return model.weights.filter((w) => w.shape.join(',') === '5,3');
}

describe('a tied matrix', () => {
  it('is one variable of the compiled model, counted once', () => {
    const graph = trace(TIED, 'Tied', { T: 3 });
    const model = compileGraph(tf, graph, { seed: 1 });
    expect(model.weights.map((w) => w.shape)).toEqual([[5, 3]]);
    expect(model.countParams()).toBe(15);
    expect(graph.params.trainable).toBe(15);
    model.dispose();
  });

  it('gets its gradient from both uses: the lookup and the head', () => {
    const model = compileGraph(tf, trace(TIED, 'Tied', { T: 3 }), { seed: 2 });
    const [variable] = embeddingVariables(model);
    tf.tidy(() => {
      const ids = tf.tensor2d(IDS, [2, 3], 'int32');
      const g = tf.randomNormal([2, 3, 5], 0, 1, 'float32', 7); // dL/dy
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(model.apply(ids) as Tensor, g)) as never, [variable!.read() as never]);
      const got = Object.values(grads)[0]!;
      // by hand: y = X E^T with X = E[ids]; dE = g^T X (the head) + scatter of g E into the rows looked up (the lookup)
      const e = variable!.read();
      const flatIds = tf.reshape(ids, [-1]);
      const x = tf.gather(e, flatIds); // [6, 3]
      const g2 = tf.reshape(g, [-1, 5]); // [6, 5]
      const head = tf.matMul(g2, x, true, false); // [5, 3]
      const lookup = tf.matMul(tf.oneHot(flatIds, 5), tf.matMul(g2, e), true, false); // [5, 3]
      const expected = tf.add(head, lookup);
      expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-5);
      // the row of a token never looked up still learns, through the head alone
      expect(tf.sum(tf.abs(got.slice([3, 0], [1, 3]))).dataSync()[0]).toBeGreaterThan(0);
    });
    model.dispose();
  });

  it('after a training step, the lookup and the head both see the new values', () => {
    const model = compileGraph(tf, trace(TIED, 'Tied', { T: 3 }), { seed: 3 });
    const [variable] = embeddingVariables(model);
    const ids = tf.tensor2d(IDS, [2, 3], 'int32');
    const before = variable!.read().clone();
    const optimizer = tf.train.sgd(0.5);
    optimizer.minimize(() => tf.sum(tf.square(model.apply(ids) as Tensor)) as never);
    tf.tidy(() => {
      const after = variable!.read();
      expect(tf.max(tf.abs(tf.sub(after, before))).dataSync()[0]).toBeGreaterThan(1e-4);
      const expected = tf.matMul(tf.reshape(tf.gather(after, tf.reshape(ids, [-1])), [6, 3]), after, false, true).reshape([2, 3, 5]);
      const out = model.predict(ids) as Tensor;
      expect(tf.max(tf.abs(tf.sub(out, expected))).dataSync()[0]).toBeLessThan(1e-5);
    });
    before.dispose();
    ids.dispose();
    optimizer.dispose();
    model.dispose();
  });

  it('a checkpoint holds it once and restores it into another model', async () => {
    const graph = trace(TIED, 'Tied', { T: 3 });
    const a = compileGraph(tf, graph, { seed: 4 });
    const b = compileGraph(tf, graph, { seed: 5 });
    const dir = mkdtempSync(join(tmpdir(), 'nn-tied-'));
    const path = await saveCheckpoint(tf, dir, { epoch: 1, name: 'Tied', savedAt: 'now' }, { model: a }, {}, 3);
    expect(a.weights.map((w) => w.originalName).filter((n) => n.endsWith('/embeddings'))).toHaveLength(1);
    await restoreNewestIntact(tf, [path], { model: b }, {}, 'Tied', () => undefined);
    tf.tidy(() => {
      const ids = tf.tensor2d(IDS, [2, 3], 'int32');
      const diff = tf.max(tf.abs(tf.sub(a.predict(ids) as Tensor, b.predict(ids) as Tensor))).dataSync()[0];
      expect(diff).toBe(0);
    });
    a.dispose();
    b.dispose();
  });

  it('a layer only read, never applied, owns its weight: x @ w.value', () => {
    const graph = trace(`model M {\n  input x: [B, 3]\n  let w = Weight([3, 2])\n  output x @ w.value\n}\n`, 'M');
    const model = compileGraph(tf, graph, { seed: 6 });
    expect(model.weights.map((w) => w.shape)).toEqual([[3, 2]]);
    tf.tidy(() => {
      const x = tf.randomNormal([4, 3], 0, 1, 'float32', 1);
      const expected = tf.matMul(x, model.weights[0]!.read());
      expect(tf.max(tf.abs(tf.sub(model.predict(x) as Tensor, expected))).dataSync()[0]).toBeLessThan(1e-6);
    });
    model.dispose();
  });
});

describe('an exported tied model', () => {
  it('loads again in a fresh process, its weight stored once, with the same outputs', async () => {
    const graph = trace(TIED, 'Tied', { T: 3 });
    const model = compileGraph(tf, graph, { seed: 8 });
    const dir = mkdtempSync(join(tmpdir(), 'nn-tied-export-'));
    await exportModel(tf, model, dir, join(root, 'dist', 'nn-layers.mjs'));
    const script = join(dir, 'predict.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const tf = createRequire(${JSON.stringify(join(root, 'package.json'))})('@tensorflow/tfjs-node');
const { register } = await import(${JSON.stringify(pathToFileURL(join(dir, 'nn-layers.mjs')).href)});
register(tf);
const manifest = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'model.json'))}, 'utf8')).weightsManifest[0].weights;
const model = await tf.loadLayersModel(${JSON.stringify(pathToFileURL(join(dir, 'model.json')).href)});
const out = model.predict(tf.tensor2d(${JSON.stringify(IDS)}, [2, 3], 'int32'));
process.stdout.write(JSON.stringify({ weights: manifest.map((w) => w.shape), out: Array.from(out.dataSync()) }));
`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
    if (r.status !== 0) throw new Error(r.stderr);
    const loaded = JSON.parse(r.stdout) as { weights: number[][]; out: number[] };
    expect(loaded.weights).toEqual([[5, 3]]);
    const here = tf.tidy(() => Array.from((model.predict(tf.tensor2d(IDS, [2, 3], 'int32')) as Tensor).dataSync()));
    expect(loaded.out.length).toBe(30);
    loaded.out.forEach((v, i) => expect(v).toBeCloseTo(here[i]!, 5));
    model.dispose();
  });
});
