// Built-in functions inside a model (`reshape`, `softmax`, `matmul`, ...),
// one kernel each, keyed `fn:<name>`. Sizes come from the checker: shape
// functions reshape to the node's checked output type.

import type { GraphArg } from '../../../core/graph/graph.js';
import { resolveDim } from '../../../core/graph/runtime-dim.js';
import type { Tensor, TF } from '../../tf-types.js';
import type { CallContext, Kernel } from '../kernel.js';
import { NAMED_ACTIVATIONS, logSoftmaxOn, relu, softmaxOn } from './activations.js';

/**
 * The argument `name`, a tensor input or a number, in the dtype of the
 * checked result (a number a scalar of it): `maximum(ids, 2)` stays int32,
 * `where(m, ids, 0.5)` is float32, as the checker says.
 */
function operand(k: CallContext, inputs: Tensor[], name: string): Tensor {
  const dtype = k.outputs[0]!.dtype;
  const raw = k.args.raw(name);
  if (raw.kind !== 'tensor') return k.tf.scalar(k.args.float(name), dtype === 'bool' ? 'float32' : dtype);
  const x = inputs[raw.index]!;
  return x.dtype === dtype || dtype === 'bool' ? x : k.tf.cast(x, dtype);
}

function sizeOf(g: GraphArg, batch: number): number {
  if (g.kind !== 'int') throw new Error('a size must be an int');
  return resolveDim(g.value, batch);
}

const tensorArg = (k: CallContext, inputs: Tensor[], name: string): Tensor => inputs[k.args.tensorIndex(name)]!;

const outputShape = (k: CallContext, i = 0): number[] => k.outputs[i]!.shape.map((d) => resolveDim(d, k.batch));

/** Reshapes `x` to the checked output shape. */
const reshapeToOutput: Kernel = { call: (k, inputs) => k.tf.reshape(tensorArg(k, inputs, 'x'), outputShape(k)) };

const unary = (f: (tf: TF, x: Tensor) => Tensor): Kernel => ({ call: (k, inputs) => f(k.tf, k.tf.cast(tensorArg(k, inputs, 'x'), 'float32')) });

/** The axes a reduction covers: one, a list, or (left out) all. */
function reductionAxes(k: CallContext, rank: number): number[] | undefined {
  if (!k.args.has('axis')) return undefined;
  return k.args.ints('axis').map((a) => (a < 0 ? a + rank : a));
}

const reduction = (f: (tf: TF, x: Tensor, axes: number[] | undefined, keep: boolean) => Tensor): Kernel => ({
  call(k, inputs) {
    const x = tensorArg(k, inputs, 'x');
    return f(k.tf, x, reductionAxes(k, x.rank), k.args.bool('keepdims'));
  },
});

/** A reduction whose result is float (`sum_sq`, `norm`): ints are converted first. */
const floatReduction = (f: (tf: TF, x: Tensor, axes: number[] | undefined, keep: boolean) => Tensor): Kernel =>
  reduction((tf, x, axes, keep) => f(tf, tf.cast(x, 'float32'), axes, keep));

/** The largest or smallest values, keeping the dtype: of bools, whether any is true (all are, for min). */
const extremum = (which: 'max' | 'min'): Kernel =>
  reduction((tf, x, axes, keep) => {
    if (x.dtype === 'bool') return which === 'max' ? tf.any(x, axes, keep) : tf.all(x, axes, keep);
    return which === 'max' ? tf.max(x, axes, keep) : tf.min(x, axes, keep);
  });

export const FUNCTION_KERNELS: Record<string, Kernel> = {
  // shapes
  reshape: reshapeToOutput,
  flatten: reshapeToOutput,
  squeeze: reshapeToOutput,
  expand_dims: reshapeToOutput,
  // without perm every axis is reversed, as NumPy does (and the checker says)
  transpose: { call: (k, inputs) => k.tf.transpose(tensorArg(k, inputs, 'x'), k.args.has('perm') ? k.args.ints('perm') : undefined) },
  concat: { call: (k, inputs) => k.tf.concat(k.args.tensorIndices('xs').map((i) => inputs[i]!), k.args.int('axis')) },
  stack: { call: (k, inputs) => k.tf.stack(k.args.tensorIndices('xs').map((i) => inputs[i]!), k.args.int('axis')) },
  split: {
    call(k, inputs) {
      const x = tensorArg(k, inputs, 'x');
      const axis = k.args.int('axis');
      const a = axis < 0 ? axis + x.rank : axis;
      return k.tf.split(x, k.outputs.map((t) => resolveDim(t.shape[a]!, k.batch)), a);
    },
  },
  tile: { call: (k, inputs) => k.tf.tile(tensorArg(k, inputs, 'x'), k.args.ints('reps', k.batch)) },
  pad: {
    call(k, inputs) {
      const raw = k.args.raw('paddings');
      if (raw.kind !== 'list') throw new Error('pad: paddings must be a list of [before, after] pairs');
      const pairs = raw.items.map((p): [number, number] => {
        if (p.kind !== 'list') throw new Error('pad: each padding is a [before, after] pair');
        return [sizeOf(p.items[0]!, k.batch), sizeOf(p.items[1]!, k.batch)];
      });
      return k.tf.pad(tensorArg(k, inputs, 'x'), pairs, k.args.float('value'));
    },
  },
  window_partition: {
    call(k, inputs) {
      const { tf } = k;
      const x = tensorArg(k, inputs, 'x');
      const win = k.args.int('window');
      const [b, h, w, c] = x.shape as [number, number, number, number];
      const [ph, pw] = [(win - (h % win)) % win, (win - (w % win)) % win];
      const padded = ph || pw ? tf.pad(x, [[0, 0], [0, ph], [0, pw], [0, 0]]) : x;
      const [nh, nw] = [(h + ph) / win, (w + pw) / win];
      // [B, nh, win, nw, win, C] -> [B, nh, nw, win, win, C] -> [B*nh*nw, win, win, C]
      const grid = tf.reshape(padded, [b, nh, win, nw, win, c]);
      return tf.reshape(tf.transpose(grid, [0, 1, 3, 2, 4, 5]), [b * nh * nw, win, win, c]);
    },
  },
  window_unpartition: {
    call(k, inputs) {
      const { tf } = k;
      const x = tensorArg(k, inputs, 'x');
      const win = k.args.int('window');
      const [h, w] = k.args.ints('size') as [number, number];
      const [nh, nw] = [Math.ceil(h / win), Math.ceil(w / win)];
      const c = x.shape[3]!;
      const b = x.shape[0]! / (nh * nw);
      const grid = tf.reshape(x, [b, nh, nw, win, win, c]);
      const joined = tf.reshape(tf.transpose(grid, [0, 1, 3, 2, 4, 5]), [b, nh * win, nw * win, c]);
      return nh * win === h && nw * win === w ? joined : tf.slice(joined, [0, 0, 0, 0], [-1, h, w, -1]);
    },
  },
  // elementwise math
  sqrt: unary((tf, x) => tf.sqrt(x)),
  rsqrt: unary((tf, x) => tf.rsqrt(x)),
  exp: unary((tf, x) => tf.exp(x)),
  log: unary((tf, x) => tf.log(x)),
  abs: { call: (k, inputs) => k.tf.abs(tensorArg(k, inputs, 'x')) },
  sq: { call: (k, inputs) => k.tf.square(tensorArg(k, inputs, 'x')) },
  sin: unary((tf, x) => tf.sin(x)),
  cos: unary((tf, x) => tf.cos(x)),
  // ints stay ints (and have no gradient to keep)
  relu: { call: (k, inputs) => (tensorArg(k, inputs, 'x').dtype === 'int32' ? k.tf.relu(tensorArg(k, inputs, 'x')) : relu(k.tf, tensorArg(k, inputs, 'x'))) },
  gelu: unary((tf, x) => NAMED_ACTIVATIONS['gelu']!(tf, x)),
  sigmoid: unary((tf, x) => tf.sigmoid(x)),
  tanh: unary((tf, x) => tf.tanh(x)),
  softplus: unary((tf, x) => tf.softplus(x)),
  neg: { call: (k, inputs) => k.tf.neg(tensorArg(k, inputs, 'x')) },
  floor: { call: (k, inputs) => k.tf.floor(tensorArg(k, inputs, 'x')) },
  ceil: { call: (k, inputs) => k.tf.ceil(tensorArg(k, inputs, 'x')) },
  softmax: { call: (k, inputs) => softmaxOn(k.tf, k.tf.cast(tensorArg(k, inputs, 'x'), 'float32'), k.args.int('axis')) },
  log_softmax: { call: (k, inputs) => logSoftmaxOn(k.tf, k.tf.cast(tensorArg(k, inputs, 'x'), 'float32'), k.args.int('axis')) },
  maximum: { call: (k, inputs) => k.tf.maximum(...operandPair(k, inputs)) },
  minimum: { call: (k, inputs) => k.tf.minimum(...operandPair(k, inputs)) },
  where: {
    call(k, inputs) {
      const shape = outputShape(k);
      const full = (v: Tensor) => broadcastTo(k.tf, v, shape);
      return k.tf.where(k.tf.broadcastTo(tensorArg(k, inputs, 'cond'), shape), full(operand(k, inputs, 'a')), full(operand(k, inputs, 'b')));
    },
  },
  clip: { call: (k, inputs) => k.tf.clipByValue(operand(k, inputs, 'x'), k.args.float('lo'), k.args.float('hi')) },
  pow: { call: (k, inputs) => k.tf.pow(operand(k, inputs, 'x'), operand(k, inputs, 'p')) },
  // reductions
  sum: reduction((tf, x, axes, keep) => tf.sum(x, axes, keep)),
  mean: reduction((tf, x, axes, keep) => tf.mean(tf.cast(x, 'float32'), axes, keep)),
  max: extremum('max'),
  min: extremum('min'),
  prod: reduction((tf, x, axes, keep) => tf.prod(x, axes, keep)),
  sum_sq: floatReduction((tf, x, axes, keep) => tf.sum(tf.square(x), axes, keep)),
  logsumexp: floatReduction((tf, x, axes, keep) => tf.logSumExp(x, axes, keep)),
  norm: floatReduction((tf, x, axes, keep) => tf.sqrt(tf.sum(tf.square(x), axes, keep))),
  argmax: { call: (k, inputs) => k.tf.argMax(tensorArg(k, inputs, 'x'), k.args.int('axis')) },
  argmin: { call: (k, inputs) => k.tf.argMin(tensorArg(k, inputs, 'x'), k.args.int('axis')) },
  // linear algebra and conversions
  matmul: { call: (k, inputs) => matmul(k.tf, tensorArg(k, inputs, 'a'), tensorArg(k, inputs, 'b')) },
  one_hot: { call: (k, inputs) => k.tf.cast(k.tf.oneHot(k.tf.cast(tensorArg(k, inputs, 'indices'), 'int32'), k.args.int('depth')), 'float32') },
  cast: { call: (k, inputs) => k.tf.cast(tensorArg(k, inputs, 'x'), k.args.string('dtype') as 'float32') },
  causal_mask: {
    call(k) {
      const size = k.args.int('size');
      return k.tf.cast(k.tf.linalg.bandPart(k.tf.ones([size, size]), -1, 0), 'bool');
    },
  },
  padding_mask: { call: (k, inputs) => k.tf.notEqual(tensorArg(k, inputs, 'tokens'), k.args.int('pad')) },
  iou: { call: (k, inputs) => iou(k.tf, tensorArg(k, inputs, 'a'), tensorArg(k, inputs, 'b'), k.args.string('format')) },
  // random
  normal: { call: (k) => k.random.normal(outputShape(k), k.args.float('mean'), k.args.float('std')) },
  uniform: { call: (k) => k.random.uniform(outputShape(k), k.args.float('low'), k.args.float('high')) },
};

/** NumPy's matmul: batch axes broadcast; a vector operand gains and loses an axis. */
export function matmul(tf: TF, a: Tensor, b: Tensor): Tensor {
  const va = a.rank === 1;
  const vb = b.rank === 1;
  const x = va ? tf.expandDims(a, 0) : a;
  const y = vb ? tf.expandDims(b, 1) : b;
  const batch = broadcastBatch(x.shape.slice(0, -2), y.shape.slice(0, -2));
  const xb = x.rank > 2 || y.rank > 2 ? broadcastTo(tf, x, [...batch, ...x.shape.slice(-2)]) : x;
  const yb = x.rank > 2 || y.rank > 2 ? broadcastTo(tf, y, [...batch, ...y.shape.slice(-2)]) : y;
  let out = tf.matMul(xb, yb);
  if (va) out = tf.squeeze(out, [out.rank - 2]);
  if (vb) out = tf.squeeze(out, [out.rank - 1]);
  return out;
}

function broadcastBatch(a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    out.push(Math.max(x, y));
  }
  return out;
}

/** `a` and `b` of maximum or minimum; two tensors broadcast to one shape (a number is a scalar, which tfjs broadcasts). */
function operandPair(k: CallContext, inputs: Tensor[]): [Tensor, Tensor] {
  const a = operand(k, inputs, 'a');
  const b = operand(k, inputs, 'b');
  return k.args.raw('a').kind === 'tensor' && k.args.raw('b').kind === 'tensor' ? broadcastPair(k.tf, a, b) : [a, b];
}

/**
 * Two operands broadcast to one shape: tfjs's gradients of maximum and
 * minimum assume equal shapes.
 */
function broadcastPair(tf: TF, a: Tensor, b: Tensor): [Tensor, Tensor] {
  const shape = broadcastBatch(a.shape, b.shape);
  return [broadcastTo(tf, a, shape), broadcastTo(tf, b, shape)];
}

/**
 * `x` broadcast to `shape`, by adding zeros of that shape: the gradient of
 * an addition sums over the broadcast axes in one reduction, where tfjs's
 * `broadcastTo` (a Tile) takes one slice and one addition per repetition.
 */
function broadcastTo(tf: TF, x: Tensor, shape: number[]): Tensor {
  if (x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i])) return x;
  return tf.add(x, tf.zeros(shape, x.dtype));
}

/** Intersection over union of boxes `[..., 4]`, broadcasting the leading axes. */
export function iou(tf: TF, a: Tensor, b: Tensor, format: string): Tensor {
  const corners = (t: Tensor): Tensor[] => {
    const [p, q, r, s] = tf.unstack(t, t.rank - 1) as [Tensor, Tensor, Tensor, Tensor];
    return format === 'xyxy' ? [p, q, r, s] : [tf.sub(p, tf.div(r, 2)), tf.sub(q, tf.div(s, 2)), tf.add(p, tf.div(r, 2)), tf.add(q, tf.div(s, 2))];
  };
  const [ax0, ay0, ax1, ay1] = corners(tf.cast(a, 'float32')) as [Tensor, Tensor, Tensor, Tensor];
  const [bx0, by0, bx1, by1] = corners(tf.cast(b, 'float32')) as [Tensor, Tensor, Tensor, Tensor];
  const pairwise = (f: (x: Tensor, y: Tensor) => Tensor, x: Tensor, y: Tensor) => f(...broadcastPair(tf, x, y));
  const w = tf.relu(tf.sub(pairwise(tf.minimum, ax1, bx1), pairwise(tf.maximum, ax0, bx0)));
  const h = tf.relu(tf.sub(pairwise(tf.minimum, ay1, by1), pairwise(tf.maximum, ay0, by0)));
  const inter = tf.mul(w, h);
  const area = (x0: Tensor, y0: Tensor, x1: Tensor, y1: Tensor) => tf.mul(tf.relu(tf.sub(x1, x0)), tf.relu(tf.sub(y1, y0)));
  const union = tf.sub(tf.add(area(ax0, ay0, ax1, ay1), area(bx0, by0, bx1, by1)), inter);
  return tf.div(inter, tf.clipByValue(union, 1e-9, Infinity));
}
