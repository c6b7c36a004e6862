// The three workloads of the training benchmark (issue 11): the same models
// on the same MNIST digits (8,000 to train on, 2,000 to test on), batch 64,
// Adam, for every contender.

import type { LayersModel } from '@tensorflow/tfjs';
import type { TF } from '../../runtime/tf-types.js';
import { tfjsCnn, tfjsMlp, tfjsResNetSmall } from './tfjs-models.js';

export type WorkloadId = 'mlp' | 'cnn' | 'resnet';

export interface Workload {
  /** what `--only` and the Python scripts' `--workload` take */
  id: WorkloadId;
  name: string;
  /** the nn source and its train block's model */
  file: string;
  model: string;
  /** epochs when BENCH_EPOCHS does not say */
  epochs: number;
  /** one example's shape as the model takes it */
  imageShape: number[];
  tfjs(tf: TF): LayersModel;
}

export const WORKLOADS: readonly Workload[] = [
  { id: 'mlp', name: 'MLP 784-128-10', file: 'bench/train/models.nn', model: 'MLP', epochs: 2, imageShape: [784], tfjs: tfjsMlp },
  { id: 'cnn', name: 'CNN, 2 conv + 2 dense', file: 'bench/train/models.nn', model: 'CNN', epochs: 2, imageShape: [28, 28, 1], tfjs: tfjsCnn },
  { id: 'resnet', name: 'ResNetSmall', file: 'examples/resnet.nn', model: 'ResNetSmall', epochs: 3, imageShape: [28, 28, 1], tfjs: tfjsResNetSmall },
];

export const BATCH = 64;

/** The workloads `--only` names (all when it is not given), or a message naming the one that is not a workload. */
export function selectWorkloads(only: string | undefined): Workload[] | string {
  if (only === undefined) return [...WORKLOADS];
  const picked = only.split(',').map((id) => WORKLOADS.find((w) => w.id === id.trim()));
  const unknown = only.split(',').find((_, i) => picked[i] === undefined);
  if (unknown !== undefined) return `--only ${only}: '${unknown}' is not a workload (${WORKLOADS.map((w) => w.id).join(', ')})`;
  return picked as Workload[];
}
