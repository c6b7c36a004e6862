// A dataset as the training loop sees it: every example in memory as
// tensors, one per model input, and the targets, split into a training and
// a test part. The data sources (mnist, csv, npy, ...) produce `RawData`:
// typed arrays with their per-example shapes.

import { msg } from '../../core/i18n/message.js';
import type { DType } from '../../core/values.js';
import type { Tensor, TF } from '../tf-types.js';

export type Values = Float32Array | Int32Array | Uint8Array;

/** One array of examples: `count * product(shape)` values. */
export interface RawArray {
  values: Values;
  /** the shape of one example */
  shape: number[];
  dtype: DType;
}

export interface RawData {
  /** what the data is, for messages and the start event: "mnist: 10,000 digits" */
  description: string;
  /** one array per model input */
  inputs: RawArray[];
  /** the targets (labels, boxes, next tokens); absent for adversarial data */
  target?: RawArray;
  count: number;
  /** the number of classes, when the targets are class ids */
  classes?: number;
  /** the name of each class id, when the labels were names ("cat", "dog") */
  classNames?: string[];
  /** the fraction of examples used for training; the rest is the test set */
  split: number;
  /** where the i-th example is written, for messages: "iris.csv:12", "y.npy: item 3" (files only) */
  where?: (example: number) => string;
}

export interface Examples {
  inputs: Tensor[];
  target: Tensor | undefined;
  count: number;
}

export interface Dataset {
  description: string;
  inputShapes: number[][];
  classes?: number;
  train: Examples;
  test: Examples;
}

/** Errors in the data: what is wrong and in which file. */
export class DataError extends Error {}

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Tensors from raw data, split into training and test parts, each input
 * reshaped to what the model takes when only the layout differs
 * (mnist's 28x28x1 images for a model that takes 784 values).
 */
export function toDataset(tf: TF, raw: RawData, modelInputs: { name: string; shape: number[] }[]): Dataset {
  if (raw.inputs.length !== modelInputs.length) {
    const inputs = raw.inputs.length === 1 ? msg`${raw.inputs.length} input` : msg`${raw.inputs.length} inputs`;
    throw new DataError(msg`${raw.description} gives ${inputs} per example, but the model takes ${modelInputs.length} (${modelInputs.map((i) => i.name).join(', ')})`);
  }
  const shapes = raw.inputs.map((input, i) => {
    const want = modelInputs[i]!;
    if (want.shape.length === 0 || size(want.shape) === size(input.shape)) return want.shape.length === 0 ? input.shape : want.shape;
    throw new DataError(msg`${raw.description} gives examples of shape [${input.shape.join(', ')}], but the model's input ${want.name} is [B, ${want.shape.join(', ')}]`);
  });
  const trainCount = trainCountOf(raw.count, raw.split);
  const part = (array: RawArray, shape: number[], from: number, to: number): Tensor => {
    const per = size(array.shape);
    return tf.tensor(array.values.subarray(from * per, to * per), [to - from, ...shape], array.dtype === 'bool' ? 'bool' : array.dtype);
  };
  const examples = (from: number, to: number): Examples => ({
    inputs: raw.inputs.map((a, i) => part(a, shapes[i]!, from, to)),
    target: raw.target ? part(raw.target, raw.target.shape, from, to) : undefined,
    count: to - from,
  });
  return {
    description: raw.description,
    inputShapes: shapes,
    ...(raw.classes !== undefined ? { classes: raw.classes } : {}),
    train: examples(0, trainCount),
    test: examples(trainCount, raw.count),
  };
}

/** How many of `count` examples are for training with `split`: at least one, and one left for testing when split < 1. */
export function trainCountOf(count: number, split: number): number {
  return Math.max(1, Math.min(count - (split < 1 ? 1 : 0), Math.round(count * split)));
}

export function disposeDataset(d: Dataset): void {
  for (const part of [d.train, d.test]) {
    for (const t of part.inputs) t.dispose();
    part.target?.dispose();
  }
}
