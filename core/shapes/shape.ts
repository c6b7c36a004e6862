// Whole shapes: products, formatting and NumPy broadcasting.

import { type Dim, dimEquals, formatDim, mul } from './dim.js';

export type Shape = Dim[];

export function product(dims: readonly Dim[]): Dim {
  let out: Dim = 1;
  for (const d of dims) out = mul(out, d);
  return out;
}

/** `[B, 56, 56, 64]` */
export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.map(formatDim).join(', ')}]`;
}

export function shapesEqual(a: readonly Dim[], b: readonly Dim[]): boolean {
  return a.length === b.length && a.every((d, i) => dimEquals(d, b[i]!));
}

/**
 * NumPy broadcasting: align from the right; two sizes agree when equal or
 * when one is 1. Returns the broadcast shape, or the index (from the right)
 * of the first axis that disagrees.
 */
export function broadcastShapes(a: readonly Dim[], b: readonly Dim[]): { shape: Dim[] } | { mismatchAxisFromEnd: number } {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = new Array(rank);
  for (let i = 1; i <= rank; i++) {
    const x = i <= a.length ? a[a.length - i]! : 1;
    const y = i <= b.length ? b[b.length - i]! : 1;
    if (dimEquals(x, y) || y === 1) out[rank - i] = x;
    else if (x === 1) out[rank - i] = y;
    else return { mismatchAxisFromEnd: i };
  }
  return { shape: out };
}

/** Normalises an axis (negative counts from the end); undefined when out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : undefined;
}
