// Functions that rearrange a tensor without changing its values: reshape,
// transpose, flatten, squeeze, expand_dims.

import { msg } from '../i18n/message.js';
import { dimEquals, div, formatDim, isConst, isIntegral } from '../shapes/dim.js';
import { formatShape, product } from '../shapes/shape.js';
import type { FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { axisArg, axisIn } from './util.js';

export const reshape: FunctionSpec = {
  name: 'reshape',
  category: 'shape',
  doc:
    'Gives the same values a new shape, reading and writing them in row-major order (the last axis changes fastest). ' +
    'The target is the FULL shape, batch axis included: `x -> reshape([B, 28, 28, 1])` turns `[B, 784]` into images, and ' +
    '`reshape(x, [B, T, 8, 64])` splits the 512 features of `[B, T, 512]` into 8 heads of 64. One entry may be `-1`: its size is ' +
    'inferred so that the element counts match. The counts must be equal, symbolically: `B*T*512` elements can become `B*T*8*64` but not `B*T*8*60`.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to reshape.' },
    { name: 'shape', type: 'ints', doc: 'The full target shape, batch axis included; at most one `-1` (inferred).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const target = ctx.ints('shape');
    const inferred = target.map((d, i) => (d === -1 ? i : -1)).filter((i) => i >= 0);
    if (inferred.length > 1) return ctx.error('NN3003', msg`reshape: at most one size may be -1 (inferred), but ${formatShape(target)} has ${inferred.length}`, 'shape');
    const bad = target.find((d) => isConst(d) && d !== -1 && d < 1);
    if (bad !== undefined) return ctx.error('NN3003', msg`reshape: sizes must be positive (or -1 to infer one), but ${formatShape(target)} has ${bad}`, 'shape');
    const have = product(x.shape);
    if (inferred.length === 1) {
      const known = product(target.filter((d) => d !== -1));
      const size = div(have, known);
      if (!isIntegral(size)) {
        return ctx.error('NN2007', msg`reshape: cannot infer the -1 in ${formatShape(target)}: ${formatShape(x.shape)} has ${formatDim(have)} elements, which ${formatDim(known)} does not divide`, 'shape');
      }
      const shape = [...target];
      shape[inferred[0]!] = size;
      return ctx.result(shape, x.dtype);
    }
    const want = product(target);
    if (!dimEquals(have, want)) {
      return ctx.error('NN2007', msg`reshape: ${formatShape(x.shape)} has ${formatDim(have)} elements, but ${formatShape(target)} has ${formatDim(want)}; the counts must match (the target includes the batch axis)`, 'shape');
    }
    return ctx.result([...target], x.dtype);
  },
};

export const transpose: FunctionSpec = {
  name: 'transpose',
  category: 'shape',
  doc:
    'Permutes the axes: output axis `i` is input axis `perm[i]`. Without `perm` every axis is reversed, as in NumPy: a matrix transpose for rank 2 ' +
    '(`h @ transpose(wte)` with `wte: [vocab, d]` multiplies by `[d, vocab]`), but the batch axis of `[B, T, d]` would become the last, so give `perm` for batched tensors. ' +
    'Attention uses it to move heads forward: `[B, T, h, d] -> transpose([0, 2, 1, 3]) -> [B, h, T, d]`, so that each head multiplies its own ' +
    '`[T, d]` matrices. `perm` must list every axis exactly once.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor whose axes to permute.' },
    { name: 'perm', type: 'ints', optional: true, doc: 'The new order of the axes (default: every axis reversed, the batch axis too).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const rank = x.shape.length;
    if (!ctx.has('perm')) return ctx.result([...x.shape].reverse(), x.dtype);
    const perm = ctx.ints('perm');
    if (perm.length !== rank) {
      return ctx.error('NN2001', msg`transpose: perm ${formatShape(perm)} lists ${perm.length} axes, but x ${formatShape(x.shape)} has rank ${rank}`, 'perm');
    }
    const axes: number[] = [];
    for (const p of perm) {
      const a = axisIn(ctx, 'transpose', 'perm', p, rank, x.shape);
      if (a === undefined) return undefined;
      if (axes.includes(a)) return ctx.error('NN3003', msg`transpose: perm ${formatShape(perm)} is not a permutation: axis ${a} appears twice`, 'perm');
      axes.push(a);
    }
    return ctx.result(
      axes.map((a) => x.shape[a]!),
      x.dtype,
    );
  },
};

export const flatten: FunctionSpec = {
  name: 'flatten',
  category: 'shape',
  doc:
    'Merges the axes from `start` to the last into one: `[B, 7, 7, 512] -> flatten -> [B, 25088]`. With the default `start = 1` the batch ' +
    'axis is kept, which is what a classifier head needs before its first Dense layer; `flatten(x, 0)` gives one long vector.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to flatten.' },
    { name: 'start', type: 'axis', default: 1, doc: 'The first axis to merge; it and every later axis become one.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const start = axisArg(ctx, 'flatten', 'start', x.shape);
    if (start === undefined) return undefined;
    return ctx.result([...x.shape.slice(0, start), product(x.shape.slice(start))], x.dtype);
  },
};

export const squeeze: FunctionSpec = {
  name: 'squeeze',
  category: 'shape',
  doc:
    'Removes an axis of size 1: `[B, 1, 256] -> squeeze(1) -> [B, 256]`. Without `axis`, every axis whose size is known to be 1 is removed. ' +
    'Squeezing an axis whose size is not 1 is an error, because its values would have nowhere to go.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to squeeze.' },
    { name: 'axis', type: 'axis', optional: true, doc: 'The axis to remove (its size must be 1); default: every size-1 axis.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    if (!ctx.has('axis')) return ctx.result(x.shape.filter((d) => d !== 1), x.dtype);
    const axis = axisArg(ctx, 'squeeze', 'axis', x.shape);
    if (axis === undefined) return undefined;
    if (x.shape[axis] !== 1) {
      return ctx.error('NN2004', msg`squeeze: axis ${axis} of ${formatShape(x.shape)} has size ${formatDim(x.shape[axis]!)}, but only an axis of size 1 can be removed`, 'axis');
    }
    return ctx.result(
      x.shape.filter((_, i) => i !== axis),
      x.dtype,
    );
  },
};

export const expand_dims: FunctionSpec = {
  name: 'expand_dims',
  category: 'shape',
  doc:
    'Inserts a new axis of size 1 at `axis`: `[B, S] -> expand_dims(1) -> [B, 1, S]`. It prepares a tensor for broadcasting, as when a padding ' +
    'mask `[B, S]` becomes `[B, 1, 1, S]` to mask every head and query position. `axis = -1` appends the new axis at the end.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to extend.' },
    { name: 'axis', type: 'axis', doc: 'Where the new axis goes, counted in the result (`-1`: last).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const axis = axisIn(ctx, 'expand_dims', 'axis', ctx.int('axis'), x.shape.length + 1);
    if (axis === undefined) return undefined;
    return ctx.result([...x.shape.slice(0, axis), 1, ...x.shape.slice(axis)], x.dtype);
  },
};

export const SHAPE_FUNCTIONS: readonly FunctionSpec[] = [reshape, transpose, flatten, squeeze, expand_dims];
