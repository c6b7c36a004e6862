// Steps of a loop that has several kinds of step (a GAN's discriminator and
// generator steps), each kind run as one TensorFlow graph (graph-function.ts):
// a whole step, gradients and update, whose loss `check` sees before the
// update is kept (it throws to prevent it). Once a kind of step cannot be a
// graph, `step` returns undefined and the loop runs its own step op by op; a
// warning says why, once.

import { msg } from '../../../core/i18n/message.js';
import type { Tensor } from '../../tf-types.js';
import { type GraphCall, GraphFunction } from './graph-function.js';

export interface LossStepOptions {
  /** says once why the steps run op by op */
  warn(message: string): void;
  /** after each step kept that ran as a graph: what the eager step does in JavaScript alone (the optimizer's step count) */
  afterStep?(): void;
}

export class LossSteps {
  private warned = false;

  constructor(
    private readonly graph: GraphFunction,
    private readonly options: LossStepOptions,
  ) {}

  /** The step's loss; undefined when it must run op by op (nothing was run). `fed` is all that varies but variables. */
  step(fed: Tensor[], variant: string, full: () => Tensor, check: (loss: number) => void): number | undefined {
    if (this.graph.off !== undefined) return undefined;
    let call: GraphCall;
    try {
      call = this.graph.call(fed, variant, () => [full()]);
    } finally {
      // said also when the step that turned the graph off fails op by op too
      if (this.graph.off !== undefined && !this.warned) {
        this.warned = true;
        this.options.warn(msg`each training step runs op by op (slower): ${this.graph.off}`);
      }
    }
    try {
      const loss = call.results[0]!.dataSync()[0]!;
      check(loss);
      call.commit();
      if (call.byGraph) this.options.afterStep?.();
      return loss;
    } finally {
      call.release();
    }
  }

  dispose(): void {
    this.graph.dispose();
  }
}
