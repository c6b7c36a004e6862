// The supervised training loop: for each epoch, batches in a random order,
// a gradient step on each (clipped when asked), then the loss and metrics
// on the held-out data, a checkpoint, and early stopping. A stop request
// is honoured after the current batch: the weights are saved first.

import type { TrainPlan } from '../../core/train/plan.js';
import type { Examples } from '../data/dataset.js';
import type { Random } from '../random.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { batchCount, disposeBatch, epochOrder, takeBatch } from './batches.js';
import { evaluate, type LossOf, predict } from './evaluate.js';
import type { Emit } from './events.js';
import type { Metric } from './metrics.js';
import type { TrainOptimizer } from './optimizers.js';
import { learningRateAt } from './schedules.js';
import { Throughput } from './throughput.js';
import { clipByGlobalNorm, trainableVariables } from './variables.js';

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
  const batches = batchCount(run.train.count, plan.batch);
  const baseRate = typeof plan.optimizer.args['lr'] === 'number' ? plan.optimizer.args['lr'] : 0.001;
  let best = Infinity;
  let sinceBest = 0;
  let last: Record<string, number> = {};
  const pace = new Throughput(plan.batch, run.train.count, run.firstEpoch);
  for (let epoch = run.firstEpoch; epoch < plan.epochs; epoch++) {
    const started = Date.now();
    const rate = learningRateAt(plan.schedule, baseRate, epoch, plan.epochs);
    run.optimizer.setLearningRate(rate);
    const order = epochOrder(run.train.count, plan.shuffle, run.random);
    let lossSum: Tensor = tf.scalar(0);
    let lastEvent = 0;
    for (let b = 0; b < batches; b++) {
      const batch = takeBatch(tf, run.train, order, b, plan.batch);
      const value = step(run, variables, batch.inputs, batch.target!);
      const next = tf.tidy(() => tf.add(lossSum, tf.mul(value, batch.size)));
      lossSum.dispose();
      lossSum = next;
      disposeBatch(batch);
      const now = Date.now();
      if (now - lastEvent >= 1000 / BATCH_EVENTS_PER_SECOND || b === batches - 1) {
        lastEvent = now;
        emit({ type: 'batch', epoch: epoch + 1, batch: b + 1, batches, loss: value.dataSync()[0]!, ...pace.at(epoch + 1, b + 1) });
      }
      value.dispose();
      // let a stop request (a signal, a line on stdin) arrive
      await new Promise((resolve) => setImmediate(resolve));
      if (run.stop.requested) {
        lossSum.dispose();
        await run.checkpoint(epoch);
        return { reason: 'stopped', epochs: epoch, metrics: last };
      }
    }
    const trainLoss = lossSum.dataSync()[0]! / run.train.count;
    lossSum.dispose();
    const held = evaluate(tf, model, run.heldOut.examples, run.loss, run.metrics);
    last = { loss: trainLoss, ...Object.fromEntries(Object.entries(held).map(([k, v]) => [`${run.heldOut.name}_${k}`, v])) };
    emit({ type: 'epoch', epoch: epoch + 1, epochs: plan.epochs, logs: last, seconds: (Date.now() - started) / 1000, learningRate: rate });
    if ((epoch + 1) % plan.checkpoints.every === 0 || epoch + 1 === plan.epochs) await run.checkpoint(epoch + 1);
    if (plan.earlyStopping !== undefined) {
      if (held['loss']! < best) (best = held['loss']!), (sinceBest = 0);
      else if (++sinceBest >= plan.earlyStopping) {
        if ((epoch + 1) % plan.checkpoints.every !== 0) await run.checkpoint(epoch + 1);
        return { reason: 'early-stopping', epochs: epoch + 1, metrics: last };
      }
    }
  }
  return { reason: 'completed', epochs: plan.epochs, metrics: last };
}

/** One gradient step; returns the batch's loss (the caller disposes it). */
function step(run: SupervisedRun, variables: ReturnType<typeof trainableVariables>, inputs: Tensor[], target: Tensor): Tensor {
  const { tf } = run;
  const { value, grads } = tf.variableGrads(() => run.loss(target, predict(run.model, inputs, true)) as never, variables.list);
  const clipped = run.plan.clip !== undefined ? clipByGlobalNorm(tf, grads, run.plan.clip) : grads;
  run.optimizer.apply(clipped, variables.byName);
  for (const g of Object.values(grads)) g.dispose();
  if (clipped !== grads) for (const g of Object.values(clipped)) g.dispose();
  return value;
}
