// Measuring a model on examples it does not learn from: the mean loss and
// every metric, in batches, with training behaviour off (no dropout,
// batch norm's running statistics).

import type { Examples } from '../data/dataset.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { disposeBatch, sliceBatch } from './batches.js';
import type { Metric } from './metrics.js';

export type LossOf = (target: Tensor, prediction: Tensor) => Tensor;

const EVAL_BATCH = 256;

export function predict(model: LayersModel, inputs: Tensor[], training: boolean): Tensor {
  return model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training }) as Tensor;
}

export function evaluate(tf: TF, model: LayersModel, examples: Examples, loss: LossOf, metrics: Record<string, Metric>): Record<string, number> {
  let lossSum = 0;
  const accumulators = Object.entries(metrics).map(([name, metric]) => [name, metric(tf)] as const);
  for (let from = 0; from < examples.count; from += EVAL_BATCH) {
    const batch = sliceBatch(tf, examples, from, EVAL_BATCH);
    tf.tidy(() => {
      const prediction = predict(model, batch.inputs, false);
      lossSum += loss(batch.target!, prediction).dataSync()[0]! * batch.size;
      for (const [, a] of accumulators) a.add(batch.target!, prediction);
    });
    disposeBatch(batch);
  }
  return { loss: lossSum / Math.max(1, examples.count), ...Object.fromEntries(accumulators.map(([name, a]) => [name, a.result()])) };
}
