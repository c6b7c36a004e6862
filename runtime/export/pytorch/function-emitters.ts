// Emitters (emitter.ts) for the built-in functions (`fn:<name>`), the
// operators (`binary:<op>`, `unary:<op>`) and slices, each an inline
// expression in the forward pass. Arithmetic runs in the dtype the checker
// gave the result (`ids + 1` stays int32), as the compiler's kernels do.

import { msg } from '../../../core/i18n/message.js';
import type { GraphArg, TensorType } from '../../../core/graph/graph.js';
import type { DType } from '../../../core/values.js';
import { type EmitContext, type Emitter, UnsupportedError } from './emitter.js';
import { reshapeTo } from './layer-emitters.js';
import { pyNumber, pyString, pyTuple, TORCH_DTYPE } from './python-text.js';

const inline = (f: (c: EmitContext) => string): Emitter => ({ forward: f });

/** The tensor argument `name` (an input by index). */
function tensor(c: EmitContext, name: string): string {
  return c.ins[c.args.tensorIndex(name)]!;
}

function tensorType(c: EmitContext, name: string): TensorType {
  return c.inputs[c.args.tensorIndex(name)]!;
}

/** `x` converted to `dtype` when its own differs. */
function inDtype(x: string, from: DType, to: DType): string {
  if (from === to) return x;
  return to === 'float32' ? `${x}.float()` : `${x}.to(${TORCH_DTYPE[to]})`;
}

/** A tensor or a number, in the dtype of the checked result (a number as a Python literal). */
function operand(c: EmitContext, g: GraphArg, dtype: DType): string {
  if (g.kind === 'tensor') return dtype === 'bool' ? c.ins[g.index]! : inDtype(c.ins[g.index]!, c.inputs[g.index]!.dtype, dtype);
  if (g.kind === 'float') return pyNumber(g.value, dtype === 'bool' ? 'float32' : dtype);
  if (g.kind === 'int') return typeof g.value === 'number' ? pyNumber(g.value, dtype === 'float32' ? 'float32' : 'int32') : `(${c.dim(g.value)})`;
  if (g.kind === 'bool') return g.value ? '1' : '0';
  throw new UnsupportedError(msg`an operand that is not a number or a tensor`);
}

const resultDtype = (c: EmitContext): DType => c.outputs[0]!.dtype;

/** `x` as float32 (the math functions compute in floats). */
const floatArg = (c: EmitContext, name = 'x') => inDtype(tensor(c, name), tensorType(c, name).dtype, 'float32');

const math1 = (f: (x: string) => string): Emitter => inline((c) => f(floatArg(c)));

/** The axes a reduction covers, as a `dim=` tuple: one, a list, or (left out) all. */
function reductionDims(c: EmitContext): number[] {
  const rank = tensorType(c, 'x').shape.length;
  if (!c.args.has('axis')) return Array.from({ length: rank }, (_, i) => i);
  return c.args.ints('axis').map((a) => (a < 0 ? a + rank : a));
}

const keep = (c: EmitContext) => (c.args.bool('keepdims') ? ', keepdim=True' : '');

/** A reduction written as `x.<method>(dim=..., keepdim=...)`, its result in the checked dtype. */
function reduction(method: string, float = false): Emitter {
  return inline((c) => {
    const x = float ? floatArg(c) : tensor(c, 'x');
    const expr = `${x}.${method}(dim=${pyTuple(reductionDims(c))}${keep(c)})`;
    return resultDtype(c) === 'int32' ? `${expr}.to(torch.int32)` : expr;
  });
}

function extremum(which: 'max' | 'min'): Emitter {
  return inline((c) => {
    const x = tensor(c, 'x');
    const dims = pyTuple(reductionDims(c));
    if (tensorType(c, 'x').dtype === 'bool') {
      // of bools: whether any is true (all, for min), one axis at a time
      const f = which === 'max' ? 'any' : 'all';
      return reductionDims(c).sort((a, b) => b - a).reduce((acc, d) => `${acc}.${f}(dim=${d}${keep(c)})`, x);
    }
    return `${x}.${which === 'max' ? 'amax' : 'amin'}(dim=${dims}${keep(c)})`;
  });
}

function pairwise(which: 'maximum' | 'minimum'): Emitter {
  return inline((c) => {
    const dtype = resultDtype(c);
    const [a, b] = [c.args.raw('a'), c.args.raw('b')];
    const [ea, eb] = [operand(c, a, dtype), operand(c, b, dtype)];
    if (a.kind === 'tensor' && b.kind === 'tensor') return `torch.${which}(${ea}, ${eb})`;
    const [t, n] = a.kind === 'tensor' ? [ea, eb] : [eb, ea];
    return `${t}.clamp(${which === 'maximum' ? 'min' : 'max'}=${n})`;
  });
}

export const FUNCTION_EMITTERS: Readonly<Record<string, Emitter>> = {
  // shapes
  reshape: inline((c) => reshapeTo(c, tensor(c, 'x'))),
  flatten: inline((c) => reshapeTo(c, tensor(c, 'x'))),
  squeeze: inline((c) => reshapeTo(c, tensor(c, 'x'))),
  expand_dims: inline((c) => reshapeTo(c, tensor(c, 'x'))),
  // without perm every axis is reversed, as NumPy does
  transpose: inline((c) => {
    const rank = tensorType(c, 'x').shape.length;
    const perm = c.args.has('perm') ? c.args.ints('perm').map((a) => (a < 0 ? a + rank : a)) : Array.from({ length: rank }, (_, i) => rank - 1 - i);
    return `${tensor(c, 'x')}.permute(${perm.join(', ')})`;
  }),
  concat: inline((c) => `torch.cat([${c.args.tensorIndices('xs').map((i) => c.ins[i]).join(', ')}], dim=${c.args.int('axis')})`),
  stack: inline((c) => `torch.stack([${c.args.tensorIndices('xs').map((i) => c.ins[i]).join(', ')}], dim=${c.args.int('axis')})`),
  split: inline((c) => {
    const rank = tensorType(c, 'x').shape.length;
    const axis = c.args.int('axis') < 0 ? c.args.int('axis') + rank : c.args.int('axis');
    return `torch.split(${tensor(c, 'x')}, [${c.outputs.map((t) => c.dim(t.shape[axis]!)).join(', ')}], dim=${axis})`;
  }),
  tile: inline((c) => {
    const raw = c.args.raw('reps');
    const reps = raw.kind === 'list' ? raw.items.map((g) => (g.kind === 'int' ? c.dim(g.value) : '1')) : [c.dim(c.args.dim('reps'))];
    return `${tensor(c, 'x')}.repeat(${reps.join(', ')})`;
  }),
  pad: inline((c) => {
    const raw = c.args.raw('paddings');
    if (raw.kind !== 'list') throw new UnsupportedError(msg`pad with paddings that are not a list of pairs`);
    const pairs = raw.items.map((p) => (p.kind === 'list' ? p.items.map((g) => (g.kind === 'int' ? c.dim(g.value) : '0')) : ['0', '0']));
    const flat = [...pairs].reverse().flat();
    return `F.pad(${tensor(c, 'x')}, (${flat.join(', ')}), value=${pyNumber(c.args.float('value'))})`;
  }),
  window_partition: inline((c) => {
    c.need('window_partition');
    return `window_partition(${tensor(c, 'x')}, ${c.args.int('window')})`;
  }),
  window_unpartition: inline((c) => {
    c.need('window_unpartition');
    return `window_unpartition(${tensor(c, 'x')}, ${c.args.int('window')}, ${c.args.ints('size').join(', ')})`;
  }),
  // elementwise math
  sqrt: math1((x) => `torch.sqrt(${x})`),
  rsqrt: math1((x) => `torch.rsqrt(${x})`),
  exp: math1((x) => `torch.exp(${x})`),
  log: math1((x) => `torch.log(${x})`),
  sin: math1((x) => `torch.sin(${x})`),
  cos: math1((x) => `torch.cos(${x})`),
  gelu: math1((x) => `F.gelu(${x})`),
  sigmoid: math1((x) => `torch.sigmoid(${x})`),
  tanh: math1((x) => `torch.tanh(${x})`),
  softplus: math1((x) => `F.softplus(${x})`),
  abs: inline((c) => `torch.abs(${tensor(c, 'x')})`),
  sq: inline((c) => `torch.square(${tensor(c, 'x')})`),
  relu: inline((c) => `torch.relu(${tensor(c, 'x')})`),
  neg: inline((c) => `torch.neg(${tensor(c, 'x')})`),
  floor: inline((c) => `torch.floor(${tensor(c, 'x')})`),
  ceil: inline((c) => `torch.ceil(${tensor(c, 'x')})`),
  softmax: inline((c) => `torch.softmax(${floatArg(c)}, dim=${c.args.int('axis')})`),
  log_softmax: inline((c) => `torch.log_softmax(${floatArg(c)}, dim=${c.args.int('axis')})`),
  maximum: pairwise('maximum'),
  minimum: pairwise('minimum'),
  where: inline((c) => {
    const dtype = resultDtype(c);
    return `torch.where(${tensor(c, 'cond')}, ${operand(c, c.args.raw('a'), dtype)}, ${operand(c, c.args.raw('b'), dtype)})`;
  }),
  clip: inline((c) => `${operand(c, c.args.raw('x'), resultDtype(c))}.clamp(${pyNumber(c.args.float('lo'))}, ${pyNumber(c.args.float('hi'))})`),
  pow: inline((c) => `torch.pow(${operand(c, c.args.raw('x'), resultDtype(c))}, ${operand(c, c.args.raw('p'), resultDtype(c))})`),
  // reductions
  sum: reduction('sum'),
  mean: reduction('mean', true),
  max: extremum('max'),
  min: extremum('min'),
  sum_sq: inline((c) => `torch.square(${floatArg(c)}).sum(dim=${pyTuple(reductionDims(c))}${keep(c)})`),
  logsumexp: inline((c) => `torch.logsumexp(${floatArg(c)}, dim=${pyTuple(reductionDims(c))}${keep(c)})`),
  norm: inline((c) => `torch.square(${floatArg(c)}).sum(dim=${pyTuple(reductionDims(c))}${keep(c)}).sqrt()`),
  prod: inline((c) => {
    const x = tensor(c, 'x');
    const product = reductionDims(c).sort((a, b) => b - a).reduce((acc, d) => `${acc}.prod(dim=${d}${keep(c)})`, x);
    return resultDtype(c) === 'int32' ? `${product}.to(torch.int32)` : product;
  }),
  argmax: inline((c) => `${tensor(c, 'x')}.argmax(dim=${c.args.int('axis')}).to(torch.int32)`),
  argmin: inline((c) => `${tensor(c, 'x')}.argmin(dim=${c.args.int('axis')}).to(torch.int32)`),
  // linear algebra and conversions
  matmul: inline((c) => `torch.matmul(${tensor(c, 'a')}, ${tensor(c, 'b')})`),
  one_hot: inline((c) => `F.one_hot(${tensor(c, 'indices')}.long(), ${c.args.int('depth')}).float()`),
  cast: inline((c) => inDtype(tensor(c, 'x'), tensorType(c, 'x').dtype, c.args.string('dtype') as DType)),
  causal_mask: inline((c) => `torch.ones(${c.args.int('size')}, ${c.args.int('size')}, dtype=torch.bool).tril()`),
  padding_mask: inline((c) => `${tensor(c, 'tokens')} != ${c.args.int('pad')}`),
  iou: inline((c) => {
    c.need('iou');
    return `iou(${tensor(c, 'a')}, ${tensor(c, 'b')}, ${pyString(c.args.string('format'))})`;
  }),
  // random: PyTorch's own generator, so the values differ from TensorFlow's
  normal: inline((c) => `torch.randn(${c.outputs[0]!.shape.map((d) => c.dim(d)).join(', ')}) * ${pyNumber(c.args.float('std'))} + ${pyNumber(c.args.float('mean'))}`),
  uniform: inline((c) => {
    const [lo, hi] = [c.args.float('low'), c.args.float('high')];
    return `torch.rand(${c.outputs[0]!.shape.map((d) => c.dim(d)).join(', ')}) * ${pyNumber(hi - lo)} + ${pyNumber(lo)}`;
  }),
};

const BINARY: Record<string, (a: string, b: string) => string> = {
  '+': (a, b) => `${a} + ${b}`,
  '-': (a, b) => `${a} - ${b}`,
  '*': (a, b) => `${a} * ${b}`,
  '/': (a, b) => `${a} / ${b}`,
  '%': (a, b) => `torch.remainder(${a}, ${b})`,
  '**': (a, b) => `torch.pow(${a}, ${b})`,
  '@': (a, b) => `torch.matmul(${a}, ${b})`,
  '==': (a, b) => `torch.eq(${a}, ${b})`,
  '!=': (a, b) => `torch.ne(${a}, ${b})`,
  '<': (a, b) => `torch.lt(${a}, ${b})`,
  '<=': (a, b) => `torch.le(${a}, ${b})`,
  '>': (a, b) => `torch.gt(${a}, ${b})`,
  '>=': (a, b) => `torch.ge(${a}, ${b})`,
  and: (a, b) => `torch.logical_and(${a}, ${b})`,
  or: (a, b) => `torch.logical_or(${a}, ${b})`,
};

/** Operators whose torch function takes a Python number on the right only. */
const NEEDS_TENSOR = new Set(['%', '**', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '@']);

export function operatorEmitter(op: string, left: GraphArg, right: GraphArg): Emitter | undefined {
  const f = BINARY[op];
  if (!f) return undefined;
  return inline((c) => {
    const dtype = resultDtype(c);
    // a comparison compares as given; the rest compute in the result's dtype (`/` gives floats)
    const a0 = operand(c, left, dtype);
    const b = operand(c, right, dtype);
    // torch.remainder, torch.pow and the comparisons take a number on the right only
    const a = left.kind !== 'tensor' && NEEDS_TENSOR.has(op) ? `torch.tensor(${a0})` : a0;
    return f(a, b);
  });
}

export function unaryEmitter(op: string): Emitter | undefined {
  if (op === '-') return inline((c) => `-${c.ins[0]}`);
  if (op === '+') return inline((c) => c.ins[0]!);
  if (op === 'not') return inline((c) => `torch.logical_not(${c.ins[0]})`);
  return undefined;
}

/** NumPy slicing, written as Python's (positions already resolved by the checker). */
export const sliceEmitter: Emitter = inline((c) => {
  const parts = (c.axes ?? []).map((a) => {
    if (a.kind === 'all') return ':';
    if (a.kind === 'newaxis') return 'None';
    if (a.kind === 'index') return String(a.at);
    return `${a.start}:${a.stop}${a.step === 1 ? '' : `:${a.step}`}`;
  });
  return `${c.ins[0]}[${parts.join(', ')}]`;
});
