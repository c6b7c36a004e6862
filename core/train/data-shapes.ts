// What each data source gives per example, known from its arguments alone
// (before any file is read): its inputs in order, each with its shape
// without the batch axis, and its targets. The checker compares them with
// the trained model (core/check/train.ts), so that what `nn train` would
// refuse for the data's shape is an `nn check` diagnostic first; a test
// loads each source and compares the arrays it gives with this table.
// Sources that read files are unknown until the files are read.

import type { PlainValue } from './plan.js';
import { DATA_SOURCES } from './settings.js';

/** One model input a source gives: a name for messages, the shape of one example. */
export interface DataInput {
  name: string;
  /** no batch axis: mnist's [28, 28, 1] */
  shape: number[];
  dtype: 'float32' | 'int32';
}

export type DataTargets =
  /** class ids below `classes`, one per position of `shape` ([] for one per example) */
  | { kind: 'classes'; shape: number[]; classes: number }
  /** what the model's output calls for (`shapes`: a class id, a YOLO grid or a mask; runtime/data/shapes.ts) */
  | { kind: 'model' }
  /** none: data for adversarial training (the real examples) */
  | { kind: 'none' };

export interface DataShape {
  /** the source, for messages: "mnist", "sequences" */
  source: string;
  inputs: DataInput[];
  targets: DataTargets;
  /**
   * Whether an input may be declared as any shape of as many values: the
   * runtime reshapes the data to a concrete declared shape of the same
   * size (mnist's 28x28x1 images for a model that takes [B, 784]).
   */
  reshapes: boolean;
}

/** A source's arguments as the train block gives them, defaults filled in. */
export type DataArgs = Record<string, PlainValue | undefined>;

const int = (args: DataArgs, name: string): number | undefined => {
  const v = args[name];
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
};

/**
 * One entry per data source whose shapes are known from its arguments. An
 * entry returns `undefined` when an argument it needs is not known (an
 * error the checker already reports elsewhere).
 */
export const DATA_SHAPES: Record<string, (args: DataArgs) => DataShape | undefined> = {
  mnist: () => ({
    source: 'mnist',
    inputs: [{ name: 'image', shape: [28, 28, 1], dtype: 'float32' }],
    targets: { kind: 'classes', shape: [], classes: 10 },
    reshapes: true,
  }),
  sequences: (args) => {
    const length = int(args, 'length');
    const vocab = int(args, 'vocab');
    if (length === undefined || vocab === undefined) return undefined;
    return {
      source: 'sequences',
      inputs: [
        { name: 'source', shape: [length], dtype: 'int32' },
        { name: 'decoder input', shape: [length], dtype: 'int32' },
      ],
      targets: { kind: 'classes', shape: [length], classes: vocab },
      reshapes: true,
    };
  },
  ring: () => ({
    source: 'ring',
    inputs: [{ name: 'point', shape: [2], dtype: 'float32' }],
    targets: { kind: 'none' },
    reshapes: true,
  }),
  shapes: (args) => {
    const size = int(args, 'size');
    if (size === undefined) return undefined;
    return {
      source: 'shapes',
      inputs: [{ name: 'image', shape: [size, size, 3], dtype: 'float32' }],
      targets: { kind: 'model' },
      reshapes: true,
    };
  },
};

/** What a call to a data source gives, or `undefined` when only its files can tell (csv, npy, ...). */
export function dataShapeOf(name: string, given: DataArgs): DataShape | undefined {
  const entry = DATA_SHAPES[name];
  const spec = DATA_SOURCES.find((s) => s.name === name);
  if (!entry || !spec) return undefined;
  const args: DataArgs = {};
  for (const p of spec.params) {
    const v = given[p.name] ?? (p.default as PlainValue | undefined);
    if (v !== undefined) args[p.name] = v;
  }
  return entry(args);
}

/** "[28, 28, 1]" */
export const formatExample = (shape: readonly number[]): string => `[${shape.join(', ')}]`;
