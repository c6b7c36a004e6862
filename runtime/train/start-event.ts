// The first event of a run: what is trained, on what, and where.

import type { TrainPlan } from '../../core/train/plan.js';
import type { Dataset, Examples } from '../data/dataset.js';
import type { LayersModel } from '../tf-types.js';
import type { TrainEvent } from './events.js';

/** Which run this is, and where it keeps its files (absolute paths). */
export interface RunIdentity {
  runId: string;
  file: string;
  runDir: string;
  /** the checkpoint a resumed run continues from */
  resumedFrom?: string;
}

export function startEvent(
  plan: TrainPlan,
  data: Pick<Dataset, 'description'> & { test: Examples },
  train: Examples,
  validation: Examples | undefined,
  backend: { name: string; device: 'cpu' | 'gpu' },
  models: [string, LayersModel][],
  firstEpoch: number,
  run: RunIdentity,
): TrainEvent {
  const count = (ws: { shape: number[] }[]) => ws.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  return {
    type: 'start' as const,
    runId: run.runId,
    pid: process.pid,
    file: run.file,
    runDir: run.runDir,
    ...(run.resumedFrom !== undefined ? { resumedFrom: run.resumedFrom } : {}),
    name: plan.name,
    models: models.map(([name, m]) => ({ name, parameters: m.countParams(), trainableParameters: count(m.trainableWeights as never) })),
    data: data.description,
    examples: { train: train.count, test: data.test.count, validation: validation?.count ?? 0 },
    epochs: plan.epochs,
    batchesPerEpoch: Math.ceil(train.count / plan.batch),
    batchSize: plan.batch,
    backend: backend.name,
    device: backend.device,
    firstEpoch: firstEpoch + 1,
  };
}

