// A look at one output array of `nn run`: its shape, min / max / mean, the
// first values, the argmax of each row of a [B, K] output, and, when it
// looks like images, a picture (PNG) of up to 64 of them. Pure: the arrays
// come from runtime/data/npy-format.ts, the PNG from runtime/images/.

import type { NpyArray } from '../../runtime/data/npy-format.js';
import { imageGrid } from '../../runtime/images/samples.js';
import { l10n } from '../l10n.js';

export interface ImageLayout {
  count: number;
  height: number;
  width: number;
  /** the channel axis' size; 1 also where the array has no channel axis */
  channels: 1 | 3;
}

export interface ArrayPreview {
  shape: number[];
  type: NpyArray['type'];
  /** over the finite values; undefined when there are none */
  stats: { min: number; max: number; mean: number } | undefined;
  nonFinite: number;
  /** up to 4 rows (along the first axis) of up to 10 values each */
  rows: string[];
  /** for a [B, K] output: the index of each row's largest value (up to 16 rows) */
  argmax?: number[];
  image?: ImageLayout;
}

const ROWS = 4;
const VALUES_PER_ROW = 10;
const ARGMAX_ROWS = 16;
export const MAX_IMAGES = 64;
const MAX_PIXELS = 4 * 1024 * 1024;

export function previewArray(array: NpyArray): ArrayPreview {
  const { shape, values } = array;
  const stats = statistics(values);
  const image = imageLayout(shape);
  return {
    shape,
    type: array.type,
    stats: stats.count > 0 ? { min: stats.min, max: stats.max, mean: stats.sum / stats.count } : undefined,
    nonFinite: values.length - stats.count,
    rows: previewRows(shape, values),
    ...(shape.length === 2 && shape[1]! > 1 && !image ? { argmax: argmaxRows(values, shape[0]!, shape[1]!) } : {}),
    ...(image ? { image } : {}),
  };
}

/**
 * Images among the shapes `nn run` writes (batch first): [N, H, W, 1|3];
 * [H, W, 1|3]; [N, H, W] (grey, sides within 8x of each other); [H, W] when both sides are 16 or more and
 * neither is four times the other (a [32, 10] of class scores is no picture).
 */
export function imageLayout(shape: readonly number[]): ImageLayout | undefined {
  const big = (...sides: number[]) => sides.every((s) => s >= 8);
  const channels = (c: number | undefined): c is 1 | 3 => c === 1 || c === 3;
  const [a, b, c, d] = shape as [number, number, number, number];
  if (shape.length === 4 && channels(d) && big(b, c)) return { count: a, height: b, width: c, channels: d };
  if (shape.length === 3 && channels(c) && big(a, b)) return { count: 1, height: a, width: b, channels: c };
  if (shape.length === 3 && big(b, c) && Math.max(b, c) <= 8 * Math.min(b, c)) return { count: a, height: b, width: c, channels: 1 };
  if (shape.length === 2 && a >= 16 && b >= 16 && Math.max(a, b) <= 4 * Math.min(a, b)) return { count: 1, height: a, width: b, channels: 1 };
  return undefined;
}

/** The values' range shown as black to white: [0, 1], [-1, 1] or [0, 255] when they fit, else their own min and max. */
export function displayRange(stats: ArrayPreview['stats']): [number, number] {
  if (!stats) return [0, 1];
  const { min, max } = stats;
  if (min >= 0 && max <= 1) return [0, 1];
  if (min >= -1 && max <= 1) return [-1, 1];
  if (min >= 0 && max <= 255 && max > 1) return [0, 255];
  return min === max ? [min, min + 1] : [min, max];
}

/** PNG bytes of up to MAX_IMAGES of the images, in a grid; small images are enlarged (each pixel a square) to about 128 pixels a side. */
export function imagePng(array: NpyArray, preview: ArrayPreview): Buffer | undefined {
  const layout = preview.image;
  if (!layout) return undefined;
  const count = shownImages(layout);
  const { height: h, width: w, channels: c } = layout;
  const factor = enlargement(layout);
  const source = array.values;
  // [count, h * factor, w * factor, c]: each value repeated over a factor x factor square
  const pixels = new Float32Array(count * h * factor * w * factor * c);
  for (let i = 0; i < count; i++)
    for (let y = 0; y < h * factor; y++)
      for (let x = 0; x < w * factor; x++)
        for (let k = 0; k < c; k++) {
          const v = source[((i * h + Math.floor(y / factor)) * w + Math.floor(x / factor)) * c + k]!;
          pixels[((i * h * factor + y) * w * factor + x) * c + k] = Number.isFinite(v) ? v : 0;
        }
  return imageGrid(pixels, count, h * factor, w * factor, c, displayRange(preview.stats));
}

/** How many of the images the picture shows: up to MAX_IMAGES, and no more than about 4 million pixels in all (at least one). */
export function shownImages(layout: ImageLayout): number {
  return Math.max(1, Math.min(layout.count, MAX_IMAGES, Math.floor(MAX_PIXELS / (layout.height * layout.width))));
}

/** How many times a small image is enlarged: up to 8, to about 128 pixels on its longer side. */
export function enlargement(layout: ImageLayout): number {
  return Math.max(1, Math.min(8, Math.floor(128 / Math.max(layout.height, layout.width))));
}

export function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return String(v);
  const text = Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toPrecision(4) : v.toExponential(3);
  return text.includes('e') ? text : text.replace(/\.?0+$/, '');
}

function statistics(values: ArrayLike<number>): { min: number; max: number; sum: number; count: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
  }
  return { min, max, sum, count };
}

function previewRows(shape: readonly number[], values: ArrayLike<number>): string[] {
  const row = (start: number, length: number) => {
    const shown = Array.from({ length: Math.min(length, VALUES_PER_ROW) }, (_, i) => formatValue(values[start + i]!));
    return `${shown.join(' ')}${length > VALUES_PER_ROW ? ` … ${l10n.t('({0} values)', length)}` : ''}`;
  };
  if (shape.length <= 1) return [row(0, values.length)];
  const rows = shape[0]!;
  const perRow = rows === 0 ? 0 : values.length / rows;
  const out = Array.from({ length: Math.min(rows, ROWS) }, (_, r) => `[${r}] ${row(r * perRow, perRow)}`);
  if (rows > ROWS) out.push(`… ${l10n.t('{0} more rows', rows - ROWS)}`);
  return out;
}

function argmaxRows(values: ArrayLike<number>, rows: number, width: number): number[] {
  return Array.from({ length: Math.min(rows, ARGMAX_ROWS) }, (_, r) => {
    let best = 0;
    for (let k = 1; k < width; k++) if (values[r * width + k]! > values[r * width + best]!) best = k;
    return best;
  });
}
