// A run that diverges: a loss that is NaN or infinite ends it with the epoch,
// the batch and the tensor; a loss that explodes but stays finite is a
// warning, once; weights that are not finite are named, never saved, never
// exported and never run.

import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceModel } from '../../../core/graph/trace.js';
import { compileGraph } from '../../../runtime/compile/compile-graph.js';
import { encodeNpy } from '../../../runtime/data/npy-writer.js';
import { exportModel, NotFiniteWeightsError } from '../../../runtime/export/export-model.js';
import { runModel } from '../../../runtime/export/run-model.js';
import { assertFiniteWeights, DivergedError, LossWatch, notFiniteWeight, suspectOf } from '../../../runtime/train/divergence.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

/** What `fn` throws, or a failure when it does not. */
function thrown(fn: () => unknown): DivergedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DivergedError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('a loss watched through a run', () => {
  it('ends the run at the batch whose loss is NaN or infinite, naming it', () => {
    const watch = new LossWatch('loss');
    expect(watch.batch(2.3, 1, 1)).toBeUndefined();
    const e = thrown(() => watch.batch(NaN, 1, 2));
    expect(e.at).toEqual({ epoch: 1, batch: 2, tensor: 'loss' });
    expect(e.message).toBe('training diverged at epoch 1, batch 2: the loss is NaN; lower the learning rate, or limit the gradients with `clip:`. No checkpoint is written from these weights.');
    expect(thrown(() => watch.batch(-Infinity, 3, 7)).message).toMatch(/^training diverged at epoch 3, batch 7: the loss is -infinite;/);
  });

  it('names the tensor found not finite when it can tell', () => {
    const e = thrown(() => new LossWatch('d_loss').batch(Infinity, 2, 5, () => ({ tensor: 'G/Dense_1/kernel', words: 'the weight G/Dense_1/kernel' })));
    expect(e.at).toEqual({ epoch: 2, batch: 5, tensor: 'G/Dense_1/kernel' });
    expect(e.message).toContain('the d_loss is infinite (the weight G/Dense_1/kernel holds NaN or infinite values); lower the learning rate');
    const data = thrown(() => new LossWatch('loss').batch(NaN, 1, 1, () => ({ tensor: 'input x', words: "the batch's input x" })));
    expect(data.message).toContain("(the batch's input x holds NaN or infinite values); check the data for NaN or infinite values.");
  });

  it('warns once when the loss grows a thousandfold over its first value', () => {
    const watch = new LossWatch('loss');
    const warnings = [2, 5, 40, 900, 2500, 1e5, 1e7].map((loss, i) => watch.batch(loss, 1, i + 1)).filter((w) => w !== undefined);
    expect(warnings).toEqual(['the loss is exploding: 2500 at epoch 1, batch 5, over 1,000 times its first value (2); the learning rate may be too high']);
  });

  it('warns once when the mean loss rises five epochs in a row to twice its value', () => {
    const watch = new LossWatch('loss');
    const means = [1, 0.5, 0.6, 0.7, 0.8, 0.9, 1.05, 1.2, 1.4];
    const warnings = means.map((m, i) => watch.epoch(m, i + 1)).filter((w) => w !== undefined);
    expect(warnings).toEqual(['the loss rose in each of the last 5 epochs, from 0.5 to 1.05 at epoch 7; the learning rate may be too high']);
  });

  it('stays quiet on a healthy run: a falling loss, noise, a short rise, a GAN that rises and falls', () => {
    const healthy = new LossWatch('loss');
    const batches = Array.from({ length: 500 }, (_, i) => 2.3 * Math.exp(-i / 100) + 0.05 * Math.sin(i) + 0.06);
    expect(batches.map((l, i) => healthy.batch(l, 1 + Math.floor(i / 50), 1 + (i % 50))).filter((w) => w !== undefined)).toEqual([]);
    // rising for five epochs but far from doubling: overfitting, not divergence
    expect([0.5, 0.4, 0.41, 0.42, 0.43, 0.44, 0.45].map((m, i) => healthy.epoch(m, i + 1)).filter((w) => w !== undefined)).toEqual([]);
    const gan = new LossWatch('g_loss', { risingEpochs: false });
    expect([0.7, 0.9, 1.2, 1.6, 2.2, 3, 4.1].map((m, i) => gan.epoch(m, i + 1)).filter((w) => w !== undefined)).toEqual([]);
  });
});

function model(body = 'Dense(3) -> ReLU -> Dense(2)') {
  const traced = traceModel('/m.nn', memoryHost({ '/m.nn': `model M {\n  input x: [B, 4]\n  output x -> ${body}\n}\n` }));
  if (!traced.ok) throw new Error(traced.message);
  return { graph: traced.graph, model: compileGraph(tf, traced.graph, { seed: 1 }) };
}

/** Writes NaN into one value of the model's weight `index`. */
function spoil(m: ReturnType<typeof model>['model'], index: number): string {
  const w = m.weights[index]!;
  const values = w.read().dataSync().slice();
  values[0] = NaN;
  w.write(tf.tensor(values, w.shape as number[]));
  return w.originalName;
}

describe('weights that are not finite', () => {
  it('are found and named, in one read', () => {
    const { model: m } = model();
    expect(notFiniteWeight(tf, { M: m })).toBeUndefined();
    const name = spoil(m, 2);
    expect(notFiniteWeight(tf, { M: m })).toBe(name);
    // with two models (a GAN), the model's name comes first
    expect(notFiniteWeight(tf, { G: model().model, D: m })).toBe(`D/${name}`);
    expect(suspectOf(tf, { M: m })).toEqual({ tensor: name, words: `the weight ${name}` });
  });

  it('point at the data when the weights are finite', () => {
    const { model: m } = model();
    const x = tf.tensor2d([[1, 2, 3, NaN]]);
    expect(suspectOf(tf, { M: m }, [{ name: 'input x', tensor: x }])).toEqual({ tensor: 'input x', words: "the batch's input x" });
    expect(suspectOf(tf, { M: m }, [{ name: 'input x', tensor: tf.tensor2d([[1, 2, 3, 4]]) }])).toBeUndefined();
  });

  it('are refused before a checkpoint, with the epoch', () => {
    const { model: m } = model();
    const name = spoil(m, 0);
    const e = thrown(() => assertFiniteWeights(tf, { M: m }, { epoch: 4 }));
    expect(e.at).toEqual({ epoch: 4, tensor: name });
    expect(e.message).toBe(`training diverged at epoch 4: the weight ${name} is no longer finite; lower the learning rate, or limit the gradients with \`clip:\`. No checkpoint is written from these weights.`);
  });

  it('are never exported: the checkpoint is named and nothing is written', async () => {
    const { model: m } = model();
    const name = spoil(m, 1);
    const dir = join(mkdtempSync(join(tmpdir(), 'nn-export-nan-')), 'out');
    const written = exportModel(tf, m, dir, join(import.meta.dirname, '../../../dist/nn-layers.mjs'), '/runs/M/1/checkpoints');
    await expect(written).rejects.toThrow(NotFiniteWeightsError);
    await expect(written).rejects.toThrow(`the checkpoint /runs/M/1/checkpoints holds weights that are not finite (${name} has NaN or infinite values)`);
    expect(existsSync(dir)).toBe(false);
  });

  it('are never run: no output is written', () => {
    const { model: m, graph } = model();
    spoil(m, 0);
    const dir = mkdtempSync(join(tmpdir(), 'nn-run-nan-'));
    writeFileSync(join(dir, 'x.npy'), encodeNpy(new Float32Array(8), [2, 4], 'float32'));
    expect(() => runModel(tf, { model: m, graph, weightsFrom: '/runs/M/1/checkpoints', warnings: [] }, { inputs: ['x.npy'], outputs: ['y.npy'], cwd: dir })).toThrow(
      /^the checkpoint \/runs\/M\/1\/checkpoints holds weights that are not finite/,
    );
    expect(readdirSync(dir)).toEqual(['x.npy']);
  });
});
