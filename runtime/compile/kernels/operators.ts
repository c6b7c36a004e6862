// Operators on tensors (`a + b`, `x @ w`, `-x`, `a < b`, `not m`) and
// slicing (`x[:, 0:4, newaxis]`), keyed `binary:<op>`, `unary:<op>`, `slice`.

import type { GraphArg } from '../../../core/graph/graph.js';
import type { SliceAxis } from '../../../core/values.js';
import type { Tensor, TF } from '../../tf-types.js';
import type { CallContext, Kernel } from '../kernel.js';
import { matmul } from './functions.js';

type Operand = Tensor | number;

const BINARY: Record<string, (tf: TF, a: Operand, b: Operand) => Tensor> = {
  '+': (tf, a, b) => tf.add(a, b),
  '-': (tf, a, b) => tf.sub(a, b),
  '*': (tf, a, b) => tf.mul(a, b),
  '/': (tf, a, b) => tf.div(tf.cast(asTensor(tf, a), 'float32'), tf.cast(asTensor(tf, b), 'float32')),
  '**': (tf, a, b) => tf.pow(a, b),
  '@': (tf, a, b) => matmul(tf, asTensor(tf, a), asTensor(tf, b)),
  '==': (tf, a, b) => tf.equal(a, b),
  '!=': (tf, a, b) => tf.notEqual(a, b),
  '<': (tf, a, b) => tf.less(a, b),
  '<=': (tf, a, b) => tf.lessEqual(a, b),
  '>': (tf, a, b) => tf.greater(a, b),
  '>=': (tf, a, b) => tf.greaterEqual(a, b),
  and: (tf, a, b) => tf.logicalAnd(asTensor(tf, a), asTensor(tf, b)),
  or: (tf, a, b) => tf.logicalOr(asTensor(tf, a), asTensor(tf, b)),
};

const asTensor = (tf: TF, v: Operand): Tensor => (typeof v === 'number' ? tf.scalar(v) : v);

function operandOf(g: GraphArg, inputs: Tensor[]): Operand {
  if (g.kind === 'tensor') return inputs[g.index]!;
  if (g.kind === 'float') return g.value;
  if (g.kind === 'int' && typeof g.value === 'number') return g.value;
  if (g.kind === 'bool') return g.value ? 1 : 0;
  throw new Error('an operand that is not a number or a tensor');
}

export function operatorKernel(kind: string): Kernel | undefined {
  const [family, op] = kind.split(':') as [string, string];
  if (family === 'binary') {
    const f = BINARY[op];
    if (!f) return undefined;
    return { call: (k, inputs) => f(k.tf, operandOf(k.args.raw('left'), inputs), operandOf(k.args.raw('right'), inputs)) };
  }
  if (family === 'unary') {
    if (op === '-') return { call: (k, [x]) => k.tf.neg(x!) };
    if (op === '+') return { call: (_k, [x]) => x! };
    if (op === 'not') return { call: (k, [x]) => k.tf.logicalNot(x!) };
  }
  if (kind === 'slice') return { call: (k, [x]) => slice(k.tf, x!, axesOf(k)) };
  return undefined;
}

function axesOf(k: CallContext): readonly SliceAxis[] {
  if (!k.axes) throw new Error('slice: the axes are missing');
  return k.axes;
}

/** NumPy slicing with resolved positions: strided slice, then dropped and new axes. */
function slice(tf: TF, x: Tensor, axes: readonly SliceAxis[]): Tensor {
  const begin: number[] = [];
  const end: number[] = [];
  const strides: number[] = [];
  const finalShape: number[] = [];
  let axis = 0;
  for (const a of axes) {
    if (a.kind === 'newaxis') {
      finalShape.push(1);
      continue;
    }
    const size = x.shape[axis]!;
    if (a.kind === 'all') {
      begin.push(0), end.push(size), strides.push(1), finalShape.push(size);
    } else if (a.kind === 'index') {
      begin.push(a.at), end.push(a.at + 1), strides.push(1);
    } else {
      begin.push(a.start), end.push(a.stop), strides.push(a.step);
      finalShape.push(Math.max(0, Math.ceil((a.stop - a.start) / a.step)));
    }
    axis++;
  }
  for (; axis < x.rank; axis++) {
    begin.push(0), end.push(x.shape[axis]!), strides.push(1), finalShape.push(x.shape[axis]!);
  }
  const cut = tf.stridedSlice(x, begin, end, strides);
  return tf.reshape(cut, finalShape);
}
