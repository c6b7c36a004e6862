// Matrix multiplication with NumPy rules. `matmulShape` is pure so that the
// checker's `@` operator can share it.

import { msg } from '../i18n/message.js';
import { type Dim, dimEquals, formatDim } from '../shapes/dim.js';
import { broadcastShapes, formatShape } from '../shapes/shape.js';
import type { FunctionSpec } from './function-spec.js';
import { matmulFlops } from './flops.js';
import { combineDtypes } from './util.js';

export type MatmulShape =
  | { ok: true; shape: Dim[] }
  /** code: NN2001 (a scalar operand) or NN2004 (sizes that do not match); message names both shapes */
  | { ok: false; code: 'NN2001' | 'NN2004'; message: string; operand: 'a' | 'b' };

/**
 * The shape of `a @ b` (NumPy `matmul`): the last axis of `a` is contracted
 * with the second-to-last of `b` (the only one, if `b` has rank 1); leading
 * batch axes broadcast. A rank-1 `a` is a row vector and a rank-1 `b` a
 * column vector, and the axis added for them is removed again.
 */
export function matmulShape(a: readonly Dim[], b: readonly Dim[]): MatmulShape {
  const both = `${formatShape(a)} @ ${formatShape(b)}`;
  if (a.length === 0 || b.length === 0) {
    return { ok: false, code: 'NN2001', message: msg`cannot multiply ${both}: matmul needs tensors of rank 1 or more, not a scalar (use * to scale)`, operand: a.length === 0 ? 'a' : 'b' };
  }
  const left = a.length === 1 ? [1, a[0]!] : [...a];
  const right = b.length === 1 ? [b[0]!, 1] : [...b];
  const k1 = left[left.length - 1]!;
  const k2 = right[right.length - 2]!;
  if (!dimEquals(k1, k2)) {
    const which = b.length === 1 ? msg`the only axis of the right` : msg`the second-to-last axis of the right`;
    return {
      ok: false,
      code: 'NN2004',
      message: msg`cannot multiply ${both}: the last axis of the left (${formatDim(k1)}) must equal ${which} (${formatDim(k2)})`,
      operand: 'b',
    };
  }
  const batchA = left.slice(0, -2);
  const batchB = right.slice(0, -2);
  const batch = broadcastShapes(batchA, batchB);
  if ('mismatchAxisFromEnd' in batch) {
    const i = batch.mismatchAxisFromEnd;
    const x = batchA[batchA.length - i]!;
    const y = batchB[batchB.length - i]!;
    return {
      ok: false,
      code: 'NN2004',
      message: msg`cannot multiply ${both}: the batch axes ${formatShape(batchA)} and ${formatShape(batchB)} do not broadcast: axis ${-i - 2} has size ${formatDim(x)} on the left but ${formatDim(y)} on the right (sizes must be equal or 1)`,
      operand: 'b',
    };
  }
  const shape = [...batch.shape];
  if (a.length > 1) shape.push(left[left.length - 2]!);
  if (b.length > 1) shape.push(right[right.length - 1]!);
  return { ok: true, shape };
}

export const matmul: FunctionSpec = {
  name: 'matmul',
  category: 'linear algebra',
  doc:
    'Matrix multiplication, also written `a @ b`: `[.., m, k] @ [.., k, n] -> [.., m, n]`, each output entry the dot product of a row of `a` and a column of `b`. ' +
    'Leading axes are batch axes and broadcast, so attention computes all its scores at once: `q @ transpose(k, [0, 1, 3, 2])` with `q, k: [B, h, T, d]` gives `[B, h, T, T]`. ' +
    'A rank-1 operand is treated as a vector (NumPy rules).',
  params: [
    { name: 'a', type: 'tensor', doc: 'The left operand, `[..., m, k]`.' },
    { name: 'b', type: 'tensor', doc: 'The right operand, `[..., k, n]`.' },
  ],
  flops: (ctx, [out]) => matmulFlops(ctx.tensor('a').shape, out!),
  call(ctx) {
    const a = ctx.tensor('a');
    const b = ctx.tensor('b');
    const dtype = combineDtypes(ctx, 'matmul', [
      { name: 'a', op: a },
      { name: 'b', op: b },
    ]);
    if (!dtype) return undefined;
    if (dtype === 'bool') return ctx.error('NN2008', msg`matmul expects numeric tensors, but a and b are bool`, 'a');
    const r = matmulShape(a.shape, b.shape);
    if (!r.ok) return ctx.error(r.code, msg`matmul: ${r.message}`, r.operand);
    return ctx.result(r.shape, dtype);
  },
};
