// npy(x, y, split): features and labels in two NumPy .npy files whose
// first axes are the examples (the same count in both).
//
//   features  float32, float64 -> float32; int32, int64 -> int32 (token ids
//             for an Embedding); uint8, bool -> float32 with the same values
//             (0-255, 0/1: scale them in the model, or save floats)
//   labels    integer types and bool -> class ids (classes = the largest + 1);
//             float types -> real-valued targets (regression, one-hot rows)
// The first `split` of the examples train, the rest test, in file order.

import { msg } from '../../core/i18n/message.js';
import { DataError, type RawArray, type RawData } from './dataset.js';
import { type DataFile, readBytes } from './files.js';
import { classIdLabels, describeLabels, type Labels, valueLabels } from './labels.js';
import { type NpyArray, NpyFormatError, parseNpy } from './npy-format.js';

/** An array with the name messages call it by: "x.npy", "data.npz: x". */
export interface NamedArray {
  name: string;
  array: NpyArray;
}

export function loadNpy(o: { x: DataFile; y: DataFile; split: number }): RawData {
  const x = { name: o.x.shown, array: readNpyFile(o.x) };
  const y = { name: o.y.shown, array: readNpyFile(o.y) };
  return labelledArrays('npy', x, y, o.split);
}

export function readNpyFile(file: DataFile): NpyArray {
  return parseNamed(readBytes(file), file.shown);
}

/** The array in `bytes`, with format problems as DataErrors naming `name`. */
export function parseNamed(bytes: Uint8Array, name: string): NpyArray {
  try {
    return parseNpy(bytes);
  } catch (e) {
    if (e instanceof NpyFormatError) throw new DataError(`${name} ${e.message}`);
    throw e;
  }
}

/** Features and labels, examples along the first axis of both. */
export function labelledArrays(source: string, x: NamedArray, y: NamedArray, split: number): RawData {
  const count = checkSameCount(x.name, x.array.shape, y.name, y.array.shape);
  const labels = arrayLabels(y);
  return {
    description: `${source}: ${describeArray(x)}, ${describeArray(y)}: ${count.toLocaleString('en-US')} examples, ${describeLabels(labels)}`,
    inputs: [features(x.array)],
    target: labels.target,
    count,
    ...(labels.classes !== undefined ? { classes: labels.classes } : {}),
    split,
    where: (i) => `${y.name}: item ${i}`,
  };
}

/** The number of examples: the first axis of both shapes, which must agree and not be 0. */
export function checkSameCount(xName: string, xShape: number[], yName: string, yShape: number[]): number {
  const count = exampleCount(xName, xShape);
  if (exampleCount(yName, yShape) !== count) {
    throw new DataError(msg`${xName} has ${count} examples (its first axis) but ${yName} has ${yShape[0]} labels; they must match`);
  }
  if (count === 0) throw new DataError(msg`${xName} has no examples (its first axis is 0)`);
  return count;
}

function exampleCount(name: string, shape: number[]): number {
  if (shape.length === 0) throw new DataError(msg`${name} holds a single value (shape ()); its first axis must be the examples`);
  return shape[0]!;
}

/** Features as the model takes them: float32, or int32 for integer data. */
function features(a: NpyArray): RawArray {
  const shape = a.shape.slice(1);
  if (a.values instanceof Uint8Array) return { values: Float32Array.from(a.values), shape, dtype: 'float32' };
  return { values: a.values, shape, dtype: a.values instanceof Int32Array ? 'int32' : 'float32' };
}

/** Integer and bool labels are class ids; float labels are real-valued targets. */
function arrayLabels({ name, array }: NamedArray): Labels {
  const shape = array.shape.slice(1);
  if (array.values instanceof Float32Array) return valueLabels(array.values, shape);
  const ids = array.values instanceof Int32Array ? array.values : Int32Array.from(array.values);
  return classIdLabels(ids, shape, (i) => `${name}: item ${i}`);
}

function describeArray({ name, array }: NamedArray): string {
  return `${name} [${array.shape.join(', ')}] ${array.type}`;
}
