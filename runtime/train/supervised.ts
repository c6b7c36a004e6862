// The supervised training loop: for each epoch, batches in a random order,
// a gradient step on each (clipped when asked), then the loss and metrics
// on the held-out data, a checkpoint, and early stopping. A stop request
// is honoured after the current batch: the weights are saved first.
// Every batch's loss is read before its update: one that is NaN or infinite
// ends the run there (divergence.ts), before it spoils the weights, and
// weights that are not finite are never saved.

import type { TrainPlan } from '../../core/train/plan.js';
import type { Examples } from '../data/dataset.js';
import type { Random } from '../random.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { type Batch, batchCount, disposeBatch, epochOrder, takeBatch } from './batches.js';
import { assertFiniteLoss, assertFiniteWeights, LossWatch, suspectOf } from './divergence.js';
import { evaluate, type Forward, type LossOf, predictAll } from './evaluate.js';
import type { Emit } from './events.js';
import type { Metric } from './metrics.js';
import type { TrainOptimizer } from './optimizers.js';
import { learningRateAt } from './schedules.js';
import { Throughput } from './throughput.js';
import { eagerSteps, type StepParts, type StepRunner } from './train-step.js';
import { GraphFunction } from './graph-step/graph-function.js';
import { graphSteps } from './graph-step/graph-steps.js';
import { nodeBackend } from './graph-step/step-trace.js';
import { clipByGlobalNorm, trainableVariables, type Variables } from './variables.js';

export interface StopSignal {
  requested: boolean;
}

export interface SupervisedRun {
  tf: TF;
  plan: TrainPlan;
  model: LayersModel;
  loss: LossOf;
  metrics: Record<string, Metric>;
  train: Examples;
  /** measured after each epoch: the validation split, else the test set */
  heldOut: { name: 'val' | 'test'; examples: Examples };
  optimizer: TrainOptimizer;
  random: Random;
  emit: Emit;
  stop: StopSignal;
  /** epochs already done (resuming) */
  firstEpoch: number;
  /** saves a checkpoint after `epochs` complete epochs */
  checkpoint(epochs: number): Promise<void>;
  /** draws the run's pictures after epoch `epoch` (1-based), when they are due (../pictures/epoch-pictures.ts) */
  pictures?: (epoch: number) => void;
  /**
   * Steps as one TensorFlow graph each (graph-step/graph-steps.ts), on the
   * native backend: the folder a graph is written to while TensorFlow loads
   * it. Absent: every step runs op by op.
   */
  graphSteps?: { folder: string };
}

export interface RunEnd {
  reason: 'completed' | 'stopped' | 'early-stopping';
  epochs: number;
  metrics: Record<string, number>;
}

/** At most this many batch events a second. */
const BATCH_EVENTS_PER_SECOND = 4;

export async function trainSupervised(run: SupervisedRun): Promise<RunEnd> {
  const { tf, plan, model, emit } = run;
  const variables = trainableVariables(model);
  const models = { [plan.model ?? model.name]: model };
  const batches = batchCount(run.train.count, plan.batch);
  const watch = new LossWatch('loss');
  const warn = (message: string | undefined) => message !== undefined && emit({ type: 'warning', message });
  /** never a checkpoint of weights that are not finite */
  const checkpoint = async (epochs: number, at: { epoch: number; batch?: number }) => {
    assertFiniteWeights(tf, models, at);
    await run.checkpoint(epochs);
  };
  let best = Infinity;
  let sinceBest = 0;
  let last: Record<string, number> = {};
  const pace = new Throughput(plan.batch, run.train.count, run.firstEpoch);
  const steps = stepRunner(run, variables, warn);
  const forward = graphForward(run);
  try {
    for (let epoch = run.firstEpoch; epoch < plan.epochs; epoch++) {
      const started = Date.now();
      const rate = epochLearningRate(plan, epoch);
      run.optimizer.setLearningRate(rate);
      const order = epochOrder(run.train.count, plan.shuffle, run.random);
      let lossSum = 0;
      let lastEvent = 0;
      for (let b = 0; b < batches; b++) {
        const batch = takeBatch(tf, run.train, order, b, plan.batch);
        let loss: number;
        try {
          loss = steps.step(batch, String(rate), (value) => warn(watch.batch(value, epoch + 1, b + 1, () => suspectOf(tf, models, batchData(model, batch)))));
        } finally {
          disposeBatch(batch);
        }
        lossSum += loss * batch.size;
        const now = Date.now();
        if (now - lastEvent >= 1000 / BATCH_EVENTS_PER_SECOND || b === batches - 1) {
          lastEvent = now;
          emit({ type: 'batch', epoch: epoch + 1, batch: b + 1, batches, loss, ...pace.at(epoch + 1, b + 1) });
        }
        // let a stop request (a signal, a line on stdin) arrive
        await new Promise((resolve) => setImmediate(resolve));
        if (run.stop.requested) {
          await checkpoint(epoch, { epoch: epoch + 1, batch: b + 1 });
          return { reason: 'stopped', epochs: epoch, metrics: last };
        }
      }
      const trainLoss = lossSum / run.train.count;
      // no held-out examples (`split: 1.0`): nothing is reported for them, not a loss of 0
      const held = run.heldOut.examples.count > 0 ? evaluate(tf, model, run.heldOut.examples, run.loss, run.metrics, forward?.forward) : {};
      // finite training losses and weights can still give a held-out loss that is not (the last update, or the held-out data)
      if (held['loss'] !== undefined) assertFiniteLoss(`${run.heldOut.name}_loss`, held['loss'], { epoch: epoch + 1 }, () => suspectOf(tf, models, batchData(model, run.heldOut.examples)));
      last = { loss: trainLoss, ...Object.fromEntries(Object.entries(held).map(([k, v]) => [`${run.heldOut.name}_${k}`, v])) };
      emit({ type: 'epoch', epoch: epoch + 1, epochs: plan.epochs, logs: last, seconds: (Date.now() - started) / 1000, learningRate: rate });
      run.pictures?.(epoch + 1);
      warn(watch.epoch(trainLoss, epoch + 1));
      if ((epoch + 1) % plan.checkpoints.every === 0 || epoch + 1 === plan.epochs) await checkpoint(epoch + 1, { epoch: epoch + 1 });
      if (plan.earlyStopping !== undefined && held['loss'] !== undefined) {
        if (held['loss'] < best) (best = held['loss']!), (sinceBest = 0);
        else if (++sinceBest >= plan.earlyStopping) {
          if ((epoch + 1) % plan.checkpoints.every !== 0) await checkpoint(epoch + 1, { epoch: epoch + 1 });
          return { reason: 'early-stopping', epochs: epoch + 1, metrics: last };
        }
      }
    }
    return { reason: 'completed', epochs: plan.epochs, metrics: last };
  } finally {
    steps.dispose();
    forward?.dispose();
  }
}

/** The run's steps: as TensorFlow graphs where the run asks for them and the backend is tfjs-node's, else op by op. */
function stepRunner(run: SupervisedRun, variables: Variables, warn: (message: string | undefined) => void): StepRunner {
  const parts: StepParts = {
    tf: run.tf,
    variables,
    lossOf: (batch) => run.loss(batch.target!, predictAll(run.model, batch.inputs, true)),
    update: (grads) => update(run, variables, grads),
  };
  const backend = run.graphSteps ? nodeBackend(run.tf) : undefined;
  if (!run.graphSteps || !backend) return eagerSteps(parts);
  const optimizer = run.optimizer.optimizer as unknown as { incrementIterations?: () => void };
  return graphSteps(parts, backend, {
    folder: run.graphSteps.folder,
    warn,
    // the optimizer counts its steps in JavaScript, which a graph does not run
    afterStep: () => optimizer.incrementIterations?.(),
  });
}

/** The held-out examples' forward pass as a TensorFlow graph, with graph steps. */
function graphForward(run: SupervisedRun): { forward: Forward; dispose(): void } | undefined {
  const backend = run.graphSteps ? nodeBackend(run.tf) : undefined;
  if (!run.graphSteps || !backend) return undefined;
  const graph = new GraphFunction(run.tf, backend, run.graphSteps.folder);
  return {
    // training behaviour off: no dropout, BatchNorm's running statistics
    forward: (model, inputs) => graph.call(inputs, 'held out', () => predictAll(model, inputs, false)),
    dispose: () => graph.dispose(),
  };
}

/** The learning rate the schedule sets for `epoch` (0-based). */
export function epochLearningRate(plan: TrainPlan, epoch: number): number {
  const baseRate = typeof plan.optimizer.args['lr'] === 'number' ? plan.optimizer.args['lr'] : 0.001;
  return learningRateAt(plan.schedule, baseRate, epoch, plan.epochs);
}

/** One gradient step: the gradients clipped when asked, then applied. */
export function update(run: Pick<SupervisedRun, 'tf' | 'plan' | 'optimizer'>, variables: Variables, grads: Record<string, Tensor>): void {
  const clipped = run.plan.clip !== undefined ? clipByGlobalNorm(run.tf, grads, run.plan.clip) : grads;
  run.optimizer.apply(clipped, variables.byName);
  if (clipped !== grads) for (const g of Object.values(clipped)) g.dispose();
}

/** A batch's tensors by name, for saying which holds a NaN: `input x`, `target`. */
function batchData(model: LayersModel, batch: Pick<Batch, 'inputs' | 'target'>): { name: string; tensor: Tensor }[] {
  const inputs = batch.inputs.map((tensor, i) => ({ name: `input ${model.inputNames[i] ?? i + 1}`, tensor }));
  return batch.target ? [...inputs, { name: 'target', tensor: batch.target }] : inputs;
}
