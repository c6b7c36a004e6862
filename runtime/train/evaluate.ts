// Measuring a model on examples it does not learn from: the mean loss and
// every metric, in batches, with training behaviour off (no dropout,
// batch norm's running statistics).

import type { Examples } from '../data/dataset.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { disposeBatch, sliceBatch } from './batches.js';
import type { Metric, MetricAccumulator } from './metrics.js';

/** The loss of a batch: its targets against the model's output, or every output in order (most losses read only the first). */
export type LossOf = (target: Tensor, outputs: Tensor | Tensor[]) => Tensor;

/** The outputs a loss is given, as a list. */
export const outputList = (outputs: Tensor | Tensor[]): Tensor[] => (Array.isArray(outputs) ? outputs : [outputs]);

const EVAL_BATCH = 256;

export function predict(model: LayersModel, inputs: Tensor[], training: boolean): Tensor {
  return model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training }) as Tensor;
}

/** Every output of the model, in order (SAM: its masks, then their predicted IoU). */
export function predictAll(model: LayersModel, inputs: Tensor[], training: boolean): Tensor[] {
  const out = model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training }) as Tensor | Tensor[];
  return Array.isArray(out) ? out : [out];
}

/**
 * The forward pass of a batch's inputs, training behaviour off: op by op, or
 * as one TensorFlow graph (graph-step/graph-function.ts). The outputs are the
 * caller's until it releases the call.
 */
export type Forward = (model: LayersModel, inputs: Tensor[]) => { results: Tensor[]; commit(): void; release(): void };

const eagerForward: Forward = (model, inputs) => {
  const results = predictAll(model, inputs, false);
  return { results, commit: () => undefined, release: () => results.forEach((t) => t.dispose()) };
};

export function evaluate(tf: TF, model: LayersModel, examples: Examples, loss: LossOf, metrics: Record<string, Metric>, forward: Forward = eagerForward): Record<string, number> {
  let lossSum = 0;
  const accumulators = Object.entries(metrics).map(([name, metric]) => [name, metric(tf)] as const);
  for (let from = 0; from < examples.count; from += EVAL_BATCH) {
    const batch = sliceBatch(tf, examples, from, EVAL_BATCH);
    const call = forward(model, batch.inputs);
    try {
      call.commit();
      const outputs = call.results;
      tf.tidy(() => {
        lossSum += loss(batch.target!, outputs).dataSync()[0]! * batch.size;
        for (const [, a] of accumulators) a.add(batch.target!, outputs[0]!, { inputs: batch.inputs, outputs });
      });
    } finally {
      call.release();
      disposeBatch(batch);
    }
  }
  return { loss: lossSum / Math.max(1, examples.count), ...Object.fromEntries(accumulators.flatMap(([name, a]) => resultsOf(name, a))) };
}

/** A metric's results: one number named after it, or several under their own names (`iou_point`, `iou_box`). */
function resultsOf(name: string, a: MetricAccumulator): [string, number][] {
  return a.results ? Object.entries(a.results()) : [[name, a.result()]];
}
