// Training steps run as one TensorFlow graph each, on tfjs-node's native
// backend (graph-function.ts, through loss-steps.ts): the batch's gradients
// and the optimizer's update together, the loss read, and the update kept
// only when `check` has seen the loss. When a step cannot be a graph, the
// steps run op by op and a warning says why, once.

import type { Batch } from '../batches.js';
import { eagerSteps, fullStep, type StepParts, type StepRunner } from '../train-step.js';
import { GraphFunction } from './graph-function.js';
import { LossSteps, type LossStepOptions } from './loss-steps.js';
import type { NodeBackend } from './step-trace.js';

export interface GraphStepOptions extends LossStepOptions {
  /** where a graph is written while TensorFlow loads it (the run's folder) */
  folder: string;
}

export function graphSteps(parts: StepParts, backend: NodeBackend, options: GraphStepOptions): StepRunner {
  const eager = eagerSteps(parts);
  const steps = new LossSteps(new GraphFunction(parts.tf, backend, options.folder), options);
  return {
    step: (batch, variant, check) => steps.step(batchTensors(batch), variant, () => fullStep(parts, batch), check) ?? eager.step(batch, variant, check),
    dispose: () => steps.dispose(),
  };
}

/** The batch's tensors, in the order they are fed. */
const batchTensors = (batch: Batch) => (batch.target ? [...batch.inputs, batch.target] : batch.inputs);
