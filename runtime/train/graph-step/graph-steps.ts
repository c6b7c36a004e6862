// Training steps run as one TensorFlow graph each, on tfjs-node's native
// backend (graph-function.ts): the batch's gradients and the optimizer's
// update together, the loss read, and the update committed only when the
// loop has seen that the loss is finite. When a step cannot be a graph, the
// steps run op by op and a warning says why, once.

import { msg } from '../../../core/i18n/message.js';
import type { Batch } from '../batches.js';
import { eagerSteps, fullStep, type StepParts, type StepRunner, type TrainStep } from '../train-step.js';
import { type GraphCall, GraphFunction } from './graph-function.js';
import type { NodeBackend } from './step-trace.js';

export interface GraphStepOptions {
  /** where a graph is written while TensorFlow loads it (the run's folder) */
  folder: string;
  /** says once why steps run op by op */
  warn(message: string): void;
  /** after each committed step: what the eager step does in JavaScript alone (the optimizer's step count) */
  afterStep?(): void;
}

export function graphSteps(parts: StepParts, backend: NodeBackend, options: GraphStepOptions): StepRunner {
  const eager = eagerSteps(parts);
  const graph = new GraphFunction(parts.tf, backend, options.folder);
  return {
    step(batch, variant) {
      if (graph.off !== undefined) return eager.step(batch, variant);
      let call: GraphCall;
      try {
        call = graph.call(batchTensors(batch), variant, () => [fullStep(parts, batch)]);
      } finally {
        // said also when the step that turned the graph off fails op by op too
        if (graph.off !== undefined) options.warn(msg`each training step runs op by op (slower): ${graph.off}`);
      }
      let loss: number;
      try {
        loss = call.results[0]!.dataSync()[0]!;
      } catch (e) {
        call.release();
        throw e;
      }
      const step: TrainStep = {
        loss,
        commit: () => {
          call.commit();
          // an eager step counts itself in the optimizer; a graph's does not
          if (call.byGraph) options.afterStep?.();
        },
        release: () => call.release(),
      };
      return step;
    },
    dispose: () => graph.dispose(),
  };
}

/** The batch's tensors, in the order they are fed. */
const batchTensors = (batch: Batch) => (batch.target ? [...batch.inputs, batch.target] : batch.inputs);
