// Training steps run as one TensorFlow graph each (runtime/train/graph-step/):
// the same training as op by op, to float32's rounding, on real MNIST digits
// and the real native backend; a graph per batch shape and per learning
// rate; a step that cannot be a graph runs op by op and says why, once; and
// nothing of the graphs is left in the run's folder. How many steps ran as
// a graph is counted on tfjs-node's own SavedModel calls.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { Random } from '../../../runtime/random.js';
import { type Batch, disposeBatch, epochOrder, takeBatch } from '../../../runtime/train/batches.js';
import { predictAll } from '../../../runtime/train/evaluate.js';
import { graphSteps } from '../../../runtime/train/graph-step/graph-steps.js';
import { nodeBackend } from '../../../runtime/train/graph-step/step-trace.js';
import { disposeSupervised, loadRunData, planOf, runTraining, setUpSupervised, type TrainRequest } from '../../../runtime/train/run-training.js';
import { update } from '../../../runtime/train/supervised.js';
import { eagerSteps, type StepRunner } from '../../../runtime/train/train-step.js';
import { trainableVariables } from '../../../runtime/train/variables.js';
import type { Tensor } from '../../../runtime/tf-types.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

type Variable = import('@tensorflow/tfjs').Variable;

/** A train block on 1,000 digits (800 to train on: 13 batches of 64, the last of 32). */
const source = (model: string, train = '') => `
${model}

train Net on mnist(split: 0.8, limit: 1000) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 3
  batch: 64
  metrics: [accuracy]
  seed: 11
  ${train}
}
`;

const MLP = `model Net {
  input x: [B, 784]
  output x -> Dense(32) -> ReLU -> Dense(10) -> Softmax
}`;

const MLP_DROPOUT = `model Net {
  input x: [B, 784]
  output x -> Dense(32) -> ReLU -> Dropout(0.3) -> Dense(10) -> Softmax
}`;

// no bias before a BatchNorm (it would be removed with the mean): its gradient would be float32 noise,
// which Adam scales up to whole steps, and the graph's noise is not op by op's
const CONV_BN = `model Net {
  input image: [B, 28, 28, 1]
  output image -> Conv2D(8, 3, stride: 2, padding: 1, bias: false) -> BatchNorm -> ReLU   // [B, 14, 14, 8]
               -> Conv2D(16, 3, stride: 2, padding: 1, bias: false) -> BatchNorm -> ReLU  // [B, 7, 7, 16]
               -> GlobalAvgPool -> Dense(10) -> Softmax
}`;

interface Counted {
  runs: number;
  loads: number;
}

/** Counts tfjs-node's SavedModel loads and runs (a graph step is one run). */
function countGraphCalls(): { counted: Counted; restore(): void } {
  const backend = tf.backend() as unknown as Record<string, (...args: unknown[]) => unknown>;
  const counted = { runs: 0, loads: 0 };
  const [run, load] = [backend['runSavedModel']!, backend['loadSavedModelMetaGraph']!];
  backend['runSavedModel'] = function (...args) {
    counted.runs++;
    return run.apply(this, args);
  };
  backend['loadSavedModelMetaGraph'] = function (...args) {
    counted.loads++;
    return load.apply(this, args);
  };
  return { counted, restore: () => ((backend['runSavedModel'] = run), (backend['loadSavedModelMetaGraph'] = load)) };
}

async function train(text: string, extra: Partial<TrainRequest> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nn-graph-steps-'));
  const file = join(dir, 'net.nn');
  writeFileSync(file, text);
  const events: TrainEvent[] = [];
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false }, outDir: join(dir, 'runs'), ...extra });
  const weights = Object.values(result.models).flatMap((m) => m.getWeights().map((w) => Array.from(w.dataSync())));
  for (const m of Object.values(result.models)) m.dispose();
  const runDir = (events[0] as { runDir: string }).runDir;
  return { events, result, weights, runDir };
}

const epochLosses = (events: TrainEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.logs['loss']!, e.logs['test_loss']!] : []));
const warnings = (events: TrainEvent[]) => events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
const largestDifference = (a: number[][], b: number[][]) => Math.max(...a.map((w, i) => Math.max(...w.map((v, j) => Math.abs(v - b[i]![j]!)))));

let calls: ReturnType<typeof countGraphCalls>;
beforeEach(() => (calls = countGraphCalls()));
afterEach(() => calls.restore());

describe('training steps as TensorFlow graphs', () => {
  // float32 rounding differs between a graph (grappler's rewrites, oneDNN's layouts) and op by op, and Adam
  // magnifies it where gradients are near 0: over many steps the two runs drift apart by a little
  it.each([
    ['an MLP', MLP, 3],
    ['an MLP with Dropout (its masks drawn by TensorFlow, the same in the graph as op by op)', MLP_DROPOUT, 3],
    ['convolutions with BatchNorm (its running statistics are state the graph carries)', CONV_BN, 3],
  ])('train %s as op by op does, to float32 rounding', async (_, model, digits) => {
    const eager = await train(source(model), { eager: true });
    expect(calls.counted.runs).toBe(0);
    const graph = await train(source(model));
    // 13 steps an epoch, 3 epochs: the 64-example steps are graphs from the fourth on (the first makes Adam's slots),
    // the last (32) in the third epoch; the 200 held-out examples' forward pass is a graph in the third epoch
    expect(calls.counted.runs).toBe(39 - 3 - 1 - 1 + 1);
    expect(calls.counted.loads).toBe(2 + 1);
    expect(warnings(graph.events)).toEqual([]);
    const [a, b] = [epochLosses(eager.events), epochLosses(graph.events)];
    b.forEach((loss, i) => expect(loss).toBeCloseTo(a[i]!, digits));
    expect(largestDifference(eager.weights, graph.weights)).toBeLessThan(10 ** -digits);
    expect(b[4]!).toBeLessThan(b[0]!);
    expect(graph.result.metrics['test_accuracy']).toBeCloseTo(eager.result.metrics['test_accuracy']!, 1);
  });

  it('takes the step op by op takes from the same weights, BatchNorm statistics and Adam slots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-graph-steps-'));
    const file = join(dir, 'net.nn');
    writeFileSync(file, source(CONV_BN));
    const request = { file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' as const } };
    const plan = planOf(request);
    const setup = setUpSupervised(request, plan, loadRunData(request, plan, 11), 11);
    const variables = trainableVariables(setup.model);
    const parts = {
      tf,
      variables,
      lossOf: (batch: Batch) => setup.loss(batch.target!, predictAll(setup.model, batch.inputs, true)),
      update: (grads: Record<string, Tensor>) => update({ tf, plan, optimizer: setup.optimizer }, variables, grads),
    };
    const messages: string[] = [];
    const runner = graphSteps(parts, nodeBackend(tf)!, { folder: dir, warn: (m) => messages.push(m) });
    const batch = takeBatch(tf, setup.train, epochOrder(setup.train.count, true, new Random(3)), 0, 64);
    const take = (steps: StepRunner) => steps.step(batch, '0.003', () => undefined);
    // Adam's slots made, two recorded steps: the fourth is a graph
    for (let i = 0; i < 3; i++) take(runner);
    const state = Object.values((tf.engine() as unknown as { state: { registeredVariables: Record<string, Variable> } }).state.registeredVariables);
    const values = () => state.map((v) => Array.from(v.dataSync()));
    const start = state.map((v) => tf.clone(v));
    const graphLoss = take(runner);
    expect(calls.counted.runs).toBe(1);
    const byGraph = values();
    state.forEach((v, i) => v.assign(start[i]!));
    const eagerLoss = take(eagerSteps(parts));
    const opByOp = values();
    expect(messages).toEqual([]);
    expect(graphLoss).toBeCloseTo(eagerLoss, 5);
    // every weight, running statistic, Adam slot and step count moved as op by op moved it
    expect(byGraph.map((v) => v.length)).toEqual(opByOp.map((v) => v.length));
    expect(largestDifference(byGraph, opByOp)).toBeLessThan(1e-6);
    expect(largestDifference(byGraph, start.map((t) => Array.from(t.dataSync())))).toBeGreaterThan(1e-4);
    start.forEach((t) => t.dispose());
    runner.dispose();
    disposeBatch(batch);
    setup.model.dispose();
    disposeSupervised(setup);
  });

  it('makes a new graph for each learning rate a schedule sets', async () => {
    const { events } = await train(source(MLP, 'schedule: step(every: 1, gamma: 0.5)'));
    expect(events.filter((e) => e.type === 'epoch').map((e) => (e as { learningRate: number }).learningRate)).toEqual([0.003, 0.0015, 0.00075]);
    // each epoch recorded anew, then a graph for its 64-example batches (the 32-example batch is never seen twice at one rate):
    // the first epoch's first step makes Adam's slots and is not recorded
    expect(calls.counted.loads).toBe(3 + 1);
    expect(calls.counted.runs).toBe(9 + 10 + 10 + 1);
  });

  it("trains a GAN's two kinds of step as two graphs, to the losses op by op gives", async () => {
    const gan = `
model G {
  input noise: [B, 4]
  output noise -> Dense(32) -> ReLU -> Dense(2)
}
model D {
  input point: [B, 2]
  output point -> Dense(32) -> LeakyReLU(0.2) -> Dense(1) -> Sigmoid
}
train Ring on ring(modes: 8, count: 2560) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))
  loss: minimax
  optimizer: Adam(lr: 1e-3, beta1: 0.5)
  steps: { discriminator: 1, generator: 1 }
  epochs: 3
  batch: 256
  seed: 5
}`;
    const logs = (events: TrainEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.logs['d_loss']!, e.logs['g_loss']!] : []));
    const eager = await train(gan, { eager: true });
    const graph = await train(gan);
    expect(warnings(graph.events)).toEqual([]);
    // 10 batches of 256 an epoch: one graph for D's step and one for G's, each from the fourth step on (the first makes Adam's slots)
    expect(calls.counted.loads).toBe(2);
    const steps = graph.events.filter((e) => e.type === 'epoch').length * (eager.events.find((e) => e.type === 'start') as { batchesPerEpoch: number }).batchesPerEpoch;
    expect(calls.counted.runs).toBe(2 * (steps - 3));
    logs(graph.events).forEach((loss, i) => expect(loss).toBeCloseTo(logs(eager.events)[i]!, 4));
  });

  it('leaves nothing of its graphs in the run folder', async () => {
    const { runDir } = await train(source(MLP));
    expect(readdirSync(runDir).filter((name) => name.includes('graph'))).toEqual([]);
  });

  it('counts its steps in the optimizer, as the checkpoint keeps them', async () => {
    const { runDir } = await train(source(MLP));
    const checkpoint = join(runDir, 'checkpoints', 'checkpoint-0003');
    const names = JSON.parse(readFileSync(join(checkpoint, 'optimizer-model.json'), 'utf8')) as { name: string }[];
    expect(names[0]!.name).toBe('iter');
    expect(new Int32Array(readFileSync(join(checkpoint, 'optimizer-model.bin')).buffer.slice(0, 4))[0]).toBe(39);
  });
});

describe('steps of a small linear model, graph or not', () => {
  const x = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  /** A linear model y = x w on the rows of `x`, learnt by SGD (learning rate 0.01) through graph steps, whose loss is `lossOf`. */
  function linearModel(lossOf: (prediction: Tensor, target: Tensor) => Tensor) {
    const w = tf.variable(tf.zeros([3, 1]), true, `w_${Math.random()}`);
    const optimizer = tf.train.sgd(0.01);
    const messages: string[] = [];
    const parts = {
      tf,
      variables: { list: [w], byName: new Map([[w.name, w]]) },
      lossOf: (batch: Batch) => lossOf(tf.matMul(batch.inputs[0]!, w), batch.target!),
      update: (grads: Record<string, Tensor>) => optimizer.applyGradients(grads as never),
    };
    const runner = graphSteps(parts, nodeBackend(tf)!, { folder: mkdtempSync(join(tmpdir(), 'nn-graph-steps-')), warn: (m) => messages.push(m) });
    return {
      messages,
      /** one step on `x` with this target: its loss */
      step(target: number[][]): number {
        const batch: Batch = { inputs: [tf.tensor2d(x)], target: tf.tensor2d(target), size: x.length };
        try {
          return runner.step(batch, '0.01', () => undefined);
        } finally {
          disposeBatch(batch);
        }
      },
      dispose() {
        runner.dispose();
        w.dispose();
      },
    };
  }

  /** Five steps of the linear model on targets [1, 2]. */
  function stepFive(lossOf: (prediction: Tensor, target: Tensor) => Tensor) {
    const model = linearModel(lossOf);
    const losses = Array.from({ length: 5 }, () => model.step([[1], [2]]));
    model.dispose();
    return { messages: model.messages, losses };
  }

  it('runs op by op when it reads a tensor back mid-way, and says so once', () => {
    const { messages, losses } = stepFive((p, t) => {
      const scale = tf.max(t).dataSync()[0]!; // the next ops depend on a value read back
      return tf.mean(tf.square(tf.sub(p, tf.div(t, scale))));
    });
    expect(messages).toEqual(['each training step runs op by op (slower): it reads tensors back before it ends']);
    expect(calls.counted.runs).toBe(0);
    expect(losses[4]).toBeLessThan(losses[0]!);
  });

  it("runs as a graph when only tfjs-node's gather reads its indices back (to check their bounds), and an index out of bounds still fails", () => {
    // the target holds row indices: the loss gathers the predictions it compares with 1
    const model = linearModel((p, t) => tf.mean(tf.square(tf.sub(tf.gather(p, tf.cast(tf.squeeze(t, [1]), 'int32')), 1))));
    for (let i = 0; i < 5; i++) model.step([[1], [0]]);
    expect(model.messages).toEqual([]);
    expect(calls.counted.runs).toBe(2);
    expect(() => model.step([[5], [0]])).toThrow('GatherV2: the index value 5 is not in [0, 1]');
    expect(model.messages).toHaveLength(1);
    expect(model.messages[0]).toMatch(/^each training step runs op by op \(slower\): TensorFlow could not run the step as a graph \(.*indices\[0\] = 5 is not in \[0, 2\)/);
    model.dispose();
  });

  it('runs op by op when it draws random numbers in JavaScript, and says so once', () => {
    const { messages, losses } = stepFive((p, t) => tf.mean(tf.square(tf.sub(p, tf.add(t, tf.randomUniform(t.shape, 0, 0.01))))));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^each training step runs op by op \(slower\): the step changes from batch to batch \(value \d+ made in JavaScript differs \(random numbers drawn in JavaScript\?\)\)$/);
    expect(calls.counted.runs).toBe(0);
    expect(losses[4]).toBeLessThan(losses[0]!);
  });

  it('runs as a graph when tfjs-node leaves type attributes to eager inference (ExpandDims)', () => {
    const { messages, losses } = stepFive((p, t) => tf.mean(tf.square(tf.sub(tf.expandDims(tf.squeeze(p, [1]), 1), t))));
    expect(messages).toEqual([]);
    expect(calls.counted.runs).toBe(2);
    expect(losses[4]).toBeLessThan(losses[0]!);
  });

  it('runs as a graph when it is the same computation each time, to the same losses as op by op', () => {
    const { messages, losses } = stepFive((p, t) => tf.mean(tf.square(tf.sub(p, t))));
    expect(messages).toEqual([]);
    // recorded steps until two are alike (the first makes SGD's learning-rate scalar), then graph steps
    expect(calls.counted.runs).toBe(2);
    // the same SGD steps worked out by hand: w <- w - 0.01 * 2/n X^T (X w - y), n = 2
    let w = [0, 0, 0];
    const X = [[1, 2, 3], [4, 5, 6]];
    const y = [1, 2];
    const expected: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = X.map((row, n) => row.reduce((s, x, j) => s + x * w[j]!, 0) - y[n]!);
      expected.push((r[0]! ** 2 + r[1]! ** 2) / 2);
      w = w.map((wj, j) => wj - 0.01 * (X[0]![j]! * r[0]! + X[1]![j]! * r[1]!));
    }
    losses.forEach((loss, i) => expect(loss).toBeCloseTo(expected[i]!, 3));
  });
});
