// Elementwise functions of several values, with NumPy broadcasting:
// maximum, minimum, where, clip, pow. Numbers count as scalars (shape []).

import { msg } from '../i18n/message.js';
import { type Dim, dimEquals, isConst, mul } from '../shapes/dim.js';
import type { DType, Value } from '../values.js';
import type { FunctionContext, FunctionSpec } from './function-spec.js';
import { perOutputElement } from './flops.js';
import { broadcastAll, combineDtypes, expectDtype, type Operand, operand, shapeOf } from './util.js';

const UNKNOWN: Value = { kind: 'unknown' };

/** A known number, or undefined for a symbolic int. */
const known = (v: Operand): number | undefined => (v.kind === 'float' ? v.value : v.kind === 'int' && isConst(v.value) ? v.value : undefined);

/** The broadcast result of tensor operands, or undefined after a problem. */
function tensorResult(ctx: FunctionContext, fn: string, ops: { name: string; op: Operand }[], dtype?: DType): Value | undefined {
  const out = combineDtypes(ctx, fn, ops);
  if (!out) return undefined;
  const shape = broadcastAll(
    ctx,
    fn,
    ops.map((o) => ({ name: o.name, shape: shapeOf(o.op) })),
  );
  return shape && ctx.result(shape, dtype ?? out);
}

function extremum(name: 'maximum' | 'minimum', pick: (a: number, b: number) => number, doc: string): FunctionSpec {
  return {
    name,
    category: 'math',
    doc,
    params: [
      { name: 'a', type: 'any', doc: 'A number or a tensor.' },
      { name: 'b', type: 'any', doc: 'A number or a tensor; broadcast against `a`.' },
    ],
    flops: perOutputElement(1),
    call(ctx) {
      const a = operand(ctx, name, 'a');
      const b = operand(ctx, name, 'b');
      if (!a || !b) return undefined;
      if (a.kind === 'tensor' || b.kind === 'tensor') {
        return tensorResult(ctx, name, [
          { name: 'a', op: a },
          { name: 'b', op: b },
        ]);
      }
      if (a.kind === 'int' && b.kind === 'int' && dimEquals(a.value, b.value)) return a;
      const x = known(a);
      const y = known(b);
      if (x === undefined || y === undefined) return UNKNOWN;
      return { kind: a.kind === 'int' && b.kind === 'int' ? 'int' : 'float', value: pick(x, y) } as Value;
    },
  };
}

export const maximum = extremum(
  'maximum',
  Math.max,
  'The larger of two values, elementwise, with broadcasting: `maximum(x, 0)` is ReLU, and `maximum(a, b)` of two `[B, N, 2]` corner tensors finds the top-left corner of box intersections. Numbers give a number; a number with a tensor acts on every element.',
);
export const minimum = extremum(
  'minimum',
  Math.min,
  'The smaller of two values, elementwise, with broadcasting: `minimum(x, 6)` caps activations (ReLU6 is `minimum(relu(x), 6)`), and box intersections use it for the bottom-right corners. Numbers give a number; a number with a tensor acts on every element.',
);

export const where: FunctionSpec = {
  name: 'where',
  category: 'math',
  doc:
    'Chooses elementwise: where `cond` is true take `a`, elsewhere `b`. The three broadcast together, so a causal mask `[T, T]` can select between ' +
    'attention scores `[B, h, T, T]` and a large negative number: `where(causal_mask(T), scores, -1e9)`. `cond` must be a bool tensor.',
  params: [
    { name: 'cond', type: 'tensor', doc: 'A bool tensor: where to take `a`.' },
    { name: 'a', type: 'any', doc: 'The values where `cond` is true (a number or a tensor).' },
    { name: 'b', type: 'any', doc: 'The values where `cond` is false (a number or a tensor).' },
  ],
  flops: perOutputElement(1),
  call(ctx) {
    const cond = ctx.tensor('cond');
    const a = operand(ctx, 'where', 'a');
    const b = operand(ctx, 'where', 'b');
    if (!a || !b || !expectDtype(ctx, 'where', 'cond', cond, ['bool'])) return undefined;
    const dtype = combineDtypes(ctx, 'where', [
      { name: 'a', op: a },
      { name: 'b', op: b },
    ]);
    if (!dtype) return undefined;
    const shape = broadcastAll(ctx, 'where', [
      { name: 'cond', shape: cond.shape },
      { name: 'a', shape: shapeOf(a) },
      { name: 'b', shape: shapeOf(b) },
    ]);
    return shape && ctx.result(shape, dtype);
  },
};

export const clip: FunctionSpec = {
  name: 'clip',
  category: 'math',
  doc:
    'Limits values to the range `[lo, hi]`, elementwise: smaller ones become `lo`, larger ones `hi`. Losses clip probabilities away from 0 and 1 ' +
    'before taking logs, `log(clip(p, 1e-7, 1 - 1e-7))`. A number gives a number and a tensor keeps its shape and dtype.',
  params: [
    { name: 'x', type: 'any', doc: 'A number or a tensor.' },
    { name: 'lo', type: 'float', doc: 'The smallest value allowed.' },
    { name: 'hi', type: 'float', doc: 'The largest value allowed (at least `lo`).' },
  ],
  // a maximum and a minimum
  flops: perOutputElement(2),
  call(ctx) {
    const x = operand(ctx, 'clip', 'x');
    const lo = ctx.float('lo');
    const hi = ctx.float('hi');
    if (!x) return undefined;
    if (lo > hi) return ctx.error('NN3003', msg`clip: lo (${lo}) must not be above hi (${hi})`, 'hi');
    if (x.kind === 'tensor') {
      if (!expectDtype(ctx, 'clip', 'x', x, ['float32', 'int32'])) return undefined;
      return ctx.result([...x.shape], x.dtype);
    }
    const v = known(x);
    if (v === undefined || Number.isNaN(lo) || Number.isNaN(hi)) return UNKNOWN;
    const out = Math.min(Math.max(v, lo), hi);
    return x.kind === 'int' && Number.isInteger(out) ? { kind: 'int', value: out } : { kind: 'float', value: out };
  },
};

/** `d^n` for a small whole `n`, as an int dim (symbolic bases included). */
function intPower(base: Dim, n: number): Dim {
  // a known base in one step: `pow(1, 10**15)` must not loop 10**15 times (an unsafe result is reported where it is used)
  if (isConst(base)) return base ** n;
  let out: Dim = 1;
  for (let i = 0; i < n; i++) out = mul(out, base);
  return out;
}

export const pow: FunctionSpec = {
  name: 'pow',
  category: 'math',
  doc:
    'Raises `x` to the power `p`, elementwise, with broadcasting: `pow(x, 2)` squares, `pow(x, 0.5)` takes square roots, and the Transformer\'s ' +
    'positional encoding divides positions by `pow(10000, 2i / d)`. Two ints with a whole, non-negative power give an int; otherwise the result is a float.',
  params: [
    { name: 'x', type: 'any', doc: 'The base: a number or a tensor.' },
    { name: 'p', type: 'any', doc: 'The exponent: a number or a tensor.' },
  ],
  flops: perOutputElement(1),
  call(ctx) {
    const x = operand(ctx, 'pow', 'x');
    const p = operand(ctx, 'pow', 'p');
    if (!x || !p) return undefined;
    if (x.kind === 'tensor' || p.kind === 'tensor') {
      const ops = [
        { name: 'x', op: x },
        { name: 'p', op: p },
      ];
      const dtype = combineDtypes(ctx, 'pow', ops);
      if (dtype === 'bool') return ctx.error('NN2008', msg`pow expects numbers, but x and p are bool`, 'x');
      return dtype && tensorResult(ctx, 'pow', ops);
    }
    const b = known(x);
    const e = known(p);
    if (p.kind === 'int' && e !== undefined && e >= 0 && x.kind === 'int' && (b !== undefined || e <= 8)) return { kind: 'int', value: intPower(x.value, e) };
    if (b === undefined || e === undefined) return { kind: 'float', value: NaN };
    if (b < 0 && !Number.isInteger(e)) return ctx.error('NN3003', msg`pow(${b}, ${e}) is undefined: a negative base needs a whole exponent`, 'p');
    if (b === 0 && e < 0) return ctx.error('NN3003', msg`pow(0, ${e}) is undefined: zero has no negative powers`, 'p');
    return { kind: 'float', value: Math.pow(b, e) };
  },
};

export const BINARY_FUNCTIONS: readonly FunctionSpec[] = [maximum, minimum, where, clip, pow];
