// Optimizers from a train block's `optimizer:` (SGD with momentum and
// Nesterov, Adam, AdamW, RMSprop), with a learning rate the schedule sets
// before each epoch. AdamW is Adam plus decoupled weight decay:
// w <- w - lr * weight_decay * w after each step.

import type { CallPlan } from '../../core/train/plan.js';
import type { Tensor, TF } from '../tf-types.js';

type Optimizer = ReturnType<TF['train']['adam']>;

export interface TrainOptimizer {
  optimizer: Optimizer;
  setLearningRate(lr: number): void;
  /** applies gradients (by variable name) to their variables */
  apply(grads: Record<string, Tensor>, variables: Map<string, import('@tensorflow/tfjs').Variable>): void;
}

const number = (plan: CallPlan, name: string, fallback: number): number => (typeof plan.args[name] === 'number' ? (plan.args[name] as number) : fallback);

export function createOptimizer(tf: TF, plan: CallPlan): TrainOptimizer {
  const lr = number(plan, 'lr', 0.001);
  let optimizer: Optimizer;
  switch (plan.name) {
    case 'SGD': {
      const momentum = number(plan, 'momentum', 0);
      optimizer = (momentum > 0 ? tf.train.momentum(lr, momentum, plan.args['nesterov'] === true) : tf.train.sgd(lr)) as unknown as Optimizer;
      break;
    }
    case 'Adam':
    case 'AdamW':
      optimizer = tf.train.adam(lr, number(plan, 'beta1', 0.9), number(plan, 'beta2', 0.999), number(plan, 'epsilon', 1e-7));
      break;
    case 'RMSprop':
      optimizer = tf.train.rmsprop(lr, number(plan, 'rho', 0.9), number(plan, 'momentum', 0)) as unknown as Optimizer;
      break;
    default:
      throw new Error(`unknown optimizer '${plan.name}'`);
  }
  const decay = plan.name === 'AdamW' ? number(plan, 'weight_decay', 0.01) : 0;
  let rate = lr;
  return {
    optimizer,
    setLearningRate(value) {
      rate = value;
      const o = optimizer as unknown as { setLearningRate?: (v: number) => void; learningRate: number };
      if (o.setLearningRate) o.setLearningRate(value);
      else o.learningRate = value;
    },
    apply(grads, variables) {
      optimizer.applyGradients(grads as never);
      if (decay > 0) {
        tf.tidy(() => {
          for (const [name, v] of variables) if (grads[name] && v.shape.length > 1) v.assign(tf.mul(v, 1 - rate * decay));
        });
      }
    },
  };
}
