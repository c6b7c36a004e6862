// One training step on a batch: the loss worked out and read into
// JavaScript, `check` given it (it throws to prevent the update: a loss that
// is NaN or infinite ends the run before it spoils the weights), then the
// update.
//
// The eager runner is tfjs's way: gradients op by op, then the optimizer's
// update op by op. The graph runner (graph-step/graph-steps.ts) runs the
// same ops as one TensorFlow graph.

import type { Batch } from './batches.js';
import type { Tensor, TF } from '../tf-types.js';
import type { Variables } from './variables.js';

export interface StepRunner {
  /**
   * A step on `batch`: its loss. `variant` names what the step depends on
   * besides its batch and weights (the learning rate); `check` sees the loss
   * before the update is kept and throws to prevent it.
   */
  step(batch: Batch, variant: string, check: (loss: number) => void): number;
  dispose(): void;
}

/** What a step is made of: the loss of a batch (a scalar, under the gradient tape) and the optimizer's update. */
export interface StepParts {
  tf: TF;
  variables: Variables;
  lossOf(batch: Batch): Tensor;
  /** applies gradients (by variable name); clips them first when asked */
  update(grads: Record<string, Tensor>): void;
}

export function eagerSteps(parts: StepParts): StepRunner {
  return {
    step(batch, _variant, check) {
      const { value, grads } = parts.tf.variableGrads(() => parts.lossOf(batch) as never, parts.variables.list);
      try {
        const loss = value.dataSync()[0]!;
        check(loss);
        parts.update(grads);
        return loss;
      } finally {
        for (const t of [value, ...Object.values(grads)]) t.dispose();
      }
    },
    dispose() {},
  };
}

/** The whole step, gradients and update, as one function: the loss tensor (the caller's). */
export function fullStep(parts: StepParts, batch: Batch): Tensor {
  const { value, grads } = parts.tf.variableGrads(() => parts.lossOf(batch) as never, parts.variables.list);
  try {
    parts.update(grads);
  } finally {
    for (const g of Object.values(grads)) g.dispose();
  }
  return value;
}
