// The explained step, in process on the native backend: it is the first
// step of a real run (the same batch, loss and update); the bundled plain
// network's gradient fades with depth and its residual twin's does not;
// convolutions, batch norm and Adam are explained too; nothing leaks.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { ExplainEvent, ExplainLayerEvent } from '../../../runtime/explain/explain-events.js';
import { explainTraining } from '../../../runtime/explain/explain-training.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();
const backend = { name: 'tensorflow', device: 'cpu' as const };
const EXAMPLES = join(import.meta.dirname, '../../../examples');

function explain(file: string, target?: string) {
  const events: ExplainEvent[] = [];
  const out = mkdtempSync(join(tmpdir(), 'nn-explain-run-'));
  return explainTraining({ file, host: nodeHost, ...(target ? { target } : {}), tf, backend, outDir: out, emit: (e) => events.push(e) }).then((r) => ({ ...r, events }));
}

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-explain-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, Object.keys(files)[0]!);
}

const SMALL = `
model Small {
  input x: [B, 3]
  output x -> Dense(4) -> Tanh -> Dense(1)
}

train Small on csv("points.csv", label: "y", split: 1.0) {
  loss: mse
  optimizer: SGD(lr: 0.05, momentum: 0.9)
  epochs: 1
  batch: 2
  seed: 11
}
`;
const POINTS = 'a,b,c,y\n0.1,0.2,0.3,1.0\n-0.5,0.4,0.0,0.5\n0.9,-0.1,0.2,-1.0\n0.3,0.3,0.3,0.0\n';

describe('the explained step is the first step of a run with the same seed', () => {
  it('the same loss on the same batch, and the same weights after it', async () => {
    const file = write({ 'small.nn': SMALL, 'points.csv': POINTS });
    const explained = await explain(file);
    const events: TrainEvent[] = [];
    // a stop asked before the first batch ends the run after it, with the weights of that one step
    const run = await runTraining({ file, host: nodeHost, tf, backend, outDir: mkdtempSync(join(tmpdir(), 'nn-explain-cmp-')), emit: (e) => events.push(e), stop: { requested: true } });
    const firstBatch = events.find((e): e is Extract<TrainEvent, { type: 'batch' }> => e.type === 'batch')!;
    expect(firstBatch).toMatchObject({ epoch: 1, batch: 1 });
    expect(explained.summary.loss).toBe(firstBatch.loss);
    const trained = run.models['Small']!;
    const byLayer = new Map(explained.layers.map((l) => [l.layer, l]));
    for (const layer of trained.layers.filter((l) => l.trainableWeights.length > 0)) {
      const explainedLayer = byLayer.get(layer.name)!;
      layer.trainableWeights.forEach((w, i) => {
        const name = explainedLayer.weights[i]!.name;
        expect([w.read().arraySync()].flat(2)).toEqual([explainedLayer.values!.weights[name]!.after].flat(2));
      });
    }
    trained.dispose();
  });

  it('leaves no tensor behind', async () => {
    // plain SGD: tfjs's momentum optimizer keeps one scalar after it is disposed, in a run as here
    const file = write({ 'small.nn': SMALL.replace('SGD(lr: 0.05, momentum: 0.9)', 'SGD(lr: 0.05)'), 'points.csv': POINTS });
    await explain(file); // the first call loads what stays loaded (kernels, the data source's tables)
    const before = tf.memory().numTensors;
    await explain(file);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('examples/backprop.nn: a deep plain network and its residual twin', () => {
  const ratio = (layers: ExplainLayerEvent[]) => {
    const weighted = layers.filter((l) => l.total);
    return weighted[0]!.total!.gradient / weighted.at(-1)!.total!.gradient;
  };

  it("the plain network's gradient fades on its way back to the input; the residual twin's does not", async () => {
    const plain = await explain(join(EXAMPLES, 'backprop.nn'), 'PlainDeep');
    const residual = await explain(join(EXAMPLES, 'backprop.nn'), 'ResidualDeep');
    expect(plain.summary.layersWithWeights).toBe(22);
    expect(residual.summary.layersWithWeights).toBe(22);
    // first / last layer with weights: the plain network's is below 1e-8 (about 2e-13 with this seed), the twin's near 1 (about 0.35)
    expect(ratio(plain.layers)).toBeLessThan(1e-8);
    expect(ratio(residual.layers)).toBeGreaterThan(0.1);
    expect(plain.summary.gradientRatio).toEqual({ first: 'Dense_1', last: 'Dense_2', ratio: ratio(plain.layers) });
    // layer by layer down the plain stack the gradient only shrinks; in the residual stack it never drops below a tenth of the last layer's
    const stack = (layers: ExplainLayerEvent[], block: string) => layers.filter((l) => l.layer.startsWith(`${block}_`) && l.total).map((l) => l.total!.gradient);
    const plainStack = stack(plain.layers, 'Plain');
    expect(plainStack).toHaveLength(20);
    for (let i = 1; i < plainStack.length; i++) expect(plainStack[i - 1]!).toBeLessThan(plainStack[i]!);
    const residualStack = stack(residual.layers, 'Residual');
    for (const g of residualStack) expect(g).toBeGreaterThan(residualStack.at(-1)! / 10);
    // the forward pass: a sigmoid's output is never exactly zero; the statistics cover the whole batch
    const sigmoid = plain.layers.find((l) => l.kind === 'Sigmoid')!;
    expect(sigmoid.output).toMatchObject({ shape: [64, 64], zeros: 0 });
    expect(sigmoid.output.mean).toBeGreaterThan(0.3);
    expect(sigmoid.output.mean).toBeLessThan(0.7);
    // a big model is not shown number by number
    expect(plain.layers.every((l) => l.values === undefined)).toBe(true);
  }, 120_000);
});

describe('other layers and optimizers', () => {
  it('a convolution, batch norm and ReLU trained with Adam', async () => {
    const file = write({
      'conv.nn': `
model Conv {
  input image: [B, 28, 28, 1]
  output image -> Conv2D(4, 3, padding: 1) -> BatchNorm -> ReLU -> MaxPool2D(2) -> Flatten -> Dense(10) -> Softmax
}

train Conv on mnist(limit: 200) {
  optimizer: Adam(lr: 0.001)
  batch: 16
  seed: 5
}
`,
    });
    const { layers, summary } = await explain(file);
    expect(layers.map((l) => l.kind)).toEqual(['Conv2D', 'BatchNorm', 'ReLU', 'Dense', 'Softmax']);
    const norm = layers[1]!;
    expect(norm.weights.map((w) => w.name)).toEqual(['gamma', 'beta']);
    // batch norm's output over the batch: mean 0 and standard deviation 1 per channel, so over everything too
    expect(Math.abs(norm.output.mean)).toBeLessThan(1e-4);
    expect(norm.output.std).toBeCloseTo(1, 2);
    // ReLU zeroes the negative half
    expect(layers[2]!.output.zeros).toBeGreaterThan(0.3);
    expect(layers[2]!.output.zeros).toBeLessThan(0.7);
    // Adam's first step moves every weight by about lr (its gradient divided by its own size): |Δw| ≈ lr * sqrt(count)
    const kernel = layers[0]!.weights[0]!;
    expect(kernel.update / (0.001 * Math.sqrt(3 * 3 * 1 * 4))).toBeCloseTo(1, 1);
    expect(summary).toMatchObject({ model: 'Conv', batch: 16, optimizer: 'Adam', lossName: 'crossentropy', layersWithWeights: 3 });
  }, 60_000);
});
