// Reductions: functions that combine the values along axes into one
// (sum, mean, max, ...), and argmax / argmin, which return positions.

import { msg } from '../i18n/message.js';
import { formatShape } from '../shapes/shape.js';
import type { DType } from '../values.js';
import type { FunctionSpec } from './function-spec.js';
import { perInputElement } from './flops.js';
import { axesArg, axisArg, type Param } from './util.js';

interface Reduction {
  name: string;
  doc: string;
  /** the result dtype for each input dtype */
  dtype: (input: DType) => DType;
  /** the default axes: 'all' (axis is optional) or -1 (the last) */
  axes: 'all' | 'last';
  /** FLOPs per input element (flops.ts); absent: 1 */
  cost?: number;
}

const floatOut = (): DType => 'float32';
/** sums of ints stay ints; a sum of bools counts the true entries */
const countOut = (d: DType): DType => (d === 'float32' ? 'float32' : 'int32');

const REDUCTIONS: readonly Reduction[] = [
  {
    name: 'sum',
    doc: 'Adds up the values along the given axes (all of them when `axis` is left out, giving a scalar `[]`). `sum(x, 1)` on `[B, T, d]` gives `[B, d]`; with `keepdims = true` the summed axes stay with size 1, `[B, 1, d]`, which broadcasts back against `x`. Ints stay ints; summing a bool mask counts its true entries.',
    dtype: countOut,
    axes: 'all',
  },
  {
    name: 'mean',
    doc: 'The average of the values along the given axes (all of them when `axis` is left out, giving a scalar `[]`). Losses end with it: the mean squared error is `mean(sq(y - t))`, and `mean(x, [1, 2])` on `[B, H, W, C]` is global average pooling, `[B, C]`. The result is float.',
    dtype: floatOut,
    axes: 'all',
  },
  {
    name: 'max',
    doc: 'The largest value along the given axes (all of them when `axis` is left out, giving a scalar `[]`); `max(x, [1, 2])` on `[B, H, W, C]` is global max pooling. Not to be confused with `maximum`, which compares two tensors elementwise. The dtype is kept. Of numbers, `max(a, b, ...)` is the largest number, as in Python: `max(1, C / 4)`.',
    dtype: (d) => d,
    axes: 'all',
  },
  {
    name: 'min',
    doc: 'The smallest value along the given axes (all of them when `axis` is left out, giving a scalar `[]`). Not to be confused with `minimum`, which compares two tensors elementwise. The dtype is kept. Of numbers, `min(a, b, ...)` is the smallest number: `min(C, 256)`.',
    dtype: (d) => d,
    axes: 'all',
  },
  {
    name: 'prod',
    doc: 'Multiplies the values along the given axes (all of them when `axis` is left out, giving a scalar `[]`); `prod(x, -1, keepdims = true)` keeps the reduced axis with size 1. A product of probabilities is the probability that independent events all happen. Ints stay ints.',
    dtype: countOut,
    axes: 'all',
  },
  {
    name: 'sum_sq',
    doc: 'The sum of squares along an axis (the last by default): `sum_sq(p - t)` on `[N, S, S, K, 4]` box coordinates gives the squared distance per box, `[N, S, S, K]`, as in the YOLO loss. It equals `sum(sq(x), axis)`. The result is float.',
    dtype: floatOut,
    axes: 'last',
    cost: 2,
  },
  {
    name: 'logsumexp',
    doc: 'The logarithm of the sum of exponentials along an axis (the last by default), `log(sum(exp(x)))`, computed stably by subtracting the maximum first. It is a smooth maximum, and the normaliser of softmax: `log_softmax(x) = x - logsumexp(x, keepdims = true)`. The result is float.',
    dtype: floatOut,
    axes: 'last',
    cost: 3,
  },
  {
    name: 'norm',
    doc: 'The Euclidean (L2) length along an axis (the last by default), `sqrt(sum_sq(x))`: `x / norm(x, keepdims = true)` scales vectors to unit length, as CLIP and contrastive losses do before comparing embeddings. The result is float.',
    dtype: floatOut,
    axes: 'last',
    cost: 2,
  },
];

function reductionSpec(r: Reduction): FunctionSpec {
  const axisParam: Param =
    r.axes === 'all'
      ? { name: 'axis', type: 'any', optional: true, doc: 'An axis or a list of axes to reduce; left out: every axis.' }
      : { name: 'axis', type: 'any', default: -1, doc: 'An axis or a list of axes to reduce (default: the last).' };
  return {
    name: r.name,
    category: 'reduction',
    doc: r.doc,
    params: [
      { name: 'x', type: 'tensor', doc: 'The tensor to reduce.' },
      axisParam,
      { name: 'keepdims', type: 'bool', default: false, doc: 'Keep the reduced axes with size 1, so the result broadcasts against `x`.' },
    ],
    flops: perInputElement(r.cost ?? 1),
    call(ctx) {
      const x = ctx.tensor('x');
      if (x.dtype === 'bool' && r.dtype('bool') === 'float32' && r.name !== 'mean') {
        return ctx.error('NN2008', msg`${r.name} expects a numeric tensor, but x is bool ${formatShape(x.shape)}; cast it first`, 'x');
      }
      const axes = axesArg(ctx, r.name, 'axis', x.shape);
      if (!axes) return undefined;
      const keep = ctx.bool('keepdims');
      const shape = keep ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
      return ctx.result(shape, r.dtype(x.dtype));
    },
  };
}

function argSpec(name: 'argmax' | 'argmin', doc: string): FunctionSpec {
  return {
    name,
    category: 'reduction',
    doc,
    params: [
      { name: 'x', type: 'tensor', doc: 'The tensor to search.' },
      { name: 'axis', type: 'axis', default: -1, doc: 'The axis to search along (default: the last); it is removed.' },
    ],
    flops: perInputElement(1),
    call(ctx) {
      const x = ctx.tensor('x');
      const axis = axisArg(ctx, name, 'axis', x.shape);
      if (axis === undefined) return undefined;
      return ctx.result(
        x.shape.filter((_, i) => i !== axis),
        'int32',
      );
    },
  };
}

export const argmax = argSpec(
  'argmax',
  'The position (an int32 index) of the largest value along an axis, which is removed: on class scores `[B, 10]`, `argmax(scores)` gives the predicted class of each example, `[B]`. Accuracy compares it with the true labels.',
);
export const argmin = argSpec(
  'argmin',
  'The position (an int32 index) of the smallest value along an axis, which is removed: `argmin(distances)` on `[N, K]` gives the nearest of K centres for each point, `[N]` (as in k-means or vector quantisation).',
);

export const REDUCTION_FUNCTIONS: readonly FunctionSpec[] = [...REDUCTIONS.map(reductionSpec), argmax, argmin];
