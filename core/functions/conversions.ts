// Functions that change what the values mean: one_hot (labels to vectors)
// and cast (a new dtype).

import type { DType } from '../values.js';
import type { FunctionSpec } from './function-spec.js';
import { NO_FLOPS } from './flops.js';
import { checkSizes, expectDtype } from './util.js';

export const one_hot: FunctionSpec = {
  name: 'one_hot',
  category: 'conversion',
  doc:
    'Turns integer labels into vectors with a single 1: with `depth = 10`, the label 3 becomes `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`. ' +
    'A new last axis of size `depth` is added, so int32 labels `[B]` give a float tensor `[B, 10]` and tokens `[B, T]` give `[B, T, vocab]`; ' +
    'cross-entropy compares such targets with the predicted probabilities.',
  params: [
    { name: 'indices', type: 'tensor', doc: 'The int32 labels, each in 0..depth-1.' },
    { name: 'depth', type: 'int', min: 1, doc: 'The number of classes: the size of the new last axis.' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const indices = ctx.tensor('indices');
    const depth = ctx.int('depth');
    if (!expectDtype(ctx, 'one_hot', 'indices', indices, ['int32']) || !checkSizes(ctx, 'one_hot', 'depth', [depth])) return undefined;
    return ctx.result([...indices.shape, depth], 'float32');
  },
};

export const cast: FunctionSpec = {
  name: 'cast',
  category: 'conversion',
  doc:
    'Converts a tensor to another dtype, keeping its shape: `cast(mask, "float32")` turns true/false into 1.0/0.0 so that a mask can multiply ' +
    'a loss, and `cast(x, "int32")` truncates floats toward zero. Converting to bool gives true for every non-zero value.',
  params: [
    { name: 'x', type: 'tensor', doc: 'The tensor to convert.' },
    { name: 'dtype', type: 'string', allowed: ['float32', 'int32', 'bool'], doc: 'The new dtype: "float32", "int32" or "bool".' },
  ],
  flops: NO_FLOPS,
  call(ctx) {
    const x = ctx.tensor('x');
    return ctx.result([...x.shape], ctx.string('dtype') as DType);
  },
};

export const CONVERSION_FUNCTIONS: readonly FunctionSpec[] = [one_hot, cast];
