// Functions that join, split, repeat or pad tensors: concat, stack, split,
// tile, pad.

import { msg } from '../i18n/message.js';
import { add, type Dim, dimEquals, div, formatDim, isConst, isIntegral, mul } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { describeKind, type TensorValue, type Value } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { argValue, axisArg, axisIn, checkSizes, intList } from './util.js';

/** Every tensor has the rank and dtype of the first; NN2001 / NN2008 otherwise. */
function sameRankAndDtype(ctx: FunctionContext, fn: string, xs: readonly TensorValue[]): boolean {
  const first = xs[0]!;
  for (let i = 1; i < xs.length; i++) {
    const t = xs[i]!;
    if (t.shape.length !== first.shape.length) {
      ctx.error('NN2001', msg`${fn}: xs[${i}] ${formatShape(t.shape)} has rank ${t.shape.length}, but xs[0] ${formatShape(first.shape)} has rank ${first.shape.length}; all must have the same rank`, 'xs');
      return false;
    }
    if (t.dtype !== first.dtype) {
      ctx.error('NN2008', msg`${fn}: xs[${i}] is ${t.dtype} but xs[0] is ${first.dtype}; cast them to one dtype first`, 'xs');
      return false;
    }
  }
  return true;
}

export const concat: FunctionSpec = {
  name: 'concat',
  category: 'shape',
  doc:
    'Joins tensors end to end along an existing axis: `concat([a, b])` with `a: [B, T, 256]` and `b: [B, T, 256]` gives `[B, T, 512]` ' +
    '(the default axis is the last, the channels). Every other axis must have the same size in all the tensors; U-Net joins the ' +
    'upsampled features with the skip connection this way, `[B, H, W, 64]` and `[B, H, W, 64]` into `[B, H, W, 128]`.',
  params: [
    { name: 'xs', type: 'tensors', doc: 'The tensors to join, in order.' },
    { name: 'axis', type: 'axis', default: -1, doc: 'The axis to join along (default: the last).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const xs = ctx.tensors('xs');
    if (xs.length === 0) return ctx.error('NN3003', msg`concat: xs must hold at least one tensor`, 'xs');
    const first = xs[0]!;
    const axis = axisArg(ctx, 'concat', 'axis', first.shape);
    if (axis === undefined || !sameRankAndDtype(ctx, 'concat', xs)) return undefined;
    let total: Dim = 0;
    for (let i = 0; i < xs.length; i++) {
      const t = xs[i]!;
      const other = t.shape.findIndex((d, k) => k !== axis && !dimEquals(d, first.shape[k]!));
      if (other >= 0) {
        return ctx.error(
          'NN2004',
          msg`concat along axis ${axis}: xs[${i}] ${formatShape(t.shape)} and xs[0] ${formatShape(first.shape)} differ on axis ${other} (${formatDim(t.shape[other]!)} vs ${formatDim(first.shape[other]!)}); only the joined axis may differ`,
          'xs',
        );
      }
      total = add(total, t.shape[axis]!);
    }
    const shape = [...first.shape];
    shape[axis] = total;
    return ctx.result(shape, first.dtype);
  },
};

export const stack: FunctionSpec = {
  name: 'stack',
  category: 'shape',
  doc:
    'Joins tensors of the same shape along a NEW axis: stacking three `[B, 64]` tensors with `axis = 0` gives `[3, B, 64]`, ' +
    'and with `axis = -1` gives `[B, 64, 3]`. Unlike `concat`, which lengthens an existing axis, `stack` adds one whose size is the number of tensors.',
  params: [
    { name: 'xs', type: 'tensors', doc: 'The tensors to stack; all must have the same shape.' },
    { name: 'axis', type: 'axis', default: 0, doc: 'Where the new axis goes, counted in the result.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const xs = ctx.tensors('xs');
    if (xs.length === 0) return ctx.error('NN3003', msg`stack: xs must hold at least one tensor`, 'xs');
    const first = xs[0]!;
    const axis = axisIn(ctx, 'stack', 'axis', ctx.int('axis'), first.shape.length + 1);
    if (axis === undefined || !sameRankAndDtype(ctx, 'stack', xs)) return undefined;
    for (let i = 1; i < xs.length; i++) {
      const t = xs[i]!;
      const k = t.shape.findIndex((d, j) => !dimEquals(d, first.shape[j]!));
      if (k >= 0) {
        return ctx.error('NN2004', msg`stack: xs[${i}] ${formatShape(t.shape)} differs from xs[0] ${formatShape(first.shape)} on axis ${k} (${formatDim(t.shape[k]!)} vs ${formatDim(first.shape[k]!)}); stacked tensors must have the same shape`, 'xs');
      }
    }
    return ctx.result([...first.shape.slice(0, axis), xs.length, ...first.shape.slice(axis)], first.dtype);
  },
};

export const split: FunctionSpec = {
  name: 'split',
  category: 'shape',
  doc:
    'Cuts a tensor into pieces along an axis and returns them as a tuple: `q, k, v = split(qkv, 3)` turns `[B, T, 2304]` into three ' +
    '`[B, T, 768]` tensors. `parts` is either a number of equal pieces (the axis must divide by it) or a list of piece sizes that add up to the axis.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to cut.' },
    { name: 'parts', type: 'any', doc: 'A number of equal pieces, or a list of piece sizes.' },
    { name: 'axis', type: 'axis', default: -1, doc: 'The axis to cut along (default: the last).' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const axis = axisArg(ctx, 'split', 'axis', x.shape);
    const parts = argValue(ctx, 'parts');
    if (axis === undefined || !parts) return undefined;
    const size = x.shape[axis]!;
    let sizes: Dim[];
    if (parts.kind === 'int') {
      const n = parts.value;
      if (!isConst(n)) return ctx.error('NN3003', msg`split: the number of parts must be a constant, but is ${formatDim(n)}`, 'parts');
      if (n < 1) return ctx.error('NN3003', msg`split: the number of parts must be at least 1, but is ${n}`, 'parts');
      // one tensor per part: bounded like the Split layer's, so a huge count cannot exhaust memory
      if (n > 4096) return ctx.error('NN3003', msg`split: the number of parts must be at most 4096, but is ${n}`, 'parts');
      const piece = div(size, n);
      if (!isIntegral(piece)) {
        return ctx.error('NN2005', msg`split: axis ${axis} of ${formatShape(x.shape)} has size ${formatDim(size)}, which does not divide into ${n} equal parts`, 'parts');
      }
      sizes = new Array<Dim>(n).fill(piece);
    } else {
      const list = intList(parts);
      if (!list) return ctx.error('NN3001', msg`split: 'parts' must be an int or a list of ints, but this is ${describeKind(parts)}`, 'parts');
      if (list.length === 0) return ctx.error('NN3003', msg`split: the list of sizes is empty`, 'parts');
      if (!checkSizes(ctx, 'split', 'parts', list)) return undefined;
      const total = list.reduce<Dim>((s, d) => add(s, d), 0);
      if (!dimEquals(total, size)) {
        return ctx.error('NN2004', msg`split: the sizes ${formatShape(list)} add up to ${formatDim(total)}, but axis ${axis} of ${formatShape(x.shape)} has size ${formatDim(size)}`, 'parts');
      }
      sizes = list;
    }
    const items: Value[] = sizes.map((s) => {
      const shape = [...x.shape];
      shape[axis] = s;
      return ctx.result(shape, x.dtype);
    });
    return { kind: 'tuple', items };
  },
};

export const tile: FunctionSpec = {
  name: 'tile',
  category: 'shape',
  doc:
    'Repeats a tensor along each axis: `reps[i]` copies along axis `i`, so `tile(x, [1, 3])` turns `[B, 4]` into `[B, 12]`. ' +
    'Give one repetition count per axis (1 keeps the axis as it is). Broadcasting usually makes tiling unnecessary; use it when a real copy is needed.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to repeat.' },
    { name: 'reps', type: 'ints', doc: 'How many copies along each axis, one entry per axis.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const reps = ctx.ints('reps');
    if (reps.length !== x.shape.length) {
      return ctx.error('NN2001', msg`tile: reps ${formatShape(reps)} has ${reps.length} entries, but x ${formatShape(x.shape)} has rank ${x.shape.length}; give one count per axis`, 'reps');
    }
    if (!checkSizes(ctx, 'tile', 'reps', reps)) return undefined;
    return ctx.result(
      x.shape.map((d, i) => mul(d, reps[i]!)),
      x.dtype,
    );
  },
};

export const pad: FunctionSpec = {
  name: 'pad',
  category: 'shape',
  doc:
    'Adds values around a tensor: `paddings` holds one `[before, after]` pair per axis, so `pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]])` turns ' +
    '`[B, 28, 28, C]` into `[B, 30, 30, C]` (a one-pixel border; channels-last, so the batch and channel pairs are `[0, 0]`). The new entries hold `value`.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to pad.' },
    { name: 'paddings', type: 'any', doc: 'One `[before, after]` pair of sizes per axis.' },
    { name: 'value', type: 'float', default: 0, doc: 'The value of the added entries.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    const v = argValue(ctx, 'paddings');
    if (!v) return undefined;
    const pairs = v.kind === 'list' ? v.items.map(intList) : undefined;
    if (!pairs || pairs.some((p) => !p || p.length !== 2)) {
      return ctx.error('NN3001', msg`pad: 'paddings' must be a list of [before, after] pairs, one per axis, but this is ${describeKind(v)} of another form`, 'paddings');
    }
    if (pairs.length !== x.shape.length) {
      return ctx.error('NN2001', msg`pad: paddings has ${pairs.length} pairs, but x ${formatShape(x.shape)} has rank ${x.shape.length}; give one [before, after] pair per axis`, 'paddings');
    }
    if (!checkSizes(ctx, 'pad', 'paddings', pairs.flat() as Dim[], 0)) return undefined;
    return ctx.result(
      x.shape.map((d, i) => add(add(d, pairs[i]![0]!), pairs[i]![1]!)),
      x.dtype,
    );
  },
};

export const JOIN_FUNCTIONS: readonly FunctionSpec[] = [concat, stack, split, tile, pad];
