// Sizes inside a traced model: numbers, or linear in the batch size.

import { type Dim, isConst, substitute } from '../shapes/dim.js';
import type { RuntimeDim } from './graph.js';

/** `dim` as a RuntimeDim, or undefined when it is not linear in `batch` alone (another symbol, a product). */
export function toRuntimeDim(dim: Dim, batch: string): RuntimeDim | undefined {
  if (isConst(dim)) return dim;
  const at = (b: number): Dim => substitute(dim, new Map([[batch, b]]));
  const [zero, one, two] = [at(0), at(1), at(2)];
  if (!isConst(zero) || !isConst(one) || !isConst(two)) return undefined;
  const perBatch = one - zero;
  if (two - zero !== 2 * perBatch) return undefined;
  return { perBatch, plus: zero };
}

/** The size for a batch of `batch` examples. */
export function resolveDim(dim: RuntimeDim, batch: number): number {
  return typeof dim === 'number' ? dim : dim.perBatch * batch + dim.plus;
}

/** The batch axis itself: `B`. */
export function isBatchDim(dim: RuntimeDim): boolean {
  return typeof dim !== 'number' && dim.perBatch === 1 && dim.plus === 0;
}

export function formatRuntimeDim(dim: RuntimeDim, batch = 'B'): string {
  if (typeof dim === 'number') return String(dim);
  const scaled = dim.perBatch === 1 ? batch : `${dim.perBatch}*${batch}`;
  return dim.plus === 0 ? scaled : `${scaled} ${dim.plus < 0 ? '-' : '+'} ${Math.abs(dim.plus)}`;
}
