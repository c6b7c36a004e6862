// One training step on a batch, in two halves: `step` works out the batch's
// loss (read into JavaScript) and the update, and `commit` makes the update.
// The loop reads the loss between the two, so that a loss that is NaN or
// infinite ends the run before it spoils the weights; `release` frees what
// the step holds, and undoes an update that was not committed.
//
// The eager runner is tfjs's way: gradients op by op, then the optimizer's
// update op by op. The graph runner (graph-step/graph-steps.ts) runs the
// same ops as one TensorFlow graph.

import type { Batch } from './batches.js';
import type { Tensor, TF } from '../tf-types.js';
import type { Variables } from './variables.js';

export interface TrainStep {
  /** the batch's loss */
  loss: number;
  /** makes the update */
  commit(): void;
  /** frees the step's tensors; an update not committed is undone */
  release(): void;
}

export interface StepRunner {
  /** A step on `batch`. `variant` names what the step depends on besides its batch and weights (the learning rate). */
  step(batch: Batch, variant: string): TrainStep;
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
    step(batch) {
      const { value, grads } = parts.tf.variableGrads(() => parts.lossOf(batch) as never, parts.variables.list);
      const loss = value.dataSync()[0]!;
      value.dispose();
      return {
        loss,
        commit: () => parts.update(grads),
        release: () => {
          for (const g of Object.values(grads)) g.dispose();
        },
      };
    },
    dispose() {},
  };
}

/** A step on `batch` whose loss `check` sees before the update is kept (it throws to prevent it): the loss. */
export function checkedStep(runner: StepRunner, batch: Batch, variant: string, check: (loss: number) => void): number {
  const step = runner.step(batch, variant);
  try {
    check(step.loss);
    step.commit();
    return step.loss;
  } finally {
    step.release();
  }
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
