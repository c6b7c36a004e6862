// Adversarial training (a GAN): for each batch of real examples, k steps of
// the discriminator D on real examples (label 1) and fakes G(z) (label 0),
// then m steps of the generator G through a fixed D, each with its own
// optimizer and variables. G uses the non-saturating objective: it
// maximises log D(G(z)) instead of minimising log(1 - D(G(z))).
// Each step's loss is read before its update: one that is NaN or infinite
// ends the run there (divergence.ts), and weights that are not finite are
// never saved.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainPlan } from '../../core/train/plan.js';
import { compileGraph } from '../compile/compile-graph.js';
import type { RawData } from '../data/dataset.js';
import { disposeDataset, toDataset } from '../data/dataset.js';
import { modesCovered, ringCentre } from '../data/ring.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { gridPixels } from '../images/samples.js';
import { pictureFileName, SAMPLES_FOLDER } from '../pictures/epoch-pictures.js';
import { ringScatter, sampleGrid } from '../pictures/gan.js';
import type { Random } from '../random.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { type Batch, batchCount, disposeBatch, epochOrder, takeBatch } from './batches.js';
import { assertFiniteWeights, LossWatch, suspectOf } from './divergence.js';
import { predict } from './evaluate.js';
import { createOptimizer, type TrainOptimizer } from './optimizers.js';
import { checkMemory } from './memory-estimate.js';
import type { RunCheckpoints } from './run-checkpoints.js';
import type { TrainRequest } from './run-training.js';
import { type RunIdentity, startEvent } from './start-event.js';
import { Throughput } from './throughput.js';
import { trace } from './trace-model.js';
import { learningRateAt } from './schedules.js';
import type { RunEnd } from './supervised.js';
import { trainableVariables, type Variables } from './variables.js';
import { GraphFunction } from './graph-step/graph-function.js';
import { LossSteps } from './graph-step/loss-steps.js';
import { nodeBackend } from './graph-step/step-trace.js';
import { eagerSteps, fullStep, type StepParts } from './train-step.js';

export interface AdversarialSetup {
  tf: TF;
  plan: TrainPlan;
  raw: RawData;
  random: Random;
  seed: number;
  request: TrainRequest;
  run: RunIdentity;
  checkpoints: RunCheckpoints;
}

const EPSILON = 1e-7;

export async function trainAdversarial(setup: AdversarialSetup): Promise<RunEnd & { models: Record<string, LayersModel> }> {
  const { tf, plan, raw, request } = setup;
  const pair = plan.adversarial!;
  const generatorGraph = trace(request, pair.generator, [pair.noise.shape]);
  const fakeShape = generatorGraph.outputs[0]!.type.shape.slice(1) as number[];
  const discriminatorGraph = trace(request, pair.discriminator, [raw.inputs[0]?.shape ?? fakeShape]);
  checkMemory({ name: plan.name, graphs: [generatorGraph, discriminatorGraph], optimizer: plan.optimizer, batch: plan.batch, device: request.backend.device });
  const generator = compileGraph(tf, generatorGraph, { seed: setup.seed });
  const discriminator = compileGraph(tf, discriminatorGraph, { seed: setup.seed + 1 });
  const data = toDataset(tf, { ...raw, split: 1 }, [{ name: discriminatorGraph.inputs[0]!.name, shape: discriminatorGraph.inputs[0]!.type.shape.slice(1) as number[] }]);
  const optimizers = { generator: createOptimizer(tf, plan.optimizer), discriminator: createOptimizer(tf, plan.optimizer) };
  const models = { [pair.generator]: generator, [pair.discriminator]: discriminator };
  const saved = { generator: optimizers.generator.optimizer as never, discriminator: optimizers.discriminator.optimizer as never };
  const resumed = await setup.checkpoints.resume(models, saved);
  const firstEpoch = resumed.epoch;
  request.emit(startEvent(plan, data, data.train, undefined, request.backend, Object.entries(models), firstEpoch, { ...setup.run, ...(resumed.from ? { resumedFrom: resumed.from } : {}) }));
  const pace = new Throughput(plan.batch, data.train.count, firstEpoch);
  const gVars = trainableVariables(generator);
  const dVars = trainableVariables(discriminator);
  const noise = (n: number): Tensor =>
    pair.noise.distribution === 'uniform'
      ? tf.randomUniform([n, ...pair.noise.shape], pair.noise.args['low'] ?? 0, pair.noise.args['high'] ?? 1, 'float32', setup.random.int(2 ** 31))
      : tf.randomNormal([n, ...pair.noise.shape], pair.noise.args['mean'] ?? 0, pair.noise.args['std'] ?? 1, 'float32', setup.random.int(2 ** 31));
  // a loss that is not finite ends the run at its step; weights that are not finite are never saved
  const watch = { d: new LossWatch('d_loss', { risingEpochs: false }), g: new LossWatch('g_loss', { risingEpochs: false }) };
  const warn = (message: string | undefined) => message !== undefined && request.emit({ type: 'warning', message });
  const checkpoint = async (epoch: number, at: { epoch: number; batch?: number } = { epoch }) => {
    assertFiniteWeights(tf, models, at);
    const path = await setup.checkpoints.save(epoch, models, saved);
    request.emit({ type: 'checkpoint', epoch, path });
  };
  // each kind of step as one TensorFlow graph on the native backend (graph-step/), unless asked otherwise
  const graphs = request.eager ? undefined : ganGraphs(tf, setup.run.runDir, warn, optimizers);
  const baseRate = typeof plan.optimizer.args['lr'] === 'number' ? plan.optimizer.args['lr'] : 0.001;
  const batches = batchCount(data.train.count, plan.batch);
  let last: Record<string, number> = {};
  try {
    for (let epoch = firstEpoch; epoch < plan.epochs; epoch++) {
      const started = Date.now();
      const rate = learningRateAt(plan.schedule, baseRate, epoch, plan.epochs);
      optimizers.generator.setLearningRate(rate);
      optimizers.discriminator.setLearningRate(rate);
      const order = epochOrder(data.train.count, plan.shuffle, setup.random);
      let dSum = 0;
      let gSum = 0;
      for (let b = 0; b < batches; b++) {
        const batch = takeBatch(tf, data.train, order, b, plan.batch);
        const suspects = () => suspectOf(tf, models, [{ name: `input ${discriminatorGraph.inputs[0]!.name}`, tensor: batch.inputs[0]! }]);
        const check = (which: 'd' | 'g') => (loss: number) => warn(watch[which].batch(loss, epoch + 1, b + 1, suspects));
        try {
          const variant = String(rate);
          for (let k = 0; k < plan.steps.discriminator; k++) dSum += discriminatorStep(tf, generator, discriminator, dVars, optimizers.discriminator, batch.inputs[0]!, noise, check('d'), graphs && { steps: graphs.discriminator, variant }) / plan.steps.discriminator;
          for (let k = 0; k < plan.steps.generator; k++) gSum += generatorStep(tf, generator, discriminator, gVars, optimizers.generator, batch.size, noise, check('g'), graphs && { steps: graphs.generator, variant }) / plan.steps.generator;
        } finally {
          disposeBatch(batch);
        }
        if (b === batches - 1 || b % 20 === 0) request.emit({ type: 'batch', epoch: epoch + 1, batch: b + 1, batches, loss: dSum / (b + 1), logs: { d_loss: dSum / (b + 1), g_loss: gSum / (b + 1) }, ...pace.at(epoch + 1, b + 1) });
        await new Promise((resolve) => setImmediate(resolve));
        if (request.stop.requested) {
          await checkpoint(epoch, { epoch: epoch + 1, batch: b + 1 });
          return { reason: 'stopped', epochs: epoch, metrics: last, models };
        }
      }
      last = { d_loss: dSum / batches, g_loss: gSum / batches, ...quality(tf, plan, generator, noise) };
      request.emit({ type: 'epoch', epoch: epoch + 1, epochs: plan.epochs, logs: last, seconds: (Date.now() - started) / 1000, learningRate: rate });
      if (plan.samples && plan.samples.every > 0 && plan.samples.count > 0 && ((epoch + 1) % plan.samples.every === 0 || epoch + 1 === plan.epochs)) {
        const { path, kind } = writeSamples(tf, plan, generator, noise, setup.run.runDir, epoch + 1);
        request.emit({ type: 'sample', epoch: epoch + 1, path, kind });
      }
      if ((epoch + 1) % plan.checkpoints.every === 0 || epoch + 1 === plan.epochs) await checkpoint(epoch + 1);
    }
    return { reason: 'completed', epochs: plan.epochs, metrics: last, models };
  } finally {
    graphs?.discriminator.dispose();
    graphs?.generator.dispose();
    disposeDataset(data);
    optimizers.generator.optimizer.dispose();
    optimizers.discriminator.optimizer.dispose();
  }
}

const logOf = (tf: TF, p: Tensor): Tensor => tf.log(tf.clipByValue(p, EPSILON, 1));

/** The graphs of a GAN's two kinds of step, on the native backend; each optimizer counts the steps its graph takes. */
function ganGraphs(tf: TF, folder: string, warn: (message: string) => void, optimizers: { generator: TrainOptimizer; discriminator: TrainOptimizer }) {
  const backend = nodeBackend(tf);
  if (!backend) return undefined;
  const steps = (optimizer: TrainOptimizer) => {
    const counted = optimizer.optimizer as unknown as { incrementIterations?: () => void };
    return new LossSteps(new GraphFunction(tf, backend, folder), { warn, afterStep: () => counted.incrementIterations?.() });
  };
  return { discriminator: steps(optimizers.discriminator), generator: steps(optimizers.generator) };
}

/** A step's graph, and what it depends on besides its inputs and variables (the learning rate). */
interface StepGraph {
  steps: LossSteps;
  variant: string;
}

/**
 * A step's loss: `lossOf` under the gradient tape, `check` (it throws to
 * prevent the update) and the update, as one graph when `graph` can, else op
 * by op with the loss read before the update.
 */
function takeStep(tf: TF, vars: Variables, opt: TrainOptimizer, fed: Tensor[], lossOf: () => Tensor, check: (loss: number) => void, graph: StepGraph | undefined): number {
  const parts: StepParts = { tf, variables: vars, lossOf, update: (grads) => opt.apply(grads, vars.byName) };
  const batch: Batch = { inputs: fed, target: undefined, size: fed[0]!.shape[0]! };
  return graph?.steps.step(fed, graph.variant, () => fullStep(parts, batch), check) ?? eagerSteps(parts).step(batch, graph?.variant ?? '', check);
}

/** D step: maximise log D(x) + log(1 - D(G(z))). Returns D's loss, which `check` sees before the update (it throws to prevent it). */
function discriminatorStep(tf: TF, g: LayersModel, d: LayersModel, vars: Variables, opt: TrainOptimizer, real: Tensor, noise: (n: number) => Tensor, check: (loss: number) => void, graph?: StepGraph): number {
  const z = noise(real.shape[0]!);
  try {
    return takeStep(
      tf,
      vars,
      opt,
      [real, z],
      () => {
        // G's fakes: the gradient is taken for D's variables only, so none flows into G
        const fake = predict(g, [z], true);
        const onReal = predict(d, [real], true);
        const onFake = predict(d, [fake], true);
        return tf.neg(tf.add(tf.mean(logOf(tf, onReal)), tf.mean(logOf(tf, tf.sub(1, onFake)))));
      },
      check,
      graph,
    );
  } finally {
    z.dispose();
  }
}

/** G step (non-saturating): maximise log D(G(z)) with D fixed. Returns G's loss, which `check` sees before the update (it throws to prevent it). */
function generatorStep(tf: TF, g: LayersModel, d: LayersModel, vars: Variables, opt: TrainOptimizer, n: number, noise: (n: number) => Tensor, check: (loss: number) => void, graph?: StepGraph): number {
  const z = noise(n);
  try {
    return takeStep(tf, vars, opt, [z], () => tf.neg(tf.mean(logOf(tf, predict(d, [predict(g, [z], true)], true)))), check, graph);
  } finally {
    z.dispose();
  }
}

/** For the ring: how many of its modes 1,000 generated points cover. */
function quality(tf: TF, plan: TrainPlan, g: LayersModel, noise: (n: number) => Tensor): Record<string, number> {
  if (plan.data.name !== 'ring') return {};
  const points = generate(tf, g, noise, 1000);
  return { modes_covered: modesCovered(points, ringOptions(plan)) };
}

function ringOptions(plan: TrainPlan) {
  const a = plan.data.args;
  return { modes: typeof a['modes'] === 'number' ? a['modes'] : 8, radius: typeof a['radius'] === 'number' ? a['radius'] : 2, std: typeof a['std'] === 'number' ? a['std'] : 0.02 };
}

function generate(tf: TF, g: LayersModel, noise: (n: number) => Tensor, n: number): Float32Array {
  return tf.tidy(() => predict(g, [noise(n)], false).dataSync() as Float32Array);
}

/** Points a scatter plot of 2-D samples shows, at least. */
const SCATTER_POINTS = 1000;

/** Writes a picture of `samples.count` generated samples (a scatter plot: at least 1,000 points); returns its path and kind. */
export function writeSamples(tf: TF, plan: TrainPlan, g: LayersModel, noise: (n: number) => Tensor, runDir: string, epoch: number): { path: string; kind: 'scatter' | 'image-grid' } {
  const count = plan.samples!.count;
  const outShape = g.outputs[0]!.shape.slice(1) as number[];
  const title = `${g.name}'s samples after epoch ${epoch}`;
  let svg: string;
  let kind: 'scatter' | 'image-grid';
  if (outShape.length === 1 && outShape[0] === 2) {
    const o = ringOptions(plan);
    const n = Math.max(count, SCATTER_POINTS);
    const modes = Array.from({ length: o.modes }, (_, m) => ringCentre(m, o.modes, o.radius));
    svg = ringScatter({ title, subtitle: `${n.toLocaleString('en-US')} points generated from fresh noise`, points: generate(tf, g, noise, n), modes, extent: o.radius * 1.5 });
    kind = 'scatter';
  } else {
    const values = generate(tf, g, noise, count);
    const [h, w, c] = outShape.length === 3 ? (outShape as [number, number, number]) : [1, outShape.reduce((a, b) => a * b, 1), 1];
    const scale = plan.data.args['scale'];
    const grid = gridPixels(values, count, h, w, c, Array.isArray(scale) ? (scale as [number, number]) : [0, 1]);
    svg = sampleGrid({ title, subtitle: `${count} images generated from fresh noise`, grid, count });
    kind = 'image-grid';
  }
  const dir = join(runDir, SAMPLES_FOLDER);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, pictureFileName(epoch, 'samples'));
  writeFileAtomically(path, svg);
  return { path, kind };
}
