// What each data source gives per example, known from its arguments alone
// (before any file is read): its inputs in order, each with its shape
// without the batch axis, and its targets. The checker compares them with
// the trained model (core/check/train.ts), so that what `nn train` would
// refuse for the data's shape is an `nn check` diagnostic first; a test
// loads each source and compares the arrays it gives with this table.
// Sources that read files are unknown until the files are read.

import type { PlainValue } from './plan.js';
import { msg } from '../i18n/message.js';
import { DATA_SOURCES } from './settings.js';

/** One model input a source gives: a name for messages, the shape of one example. */
export interface DataInput {
  name: string;
  /** what it is, for messages: "28x28x1 images (784 values each)" */
  what: string;
  /** no batch axis: mnist's [28, 28, 1] */
  shape: number[];
  dtype: 'float32' | 'int32';
}

export type DataTargets =
  /** class ids below `classes`, one per position of `shape` ([] for one per example) */
  | { kind: 'classes'; shape: number[]; classes: number }
  /**
   * what the model's output calls for (`shapes`: a class id, a YOLO grid or
   * a mask; runtime/data/shapes.ts): `problem` says why an output (one
   * example's shape) cannot be given targets, or nothing when it can;
   * `target`, the targets it is then given
   */
  | { kind: 'model'; problem: (output: readonly number[]) => string | undefined; target?: (output: readonly number[]) => DataTarget }
  /** none: data for adversarial training (the real examples) */
  | { kind: 'none' };

/** The targets of one example, for a `loss` definition: their shape and type. */
export interface DataTarget {
  shape: number[];
  dtype: 'float32' | 'int32';
}

export interface DataShape {
  /** the source, for messages: "mnist", "sequences" */
  source: string;
  inputs: DataInput[];
  targets: DataTargets;
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
    inputs: [{ name: 'image', what: msg`28x28x1 images (784 values each)`, shape: [28, 28, 1], dtype: 'float32' }],
    targets: { kind: 'classes', shape: [], classes: 10 },
  }),
  sequences: (args) => {
    const length = int(args, 'length');
    const vocab = int(args, 'vocab');
    if (length === undefined || vocab === undefined) return undefined;
    return {
      source: 'sequences',
      inputs: [
        { name: 'source', what: msg`source token ids [${length}]`, shape: [length], dtype: 'int32' },
        { name: 'decoder input', what: msg`decoder input token ids [${length}] (the target shifted right)`, shape: [length], dtype: 'int32' },
      ],
      targets: { kind: 'classes', shape: [length], classes: vocab },
    };
  },
  ring: () => ({
    source: 'ring',
    inputs: [{ name: 'point', what: msg`points [2]`, shape: [2], dtype: 'float32' }],
    targets: { kind: 'none' },
  }),
  shapes: (args) => {
    const size = int(args, 'size');
    if (size === undefined) return undefined;
    return {
      source: 'shapes',
      inputs: [{ name: 'image', what: msg`${size}x${size}x3 images`, shape: [size, size, 3], dtype: 'float32' }],
      targets: { kind: 'model', problem: (output) => shapesTargetProblem(output, size, int(args, 'objects') ?? 1), target: (output) => shapesTargetOf(output, size) },
    };
  },
  regions: (args) => {
    const region = int(args, 'region');
    if (region === undefined) return undefined;
    return {
      source: 'regions',
      inputs: [{ name: 'region', what: msg`${region}x${region}x3 warped regions`, shape: [region, region, 3], dtype: 'float32' }],
      targets: { kind: 'classes', shape: [], classes: SHAPE_KINDS + 1 },
    };
  },
  segments: (args) => {
    const size = int(args, 'size');
    const points = int(args, 'points');
    const text = int(args, 'text_dim');
    if (size === undefined || points === undefined || text === undefined) return undefined;
    const mask = int(args, 'mask_size') ?? size / 2;
    if (!Number.isInteger(mask)) return undefined;
    return {
      source: 'segments',
      inputs: [
        { name: 'image', what: msg`${size}x${size}x3 images`, shape: [size, size, 3], dtype: 'float32' },
        { name: 'points', what: msg`points [${points}, 2] (x, y in pixels)`, shape: [points, 2], dtype: 'float32' },
        { name: 'labels', what: msg`point labels [${points}] (1 foreground, 0 background, -1 padding)`, shape: [points], dtype: 'int32' },
        { name: 'boxes', what: msg`boxes [4] (x0, y0, x1, y1; -1s: none)`, shape: [4], dtype: 'float32' },
        { name: 'mask', what: msg`mask prompts [${mask}, ${mask}, 1] (logits; zeros: none)`, shape: [mask, mask, 1], dtype: 'float32' },
        { name: 'text', what: msg`text prompts [1, ${text}] (zeros: none)`, shape: [1, text], dtype: 'float32' },
      ],
      targets: { kind: 'model', problem: (output) => segmentsTargetProblem(output, mask), target: () => ({ shape: [1, mask, mask], dtype: 'float32' }) },
    };
  },
};

/**
 * Why `segments` cannot train a model whose first output (one example's
 * shape) is this: its target is the object's mask [1, mask_size, mask_size],
 * which the model's masks [masks, mask_size, mask_size] are compared with.
 */
export function segmentsTargetProblem(output: readonly number[], mask: number): string | undefined {
  if (output.length === 3 && output[1] === mask && output[2] === mask) return undefined;
  return msg`segments gives one mask [1, ${mask}, ${mask}] per example as the target, so the model's first output must be masks [B, M, ${mask}, ${mask}], but it is [B, ${output.join(', ')}]`;
}

/** The kinds of shape `shapes` draws (class ids 0, 1, 2): runtime/data/shapes.ts's SHAPE_KINDS. */
const SHAPE_KINDS = 3;

/**
 * Why `shapes` cannot give targets for a model output (one example's
 * shape), as runtime/data/shapes.ts's `shapesTarget` decides: a class id
 * for [3] or [4] (background first; one shape per image), a YOLO grid for
 * [S, S, K*5 + 3] (S below the image size), a class per pixel for
 * [size, size, 4].
 */
export function shapesTargetProblem(output: readonly number[], size: number, objects: number): string | undefined {
  const kinds = SHAPE_KINDS;
  if (output.length === 1 && (output[0] === kinds || output[0] === kinds + 1)) {
    return objects === 1 ? undefined : msg`shapes: a classifier (output [B, ${output[0]}]) takes one shape per image, so shapes(objects: 1), not objects: ${objects}`;
  }
  if (output.length === 3 && output[0] === output[1]) {
    const [side, , depth] = output as [number, number, number];
    if (side === size && depth === kinds + 1) return undefined;
    if (side < size && depth > 5 && (depth - kinds) % 5 === 0) return undefined;
  }
  return msg`shapes cannot give targets for a model output of [B, ${output.join(', ')}]. It gives: a class id for [B, ${kinds}] or [B, ${kinds + 1}] (background first); a YOLO grid for [B, S, S, K*5 + ${kinds}]; a class per pixel for [B, ${size}, ${size}, ${kinds + 1}]`;
}

/** The targets `shapes` gives for an output it accepts: a class id, a YOLO grid's truth [S, S, 5 + 3], or a class per pixel. */
function shapesTargetOf(output: readonly number[], size: number): DataTarget {
  if (output.length === 1) return { shape: [], dtype: 'int32' };
  if (output[0] === size && output[2] === SHAPE_KINDS + 1) return { shape: [size, size], dtype: 'int32' };
  return { shape: [output[0]!, output[1]!, 5 + SHAPE_KINDS], dtype: 'float32' };
}

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
