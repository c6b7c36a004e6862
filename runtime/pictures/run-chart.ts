// The loss-and-metrics chart every run writes when it ends (supervised or
// GAN): the epochs it reported, drawn as `samples/metrics.svg` in its run
// folder and announced by a `sample` event of kind `metrics`.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainPlan } from '../../core/train/plan.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import type { Emit } from '../train/events.js';
import { SAMPLES_FOLDER } from './epoch-pictures.js';
import { type EpochLog, metricsChart } from './metrics-chart.js';

export const METRICS_FILE = 'metrics.svg';

export interface RunChart {
  /** the run's events pass through here: the epochs are kept */
  emit: Emit;
  /** draws the chart of the epochs seen, when there were any and pictures are on */
  write(runDir: string): void;
}

export function runChart(plan: TrainPlan, emit: Emit): RunChart {
  const epochs: EpochLog[] = [];
  return {
    emit(e) {
      if (e.type === 'epoch') epochs.push({ epoch: e.epoch, logs: e.logs });
      emit(e);
    },
    write(runDir) {
      if (epochs.length === 0 || (plan.samples?.every ?? 1) <= 0) return;
      const dir = join(runDir, SAMPLES_FOLDER);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, METRICS_FILE);
      const last = epochs.at(-1)!.epoch;
      writeFileAtomically(path, metricsChart({ title: `${plan.name}: loss and metrics by epoch`, subtitle: `${plan.data.name}, ${last} epoch${last === 1 ? '' : 's'}`, epochs }));
      emit({ type: 'sample', epoch: last, path, kind: 'metrics' });
    },
  };
}
