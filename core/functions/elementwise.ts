// Elementwise functions of one value. Each accepts a number (so that
// `1 / sqrt(d)` is the attention scale, a float) or a tensor (same shape
// out); floor and ceil take numbers only. Also softmax and log_softmax.

import { msg } from '../i18n/message.js';
import { type Dim, isConst, mul, neg as negDim } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import type { Value } from '../values.js';
import type { FunctionSpec } from './function-spec.js';
import { perOutputElement } from './flops.js';
import { axisArg, operand } from './util.js';

interface Unary {
  name: string;
  doc: string;
  /** on a known number */
  f: (x: number) => number;
  /** the numbers it is defined for, and their description for the message (a function: it is read in the current language); absent: all */
  domain?: { ok: (x: number) => boolean; text: () => string };
  /** on an int dim (symbolic ones included): an int result; absent: the result is a float */
  int?: (d: Dim) => Dim;
  /** 'keep': a tensor keeps its dtype (int32 stays int32); 'float': the result is float32 */
  dtype: 'keep' | 'float';
  /** FLOPs per element, as the activation layers count them (flops.ts); absent: 1 */
  cost?: number;
}

const erf = (x: number): number => {
  // Abramowitz and Stegun 7.1.26, |error| < 1.5e-7
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};

/** Symbolic sizes are never negative, so abs and relu leave them as they are. */
const nonNegative = (f: (x: number) => number) => (d: Dim): Dim => (isConst(d) ? f(d) : d);

const UNARY: readonly Unary[] = [
  {
    name: 'sqrt',
    doc: 'The square root, elementwise. On a number it gives a float: with `d = 64`, `1 / sqrt(d)` is 0.125, the scale of dot-product attention, which keeps the scores of long vectors from growing with `d`. On a tensor it gives a float tensor of the same shape.',
    f: Math.sqrt,
    domain: { ok: (x) => x >= 0, text: () => msg`numbers that are at least 0` },
    dtype: 'float',
  },
  {
    name: 'rsqrt',
    doc: 'The reciprocal square root `1 / sqrt(x)`, elementwise: the factor normalisation layers multiply by, `(x - mean) * rsqrt(var + eps)`. A number gives a float, a tensor a float tensor of the same shape.',
    f: (x) => 1 / Math.sqrt(x),
    domain: { ok: (x) => x > 0, text: () => msg`numbers above 0` },
    dtype: 'float',
  },
  { name: 'exp', doc: 'The exponential `e^x`, elementwise; the inverse of `log`. Softmax exponentiates scores so that they become positive before normalising. A number gives a float, a tensor a float tensor of the same shape.', f: Math.exp, dtype: 'float' },
  {
    name: 'log',
    doc: 'The natural logarithm, elementwise; defined for positive values only. Cross-entropy is `-sum(y * log(p))`; prefer `log_softmax` to `log(softmax(x))`, which is more accurate. A number gives a float, a tensor a float tensor of the same shape.',
    f: Math.log,
    domain: { ok: (x) => x > 0, text: () => msg`numbers above 0` },
    dtype: 'float',
  },
  { name: 'abs', doc: 'The absolute value, elementwise: `abs(-3) = 3`. The L1 loss is `mean(abs(prediction - target))`. Ints stay ints and a tensor keeps its dtype and shape.', f: Math.abs, int: nonNegative(Math.abs), dtype: 'keep' },
  { name: 'sq', doc: 'The square `x * x`, elementwise. The mean squared error is `mean(sq(prediction - target))`. Ints stay ints (`sq(d)` is the int `d*d`), and a tensor keeps its dtype and shape.', f: (x) => x * x, int: (d) => mul(d, d), dtype: 'keep' },
  { name: 'sin', doc: 'The sine (of an angle in radians), elementwise. The Transformer\'s positional encoding uses sines and cosines of different frequencies, so that every position gets a distinct pattern. A number gives a float, a tensor a float tensor of the same shape.', f: Math.sin, dtype: 'float' },
  { name: 'cos', doc: 'The cosine (of an angle in radians), elementwise; with `sin`, it builds the sinusoidal positional encoding of the Transformer. A number gives a float, a tensor a float tensor of the same shape.', f: Math.cos, dtype: 'float' },
  { name: 'relu', doc: 'The rectified linear unit `max(x, 0)`, elementwise: negatives become 0, positives pass unchanged. Its gradient is 1 for positive inputs, so deep networks train without vanishing gradients. Ints stay ints and a tensor keeps its dtype and shape.', f: (x) => Math.max(x, 0), int: nonNegative((x) => Math.max(x, 0)), dtype: 'keep' },
  { name: 'gelu', doc: 'The Gaussian error linear unit `x * Phi(x)` (Phi: the standard normal CDF), elementwise: a smooth ReLU that lets small negative values through a little. Transformers (BERT, GPT, ViT, SAM) use it in their MLPs. A number gives a float, a tensor a float tensor of the same shape.', f: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)), dtype: 'float', cost: 5 },
  { name: 'sigmoid', doc: 'The logistic function `1 / (1 + e^-x)`, elementwise: squashes any value into (0, 1), so it turns a score into a probability for a yes/no question (a GAN discriminator, an LSTM gate, YOLO\'s objectness). A number gives a float, a tensor a float tensor of the same shape.', f: (x) => 1 / (1 + Math.exp(-x)), dtype: 'float', cost: 3 },
  { name: 'tanh', doc: 'The hyperbolic tangent, elementwise: squashes values into (-1, 1), centred at 0. RNN and LSTM cells use it for their state, and a GAN generator for its output image scaled to [-1, 1]. A number gives a float, a tensor a float tensor of the same shape.', f: Math.tanh, dtype: 'float' },
  { name: 'softplus', doc: 'The smooth ReLU `log(1 + e^x)`, elementwise: always positive, so it suits values that must be above 0, such as a predicted standard deviation. A number gives a float, a tensor a float tensor of the same shape.', f: (x) => (x > 30 ? x : Math.log1p(Math.exp(x))), dtype: 'float', cost: 3 },
  { name: 'neg', doc: 'The negation `-x`, elementwise, the same as writing `-x`: a gradient step moves weights along `neg(gradient)`, downhill. Ints stay ints (`neg(d)` is the int `-d`) and a tensor keeps its dtype and shape.', f: (x) => -x, int: negDim, dtype: 'keep' },
];

function unarySpec(u: Unary): FunctionSpec {
  return {
    name: u.name,
    category: 'math',
    doc: u.doc,
    params: [{ name: 'x', type: 'any', doc: 'A number or a tensor.' }],
    flops: perOutputElement(u.cost ?? 1),
    call(ctx): Value | undefined {
      const x = operand(ctx, u.name, 'x');
      if (!x) return undefined;
      if (x.kind === 'tensor') {
        if (x.dtype === 'bool') return ctx.error('NN2008', msg`${u.name} expects a numeric tensor, but x is bool ${formatShape(x.shape)}; cast it first`, 'x');
        return ctx.result([...x.shape], u.dtype === 'keep' ? x.dtype : 'float32');
      }
      const known = x.kind === 'float' ? x.value : isConst(x.value) ? x.value : undefined;
      if (known !== undefined && u.domain && !u.domain.ok(known)) {
        return ctx.error('NN3003', msg`${u.name}(${known}) is undefined: ${u.name} takes ${u.domain.text()}`, 'x');
      }
      if (x.kind === 'int' && u.int) return { kind: 'int', value: u.int(x.value) };
      // a symbolic int: the float exists but is not known until the sizes are
      return { kind: 'float', value: known === undefined ? NaN : u.f(known) };
    },
  };
}

function roundSpec(name: 'floor' | 'ceil', round: (x: number) => number, doc: string): FunctionSpec {
  return {
    name,
    category: 'math',
    doc,
    params: [{ name: 'x', type: 'any', doc: 'A number.' }],
    // numbers only, so never a summary row; 1 per element, as the other one-argument math
    flops: perOutputElement(1),
    call(ctx) {
      const x = operand(ctx, name, 'x');
      if (!x) return undefined;
      if (x.kind === 'tensor') return ctx.error('NN3001', msg`${name} takes a number, but x is a tensor ${formatShape(x.shape)}`, 'x');
      if (x.kind === 'int') return x;
      return Number.isNaN(x.value) ? { kind: 'unknown' } : { kind: 'int', value: round(x.value) };
    },
  };
}

export const floorFn = roundSpec('floor', Math.floor, 'Rounds a number down to an int: `floor(7 / 2) = 3`, `floor(-0.5) = -1`. Use it to compute sizes, such as the output length of a strided convolution, `floor((n - k) / s) + 1`. It takes numbers only.');
export const ceilFn = roundSpec('ceil', Math.ceil, 'Rounds a number up to an int: `ceil(64 / 14) = 5`, the number of 14-wide windows that cover 64 positions once padded. It takes numbers only.');

function softmaxSpec(name: 'softmax' | 'log_softmax', doc: string): FunctionSpec {
  return {
    name,
    category: 'activation',
    doc,
    params: [
      { name: 'x', type: 'tensor', doc: 'The scores (logits).' },
      { name: 'axis', type: 'axis', default: -1, doc: 'The axis to normalise over (default: the last).' },
    ],
    // as the Softmax and LogSoftmax layers: exp, sum, divide (or log)
    flops: perOutputElement(3),
    call(ctx) {
      const x = ctx.tensor('x');
      if (x.dtype === 'bool') return ctx.error('NN2008', msg`${name} expects a numeric tensor, but x is bool ${formatShape(x.shape)}`, 'x');
      if (axisArg(ctx, name, 'axis', x.shape) === undefined) return undefined;
      return ctx.result([...x.shape], 'float32');
    },
  };
}

export const softmax = softmaxSpec(
  'softmax',
  'Turns scores into probabilities along an axis: `e^x_i / sum_j e^x_j`, so every entry is in (0, 1) and each slice sums to 1. ' +
    'A classifier\'s last step, and the heart of attention: `softmax(q @ transpose(k) / sqrt(d))` weighs each position by how well its key matches the query. The shape is unchanged.',
);
export const log_softmax = softmaxSpec(
  'log_softmax',
  'The logarithm of softmax, `x_i - logsumexp(x)`, computed without forming tiny probabilities first, so it stays accurate where `log(softmax(x))` would round to `log(0)`. ' +
    'Cross-entropy from logits is `-sum(y * log_softmax(logits))`. The shape is unchanged.',
);

export const ELEMENTWISE_FUNCTIONS: readonly FunctionSpec[] = [...UNARY.map(unarySpec), floorFn, ceilFn, softmax, log_softmax];
