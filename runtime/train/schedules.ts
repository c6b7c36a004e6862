// Learning-rate schedules: the rate for each epoch (0-based) of a run.

import type { CallPlan } from '../../core/train/plan.js';

export function learningRateAt(schedule: CallPlan, base: number, epoch: number, epochs: number): number {
  const arg = (name: string, fallback: number) => (typeof schedule.args[name] === 'number' ? (schedule.args[name] as number) : fallback);
  switch (schedule.name) {
    case 'step':
      return base * Math.pow(arg('gamma', 0.1), Math.floor(epoch / Math.max(1, arg('every', 1))));
    case 'warmup': {
      const warm = Math.max(1, arg('epochs', 1));
      return epoch < warm ? (base * (epoch + 1)) / (warm + 1) : base;
    }
    case 'cosine': {
      const warm = arg('warmup', 0);
      const min = arg('min', 0);
      if (epoch < warm) return (base * (epoch + 1)) / (warm + 1);
      const progress = (epoch - warm) / Math.max(1, epochs - warm);
      return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
    default:
      return base;
  }
}
