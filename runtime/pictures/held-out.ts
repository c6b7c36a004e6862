// Reading held-out examples for pictures: the first few, their model
// outputs (training behaviour off) and their values as plain arrays, with
// every tensor disposed.

import type { Examples } from '../data/dataset.js';
import type { LayersModel, Tensor, TF } from '../tf-types.js';
import { disposeBatch, sliceBatch } from '../train/batches.js';
import { predict } from '../train/evaluate.js';
import { toPixels } from './svg.js';
import type { PixelImage } from './classification.js';

export interface HeldOutValues {
  /** one array per model input: `count * per-example size` values */
  inputs: Float32Array[] | Int32Array[];
  target: Float32Array | Int32Array | undefined;
  /** the model's first output */
  output: Float32Array;
  count: number;
}

const BATCH = 256;

/** The first `count` held-out examples (or all there are), with the model's outputs. */
export function heldOutValues(tf: TF, model: LayersModel, examples: Examples, count: number): HeldOutValues {
  const n = Math.min(count, examples.count);
  const parts: Float32Array[] = [];
  const inputs: (Float32Array | Int32Array)[][] = [];
  const targets: (Float32Array | Int32Array)[] = [];
  for (let from = 0; from < n; from += BATCH) {
    const batch = sliceBatch(tf, examples, from, Math.min(BATCH, n - from));
    try {
      parts.push(tf.tidy(() => firstOutput(predict(model, batch.inputs, false)).dataSync() as Float32Array));
      batch.inputs.forEach((t, i) => (inputs[i] ??= []).push(t.dataSync() as Float32Array | Int32Array));
      if (batch.target) targets.push(batch.target.dataSync() as Float32Array | Int32Array);
    } finally {
      disposeBatch(batch);
    }
  }
  return { inputs: inputs.map(join) as Float32Array[], target: targets.length > 0 ? join(targets) : undefined, output: join(parts) as Float32Array, count: n };
}

function firstOutput(out: Tensor | Tensor[]): Tensor {
  return Array.isArray(out) ? out[0]! : out;
}

function join<T extends Float32Array | Int32Array>(parts: T[]): T {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new (parts[0]!.constructor as new (n: number) => T)(total);
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

/** The index of the largest of `count` values from `from`. */
export function argmax(values: ArrayLike<number>, from: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[from + c]! > values[from + best]!) best = c;
  return best;
}

/** How an input's example is shown as an image: [H, W, C] with C 1 or 3, or [H, W]; undefined for other shapes. */
export function imageShape(shape: readonly number[]): [number, number, number] | undefined {
  if (shape.length === 3 && (shape[2] === 1 || shape[2] === 3) && shape[0]! >= 4 && shape[1]! >= 4) return [shape[0]!, shape[1]!, shape[2]!];
  if (shape.length === 2 && shape[0]! >= 4 && shape[1]! >= 4) return [shape[0]!, shape[1]!, 1];
  return undefined;
}

/** Example `i` of `values` (examples of `h * w * c` values) as pixels, its values scaled from [low, high]. */
export function exampleImage(values: ArrayLike<number>, i: number, [h, w, c]: [number, number, number], range: [number, number]): PixelImage {
  const per = h * w * c;
  const view = Array.prototype.slice.call(values, i * per, (i + 1) * per) as number[];
  return toPixels(view, h, w, c, range);
}

/** The range to show values in: [0, 1] when they lie in it, else their own minimum and maximum. */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (!(low <= high)) return [0, 1];
  return low >= 0 && high <= 1 ? [0, 1] : [low, high];
}
