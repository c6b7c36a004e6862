// `nn export`'s format: a compiled model written as model.json + weights.bin
// + nn-layers.mjs loads again with plain `tf.loadLayersModel` in a fresh
// process (only the shipped module registering the layers) and gives the
// same outputs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { resolveDim } from '../../../core/graph/runtime-dim.js';
import { traceModel } from '../../../core/graph/trace.js';
import { compileGraph } from '../../../runtime/compile/compile-graph.js';
import { exportModel } from '../../../runtime/export/export-model.js';
import type { Tensor } from '../../../runtime/tf-types.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const root = join(import.meta.dirname, '../../..');
const layersModule = join(root, 'dist', 'nn-layers.mjs');

/** Loads the exported model in a new Node process and prints its outputs for the inputs given. */
function predictElsewhere(dir: string, inputs: { shape: number[]; dtype: string; values: number[] }[]): number[][] {
  const script = join(dir, 'predict.mjs');
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
const tf = createRequire(${JSON.stringify(join(root, 'package.json'))})('@tensorflow/tfjs-node');
const { register } = await import(${JSON.stringify(pathToFileURL(join(dir, 'nn-layers.mjs')).href)});
register(tf);
const model = await tf.loadLayersModel(${JSON.stringify(pathToFileURL(join(dir, 'model.json')).href)});
const inputs = ${JSON.stringify(inputs)}.map((i) => tf.tensor(i.values, i.shape, i.dtype));
const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
process.stdout.write(JSON.stringify((Array.isArray(out) ? out : [out]).map((t) => Array.from(t.dataSync()))));
`,
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as number[][];
}

describe('exported models load again with identical outputs', () => {
  it.each([
    ['mlp.nn', 'MLP', {}],
    ['resnet.nn', 'ResNetSmall', {}],
    ['transformer.nn', 'TransformerSmall', { S: 5, T: 5 }],
    ['sam.nn', 'SAMSmall', { N: 2, Nt: 2 }],
  ])('%s %s', async (file, model, sizes) => {
    const traced = traceModel(join(root, 'examples', file), nodeHost, { model, sizes });
    if (!traced.ok) throw new Error(traced.message);
    const compiled = compileGraph(tf, traced.graph, { seed: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'nn-export-'));
    await exportModel(tf, compiled, dir, layersModule);
    const inputs = traced.graph.inputs.map((i, n) => {
      const shape = i.type.shape.map((d) => resolveDim(d, 2));
      const t = i.type.dtype === 'int32' ? tf.randomUniform(shape, 0, 2, 'int32', 10 + n) : tf.randomUniform(shape, 0, 1, 'float32', 10 + n);
      return { shape, dtype: i.type.dtype, values: Array.from(t.dataSync()) };
    });
    const here = tf.tidy(() => {
      const out = compiled.predict(inputs.length === 1 ? tf.tensor(inputs[0]!.values, inputs[0]!.shape, inputs[0]!.dtype as 'float32') : inputs.map((i) => tf.tensor(i.values, i.shape, i.dtype as 'float32'))) as Tensor | Tensor[];
      return (Array.isArray(out) ? out : [out]).map((t) => Array.from(t.dataSync()));
    });
    const there = predictElsewhere(dir, inputs);
    expect(there.length).toBe(here.length);
    there.forEach((values, i) => values.forEach((v, j) => expect(v).toBeCloseTo(here[i]![j]!, 5)));
    compiled.dispose();
  });
});
