// Layers that only rearrange elements: Flatten, Reshape, Permute. No weights, no FLOPs.

import { msg } from '../../i18n/message.js';
import { type Dim, div, dimEquals, equalWhenExact, formatDim, isConst, isIntegral } from '../../shapes/dim.js';
import { formatShape, product } from '../../shapes/shape.js';
import type { LayerContext, LayerSpec } from '../layer-spec.js';
import { argumentsKnown, expectMinRank } from './common.js';

export const Flatten: LayerSpec = {
  name: 'Flatten',
  category: 'reshaping',
  doc:
    'Flattens every axis but the batch into one (Keras `Flatten`): `[B, H, W, C] -> [B, H*W*C]`. Put it between the convolutional ' +
    'features and the dense classifier (VGG: `[B, 7, 7, 512] -> [B, 25088]`); a Dense layer on an image needs it first.',
  params: [],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 2, '[B, ...]')) return undefined;
    const shape = ctx.inputs[0]!.shape;
    return [shape[0]!, product(shape.slice(1))];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

export const Reshape: LayerSpec = {
  name: 'Reshape',
  category: 'reshaping',
  doc:
    'Gives the elements of each example a new shape (Keras `Reshape`): `shape` leaves out the batch axis, so `Reshape([7, 7, 64])` turns ' +
    '`[B, 3136]` into `[B, 7, 7, 64]` (a GAN generator going from a dense vector to an image). One entry may be `-1`, inferred from the rest. ' +
    'The element count must not change; symbolic sizes are fine (`Reshape([T, heads, d/heads])` splits attention heads).',
  params: [{ name: 'shape', type: 'ints', doc: 'The target shape without the batch axis; one entry may be `-1` (inferred).' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    if (!expectMinRank(ctx, 1, '[B, ...]')) return undefined;
    const input = ctx.inputs[0]!.shape;
    const target = ctx.ints('shape');
    const inferred = target.flatMap((d, i) => (d === -1 ? [i] : []));
    if (inferred.length > 1) return ctx.error('NN3003', msg`Reshape: only one entry of the shape may be -1, but ${formatShape(target)} has ${inferred.length}`, { arg: 'shape' });
    const bad = target.find((d) => isConst(d) && d !== -1 && d < 1);
    if (bad !== undefined) return ctx.error('NN3003', msg`Reshape: sizes must be at least 1 (or -1 to infer one), but ${formatShape(target)} has ${bad}`, { arg: 'shape' });
    const have = product(input.slice(1));
    const known = product(target.filter((d) => d !== -1));
    if (inferred.length === 1) {
      const missing = div(have, known);
      if ((isConst(have) && isConst(known) && have % known !== 0) || !isIntegral(missing)) {
        return ctx.error('NN2005', msg`Reshape: ${formatDim(have)} elements per example do not divide into ${formatShape(target)}: ${formatDim(have)} / ${formatDim(known)} is not whole`, { arg: 'shape' });
      }
      return [input[0]!, ...target.map((d) => (d === -1 ? missing : d))];
    }
    if (!dimEquals(have, known) && !equalWhenExact(have, known)) {
      return ctx.error('NN2007', msg`Reshape: the input has ${formatDim(have)} elements per example (${formatShape(input.slice(1))}), but ${formatShape(target)} holds ${formatDim(known)}`, { arg: 'shape' });
    }
    return [input[0]!, ...target];
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

export const Permute: LayerSpec = {
  name: 'Permute',
  category: 'reshaping',
  doc:
    'Reorders the axes of each example (Keras `Permute`): `dims` numbers the axes from 1 and leaves out the batch axis, which never moves. ' +
    '`Permute([2, 1])` swaps time and features, `[B, T, d] -> [B, d, T]`; `Permute([3, 1, 2])` turns `[B, H, W, C]` into channels-first `[B, C, H, W]`. ' +
    '(The function `transpose(x, perm)` permutes every axis, batch included, 0-based.)',
  params: [{ name: 'dims', type: 'ints', doc: 'A permutation of `1..rank-1`: output axis i is input axis `dims[i]` (the batch axis 0 stays first).' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    return permuteAfterBatch(ctx, ctx.ints('dims'), 'dims', `Permute(${formatShape(ctx.ints('dims'))})`);
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};

/**
 * The input with its non-batch axes reordered: `dims` (numbered from 1)
 * must be a permutation of 1..rank-1; output axis i + 1 is input axis dims[i].
 */
function permuteAfterBatch(ctx: LayerContext, dims: Dim[], arg: string, what: string): Dim[] | undefined {
  const input = ctx.inputs[0]!.shape;
  if (input.length !== dims.length + 1) {
    return ctx.error('NN2001', msg`${what} expects a rank-${dims.length + 1} input, but got rank ${input.length}: ${formatShape(input)}`, { input: 0 });
  }
  const seen = new Set<number>();
  for (const d of dims) {
    if (!isConst(d) || d < 1 || d > dims.length) {
      return ctx.error('NN2006', msg`${ctx.spec.name}: axis ${formatDim(d)} is out of range; the batch axis 0 stays first and the others are 1 to ${dims.length}`, { arg });
    }
    if (seen.has(d)) return ctx.error('NN3003', msg`${ctx.spec.name}: axis ${d} appears twice; ${arg} must be a permutation`, { arg });
    seen.add(d);
  }
  return [input[0]!, ...dims.map((d) => input[d as number]!)];
}

export const Transpose: LayerSpec = {
  name: 'Transpose',
  category: 'reshaping',
  doc:
    'Reorders the axes, as the function `transpose` does, but as a layer you can name and put in a pipeline: `perm` lists every axis, ' +
    'batch included, numbered from 0, and the batch axis must stay first. `Transpose([0, 2, 1])` turns `[B, T, d]` into `[B, d, T]`; ' +
    '`Transpose([0, 3, 1, 2])` turns channels-last `[B, H, W, C]` into channels-first `[B, C, H, W]`. (Keras-style `Permute` numbers from 1 without the batch axis.)',
  params: [{ name: 'perm', type: 'ints', doc: 'A permutation of `0..rank-1` that starts with 0: output axis i is input axis `perm[i]`.' }],
  inputs: { min: 1, max: 1, names: ['x'] },
  shape(ctx) {
    argumentsKnown(ctx);
    const perm = ctx.ints('perm');
    const what = `Transpose(${formatShape(perm)})`;
    if (perm.length > 0 && perm[0] !== 0 && ctx.inputs[0]!.shape.length === perm.length) {
      return ctx.error('NN3003', msg`Transpose: the batch axis must stay first (perm[0] = 0), but perm is ${formatShape(perm)}`, { arg: 'perm' });
    }
    // [0, 2, 1] is Permute's [2, 1]: the same axes after the batch, numbered the same way
    return permuteAfterBatch(ctx, perm.slice(1), 'perm', what);
  },
  weights: () => ({ trainable: 0, nonTrainable: 0 }),
  flops: () => 0,
};
