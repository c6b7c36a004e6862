// A train block's data for train.py, as .npy files: the examples exactly as
// the tfjs engine loads them with the run's seed (runtime/train/run-training.ts
// loadRunData), cut the same way (the source's split into training and test
// examples, then `validation:`, the last part of the training examples),
// each input in the model's shape (mnist's 28x28x1 images as 784 values
// for a model that takes [B, 784]). So train.py needs none of the data
// sources' code.
//
//   data/train-input-0.npy, ...     one array per model input, in order
//   data/train-target.npy
//   data/heldout-input-0.npy, ...   measured on after each epoch: the validation split, else the test part
//   data/heldout-target.npy

import { msg } from '../../../core/i18n/message.js';
import { join } from 'node:path';
import type { Graph } from '../../../core/graph/graph.js';
import type { TrainPlan } from '../../../core/train/plan.js';
import { DataError, type RawArray, type RawData, trainCountOf } from '../../data/dataset.js';
import { encodeNpy } from '../../data/npy-writer.js';
import { writeFileAtomically } from '../../files/atomic-files.js';

/** What train.py's `start` event says of the data, and what it measures on. */
export interface DataSummary {
  /** "mnist: 10,000 digits" */
  description: string;
  examples: { train: number; test: number; validation: number };
  /** the prefix of the held-out keys in the epoch logs: `val` with `validation:`, else `test`; none: no held-out examples */
  heldOut: 'val' | 'test' | null;
  inputs: number;
  target: boolean;
}

/** Example rows [from, to) of the examples: the ranges the tfjs engine trains and measures on. */
export interface DataParts {
  train: [number, number];
  heldOut: [number, number];
  examples: DataSummary['examples'];
}

/** The tfjs engine's cut: the source's split, then the last `validation` fraction of the training part held out. */
export function dataParts(count: number, split: number, validation: number): DataParts {
  const trainCount = trainCountOf(count, split);
  if (validation > 0) {
    const held = Math.max(1, Math.round(trainCount * validation));
    const kept = trainCount - held;
    return { train: [0, kept], heldOut: [kept, trainCount], examples: { train: kept, test: count - trainCount, validation: held } };
  }
  return { train: [0, trainCount], heldOut: [trainCount, count], examples: { train: trainCount, test: count - trainCount, validation: 0 } };
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export function exportData(raw: RawData, graph: Graph, plan: TrainPlan, dir: string): { files: string[]; summary: DataSummary; heldOut: [number, number] } {
  const parts = dataParts(raw.count, raw.split, plan.validation);
  const shapes = raw.inputs.map((input, i) => inputShape(raw, input, graph, i));
  const files: string[] = [];
  const write = (name: string, array: RawArray, shape: number[], [from, to]: [number, number]) => {
    const per = size(array.shape);
    const path = join(dir, `${name}.npy`);
    writeFileAtomically(path, encodeNpy(array.values.subarray(from * per, to * per), [to - from, ...shape], array.dtype));
    files.push(path);
  };
  for (const [part, rows] of [['train', parts.train], ['heldout', parts.heldOut]] as const) {
    raw.inputs.forEach((input, i) => write(`${part}-input-${i}`, input, shapes[i]!, rows));
    if (raw.target) write(`${part}-target`, raw.target, raw.target.shape, rows);
  }
  const heldCount = parts.heldOut[1] - parts.heldOut[0];
  return {
    files,
    heldOut: parts.heldOut,
    summary: {
      description: raw.description,
      examples: parts.examples,
      heldOut: heldCount === 0 ? null : plan.validation > 0 ? 'val' : 'test',
      inputs: raw.inputs.length,
      target: raw.target !== undefined,
    },
  };
}

/** One example's shape as the model's input `i` takes it (the same values; only the layout may differ, as for tfjs). */
export function inputShape(raw: RawData, input: RawArray, graph: Graph, i: number): number[] {
  const want = graph.inputs[i]?.type.shape.slice(1);
  if (!want) throw new DataError(msg`${raw.description} gives ${raw.inputs.length} inputs per example, but ${graph.model} takes ${graph.inputs.length}`);
  if (!want.every((d): d is number => typeof d === 'number') || size(want) !== size(input.shape)) return input.shape;
  return want;
}
